/* SPDX-License-Identifier: MIT */
/*
 * markdown: Markdown bodies -> HTML, so one HTML path renders both.
 *
 * The dialect is CommonMark plus GitHub's tables, strikethrough and
 * permissive autolinks (URLs, www. and e-mail addresses), through md4c.
 * Raw HTML is allowed, blocks and spans alike: scraped Markdown bodies
 * embed it, and the HTML parser downstream treats it as untrusted anyway.
 */
#ifndef NR_MARKDOWN_H
#define NR_MARKDOWN_H

#include <stddef.h>

struct buf;

/*
 * Append the HTML for the Markdown text md (len bytes, UTF-8, need not be
 * NUL-terminated) to out. Returns 0, or -1 when md4c gives up (it only
 * does so when it runs out of memory); out then holds what was rendered
 * before that. Thread-safe: md4c keeps no global state.
 */
int markdown_to_html(const char *md, size_t len, struct buf *out);

/*
 * Container markers (">", "-", "+", "*", "1." and "1)") that one line may
 * open. md4c keeps a container per marker, some 45 bytes each, so a body
 * of ">" repeated 64 MiB would cost gigabytes before any HTML is made.
 */
#define MARKDOWN_MAX_NESTING 32
/*
 * A Markdown body of more lines than this is converted up to that line;
 * the rest is shown as plain text, with one warning. md4c keeps every
 * block of a document until its end, some 20 bytes of HTML and a parse
 * of it each: 63 MiB of one-word paragraphs took 9 s and 600 MB. A long
 * real post has a few thousand lines.
 */
#define MARKDOWN_MAX_LINES 50000
/*
 * And of more bytes than this (cut at the last line break before it):
 * md4c holds a mark for every character that may open or close a span,
 * so 63 MiB of "*a* " in one paragraph took 890 MB.
 */
#define MARKDOWN_MAX_BYTES (8u << 20)

/*
 * Where a line outside fenced code starts with more than max container
 * markers, drop the markers past the max-th (not the white space before
 * the text, nor the text): the text is then nested max deep. Returns 0
 * when no line needed it, out untouched; else the 1-based number of the
 * first line that did, with the whole text, so changed, appended to out.
 */
int markdown_limit_nesting(const char *md, size_t len, unsigned max,
    struct buf *out);

#endif
