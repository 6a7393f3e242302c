/* SPDX-License-Identifier: MIT */
/*
 * layout: blocks -> lines of cells.
 *
 * Laying out a block has two stages. Shaping (width-independent) turns a
 * stretch of the block's text into "shaped" cells: it scrubs the text,
 * finds line breaks and grapheme clusters (breaks.h), splits each cluster
 * into drawable cells, measures them with wcwidth() and notes, on each
 * cell, the break flags of the boundary before it. Filling (per width)
 * then cuts the shaped cells into lines greedily, each line taking as many
 * cells as fit before the last allowed break.
 *
 * The result owns one arena of UTF-8 (every cell's bytes, generated ones
 * included), one array of cells and one of lines; cell and line pointers
 * are fixed up once the block is done, since the arrays grow while it is
 * built. Tables are layout-table.c's; the types both share are in
 * layout-internal.h.
 */
#include "config.h"
#include "layout.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "breaks.h"
#include "buf.h"
#include "document.h"
#include "layout-internal.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- the struct layout --- */

struct layout *
layout_new(bool tailored)
{
	struct layout *l = xcalloc(1, sizeof *l);

	l->breaks = breaks_new(tailored);
	buf_init(&l->clean, 0);
	return l;
}

void
layout_free(struct layout *l)
{
	if (!l)
		return;
	breaks_free(l->breaks);
	free(l->flags);
	buf_release(&l->clean);
	free(l->posmap);
	free(l->sh);
	free(l);
}

/* --- the block being built --- */

/*
 * Make room for about n text cells and their lines at once, so a block's
 * arrays are allocated once rather than doubled up from nothing: a big
 * article lays out thousands of blocks, and every reallocation touches
 * fresh memory.
 */
static void
reserve(struct layout_build *bd, size_t n)
{
	/* lines: at least n cells / W of them, plus blank ones; each line
	 * may add a prefix of a few generated cells */
	size_t lines = n / (bd->w > 1 ? bd->w / 2 : 1) + 4;
	size_t cells = bd->ncells + n + lines * (bd->b->nframes * 4 + 4);

	ALLOC_GROW(bd->cells, cells, bd->cells_alloc);
	ALLOC_GROW(bd->lines, bd->nlines + lines, bd->lines_alloc);
}

void
layout_line_begin(struct layout_build *bd)
{
	struct layout_bline *ln;

	ALLOC_GROW(bd->lines, bd->nlines + 1, bd->lines_alloc);
	ln = &bd->lines[bd->nlines++];
	ln->first = bd->ncells;
	ln->ncells = 0;
	ln->width = 0;
	ln->pos = LAYOUT_NO_POS;
}

static inline void
push_cell(struct layout_build *bd, uint32_t off, uint8_t len, uint8_t width,
    uint16_t style, uint32_t pos, bool primary)
{
	struct layout_bline *ln = &bd->lines[bd->nlines - 1];
	struct layout_cell *c;

	ALLOC_GROW(bd->cells, bd->ncells + 1, bd->cells_alloc);
	c = &bd->cells[bd->ncells++];
	/* the arena still grows: s holds the offset until finish() */
	c->s = (const char *)(uintptr_t)off;
	c->len = len;
	c->width = width;
	c->style = style;
	c->pos = pos;
	ln->ncells++;
	ln->width += width;
	if (primary && pos != LAYOUT_NO_POS && ln->pos == LAYOUT_NO_POS)
		ln->pos = pos;
}

void
layout_add_shaped(struct layout_build *bd, const struct layout_shaped *s)
{
	push_cell(bd, s->off, s->len, s->width, s->style, s->pos, !s->label);
}

/* A generated cell: text s (one character and its marks) of width w. */
void
layout_add_gen(struct layout_build *bd, const char *s, uint8_t width,
    uint16_t style)
{
	uint32_t off = (uint32_t)bd->arena.len;
	size_t len = strlen(s);

	buf_add(&bd->arena, s, len);
	push_cell(bd, off, (uint8_t)len, width, style | DOCUMENT_STYLE_GEN,
	    LAYOUT_NO_POS, false);
}

