/* SPDX-License-Identifier: MIT */
/*
 * buf: growable NUL-terminated strings. See buf.h for the invariants.
 */
#include "config.h"
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

/*
 * Every empty, unallocated buf points here so that buf->buf is never NULL
 * and always a valid empty string. It must be writable memory only because
 * buf_setlen(b, 0) stores a '\0' into it; that store writes the value it
 * already holds.
 */
char buf_slopbuf[1];

void
buf_init(struct buf *b, size_t hint)
{
	b->alloc = 0;
	b->len = 0;
	b->buf = buf_slopbuf;
	if (hint)
		buf_grow(b, hint);
}

void
buf_release(struct buf *b)
{
	if (b->alloc)
		free(b->buf);
	buf_init(b, 0);
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *s;

	if (len)
		*len = b->len;
	if (!b->alloc)
		buf_grow(b, 0);
	s = b->buf;
	buf_init(b, 0);
	return s;
}

void
buf_grow(struct buf *b, size_t extra)
{
	size_t need = st_add(st_add(b->len, extra), 1);
	int was_empty = !b->alloc;

	if (need <= b->alloc)
		return;
	if (need < 2 * b->alloc)
		need = 2 * b->alloc;
	if (need < 32)
		need = 32;
	b->buf = xrealloc(was_empty ? NULL : b->buf, need);
	b->alloc = need;
	if (was_empty)
		b->buf[0] = '\0';
}

void
buf_setlen(struct buf *b, size_t len)
{
	if (b->alloc == 0 && len == 0)
		return;	/* leave the shared empty string untouched */
	if (len >= b->alloc)
		buf_grow(b, len - b->len);
	b->len = len;
	b->buf[len] = '\0';
}

void
buf_add(struct buf *b, const void *data, size_t len)
{
	if (len == 0)
		return;
	buf_grow(b, len);
	memmove(b->buf + b->len, data, len);
	b->len += len;
	b->buf[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, int c)
{
	buf_grow(b, 1);
	b->buf[b->len++] = (char)c;
	b->buf[b->len] = '\0';
}

void
buf_addbuf(struct buf *b, const struct buf *other)
{
	buf_add(b, other->buf, other->len);
}

void
buf_vaddf(struct buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		return;
	if ((size_t)n >= b->alloc - b->len) {
		buf_grow(b, (size_t)n);
		n = vsnprintf(b->buf + b->len, b->alloc - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(b, fmt, ap);
	va_end(ap);
}

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

void
buf_trim(struct buf *b)
{
	size_t start = 0, end = b->len;

	while (start < end && is_space(b->buf[start]))
		start++;
	while (end > start && is_space(b->buf[end - 1]))
		end--;
	if (start)
		memmove(b->buf, b->buf + start, end - start);
	buf_setlen(b, end - start);
}
