/* SPDX-License-Identifier: MIT */
/*
 * utf8: strict UTF-8 decoding and encoding, and the scrubber that keeps
 * untrusted text from driving a terminal.
 *
 * The scrubber is a small state machine over code points. It drops C0 and
 * C1 control characters and DEL, swallows whole escape sequences (ESC
 * sequences, CSI, and the OSC/DCS/SOS/PM/APC strings, with both the 7-bit
 * ESC introducers and the C1 ones), and drops the bidi embedding, override
 * and isolate controls (U+202A..U+202E, U+2066..U+2069). A string sequence
 * ends at BEL, ST (ESC \ or U+009C), CAN, SUB or a newline; so an
 * unterminated one cannot swallow more than the rest of its line.
 */
#ifndef NR_UTF8_H
#define NR_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;

#define UTF8_REPLACEMENT 0xFFFDu

/* --- decoding and encoding --- */

/*
 * Decode one code point from s (len > 0 bytes). Returns its length in
 * bytes, 1 to 4, or -1 when s does not start with a valid, shortest-form,
 * non-surrogate sequence; then *cp is U+FFFD and the caller skips one byte.
 */
int utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp (<= U+10FFFF) into out; returns the length, 1 to 4. */
int utf8_encode(uint32_t cp, char out[4]);
/* Append the UTF-8 form of cp to b. */
void utf8_add(struct buf *b, uint32_t cp);
/* The length of the longest valid UTF-8 prefix of s. */
size_t utf8_valid_prefix(const char *s, size_t len);
/* Append s to out with each invalid byte replaced by U+FFFD. */
void utf8_sanitize(struct buf *out, const char *s, size_t len);

/* --- scrubbing --- */

struct utf8_scrub {
	int state;	/* private: where in an escape sequence we are */
};
#define UTF8_SCRUB_INIT { 0 }

/*
 * Feed one code point. Returns true when cp is text to keep, false when it
 * is a control, part of an escape sequence, or a bidi control. TAB, LF and
 * U+2028/U+2029 are returned as text: the caller decides their fate.
 */
bool utf8_scrub_feed(struct utf8_scrub *s, uint32_t cp);

enum utf8_scrub_flags {
	UTF8_SCRUB_ONELINE = 1 << 0,	/* TAB, LF, U+2028/9 become a space */
	UTF8_SCRUB_EXPAND_TABS = 1 << 1,/* TAB becomes a space */
};

/*
 * Append s to out, invalid bytes replaced by U+FFFD and everything the
 * scrubber rejects removed. Without UTF8_SCRUB_ONELINE, LF is kept and
 * U+2028/U+2029 become LF.
 */
void utf8_scrub(struct buf *out, const char *s, size_t len, unsigned flags);

/*
 * A fast pre-check: true when s (len bytes) holds something the scrubber
 * would remove (a C0 control other than TAB and LF, DEL, a C1 control, a
 * bidi control), so clean text can skip scrubbing.
 */
bool utf8_scrub_needed(const char *s, size_t len);

/* True for the code points utf8_scrub_feed() rejects on their own. */
bool utf8_is_control(uint32_t cp);
bool utf8_is_bidi_control(uint32_t cp);

/*
 * True for what a name or URL meant to be given back exactly must show
 * escaped (quote.c, url.c): the controls (C0, DEL, C1), U+2028 and
 * U+2029, the bidi controls and the bidi marks (U+061C, U+200E, U+200F),
 * which change what a line does or hide what it says.
 */
bool utf8_is_hazard(uint32_t cp);

#endif
