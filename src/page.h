/* SPDX-License-Identifier: MIT */
/*
 * page: an article as the reading pane shows it, and as --dump prints it.
 *
 * A page is a header (the title; the date and author; the category path;
 * the tags), a blank line, the body, then the numbered link list, all
 * laid out at a width W on demand. Both the TUI's reading pane and --dump
 * print the lines a page gives, so they cannot differ. A page is one
 * document (document.h) whose blocks are the header's, the body's and the
 * link list's, in that order; the block numbers below count all of them.
 *
 * Laziness and caching. Nothing is laid out until asked for, and then a
 * block at a time: asking for the lines near one block lays out that
 * block alone. The results are cached per width (the two most recent
 * widths are kept), so flipping between two widths costs nothing and a
 * resize re-wraps only the blocks the caller asks for: the visible ones
 * first. Absolute line numbers (page_count(), page_line()) need every
 * block before the line and are computed, then cached, when first asked
 * for.
 *
 * Positions. A struct page_pos (block, line within the block's lines at
 * W) is how a pane walks the page without absolute numbers. A struct
 * page_anchor (block, byte offset into the block's text) names a place in
 * the text, valid at every width: take the anchor of the top line before
 * a resize and find its line at the new width afterwards, and the reader
 * stays where they were.
 *
 * Cells, styles, scrubbing: see layout.h. Every string a page gives for
 * drawing (cells) is scrubbed; page_block_text() and link URLs are the
 * source's text and are not: scrub before showing them.
 *
 * Not thread-safe: one page belongs to one thread (the UI's).
 */
#ifndef NR_PAGE_H
#define NR_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout.h"

struct article;
struct document;
struct document_link;

/* --- making a page --- */

enum page_indent {
	PAGE_INDENT_AUTO,	/* the Chinese paragraph indent for Chinese
				 * articles, none for others */
	PAGE_INDENT_ON,
	PAGE_INDENT_OFF,
};

struct page_options {
	enum page_indent indent;
};
#define PAGE_OPTIONS_INIT { PAGE_INDENT_AUTO }

/*
 * The page for a (which must outlive nothing: the page copies what it
 * needs). opt may be NULL for the defaults. Never fails. The date shows in
 * local time. The caller frees it with page_free().
 */
struct page *page_new(const struct article *a, const struct page_options *opt);
void page_free(struct page *p);

/* --- lines at a width --- */

/* A line, addressed by block and line within the block at some width. */
struct page_pos {
	size_t block;
	size_t line;
};

/* A place in the text, the same at every width. */
struct page_anchor {
	size_t block;
	uint32_t offset;	/* bytes into the block's text */
};

size_t page_nblocks(const struct page *p);
/* The bytes of block i's text: what its layout grows with. */
size_t page_block_text_len(const struct page *p, size_t i);

/* Block i laid out at width w (>= 1). Owned by the page; valid until the
 * page is freed or a third width evicts w from the cache. */
const struct layout_block *page_block(struct page *p, unsigned w, size_t i);

/*
 * Lay out blocks [first, end) at width w now rather than on demand, for
 * callers that need every line at once, as --dump does (the pane stays
 * lazy). page_prepare_start() sets threads - 1 helper threads (each with
 * its own ICU iterators) laying them out and returns;
 * page_prepare_finish() lays out what they have not taken yet on the
 * calling thread, waits for them and frees the job. In between, the
 * caller may read (page_block) and trim blocks outside [first, end) at
 * width w, and must not ask for blocks inside it.
 */
struct page_job;
struct page_job *page_prepare_start(struct page *p, unsigned w, size_t first,
    size_t end, unsigned threads);
void page_prepare_finish(struct page *p, struct page_job *j);

/*
 * Let go of the cached layouts of blocks outside [first, end) at width w,
 * to bound memory on a huge article (the pane may keep the blocks around
 * what it shows; --dump drops each block once printed). A block dropped is
 * laid out again when next asked for; line numbers stay known.
 */
