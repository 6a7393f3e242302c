/* SPDX-License-Identifier: MIT */
/*
 * document: an article body as a flat list of blocks, the model that
 * layout wraps into lines.
 *
 * A document is a list of blocks (paragraphs, headings, preformatted text,
 * rules, tables) and a numbered list of links. Nesting (lists, quotes) is
 * not a tree: each block carries the frames it sits in, outermost first,
 * so layout can draw quote bars and list markers on its lines without
 * knowing the HTML. A block's text is UTF-8; styled runs cover it in order,
 * with no gaps. Text that the source did not contain (a link's "[3]", an
 * image placeholder's "[图: " and "]") is marked DOCUMENT_STYLE_GEN, so a reader
 * of the text can tell it from the article's own words.
 *
 * A block's text is what a reader sees, already whitespace-collapsed as CSS
 * does (a source line break between two Chinese characters adds no space,
 * one between Latin words adds one). A hard line break (<br>) is "\n".
 * The text is not yet scrubbed of terminal controls: layout does that, and
 * so does document_text().
 *
 * Built from HTML (libxml2) or Markdown (md4c to HTML first). What each
 * element becomes:
 *   p div h1-h6 pre blockquote ul ol li dl dt dd table hr  - blocks
 *   b strong / i em cite / code kbd samp tt / s del strike - styles
 *   a href          - link text, then a generated "[n]"
 *   img             - "[图: alt][n]" ("[image: alt][n]" when not CJK)
 *   iframe video audio embed object - "[视频][n]" and so on, content dropped
 *   script style noscript template svg head - dropped with their content
 * A table whose cells hold only inline content is a DOCUMENT_TABLE block;
 * any other table (one used for page layout) flows as ordinary blocks.
 *
 * Thread safety: documents share nothing, so two threads may each build
 * and use their own at once. document_from_html() and
 * document_from_article() initialise libxml2 themselves (once, through
 * pthread_once), so callers need no set-up.
 */
#ifndef NR_DOCUMENT_H
#define NR_DOCUMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "report.h"

struct article;

/* --- styles: bits on runs, and on the cells layout makes of them --- */

enum document_style {
	DOCUMENT_STYLE_BOLD	= 1 << 0,
	DOCUMENT_STYLE_ITALIC	= 1 << 1,
	DOCUMENT_STYLE_CODE	= 1 << 2,	/* inline code, preformatted text */
	DOCUMENT_STYLE_STRIKE	= 1 << 3,
	DOCUMENT_STYLE_LINK	= 1 << 4,	/* the text of a link */
	DOCUMENT_STYLE_LINKNUM	= 1 << 5,	/* a generated link number "[n]" */
	DOCUMENT_STYLE_IMAGE	= 1 << 6,	/* an image or media placeholder */
	DOCUMENT_STYLE_HEADING	= 1 << 7,	/* a heading's text */
	DOCUMENT_STYLE_QUOTE	= 1 << 8,	/* inside a blockquote */
	DOCUMENT_STYLE_DIM	= 1 << 9,	/* markers, rules, marks */
	DOCUMENT_STYLE_HEADER	= 1 << 10,	/* the page header (date...) */
	DOCUMENT_STYLE_TITLE	= 1 << 11,	/* the article's title */
	DOCUMENT_STYLE_LABEL	= 1 << 12,	/* a table header repeated as
						 * a label (layout only) */
	DOCUMENT_STYLE_GEN	= 1 << 15,	/* not in the source text */
};

/* --- the model --- */

enum document_kind {
	DOCUMENT_PARA,		/* flowing text */
	DOCUMENT_HEADING,	/* flowing text, level 1..6 */
	DOCUMENT_PRE,		/* spaces and line breaks kept; no wrapping */
	DOCUMENT_RULE,		/* a horizontal rule; no text */
	DOCUMENT_TABLE,		/* cells in table; text holds the cells' text */
};

enum document_frame_kind {
	DOCUMENT_FRAME_QUOTE,	/* drawn as a bar on every line */
	DOCUMENT_FRAME_ITEM,	/* a list item: marker, then a hanging indent */
};

#define DOCUMENT_MARKER_MAX 16
/*
 * Elements nested deeper than this in the HTML (html and body count) are
 * not built: their text joins the element at this depth, with one warning.
 * Each level costs a parse-tree node and a frame of the walk, so a body of
 * 8 MB of Markdown ">" (8 million quotes) took 4.8 GB before this cap; no
 * article nests anything this deep on purpose.
 */
