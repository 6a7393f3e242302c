/* SPDX-License-Identifier: MIT */
/*
 * entity: decoding HTML character references in plain text.
 *
 * Scraped archives write titles with references (&#123; for '{', &amp;,
 * &quot;). Only document.c may use libxml2, so this module has its own
 * table: every HTML 4 named reference plus &apos; (&lang; and &rang; as
 * HTML5 maps them, U+27E8 and U+27E9). Numeric references follow HTML's
 * rules: U+0000, surrogates and values above U+10FFFF become U+FFFD, and
 * 0x80-0x9F are read as windows-1252. A named reference needs its ';';
 * a numeric one may omit it. Anything that is not a reference is kept.
 */
#ifndef NR_ENTITY_H
#define NR_ENTITY_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Append s (len bytes of UTF-8) to out with references decoded. */
void entity_decode(struct buf *out, const char *s, size_t len);

/*
 * The numeric reference at the start of s ("&#65;", "&#x41", ...): returns
 * its length in bytes and sets *cp by the rules above, or returns 0 when s
 * does not start with one.
 */
size_t entity_numeric(const char *s, size_t len, uint32_t *cp);

/*
 * The code point of a named reference (name without '&' and ';'), or 0.
 * Not "entity_lookup": libmd4c-html exports a function of that name, and
 * the dynamic linker bound md4c's calls to the program's own, so Markdown
 * lost every named reference ("&amp;" showed as written).
 */
uint32_t entity_named(const char *name, size_t len);

#endif
