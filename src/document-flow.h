/* SPDX-License-Identifier: MIT */
/*
 * document-flow: building a document's blocks from a stream of text and
 * structure, for document.c's HTML walker. Internal to the document
 * family (document.h is the public interface).
 *
 * The walker reports what it meets: text, hard breaks, block boundaries
 * (with the blank lines CSS margins would give), frames, links, media,
 * tables. It saves and restores struct document_flow_ctx around each
 * element, so leaving an element undoes what entering it did.
 */
#ifndef NR_DOCUMENT_FLOW_H
#define NR_DOCUMENT_FLOW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "document.h"

/* What an element may change, saved on entry and restored on exit. */
struct document_flow_ctx {
	uint16_t style;		/* inline styles in force */
	int link;		/* the enclosing link's number, or -1 */
	enum document_kind kind; /* of the next flow block */
	unsigned level;		/* heading level for it */
	uint16_t block_style;	/* block-wide style for it */
	bool indentable;
	int pre;		/* > 0 inside preformatted text */
	size_t list;		/* the walker's: innermost list, or SIZE_MAX */
	int lists;		/* the walker's: lists open */
	size_t nframes;		/* frames in force (frames[]) */
	size_t frames_over;	/* frames beyond DOCUMENT_MAX_FRAMES */
};

/* A data table being built into the open TABLE block. */
struct document_flow_table {
	struct document_flow_cell {
		size_t row, col;
		struct document_cell c;
	} *cells;
	size_t ncells, alloc;
	size_t row;		/* rows started */
	size_t col;		/* cells started in the current row */
	bool in_cell;
	bool in_thead;
	bool row0_all_th;	/* every cell of row 0 is a th, or in thead */
};

enum document_flow_ws {
	DOCUMENT_FLOW_WS_NONE,
	DOCUMENT_FLOW_WS_SPACE,	/* spaces or tabs */
	DOCUMENT_FLOW_WS_BREAK,	/* a line break among them */
};

struct document_flow {
	struct document *doc;
	size_t cur;		/* the open block's index, or SIZE_MAX */
	struct document_flow_ctx ctx;
	unsigned gap;		/* blank lines wanted before the next block */
	enum document_flow_ws ws; /* collapsible white space pending */
	uint16_t ws_style;	/* the style it was seen in */
	int ws_link;
	bool line_empty;	/* nothing visible since the block or "\n" began */
	uint32_t last_cp;	/* the last character of the open block */
	struct document_frame frames[DOCUMENT_MAX_FRAMES];
	struct document_flow_table *table; /* a data table is open */
};

void document_flow_init(struct document_flow *f, struct document *doc);
/* Close what is open (a table, a block). */
void document_flow_finish(struct document_flow *f);

/* --- text --- */

/* HTML's collapsible white space: space, tab, LF, CR, FF. */
bool document_flow_is_ws(unsigned char c);
/* Text as the source has it: collapsed here, unless inside pre. */
void document_flow_text(struct document_flow *f, const char *s, size_t len);
void document_flow_hard_break(struct document_flow *f);
/* Generated text ("[3]"), marked DOCUMENT_STYLE_GEN; pending white space
 * stays pending, so "<a>word </a>next" reads "word[3] next". */
void document_flow_generated(struct document_flow *f, const char *s,
    uint16_t style, int link);

/* --- structure --- */

/* A block boundary wanting gap blank lines (0 or 1); inside a table cell,
 * a line break instead. */
void document_flow_boundary(struct document_flow *f, unsigned gap);
/* Push a frame onto the context (beyond DOCUMENT_MAX_FRAMES, counted). */
void document_flow_push_frame(struct document_flow *f,
    enum document_frame_kind kind, const char *marker, unsigned width);
/* A horizontal rule. */
void document_flow_rule(struct document_flow *f);

/* --- links and media --- */

/* The number for url (trimmed; none for empty, "#...", javascript: and
 * data: URLs: -1). */
int document_flow_link(struct document_flow *f, const char *url,
    enum document_link_kind kind);
/* "[图: label][n]": label is the source's text (white space collapsed);
 * number -1 for none. */
void document_flow_placeholder(struct document_flow *f,
    enum document_media media, const char *label, int number);

/* --- data tables --- */

void document_flow_table_begin(struct document_flow *f);
void document_flow_table_row(struct document_flow *f);
void document_flow_table_cell_begin(struct document_flow *f, bool th);
void document_flow_table_cell_end(struct document_flow *f);
void document_flow_table_end(struct document_flow *f);

#endif
