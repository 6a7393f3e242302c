/* SPDX-License-Identifier: MIT */
/*
 * ui-reader: a page (page.h) in a window.
 *
 * The reading position is top, a page_pos: a block and a line within it
 * at the width lw. Moving it lays out only the blocks it crosses, so an
 * article is laid out as far as it is read. A resize turns top into an
 * anchor (a place in the text) at the old width and back into a line at
 * the new one.
 *
 * Drawing costs what changed. The window remembers whether it shows the
 * lines from top (drawn) and how far top moved since (scrolled); a scroll
 * of less than a screen is done with ui_term_scroll(), which scrolls the
 * terminal itself where that is cheaper (ui-scroll), and only the lines
 * that came into view are drawn. Anything else (a new article, a search,
 * a resize, a new window) draws every line.
 *
 * Search is as in less: the needle's matches on screen are highlighted,
 * n and N step to the next and previous one (the current one in reverse),
 * back (q) clears it.
 *
 * Building a page costs time in the size of the body (a 63 MiB one takes
 * seconds), so a big article is read and built on a thread of its own
 * (struct reader_job) while the header alone is shown and keys are
 * answered; the hub calls ui_reader_tick() after a wake-up, which puts
 * the page in once it is done. Laying out costs at most a block of
 * DOCUMENT_MAX_BLOCK_TEXT per block crossed, so no key waits long on it.
 */
#include "config.h"
#include "ui-reader.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "collection.h"
#include "conf.h"
#include "document.h"
#include "page.h"
#include "quote.h"
#include "strvec.h"
#include "ui.h"
#include "ui-draw.h"
#include "ui-layout.h"
#include "ui-list.h"
#include "ui-pager.h"
#include "ui-pane.h"
#include "ui-prompt.h"
#include "ui-status.h"
#include "ui-term.h"
#include "ui-theme.h"
#include "xmalloc.h"

/* Matches highlighted on one screen, at most. */
#define MAX_SPANS 256
/* Articles whose file is larger are read and built on a thread of their
 * own. Smaller ones are built at once (1 MiB takes some 30 ms): quicker
 * than a thread, and keys typed after Enter then act on the article. */
#define READER_THREAD_SIZE (1 << 20)

/*
 * An article being read and built on its thread. The reader and the
 * thread share it; whichever of them finishes with it last frees it: the
 * reader once it took the page, the thread when the reader gave it up
 * (abandoned) before it was done.
 */
struct reader_job {
	pthread_mutex_t mu;
	struct ui *ui;		/* woken when done, unless abandoned */
	char *path;		/* owned */
	struct page_options opt;
	struct page *page;	/* the result; NULL until done */
	char *err;		/* why the file could not be read, or NULL */
	bool done;		/* under mu */
	bool abandoned;		/* under mu */
};

struct reader {
	struct ui_pane pane;	/* first: the layout sees this */
	struct page *page;	/* NULL while nothing is open */
	int64_t id;		/* the article's id; 0 when none */
	char *path;		/* its file; owned */
	struct page_pos top;	/* the first line shown, at width lw */
	unsigned lw;		/* the text's width in cells; 0 before any */
	/* Where the reader was before the first of a run of resizes: kept
	 * until the next move, so 132 -> 60 -> 100 columns comes back to the
	 * same place rather than drifting a line earlier each time. */
	struct page_anchor anchor;
	bool anchored;
	int left;		/* blank cells left of the text */
	/* What the window shows. */
	bool drawn;		/* it holds the lines from top, less scrolled, at lw */
	long scrolled;		/* lines top moved since (down > 0) */
	/* The search. */
	char *needle;		/* NULL when none; owned */
	struct page_match match;/* the current match (when needle) */
	/* The matches on screen, found at each full draw. */
	struct page_span spans[MAX_SPANS];
	bool current[MAX_SPANS];/* span belongs to the current match */
	size_t nspans;
	struct reader_job *job;	/* the article being built, or NULL */
};

