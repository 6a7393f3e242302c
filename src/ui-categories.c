/* SPDX-License-Identifier: MIT */
/*
 * ui-categories: the tree as a flat array of visible rows in display
 * order, rebuilt from the collection's categories (in tree order, each
 * node before its children) whenever they or the folds change.
 *
 * Invariants: 0 <= sel < nrows (nrows >= 3: the fixed views are always
 * there); top <= sel < top + h once drawn; every path in folded names a
 * category the user folded (it may be absent from the collection for a
 * while, during a scan).
 */
#include "config.h"
#include "ui-categories.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "collection.h"
#include "nearest.h"
#include "strvec.h"
#include "ui.h"
#include "ui-draw.h"
#include "ui-layout.h"
#include "ui-list.h"
#include "ui-pane.h"
#include "ui-prompt.h"
#include "ui-status.h"
#include "ui-theme.h"
#include "ui-view.h"
#include "utf8.h"
#include "xmalloc.h"

struct row {
	enum ui_view_kind kind;
	size_t cat;		/* CATEGORY: index into cats */
	int depth;		/* 0 for the top level */
	bool parent;		/* CATEGORY: it has children */
	bool folded;		/* CATEGORY: its children are hidden */
	int64_t unread, total;	/* -1: not shown */
};

struct tree {
	struct ui_pane pane;	/* first: the layout sees this */
	struct collection_category *cats;	/* ncats, in tree order */
	size_t ncats;
	struct strvec folded;	/* category paths folded by the user */
	struct ui_view query;	/* the query row's view, when has_query */
	bool has_query;
	/* The fixed views' counts; -1 while unknown. */
	int64_t all_total, all_unread, starred_total, starred_unread;
	int64_t query_total;	/* a search's count costs: its total only */
	bool counted;		/* the counts were made since the last follow() */
	struct row *rows;	/* the visible rows */
	size_t nrows, alloc;
	size_t sel;		/* the selected row */
	size_t top;		/* the first row shown */
	struct ui_view shown;	/* the view the list was last given */
	char *pending;		/* a --category waiting for the scan */
	bool moved;		/* the user has moved since the start */
};

#define FIXED_ROWS 3

static struct tree *
tree_of(struct ui_pane *p)
{
	return (struct tree *)p;
}

/* --- rows and views --- */

static bool
is_folded(const struct tree *t, const char *path)
{
	for (size_t i = 0; i < t->folded.nr; i++)
		if (strcmp(t->folded.v[i], path) == 0)
			return true;
	return false;
}

static struct row *
add_row(struct tree *t, enum ui_view_kind kind, int64_t unread, int64_t total)
{
	struct row *r;

	ALLOC_GROW(t->rows, t->nrows + 1, t->alloc);
	r = &t->rows[t->nrows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	r->unread = unread;
	r->total = total;
	return r;
}

/* The view of row r into v (released by the caller). */
static void
row_view(const struct tree *t, const struct row *r, struct ui_view *v)
{
	if (r->kind == UI_VIEW_QUERY)
		ui_view_copy(v, &t->query);
	else
		ui_view_set(v, r->kind, r->kind == UI_VIEW_CATEGORY ?
		    t->cats[r->cat].path : NULL);
}

/* Lay the visible rows out again; the selection stays on view keep. */
static void
rebuild(struct tree *t, const struct ui_view *keep)
{
	int hide_below = -1;	/* hide deeper rows until one this shallow */

	t->nrows = 0;
	add_row(t, UI_VIEW_ALL, t->all_unread, t->all_total);
	add_row(t, UI_VIEW_UNREAD, -1, t->all_unread);
	add_row(t, UI_VIEW_STARRED, t->starred_unread, t->starred_total);
	if (t->has_query)
		add_row(t, UI_VIEW_QUERY, -1, t->query_total);
	for (size_t i = 0; i < t->ncats; i++) {
		const struct collection_category *k = &t->cats[i];
		struct row *r;

		if (hide_below >= 0 && k->depth > hide_below)
			continue;
		hide_below = -1;
		r = add_row(t, UI_VIEW_CATEGORY, k->unread, k->total);
		r->cat = i;
		r->depth = k->depth;
		r->parent = i + 1 < t->ncats && t->cats[i + 1].parent == k->id;
		r->folded = r->parent && is_folded(t, k->path);
		if (r->folded)
			hide_below = k->depth;
	}
	if (t->sel >= t->nrows)
		t->sel = t->nrows - 1;
	if (!keep)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		struct ui_view v;
		bool same;

		row_view(t, &t->rows[i], &v);
		same = ui_view_equal(&v, keep);
		ui_view_release(&v);
		if (same) {
			t->sel = i;
			return;
		}
	}
}

