/* SPDX-License-Identifier: MIT */
/*
 * date: every date form the articles use -> UTC seconds, and back.
 *
 * Accepted (case-insensitive names, surrounding blanks ignored):
 *   RFC 2822/1123      Fri, 03 Dec 2021 01:20:34 GMT   (+0800, EST, ...)
 *   ISO 8601           2021-12-03T01:20:34.123Z, 2021-12-03 09:20:34+08:00
 *   Hexo               2021-12-03 09:20:34, 2021/12/3 9:20[:34], 2021-12-03
 *   JavaScript         Fri Dec 03 2021 09:20:34 GMT+0800 (China Standard Time)
 *   Chinese            2021年12月3日 [09:20[:34]]
 * A time without a zone is local time: the C library's zone, which honours TZ.
 * Everything here is thread-safe.
 */
#ifndef NR_DATE_H
#define NR_DATE_H

#include <stddef.h>
#include <stdint.h>

/* Sizes of the formatted strings, NUL included. */
#define DATE_LOCAL_SIZE 17	/* "2021-12-03 09:20" */
#define DATE_ISO_SIZE 21	/* "2021-12-03T01:20:34Z" */

/* Parse s (len bytes, need not be NUL-terminated). 0 and *t, or -1. */
int date_parse(const char *s, size_t len, int64_t *t);

/*
 * A Jekyll post name "YYYY-MM-DD-slug.ext" (a path's last component is
 * used): 0 and *t at local midnight of that day, or -1.
 */
int date_from_filename(const char *path, int64_t *t);

/* Local "YYYY-MM-DD HH:MM". */
void date_format_local(char out[DATE_LOCAL_SIZE], int64_t t);
/* UTC "YYYY-MM-DDTHH:MM:SSZ". */
void date_format_iso(char out[DATE_ISO_SIZE], int64_t t);

/* Seconds since the epoch of a UTC civil time (proleptic Gregorian). */
int64_t date_utc(int year, int month, int day, int hour, int min, int sec);

/* Seconds on the monotonic clock: for intervals (batches, refreshes). */
double date_monotonic(void);

#endif
