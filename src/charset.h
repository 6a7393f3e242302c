/* SPDX-License-Identifier: MIT */
/*
 * charset: a file's bytes -> UTF-8 text with LF line ends.
 *
 * Article files come from scrapers: most are UTF-8, some carry a BOM or
 * CRLF line ends, a few are GB18030, UTF-16 or UTF-32, and some are simply
 * broken.
 * charset_decode() turns any of these into valid UTF-8 in place, saying
 * what it did as warnings on the article; only data that is not text at
 * all (NUL bytes outside UTF-16 and UTF-32) is refused.
 */
#ifndef NR_CHARSET_H
#define NR_CHARSET_H

#include <stddef.h>

struct buf;
struct error;
struct warnings;

/*
 * Decode text (a file's bytes) in place:
 *   - a UTF-32 or UTF-16 BOM (either byte order): the rest is converted
 *     from that encoding (bad units become U+FFFD, with a warning; U+0000
 *     is refused like a NUL byte);
 *   - NUL bytes otherwise: refused, returns -1 with err set;
 *   - a UTF-8 BOM is removed; CRLF and lone CR become LF;
 *   - invalid UTF-8 that decodes strictly as GB18030 is converted, with a
 *     warning naming the encoding and the line of the first bad byte;
 *   - otherwise each invalid byte becomes U+FFFD, with one warning.
 * On success returns 0, text holds valid UTF-8 without CR, and *encoding
 * is a static string: "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE",
 * "UTF-32LE" or "UTF-32BE".
 */
int charset_decode(struct buf *text, const char **encoding,
    struct warnings *w, struct error *err);

/* Turn CRLF and lone CR into LF in s (len bytes); returns the new length. */
size_t charset_normalise_newlines(char *s, size_t len);

/* The 1-based line of byte offset off in s (LF line ends). */
int charset_line_of(const char *s, size_t off);

#endif
