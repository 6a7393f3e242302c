/* SPDX-License-Identifier: MIT */
/*
 * xmalloc: allocation that cannot fail.
 *
 * Every function here aborts the program with a message on out-of-memory,
 * so callers never test for NULL. Sizes that multiply go through st_mult()
 * or xreallocarray(), which abort on overflow instead of wrapping.
 */
#ifndef NR_XMALLOC_H
#define NR_XMALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *ptr, size_t size);
/* Resize to nmemb * size bytes; aborts if the product overflows. */
void *xreallocarray(void *ptr, size_t nmemb, size_t size);
char *xstrdup(const char *s);
/* Copy at most n bytes of s and NUL-terminate. */
char *xstrndup(const char *s, size_t n);
/* A newly allocated formatted string; the caller frees it. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* a * b and a + b, aborting on overflow. */
size_t st_mult(size_t a, size_t b);
size_t st_add(size_t a, size_t b);

/*
 * Make room for at least nr elements in the array p whose capacity is
 * alloc (both lvalues). Grows geometrically, so appending is amortised O(1).
 */
#define ALLOC_GROW(p, nr, alloc)                                        \
	do {                                                            \
		if ((size_t)(nr) > (size_t)(alloc)) {                   \
			size_t alloc_grow_n_ = (alloc) < 8 ? 8 : (alloc);   \
			while (alloc_grow_n_ < (size_t)(nr))            \
				alloc_grow_n_ = st_mult(alloc_grow_n_, 2);  \
			(p) = xreallocarray((p), alloc_grow_n_, sizeof(*(p))); \
			(alloc) = alloc_grow_n_;                        \
		}                                                       \
	} while (0)

#endif