void
layout_add_gen_spaces(struct layout_build *bd, unsigned n, uint16_t style)
{
	while (n--)
		layout_add_gen(bd, " ", 1, style);
}

/* The columns a generated string takes. */
static unsigned
str_width(const char *s)
{
	unsigned w = 0;
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		int cw = wcwidth((wchar_t)cp);

		i += n < 0 ? 1 : (size_t)n;
		w += cw > 0 ? (unsigned)cw : 0;
	}
	return w;
}

/* --- prefixes: quote bars, list markers --- */

/* True when a quote frame lies in frames [k, upto). */
static bool
quote_between(const struct document_block *b, size_t k, size_t upto)
{
	for (; k < upto; k++)
		if (b->frames[k].kind == DOCUMENT_FRAME_QUOTE)
			return true;
	return false;
}

/* One generated cell per character of s. */
static void
add_gen_str(struct layout_build *bd, const char *s, uint16_t style)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		char one[8];
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		int cw = wcwidth((wchar_t)cp);

		n = n < 0 ? 1 : n;
		memcpy(one, s + i, (size_t)n);
		one[n] = '\0';
		layout_add_gen(bd, one, (uint8_t)(cw > 0 ? cw : 1), style);
		i += (size_t)n;
	}
}

/* Draw frames [f0, upto) of the block before a line's content. A blank
 * line gets the quote bars only, with no trailing spaces. */
static void
add_prefix_upto(struct layout_build *bd, enum layout_prefix kind, size_t upto)
{
	const struct document_block *b = bd->b;
	uint16_t dim = DOCUMENT_STYLE_DIM | (b->style & DOCUMENT_STYLE_QUOTE);

	for (size_t k = bd->f0; k < upto; k++) {
		const struct document_frame *f = &b->frames[k];
		/* spaces are drawn only when something follows them */
		bool more = kind != LAYOUT_PFX_BLANK || quote_between(b, k + 1, upto);

		if (f->kind == DOCUMENT_FRAME_QUOTE) {
			layout_add_gen(bd, "│", 1, dim | DOCUMENT_STYLE_QUOTE);
			if (more)
				layout_add_gen(bd, " ", 1, dim);
		} else if (kind == LAYOUT_PFX_FIRST && f->first && f->marker[0]) {
			unsigned mw = str_width(f->marker);

			add_gen_str(bd, f->marker, dim);
			if (f->width > mw)
				layout_add_gen_spaces(bd, f->width - mw, dim);
		} else if (more) {
			layout_add_gen_spaces(bd, f->width, dim);
		}
	}
}

void
layout_add_prefix(struct layout_build *bd, enum layout_prefix kind)
{
	add_prefix_upto(bd, kind, bd->b->nframes);
}

/* The blank line above a block: the quote bars it shares with the block
 * before, so a quote's bar runs on between its paragraphs. */
static void
add_space_before(struct layout_build *bd)
{
	const struct document_block *b = bd->b, *prev;
	size_t shared = 0;

	layout_line_begin(bd);
	if (bd->index == 0)
		return;
	prev = &bd->doc->blocks[bd->index - 1];
	while (shared < b->nframes && shared < prev->nframes &&
	    b->frames[shared].kind == prev->frames[shared].kind)
		shared++;
	while (shared > 0 && b->frames[shared - 1].kind != DOCUMENT_FRAME_QUOTE)
		shared--;
	if (shared > bd->f0)
		add_prefix_upto(bd, LAYOUT_PFX_BLANK, shared);
}

/* --- shaping --- */

/*
 * Scrub [start, end) of the block text into l->clean, with l->posmap the
 * block offset of each clean byte. LF and TAB stay: layout_shape() decides.
 */
