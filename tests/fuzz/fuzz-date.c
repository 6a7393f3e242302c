/* SPDX-License-Identifier: MIT */
/*
 * fuzz-date: a fuzz target for date.c, every date form the articles use.
 *
 * The input is a date string as a front matter's date: value would hold
 * it (any bytes). It is also read as a file name (date_from_filename).
 * A date that parses must come back unchanged through its ISO form: the
 * ISO form is one of the accepted forms, and formatting is exact.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date.h"
#include "fuzz.h"
#include "xmalloc.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Set once, before the first input: local times are read in a zone
	 * with daylight saving (New York's rules, given as a POSIX rule so no
	 * tzdata is needed), so the gap and overlap paths run too. */
	static bool zone_set;
	char iso[DATE_ISO_SIZE], local[DATE_LOCAL_SIZE];
	int64_t t, back;
	char *name;

	if (!zone_set) {
		setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
		tzset();
		zone_set = true;
	}
	if (date_parse((const char *)data, size, &t) == 0) {
		date_format_iso(iso, t);
		date_format_local(local, t);
		FUZZ_ASSERT(strlen(iso) == DATE_ISO_SIZE - 1);
		FUZZ_ASSERT(strlen(local) == DATE_LOCAL_SIZE - 1);
		/* Years before 1000 are refused, and 0000-... means out of
		 * range: only a four-digit year from 1000 on comes back. */
		if (iso[0] != '0') {
			FUZZ_ASSERT(date_parse(iso, strlen(iso), &back) == 0);
			FUZZ_ASSERT(back == t);
		}
	}
	name = xmalloc(size + 1);
	memcpy(name, data, size);
	name[size] = '\0';
	date_from_filename(name, &t);
	free(name);
	return 0;
}

#ifndef NR_LIBFUZZER
static const char *const seeds[] = {
	"Fri, 03 Dec 2021 01:20:34 GMT",
	"Sun, 14 Mar 2021 02:30:00 -0500",
	"2021-12-03T01:20:34.123Z",
	"2021-12-03 09:20:34+08:00",
	"2021-11-07 01:30:00",
	"2021/3/21 9:05",
	"2021-12-03",
	"Fri Dec 03 2021 09:20:34 GMT+0800 (China Standard Time)",
	"2021年12月3日 09:20:34",
	"2021-12-31T24:00:00Z",
	"2016-12-31T23:59:60Z",
	"2021-12-05-weather-cold-wave.md",
};

/* Bytes that matter to the date forms, for insertion. */
static const char *const tokens[] = {
	"-", "/", ":", ".", " ", "T", "Z", "+", "-0", "GMT", "UTC", "EST",
	"年", "月", "日", "(", ")", "Dec", "Fri, ", "99999", "0", "60", "24",
	"9999", "1000", "\xE5", "\t", "", ",",
};

int
main(int argc, char **argv)
{
	static const struct fuzz_target t = {
		"date", seeds, sizeof seeds / sizeof *seeds,
		tokens, sizeof tokens / sizeof *tokens, NULL,
	};

	return fuzz_main(&t, argc, argv);
}
#endif
