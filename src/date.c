/* SPDX-License-Identifier: MIT */
/*
 * date: table-driven date parsing; see date.h.
 *
 * Each accepted form is one pattern in formats[]. A pattern is matched
 * against the input by a small backtracking matcher:
 *   Y  year, 4 digits          M D  month, day, 1-2 digits
 *   h  hour, 1-2 digits        m    minute, 1-3 digits (scraped "22:010")
 *   s  second, 1-2 digits      f    fraction: '.' or ',' and digits
 *   b  month name (3+ letters of its English name)
 *   a  weekday name (3+ letters)
 *   z  a zone: Z, UTC, GMT, UT, +08:00, +0800, +08, GMT+0800, UTC+8, EST...
 *   p  a parenthesised comment: "(China Standard Time)"
 *   T  'T' or blanks           ' '  one or more blanks
 *   [...] optional             anything else matches itself
 * The first pattern that matches the whole input (trailing blanks aside)
 * and gives a valid date wins.
 */
#include "config.h"
#include "date.h"

#include <stdbool.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const formats[] = {
	"Y-M-D[Th:m[:s[f]][ ][z]]",		/* ISO 8601, Hexo */
	"Y/M/D[Th:m[:s[f]][ ][z]]",		/* 2021/3/21 9:05 */
	"Y.M.D[Th:m[:s[f]][ ][z]]",
	"Y年M月D日[ ][h:m[:s]]",
	"[a[,] ]D[ ]b[ ]Y[ h:m[:s]][ z][ p]",	/* RFC 2822 */
	"[a[,] ]D-b-Y[ h:m[:s]][ z]",		/* RFC 850 */
	"a b D Y[ h:m[:s]][ z][ p]",		/* JavaScript */
	"[a[,] ]b D[,] Y[ h:m[:s]][ z]",	/* Dec 3, 2021 */
};

struct fields {
	int year, month, day, hour, min, sec;
	bool zone;		/* a zone was given */
	int offset;		/* seconds east of UTC */
};

struct cursor {
	const char *s, *end;
};

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
};
static const char *const day_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday",
};
/* RFC 822's zones (CST is North America's, as the RFC says). */
static const struct { const char *name; int hours; } zone_names[] = {
	{ "UTC", 0 }, { "GMT", 0 }, { "UT", 0 }, { "Z", 0 },
	{ "EST", -5 }, { "EDT", -4 }, { "CST", -6 }, { "CDT", -5 },
	{ "MST", -7 }, { "MDT", -6 }, { "PST", -8 }, { "PDT", -7 },
};

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool
is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* min..max digits as a number into *v. */
static bool
number(struct cursor *c, int min, int max, int *v)
{
	int n = 0, x = 0;

	while (n < max && c->s < c->end && is_digit(*c->s)) {
		x = x * 10 + (*c->s++ - '0');
		n++;
	}
	*v = x;
	return n >= min;
}

/* A word of letters that is a 3+ letter prefix of one of names[]. */
static int
name(struct cursor *c, const char *const *names, int nnames)
{
	size_t n = 0;

	while (c->s + n < c->end && is_alpha(c->s[n]))
		n++;
	if (n < 3)
		return -1;
	for (int i = 0; i < nnames; i++) {
		if (n <= strlen(names[i]) && strncasecmp(c->s, names[i], n) == 0) {
			c->s += n;
			return i;
		}
	}
	return -1;
}

static bool
blanks(struct cursor *c)
{
	const char *s = c->s;

	while (c->s < c->end && (*c->s == ' ' || *c->s == '\t'))
		c->s++;
	return c->s > s;
}