static void
scrub(struct layout *l, const char *text, size_t start, size_t end)
{
	struct utf8_scrub st = UTF8_SCRUB_INIT;

	buf_reset(&l->clean);
	ALLOC_GROW(l->posmap, end - start + 1, l->posmap_alloc);
	for (size_t i = start; i < end;) {
		uint32_t cp;
		int n = utf8_decode(text + i, end - i, &cp);
		size_t at = l->clean.len;

		n = n < 0 ? 1 : n;
		if (utf8_scrub_feed(&st, cp)) {
			utf8_add(&l->clean, cp);
			for (size_t k = at; k < l->clean.len; k++)
				l->posmap[k] = (uint32_t)i;
		}
		i += (size_t)n;
	}
}

/* The width of a base character; U+FFFD stands in for wcwidth() < 0. */
static inline int
base_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp >= 0x4E00 && cp <= 0x9FFF)
		return 2;
	return wcwidth((wchar_t)cp);
}

static bool
is_hard_break(uint32_t cp)
{
	return cp == '\n' || cp == 0x2028 || cp == 0x2029;
}

/* The style in force at block offset pos, given a moving run index. */
static inline uint16_t
style_at(const struct document_block *b, size_t *run, uint32_t pos)
{
	while (*run + 1 < b->nruns && b->runs[*run + 1].start <= pos)
		(*run)++;
	return (uint16_t)((b->nruns ? b->runs[*run].style : 0) | b->style);
}

struct layout_shaped *
layout_new_shaped(struct layout *l)
{
	struct layout_shaped *s;

	ALLOC_GROW(l->sh, l->nsh + 1, l->sh_alloc);
	s = &l->sh[l->nsh++];
	memset(s, 0, sizeof *s);
	return s;
}

/* A new shaped cell of kind at block offset pos; l->sh has room (layout_shape()
 * reserves it). */
static inline struct layout_shaped *
put(struct layout *l, struct layout_build *bd, const char *bytes, size_t len,
    uint32_t cp, uint32_t pos, uint8_t brk, uint16_t style, uint8_t width,
    uint8_t kind)
{
	struct layout_shaped *c = &l->sh[l->nsh++];

	c->off = (uint32_t)bd->arena.len;
	c->pos = pos;
	c->cp = cp;
	c->style = style;
	c->len = (uint8_t)len;
	c->width = width;
	c->kind = kind;
	c->brk = brk;
	c->ncp = 1;
	c->label = false;
	if (bd->arena.alloc - bd->arena.len > len) {
		/* the common case: layout_shape() made room */
		memcpy(bd->arena.buf + bd->arena.len, bytes, len);
		bd->arena.len += len;
		bd->arena.buf[bd->arena.len] = '\0';
	} else {
		buf_add(&bd->arena, bytes, len);
	}
	return c;
}

/*
 * Shape [start, end) of b's text, appending to l->sh (their text to
 * bd->arena). Returns the index of the first new shaped cell.
 */
