/* SPDX-License-Identifier: MIT */
/*
 * breaks: line break opportunities and grapheme cluster boundaries.
 *
 * ICU works on UTF-16, so the text is converted once per call into
 * b->u16, with b->map[i] the byte offset of UTF-16 unit i (map[n16] is
 * len), so each ICU boundary maps straight back to a byte offset.
 *
 * Clusters take a fast path: the boundary between two "simple" code points
 * (printable ASCII, CJK ideographs, kana, CJK and fullwidth punctuation;
 * none of them Prepend, Extend, SpacingMark, ZWJ, Hangul, a regional
 * indicator or a control) is always a cluster boundary (UAX #29's GB999),
 * so ICU's character iterator only runs over the stretches around other
 * code points. Each stretch is widened by one simple code point on either
 * side, which is enough context: no rule looks past a simple code point.
 */
#include "config.h"
#include "breaks.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>

#include "utf8.h"
#include "xmalloc.h"

struct breaks {
	bool tailored;
	UBreakIterator *line;	/* UAX #14, zh or root */
	UBreakIterator *chars;	/* UAX #29 extended grapheme clusters */
	UChar *u16;		/* the text in UTF-16 */
	uint32_t *map;		/* UTF-16 index -> byte offset; n16 + 1 */
	uint32_t *cps;		/* the code points */
	uint32_t *offs;		/* each code point's byte offset; then len */
	uint8_t *cls;		/* each code point's enum cp_class bits */
	size_t ncp;		/* code points in cps */
	bool shortcuts;		/* the fast paths (off only in tests) */
	size_t alloc16;		/* of each array: len + 1 covers them all */
};

struct breaks *
breaks_new(bool tailored)
{
	struct breaks *b = xcalloc(1, sizeof *b);
	UErrorCode st = U_ZERO_ERROR;

	b->tailored = tailored;
	b->shortcuts = true;
	b->line = ubrk_open(UBRK_LINE, tailored ? "zh" : "", NULL, 0, &st);
	if (U_FAILURE(st)) {
		/* ICU without its data cannot segment at all */
		fprintf(stderr, "newsreader: ICU line breaking: %s\n",
		    u_errorName(st));
		abort();
	}
	b->chars = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "newsreader: ICU character breaking: %s\n",
		    u_errorName(st));
		abort();
	}
	return b;
}

void
breaks_free(struct breaks *b)
{
	if (!b)
		return;
	ubrk_close(b->line);
	ubrk_close(b->chars);
	free(b->u16);
	free(b->map);
	free(b->cps);
	free(b->offs);
	free(b->cls);
	free(b);
}

/* --- classes, computed once per code point --- */

enum cp_class {
	CLS_HAN = 1 << 0,	/* a CJK ideograph: ID, breaks on both sides */
	CLS_SIMPLE = 1 << 1,	/* ends and starts grapheme clusters */
	CLS_VETO = 1 << 2,	/* may be in a class of the veto list */
};

static inline uint8_t
classify(uint32_t cp)
{
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return CLS_HAN | CLS_SIMPLE;
	if (cp >= 0x20 && cp <= 0x7E)
		return CLS_SIMPLE | (cp == '%' ? CLS_VETO : 0);
	/* none of these is Prepend, Extend, SpacingMark, ZWJ, Hangul, a
	 * regional indicator or a control (UAX #29) */
	return (((cp >= 0x3000 && cp <= 0x3029) ||
	    (cp >= 0x3030 && cp <= 0x303F) || (cp >= 0x3041 && cp <= 0x3096) ||
	    (cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0xFF01 && cp <= 0xFF9D) ||
	    (cp >= 0x2010 && cp <= 0x2027)) ? CLS_SIMPLE : 0) |
	    ((cp == 0xB7 || (cp >= 0x2014 && cp <= 0x2103) ||
	    (cp >= 0x3001 && cp <= 0x301B) || cp == 0x30FB ||
	    (cp >= 0xFF01 && cp <= 0xFF5D)) ? CLS_VETO : 0);
}

/* --- the veto list --- */

bool
breaks_is_closing(uint32_t cp)
{
	switch (cp) {
	case 0xFF0C: case 0x3002: case 0x3001: case 0xFF1B: case 0xFF1A:
	case 0xFF1F: case 0xFF01: case 0xFF09: case 0x300D: case 0x300F:
	case 0x3011: case 0x300B: case 0x3009: case 0x201D: case 0x2019:
	case 0x2026: case 0x0025:
	/* their kin */
	case 0xFF0E: case 0x3015: case 0x3017: case 0x3019: case 0x301B:
	case 0xFF3D: case 0xFF5D: case 0xFF05: case 0x2030: case 0x2103:
		return true;
	}
	return false;
}

