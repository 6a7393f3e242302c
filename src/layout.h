/* SPDX-License-Identifier: MIT */
/*
 * layout: a document's blocks -> lines of styled cells at a width W.
 *
 * A cell is what one ncurses cchar_t can draw: one spacing character and
 * up to LAYOUT_MAX_MARKS zero-width ones after it, one or two columns
 * wide. Grapheme clusters come from ICU; a cluster that holds several
 * spacing characters (an emoji ZWJ sequence, a flag) becomes several
 * cells, each as wide as wcwidth() says its base is, so what we measure is
 * what the terminal shows. A character with wcwidth() < 0 is drawn as
 * U+FFFD. Lines never break inside a cluster unless the cluster alone is
 * wider than the line.
 *
 * Untrusted text is scrubbed here, so no caller can forget: control
 * characters, whole escape sequences (CSI, OSC, DCS..., with 7-bit and C1
 * introducers) and bidi overrides are removed (utf8_scrub_feed()); tabs
 * expand (to the next multiple of 8 in preformatted text, to one space in
 * flowing text, as CSS collapses them).
 *
 * Breaking follows breaks.h (UAX #14, zh tailoring, the veto list), so at
 * every width no line starts with closing punctuation or ends with opening
 * punctuation, —— and …… stay whole, and a Latin word or number breaks
 * (at a grapheme boundary) only when it is wider than the line. A link's
 * "[n]" stays with the word before it. Spaces at a break hang: they are
 * dropped from the line's end. When no legal break fits at all (a width
 * of 1 or 2, a run of closing punctuation wider than the line) the line
 * breaks at the last grapheme boundary that fits, keeping the punctuation
 * rules if any such boundary allows; a single cell wider than W (a
 * Chinese character at W = 1) stands alone on its line, the one case of
 * a line wider than W.
 *
 * Nothing is lost: every character of a block's text that survives
 * scrubbing appears in exactly one cell, in order, with its position;
 * only collapsible spaces at break points go. (A table laid out as
 * header: value lines repeats the header's cells as labels, styled
 * DOCUMENT_STYLE_LABEL.) Cells that the text does not
 * hold (quote bars, list markers, the paragraph indent, padding,
 * continuation marks) have pos LAYOUT_NO_POS and the DOCUMENT_STYLE_GEN
 * style.
 *
 * A struct layout owns ICU iterators: one per thread. Laying out is per
 * block, so a caller can lay out lazily; page.h caches the results.
 */
#ifndef NR_LAYOUT_H
#define NR_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct document;

#define LAYOUT_NO_POS UINT32_MAX
/* Zero-width characters kept on one cell; ncurses' CCHARW_MAX is 5. */
#define LAYOUT_MAX_MARKS 4

struct layout_cell {
	const char *s;		/* the UTF-8 to draw; not NUL-terminated */
	uint32_t pos;		/* byte offset of its text in the block's
				 * text, or LAYOUT_NO_POS when generated */
	uint16_t style;		/* enum document_style bits */
	uint8_t len;		/* bytes of s: 1..4 * (1 + LAYOUT_MAX_MARKS) */
	uint8_t width;		/* columns: 1 or 2 */
};

struct layout_line {
	const struct layout_cell *cells; /* never NULL, even when ncells is 0 */
	size_t ncells;
	unsigned width;		/* columns: the sum of the cells' widths */
	/* the block text position the line starts at: that of its first
	 * cell of text, or for a line without text (a blank line, a rule)
	 * that of the next line with text, or the text's length at the end.
	 * Never decreases from one line of a block to the next. */
	uint32_t pos;
};

/* One block laid out at one width. Read-only for callers. */
struct layout_block {
	struct layout_line *lines;
	size_t nlines;		/* >= 1: a block is never zero lines */
	unsigned width;		/* the W it was made for */
	/* private storage */
	struct layout_cell *cells;
	size_t ncells;
	char *text;
};

enum layout_flags {
	/* indent paragraphs with two U+3000 (the Chinese way); layout does
	 * it only for blocks marked indentable, when W >= 12 */
	LAYOUT_INDENT = 1 << 0,
};

/* tailored: as breaks_new(); layout proper always uses true. */
struct layout *layout_new(bool tailored);
void layout_free(struct layout *l);

/*
 * Lay out block i of doc at width w (>= 1). flags: enum layout_flags.
 * The caller frees the result with layout_block_free().
 */
struct layout_block *layout_block(struct layout *l, const struct document *doc,
    size_t i, unsigned w, unsigned flags);
void layout_block_free(struct layout_block *lb);

/* The index of the line of lb that holds text position pos: the last
 * line whose pos <= pos (0 when none). */
size_t layout_block_find(const struct layout_block *lb, uint32_t pos);

#endif