static struct reader *
reader_of(struct ui_pane *p)
{
	return (struct reader *)p;
}

/* The text's width for a pane w cells wide: a cell of margin each side
 * when there is room, and no more than the measure. */
static unsigned
text_width(int w, int measure)
{
	int lw = w >= 22 ? w - 2 : w;

	if (lw > measure)
		lw = measure;
	return lw > 0 ? (unsigned)lw : 1;
}

static int
pos_cmp(struct page_pos a, struct page_pos b)
{
	if (a.block != b.block)
		return a.block < b.block ? -1 : 1;
	return a.line < b.line ? -1 : a.line > b.line;
}

static size_t
height(const struct reader *r)
{
	return r->pane.h > 0 ? (size_t)r->pane.h : 1;
}

/* The top line that shows the page's last line at the bottom. */
static struct page_pos
last_top(struct reader *r)
{
	struct page_pos pos = page_last(r->page, r->lw);

	page_pos_move(r->page, r->lw, &pos, -(long)(height(r) - 1));
	return pos;
}

/* Move top by delta lines, never past last_top(). */
static void
scroll_by(struct reader *r, long delta)
{
	long moved;

	if (!r->page || delta == 0)
		return;
	if (delta > 0) {
		/* How far can the screen's last line go? */
		struct page_pos probe = r->top;
		long h1 = (long)height(r) - 1;
		long room = page_pos_move(r->page, r->lw, &probe, h1 + delta) - h1;

		if (room < delta)
			delta = room > 0 ? room : 0;
	}
	moved = page_pos_move(r->page, r->lw, &r->top, delta);
	r->scrolled += moved;
	if (moved)
		r->anchored = false;
}

static void
jump_to(struct reader *r, struct page_pos pos)
{
	struct page_pos lt = last_top(r);

	r->top = pos_cmp(pos, lt) > 0 ? lt : pos;
	r->drawn = false;
	r->anchored = false;
}

/*
 * Lay the text out for the window's width: the position moves to the
 * line that holds the first character of the old top line.
 */
static void
fit(struct reader *r, struct ui *ui)
{
	unsigned lw;

	if (r->pane.w <= 0)
		return;		/* hidden: keep the width it was read at */
	lw = text_width(r->pane.w, ui->conf->measure);
	r->left = (r->pane.w - (int)lw) / 2;
	if (lw == r->lw)
		return;
	if (r->page && r->lw) {
		if (!r->anchored)
			r->anchor = page_anchor_at(r->page, r->lw, r->top);
		r->anchored = true;
		r->top = page_anchor_pos(r->page, lw, r->anchor);
	}
	r->lw = lw;
	r->drawn = false;
}

/* --- looks --- */

/* Document styles -> curses attributes, added to the base look. */
static const struct {
	uint16_t style;
	attr_t attr;
} style_attrs[] = {
	{ DOCUMENT_STYLE_BOLD | DOCUMENT_STYLE_HEADING | DOCUMENT_STYLE_LABEL,
	    A_BOLD },
	{ DOCUMENT_STYLE_ITALIC | DOCUMENT_STYLE_QUOTE, A_ITALIC },
	{ DOCUMENT_STYLE_DIM | DOCUMENT_STYLE_LINKNUM, A_DIM },
	{ DOCUMENT_STYLE_LINK, A_UNDERLINE },
};

static struct ui_look
cell_look(const struct ui_theme *th, uint16_t style)
{
	struct ui_look look;

	if (style & DOCUMENT_STYLE_TITLE)
		look = ui_theme_look(th, CONF_STYLE_HEADER);
	else if (style & DOCUMENT_STYLE_HEADER)
		look = ui_theme_look(th, CONF_STYLE_META);
	else if (style & (DOCUMENT_STYLE_LINK | DOCUMENT_STYLE_LINKNUM))
		look = ui_theme_look(th, CONF_STYLE_LINK);
	else
		look = ui_theme_look(th, CONF_STYLE_NORMAL);
	for (size_t i = 0; i < sizeof style_attrs / sizeof style_attrs[0]; i++)
		if (style & style_attrs[i].style)
			look.attr |= style_attrs[i].attr;
	return look;
}