size_t
layout_shape(struct layout *l, struct layout_build *bd, size_t start,
    size_t end, bool pre)
{
	const struct document_block *b = bd->b;
	const char *src = b->text.buf, *t;
	size_t first = l->nsh, run = 0, n, ncp;
	const uint32_t *cps, *offs;
	struct layout_shaped *cur = NULL;	/* the cell marks attach to */
	bool dirty;

	if (end <= start)
		return first;
	dirty = utf8_scrub_needed(src + start, end - start);
	if (dirty) {
		scrub(l, src, start, end);
		t = l->clean.buf;
		n = l->clean.len;
	} else {
		t = src + start;
		n = end - start;
	}
	ALLOC_GROW(l->flags, n + 1, l->flags_alloc);
	breaks_find(l->breaks, t, n, l->flags);
	ncp = breaks_codepoints(l->breaks, &cps, &offs);
	/* at most one cell per code point, plus a carrier per mark */
	ALLOC_GROW(l->sh, l->nsh + 2 * ncp + 1, l->sh_alloc);
	buf_grow(&bd->arena, n + 16);

	for (size_t k = 0; k < ncp; k++) {
		uint32_t cp = cps[k], i = offs[k];
		uint32_t pos = dirty ? l->posmap[i] : (uint32_t)(start + i);
		size_t len = offs[k + 1] - i;
		uint8_t brk = l->flags[i];
		uint16_t style;
		int cw;

		if (brk & BREAKS_CLUSTER)
			cur = NULL;	/* marks never cross clusters */
		style = style_at(b, &run, pos);
		if ((cp == ' ' || cp == '\t') && !pre) {
			/* flowing text: a tab collapses like a space (CSS) */
			put(l, bd, " ", 1, cp, pos, brk, style, 1, LAYOUT_SH_SPACE);
			cur = NULL;
			continue;
		}
		if (is_hard_break(cp) || (cp == '\t' && pre)) {
			put(l, bd, " ", cp == '\t', cp, pos, brk, style,
			    0, cp == '\t' ? LAYOUT_SH_TAB : LAYOUT_SH_HARD);
			cur = NULL;
			continue;
		}
		cw = base_width(cp);
		if (cw != 0) {
			/* a spacing character starts a cell; one wcwidth()
			 * cannot measure is drawn as U+FFFD */
			if (cw < 0)
				cur = put(l, bd, "\xEF\xBF\xBD", 3, cp, pos, brk,
				    style, 1, LAYOUT_SH_TEXT);
			else
				cur = put(l, bd, t + i, len, cp, pos, brk, style,
				    (uint8_t)cw, LAYOUT_SH_TEXT);
			continue;
		}
		if (!cur && l->nsh > first && l->sh[l->nsh - 1].kind == LAYOUT_SH_TEXT)
			cur = &l->sh[l->nsh - 1];	/* a lone U+200B and the
							 * like: onto the cell
							 * before */
		if (!cur)	/* nothing to sit on: a space carries it */
			cur = put(l, bd, " ", 1, ' ', pos, brk, style, 1, LAYOUT_SH_TEXT);
		/* beyond LAYOUT_MAX_MARKS, ncurses cannot draw them */
		if (cur->ncp <= LAYOUT_MAX_MARKS &&
		    cur->off + cur->len == bd->arena.len) {
			buf_add(&bd->arena, t + i, len);
			cur->len = (uint8_t)(cur->len + len);
			cur->ncp++;
		}
	}
	return first;
}

/* --- flowing text --- */

/* The last run of spaces space_end() found: sh[from, to) are spaces and
 * sh[to] is not (or to is the end). Empty (from > to) at first. */
struct layout_spaces {
	size_t from, to;
};
#define LAYOUT_SPACES_INIT { 1, 0 }

static bool
paired(uint32_t a, uint32_t b)
{
	return a == b && (a == 0x2014 || a == 0x2026 || a == 0x2015);
}

/*
 * Where the spaces that start at sh[k] end (n when they run to the end).
 * A run of spaces may be as long as the text (a preformatted run of tabs),
 * and every line cut inside it asks: sp remembers the last run found, so
 * each cell is looked at once per text and breaking stays linear.
 */
static size_t
space_end(const struct layout_shaped *sh, size_t k, size_t n,
    struct layout_spaces *sp)
{
	size_t q = k;

	if (k >= sp->from && k <= sp->to)
		return sp->to;
	while (q < n && sh[q].cp == ' ')
		q++;
	sp->from = k;
	sp->to = q;
	return q;
}

/*
 * Whether a line may end before sh[k] (sh[s] its first cell, sh[n] past
 * the last) as far as the punctuation rules go; for breaks of last
 * resort. Spaces at the break do not count: they hang or are skipped.
 */
static bool
punct_ok(const struct layout_shaped *sh, size_t s, size_t k, size_t n,
    struct layout_spaces *sp)
{
	size_t p = k, q = space_end(sh, k, n, sp);

	while (p > s && sh[p - 1].cp == ' ')
		p--;
	if (q < n && (breaks_is_closing(sh[q].cp) || sh[q].cp == 0x00B7 ||
	    sh[q].cp == 0x30FB))
		return false;
	if (paired(sh[k - 1].cp, sh[k].cp))
		return false;
	return p == s || !breaks_is_opening(sh[p - 1].cp);
}

