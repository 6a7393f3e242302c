/*
 * ui-categories: the tree as a flat array of rows in display order.
 *
 * Invariants: 0 <= sel < nrows (nrows >= 3: the fixed views are always
 * there); top <= sel < top + h once drawn.
 */
#include "config.h"
#include "ui-categories.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui-draw.h"
#include "ui-layout.h"
#include "ui-pane.h"
#include "ui-status.h"
#include "ui-theme.h"
#include "xmalloc.h"

enum row_kind {
	ROW_ALL,
	ROW_UNREAD,
	ROW_STARRED,
	ROW_CATEGORY,
};

struct row {
	enum row_kind kind;
	const char *label;	/* static for the fixed views */
	int depth;		/* 0 for the top level */
	long unread, total;	/* subtree counts; -1 while unknown */
};

struct tree {
	struct ui_pane pane;	/* first: the layout sees this */
	struct row *rows;
	size_t nrows, alloc;
	size_t sel;		/* the selected row */
	size_t top;		/* the first row shown */
};

static const struct row fixed_rows[] = {
	{ ROW_ALL, "全部 / All", 0, -1, -1 },
	{ ROW_UNREAD, "未读 / Unread", 0, -1, -1 },
	{ ROW_STARRED, "★ Starred", 0, -1, -1 },
};

static void
keep_in_view(struct tree *t)
{
	size_t h = t->pane.h > 0 ? (size_t)t->pane.h : 1;

	if (t->sel < t->top)
		t->top = t->sel;
	if (t->sel >= t->top + h)
		t->top = t->sel - h + 1;
}

static void
tree_draw(struct ui_pane *p, struct ui *ui)
{
	struct tree *t = (struct tree *)p;
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);
	struct ui_look dim = ui_theme_look(ui->theme, CONF_STYLE_DIM);
	struct ui_look sel = ui_theme_look(ui->theme, p->focused ?
	    CONF_STYLE_SELECTED : CONF_STYLE_SELECTED_DIM);

	keep_in_view(t);
	for (int y = 0; y < p->h; y++) {
		size_t i = t->top + (size_t)y;
		const struct row *r = i < t->nrows ? &t->rows[i] : NULL;
		struct ui_look look = r && i == t->sel ? sel : normal;
		char counts[48] = "";
		int used = 0, cw = 0;

		wmove(p->win, y, 0);
		if (!r) {
			ui_draw_fill(p->win, p->w, normal);
			continue;
		}
		if (r->total >= 0)
			cw = snprintf(counts, sizeof counts, " %ld/%ld", r->unread,
			    r->total);
		ui_draw_fill(p->win, 1 + 2 * r->depth, look);
		used = 1 + 2 * r->depth;
		used += ui_draw_text(p->win, r->label, strlen(r->label),
		    p->w - used - cw, look, true);
		ui_draw_fill(p->win, p->w - used - cw, look);
		if (cw)
			ui_draw_str(p->win, counts, cw, i == t->sel ? look : dim);
	}
	if (p->focused) {
		char pos[48];

		snprintf(pos, sizeof pos, "%zu/%zu", t->sel + 1, t->nrows);
		ui_status_set_title(ui->status, t->rows[t->sel].label);
		ui_status_set_position(ui->status, pos);
	}
}

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
tree_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	struct tree *t = (struct tree *)p;
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
	case UI_CMD_OPEN:
		ui_layout_focus(ui->layout, UI_PANE_LIST);
		return UI_HANDLED | UI_RELAYOUT;
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED | UI_DIRTY;
}

static int
tree_click(struct ui_pane *p, struct ui *ui, int y, int x)
{
	struct tree *t = (struct tree *)p;

	(void)ui;
	(void)x;
	if (t->top + (size_t)y < t->nrows)
		t->sel = t->top + (size_t)y;
	return UI_HANDLED | UI_DIRTY;
}

static void
tree_resize(struct ui_pane *p, struct ui *ui)
{
	(void)ui;
	keep_in_view((struct tree *)p);
}

static void
tree_free(struct ui_pane *p)
{
	struct tree *t = (struct tree *)p;

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
	size_t n = sizeof fixed_rows / sizeof fixed_rows[0];

	t->pane.ops = &tree_ops;
	ALLOC_GROW(t->rows, n, t->alloc);
	memcpy(t->rows, fixed_rows, sizeof fixed_rows);
	t->nrows = n;
	return &t->pane;
}