/* --- drawing --- */

/* Find the needle's matches among the lines from top on (h lines). */
static void
find_spans(struct reader *r)
{
	struct page_pos end = r->top;
	struct page_anchor from = { r->top.block, 0 };
	struct page_match m;

	r->nspans = 0;
	if (!r->needle)
		return;
	page_pos_move(r->page, r->lw, &end, (long)height(r) - 1);
	while (r->nspans < MAX_SPANS &&
	    page_find(r->page, r->needle, from, false, &m) &&
	    m.block <= end.block) {
		size_t k = page_match_spans(r->page, r->lw, &m,
		    r->spans + r->nspans, MAX_SPANS - r->nspans);
		bool cur = m.block == r->match.block && m.start == r->match.start;

		if (k > MAX_SPANS - r->nspans)
			k = MAX_SPANS - r->nspans;
		for (size_t i = 0; i < k; i++)
			r->current[r->nspans + i] = cur;
		r->nspans += k;
		from.block = m.block;
		from.offset = m.end;
	}
}

/* The match look for cell c of the line at pos, or NULL when none. */
static int
span_at(const struct reader *r, struct page_pos pos, size_t c)
{
	for (size_t i = 0; i < r->nspans; i++) {
		const struct page_span *s = &r->spans[i];

		if (s->pos.block == pos.block && s->pos.line == pos.line &&
		    c >= s->first && c < s->first + s->ncells)
			return r->current[i] ? 2 : 1;
	}
	return 0;
}

static void
draw_line(struct reader *r, struct ui *ui, int y, struct page_pos pos)
{
	WINDOW *win = r->pane.win;
	const struct layout_line *ln = page_pos_line(r->page, r->lw, pos);
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);
	struct ui_look match = ui_theme_look(ui->theme, CONF_STYLE_MATCH);
	int x = r->left;

	wmove(win, y, 0);
	ui_draw_fill(win, r->left, normal);
	for (size_t c = 0; ln && c < ln->ncells; c++) {
		const struct layout_cell *cell = &ln->cells[c];
		int hit = r->nspans ? span_at(r, pos, c) : 0;
		struct ui_look look = cell_look(ui->theme, cell->style);

		if (x + cell->width > r->pane.w)
			break;
		if (hit) {
			look = match;
			if (hit == 2)
				look.attr |= A_REVERSE;
		}
		ui_draw_cluster(win, cell->s, cell->len, cell->width, look);
		x += cell->width;
	}
	ui_draw_fill(win, r->pane.w - x, normal);
}

/* Draw rows [from, to) of the window. */
static void
draw_rows(struct reader *r, struct ui *ui, int from, int to)
{
	struct page_pos pos = r->top;
	long at = page_pos_move(r->page, r->lw, &pos, from);
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);

	for (int y = from; y < to; y++) {
		if (at == y) {
			draw_line(r, ui, y, pos);
			if (page_pos_move(r->page, r->lw, &pos, 1) == 1)
				at++;
			else
				at = -1;	/* past the last line */
		} else {
			wmove(r->pane.win, y, 0);
			ui_draw_fill(r->pane.win, r->pane.w, normal);
		}
	}
}

static void
draw_empty(struct reader *r, struct ui *ui)
{
	struct ui_look dim = ui_theme_look(ui->theme, CONF_STYLE_DIM);

	werase(r->pane.win);
	wmove(r->pane.win, 0, 1);
	ui_draw_str(r->pane.win, "No article open", r->pane.w - 1, dim);
}