/* Drop folded[k] (the order of folded does not matter). */
static void
unfold_at(struct tree *t, size_t k)
{
	free(t->folded.v[k]);
	t->folded.v[k] = t->folded.v[--t->folded.nr];
	t->folded.v[t->folded.nr] = NULL;
}

/* The visible row of category cat, or -1. */
static long
row_of(const struct tree *t, size_t cat)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == UI_VIEW_CATEGORY && t->rows[r].cat == cat)
			return (long)r;
	return -1;
}

/* The row of the category at path, unfolding its ancestors; or -1. */
static long
find_category(struct tree *t, const char *path)
{
	size_t len = strlen(path);

	while (len > 1 && path[len - 1] == '/')
		len--;
	for (size_t i = 0; i < t->ncats; i++) {
		const char *p = t->cats[i].path;

		if (strlen(p) != len || strncmp(p, path, len) != 0)
			continue;
		/* Unfold every ancestor: a prefix of the path. */
		for (size_t k = t->folded.nr; k-- > 0;) {
			size_t fl = strlen(t->folded.v[k]);

			if (fl < len && strncmp(t->folded.v[k], p, fl) == 0 &&
			    p[fl] == '/')
				unfold_at(t, k);
		}
		rebuild(t, NULL);
		return row_of(t, i);
	}
	return -1;
}

/* --- nearest names, for a category that is not there --- */

#define NEAREST 3

/* "a, b, c": the categories whose path or name is nearest to want. */
static void
nearest(const struct tree *t, const char *want, struct buf *out)
{
	size_t best[NEAREST], score[NEAREST], n = 0, at;

	for (size_t i = 0; i < t->ncats; i++) {
		const struct collection_category *k = &t->cats[i];
		size_t d = nearest_distance(want, k->path),
		    dn = nearest_distance(want, k->name);

		if (dn < d)
			d = dn;
		if (strstr(k->path, want))
			d = 0;
		/* Insert in order, ties kept in tree order. */
		at = n;
		while (at > 0 && score[at - 1] > d)
			at--;
		if (at >= NEAREST)
			continue;
		if (n < NEAREST)
			n++;
		memmove(&best[at + 1], &best[at], (n - 1 - at) * sizeof best[0]);
		memmove(&score[at + 1], &score[at], (n - 1 - at) * sizeof score[0]);
		best[at] = i;
		score[at] = d;
	}
	for (size_t i = 0; i < n; i++)
		buf_addf(out, "%s%s", i ? ", " : "", t->cats[best[i]].path);
}

static void
warn_unknown(struct tree *t, struct ui *ui, const char *path)
{
	struct buf names = BUF_INIT;

	nearest(t, path, &names);
	if (names.len)
		ui_warning(ui, "No category '%s'; the nearest: %s", path, names.buf);
	else
		ui_warning(ui, "No category '%s': the collection has none", path);
	buf_release(&names);
}

/* --- following the selection --- */

/*
 * Row r's count as the list would make it (with "unread only" when
 * unread_only), when the tree has made that very count: the fixed views
 * and a search are counted with collection_count() on the same view.
 * Returns -1 for the others (a category's numbers come from another
 * query) and while unknown.
 */
