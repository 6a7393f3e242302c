/* SPDX-License-Identifier: MIT */
/*
 * ui-list: the rows of a view (ui-rows) with a selection and a first row
 * shown, as indices into the window of fetched rows.
 *
 * Invariants, once a view is shown: sel < rows.n when rows.n > 0;
 * top <= sel < top + h after every move; the window keeps at most
 * MAX_PAGES pages of rows around sel.
 */
#include "config.h"
#include "ui-list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "buf.h"
#include "collection.h"
#include "strvec.h"
#include "ui.h"
#include "ui-categories.h"
#include "ui-draw.h"
#include "ui-layout.h"
#include "ui-pane.h"
#include "ui-prompt.h"
#include "ui-reader.h"
#include "ui-rows.h"
#include "ui-status.h"
#include "ui-theme.h"
#include "ui-view.h"
#include "xmalloc.h"

/* Rows per fetch: two screenfuls, at least this many. */
#define MIN_PAGE 32
/* Pages kept in the window. */
#define MAX_PAGES 4

struct list {
	struct ui_pane pane;	/* first: the layout sees this */
	struct ui_view view;	/* shown; rows.view borrows its strings */
	bool has_view;
	bool unread_only;	/* U */
	struct ui_rows rows;
	bool rows_ready;	/* rows is initialised (needs the collection) */
	size_t sel, top;	/* indices into rows */
	struct buf title;	/* "新媒体 (7)" */
};

static struct list *
list_of(struct ui_pane *p)
{
	return (struct list *)p;
}

static size_t
page_size(const struct list *l)
{
	size_t h = l->pane.h > 0 ? (size_t)l->pane.h : 24;

	return 2 * h > MIN_PAGE ? 2 * h : MIN_PAGE;
}

static void
set_title(struct list *l)
{
	buf_reset(&l->title);
	ui_view_title(&l->view, &l->title);
	if (l->rows.total >= 0)
		buf_addf(&l->title, " (%lld)", (long long)l->rows.total);
	if (l->unread_only && l->view.kind != UI_VIEW_UNREAD)
		buf_adds(&l->title, " · 未读 / unread only");
}

static void
warn(struct ui *ui, struct error *err)
{
	if (err->msg)
		ui_warning(ui, "%s", err->msg);
	error_release(err);
}

/* --- moving --- */

/* Keep sel on screen and the screen full, and the window bounded. */
static void
settle(struct list *l, struct ui *ui)
{
	struct error err = ERROR_INIT;
	size_t h = l->pane.h > 0 ? (size_t)l->pane.h : 1, shift, dropped;
	long end;

	if (l->rows.n == 0) {
		l->sel = l->top = 0;
		return;
	}
	if (l->sel >= l->rows.n)
		l->sel = l->rows.n - 1;
	if (l->top > l->sel)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	/* Fill the screen below, when the view has more. */
	end = ui_rows_reach(&l->rows, (long)(l->top + h - 1), &shift, &err);
	if (end < 0)
		warn(ui, &err);
	l->sel += shift;
	l->top += shift;
	/* At the end of the view, show a full screen if there is one. */
	if (l->rows.at_end && l->top + h > l->rows.n)
		l->top = l->rows.n > h ? l->rows.n - h : 0;
	if (l->top > l->sel)
		l->top = l->sel;
	dropped = ui_rows_trim(&l->rows, l->sel, MAX_PAGES * page_size(l));
	l->sel -= dropped;
	l->top = l->top >= dropped ? l->top - dropped : 0;
}

/* Move the selection by delta rows (and the first row by scroll). */
static void
move_sel(struct list *l, struct ui *ui, long delta, long scroll)
{
	struct error err = ERROR_INIT;
	size_t shift;
	long at;

	if (l->rows.n == 0)
		return;
	at = ui_rows_reach(&l->rows, (long)l->sel + delta, &shift, &err);
	if (at < 0) {
		warn(ui, &err);
		return;
	}
	l->top += shift;
	l->sel = (size_t)at;
	if (scroll > 0 || (long)l->top >= -scroll)
		l->top = (size_t)((long)l->top + scroll);
	else
		l->top = 0;
	settle(l, ui);
}

