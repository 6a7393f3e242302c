/* SPDX-License-Identifier: MIT */
/*
 * report: error and warning plumbing; see report.h.
 */
#include "config.h"
#include "report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "quote.h"
#include "utf8.h"
#include "xmalloc.h"

void
error_set(struct error *err, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(err->msg);
	err->msg = buf_detach(&b, NULL);
}

void
error_release(struct error *err)
{
	free(err->msg);
	err->msg = NULL;
}

static void
warnings_vadd(struct warnings *w, int line, int col, const char *fmt,
    va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vaddf(&b, fmt, ap);
	ALLOC_GROW(w->v, w->nr + 1, w->alloc);
	w->v[w->nr].line = line;
	w->v[w->nr].col = col;
	w->v[w->nr].msg = buf_detach(&b, NULL);
	w->nr++;
}

void
warnings_add(struct warnings *w, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warnings_vadd(w, line, 0, fmt, ap);
	va_end(ap);
}

void
warnings_add_at(struct warnings *w, int line, int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	warnings_vadd(w, line, col, fmt, ap);
	va_end(ap);
}

void
warnings_release(struct warnings *w)
{
	for (size_t i = 0; i < w->nr; i++)
		free(w->v[i].msg);
	free(w->v);
	w->v = NULL;
	w->nr = w->alloc = 0;
}

void
report_warnings(const struct reporter *r, const char *path,
    const struct warnings *w)
{
	if (r == NULL || r->fn == NULL)
		return;
	for (size_t i = 0; i < w->nr; i++)
		r->fn(r->ctx, path, w->v[i].line, w->v[i].msg);
}

void
report_format(struct buf *out, const char *path, int line, const char *msg)
{
	report_format_at(out, path, line, 0, msg);
}

void
report_format_at(struct buf *out, const char *path, int line, int col,
    const char *msg)
{
	buf_adds(out, "newsreader: ");
	if (path) {
		/* quoted as --list prints it, so it names the file */
		quote_add(out, path, strlen(path));
		if (line > 0)
			buf_addf(out, ":%d", line);
		if (line > 0 && col > 0)
			buf_addf(out, ":%d", col);
		buf_adds(out, ": ");
	}
	utf8_scrub(out, msg, strlen(msg), UTF8_SCRUB_ONELINE);
}

void
report_to_stderr(void *ctx, const char *path, int line, const char *msg)
{
	struct buf b = BUF_INIT;

	(void)ctx;
	report_format(&b, path, line, msg);
	buf_addc(&b, '\n');
	fwrite(b.buf, 1, b.len, stderr);
	buf_release(&b);
}