/* +hh:mm, +hhmm, +hh or +h into *off (seconds); the sign is next. */
static bool
numeric_offset(struct cursor *c, int *off)
{
	int sign, h, m = 0;
	const char *start;

	if (c->s >= c->end || (*c->s != '+' && *c->s != '-'))
		return false;
	sign = *c->s++ == '-' ? -1 : 1;
	start = c->s;
	if (!number(c, 1, 4, &h))
		return false;
	if (c->s - start > 2) {		/* hhmm */
		if (c->s - start != 4)
			return false;
		m = h % 100;
		h /= 100;
	} else if (c->s < c->end && *c->s == ':') {
		c->s++;
		if (!number(c, 2, 2, &m))
			return false;
	}
	if (h > 18 || m > 59)
		return false;
	*off = sign * (h * 3600 + m * 60);
	return true;
}

static bool
zone(struct cursor *c, struct fields *f)
{
	size_t n = 0;

	while (c->s + n < c->end && is_alpha(c->s[n]))
		n++;
	f->zone = true;
	f->offset = 0;
	if (n == 0)
		return numeric_offset(c, &f->offset);
	for (size_t i = 0; i < sizeof zone_names / sizeof *zone_names; i++) {
		if (strlen(zone_names[i].name) == n &&
		    strncasecmp(c->s, zone_names[i].name, n) == 0) {
			c->s += n;
			f->offset = zone_names[i].hours * 3600;
			/* GMT+0800, UTC+8 */
			if (zone_names[i].hours == 0 && c->s < c->end &&
			    (*c->s == '+' || *c->s == '-'))
				return numeric_offset(c, &f->offset);
			return true;
		}
	}
	return false;
}

static bool
comment(struct cursor *c)
{
	const char *close;

	if (c->s >= c->end || *c->s != '(')
		return false;
	close = memchr(c->s, ')', (size_t)(c->end - c->s));
	if (close == NULL)
		return false;
	c->s = close + 1;
	return true;
}

/* Past the ']' that closes the '[' at p. */
static const char *
group_end(const char *p)
{
	int depth = 0;

	for (;; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && --depth == 0)
			return p + 1;
	}
}

static bool
match(const char *p, struct cursor c, struct fields *f)
{
	for (; *p; p++) {
		int v;

		switch (*p) {
		case '[': {
			struct fields saved = *f;
			if (match(p + 1, c, f))
				return true;
			*f = saved;
			p = group_end(p) - 1;
			continue;
		}
		case ']':
			continue;
		case 'Y':
			if (!number(&c, 4, 4, &f->year))
				return false;
			break;
		case 'M':
			if (!number(&c, 1, 2, &f->month))
				return false;
			break;
		case 'D':
			if (!number(&c, 1, 2, &f->day))
				return false;
			break;
		case 'h':
			if (!number(&c, 1, 2, &f->hour))
				return false;
			break;
		case 'm':
			if (!number(&c, 1, 3, &f->min))
				return false;
			break;
		case 's':
			if (!number(&c, 1, 2, &f->sec))
				return false;
			break;
		case 'f':
			if (c.s >= c.end || (*c.s != '.' && *c.s != ','))
				return false;
			c.s++;
			if (!number(&c, 1, 1, &v))
				return false;
			while (c.s < c.end && is_digit(*c.s))
				c.s++;
			break;
		case 'b':
			if ((v = name(&c, month_names, 12)) < 0)
				return false;
			f->month = v + 1;
			break;
		case 'a':
			if (name(&c, day_names, 7) < 0)
				return false;
			break;
		case 'z':
			if (!zone(&c, f))
				return false;
			break;
		case 'p':
			if (!comment(&c))
				return false;
			break;
		case 'T':
			if (c.s < c.end && (*c.s == 'T' || *c.s == 't'))
				c.s++;
			else if (!blanks(&c))
				return false;
			break;
		case ' ':
			if (!blanks(&c))
				return false;
			break;
		default: {
			/* A literal, maybe a multi-byte character. */
			size_t n = 1;
			while ((p[n] & 0xC0) == 0x80)
				n++;
			if ((size_t)(c.end - c.s) < n || memcmp(c.s, p, n) != 0)
				return false;
			c.s += n;
			p += n - 1;
			break;
		}
		}
	}
	blanks(&c);
	return c.s == c.end;
}

