/* SPDX-License-Identifier: MIT */
/*
 * layout-internal: what the layout family shares (layout.c, and
 * layout-table.c for tables). Not a public interface: layout.h is.
 *
 * Laying out a block has two stages. Shaping (width-independent) turns a
 * stretch of a block's text into shaped cells: scrubbed, measured, with
 * the break flags of the boundary before each. Filling (per width) cuts
 * shaped cells into lines of layout cells, built in a struct
 * layout_build whose arrays are fixed up into a layout_block at the end.
 */
#ifndef NR_LAYOUT_INTERNAL_H
#define NR_LAYOUT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "document.h"
#include "layout.h"

enum layout_shaped_kind {
	LAYOUT_SH_TEXT,	/* something to draw */
	LAYOUT_SH_SPACE,	/* a collapsible space: hangs at a break */
	LAYOUT_SH_HARD,	/* a hard line break; not drawn */
	LAYOUT_SH_TAB,		/* a tab in preformatted text */
};

struct layout_shaped {
	uint32_t off;		/* its UTF-8 in the arena */
	uint32_t pos;		/* block text offset, or LAYOUT_NO_POS */
	uint32_t cp;		/* the base character, for the punctuation rules */
	uint16_t style;
	uint8_t len;		/* bytes in the arena */
	uint8_t width;		/* columns (a tab: 0 until placed) */
	uint8_t kind;		/* enum layout_shaped_kind */
	uint8_t brk;		/* enum breaks_flag bits of the boundary before */
	uint8_t ncp;		/* code points on the cell: 1..1 + MAX_MARKS */
	bool label;		/* a repeated table header: not the line's pos */
};

/* A struct layout: ICU iterators (through breaks.h) and scratch space. */
struct layout {
	struct breaks *breaks;
	uint8_t *flags;		/* scratch for breaks_find() */
	size_t flags_alloc;
	struct buf clean;	/* scrubbed text */
	uint32_t *posmap;	/* clean byte -> block text offset */
	size_t posmap_alloc;
	struct layout_shaped *sh;	/* shaped cells of the block being laid out */
	size_t nsh, sh_alloc;
};

struct layout_bline {
	size_t first, ncells;	/* cells of the line */
	unsigned width;
	uint32_t pos;		/* LAYOUT_NO_POS until a text cell arrives */
};

struct layout_build {
	const struct document *doc;
	const struct document_block *b;
	size_t index;		/* of b in doc */
	unsigned w;		/* the width */
	unsigned avail;		/* columns after the frames' prefix */
	bool indent;		/* paragraphs take the two-U+3000 indent */
	size_t f0;		/* the first frame shown (deep nesting drops
				 * the outer ones) */
	struct buf arena;
	struct layout_cell *cells; /* s: an offset into arena until done */
	size_t ncells, cells_alloc;
	struct layout_bline *lines;
	size_t nlines, lines_alloc;
};

enum layout_prefix { LAYOUT_PFX_FIRST, LAYOUT_PFX_REST, LAYOUT_PFX_BLANK };

struct layout_flow {
	bool indent;		/* paragraphs may take the indent */
	unsigned hang;		/* extra indent on a paragraph's later lines */
	bool first_is_block;	/* the first line is the block's first */
};


/* --- building lines (layout.c) --- */

void layout_line_begin(struct layout_build *bd);
void layout_add_shaped(struct layout_build *bd, const struct layout_shaped *s);
/* A generated cell: text s (one character and its marks) of width w. */
void layout_add_gen(struct layout_build *bd, const char *s, uint8_t width,
    uint16_t style);
void layout_add_gen_spaces(struct layout_build *bd, unsigned n,
    uint16_t style);
/* The block's frames (quote bars, list markers) before a line. */
void layout_add_prefix(struct layout_build *bd, enum layout_prefix kind);

/* --- shaping and filling (layout.c) --- */

/* Shape [start, end) of the block's text onto l->sh; returns the index of
 * the first new shaped cell. */
size_t layout_shape(struct layout *l, struct layout_build *bd, size_t start,
    size_t end, bool pre);
/* One more shaped cell at the end of l->sh (zeroed). */
struct layout_shaped *layout_new_shaped(struct layout *l);
void layout_fill_flow(struct layout *l, struct layout_build *bd, size_t from,
    size_t to, const struct layout_flow *fl);

/* --- tables (layout-table.c) --- */

/* A grid when the table fits, else header: value lines. */
void layout_table(struct layout *l, struct layout_build *bd);

#endif
