/* SPDX-License-Identifier: MIT */
/*
 * breaks: where text may be broken. Line break opportunities come from
 * ICU's line break iterator (UAX #14); grapheme cluster boundaries from its
 * character iterator (UAX #29 extended grapheme clusters).
 *
 * Two modes. Untailored: the root locale's rules and nothing else, which is
 * what Unicode's conformance tests check. Tailored (what layout uses): the
 * "zh" locale, which treats “ ” ‘ ’ as opening and closing quotes, plus a
 * veto list where ICU is looser than Chinese practice:
 *   - no break before closing punctuation  ，。、；：？！）」』】》〉”’…% (and
 *     the like: ．〕〗〙〛］｝％‰℃),
 *   - no break after opening punctuation  （「『【《〈“‘ (and 〔〖〘〚［｛),
 *     even with spaces between,
 *   - no break inside —— or …… (nor ―― ),
 *   - no break before · or ・ (马丁·路德·金).
 * Mandatory breaks (after LF, U+2028, U+2029...) are never vetoed.
 *
 * A struct breaks holds ICU iterators and scratch space: it is not
 * thread-safe, so each thread makes its own.
 */
#ifndef NR_BREAKS_H
#define NR_BREAKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Bits describing the boundary before a byte offset. */
enum breaks_flag {
	BREAKS_LINE = 1 << 0,		/* a line may break here */
	BREAKS_HARD = 1 << 1,		/* a line must break here (with LINE) */
	BREAKS_CLUSTER = 1 << 2,	/* a grapheme cluster begins here */
};

struct breaks;

/* tailored: the zh locale and the vetoes; otherwise ICU's root rules. */
struct breaks *breaks_new(bool tailored);
void breaks_free(struct breaks *b);

/*
 * Find the boundaries of s (len bytes of UTF-8; invalid bytes count as
 * U+FFFD, one byte each). flags must hold len + 1 bytes: flags[i] gets
 * enum breaks_flag bits for the boundary before byte i, and 0 inside a
 * code point. flags[0] has CLUSTER only (nothing breaks before the text);
 * flags[len] has LINE and CLUSTER when len > 0 (UAX #14's LB3, UAX #29's
 * GB2).
 */
void breaks_find(struct breaks *b, const char *s, size_t len, uint8_t *flags);

/* For tests: with shortcuts off, ICU is asked about every boundary
 * (breaks_find() takes fast paths where the rules are plain). */
void breaks_set_shortcuts(struct breaks *b, bool on);

/*
 * The code points of the text the last breaks_find() read, and the byte
 * offset of each (offs[n] is the text's length): layout reads the text
 * through these rather than decoding it twice. Valid until the next call.
 */
size_t breaks_codepoints(const struct breaks *b, const uint32_t **cps,
    const uint32_t **offs);

/* The tailored mode's character classes, for tests and layout's checks. */
bool breaks_is_closing(uint32_t cp);	/* may not start a line */
bool breaks_is_opening(uint32_t cp);	/* may not end a line */

#endif