/* "Top", "NN%" or "End", as far as the blocks tell without laying out. */
static void
position(struct reader *r, char *out, size_t size)
{
	struct page_pos probe = r->top;
	long h = (long)height(r);
	bool top = r->top.block == 0 && r->top.line == 0;
	bool end = page_pos_move(r->page, r->lw, &probe, h) < h;
	size_t nb = page_nblocks(r->page);

	if (top && end)
		snprintf(out, size, "All");
	else if (end)
		snprintf(out, size, "End");
	else if (top)
		snprintf(out, size, "Top");
	else
		snprintf(out, size, "%zu%%", nb ? (probe.block * 100) / nb : 0);
}

static void
reader_draw(struct ui_pane *p, struct ui *ui)
{
	struct reader *r = reader_of(p);
	long h = (long)height(r);
	char pos[32];

	if (!r->page) {
		draw_empty(r, ui);
		return;
	}
	fit(r, ui);
	/* A real terminal scroll is possible when the window spans it. */
	idlok(p->win, TRUE);
	if (p->fresh || !r->drawn || r->scrolled >= h || r->scrolled <= -h ||
	    r->nspans) {
		find_spans(r);
		draw_rows(r, ui, 0, p->h);
	} else if (r->scrolled) {
		ui_term_scroll(ui->term, p->win, (int)r->scrolled);
		if (r->scrolled > 0)
			draw_rows(r, ui, p->h - (int)r->scrolled, p->h);
		else
			draw_rows(r, ui, 0, (int)-r->scrolled);
	} else {
		/* Unchanged; another window may have covered it. */
		touchwin(p->win);
	}
	p->fresh = false;
	r->drawn = true;
	r->scrolled = 0;
	if (p->focused) {
		position(r, pos, sizeof pos);
		ui_status_set_title(ui->status,
		    ui_list_title(ui->layout->panes[UI_PANE_LIST]));
		ui_status_set_position(ui->status, pos);
	}
}

/* --- opening --- */

static void
clear_search(struct reader *r)
{
	free(r->needle);
	r->needle = NULL;
	r->nspans = 0;
	r->drawn = false;
}

static void
job_free(struct reader_job *j)
{
	pthread_mutex_destroy(&j->mu);
	page_free(j->page);
	free(j->err);
	free(j->path);
	free(j);
}

static void *
job_run(void *arg)
{
	struct reader_job *j = arg;
	struct error err = ERROR_INIT;
	struct article *a = article_load(j->path, &err);
	struct page *page = a ? page_new(a, &j->opt) : NULL;
	bool abandoned;

	article_free(a);
	pthread_mutex_lock(&j->mu);
	j->page = page;
	j->err = err.msg;
	j->done = true;
	abandoned = j->abandoned;
	/* under mu: the reader, and so the ui, outlive an unabandoned job */
	if (!abandoned)
		ui_wake(j->ui);
	pthread_mutex_unlock(&j->mu);
	if (abandoned)
		job_free(j);
	return NULL;
}

/* Give up the job being built, if any: it frees itself when done. */
static void
job_abandon(struct reader *r)
{
	struct reader_job *j = r->job;
	bool done;

	if (!j)
		return;
	r->job = NULL;
	pthread_mutex_lock(&j->mu);
	done = j->done;
	j->abandoned = true;
	pthread_mutex_unlock(&j->mu);
	if (done)
		job_free(j);
}

/* Start reading and building the article at path on a thread; false
 * when no thread could be made. */
static bool
job_start(struct reader *r, struct ui *ui, const char *path,
    const struct page_options *opt)
{
	struct reader_job *j = xcalloc(1, sizeof *j);
	pthread_attr_t attr;
	pthread_t t;
	int rc;

	pthread_mutex_init(&j->mu, NULL);
	j->ui = ui;
	j->path = xstrdup(path);
	j->opt = *opt;
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	rc = pthread_create(&t, &attr, job_run, j);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		job_free(j);
		return false;
	}
	r->job = j;
	return true;
}

