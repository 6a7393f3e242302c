/* SPDX-License-Identifier: MIT */
/*
 * ui-layout: geometry, windows and focus.
 *
 * Windows are remade, not moved, when a pane's rectangle changes: curses'
 * wresize() and mvwin() must be called in the right order to keep a window
 * on the screen, and a new window costs nothing on the terminal (only
 * doupdate() writes). A pane's window is NULL exactly while it is hidden.
 */
#include "config.h"
#include "ui-layout.h"

#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui-draw.h"
#include "ui-pane.h"
#include "ui-theme.h"

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static enum ui_pane_id
visible_focus(const struct ui_layout_state *st)
{
	if (st->focus == UI_PANE_READER && !st->reader_open)
		return UI_PANE_LIST;
	return st->focus;
}

enum ui_layout_mode
ui_layout_compute(int lines, int cols, const struct ui_layout_state *st,
    struct ui_rect r[UI_PANE_COUNT], int sep[2])
{
	enum ui_pane_id focus = visible_focus(st);
	int y = 1, h = lines - 2;

	memset(r, 0, sizeof r[0] * UI_PANE_COUNT);
	sep[0] = sep[1] = -1;
	if (cols < UI_MIN_COLS || lines < UI_MIN_LINES)
		return UI_LAYOUT_TOO_SMALL;
	if (st->zoom || cols < UI_SPLIT_COLS) {
		r[focus] = (struct ui_rect){ y, 0, h, cols };
		return st->zoom && cols >= UI_SPLIT_COLS ?
		    (cols >= UI_THREE_COLS ? UI_LAYOUT_THREE : UI_LAYOUT_SPLIT)
		    : UI_LAYOUT_SINGLE;
	}
	if (cols < UI_THREE_COLS) {
		int tree = clamp(cols / 4, 16, 28);
		enum ui_pane_id right = focus == UI_PANE_TREE ? st->right : focus;

		if (right == UI_PANE_READER && !st->reader_open)
			right = UI_PANE_LIST;
		r[UI_PANE_TREE] = (struct ui_rect){ y, 0, h, tree };
		sep[0] = tree;
		r[right] = (struct ui_rect){ y, tree + 1, h, cols - tree - 1 };
		return UI_LAYOUT_SPLIT;
	}
	{
		int tree = clamp(cols / 6, 20, 32);
		int rest = cols - tree - 2;
		int list = clamp(rest * 2 / 5, 30, 60);

		r[UI_PANE_TREE] = (struct ui_rect){ y, 0, h, tree };
		sep[0] = tree;
		r[UI_PANE_LIST] = (struct ui_rect){ y, tree + 1, h, list };
		sep[1] = tree + 1 + list;
		r[UI_PANE_READER] = (struct ui_rect){ y, sep[1] + 1, h,
			rest - list };
		return UI_LAYOUT_THREE;
	}
}

void
ui_layout_init(struct ui_layout *l, struct ui_pane *tree, struct ui_pane *list,
    struct ui_pane *reader)
{
	memset(l, 0, sizeof *l);
	l->panes[UI_PANE_TREE] = tree;
	l->panes[UI_PANE_LIST] = list;
	l->panes[UI_PANE_READER] = reader;
	l->st.focus = UI_PANE_TREE;
	l->st.right = UI_PANE_LIST;
	l->sep[0] = l->sep[1] = -1;
}

static void
drop_window(WINDOW **w)
{
	if (*w) {
		delwin(*w);
		*w = NULL;
	}
}

static void
free_pane(struct ui_pane *p)
{
	if (!p)
		return;
	drop_window(&p->win);
	p->ops->free(p);
}

void
ui_layout_release(struct ui_layout *l)
{
	for (int i = 0; i < UI_PANE_COUNT; i++)
		free_pane(l->panes[i]);
	free_pane(l->overlay);
	drop_window(&l->rule[0]);
	drop_window(&l->rule[1]);
	drop_window(&l->body);
	memset(l, 0, sizeof *l);
}

/* Give p the rectangle r (w == 0: hide it); tell it when its size changed. */
static void
place(struct ui_pane *p, struct ui *ui, const struct ui_rect *r)
{
	int oy = -1, ox = -1;

	if (p->win)
		getbegyx(p->win, oy, ox);
	if (r->w == 0) {
		drop_window(&p->win);
		p->h = p->w = 0;
		return;
	}
	if (!p->win || oy != r->y || ox != r->x || p->h != r->h || p->w != r->w) {
		bool resized = p->h != r->h || p->w != r->w;

		drop_window(&p->win);
		p->win = newwin(r->h, r->w, r->y, r->x);
		p->h = r->h;
		p->w = r->w;
		if (resized && p->ops->resize)
			p->ops->resize(p, ui);
	}
	p->dirty = true;
	p->fresh = true;
}

void
ui_layout_apply(struct ui_layout *l, struct ui *ui, int lines, int cols)
{
	struct ui_rect body = { 1, 0, lines - 2, cols };

	l->lines = lines;
	l->cols = cols;
	l->mode = ui_layout_compute(lines, cols, &l->st, l->rect, l->sep);
	if (l->st.focus == UI_PANE_READER && !l->st.reader_open)
		l->st.focus = UI_PANE_LIST;
	if (l->mode == UI_LAYOUT_TOO_SMALL) {
		struct ui_rect none = { 0, 0, 0, 0 };

		for (int i = 0; i < UI_PANE_COUNT; i++)
			place(l->panes[i], ui, &none);
		if (l->overlay)
			place(l->overlay, ui, &none);
		body = (struct ui_rect){ 0, 0, lines, cols };
	} else {
		for (int i = 0; i < UI_PANE_COUNT; i++) {
			l->panes[i]->focused = (int)l->st.focus == i && !l->overlay;
			place(l->panes[i], ui, &l->rect[i]);
		}
		if (l->overlay) {
			l->overlay->focused = true;
			place(l->overlay, ui, &body);
		}
	}
	drop_window(&l->body);
	if (l->mode == UI_LAYOUT_TOO_SMALL && lines > 0 && cols > 0)
		l->body = newwin(body.h, body.w, body.y, body.x);
	for (int i = 0; i < 2; i++) {
		drop_window(&l->rule[i]);
		if (l->sep[i] >= 0)
			l->rule[i] = newwin(lines - 2, 1, 1, l->sep[i]);
	}
	l->rules_dirty = true;
}