static void
go_end(struct list *l, struct ui *ui, bool bottom)
{
	struct error err = ERROR_INIT;

	if ((bottom ? ui_rows_bottom : ui_rows_top)(&l->rows, &err) < 0)
		warn(ui, &err);
	l->sel = bottom && l->rows.n ? l->rows.n - 1 : 0;
	l->top = 0;
	settle(l, ui);
}

/* --- showing a view --- */

static void
query_of(const struct list *l, const struct ui *ui, struct collection_view *cv)
{
	ui_view_query(&l->view, &ui->base, l->unread_only, cv);
}

int
ui_list_show(struct ui_pane *p, struct ui *ui, const struct ui_view *v,
    int64_t total)
{
	struct list *l = list_of(p);
	struct error err = ERROR_INIT;
	struct collection_view cv;

	if (!l->rows_ready) {
		ui_rows_init(&l->rows, ui->coll);
		l->rows_ready = true;
	}
	ui_view_release(&l->view);
	ui_view_copy(&l->view, v);
	l->has_view = true;
	query_of(l, ui, &cv);
	if (ui_rows_show(&l->rows, &cv, page_size(l), total, &err) < 0)
		warn(ui, &err);
	l->sel = l->top = 0;
	settle(l, ui);
	set_title(l);
	ui_pane_touch(p);
	return UI_DIRTY_ALL;
}

/* Fetch again around the selected row (or from the top). */
static void
refetch(struct list *l, struct ui *ui)
{
	struct error err = ERROR_INIT;
	size_t at = 0, offset = l->sel - l->top;

	if (l->rows.n == 0) {
		if (ui_rows_top(&l->rows, &err) < 0)
			warn(ui, &err);
		l->sel = l->top = 0;
	} else if (ui_rows_around(&l->rows, &l->rows.v[l->sel], &at, &err) < 0) {
		warn(ui, &err);
		l->sel = l->top = 0;
	} else {
		/* The selected row stays where it was on the screen. */
		l->sel = at;
		l->top = at >= offset ? at - offset : 0;
	}
	if (ui_rows_recount(&l->rows, &err) < 0)
		warn(ui, &err);
	settle(l, ui);
	set_title(l);
	ui_pane_touch(&l->pane);
}

int
ui_list_reload(struct ui_pane *p, struct ui *ui)
{
	struct list *l = list_of(p);

	if (!l->has_view)
		return 0;
	refetch(l, ui);
	return UI_DIRTY_ALL;
}

void
ui_list_set_unread_only(struct ui_pane *p, bool on)
{
	list_of(p)->unread_only = on;
}

bool
ui_list_unread_only(const struct ui_pane *p)
{
	return ((const struct list *)p)->unread_only;
}

static int
toggle_unread_only(struct list *l, struct ui *ui)
{
	l->unread_only = !l->unread_only;
	if (!l->has_view)
		return UI_HANDLED;
	query_of(l, ui, &l->rows.view);
	refetch(l, ui);
	ui_message(ui, l->unread_only ? "Unread articles only" :
	    "All articles");
	return UI_HANDLED | UI_DIRTY_ALL;
}

const char *
ui_list_title(const struct ui_pane *p)
{
	return ((const struct list *)p)->title.buf;
}

/* --- state --- */

int
ui_list_set_state(struct ui_pane *p, struct ui *ui, int64_t id,
    enum ui_list_state what, int on)
{
	struct list *l = list_of(p);
	struct error err = ERROR_INIT;
	long k = ui_rows_find(&l->rows, id);
	struct collection_item it = { 0 };
	bool cur, want;
	int r;

