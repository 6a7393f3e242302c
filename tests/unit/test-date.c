/* SPDX-License-Identifier: MIT */
/* Tests for src/date.c: every accepted form, zones, DST, formatting. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "date.h"
#include "tap.h"

/* Zones as POSIX rules, so the tests need no tzdata: Asia/Shanghai (no
   DST since 1991) and America/New_York (US rules since 2007). */
#define SHANGHAI "CST-8"
#define NEW_YORK "EST5EDT,M3.2.0,M11.1.0"

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* Parse s and compare with want (an ISO UTC string), or with failure. */
static void
check(const char *s, const char *want)
{
	char iso[DATE_ISO_SIZE];
	int64_t t;
	int r = date_parse(s, strlen(s), &t);

	if (want == NULL) {
		is_int(r, -1, "'%s' is refused", s);
		return;
	}
	if (r < 0) {
		ok(0, "'%s' parses", s);
		return;
	}
	date_format_iso(iso, t);
	is_str(iso, want, "'%s'", s);
}

static void
test_zoned(void)
{
	set_tz(SHANGHAI);	/* a zone given wins over TZ */
	check("Fri, 03 Dec 2021 01:20:34 GMT", "2021-12-03T01:20:34Z");
	check("Fri, 3 Dec 2021 09:20:34 +0800", "2021-12-03T01:20:34Z");
	check("03 Dec 2021 01:20 UT", "2021-12-03T01:20:00Z");
	check("Thu, 31 Dec 1936 00:00:00 GMT", "1936-12-31T00:00:00Z");
	check("Mon, 01 Feb 2021 10:00:00 EST", "2021-02-01T15:00:00Z");
	check("Sunday, 06-Nov-94 08:49:37 GMT", NULL);	/* 2-digit year */
	check("2021-12-03T01:20:34Z", "2021-12-03T01:20:34Z");
	check("2021-12-03T01:20:34.567Z", "2021-12-03T01:20:34Z");
	check("2021-12-03 09:20:34+08:00", "2021-12-03T01:20:34Z");
	check("2021-12-03T09:20:34+0800", "2021-12-03T01:20:34Z");
	check("2021-12-02T20:20:34-05:00", "2021-12-03T01:20:34Z");
	check("Fri Dec 03 2021 09:20:34 GMT+0800 (China Standard Time)",
	    "2021-12-03T01:20:34Z");
	check("  2021-12-03T01:20:34Z  ", "2021-12-03T01:20:34Z");
}

static void
test_local(void)
{
	set_tz(SHANGHAI);
	check("2021-12-03 09:20:34", "2021-12-03T01:20:34Z");
	check("2021-12-03T09:20:34", "2021-12-03T01:20:34Z");
	check("2021-12-03", "2021-12-02T16:00:00Z");
	check("2021/3/21 9:05", "2021-03-21T01:05:00Z");
	check("2021/03/21 09:05:07", "2021-03-21T01:05:07Z");
	check("2021年3月21日", "2021-03-20T16:00:00Z");
	check("2021年3月21日 08:00", "2021-03-21T00:00:00Z");
	check("2020-09-06 22:010:17", "2020-09-06T14:10:17Z");	/* scraped */
	check("2021-12-03 9:20", "2021-12-03T01:20:00Z");
	set_tz("UTC0");
	check("2021-12-03 09:20:34", "2021-12-03T09:20:34Z");
	check("2024-02-29 00:00:00", "2024-02-29T00:00:00Z");
}

static void
test_dst(void)
{
	set_tz(NEW_YORK);
	check("2021-03-14 01:59:59", "2021-03-14T06:59:59Z");	/* EST */
	check("2021-03-14 03:00:00", "2021-03-14T07:00:00Z");	/* EDT */
	/* 02:30 does not exist that night: read with EST, it is 03:30 EDT */
	check("2021-03-14 02:30:00", "2021-03-14T07:30:00Z");
	/* 01:30 happens twice in November: the first (EDT) is taken */
	check("2021-11-07 01:30:00", "2021-11-07T05:30:00Z");
	check("2021-07-01 12:00:00", "2021-07-01T16:00:00Z");
	check("2021-12-01 12:00:00", "2021-12-01T17:00:00Z");
}

static void
test_refused(void)
{
	set_tz("UTC0");
	check("Invalid Date", NULL);
	check("", NULL);
	check("2021-02-30", NULL);
	check("2023-02-29", NULL);
	check("2021-13-01", NULL);
	check("2021-12-03 25:00:00", NULL);
	check("2021-12-03 10:61", NULL);
	check("2021-12-03 junk", NULL);
	check("Fri, 03 Dec 2021 01:20:34 XYZ", NULL);
	check("2021-12-03T01:20:34+25:00", NULL);
	check("12/03/2021", NULL);
}

