/* SPDX-License-Identifier: MIT */
/*
 * document-flow: the document being built, block by block, whatever the
 * markup: the open block, white space collapsing as CSS does it, hard
 * breaks, frames (quotes, list items), link numbers, placeholders, and
 * data tables. document.c walks libxml2's tree and drives it; nothing here
 * knows HTML.
 *
 * Inline content flows into the open block, opened lazily by the first
 * visible character, so stray white space between blocks makes none. A
 * run of spaces, tabs and line breaks becomes one space when the next
 * visible character arrives, nothing at the start of a line; a run holding
 * a line break between two wide (East Asian F/W/H, not Hangul) characters
 * becomes nothing.
 */
#include "config.h"
#include "document-flow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "utf8.h"
#include "xmalloc.h"

static struct document_block *
cur_block(struct document_flow *w)
{
	return &w->doc->blocks[w->cur];
}

bool
document_flow_is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Wide for CSS's segment-break rule: East Asian F, W or H, not Hangul. */
static bool
is_wide_nonhangul(uint32_t cp)
{
	if (cp < 0x1100)
		return false;
	if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
	    (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF) ||
	    (cp >= 0xFFA0 && cp <= 0xFFDC))
		return false;
	/* F, W and H, per EastAsianWidth.txt, in broad ranges */
	return (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
	    (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Punctuation of East Asian width A that Chinese text sets full width:
 * quotes, dashes, ellipses, the middle dot. */
static bool
is_cjk_ambiguous(uint32_t cp)
{
	switch (cp) {
	case 0x00B7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
	case 0x201C: case 0x201D: case 0x2025: case 0x2026: case 0x203B:
		return true;
	}
	return false;
}

/*
 * Does a source line break between a and b vanish? CSS removes it between
 * two wide characters; we count the full-width punctuation of Chinese
 * text as wide too when the other side is wide, so a line break after
 * ” before 微 adds no space either.
 */
static bool
break_vanishes(uint32_t a, uint32_t b)
{
	bool wa = is_wide_nonhangul(a), wb = is_wide_nonhangul(b);

	return (wa && wb) || (wa && is_cjk_ambiguous(b)) ||
	    (wb && is_cjk_ambiguous(a));
}

static uint32_t
first_cp(const char *s, size_t len)
{
	uint32_t cp;
	utf8_decode(s, len, &cp);
	return cp;
}

static uint32_t
last_cp(const char *s, size_t len)
{
	size_t i = len;
	uint32_t cp;

	while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	utf8_decode(s + i, len - i, &cp);
	return cp;
}

/* Shorten b's text to len bytes, dropping runs left empty. */
static void
block_truncate(struct document_block *b, size_t len)
{
	buf_setlen(&b->text, len);
	while (b->nruns && b->runs[b->nruns - 1].start >= len)
		b->nruns--;
}

static void
open_block(struct document_flow *w, enum document_kind kind)
{
	struct document_block *b;

	b = document_add_block(w->doc, kind);
	b->level = kind == DOCUMENT_HEADING ? w->ctx.level : 0;
	b->style = w->ctx.block_style;
	b->space_before = w->doc->nblocks > 1 && w->gap ? 1 : 0;
	b->indentable = kind == DOCUMENT_PARA && w->ctx.indentable &&
	    w->ctx.nframes == 0;
	for (size_t i = 0; i < w->ctx.nframes; i++) {
		document_block_add_frame(b, &w->frames[i]);
		w->frames[i].first = false;	/* markers show once */
	}
	w->cur = w->doc->nblocks - 1;
	w->gap = 0;
	w->ws = DOCUMENT_FLOW_WS_NONE;
	w->line_empty = true;
	w->last_cp = 0;
}

static void
drop_last_block(struct document_flow *w)
{
	struct document *doc = w->doc;
	struct document_block *b = &doc->blocks[--doc->nblocks];

	if (b->space_before && w->gap == 0)
		w->gap = 1;
	document_block_release(b);
}

static void
close_block(struct document_flow *w)
{
	struct document_block *b;
	size_t len;

	if (w->cur == SIZE_MAX)
		return;
	b = cur_block(w);
	len = b->text.len;
	while (len > 0 && b->text.buf[len - 1] == '\n')
		len--;		/* trailing hard breaks show nothing */
	block_truncate(b, len);
	w->cur = SIZE_MAX;
	w->ws = DOCUMENT_FLOW_WS_NONE;
	if (len == 0)
		drop_last_block(w);
}

/* Make sure a block is open for flowing content. */
static void
need_block(struct document_flow *w)
{
	if (w->cur == SIZE_MAX)
		open_block(w, w->ctx.pre ? DOCUMENT_PRE : w->ctx.kind);
}

/* Append visible text (no collapsible white space) that starts with the
 * character first, resolving pending white space before it. */
static void
add_visible(struct document_flow *w, const char *s, size_t len, uint16_t style,
    int link, uint32_t first)
{
	struct document_block *b;

	need_block(w);
	b = cur_block(w);
	if (w->ws != DOCUMENT_FLOW_WS_NONE && !w->line_empty &&
	    !(w->ws == DOCUMENT_FLOW_WS_BREAK && break_vanishes(w->last_cp, first)))
		document_block_add(b, " ", 1, w->ws_style, w->ws_link);
	w->ws = DOCUMENT_FLOW_WS_NONE;
	document_block_add(b, s, len, style, link);
	w->line_empty = false;
}

/* Generated text ("[3]"): it does not resolve pending white space, so
 * "<a>word </a>next" reads "word[3] next". */
void
document_flow_generated(struct document_flow *w, const char *s,
    uint16_t style, int link)
{
	need_block(w);
	document_block_add(cur_block(w), s, strlen(s), style | DOCUMENT_STYLE_GEN,
	    link);
	w->line_empty = false;
}

/* Where the text of the open block's current cell, or the block, starts. */
static size_t
content_start(struct document_flow *w)
{
	struct document_flow_table *t = w->table;

	if (!t)
		return 0;
	return t->in_cell ? t->cells[t->ncells - 1].c.start : SIZE_MAX;
}

void
document_flow_hard_break(struct document_flow *w)
{
	struct document_block *b;

	if (w->ctx.pre)
		need_block(w);
	if (w->cur == SIZE_MAX) {
		w->gap = 1;	/* a <br> between blocks: one blank line */
		return;
	}
	b = cur_block(w);
	/* nothing before it in this block or cell: a break shows nothing */
	if (content_start(w) < b->text.len)
		document_block_add(b, "\n", 1, w->ctx.style, w->ctx.link);
	w->ws = DOCUMENT_FLOW_WS_NONE;
	w->line_empty = true;
}

static void
pending_ws(struct document_flow *w, bool newline)
{
	if (w->line_empty)
		return;
	if (w->ws == DOCUMENT_FLOW_WS_NONE) {
		w->ws_style = w->ctx.style;
		w->ws_link = w->ctx.link;
	}
	if (newline)
		w->ws = DOCUMENT_FLOW_WS_BREAK;
	else if (w->ws == DOCUMENT_FLOW_WS_NONE)
		w->ws = DOCUMENT_FLOW_WS_SPACE;
}

/* The byte length of a line or paragraph separator at s, else 0. */
static size_t
separator_at(const char *s, size_t len)
{
	if (len >= 3 && (unsigned char)s[0] == 0xE2 &&
	    (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 3;
	return 0;
}

static void
add_pre_text(struct document_flow *w, const char *s, size_t len)
{
	struct document_block *b;

	need_block(w);
	b = cur_block(w);
	/* a newline right after <pre> is not content (HTML's rule) */
	if (b->text.len == 0 && len > 0 && s[0] == '\n') {
		s++;
		len--;
	}
	document_block_add(b, s, len, w->ctx.style, w->ctx.link);
	if (len)
		w->line_empty = s[len - 1] == '\n';
}

void
document_flow_text(struct document_flow *w, const char *s, size_t len)
{
	size_t i = 0;

	if (w->table && !w->table->in_cell)
		return;		/* white space between rows and cells */
	if (w->ctx.pre) {
		add_pre_text(w, s, len);
		return;
	}
	while (i < len) {
		size_t j, sep;

		if (document_flow_is_ws((unsigned char)s[i])) {
			pending_ws(w, s[i] == '\n' || s[i] == '\r' || s[i] == '\f');
			i++;
			continue;
		}
		if ((sep = separator_at(s + i, len - i)) > 0) {
			document_flow_hard_break(w);
			i += sep;
			continue;
		}
		for (j = i; j < len && !document_flow_is_ws((unsigned char)s[j]) &&
		    !separator_at(s + j, len - j); j++)
			;
		add_visible(w, s + i, j - i, w->ctx.style, w->ctx.link,
		    first_cp(s + i, j - i));
		w->last_cp = last_cp(s + i, j - i);
		i = j;
	}
}

static bool
usable_url(const char *u)
{
	if (!u || !*u || *u == '#')
		return false;
	return strncasecmp(u, "javascript:", 11) != 0 &&
	    strncasecmp(u, "data:", 5) != 0;
}

/* A copy of u with surrounding white space trimmed, or NULL. */
static char *
clean_url(const char *u)
{
	struct buf b = BUF_INIT;

	if (!u)
		return NULL;
	buf_adds(&b, u);
	buf_trim(&b);
	if (!usable_url(b.buf)) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

int
document_flow_link(struct document_flow *w, const char *url,
    enum document_link_kind kind)
{
	char *u = clean_url(url);
	int n;

	if (!u)
		return -1;
	n = document_add_link(w->doc, u, kind);
	free(u);
	return n;
}

/* Append s with white space collapsed and trimmed. */
static void
collapse_into(struct buf *out, const char *s)
{
	bool space = false;

	for (; s && *s; s++) {
		if (document_flow_is_ws((unsigned char)*s)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_addc(out, ' ');
		space = false;
		buf_addc(out, *s);
	}
}

/* "[图: label][n]", the label being the source's own text. */
void
document_flow_placeholder(struct document_flow *w, enum document_media media,
    const char *label, int number)
{
	uint16_t st = w->ctx.style | DOCUMENT_STYLE_IMAGE;
	int link = number >= 0 ? number : w->ctx.link;
	struct buf head = BUF_INIT, text = BUF_INIT;

	collapse_into(&text, label);
	buf_addf(&head, "[%s", document_media_word(w->doc->lang, media));
	if (text.len)
		buf_adds(&head, ": ");
	add_visible(w, head.buf, head.len, st | DOCUMENT_STYLE_GEN, link, '[');
	if (text.len)
		document_block_add(cur_block(w), text.buf, text.len, st, link);
	document_block_add(cur_block(w), "]", 1, st | DOCUMENT_STYLE_GEN, link);
	if (number >= 0) {
		char num[24];
		snprintf(num, sizeof num, "[%d]", number);
		document_flow_generated(w, num,
		    w->ctx.style | DOCUMENT_STYLE_LINKNUM, number);
	}
	w->last_cp = ']';
	buf_release(&head);
	buf_release(&text);
}

void
document_flow_table_begin(struct document_flow *w)
{
	close_block(w);
	w->gap = 1;
	open_block(w, DOCUMENT_TABLE);
	w->table = xcalloc(1, sizeof *w->table);
	w->table->row0_all_th = true;
}

void
document_flow_table_row(struct document_flow *w)
{
	w->table->row++;
	w->table->col = 0;
}

void
document_flow_table_cell_begin(struct document_flow *w, bool th)
{
	struct document_flow_table *t = w->table;
	struct document_flow_cell *c;

	if (t->row == 0)
		document_flow_table_row(w);	/* a cell outside any <tr> */
	ALLOC_GROW(t->cells, t->ncells + 1, t->alloc);
	c = &t->cells[t->ncells++];
	c->row = t->row - 1;
	c->col = t->col++;
	c->c.start = c->c.end = cur_block(w)->text.len;
	c->c.header = th || t->in_thead;
	if (c->row == 0 && !c->c.header)
		t->row0_all_th = false;
	t->in_cell = true;
	w->ws = DOCUMENT_FLOW_WS_NONE;
	w->line_empty = true;
}

void
document_flow_table_cell_end(struct document_flow *w)
{
	struct document_flow_table *t = w->table;
	struct document_block *b = cur_block(w);
	struct document_flow_cell *c = &t->cells[t->ncells - 1];
	size_t len = b->text.len;

	while (len > c->c.start && b->text.buf[len - 1] == '\n')
		len--;
	block_truncate(b, len);
	c->c.end = len;
	t->in_cell = false;
	w->ws = DOCUMENT_FLOW_WS_NONE;
}

void
document_flow_table_end(struct document_flow *w)
{
	struct document_flow_table *t = w->table;
	struct document_block *b = cur_block(w);
	struct document_table *dt;
	size_t ncols = 0, nrows = t->row;

	if (t->in_cell)
		document_flow_table_cell_end(w);
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].col + 1 > ncols)
			ncols = t->cells[i].col + 1;
	if (ncols > 0 && b->text.len > 0) {
		dt = b->table = xcalloc(1, sizeof *dt);
		dt->nrows = nrows;
		dt->ncols = ncols;
		dt->cells = xcalloc(st_mult(nrows, ncols), sizeof *dt->cells);
		for (size_t i = 0; i < t->ncells; i++)
			dt->cells[t->cells[i].row * ncols + t->cells[i].col] =
			    t->cells[i].c;
		dt->header_row = t->row0_all_th && nrows > 1 &&
		    t->cells[0].row == 0;
	}
	free(t->cells);
	free(t);
	w->table = NULL;
	if (!b->table)
		block_truncate(b, 0);
	close_block(w);
	w->gap = 1;
}

void
document_flow_boundary(struct document_flow *w, unsigned gap)
{
	if (w->table) {
		if (w->table->in_cell && !w->line_empty)
			document_flow_hard_break(w);
		return;
	}
	close_block(w);
	if (gap > w->gap)
		w->gap = gap;
}

void
document_flow_push_frame(struct document_flow *w,
    enum document_frame_kind kind, const char *marker, unsigned width)
{
	struct document_frame *f;

	if (w->ctx.nframes >= DOCUMENT_MAX_FRAMES) {
		w->ctx.frames_over++;
		return;
	}
	f = &w->frames[w->ctx.nframes++];
	f->kind = kind;
	snprintf(f->marker, sizeof f->marker, "%s", marker);
	f->width = width;
	f->first = true;
}

void
document_flow_rule(struct document_flow *w)
{
	document_flow_boundary(w, 1);
	open_block(w, DOCUMENT_RULE);
	w->cur = SIZE_MAX;	/* a rule has no text; keep it */
	w->gap = 1;
}

void
document_flow_init(struct document_flow *w, struct document *doc)
{
	memset(w, 0, sizeof *w);
	w->doc = doc;
	w->cur = SIZE_MAX;
	w->ctx.link = -1;
	w->ctx.kind = DOCUMENT_PARA;
	w->ctx.list = SIZE_MAX;
	w->ctx.indentable = true;
}

void
document_flow_finish(struct document_flow *w)
{
	if (w->table) {
		w->table->in_cell = w->table->in_cell && w->table->ncells;
		document_flow_table_end(w);
	}
	close_block(w);
}
