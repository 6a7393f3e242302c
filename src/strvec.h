/* SPDX-License-Identifier: MIT */
/*
 * strvec: a growable, NULL-terminated array of owned strings.
 *
 * Invariant: v is never NULL and v[nr] == NULL, so v can be passed as an
 * argv. Every string in it belongs to the strvec.
 */
#ifndef NR_STRVEC_H
#define NR_STRVEC_H

#include <stddef.h>

struct strvec {
	char **v;	/* nr strings, then NULL; never NULL itself */
	size_t nr;
	size_t alloc;	/* 0 while v points at the shared empty array */
};

extern const char *strvec_empty[];
#define STRVEC_INIT { (char **)strvec_empty, 0, 0 }

void strvec_init(struct strvec *sv);
void strvec_clear(struct strvec *sv);
/* Append a copy of s. */
void strvec_push(struct strvec *sv, const char *s);
/* Append s itself, taking ownership. */
void strvec_push_nodup(struct strvec *sv, char *s);
void strvec_pushf(struct strvec *sv, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Join the strings with sep into a new string the caller frees. */
char *strvec_join(const struct strvec *sv, const char *sep);

#endif