/* May a line break before sh[j]? A link's number sticks to its text. */
static bool
allowed(const struct layout_shaped *sh, size_t j)
{
	return (sh[j].brk & BREAKS_LINE) &&
	    !(sh[j].style & DOCUMENT_STYLE_LINKNUM);
}

/*
 * The break of last resort in (s, j]: cells [s, j) fit, sh[j] does not
 * (n: the end of the text). It is the last grapheme boundary that keeps
 * the punctuation rules, even inside a word: only a word that, with the
 * punctuation after it, is wider than the line gets here.
 */
static size_t
emergency(const struct layout_shaped *sh, size_t s, size_t j, size_t n,
    struct layout_spaces *sp)
{
	if (j == s)
		return s + 1;	/* one cell wider than the line: alone */
	for (size_t k = j; k > s; k--)
		if ((sh[k].brk & BREAKS_CLUSTER) && punct_ok(sh, s, k, n, sp))
			return k;
	/* the rules cannot all hold: keep —— and …… whole at least */
	for (size_t k = j; k > s; k--)
		if ((sh[k].brk & BREAKS_CLUSTER) && !paired(sh[k - 1].cp, sh[k].cp))
			return k;
	for (size_t k = j; k > s; k--)
		if (sh[k].brk & BREAKS_CLUSTER)
			return k;
	return j;		/* a cluster wider than the line */
}

/*
 * Find the line starting at sh[s] within avail columns: it holds
 * [s, *end) (trailing spaces included; the caller trims them), and the
 * next starts at *next. *hard: it ended at a hard break.
 */
static void
find_line(const struct layout_shaped *sh, size_t n, size_t s, unsigned avail,
    size_t *end, size_t *next, bool *hard)
{
	struct layout_spaces sp = LAYOUT_SPACES_INIT;
	unsigned used = 0;
	size_t last_ok = SIZE_MAX;

	*hard = false;
	for (size_t j = s; j < n; j++) {
		const struct layout_shaped *c = &sh[j];

		if (c->kind == LAYOUT_SH_HARD) {
			*end = j;
			*next = j + 1;
			*hard = true;
			return;
		}
		if (j > s && allowed(sh, j))
			last_ok = j;
		if (c->kind == LAYOUT_SH_SPACE) {
			used += c->width;
			continue;
		}
		if (used + c->width > avail) {
			*end = *next = last_ok != SIZE_MAX ? last_ok :
			    emergency(sh, s, j, n, &sp);
			return;
		}
		used += c->width;
	}
	*end = *next = n;
}

/* Lay out shaped cells [from, to) of l->sh as flowing text. */
void
layout_fill_flow(struct layout *l, struct layout_build *bd, size_t from,
    size_t to, const struct layout_flow *fl)
{
	const struct layout_shaped *sh = l->sh;
	size_t i = from;
	bool first = fl->first_is_block, para = true, after_hard = true;

	do {
		unsigned indent = para && fl->indent ? 4 :
		    (!para ? fl->hang : 0);
		unsigned avail = bd->avail > indent ? bd->avail - indent : 1;
		size_t end, next, last;
		bool hard, blank;

		if (bd->avail <= indent + 4)
			indent = 0, avail = bd->avail;
		if (!after_hard)
			while (i < to && sh[i].kind == LAYOUT_SH_SPACE)
				i++;
		if (i >= to && !first && !after_hard)
			break;
		find_line(sh, to, i, avail, &end, &next, &hard);
		last = end;
		while (last > i && sh[last - 1].kind == LAYOUT_SH_SPACE)
			last--;
		blank = last == i;
		layout_line_begin(bd);
		layout_add_prefix(bd, blank && !first ? LAYOUT_PFX_BLANK :
		    first ? LAYOUT_PFX_FIRST : LAYOUT_PFX_REST);
		if (!blank && indent == 4 && para && fl->indent) {
			layout_add_gen(bd, "\u3000", 2, bd->b->style);
			layout_add_gen(bd, "\u3000", 2, bd->b->style);
		} else if (!blank && indent) {
			layout_add_gen_spaces(bd, indent, bd->b->style);
		}
		for (size_t k = i; k < last; k++)
			layout_add_shaped(bd, &sh[k]);
		para = hard && blank;
		after_hard = hard;
		first = false;
		i = next;
	} while (i < to);
}