static void
draw_too_small(struct ui_layout *l)
{
	static const char *const words[] = { "Screen", "too small", "" };
	struct ui_look plain = { A_NORMAL, 0 };
	char size[32];

	if (!l->body)
		return;
	werase(l->body);
	snprintf(size, sizeof size, "%dx%d", l->cols, l->lines);
	for (int i = 0; i < 3; i++) {
		const char *s = i < 2 ? words[i] : size;
		int len = (int)strlen(s);
		int y = l->lines / 2 - 1 + i;

		if (y < 0 || y >= l->lines)
			continue;
		wmove(l->body, y, len < l->cols ? (l->cols - len) / 2 : 0);
		ui_draw_str(l->body, s, l->cols, plain);
	}
	wnoutrefresh(l->body);
}

static void
draw_rules(struct ui_layout *l, struct ui *ui)
{
	struct ui_look look = ui_theme_look(ui->theme, CONF_STYLE_BORDER);

	for (int i = 0; i < 2; i++) {
		if (!l->rule[i])
			continue;
		for (int y = 0; y < l->lines - 2; y++) {
			cchar_t cc = *WACS_VLINE;

			cc.attr |= look.attr;
			wmove(l->rule[i], y, 0);
			wadd_wch(l->rule[i], &cc);
		}
		wnoutrefresh(l->rule[i]);
	}
	l->rules_dirty = false;
}

static void
draw_pane(struct ui_pane *p, struct ui *ui, bool all)
{
	if (!p->win || (!p->dirty && !all))
		return;
	p->ops->draw(p, ui);
	wnoutrefresh(p->win);
	p->dirty = false;
}

void
ui_layout_draw(struct ui_layout *l, struct ui *ui, bool all)
{
	if (l->mode == UI_LAYOUT_TOO_SMALL) {
		draw_too_small(l);
		return;
	}
	if (l->overlay) {
		draw_pane(l->overlay, ui, all);
		return;
	}
	for (int i = 0; i < UI_PANE_COUNT; i++)
		draw_pane(l->panes[i], ui, all);
	if (all || l->rules_dirty)
		draw_rules(l, ui);
}

struct ui_pane *
ui_layout_focused(const struct ui_layout *l)
{
	return l->overlay ? l->overlay : l->panes[l->st.focus];
}

void
ui_layout_focus(struct ui_layout *l, enum ui_pane_id id)
{
	if (id == UI_PANE_READER && !l->st.reader_open)
		return;
	l->st.focus = id;
	if (id != UI_PANE_TREE)
		l->st.right = id;
}

void
ui_layout_focus_next(struct ui_layout *l, int dir)
{
	enum ui_pane_id order[UI_PANE_COUNT];
	int n = 0, at = 0;

	/* In the split layout Tab moves between the tree and the right side. */
	if (l->mode == UI_LAYOUT_SPLIT && !l->st.zoom) {
		order[n++] = UI_PANE_TREE;
		order[n++] = l->st.reader_open ? l->st.right : UI_PANE_LIST;
	} else {
		order[n++] = UI_PANE_TREE;
		order[n++] = UI_PANE_LIST;
		if (l->st.reader_open)
			order[n++] = UI_PANE_READER;
	}
	for (int i = 0; i < n; i++)
		if (order[i] == l->st.focus)
			at = i;
	ui_layout_focus(l, order[(at + n + dir) % n]);
}

void
ui_layout_toggle_zoom(struct ui_layout *l)
{
	l->st.zoom = !l->st.zoom;
}

void
ui_layout_set_reader_open(struct ui_layout *l, bool open)
{
	l->st.reader_open = open;
	if (!open && l->st.right == UI_PANE_READER)
		l->st.right = UI_PANE_LIST;
	if (!open && l->st.focus == UI_PANE_READER)
		l->st.focus = UI_PANE_LIST;
}

void
ui_layout_set_overlay(struct ui_layout *l, struct ui_pane *overlay)
{
	free_pane(l->overlay);
	l->overlay = overlay;
}

struct ui_pane *
ui_layout_pane_at(struct ui_layout *l, int *y, int *x)
{
	struct ui_pane *cand[UI_PANE_COUNT + 1];
	int n = 0;

	if (l->mode == UI_LAYOUT_TOO_SMALL)
		return NULL;
	if (l->overlay)
		cand[n++] = l->overlay;
	else
		for (int i = 0; i < UI_PANE_COUNT; i++)
			cand[n++] = l->panes[i];
	for (int i = 0; i < n; i++) {
		int by, bx;

		if (!cand[i]->win)
			continue;
		getbegyx(cand[i]->win, by, bx);
		if (*y >= by && *y < by + cand[i]->h && *x >= bx &&
		    *x < bx + cand[i]->w) {
			*y -= by;
			*x -= bx;
			return cand[i];
		}
	}
	return NULL;
}

int
ui_layout_id(const struct ui_layout *l, const struct ui_pane *p)
{
	for (int i = 0; i < UI_PANE_COUNT; i++)
		if (l->panes[i] == p)
			return i;
	return -1;
}