static bool
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

int64_t
date_utc(int year, int month, int day, int hour, int min, int sec)
{
	/* Howard Hinnant's days_from_civil. */
	int64_t y = year - (month <= 2);
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	int64_t yoe = y - era * 400;
	int64_t doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	int64_t days = era * 146097 + doe - 719468;

	return days * 86400 + hour * 3600 + min * 60 + sec;
}

/* Seconds east of UTC in force at t, local time. */
static long
offset_at(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (localtime_r(&tt, &tm) == NULL)
		return 0;
	return tm.tm_gmtoff;
}

/*
 * Local civil time -> UTC seconds, with the C library's zone (TZ), via
 * localtime_r, which is thread-safe. The offsets in force half a day
 * either side are the candidates (zones change offset at most once a
 * day). A time that happens twice (when clocks go back) is the first of
 * the two; a time in a gap (when clocks go forward) is read with the
 * offset in force before the gap, so 02:30 on a spring-forward night in
 * New York is 03:30 EDT.
 */
static int
local_to_utc(const struct fields *f, int64_t *t)
{
	int64_t naive = date_utc(f->year, f->month, f->day, f->hour, f->min,
	    f->sec);
	long before = offset_at(naive - 43200), after = offset_at(naive + 43200);
	bool found = false;
	long offs[2] = { before, after };

	for (int i = 0; i < (before == after ? 1 : 2); i++) {
		int64_t c = naive - offs[i];

		if (offset_at(c) == offs[i] && (!found || c < *t)) {
			*t = c;
			found = true;
		}
	}
	if (!found)
		*t = naive - before;
	return 0;
}

static int
resolve(struct fields *f, int64_t *t)
{
	if (f->year < 1000 || f->month < 1 || f->month > 12 || f->day < 1 ||
	    f->day > days_in_month(f->year, f->month) || f->hour > 24 ||
	    f->min > 59 || f->sec > 60)
		return -1;
	if (f->hour == 24) {	/* 24:00 ends a day; nothing later may */
		if (f->min || f->sec)
			return -1;
	}
	if (f->sec == 60)	/* a leap second: keep it in its minute */
		f->sec = 59;
	if (f->zone) {
		*t = date_utc(f->year, f->month, f->day, f->hour, f->min,
		    f->sec) - f->offset;
		return 0;
	}
	return local_to_utc(f, t);
}

int
date_parse(const char *s, size_t len, int64_t *t)
{
	struct cursor c = { s, s + len };

	blanks(&c);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		struct fields f;

		memset(&f, 0, sizeof f);
		if (match(formats[i], c, &f) && resolve(&f, t) == 0)
			return 0;
	}
	return -1;
}

int
date_from_filename(const char *path, int64_t *t)
{
	const char *base = strrchr(path, '/');
	struct cursor c;
	struct fields f;

	base = base ? base + 1 : path;
	if (strlen(base) < 11 || base[10] != '-')
		return -1;
	c.s = base;
	c.end = base + 10;
	memset(&f, 0, sizeof f);
	if (!match("Y-M-D", c, &f) || base[4] != '-' || base[7] != '-')
		return -1;
	return resolve(&f, t);
}