/* Does the text start a paragraph the indent suits? Not when it already
 * starts with U+3000 or with an image placeholder. */
static bool
indent_suits(const struct document_block *b)
{
	return b->text.len > 0 && strncmp(b->text.buf, "\u3000", 3) != 0 &&
	    !(b->nruns && (b->runs[0].style & DOCUMENT_STYLE_IMAGE));
}

static void
layout_flowing(struct layout *l, struct layout_build *bd)
{
	struct layout_flow fl = { false, 0, true };
	size_t from;

	fl.indent = bd->indent && bd->b->indentable && indent_suits(bd->b);
	from = layout_shape(l, bd, 0, bd->b->text.len, false);
	reserve(bd, l->nsh - from);
	layout_fill_flow(l, bd, from, l->nsh, &fl);
}

/* --- preformatted text --- */

/*
 * Cut one source line of preformatted text, shaped cells [s, e) with its
 * tabs expanded, into lines of at most avail columns; continuation lines
 * start with ↪. A line ends at the last grapheme boundary that fits,
 * moved back a little when that would put closing punctuation first.
 */
static void
fill_pre_line(struct layout *l, struct layout_build *bd, size_t s, size_t e,
    bool first)
{
	const struct layout_shaped *sh = l->sh;
	struct layout_spaces sp = LAYOUT_SPACES_INIT;
	bool cont = false;

	do {
		bool mark = cont && bd->avail >= 2;
		unsigned avail = bd->avail - (mark ? 1 : 0), used = 0;
		size_t end = e;

		for (size_t j = s; j < e; j++) {
			if (used + sh[j].width > avail) {
				end = emergency(sh, s, j, e, &sp);
				break;
			}
			used += sh[j].width;
		}
		layout_line_begin(bd);
		layout_add_prefix(bd, s == e && !first ? LAYOUT_PFX_BLANK :
		    first && !cont ? LAYOUT_PFX_FIRST : LAYOUT_PFX_REST);
		if (mark)
			layout_add_gen(bd, "↪", 1, DOCUMENT_STYLE_DIM | DOCUMENT_STYLE_CODE);
		for (size_t k = s; k < end; k++)
			push_cell(bd, sh[k].off, sh[k].len, sh[k].width,
			    sh[k].style, sh[k].pos, true);
		s = end;
		cont = true;
	} while (s < e);
}

static void
layout_pre(struct layout *l, struct layout_build *bd)
{
	size_t from = layout_shape(l, bd, 0, bd->b->text.len, true);
	size_t n = l->nsh, i = from;
	bool first = true;

	for (;;) {
		size_t start = l->nsh, j;
		unsigned col = 0;

		/* copy the source line after the shaped cells, tabs expanded
		 * to the next multiple of 8 columns of the source line */
		for (j = i; j < n && l->sh[j].kind != LAYOUT_SH_HARD; j++) {
			unsigned reps = l->sh[j].kind == LAYOUT_SH_TAB ? 8 - col % 8 : 1;

			for (unsigned r = 0; r < reps; r++) {
				struct layout_shaped *c = layout_new_shaped(l);

				*c = l->sh[j];
				if (c->kind == LAYOUT_SH_TAB) {
					c->kind = LAYOUT_SH_TEXT;
					c->width = 1;
					c->cp = ' ';
				}
				if (r > 0) {	/* the tab's padding */
					c->pos = LAYOUT_NO_POS;
					c->style |= DOCUMENT_STYLE_GEN;
					c->brk = BREAKS_CLUSTER;
				}
				col += c->width;
			}
		}
		fill_pre_line(l, bd, start, l->nsh, first);
		l->nsh = start;
		first = false;
		if (j >= n)
			break;
		i = j + 1;
	}
}