/* Show page (owned now) from its first line, and its warnings. */
static int
show_page(struct reader *r, struct ui *ui, struct page *page)
{
	const struct warnings *w;

	page_free(r->page);
	clear_search(r);
	r->page = page;
	w = page_warnings(page);
	if (w->nr > 0 && w->v[0].line > 0)
		ui_warning(ui, "%s:%d: %s", r->path, w->v[0].line,
		    w->v[0].msg);
	else if (w->nr > 0)
		ui_warning(ui, "%s: %s", r->path, w->v[0].msg);
	/* The first line is the same at every width. */
	r->top = page_first(r->page);
	r->anchored = false;
	fit(r, ui);
	r->drawn = false;
	ui_pane_touch(&r->pane);
	return UI_DIRTY_ALL;
}

int
ui_reader_open(struct ui_pane *p, struct ui *ui,
    const struct collection_item *it)
{
	struct reader *r = reader_of(p);
	struct page_options opt;
	struct error err = ERROR_INIT;
	struct article *a = NULL;
	struct page *page;

	job_abandon(r);
	conf_page_options(ui->conf, &opt);
	free(r->path);
	r->path = xstrdup(it->article->path);
	r->id = it->id;
	if (it->article->size > READER_THREAD_SIZE &&
	    job_start(r, ui, it->article->path, &opt)) {
		/* the header until the body is ready */
		ui_message(ui, "Reading the article (%lld MB)…",
		    (long long)(it->article->size >> 20));
		return show_page(r, ui, page_new(it->article, &opt));
	}
	a = article_load(it->article->path, &err);
	if (a) {
		page = page_new(a, &opt);
		article_free(a);
	} else {
		/* Gone or unreadable since the scan: its header, and why. */
		struct buf q = BUF_INIT;

		quote_add(&q, it->article->path, strlen(it->article->path));
		ui_warning(ui, "%s: %s", q.buf, err.msg ? err.msg :
		    "cannot read the article");
		buf_release(&q);
		page = page_new(it->article, &opt);
	}
	error_release(&err);
	return show_page(r, ui, page);
}

int
ui_reader_tick(struct ui_pane *p, struct ui *ui)
{
	struct reader *r = reader_of(p);
	struct reader_job *j = r->job;
	struct page *page;
	bool done;

	if (!j)
		return 0;
	pthread_mutex_lock(&j->mu);
	done = j->done;
	pthread_mutex_unlock(&j->mu);
	if (!done)
		return 0;
	r->job = NULL;
	page = j->page;
	j->page = NULL;
	if (!page) {
		struct buf q = BUF_INIT;

		quote_add(&q, j->path, strlen(j->path));
		ui_warning(ui, "%s: %s", q.buf, j->err ? j->err :
		    "cannot read the article");
		buf_release(&q);
		job_free(j);
		return UI_DIRTY_ALL;
	}
	job_free(j);
	return show_page(r, ui, page);
}

int64_t
ui_reader_id(const struct ui_pane *p)
{
	return ((const struct reader *)p)->id;
}

/* --- search --- */

/* Put the match in view (at the top, unless it is on screen already). */
static void
show_match(struct reader *r)
{
	struct page_span span;
	struct page_pos pos = r->top;

	if (page_match_spans(r->page, r->lw, &r->match, &span, 1) == 0)
		return;
	for (size_t y = 0; y < height(r); y++) {
		if (pos_cmp(pos, span.pos) == 0) {
			r->drawn = false;	/* the highlight moved */
			return;
		}
		if (page_pos_move(r->page, r->lw, &pos, 1) == 0)
			break;
	}
	jump_to(r, span.pos);
}

/* Step to the next (dir 1) or previous match; false (and says so)
 * when there is none. */