/* Write v as n decimal digits at out. */
static void
digits(char *out, int v, int n)
{
	while (n-- > 0) {
		out[n] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* "YYYY-MM-DD?HH:MM:SS" from tm into out (19 bytes, no NUL). */
static void
format_tm(char *out, const struct tm *tm, char sep)
{
	digits(out, tm->tm_year + 1900, 4);
	out[4] = '-';
	digits(out + 5, tm->tm_mon + 1, 2);
	out[7] = '-';
	digits(out + 8, tm->tm_mday, 2);
	out[10] = sep;
	digits(out + 11, tm->tm_hour, 2);
	out[13] = ':';
	digits(out + 14, tm->tm_min, 2);
	out[16] = ':';
	digits(out + 17, tm->tm_sec, 2);
}

/* Years we can write in four digits. */
static bool
in_range(const struct tm *tm)
{
	return tm->tm_year + 1900 >= 0 && tm->tm_year + 1900 <= 9999;
}

/*
 * The local day of the last date written, so that a listing in date order
 * (many dates a day) calls localtime_r() about four times a day rather
 * than once a line: it was a tenth of the time of a listing of 41,000
 * lines. A day is kept only when its clock is seen to run unbroken, at
 * 00:00:00 at its start, 12:00:00 twelve hours on and 23:59:59 at its
 * end: then the local time of any second of it is the start's plus the
 * seconds since. A change of offset or a leap second within the day
 * breaks one of those three; two changes that undo each other within
 * half a day would not, and no zone has had such. Keyed by the zone as
 * tzset() leaves it (tzname, timezone); one a thread.
 */
struct local_day {
	bool valid;
	int64_t start;		/* UTC seconds of its 00:00:00 */
	const char *name[2];
	long offset;
	char text[10];		/* "YYYY-MM-DD" */
};

static __thread struct local_day last_day;

/* Whether the local time at t is day's date at h:m:s. */
static bool
clock_at(int64_t t, const struct tm *day, int h, int m, int s)
{
	time_t tt = (time_t)t;
	struct tm tm;

	return localtime_r(&tt, &tm) != NULL && tm.tm_year == day->tm_year &&
	    tm.tm_mon == day->tm_mon && tm.tm_mday == day->tm_mday &&
	    tm.tm_hour == h && tm.tm_min == m && tm.tm_sec == s;
}

/* Keep the day of t (local time tm, written as text) if it runs unbroken. */
static void
learn_day(int64_t t, const struct tm *tm, const char *text)
{
	struct local_day *d = &last_day;
	int64_t start = t - (tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec);

	d->valid = tm->tm_sec < 60 && clock_at(start, tm, 0, 0, 0) &&
	    clock_at(start + 43200, tm, 12, 0, 0) &&
	    clock_at(start + 86399, tm, 23, 59, 59);
	if (!d->valid)
		return;
	d->start = start;
	d->name[0] = tzname[0];
	d->name[1] = tzname[1];
	d->offset = timezone;
	memcpy(d->text, text, sizeof d->text);
}

void
date_format_local(char out[DATE_LOCAL_SIZE], int64_t t)
{
	const struct local_day *d = &last_day;
	time_t tt = (time_t)t;
	char tmp[19];
	struct tm tm;

	if (d->valid && t >= d->start && t - d->start < 86400 &&
	    d->name[0] == tzname[0] && d->name[1] == tzname[1] &&
	    d->offset == timezone) {
		int s = (int)(t - d->start);

		memcpy(out, d->text, sizeof d->text);
		out[10] = ' ';
		digits(out + 11, s / 3600, 2);
		out[13] = ':';
		digits(out + 14, s / 60 % 60, 2);
		out[16] = '\0';
		return;
	}
	if (localtime_r(&tt, &tm) == NULL || !in_range(&tm)) {
		memcpy(out, "0000-00-00 00:00", DATE_LOCAL_SIZE);
		return;
	}
	format_tm(tmp, &tm, ' ');
	memcpy(out, tmp, 16);
	out[16] = '\0';
	learn_day(t, &tm, tmp);
}

void
date_format_iso(char out[DATE_ISO_SIZE], int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL || !in_range(&tm)) {
		memcpy(out, "0000-00-00T00:00:00Z", DATE_ISO_SIZE);
		return;
	}
	format_tm(out, &tm, 'T');
	out[19] = 'Z';
	out[20] = '\0';
}

double
date_monotonic(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