static int64_t
known_count(const struct tree *t, const struct row *r, bool unread_only)
{
	switch (r->kind) {
	case UI_VIEW_ALL:
		return unread_only ? t->all_unread : t->all_total;
	case UI_VIEW_UNREAD:
		return t->all_unread;
	case UI_VIEW_STARRED:
		return unread_only ? t->starred_unread : t->starred_total;
	case UI_VIEW_QUERY:
		return unread_only ? -1 : t->query_total;
	default:
		return -1;
	}
}

/*
 * Hand the selected row's view to the list, if it changed, with its count
 * when the tree's is current, so a search is counted once. The counts are
 * current just after they are made and whenever no scan runs: this thread
 * makes every other change to the collection and recounts after it.
 */
static int
follow(struct tree *t, struct ui *ui)
{
	struct ui_pane *list = ui->layout->panes[UI_PANE_LIST];
	struct ui_view v;
	int flags = 0;

	row_view(t, &t->rows[t->sel], &v);
	if (!ui_view_equal(&v, &t->shown)) {
		int64_t n = t->counted || !ui->scan ? known_count(t,
		    &t->rows[t->sel], ui_list_unread_only(list)) : -1;

		flags = ui_list_show(list, ui, &v, n);
		ui_view_release(&t->shown);
		t->shown = v;
	} else {
		ui_view_release(&v);
	}
	t->counted = false;
	return flags;
}

/*
 * Count the fixed views (with fixed) and the query row (with query): a
 * search's count reads its whole match list, and read or starred state
 * does not change it, so state changes leave it alone; a new search
 * changes nothing else.
 */
static void
count_views(struct tree *t, struct ui *ui, bool fixed, bool query,
    struct error *err)
{
	struct ui_view v;
	struct collection_view cv;

	t->counted = true;
	if (query && t->has_query) {
		ui_view_query(&t->query, &ui->base, false, &cv);
		t->query_total = collection_count(ui->coll, &cv, err);
	}
	if (!fixed)
		return;
	ui_view_set(&v, UI_VIEW_ALL, NULL);
	ui_view_query(&v, &ui->base, false, &cv);
	t->all_total = collection_count(ui->coll, &cv, err);
	cv.unread = true;
	t->all_unread = collection_count(ui->coll, &cv, err);
	cv.unread = false;
	cv.starred = true;
	t->starred_total = collection_count(ui->coll, &cv, err);
	cv.unread = true;
	t->starred_unread = collection_count(ui->coll, &cv, err);
	ui_view_release(&v);
}

int
ui_categories_load(struct ui_pane *p, struct ui *ui, bool state_only)
{
	struct tree *t = tree_of(p);
	struct error err = ERROR_INIT;
	struct collection_category *cats = NULL;
	size_t ncats = 0;
	struct ui_view keep;
	int flags = UI_DIRTY_ALL;

	if (collection_categories(ui->coll, ui->base.scope, ui->base.nscope,
	    &cats, &ncats, &err) < 0) {
		ui_warning(ui, "%s", err.msg);
		error_release(&err);
		return flags;
	}
	collection_categories_free(t->cats, t->ncats);
	t->cats = cats;
	t->ncats = ncats;
	count_views(t, ui, true, !state_only, &err);
	if (err.msg) {
		ui_warning(ui, "%s", err.msg);
		error_release(&err);
	}
	row_view(t, &t->rows[t->sel], &keep);
	rebuild(t, &keep);
	ui_view_release(&keep);
	if (t->pending) {
		long r = t->moved ? -1 : find_category(t, t->pending);

		if (r >= 0) {
			t->sel = (size_t)r;
			ui_layout_focus(ui->layout, UI_PANE_LIST);
			flags |= UI_RELAYOUT;
		} else if (!t->moved && !ui->scan && !ui->scan_pending) {
			warn_unknown(t, ui, t->pending);
		}
		if (r >= 0 || t->moved || (!ui->scan && !ui->scan_pending)) {
			free(t->pending);
			t->pending = NULL;
		}
	}
	ui_pane_touch(p);
	return flags | follow(t, ui);
}