static bool
step_match(struct reader *r, struct ui *ui, int dir)
{
	struct page_anchor from = { r->match.block, dir > 0 ? r->match.end :
	    r->match.start };
	struct page_match m;

	if (!page_find(r->page, r->needle, from, dir < 0, &m)) {
		ui_message(ui, "No %s match for %s", dir > 0 ? "later" : "earlier",
		    r->needle);
		return false;
	}
	r->match = m;
	show_match(r);
	return true;
}

static int
search_done(void *ctx, struct ui *ui, const char *text)
{
	struct reader *r = ctx;
	struct page_anchor from;
	struct page_match m;

	if (!ui || !text || !*text || !r->page)
		return ui ? UI_DIRTY_ALL : 0;
	from = page_anchor_at(r->page, r->lw, r->top);
	from.offset = 0;
	if (!page_find(r->page, text, from, false, &m) &&
	    !page_find(r->page, text, (struct page_anchor){ 0, 0 }, false, &m)) {
		ui_message(ui, "Not found: %s", text);
		return UI_DIRTY_ALL;
	}
	clear_search(r);
	r->needle = xstrdup(text);
	r->match = m;
	show_match(r);
	ui_pane_touch(&r->pane);
	return UI_DIRTY_ALL;
}

/* --- links --- */

static const char *
link_url(struct reader *r, int number)
{
	const struct document_link *l = page_link(r->page, number);

	return l ? l->url : NULL;
}

static int
link_action(void *ctx, struct ui *ui, size_t index, enum ui_cmd cmd)
{
	struct reader *r = ctx;
	const struct document_link *l = page_link_nth(r->page, index);

	if (!l)
		return UI_HANDLED;
	if (cmd == UI_CMD_COPY)
		return ui_copy_url(ui, l->url);
	return UI_HANDLED | ui_open_url(ui, l->url);
}

static int
show_links(struct reader *r, struct ui *ui)
{
	struct strvec lines = STRVEC_INIT;

	if (page_nlinks(r->page) == 0) {
		ui_message(ui, "This article has no links");
		return UI_HANDLED | UI_DIRTY_ALL;
	}
	for (size_t i = 0; i < page_nlinks(r->page); i++) {
		const struct document_link *l = page_link_nth(r->page, i);

		strvec_pushf(&lines, "[%d] %s", l->number, l->url);
	}
	ui_layout_set_overlay(ui->layout, ui_pager_new(
	    "Links (Enter opens, y copies, q closes)", &lines, link_action, r));
	return UI_HANDLED | UI_RELAYOUT;
}

static int
open_link(struct reader *r, struct ui *ui, int count)
{
	const char *url;

	if (!count)
		return show_links(r, ui);
	if (!(url = link_url(r, count))) {
		ui_message(ui, "No link [%d] in this article", count);
		return UI_HANDLED | UI_DIRTY_ALL;
	}
	return UI_HANDLED | ui_open_url(ui, url);
}

static int
copy(struct reader *r, struct ui *ui, int count)
{
	const char *url = count ? link_url(r, count) : NULL;

	if (!count)
		return ui_copy_path(ui, r->path);
	if (url)
		return ui_copy_url(ui, url);
	ui_message(ui, "No link [%d] in this article", count);
	return UI_HANDLED | UI_DIRTY_ALL;
}

/* --- keys --- */

