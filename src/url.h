/* SPDX-License-Identifier: MIT */
/*
 * url: making a link's URL safe to hand on.
 *
 * A URL leaves newsreader as one argument to the browser, as the text of
 * an OSC 52 copy (pasted later into a shell) and as a line of the link
 * list. Whatever an article wrote in its href, what leaves is one clean
 * line: url_scrub() does what a browser's URL parser does first (the
 * WHATWG URL standard strips leading and trailing C0 controls and spaces,
 * and removes every ASCII tab and newline inside), and then
 * percent-encodes, as the UTF-8 bytes of the character, everything that
 * could change what a paste or a terminal does or hide what the URL says:
 * the other C0 controls, space, DEL, the C1 controls, U+2028 and U+2029,
 * the bidi marks, embeddings, overrides and isolates (U+061C, U+200E,
 * U+200F, U+202A..U+202E, U+2066..U+2069), and any byte that is not valid
 * UTF-8. Other characters, Chinese ones included, stay as they are. The
 * result is what a browser would have followed from the page, and
 * url_scrub() is idempotent ('%' itself is kept).
 *
 *   href="http://x/&#10;touch pwned"   ->  http://x/touch%20pwned
 *   href="http://x/a&#x2028;b"         ->  http://x/a%E2%80%A8b
 */
#ifndef NR_URL_H
#define NR_URL_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* Append the scrubbed form of s (len bytes) to out. */
void url_scrub(struct buf *out, const char *s, size_t len);

/*
 * True when s holds nothing url_scrub() would change inside it: no C0 or
 * C1 control, space, DEL, line or paragraph separator, bidi control or
 * invalid UTF-8.
 */
bool url_is_clean(const char *s);

#endif
