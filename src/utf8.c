/* SPDX-License-Identifier: MIT */
/*
 * utf8: decoding, encoding and terminal-safe scrubbing of UTF-8 text.
 *
 * The scrubber's states follow the shape of ECMA-48 sequences closely
 * enough that no sequence a terminal would act on survives, while plain
 * text after a broken sequence is kept rather than lost.
 */
#include "config.h"
#include "utf8.h"

#include <string.h>

#include "buf.h"

int
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	int n;

	*cp = UTF8_REPLACEMENT;
	if (len == 0)
		return -1;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c < 0xC2) {
		return -1;	/* continuation byte or overlong 2-byte lead */
	} else if (c < 0xE0) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c < 0xF0) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c < 0xF5) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		return -1;
	}
	if (len < (size_t)n)
		return -1;
	for (int i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return n;
}

int
utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	} else if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

void
utf8_add(struct buf *b, uint32_t cp)
{
	char tmp[4];
	buf_add(b, tmp, (size_t)utf8_encode(cp, tmp));
}

size_t
utf8_valid_prefix(const char *s, size_t len)
{
	size_t i = 0;
	uint32_t cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		int n = utf8_decode(s + i, len - i, &cp);
		if (n < 0)
			break;
		i += (size_t)n;
	}
	return i;
}

void
utf8_sanitize(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t ok = utf8_valid_prefix(s + i, len - i);
		buf_add(out, s + i, ok);
		i += ok;
		if (i < len) {
			utf8_add(out, UTF8_REPLACEMENT);
			i++;
		}
	}
}

/* --- scrubbing --- */

enum {
	S_TEXT,		/* ordinary text */
	S_ESC,		/* after ESC */
	S_ESC_INTER,	/* ESC, then intermediate bytes 0x20..0x2F */
	S_CSI,		/* control sequence: parameters, intermediates */
	S_STRING,	/* OSC, DCS, SOS, PM or APC string */
	S_STRING_ESC,	/* ESC inside a string: maybe the start of ST */
};

bool
utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

bool
utf8_is_hazard(uint32_t cp)
{
	return utf8_is_control(cp) || utf8_is_bidi_control(cp) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0x061C || cp == 0x200E ||
	    cp == 0x200F;
}

bool
utf8_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

bool
utf8_scrub_feed(struct utf8_scrub *s, uint32_t cp)
{
	for (;;) {
		switch (s->state) {
		case S_TEXT:
			if (cp == 0x1B) {
				s->state = S_ESC;
				return false;
			}
			if (cp == 0x9B) {
				s->state = S_CSI;
				return false;
			}
			if (cp == 0x9D || cp == 0x90 || cp == 0x98 ||
			    cp == 0x9E || cp == 0x9F) {
				s->state = S_STRING;
				return false;
			}
			if (cp == '\t' || cp == '\n')
				return true;
			if (utf8_is_control(cp) || utf8_is_bidi_control(cp))
				return false;
			return true;
		case S_ESC:
			if (cp == '[') {
				s->state = S_CSI;
				return false;
			}
			if (cp == ']' || cp == 'P' || cp == 'X' || cp == '^' ||
			    cp == '_') {
				s->state = S_STRING;
				return false;
			}
			if (cp == 0x1B)
				return false;
			if (cp >= 0x20 && cp <= 0x2F) {
				s->state = S_ESC_INTER;
				return false;
			}
			if (cp >= 0x30 && cp <= 0x7E) {
				s->state = S_TEXT;
				return false;
			}
			s->state = S_TEXT;	/* broken: judge cp as text */
			continue;
		case S_ESC_INTER:
			if (cp >= 0x20 && cp <= 0x2F)
				return false;
			s->state = S_TEXT;
			if (cp >= 0x30 && cp <= 0x7E)
				return false;
			continue;
		case S_CSI:
			if (cp >= 0x20 && cp <= 0x3F)
				return false;
			if (cp >= 0x40 && cp <= 0x7E) {
				s->state = S_TEXT;
				return false;
			}
			s->state = S_TEXT;
			continue;
		case S_STRING:
			if (cp == 0x1B) {
				s->state = S_STRING_ESC;
				return false;
			}
			if (cp == 0x07 || cp == 0x9C || cp == 0x18 || cp == 0x1A) {
				s->state = S_TEXT;
				return false;
			}
			if (cp == '\n') {
				s->state = S_TEXT;
				continue;
			}
			return false;
		case S_STRING_ESC:
			if (cp == '\\') {
				s->state = S_TEXT;
				return false;
			}
			s->state = S_ESC;	/* a new sequence begins */
			continue;
		default:
			s->state = S_TEXT;
			continue;
		}
	}
}