	/* Read-only, reading an article leaves it unread; a toggle the user
	 * asked for is answered. */
	if (ui->read_only)
		return on < 0 && ui_refuse_write(ui) ? UI_DIRTY_ALL : 0;
	if (k >= 0) {
		cur = what == UI_LIST_READ ? l->rows.v[k].read : l->rows.v[k].starred;
	} else if (collection_get(ui->coll, id, &it, &err) > 0) {
		cur = what == UI_LIST_READ ? it.read : it.starred;
		collection_item_release(&it);
	} else {
		warn(ui, &err);
		return UI_DIRTY_ALL;
	}
	want = on < 0 ? !cur : on > 0;
	if (want == cur)
		return 0;
	r = what == UI_LIST_READ ? collection_set_read(ui->coll, id, want, &err) :
	    collection_set_starred(ui->coll, id, want, &err);
	if (r < 0) {
		warn(ui, &err);
		return UI_DIRTY_ALL;
	}
	if (k >= 0) {
		if (what == UI_LIST_READ)
			l->rows.v[k].read = want;
		else
			l->rows.v[k].starred = want;
	}
	/* Only a view that filters on this state changes its count. */
	if ((what == UI_LIST_READ ? l->rows.view.unread : l->rows.view.starred) &&
	    ui_rows_recount(&l->rows, &err) < 0)
		warn(ui, &err);
	set_title(l);
	ui_pane_touch(p);
	return UI_DIRTY_ALL | ui_categories_load(ui->layout->panes[UI_PANE_TREE],
	    ui, true);
}

static int
mark_all_answer(void *ctx, struct ui *ui, const char *text)
{
	struct list *l = ctx;
	struct error err = ERROR_INIT;
	struct collection_view cv;
	int64_t n;

	if (!ui || !text)
		return ui ? UI_DIRTY_ALL : 0;
	query_of(l, ui, &cv);
	n = collection_mark_view(ui->coll, &cv, true, &err);
	if (n < 0) {
		warn(ui, &err);
		return UI_DIRTY_ALL;
	}
	for (size_t i = 0; i < l->rows.n; i++)
		l->rows.v[i].read = true;
	ui_message(ui, "Marked %lld article%s read", (long long)n,
	    n == 1 ? "" : "s");
	if (cv.unread && ui_rows_recount(&l->rows, &err) < 0)
		warn(ui, &err);
	set_title(l);
	ui_pane_touch(&l->pane);
	return UI_DIRTY_ALL | ui_categories_load(ui->layout->panes[UI_PANE_TREE],
	    ui, true);
}

int
ui_list_mark_all(struct ui_pane *p, struct ui *ui)
{
	struct list *l = list_of(p);
	struct buf q = BUF_INIT;

	if (ui_refuse_write(ui))
		return UI_HANDLED | UI_DIRTY_ALL;
	if (!l->has_view || l->rows.total == 0) {
		ui_message(ui, "Nothing to mark");
		return UI_HANDLED | UI_DIRTY_ALL;
	}
	buf_adds(&q, "Mark every article of ");
	ui_view_title(&l->view, &q);
	buf_addf(&q, " read (%lld)? (y/n)", (long long)l->rows.total);
	ui_prompt_ask(ui->prompt, q.buf, mark_all_answer, l);
	buf_release(&q);
	return UI_HANDLED | UI_DIRTY_ALL;
}

/* --- opening --- */

static int
open_row(struct list *l, struct ui *ui, size_t i)
{
	struct ui_pane *reader = ui->layout->panes[UI_PANE_READER];
	int64_t id = l->rows.v[i].id;
	int flags;

	flags = ui_reader_open(reader, ui, &l->rows.v[i]);
	ui_layout_set_reader_open(ui->layout, true);
	ui_layout_focus(ui->layout, UI_PANE_READER);
	ui_pane_touch(&l->pane);
	/* Reading an article marks it read, at once. */
	return flags | UI_HANDLED | UI_RELAYOUT |
	    ui_list_set_state(&l->pane, ui, id, UI_LIST_READ, 1);
}