int
ui_categories_start(struct ui_pane *p, struct ui *ui,
    const struct collection_view *s)
{
	struct tree *t = tree_of(p);
	struct ui_pane *list = ui->layout->panes[UI_PANE_LIST];
	bool query = s->search || s->tag || s->author ||
	    (s->category && s->starred);
	bool unread_row = s->unread && !query && !s->category && !s->starred;
	int flags = UI_RELAYOUT;

	ui_list_set_unread_only(list, s->unread && !unread_row);
	if (query) {
		struct ui_view v;

		ui_view_set(&v, UI_VIEW_QUERY, s->category);
		v.search = s->search ? xstrdup(s->search) : NULL;
		v.tag = s->tag ? xstrdup(s->tag) : NULL;
		v.author = s->author ? xstrdup(s->author) : NULL;
		v.starred = s->starred;
		return ui_categories_set_query(p, ui, &v);
	}
	if (s->category) {
		long r = find_category(t, s->category);

		if (r < 0) {
			if (ui->scan || ui->scan_pending) {
				t->pending = xstrdup(s->category);
			} else {
				warn_unknown(t, ui, s->category);
			}
			return UI_DIRTY_ALL | follow(t, ui);
		}
		t->sel = (size_t)r;
	} else if (unread_row) {
		t->sel = 1;
	} else if (s->starred) {
		t->sel = 2;
	} else {
		return UI_DIRTY_ALL | follow(t, ui);
	}
	ui_layout_focus(ui->layout, UI_PANE_LIST);
	ui_pane_touch(p);
	return flags | follow(t, ui);
}

int
ui_categories_set_query(struct ui_pane *p, struct ui *ui, struct ui_view *v)
{
	struct tree *t = tree_of(p);
	struct error err = ERROR_INIT;

	ui_view_release(&t->query);
	t->query = *v;
	memset(v, 0, sizeof *v);
	t->has_query = true;
	t->moved = true;
	count_views(t, ui, false, true, &err);
	if (err.msg) {
		ui_warning(ui, "%s", err.msg);
		error_release(&err);
	}
	rebuild(t, &t->query);
	ui_layout_focus(ui->layout, UI_PANE_LIST);
	ui_pane_touch(p);
	return UI_RELAYOUT | UI_DIRTY_ALL | follow(t, ui);
}

static int
search_done(void *ctx, struct ui *ui, const char *text)
{
	struct ui_view v;

	(void)ctx;
	if (!ui || !text || !*text)
		return UI_DIRTY_ALL;
	ui_view_set(&v, UI_VIEW_QUERY, NULL);
	v.search = xstrdup(text);
	return ui_categories_set_query(ui->layout->panes[UI_PANE_TREE], ui, &v);
}

int
ui_categories_search(struct ui *ui)
{
	ui_prompt_start(ui->prompt, "搜索 / Search: ", search_done, NULL);
	return UI_HANDLED | UI_DIRTY_ALL;
}

/* --- drawing --- */

static void
keep_in_view(struct tree *t)
{
	size_t h = t->pane.h > 0 ? (size_t)t->pane.h : 1;

	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + h)
		t->top = t->sel - h + 1;
	if (t->top + h > t->nrows)
		t->top = t->nrows > h ? t->nrows - h : 0;
}

static void
row_label(const struct tree *t, const struct row *r, struct buf *out)
{
	if (r->kind == UI_VIEW_CATEGORY) {
		buf_adds(out, r->parent ? (r->folded ? "▸ " : "▾ ") : "  ");
		buf_adds(out, t->cats[r->cat].name);
	} else {
		struct ui_view v;

		row_view(t, r, &v);
		ui_view_title(&v, out);
		ui_view_release(&v);
	}
}