#define DOCUMENT_MAX_DEPTH 100
/*
 * A body with more elements than this is parsed up to the one past it;
 * the rest is read as plain text (tags dropped, a line break for each
 * block's, references decoded), in one pass, with one warning. libxml2's
 * tree and our blocks cost some 600 bytes an element, and its parser half
 * a microsecond each even when it builds nothing, so 8 MB of "<p>x" took
 * 1.24 GB, and 63 MiB would have taken gigabytes; now a body's structure
 * costs at most about 30 MB. A long real article has a few thousand
 * elements.
 */
#define DOCUMENT_MAX_ELEMENTS 50000
/*
 * A paragraph, heading or preformatted block with more text than this is
 * split into blocks of at most this much (at a line break or a space when
 * there is one near the end), one after the other, without space between
 * them. Layout holds a block's cells whole (some 36 bytes a column), so a
 * 63 MiB body on one line took 2.4 GB to dump; in pieces, each is laid
 * out, shown and let go on its own.
 */
#define DOCUMENT_MAX_BLOCK_TEXT (32u << 10)
/* Deeper nesting than this still shows its text, without more frames. */
#define DOCUMENT_MAX_FRAMES 12

struct document_frame {
	enum document_frame_kind kind;
	/* ITEM: the marker as drawn, e.g. " 9." or "•" (NUL-terminated,
	 * already padded so a list's numbers align right); "" for a quote or
	 * a definition's indent */
	char marker[DOCUMENT_MARKER_MAX];
	/* ITEM: the indent in cells, marker and following space included */
	unsigned width;
	/* ITEM: the marker shows on this block's first line; the block is the
	 * item's first. Later blocks of the item get spaces instead. */
	bool first;
};

/* A styled stretch of a block's text: [start, next run's start or len). */
struct document_run {
	size_t start;		/* byte offset into the block's text */
	uint16_t style;		/* enum document_style bits */
	int link;		/* the link number for LINK, LINKNUM and IMAGE
				 * runs; -1 when none */
};

/* One table cell: a stretch of the table block's text. */
struct document_cell {
	size_t start, end;	/* bytes of the block's text; start <= end */
	bool header;		/* a <th> */
};

struct document_table {
	size_t nrows, ncols;	/* both >= 1 */
	/* nrows * ncols cells, row by row; a row with fewer cells in the
	 * source is padded with empty ones */
	struct document_cell *cells;
	bool header_row;	/* row 0 holds the column headers */
};

struct document_block {
	enum document_kind kind;
	unsigned level;		/* HEADING: 1..6; otherwise 0 */
	unsigned space_before;	/* blank lines above the block: 0 or 1 */
	uint16_t style;		/* added to every cell of the block */
	/* the block may take the Chinese paragraph indent (a plain paragraph,
	 * outside lists, quotes and tables) */
	bool indentable;
	struct document_frame *frames; /* nframes, outermost first */
	size_t nframes;
	struct buf text;	/* UTF-8; "\n" is a hard line break */
	struct document_run *runs; /* cover text in order; nruns >= 1 when
				 * text is not empty, runs[0].start == 0 */
	size_t nruns, runs_alloc;
	struct document_table *table; /* TABLE only, else NULL */
};

enum document_link_kind {
	DOCUMENT_LINK_A,	/* <a href> */
	DOCUMENT_LINK_IMAGE,	/* <img src> */
	DOCUMENT_LINK_MEDIA,	/* iframe, video, audio, embed, object */
	DOCUMENT_LINK_HEADIMG,	/* the front matter's headimg: number 0 */
};

struct document_link {
	int number;		/* as shown, "[n]"; unique in the document */
	enum document_link_kind kind;
	char *url;		/* as in the source (entities decoded), put
				 * through url_scrub(): one line with no
				 * control or bidi character; owned */
};

enum document_lang {
	DOCUMENT_LANG_OTHER,	/* placeholders say "image" */
	DOCUMENT_LANG_ZH,	/* "图"; paragraphs take the indent */
	DOCUMENT_LANG_JA,	/* "画像" */
};

