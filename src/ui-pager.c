/* SPDX-License-Identifier: MIT */
/*
 * ui-pager: lines with a top line and, when selectable, a cursor.
 *
 * Invariants: 0 <= top <= max(0, nr - h); with a selection,
 * top <= sel < top + h. A filled pager's lines are those fill made for
 * the window's width (made again when it changes).
 */
#include "config.h"
#include "ui-pager.h"

#include <stdlib.h>
#include <string.h>

#include "strvec.h"
#include "ui.h"
#include "ui-draw.h"
#include "ui-pane.h"
#include "ui-status.h"
#include "ui-theme.h"
#include "xmalloc.h"

struct pager {
	struct ui_pane pane;	/* first: the layout sees this */
	char *title;
	struct strvec lines;
	size_t top;		/* the first line shown */
	size_t sel;		/* the selected line (when open != NULL) */
	ui_pager_open_fn *open;
	void *ctx;
	ui_pager_fill_fn *fill;	/* or NULL: the lines are fixed */
	void *fill_ctx;
	int filled_w;		/* the width the lines were made for */
};

static size_t
max_top(const struct pager *pg)
{
	size_t h = pg->pane.h > 0 ? (size_t)pg->pane.h : 1;
	return pg->lines.nr > h ? pg->lines.nr - h : 0;
}

static void
clamp_view(struct pager *pg)
{
	size_t h = pg->pane.h > 0 ? (size_t)pg->pane.h : 1;

	if (pg->open) {
		if (pg->sel >= pg->lines.nr)
			pg->sel = pg->lines.nr ? pg->lines.nr - 1 : 0;
		if (pg->sel < pg->top)
			pg->top = pg->sel;
		if (pg->sel >= pg->top + h)
			pg->top = pg->sel - h + 1;
	}
	if (pg->top > max_top(pg))
		pg->top = max_top(pg);
}

static void
pager_draw(struct ui_pane *p, struct ui *ui)
{
	struct pager *pg = (struct pager *)p;
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);
	struct ui_look sel = ui_theme_look(ui->theme, CONF_STYLE_SELECTED);
	char pos[64];

	for (int y = 0; y < p->h; y++) {
		size_t i = pg->top + (size_t)y;
		struct ui_look look = pg->open && i == pg->sel ? sel : normal;
		int used = 0;

		wmove(p->win, y, 0);
		if (i < pg->lines.nr)
			used = ui_draw_text(p->win, pg->lines.v[i],
			    strlen(pg->lines.v[i]), p->w, look, true);
		ui_draw_fill(p->win, p->w - used, look);
	}
	ui_status_set_title(ui->status, pg->title);
	if (pg->lines.nr <= (size_t)p->h)
		snprintf(pos, sizeof pos, "(all)");
	else if (pg->top == max_top(pg))
		snprintf(pos, sizeof pos, "(end)");
	else
		snprintf(pos, sizeof pos, "%zu%%",
		    (pg->top + (size_t)p->h) * 100 / pg->lines.nr);
	ui_status_set_position(ui->status, pos);
}

static void
move_by(struct pager *pg, long delta)
{
	if (pg->open) {
		long s = (long)pg->sel + delta;
		long last = pg->lines.nr ? (long)pg->lines.nr - 1 : 0;

		pg->sel = (size_t)(s < 0 ? 0 : s > last ? last : s);
	} else {
		long t = (long)pg->top + delta;

		pg->top = (size_t)(t < 0 ? 0 : t);
	}
	clamp_view(pg);
}

static int
pager_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	struct pager *pg = (struct pager *)p;
	long page = p->h > 1 ? p->h - 1 : 1;

	switch (cmd) {
	case UI_CMD_DOWN: move_by(pg, UI_COUNT(count)); break;
	case UI_CMD_UP: move_by(pg, -UI_COUNT(count)); break;
	case UI_CMD_PAGE_DOWN: move_by(pg, page * UI_COUNT(count)); break;
	case UI_CMD_PAGE_UP: move_by(pg, -page * UI_COUNT(count)); break;
	case UI_CMD_HALF_PAGE_DOWN: move_by(pg, (page + 1) / 2 * UI_COUNT(count)); break;
	case UI_CMD_HALF_PAGE_UP: move_by(pg, -(page + 1) / 2 * UI_COUNT(count)); break;
	case UI_CMD_TOP: pg->top = pg->sel = 0; clamp_view(pg); break;
	case UI_CMD_BOTTOM:
		pg->sel = pg->lines.nr;
		pg->top = max_top(pg);
		clamp_view(pg);
		break;
	case UI_CMD_BACK: case UI_CMD_HELP:
		return UI_HANDLED | UI_CLOSE;
	case UI_CMD_OPEN:
	case UI_CMD_COPY:
		if (pg->open && pg->sel < pg->lines.nr)
			return UI_HANDLED | UI_DIRTY | pg->open(pg->ctx, ui, pg->sel,
			    cmd);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED | UI_DIRTY;
}

/* Make the lines again for the window's width, the top kept in
 * proportion. */
static void
refill(struct pager *pg)
{
	size_t nr = pg->lines.nr;

	if (!pg->fill || pg->pane.w <= 0 || pg->pane.w == pg->filled_w)
		return;
	strvec_clear(&pg->lines);
	pg->fill(pg->fill_ctx, pg->pane.w, &pg->lines);
	pg->filled_w = pg->pane.w;
	if (nr)
		pg->top = pg->top * pg->lines.nr / nr;
}

static void
pager_resize(struct ui_pane *p, struct ui *ui)
{
	(void)ui;
	refill((struct pager *)p);
	clamp_view((struct pager *)p);
}

static int
pager_click(struct ui_pane *p, struct ui *ui, int y, int x)
{
	struct pager *pg = (struct pager *)p;

	(void)ui;
	(void)x;
	if (!pg->open || pg->top + (size_t)y >= pg->lines.nr)
		return UI_HANDLED;
	pg->sel = pg->top + (size_t)y;
	return UI_HANDLED | UI_DIRTY;
}

static void
pager_free(struct ui_pane *p)
{
	struct pager *pg = (struct pager *)p;

	free(pg->title);
	strvec_clear(&pg->lines);
	free(pg);
}

static const struct ui_pane_ops pager_ops = {
	.name = "pager",
	.draw = pager_draw,
	.key = pager_key,
	.resize = pager_resize,
	.click = pager_click,
	.free = pager_free,
};

struct ui_pane *
ui_pager_new(const char *title, struct strvec *lines, ui_pager_open_fn *open,
    void *ctx)
{
	struct pager *pg = xcalloc(1, sizeof *pg);

	pg->pane.ops = &pager_ops;
	pg->title = xstrdup(title);
	pg->lines = *lines;
	strvec_init(lines);
	pg->open = open;
	pg->ctx = ctx;
	return &pg->pane;
}

struct ui_pane *
ui_pager_new_filled(const char *title, ui_pager_fill_fn *fill, void *ctx)
{
	struct strvec none = STRVEC_INIT;
	struct pager *pg = (struct pager *)ui_pager_new(title, &none, NULL,
	    NULL);

	pg->fill = fill;
	pg->fill_ctx = ctx;
	return &pg->pane;
}

const char *
ui_pager_title(const struct ui_pane *p)
{
	return ((const struct pager *)p)->title;
}