int
ui_list_step(struct ui_pane *p, struct ui *ui, int64_t from_id, int dir,
    bool unread)
{
	struct list *l = list_of(p);
	struct error err = ERROR_INIT;
	long k = ui_rows_find(&l->rows, from_id);
	size_t at = 0, shift;
	int r;

	if (l->rows.n == 0)
		return UI_HANDLED;
	if (k < 0 && from_id > 0) {
		struct collection_item it = { 0 };

		/* The article read has scrolled out of the window: find it. */
		if (collection_get(ui->coll, from_id, &it, &err) > 0 &&
		    ui_rows_around(&l->rows, &it, &at, &err) == 0)
			k = (long)at;
		collection_item_release(&it);
		warn(ui, &err);
	}
	if (k < 0)
		k = (long)l->sel;
	if (unread) {
		r = ui_rows_seek_unread(&l->rows, (size_t)k, dir, &at, &err);
		if (r < 0)
			warn(ui, &err);
		if (r <= 0) {
			if (r == 0)
				ui_message(ui, "No %s unread article in %s",
				    dir > 0 ? "later" : "earlier", l->title.buf);
			return UI_HANDLED | UI_DIRTY_ALL;
		}
	} else {
		long i = ui_rows_reach(&l->rows, k + dir, &shift, &err);

		if (i < 0) {
			warn(ui, &err);
			return UI_HANDLED | UI_DIRTY_ALL;
		}
		k += (long)shift;
		if (i == k) {
			ui_message(ui, "No %s article in %s", dir > 0 ? "next" :
			    "previous", l->title.buf);
			return UI_HANDLED | UI_DIRTY_ALL;
		}
		at = (size_t)i;
	}
	l->sel = at;
	if (l->top > l->sel)
		l->top = l->sel;
	settle(l, ui);
	return open_row(l, ui, l->sel);
}

/* --- drawing --- */

/* "12-03" this year, "2021-12-03" before. */
static void
format_date(int64_t when, int this_year, char out[16])
{
	time_t t = (time_t)when;
	struct tm tm;

	if (!localtime_r(&t, &tm)) {
		snprintf(out, 16, "?");
		return;
	}
	if (tm.tm_year == this_year)
		strftime(out, 16, "%m-%d", &tm);
	else
		strftime(out, 16, "%Y-%m-%d", &tm);
}

/*
 * The category to show beside a row: the article's first path under the
 * viewed category, without that category ("趣头条/分类" when viewing
 * 新媒体), or its first path when none is under it; "" when the article
 * sits in the viewed category itself.
 */
static void
row_category(const struct list *l, const struct article *a, struct buf *out)
{
	const char *base = l->view.category;
	size_t blen = base ? strlen(base) : 0;

	if (a->ncategories == 0) {
		buf_adds(out, ARTICLE_UNCATEGORISED);
		return;
	}
	for (size_t i = 0; base && i < a->ncategories; i++) {
		char *path = strvec_join(&a->categories[i], "/");

		if (strncmp(path, base, blen) == 0 &&
		    (path[blen] == '\0' || path[blen] == '/')) {
			buf_adds(out, path[blen] ? path + blen + 1 : "");
			free(path);
			return;
		}
		free(path);
	}
	for (size_t i = 0; i < a->categories[0].nr; i++)
		buf_addf(out, "%s%s", i ? "/" : "", a->categories[0].v[i]);
}

