/* SPDX-License-Identifier: MIT */
/*
 * tap: a tiny Test Anything Protocol producer for the unit tests.
 *
 * Each check prints "ok N - name" or "not ok N - name" with a diagnostic;
 * tap_done() prints the plan and returns the exit status for main(). The
 * automake TAP driver counts every check, so the suite's totals are real.
 */
#ifndef NR_TAP_H
#define NR_TAP_H

#include <stddef.h>
#include <stdint.h>

int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
int tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int tap_is_int(intmax_t got, intmax_t want, const char *file, int line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
int tap_is_mem(const void *got, size_t got_len, const void *want,
    size_t want_len, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void tap_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void tap_skip(const char *why, ...) __attribute__((format(printf, 1, 2)));
/* Skip the whole program: prints "1..0 # SKIP why"; return its value. */
int tap_skip_all(const char *why, ...) __attribute__((format(printf, 1, 2)));
/* Print the plan; returns 0 when every check passed, else 1. */
int tap_done(void);

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)
#define is_str(got, want, ...) \
	tap_is_str((got), (want), __FILE__, __LINE__, __VA_ARGS__)
#define is_int(got, want, ...) \
	tap_is_int((intmax_t)(got), (intmax_t)(want), __FILE__, __LINE__, __VA_ARGS__)
#define is_mem(got, glen, want, wlen, ...) \
	tap_is_mem((got), (glen), (want), (wlen), __FILE__, __LINE__, __VA_ARGS__)

#endif