bool
breaks_is_opening(uint32_t cp)
{
	switch (cp) {
	case 0xFF08: case 0x300C: case 0x300E: case 0x3010: case 0x300A:
	case 0x3008: case 0x201C: case 0x2018:
	case 0x3014: case 0x3016: case 0x3018: case 0x301A: case 0xFF3B:
	case 0xFF5B:
		return true;
	}
	return false;
}

/* Dashes and ellipses that come in pairs and must not split. */
static bool
is_paired(uint32_t cp)
{
	return cp == 0x2014 || cp == 0x2026 || cp == 0x2015;
}

static bool
is_middle_dot(uint32_t cp)
{
	return cp == 0x00B7 || cp == 0x30FB;
}

/*
 * Clear the LINE bit of boundaries the veto list forbids. cps[k] is the
 * k-th code point, at byte offset offs[k] (the map of its first unit).
 */
static void
apply_vetoes(const uint32_t *cps, const uint32_t *offs, const uint8_t *cls,
    size_t ncp, uint8_t *flags)
{
	uint32_t last_nonspace = 0;	/* before boundary k: the last non-space */
	uint8_t last_cls = 0;

	for (size_t k = 1; k < ncp; k++) {
		uint32_t prev = cps[k - 1], next = cps[k];
		uint8_t *f = &flags[offs[k]];

		if (prev != ' ') {
			last_nonspace = prev;
			last_cls = cls[k - 1];
		}
		if (!(*f & BREAKS_LINE) || (*f & BREAKS_HARD))
			continue;
		if (!((cls[k] | last_cls) & CLS_VETO))
			continue;
		if (breaks_is_closing(next) || is_middle_dot(next) ||
		    breaks_is_opening(last_nonspace) ||
		    (is_paired(prev) && prev == next))
			*f &= (uint8_t)~BREAKS_LINE;
	}
}

/* --- conversion --- */

/* utf8_decode(), with the common cases (ASCII, three-byte BMP) inline. */
static inline int
decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xF0) == 0xE0 && len >= 3 && (s[1] & 0xC0) == 0x80 &&
	    (s[2] & 0xC0) == 0x80) {
		uint32_t v = ((uint32_t)(s[0] & 0x0F) << 12) |
		    ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
		if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
			*cp = v;
			return 3;
		}
	}
	return utf8_decode(str, len, cp);
}

/* Convert s into b->u16 / b->map / b->cps. Returns the UTF-16 length and
 * sets *ncp to the number of code points. */
static size_t
to_utf16(struct breaks *b, const char *s, size_t len, size_t *ncp)
{
	size_t n16 = 0, k = 0;

	if (len + 2 > b->alloc16) {
		b->alloc16 = len + 2;
		b->u16 = xreallocarray(b->u16, b->alloc16, sizeof *b->u16);
		b->map = xreallocarray(b->map, b->alloc16, sizeof *b->map);
		b->cps = xreallocarray(b->cps, b->alloc16, sizeof *b->cps);
		b->offs = xreallocarray(b->offs, b->alloc16, sizeof *b->offs);
		b->cls = xreallocarray(b->cls, b->alloc16, sizeof *b->cls);
	}
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n;

		if ((n = decode(s + i, len - i, &cp)) < 0)
			n = 1;
		b->offs[k] = (uint32_t)i;
		b->cls[k] = classify(cp);
		b->cps[k++] = cp;
		if (cp >= 0x10000) {
			b->map[n16] = (uint32_t)i;
			b->u16[n16++] = (UChar)(0xD800 + ((cp - 0x10000) >> 10));
			b->map[n16] = (uint32_t)i;
			b->u16[n16++] = (UChar)(0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			b->map[n16] = (uint32_t)i;
			b->u16[n16++] = (UChar)cp;
		}
		i += (size_t)n;
	}
	b->map[n16] = (uint32_t)len;
	b->offs[k] = (uint32_t)len;
	b->ncp = k;
	*ncp = k;
	return n16;
}

/* --- clusters --- */

/* Mark cluster boundaries inside UTF-16 units [from, to) with ICU. */
static void
icu_clusters(struct breaks *b, size_t from, size_t to, uint8_t *flags)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t p;

	ubrk_setText(b->chars, b->u16 + from, (int32_t)(to - from), &st);
	if (U_FAILURE(st))
		return;
	while ((p = ubrk_next(b->chars)) != UBRK_DONE)
		if ((size_t)p < to - from)
			flags[b->map[from + (size_t)p]] |= BREAKS_CLUSTER;
}

/*
 * Clusters: simple pairs directly, the rest through ICU. u is the UTF-16
 * index of code point k, kept in step.
 */
