/* SPDX-License-Identifier: MIT */
/*
 * buf: the one growable string type (after git's strbuf).
 *
 * Invariants: buf is never NULL and buf[len] is always '\0', so a buf can
 * be handed to any function that takes a C string (the contents may also
 * hold NUL bytes; len is the truth). alloc is the allocated size, or 0
 * while buf points at the shared empty string buf_slopbuf.
 *
 * Lifecycle: BUF_INIT or buf_init(), then buf_release() to free, or
 * buf_detach() to take the string and leave the buf empty.
 */
#ifndef NR_BUF_H
#define NR_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	size_t alloc;	/* bytes allocated, 0 when buf == buf_slopbuf */
	size_t len;	/* bytes used, not counting the terminating NUL */
	char *buf;	/* never NULL, buf[len] == '\0' */
};

/* The shared empty string an unallocated buf points at; never written. */
extern char buf_slopbuf[];
#define BUF_INIT { 0, 0, buf_slopbuf }

/* --- lifecycle --- */
void buf_init(struct buf *b, size_t hint);
void buf_release(struct buf *b);
/* Take the string (always allocated, caller frees); b is left empty. */
char *buf_detach(struct buf *b, size_t *len);

/* --- size --- */
/* Make room for extra more bytes (plus the NUL). */
void buf_grow(struct buf *b, size_t extra);
/* Set the length to len <= alloc-1 (or 0), writing the NUL. */
void buf_setlen(struct buf *b, size_t len);
static inline void buf_reset(struct buf *b) { buf_setlen(b, 0); }

/* --- appending --- */
void buf_add(struct buf *b, const void *data, size_t len);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, int c);
void buf_addf(struct buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_vaddf(struct buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Append a copy of another buf. */
void buf_addbuf(struct buf *b, const struct buf *other);

/* --- editing --- */
/* Remove leading and trailing ASCII white space. */
void buf_trim(struct buf *b);

#endif