struct document {
	struct document_block *blocks;
	size_t nblocks, blocks_alloc;
	/* in ascending number; the same URL gets one number */
	struct document_link *links;
	size_t nlinks, links_alloc;
	enum document_lang lang;
	struct document_link_index *index; /* private: URL -> link */
	/* faults in the body (nesting too deep), lines as
	 * document_options.first_line says */
	struct warnings warnings;
};

/* --- building from articles and HTML --- */

struct document_options {
	/* the article's lang (front matter), or NULL to judge by the text */
	const char *lang;
	/* link 0, or NULL: the front matter's headimg */
	const char *headimg;
	/* the file's line on which the body starts, so that warnings name
	 * lines of the file; 0: the text is the whole file */
	int first_line;
};

/*
 * The body of a as a document: Markdown bodies are rendered to HTML
 * first; a->headimg, when set, is link 0. Never fails: a body that is
 * empty or all markup gives a document with no blocks; a fault (nesting
 * too deep) is a warning in doc->warnings, with a line of a's file. The
 * caller frees it with document_free().
 */
struct document *document_from_article(const struct article *a);

/* The document for an HTML fragment or page (len bytes, UTF-8; invalid
 * bytes become U+FFFD). opt may be NULL. */
struct document *document_from_html(const char *html, size_t len,
    const struct document_options *opt);

/* The same for a Markdown text. */
struct document *document_from_markdown(const char *md, size_t len,
    const struct document_options *opt);

/*
 * The plain text a reader sees, for full-text indexing: each block's text
 * without what was generated (no link numbers, no placeholder brackets;
 * an image's alt text stays), scrubbed of terminal controls, blocks
 * separated by "\n", a table's cells by " " and its rows by "\n".
 * Appended to out.
 */
void document_text(const struct document *doc, struct buf *out);

/*
 * document_text() of document_from_article(a), appended to out, made for
 * indexing: the body's language is not judged by its text (only the
 * generated placeholder words, which the text leaves out, depend on it).
 * The body's warnings are added to w, unless it is NULL.
 */
void document_article_text(const struct article *a, struct buf *out,
    struct warnings *w);

void document_free(struct document *doc);
/* Free what one block owns (its text, runs, frames and table), not the
 * block itself. */
void document_block_release(struct document_block *b);

/* --- building by hand (the HTML walker, the page header, tests) --- */

struct document *document_new(enum document_lang lang);

/*
 * Append an empty block of the given kind and return it. The pointer is
 * valid until the next document_add_block(); blocks are addressed by
 * index (doc->nblocks - 1) for longer.
 */
struct document_block *document_add_block(struct document *doc,
    enum document_kind kind);

/* Append len bytes of text to b with a style and link number (-1: none). */
void document_block_add(struct document_block *b, const char *s, size_t len,
    uint16_t style, int link);

/*
 * Split every paragraph, heading and preformatted block with more than max
 * bytes of text into blocks of at most max bytes (max >= 64), as
 * DOCUMENT_MAX_BLOCK_TEXT says. A piece after the first has no space
 * before it, and its list items show no marker again.
 */
void document_split_blocks(struct document *doc, size_t max);

/* Append a frame (outermost first). Beyond DOCUMENT_MAX_FRAMES, ignored. */
void document_block_add_frame(struct document_block *b,
    const struct document_frame *f);

/* The run that covers byte offset off of b's text (the last run when off
 * is at or past the end); NULL when b has no runs. */
const struct document_run *document_block_run_at(
    const struct document_block *b, size_t off);

/*
 * The number for url: the number it already has, or the next free one
 * (1, 2, ...; DOCUMENT_LINK_HEADIMG always gets 0); -1 when nothing is
 * left of url. url is copied through url_scrub() (see url.h), and links
 * are told apart by the scrubbed form.
 */
int document_add_link(struct document *doc, const char *url,
    enum document_link_kind kind);

/* The link with that number, or NULL. */
const struct document_link *document_link(const struct document *doc,
    int number);

/* The word for an image, video... in doc's language ("图", "image"). */
enum document_media {
	DOCUMENT_MEDIA_IMAGE,
	DOCUMENT_MEDIA_VIDEO,
	DOCUMENT_MEDIA_AUDIO,
	DOCUMENT_MEDIA_EMBED,
};
const char *document_media_word(enum document_lang lang,
    enum document_media media);

#endif