static void
find_clusters(struct breaks *b, size_t n16, size_t ncp, uint8_t *flags)
{
	size_t k = 0, u = 0;

	if (!b->shortcuts) {
		icu_clusters(b, 0, n16, flags);
		return;
	}
	while (k < ncp) {
		size_t span_u;

		/* a run of simple pairs */
		while (k + 1 < ncp && (b->cls[k] & b->cls[k + 1] & CLS_SIMPLE)) {
			u += 1;		/* simple code points are in the BMP */
			k++;
			flags[b->map[u]] |= BREAKS_CLUSTER;
		}
		if (k + 1 >= ncp)
			break;
		/* from code point k (simple or the text's start), through the
		 * first simple code point after a stretch of others */
		span_u = u;
		do {
			u += b->cps[k] >= 0x10000 ? 2 : 1;
			k++;
		} while (k < ncp && !(b->cls[k] & CLS_SIMPLE));
		icu_clusters(b, span_u, k < ncp ? u + 1 : n16, flags);
	}
}

/* --- line breaks --- */

/* Mark the line breaks ICU finds strictly inside UTF-16 units [from, to). */
static void
icu_lines(struct breaks *b, size_t from, size_t to, uint8_t *flags)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t p;

	ubrk_setText(b->line, b->u16 + from, (int32_t)(to - from), &st);
	if (U_FAILURE(st))
		return;
	while ((p = ubrk_next(b->line)) != UBRK_DONE) {
		int32_t status = ubrk_getRuleStatus(b->line);
		uint8_t f = BREAKS_LINE;

		if ((size_t)p >= to - from)
			break;
		if (status >= UBRK_LINE_HARD && status < UBRK_LINE_HARD_LIMIT)
			f |= BREAKS_HARD;
		flags[b->map[from + (size_t)p]] |= f;
	}
}

/* Runs of ideographs at least this long are left out of ICU's windows:
 * below it, setting ICU to a new window costs more than it saves. */
#define LONG_RUN 4

/*
 * Line breaks. Between two CJK ideographs (class ID) a line may always
 * break (UAX #14's LB31: no rule before it matches ID ID, in the root or
 * the zh rules), and no rule looks across an ideograph for context: each
 * rule that does (LB14 to LB17, LB21a, LB25, LB30a) wants spaces,
 * numbers, letters or indicators in between. So a long run of ideographs
 * is marked here, and ICU reads only the windows between such runs, each
 * window reaching one ideograph into the runs on either side.
 * tests/unit/test-breaks checks the result against ICU over the whole
 * text, for the corpus and for random strings.
 */
static void
find_lines(struct breaks *b, size_t n16, size_t ncp, uint8_t *flags)
{
	size_t win_k = 0, win_u = 0;	/* ICU's next window starts here */
	size_t k = 0, u = 0;		/* code point k is at UTF-16 unit u */

	if (!b->shortcuts) {
		icu_lines(b, 0, n16, flags);
		return;
	}
	while (k < ncp) {
		size_t j = k;

		if (!(b->cls[k] & CLS_HAN)) {
			u += b->cps[k] >= 0x10000 ? 2 : 1;
			k++;
			continue;
		}
		/* ideographs [k, j], one UTF-16 unit each */
		while (j + 1 < ncp && (b->cls[j + 1] & CLS_HAN))
			j++;
		if (j - k >= LONG_RUN) {
			if (k + 1 - win_k >= 2)
				icu_lines(b, win_u, u + 1, flags);
			for (size_t m = 1; m <= j - k; m++)
				flags[b->map[u + m]] |= BREAKS_LINE;
			win_k = j;
			win_u = u + (j - k);
		}
		u += j - k + 1;
		k = j + 1;
	}
	if (ncp - win_k >= 2)
		icu_lines(b, win_u, n16, flags);
}

void
breaks_set_shortcuts(struct breaks *b, bool on)
{
	b->shortcuts = on;
}

size_t
breaks_codepoints(const struct breaks *b, const uint32_t **cps,
    const uint32_t **offs)
{
	*cps = b->cps;
	*offs = b->offs;
	return b->ncp;
}

void
breaks_find(struct breaks *b, const char *s, size_t len, uint8_t *flags)
{
	size_t n16, ncp;

	memset(flags, 0, len + 1);
	flags[0] = BREAKS_CLUSTER;
	b->ncp = 0;
	if (len == 0)
		return;
	n16 = to_utf16(b, s, len, &ncp);
	find_lines(b, n16, ncp, flags);
	find_clusters(b, n16, ncp, flags);
	flags[len] |= BREAKS_CLUSTER | BREAKS_LINE;
	if (b->tailored)
		apply_vetoes(b->cps, b->offs, b->cls, ncp, flags);
}