static void
draw_row(struct list *l, struct ui *ui, int y, size_t i, int catw,
    int this_year)
{
	struct ui_pane *p = &l->pane;
	const struct collection_item *it = &l->rows.v[i];
	bool selected = i == l->sel;
	struct ui_look sel = ui_theme_look(ui->theme, p->focused ?
	    CONF_STYLE_SELECTED : CONF_STYLE_SELECTED_DIM);
	struct ui_look text = selected ? sel : ui_theme_look(ui->theme,
	    it->read ? CONF_STYLE_NORMAL : CONF_STYLE_UNREAD);
	struct ui_look dim = selected ? sel : ui_theme_look(ui->theme,
	    CONF_STYLE_DIM);
	struct buf cat = BUF_INIT;
	char date[16];
	int x, tw;

	format_date(it->article->date, this_year, date);
	wmove(p->win, y, 0);
	x = ui_draw_str(p->win, it->read ? " " : "●", 1, text);
	x += ui_draw_str(p->win, it->starred ? "★" : " ", 1, text);
	ui_draw_fill(p->win, 1, text);
	x += 1 + ui_draw_str(p->win, date, p->w - x - 1, dim);
	ui_draw_fill(p->win, 1, text);
	x++;
	tw = p->w - x - (catw ? catw + 1 : 0);
	if (tw > 0)
		x += ui_draw_text(p->win, it->article->title,
		    strlen(it->article->title), tw, text, true);
	if (catw > 0 && x < p->w) {
		int cw;

		row_category(l, it->article, &cat);
		cw = ui_text_width(cat.buf, cat.len);
		if (cw > catw)
			cw = catw;
		ui_draw_fill(p->win, p->w - x - cw, text);
		x = p->w - cw;
		x += ui_draw_text(p->win, cat.buf, cat.len, cw, dim, true);
	}
	ui_draw_fill(p->win, p->w - x, text);
	buf_release(&cat);
}

/* The cells the category column takes on this screen (0: none). */
static int
category_width(struct list *l)
{
	int widest = 0;

	if (l->pane.w < 60)
		return 0;	/* narrow: the titles need the room */
	for (int y = 0; y < l->pane.h && l->top + (size_t)y < l->rows.n; y++) {
		struct buf cat = BUF_INIT;
		int w;

		row_category(l, l->rows.v[l->top + (size_t)y].article, &cat);
		w = ui_text_width(cat.buf, cat.len);
		if (w > widest)
			widest = w;
		buf_release(&cat);
	}
	/* Titles matter more: a quarter of the row at most. */
	return widest < l->pane.w / 4 ? widest : l->pane.w / 4;
}

static void
list_draw(struct ui_pane *p, struct ui *ui)
{
	struct list *l = list_of(p);
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);
	struct ui_look dim = ui_theme_look(ui->theme, CONF_STYLE_DIM);
	struct error err = ERROR_INIT;
	time_t now = time(NULL);
	struct tm tm;
	int this_year = localtime_r(&now, &tm) ? tm.tm_year : 0;
	int catw = category_width(l);

	for (int y = 0; y < p->h; y++) {
		size_t i = l->top + (size_t)y;

		if (i < l->rows.n) {
			draw_row(l, ui, y, i, catw, this_year);
			continue;
		}
		wmove(p->win, y, 0);
		if (y == 0) {
			int used = ui_draw_str(p->win, " No articles", p->w, dim);

			ui_draw_fill(p->win, p->w - used, normal);
		} else {
			ui_draw_fill(p->win, p->w, normal);
		}
	}
	if (p->focused) {
		char pos[64] = "";
		int64_t at = l->rows.n ? ui_rows_position(&l->rows, l->sel, &err) : -1;

		if (at >= 0 && l->rows.total >= 0)
			snprintf(pos, sizeof pos, "%lld/%lld", (long long)at + 1,
			    (long long)l->rows.total);
		error_release(&err);
		ui_status_set_title(ui->status, l->title.buf);
		ui_status_set_position(ui->status, pos);
	}
}

/* --- keys --- */

