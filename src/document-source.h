/* SPDX-License-Identifier: MIT */
/*
 * document-source: a body's source before libxml2 reads it (document.c's
 * helpers; see document-source.c).
 */
#ifndef NR_DOCUMENT_SOURCE_H
#define NR_DOCUMENT_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/*
 * Is s clean: valid UTF-8 with nothing for document_source_scrub() to
 * remove? With refs (HTML), numeric references count as the characters
 * they name.
 */
bool document_source_clean(const char *s, size_t len, bool refs);
/* Append s to out without terminal controls and escape sequences, bad
 * bytes as U+FFFD (refs: as above). */
void document_source_scrub(struct buf *out, const char *s, size_t len,
    bool refs);

/*
 * The offset of html's (max + 1)th start tag ("<" and a letter), where a
 * body with more elements than max is cut; len when it has no more.
 */
size_t document_source_cut(const char *html, size_t len, size_t max);
/*
 * Append html as plain text to out, in one pass: comments and tags go, a
 * line break standing for each tag block() names as a block's (a name of
 * len bytes, not NUL-terminated, any case), and character references are
 * decoded (entity.c).
 */
void document_source_text(struct buf *out, const char *html, size_t len,
    bool (*block)(const char *name, size_t len));

/*
 * Where to cut s (len bytes of UTF-8) to keep at most max_lines lines and
 * max_bytes bytes: just past a line break when there is one in reach,
 * else past a blank, else on a character's boundary; len when s is
 * within both.
 */
size_t document_source_lines(const char *s, size_t len, size_t max_lines,
    size_t max_bytes);
/* Append s to out as HTML text: &, < and > written as references. */
void document_source_escape(struct buf *out, const char *s, size_t len);

#endif