/* Bytes that may begin what the scrubber removes: C0 controls but TAB
 * and LF, DEL, and the lead bytes of C1 controls (C2) and of the bidi
 * controls (E2). */
static const bool scrub_suspect[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
	[0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1,
	[0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1,
	[0x1A] = 1, [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1,
	[0x7F] = 1, [0xC2] = 1, [0xE2] = 1,
};

bool
utf8_scrub_needed(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;

	for (size_t i = 0; i < len; i++) {
		if (!scrub_suspect[s[i]]) {
			/* a three-byte sequence but E2's holds no suspect:
			 * skip its continuation bytes */
			if (s[i] >= 0xE3 && s[i] <= 0xEF)
				i += 2;
			continue;
		}
		if (s[i] < 0x80)
			return true;
		if (s[i] == 0xC2 && i + 1 < len && s[i + 1] < 0xA0)
			return true;	/* C1 */
		if (s[i] == 0xE2 && i + 2 < len && ((s[i + 1] == 0x80 &&
		    s[i + 2] >= 0xAA && s[i + 2] <= 0xAE) || (s[i + 1] == 0x81 &&
		    s[i + 2] >= 0xA6 && s[i + 2] <= 0xA9)))
			return true;	/* U+202A..E, U+2066..9 */
	}
	return false;
}

/*
 * Whether the 8 bytes at s are all printable ASCII (0x20..0x7E), tested
 * as one word: none has its high bit set, none is below 0x20 (a byte under
 * 0x20 borrows into its own high bit in x - 0x20...), none is 0x7F (which
 * carries into its high bit in x + 0x01...). A borrow may flag a higher
 * byte too, which only sends a clean word the slow way.
 */
static inline bool
printable8(const unsigned char *s)
{
	const uint64_t ones = UINT64_C(0x0101010101010101);
	uint64_t x;

	memcpy(&x, s, 8);
	return ((x | (x + ones) | ((x - 0x20 * ones) & ~x)) & 0x80 * ones) == 0;
}

/*
 * The length of the longest prefix of s that utf8_scrub() would copy
 * unchanged: valid UTF-8 holding no control, no bidi control, no line or
 * paragraph separator, and no TAB or LF that flags would rewrite. Most
 * text is all prefix, so scrubbing costs about a copy.
 */
static size_t
clean_prefix(const char *str, size_t len, unsigned flags)
{
	const unsigned char *s = (const unsigned char *)str;
	bool keep_tab = !(flags & (UTF8_SCRUB_ONELINE | UTF8_SCRUB_EXPAND_TABS));
	bool keep_nl = !(flags & UTF8_SCRUB_ONELINE);
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];

		if (c >= 0x20 && c < 0x7F) {
			i++;
			while (i + 8 <= len && printable8(s + i))
				i += 8;
		} else if (c == '\n' ? keep_nl : c == '\t' ? keep_tab : false) {
			i++;
		} else if (c >= 0xE3 && c <= 0xEF && c != 0xED && i + 2 < len &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;	/* U+3000..U+FFFF but surrogates: never special */
		} else {
			uint32_t cp;
			int n = utf8_decode(str + i, len - i, &cp);

			if (n < 0 || utf8_is_control(cp) || utf8_is_bidi_control(cp) ||
			    cp == 0x2028 || cp == 0x2029)
				break;
			i += (size_t)n;
		}
	}
	return i;
}

void
utf8_scrub(struct buf *out, const char *s, size_t len, unsigned flags)
{
	struct utf8_scrub st = UTF8_SCRUB_INIT;
	size_t i = 0;

	buf_grow(out, len);
	while (i < len) {
		uint32_t cp;
		int n;

		if (st.state == S_TEXT) {
			size_t run = clean_prefix(s + i, len - i, flags);

			buf_add(out, s + i, run);
			i += run;
			if (i == len)
				break;
		}
		n = utf8_decode(s + i, len - i, &cp);
		i += n < 0 ? 1 : (size_t)n;
		if (!utf8_scrub_feed(&st, cp))
			continue;
		if (cp == '\n' || cp == 0x2028 || cp == 0x2029)
			cp = (flags & UTF8_SCRUB_ONELINE) ? ' ' : '\n';
		else if (cp == '\t' &&
		    (flags & (UTF8_SCRUB_ONELINE | UTF8_SCRUB_EXPAND_TABS)))
			cp = ' ';
		utf8_add(out, cp);
	}
}
