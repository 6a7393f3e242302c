/* SPDX-License-Identifier: MIT */
/*
 * xmalloc: the allocation wrappers. Out of memory is not an error the
 * program can recover from in any useful way, so it aborts here, once,
 * instead of every caller carrying a NULL check.
 */
#include "config.h"
#include "xmalloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void __attribute__((noreturn))
oom(size_t size)
{
	char msg[96];
	int n = snprintf(msg, sizeof msg,
	    "newsreader: out of memory allocating %zu bytes\n", size);
	if (n > 0)
		(void)!write(STDERR_FILENO, msg, (size_t)n);
	abort();
}

void *
xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p;

	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	p = calloc(nmemb, size);
	if (p == NULL)
		oom(st_mult(nmemb, size));
	return p;
}

void *
xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (p == NULL)
		oom(size);
	return p;
}

void *
xreallocarray(void *ptr, size_t nmemb, size_t size)
{
	return xrealloc(ptr, st_mult(nmemb, size));
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	size_t len = strnlen(s, n);
	char *p = xmalloc(st_add(len, 1));
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom(strlen(fmt));
	return s;
}

size_t
st_mult(size_t a, size_t b)
{
	if (a != 0 && b > SIZE_MAX / a) {
		static const char msg[] = "newsreader: size overflow\n";
		(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
		abort();
	}
	return a * b;
}

size_t
st_add(size_t a, size_t b)
{
	if (a > SIZE_MAX - b) {
		static const char msg[] = "newsreader: size overflow\n";
		(void)!write(STDERR_FILENO, msg, sizeof msg - 1);
		abort();
	}
	return a + b;
}