static void
draw_row(struct tree *t, struct ui *ui, int y, size_t i)
{
	struct ui_pane *p = &t->pane;
	const struct row *r = &t->rows[i];
	bool selected = i == t->sel;
	struct ui_look look = ui_theme_look(ui->theme, selected ? (p->focused ?
	    CONF_STYLE_SELECTED : CONF_STYLE_SELECTED_DIM) :
	    r->unread > 0 && r->kind == UI_VIEW_CATEGORY ? CONF_STYLE_UNREAD :
	    CONF_STYLE_NORMAL);
	struct ui_look dim = selected ? look :
	    ui_theme_look(ui->theme, CONF_STYLE_DIM);
	struct buf label = BUF_INIT;
	char counts[48] = "";
	int used, cw = 0, indent = 1 + 2 * r->depth;
	int w = p->w > 10 ? p->w - 1 : p->w;	/* a cell before the rule */

	if (r->unread >= 0 && r->total >= 0)
		cw = snprintf(counts, sizeof counts, " %lld/%lld",
		    (long long)r->unread, (long long)r->total);
	else if (r->total >= 0)
		cw = snprintf(counts, sizeof counts, " %lld", (long long)r->total);
	if (cw > w / 2)
		cw = 0;		/* too narrow: the name matters more */
	row_label(t, r, &label);
	if (indent > w / 2)
		indent = w / 2;
	wmove(p->win, y, 0);
	ui_draw_fill(p->win, indent, look);
	used = indent + ui_draw_text(p->win, label.buf, label.len,
	    w - indent - cw, look, true);
	ui_draw_fill(p->win, w - used - cw, look);
	if (cw)
		ui_draw_str(p->win, counts, cw, dim);
	ui_draw_fill(p->win, p->w - w, look);
	buf_release(&label);
}

static void
tree_draw(struct ui_pane *p, struct ui *ui)
{
	struct tree *t = tree_of(p);
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);

	keep_in_view(t);
	for (int y = 0; y < p->h; y++) {
		size_t i = t->top + (size_t)y;

		if (i < t->nrows) {
			draw_row(t, ui, y, i);
		} else {
			wmove(p->win, y, 0);
			ui_draw_fill(p->win, p->w, normal);
		}
	}
	if (p->focused) {
		char pos[48];

		snprintf(pos, sizeof pos, "%zu/%zu", t->sel + 1, t->nrows);
		/* The list shows the selected view: its name and count. */
		ui_status_set_title(ui->status,
		    ui_list_title(ui->layout->panes[UI_PANE_LIST]));
		ui_status_set_position(ui->status, pos);
	}
}

/* --- keys --- */

static void
select_by(struct tree *t, long delta)
{
	long s = (long)t->sel + delta;

	if (s < 0)
		s = 0;
	if (s >= (long)t->nrows)
		s = (long)t->nrows - 1;
	t->sel = (size_t)s;
}

static int
toggle_fold(struct tree *t)
{
	const struct row *r = &t->rows[t->sel];
	const char *path;
	size_t cat;

	if (r->kind != UI_VIEW_CATEGORY || !r->parent)
		return UI_HANDLED;
	cat = r->cat;
	path = t->cats[cat].path;
	if (r->folded) {
		for (size_t k = 0; k < t->folded.nr; k++)
			if (strcmp(t->folded.v[k], path) == 0)
				unfold_at(t, k--);
	} else {
		strvec_push(&t->folded, path);
	}
	rebuild(t, NULL);
	t->sel = (size_t)row_of(t, cat);	/* it stays visible */
	return UI_HANDLED | UI_DIRTY;
}

/* n/N in the tree: the next category with unread articles. */
static void
next_unread(struct tree *t, struct ui *ui, int dir)
{
	for (long i = (long)t->sel + dir; i >= 0 && i < (long)t->nrows; i += dir) {
		if (t->rows[i].kind == UI_VIEW_CATEGORY && t->rows[i].unread > 0) {
			t->sel = (size_t)i;
			return;
		}
	}
	ui_message(ui, "No %s category with unread articles",
	    dir > 0 ? "later" : "earlier");
}