static int
reader_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	struct reader *r = reader_of(p);
	struct ui_pane *list = ui->layout->panes[UI_PANE_LIST];
	long n = UI_COUNT(count), h = (long)height(r);
	long page = h > 1 ? h - 1 : 1, half = (h + 1) / 2;

	if (!r->page && cmd != UI_CMD_BACK)
		return UI_UNHANDLED;
	switch (cmd) {
	case UI_CMD_DOWN: scroll_by(r, n); break;
	case UI_CMD_UP: scroll_by(r, -n); break;
	case UI_CMD_PAGE_DOWN: scroll_by(r, page * n); break;
	case UI_CMD_PAGE_UP: scroll_by(r, -page * n); break;
	case UI_CMD_HALF_PAGE_DOWN: scroll_by(r, half * n); break;
	case UI_CMD_HALF_PAGE_UP: scroll_by(r, -half * n); break;
	case UI_CMD_TOP: jump_to(r, page_first(r->page)); break;
	case UI_CMD_BOTTOM: jump_to(r, last_top(r)); break;
	case UI_CMD_BACK:
		/* Backing out of a search comes first, as in less's ESC-u. */
		if (r->needle) {
			clear_search(r);
			break;
		}
		ui_layout_focus(ui->layout, UI_PANE_LIST);
		return UI_HANDLED | UI_RELAYOUT;
	case UI_CMD_NEXT_ARTICLE:
	case UI_CMD_PREVIOUS_ARTICLE:
		return ui_list_step(list, ui, r->id, cmd == UI_CMD_NEXT_ARTICLE ?
		    1 : -1, false);
	case UI_CMD_NEXT_UNREAD:
	case UI_CMD_PREVIOUS_UNREAD: {
		int dir = cmd == UI_CMD_NEXT_UNREAD ? 1 : -1;

		if (!r->needle)
			return ui_list_step(list, ui, r->id, dir, true);
		for (long i = 0; i < n && step_match(r, ui, dir); i++)
			;
		return UI_HANDLED | UI_DIRTY_ALL;
	}
	case UI_CMD_TOGGLE_READ:
		return UI_HANDLED | ui_list_set_state(list, ui, r->id,
		    UI_LIST_READ, -1);
	case UI_CMD_TOGGLE_STAR:
		return UI_HANDLED | ui_list_set_state(list, ui, r->id,
		    UI_LIST_STARRED, -1);
	case UI_CMD_MARK_ALL_READ:
	case UI_CMD_UNREAD_ONLY:
		return list->ops->key(list, ui, cmd, count);
	case UI_CMD_SEARCH:
		ui_prompt_start(ui->prompt, "/", search_done, r);
		return UI_HANDLED | UI_DIRTY_ALL;
	case UI_CMD_OPEN_LINK:
		return open_link(r, ui, count);
	case UI_CMD_COPY:
		return copy(r, ui, count);
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED | UI_DIRTY;
}

static void
reader_resize(struct ui_pane *p, struct ui *ui)
{
	fit(reader_of(p), ui);
}

static int
reader_click(struct ui_pane *p, struct ui *ui, int y, int x)
{
	struct reader *r = reader_of(p);
	struct page_pos pos = r->top;
	const struct layout_line *ln;
	int cx = r->left;

	if (!r->page || page_pos_move(r->page, r->lw, &pos, y) != y ||
	    !(ln = page_pos_line(r->page, r->lw, pos)))
		return UI_HANDLED;
	/* A click on a link's text or number opens it. */
	for (size_t c = 0; c < ln->ncells; c++) {
		if (x >= cx && x < cx + ln->cells[c].width) {
			int link = page_link_at(r->page, pos.block,
			    ln->cells[c].pos);

			if (link >= 0 && link_url(r, link))
				return UI_HANDLED | ui_open_url(ui, link_url(r, link));
			break;
		}
		cx += ln->cells[c].width;
	}
	return UI_HANDLED;
}

static void
reader_free(struct ui_pane *p)
{
	struct reader *r = reader_of(p);

	job_abandon(r);
	page_free(r->page);
	free(r->path);
	free(r->needle);
	free(r);
}

static const struct ui_pane_ops reader_ops = {
	.name = "reader",
	.draw = reader_draw,
	.key = reader_key,
	.resize = reader_resize,
	.click = reader_click,
	.free = reader_free,
};

struct ui_pane *
ui_reader_new(void)
{
	struct reader *r = xcalloc(1, sizeof *r);

	r->pane.ops = &reader_ops;
	return &r->pane;
}