void page_trim(struct page *p, unsigned w, size_t first, size_t end);

/* The line at pos, or NULL when pos is past the block's lines. */
const struct layout_line *page_pos_line(struct page *p, unsigned w,
    struct page_pos pos);

/*
 * Move pos by delta lines (down when positive), laying out only the
 * blocks it crosses; it stops at the first and last line. Returns the
 * number of lines moved (negative when up).
 */
long page_pos_move(struct page *p, unsigned w, struct page_pos *pos,
    long delta);

/* The first and the last line of the page. */
struct page_pos page_first(const struct page *p);
struct page_pos page_last(struct page *p, unsigned w);

/* The anchor of the line at pos (its first text position). */
struct page_anchor page_anchor_at(struct page *p, unsigned w,
    struct page_pos pos);
/* The line holding the anchor at width w; lays out that block only. */
struct page_pos page_anchor_pos(struct page *p, unsigned w,
    struct page_anchor a);

/* --- absolute line numbers (lay out every block before the line) --- */

/* Lines in the page at width w: lays out every block. */
size_t page_count(struct page *p, unsigned w);
/* Line number n (0-based), or NULL past the end. */
const struct layout_line *page_line(struct page *p, unsigned w, size_t n);
size_t page_pos_index(struct page *p, unsigned w, struct page_pos pos);
/* The position of line n (clamped to the last line). */
struct page_pos page_index_pos(struct page *p, unsigned w, size_t n);

/* --- the parts of the page --- */

/* Blocks [first, end) of each part. */
void page_header_blocks(const struct page *p, size_t *first, size_t *end);
void page_body_blocks(const struct page *p, size_t *first, size_t *end);
void page_link_blocks(const struct page *p, size_t *first, size_t *end);

/* The body's faults found while building it (nesting too deep), with
 * lines of the article's file; owned by p. */
const struct warnings *page_warnings(const struct page *p);

/* --- links --- */

/* The links, in ascending number (0 is the headimg when there is one). */
size_t page_nlinks(const struct page *p);
const struct document_link *page_link_nth(const struct page *p, size_t i);
/* The link with that number, or NULL. */
const struct document_link *page_link(const struct page *p, int number);
/* The number of the link whose text, image or "[n]" holds the text
 * position (a cell's pos), or -1. */
int page_link_at(const struct page *p, size_t block, uint32_t pos);

/* --- search --- */

/* Block i's text (not scrubbed: for matching, never for drawing). */
const char *page_block_text(const struct page *p, size_t i, size_t *len);

struct page_match {
	size_t block;
	uint32_t start, end;	/* bytes of the block's text */
};

/*
 * Find needle (UTF-8; ASCII letters match either case) in the page's
 * text, from the anchor on (forward: at or after it; backward: before
 * it), without wrapping round. Matches that begin in generated text (a
 * link's "[n]") do not count. Returns true and fills m when found.
 */
bool page_find(const struct page *p, const char *needle,
    struct page_anchor from, bool backward, struct page_match *m);

/* A stretch of cells on one line. */
struct page_span {
	struct page_pos pos;	/* the line */
	size_t first, ncells;	/* cells [first, first + ncells) of it */
};

/*
 * The cells a match covers at width w, one span per line (a match may
 * cross lines): a cell is covered when its pos lies in [start, end).
 * Fills at most max spans and returns how many there are in all.
 */
size_t page_match_spans(struct page *p, unsigned w, const struct page_match *m,
    struct page_span *spans, size_t max);

/* --- for tests and tools --- */

/* A page over a document the caller built (taken over: the page frees
 * it), with header lines from the given fields (any may be NULL). */
struct page_meta {
	const char *title;
	const char *date;	/* already formatted */
	const char *author;
	const char *category;	/* the path, already joined */
	const char *tags;	/* already joined */
};
struct page *page_new_document(struct document *body,
    const struct page_meta *meta, const struct page_options *opt);

#endif