static void
test_filename(void)
{
	int64_t t;
	char iso[DATE_ISO_SIZE];

	set_tz(SHANGHAI);
	is_int(date_from_filename("posts/2021-12-05-cold-wave.md", &t), 0,
	    "a Jekyll name has a date");
	date_format_iso(iso, t);
	is_str(iso, "2021-12-04T16:00:00Z", "local midnight of that day");
	is_int(date_from_filename("2021-12-05.md", &t), -1,
	    "a date alone is not a Jekyll name");
	is_int(date_from_filename("x/2021-13-05-a.md", &t), -1,
	    "nor is an impossible date");
	is_int(date_from_filename("2021-12-05-a/b.md", &t), -1,
	    "only the file's own name counts");
}

static void
test_format(void)
{
	char loc[DATE_LOCAL_SIZE], iso[DATE_ISO_SIZE];
	int64_t t = date_utc(2021, 12, 3, 1, 20, 34);

	is_int(t, 1638494434, "date_utc");
	is_int(date_utc(1970, 1, 1, 0, 0, 0), 0, "the epoch");
	is_int(date_utc(1969, 12, 31, 23, 59, 59), -1, "before the epoch");
	date_format_iso(iso, t);
	is_str(iso, "2021-12-03T01:20:34Z", "ISO 8601 UTC");
	set_tz(SHANGHAI);
	date_format_local(loc, t);
	is_str(loc, "2021-12-03 09:20", "local, UTC+8");
	set_tz("UTC0");
	date_format_local(loc, t);
	is_str(loc, "2021-12-03 01:20", "local, UTC");
	date_format_iso(iso, date_utc(1936, 12, 31, 0, 0, 0));
	is_str(iso, "1936-12-31T00:00:00Z", "a date before 1970");
}

/* What date_format_local() must write: localtime_r() of t, every time. */
static void
reference_local(char out[DATE_LOCAL_SIZE], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char buf[64];

	localtime_r(&tt, &tm);
	snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min);
	memcpy(out, buf, DATE_LOCAL_SIZE - 1);
	out[DATE_LOCAL_SIZE - 1] = '\0';
}

/* Write t both ways; count a difference (and show the first few). */
static int
differs(int64_t t, int *shown)
{
	char got[DATE_LOCAL_SIZE], want[DATE_LOCAL_SIZE];

	date_format_local(got, t);
	reference_local(want, t);
	if (strcmp(got, want) == 0)
		return 0;
	if ((*shown)++ < 3)
		tap_diag("%lld: %s, not %s", (long long)t, got, want);
	return 1;
}

/*
 * date_format_local() keeps the local day of the last date it wrote; what
 * it writes must still be localtime_r()'s, in zones with DST, with a
 * half-hour DST, with leap seconds (right/UTC) and without: dates in
 * order and out of order over 2000-2030, and every 61 s of the two days
 * around each change of offset of 2021 (found by the hour), forwards and
 * backwards.
 */
static void
test_local_days(void)
{
	static const char *const zones[] = {
		SHANGHAI, NEW_YORK, "UTC0",
		"<+1030>-10:30<+11>-11,M10.1.0,M4.1.0",	/* a half-hour DST */
		"NZST-12NZDT,M9.5.0,M4.1.0/3",
		/* from tzdata, where installed */
		"Australia/Lord_Howe", "America/Sao_Paulo", "Pacific/Apia",
		"Europe/London", "right/UTC",
	};
	const int64_t from = 946684800, to = 1893456000;	/* 2000, 2030 */

	for (size_t z = 0; z < sizeof zones / sizeof zones[0]; z++) {
		char path[128];
		int bad = 0, shown = 0, changes = 0;
		uint64_t r = 12345;
		long off = 0;

		snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zones[z]);
		if (z >= 5 && access(path, R_OK) != 0) {
			tap_skip("no tzdata for %s", zones[z]);
			continue;
		}
		set_tz(zones[z]);
		for (int64_t t = from; t < to; t += 5 * 3600 + 7 * 60 + 13)
			bad += differs(t, &shown);
		for (int64_t t = to; t > from; t -= 5 * 3600 + 7 * 60 + 13)
			bad += differs(t, &shown);
		for (int i = 0; i < 20000; i++) {
			r = r * 6364136223846793005u + 1442695040888963407u;
			bad += differs(from + (int64_t)((r >> 33) % (uint64_t)(to - from)),
			    &shown);
		}
		for (int64_t h = date_utc(2021, 1, 1, 0, 0, 0);
		    h < date_utc(2022, 1, 1, 0, 0, 0); h += 3600) {
			time_t tt = (time_t)h;
			struct tm tm;

			localtime_r(&tt, &tm);
			if (h > date_utc(2021, 1, 1, 0, 0, 0) && tm.tm_gmtoff != off) {
				changes++;
				for (int64_t t = h - 86400; t < h + 86400; t += 61)
					bad += differs(t, &shown);
				for (int64_t t = h + 86400; t > h - 86400; t -= 61)
					bad += differs(t, &shown);
			}
			off = tm.tm_gmtoff;
		}
		ok(bad == 0, "%s: every date written as localtime_r() has it "
		    "(%d changes of offset in 2021 walked by the minute)",
		    zones[z], changes);
	}
}

int
main(void)
{
	test_zoned();
	test_local();
	test_dst();
	test_refused();
	test_filename();
	test_format();
	test_local_days();
	return tap_done();
}