/* --- rules --- */

static void
layout_rule(struct layout_build *bd)
{
	layout_line_begin(bd);
	layout_add_prefix(bd, LAYOUT_PFX_FIRST);
	for (unsigned i = 0; i < bd->avail; i++)
		layout_add_gen(bd, "─", 1, DOCUMENT_STYLE_DIM);
}

/* --- blocks --- */

static struct layout_block *
finish(struct layout_build *bd)
{
	struct layout_block *lb = xcalloc(1, sizeof *lb);
	uint32_t next = (uint32_t)bd->b->text.len;

	lb->width = bd->w;
	lb->text = buf_detach(&bd->arena, NULL);
	/* A block may have no cells at all (a preformatted line of "\r"):
	 * the array is allocated all the same, so every line's cells point
	 * at memory and callers may do arithmetic or memcpy with them. */
	lb->cells = bd->cells ? bd->cells : xcalloc(1, sizeof *lb->cells);
	lb->ncells = bd->ncells;
	for (size_t i = 0; i < bd->ncells; i++)
		lb->cells[i].s = lb->text + (uintptr_t)lb->cells[i].s;
	lb->nlines = bd->nlines;
	lb->lines = xcalloc(bd->nlines, sizeof *lb->lines);
	for (size_t i = bd->nlines; i-- > 0;) {
		const struct layout_bline *src = &bd->lines[i];
		struct layout_line *ln = &lb->lines[i];

		ln->cells = lb->cells + src->first;
		ln->ncells = src->ncells;
		ln->width = src->width;
		ln->pos = src->pos != LAYOUT_NO_POS ? src->pos : next;
		if (ln->pos > next)
			ln->pos = next;	/* keep the order for lookups */
		next = ln->pos;
	}
	free(bd->lines);
	return lb;
}

struct layout_block *
layout_block(struct layout *l, const struct document *doc, size_t i,
    unsigned w, unsigned flags)
{
	const struct document_block *b = &doc->blocks[i];
	struct layout_build bd;
	unsigned prefix = 0;

	memset(&bd, 0, sizeof bd);
	bd.doc = doc;
	bd.b = b;
	bd.index = i;
	bd.w = w ? w : 1;
	buf_init(&bd.arena, b->text.len + 64);
	/* deep nesting: drop outer frames until the prefix takes at most
	 * half the width */
	for (size_t k = 0; k < b->nframes; k++)
		prefix += b->frames[k].width;
	while (bd.f0 < b->nframes && prefix > bd.w / 2)
		prefix -= b->frames[bd.f0++].width;
	bd.avail = bd.w - prefix;
	bd.indent = (flags & LAYOUT_INDENT) && bd.w >= 12;
	l->nsh = 0;

	if (b->space_before)
		add_space_before(&bd);
	switch (b->kind) {
	case DOCUMENT_PARA:
	case DOCUMENT_HEADING:
		layout_flowing(l, &bd);
		break;
	case DOCUMENT_PRE:
		layout_pre(l, &bd);
		break;
	case DOCUMENT_RULE:
		layout_rule(&bd);
		break;
	case DOCUMENT_TABLE:
		if (b->table)
			layout_table(l, &bd);
		else
			layout_flowing(l, &bd);
		break;
	}
	if (bd.nlines == 0)
		layout_line_begin(&bd);
	return finish(&bd);
}

void
layout_block_free(struct layout_block *lb)
{
	if (!lb)
		return;
	free(lb->lines);
	free(lb->cells);
	free(lb->text);
	free(lb);
}

size_t
layout_block_find(const struct layout_block *lb, uint32_t pos)
{
	size_t lo = 0, hi = lb->nlines;

	/* the last line whose pos <= pos */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (lb->lines[mid].pos <= pos)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}