static int
tree_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	struct tree *t = tree_of(p);
	long n = UI_COUNT(count), page = p->h > 1 ? p->h - 1 : 1;

	switch (cmd) {
	case UI_CMD_DOWN: select_by(t, n); break;
	case UI_CMD_UP: select_by(t, -n); break;
	case UI_CMD_PAGE_DOWN: select_by(t, page * n); break;
	case UI_CMD_PAGE_UP: select_by(t, -page * n); break;
	case UI_CMD_HALF_PAGE_DOWN: select_by(t, (page + 1) / 2 * n); break;
	case UI_CMD_HALF_PAGE_UP: select_by(t, -(page + 1) / 2 * n); break;
	case UI_CMD_TOP: t->sel = 0; break;
	case UI_CMD_BOTTOM: t->sel = t->nrows - 1; break;
	case UI_CMD_NEXT_UNREAD: next_unread(t, ui, 1); break;
	case UI_CMD_PREVIOUS_UNREAD: next_unread(t, ui, -1); break;
	case UI_CMD_TOGGLE_FOLD:
		return toggle_fold(t);
	case UI_CMD_OPEN:
		ui_layout_focus(ui->layout, UI_PANE_LIST);
		return UI_HANDLED | UI_RELAYOUT;
	case UI_CMD_SEARCH:
		return ui_categories_search(ui);
	case UI_CMD_MARK_ALL_READ:
	case UI_CMD_UNREAD_ONLY:
		/* The list shows the selected row's view: it does these. */
		return ui->layout->panes[UI_PANE_LIST]->ops->key(
		    ui->layout->panes[UI_PANE_LIST], ui, cmd, count);
	default:
		return UI_UNHANDLED;
	}
	t->moved = true;
	return UI_HANDLED | UI_DIRTY | follow(t, ui);
}

static int
tree_click(struct ui_pane *p, struct ui *ui, int y, int x)
{
	struct tree *t = tree_of(p);
	size_t i = t->top + (size_t)y;
	const struct row *r;

	if (i >= t->nrows)
		return UI_HANDLED;
	t->sel = i;
	t->moved = true;
	r = &t->rows[i];
	/* A click on the fold marker folds. */
	if (r->kind == UI_VIEW_CATEGORY && r->parent && x >= 1 + 2 * r->depth &&
	    x < 3 + 2 * r->depth)
		return toggle_fold(t) | follow(t, ui);
	return UI_HANDLED | UI_DIRTY | follow(t, ui);
}

static void
tree_resize(struct ui_pane *p, struct ui *ui)
{
	(void)ui;
	keep_in_view(tree_of(p));
}

static void
tree_free(struct ui_pane *p)
{
	struct tree *t = tree_of(p);

	collection_categories_free(t->cats, t->ncats);
	strvec_clear(&t->folded);
	ui_view_release(&t->query);
	ui_view_release(&t->shown);
	free(t->pending);
	free(t->rows);
	free(t);
}

static const struct ui_pane_ops tree_ops = {
	.name = "tree",
	.draw = tree_draw,
	.key = tree_key,
	.resize = tree_resize,
	.click = tree_click,
	.free = tree_free,
};

struct ui_pane *
ui_categories_new(void)
{
	struct tree *t = xcalloc(1, sizeof *t);

	t->pane.ops = &tree_ops;
	strvec_init(&t->folded);
	t->all_total = t->all_unread = t->starred_total = t->starred_unread = -1;
	t->query_total = -1;
	/* An impossible view, so the first follow() always hands one over. */
	t->shown.kind = UI_VIEW_QUERY;
	t->shown.search = xstrdup("");
	rebuild(t, NULL);
	return &t->pane;
}
