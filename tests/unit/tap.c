/* SPDX-License-Identifier: MIT */
/*
 * tap: TAP output for the unit tests; see tap.h.
 */
#include "config.h"
#include "tap.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* The test program's running counts: a test is one process. */
static int tap_count, tap_failed;

static void print_result(int cond, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));

static void
print_result(int cond, const char *fmt, va_list ap)
{
	printf("%sok %d - ", cond ? "" : "not ", ++tap_count);
	vprintf(fmt, ap);
	putchar('\n');
	if (!cond)
		tap_failed++;
}

int
tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_result(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n", file, line);
	fflush(stdout);
	return cond;
}

/* Print s for a diagnostic, escaping what is not printable ASCII. */
static void
diag_quoted(const char *label, const void *s, size_t len)
{
	const unsigned char *p = s;

	printf("#   %s: ", label);
	if (s == NULL) {
		printf("(null)\n");
		return;
	}
	putchar('"');
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\n')
			printf("\\n");
		else if (p[i] < 0x20 || p[i] == 0x7F)
			printf("\\x%02x", p[i]);
		else
			putchar(p[i]);
	}
	printf("\"\n");
}

int
tap_is_mem(const void *got, size_t got_len, const void *want, size_t want_len,
    const char *file, int line, const char *fmt, ...)
{
	int cond = got != NULL && want != NULL && got_len == want_len &&
	    memcmp(got, want, got_len) == 0;
	va_list ap;

	if (got == NULL && want == NULL)
		cond = 1;
	va_start(ap, fmt);
	print_result(cond, fmt, ap);
	va_end(ap);
	if (!cond) {
		printf("#   failed at %s:%d\n", file, line);
		diag_quoted("     got", got, got_len);
		diag_quoted("expected", want, want_len);
	}
	fflush(stdout);
	return cond;
}

int
tap_is_str(const char *got, const char *want, const char *file, int line,
    const char *fmt, ...)
{
	int cond = (got == NULL && want == NULL) ||
	    (got != NULL && want != NULL && strcmp(got, want) == 0);
	va_list ap;

	va_start(ap, fmt);
	print_result(cond, fmt, ap);
	va_end(ap);
	if (!cond) {
		printf("#   failed at %s:%d\n", file, line);
		diag_quoted("     got", got, got ? strlen(got) : 0);
		diag_quoted("expected", want, want ? strlen(want) : 0);
	}
	fflush(stdout);
	return cond;
}

int
tap_is_int(intmax_t got, intmax_t want, const char *file, int line,
    const char *fmt, ...)
{
	int cond = got == want;
	va_list ap;

	va_start(ap, fmt);
	print_result(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   failed at %s:%d\n#        got: %jd\n#   expected: %jd\n",
		    file, line, got, want);
	fflush(stdout);
	return cond;
}

void
tap_diag(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

void
tap_skip(const char *why, ...)
{
	va_list ap;

	printf("ok %d # SKIP ", ++tap_count);
	va_start(ap, why);
	vprintf(why, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

int
tap_skip_all(const char *why, ...)
{
	va_list ap;

	printf("1..0 # SKIP ");
	va_start(ap, why);
	vprintf(why, ap);
	va_end(ap);
	putchar('\n');
	return 0;
}

int
tap_done(void)
{
	printf("1..%d\n", tap_count);
	if (tap_failed)
		printf("# %d of %d checks failed\n", tap_failed, tap_count);
	return tap_failed ? 1 : 0;
}
