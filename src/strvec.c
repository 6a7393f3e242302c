/* SPDX-License-Identifier: MIT */
/*
 * strvec: NULL-terminated string arrays; see strvec.h.
 */
#include "config.h"
#include "strvec.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

/* What an empty strvec points at, so v[0] == NULL without allocating. */
const char *strvec_empty[] = { NULL };

void
strvec_init(struct strvec *sv)
{
	sv->v = (char **)strvec_empty;
	sv->nr = 0;
	sv->alloc = 0;
}

void
strvec_clear(struct strvec *sv)
{
	if (sv->alloc) {
		for (size_t i = 0; i < sv->nr; i++)
			free(sv->v[i]);
		free(sv->v);
	}
	strvec_init(sv);
}

void
strvec_push_nodup(struct strvec *sv, char *s)
{
	if (sv->alloc == 0)
		sv->v = NULL;
	ALLOC_GROW(sv->v, sv->nr + 2, sv->alloc);
	sv->v[sv->nr++] = s;
	sv->v[sv->nr] = NULL;
}

void
strvec_push(struct strvec *sv, const char *s)
{
	strvec_push_nodup(sv, xstrdup(s));
}

void
strvec_pushf(struct strvec *sv, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	strvec_push_nodup(sv, buf_detach(&b, NULL));
}

char *
strvec_join(const struct strvec *sv, const char *sep)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < sv->nr; i++) {
		if (i)
			buf_adds(&b, sep);
		buf_adds(&b, sv->v[i]);
	}
	return buf_detach(&b, NULL);
}