static int
list_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	struct list *l = list_of(p);
	long n = UI_COUNT(count), page = p->h > 1 ? p->h - 1 : 1;
	long half = (page + 1) / 2;
	bool any = l->rows.n > 0;

	switch (cmd) {
	case UI_CMD_DOWN: move_sel(l, ui, n, 0); break;
	case UI_CMD_UP: move_sel(l, ui, -n, 0); break;
	case UI_CMD_PAGE_DOWN: move_sel(l, ui, page * n, page * n); break;
	case UI_CMD_PAGE_UP: move_sel(l, ui, -page * n, -page * n); break;
	case UI_CMD_HALF_PAGE_DOWN: move_sel(l, ui, half * n, half * n); break;
	case UI_CMD_HALF_PAGE_UP: move_sel(l, ui, -half * n, -half * n); break;
	case UI_CMD_TOP: go_end(l, ui, false); break;
	case UI_CMD_BOTTOM: go_end(l, ui, true); break;
	case UI_CMD_OPEN:
		return any ? open_row(l, ui, l->sel) : UI_HANDLED;
	case UI_CMD_BACK:
		ui_layout_focus(ui->layout, UI_PANE_TREE);
		return UI_HANDLED | UI_RELAYOUT;
	case UI_CMD_NEXT_UNREAD:
	case UI_CMD_PREVIOUS_UNREAD: {
		int dir = cmd == UI_CMD_NEXT_UNREAD ? 1 : -1;
		struct error err = ERROR_INIT;
		size_t at;
		int r = any ? ui_rows_seek_unread(&l->rows, l->sel, dir, &at,
		    &err) : 0;

		if (r < 0)
			warn(ui, &err);
		else if (r == 0)
			ui_message(ui, "No %s unread article in %s", dir > 0 ?
			    "later" : "earlier", l->title.buf);
		else
			l->sel = at;
		settle(l, ui);
		return UI_HANDLED | UI_DIRTY_ALL;
	}
	case UI_CMD_TOGGLE_READ:
		return UI_HANDLED | (any ? ui_list_set_state(p, ui,
		    l->rows.v[l->sel].id, UI_LIST_READ, -1) : 0);
	case UI_CMD_TOGGLE_STAR:
		return UI_HANDLED | (any ? ui_list_set_state(p, ui,
		    l->rows.v[l->sel].id, UI_LIST_STARRED, -1) : 0);
	case UI_CMD_MARK_ALL_READ:
		return ui_list_mark_all(p, ui);
	case UI_CMD_UNREAD_ONLY:
		return toggle_unread_only(l, ui);
	case UI_CMD_SEARCH:
		return ui_categories_search(ui);
	case UI_CMD_COPY:
		return any ? ui_copy_path(ui, l->rows.v[l->sel].article->path) :
		    UI_HANDLED;
	case UI_CMD_OPEN_LINK:
		ui_message(ui, "Open an article (Enter) to see its links");
		return UI_HANDLED | UI_DIRTY_ALL;
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED | UI_DIRTY;
}

static int
list_click(struct ui_pane *p, struct ui *ui, int y, int x)
{
	struct list *l = list_of(p);
	size_t i = l->top + (size_t)y;

	(void)ui;
	(void)x;
	if (i < l->rows.n)
		l->sel = i;
	return UI_HANDLED | UI_DIRTY;
}

static void
list_resize(struct ui_pane *p, struct ui *ui)
{
	struct list *l = list_of(p);

	if (l->has_view) {
		l->rows.page = page_size(l);
		settle(l, ui);
	}
}

static void
list_free(struct ui_pane *p)
{
	struct list *l = list_of(p);

	if (l->rows_ready)
		ui_rows_release(&l->rows);
	ui_view_release(&l->view);
	buf_release(&l->title);
	free(l);
}

static const struct ui_pane_ops list_ops = {
	.name = "list",
	.draw = list_draw,
	.key = list_key,
	.resize = list_resize,
	.click = list_click,
	.free = list_free,
};

struct ui_pane *
ui_list_new(void)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->pane.ops = &list_ops;
	buf_init(&l->title, 0);
	return &l->pane;
}
