/* SPDX-License-Identifier: MIT */
/*
 * ui-layout: the layout manager. It owns the screen's geometry, the
 * panes' windows and the focus.
 *
 * The screen is a title bar (row 0), the body, and a status line (the last
 * row). The body holds the three panes by width:
 *
 *   cols >= 120   tree | list | reader, side by side
 *   60..119       tree | one of list or reader (the "right side")
 *   < 60          one pane, the focused one, fills the body
 *   < 20 x 6      nothing but a message that the screen is too small
 *
 * A one-column rule separates panes side by side. Zoom lets the focused
 * pane fill the body at any width. An overlay (the help screen, the link
 * list) covers the body while it is open and takes the keys.
 *
 * The geometry is computed by ui_layout_compute(), a pure function, so the
 * width rules are tested without a terminal.
 */
#ifndef NR_UI_LAYOUT_H
#define NR_UI_LAYOUT_H

#include <stdbool.h>
#include <curses.h>

struct ui;
struct ui_pane;

enum ui_pane_id {
	UI_PANE_TREE,
	UI_PANE_LIST,
	UI_PANE_READER,
	UI_PANE_COUNT
};

enum ui_layout_mode {
	UI_LAYOUT_THREE,	/* three panes side by side */
	UI_LAYOUT_SPLIT,	/* tree + right side */
	UI_LAYOUT_SINGLE,	/* one pane */
	UI_LAYOUT_TOO_SMALL,
};

#define UI_MIN_COLS 20
#define UI_MIN_LINES 6
#define UI_THREE_COLS 120
#define UI_SPLIT_COLS 60

/* A rectangle in screen cells; w == 0 means hidden. */
struct ui_rect {
	int y, x, h, w;
};

/* What the geometry depends on besides the size. */
struct ui_layout_state {
	enum ui_pane_id focus;	/* the focused pane */
	enum ui_pane_id right;	/* UI_PANE_LIST or UI_PANE_READER */
	bool zoom;		/* the focused pane fills the body */
	bool reader_open;	/* an article is loaded in the reader */
};

/*
 * Compute the mode and each pane's rectangle (and the rules' columns,
 * sep[i] = -1 when unused) for a lines x cols screen.
 */
enum ui_layout_mode ui_layout_compute(int lines, int cols,
    const struct ui_layout_state *st, struct ui_rect panes[UI_PANE_COUNT],
    int sep[2]);

struct ui_layout {
	struct ui_pane *panes[UI_PANE_COUNT];	/* owned */
	struct ui_pane *overlay;	/* owned; NULL when none is open */
	struct ui_layout_state st;
	enum ui_layout_mode mode;
	int lines, cols;		/* the screen's size */
	struct ui_rect rect[UI_PANE_COUNT];
	int sep[2];			/* rule columns, -1 when unused */
	WINDOW *rule[2];		/* the rules' windows, or NULL */
	WINDOW *body;			/* the overlay's or message's window */
	bool rules_dirty;
};

/* Take the panes (ownership passes to the layout). */
void ui_layout_init(struct ui_layout *l, struct ui_pane *tree,
    struct ui_pane *list, struct ui_pane *reader);
void ui_layout_release(struct ui_layout *l);

/*
 * Lay the screen out anew for lines x cols: windows are made for the
 * visible panes (and dropped for hidden ones) and resize() is called on
 * each pane whose size changed. Everything visible is marked dirty.
 */
void ui_layout_apply(struct ui_layout *l, struct ui *ui, int lines, int cols);

/*
 * Draw every dirty visible pane (or the overlay, or the too-small message)
 * and the rules into curses' virtual screen with wnoutrefresh(). With all,
 * everything is drawn whether dirty or not.
 */
void ui_layout_draw(struct ui_layout *l, struct ui *ui, bool all);

/* The pane that gets the keys: the overlay if open, else the focused one. */
struct ui_pane *ui_layout_focused(const struct ui_layout *l);

/* Focus pane id (showing it if it was hidden). Call ui_layout_apply after. */
void ui_layout_focus(struct ui_layout *l, enum ui_pane_id id);
/* Focus the next (dir 1) or previous (dir -1) pane that can be shown. */
void ui_layout_focus_next(struct ui_layout *l, int dir);
void ui_layout_toggle_zoom(struct ui_layout *l);
/* Say whether the reader has an article; it cannot be focused without. */
void ui_layout_set_reader_open(struct ui_layout *l, bool open);

/* Open an overlay (taking it; any previous one is freed) or close it. */
void ui_layout_set_overlay(struct ui_layout *l, struct ui_pane *overlay);

/*
 * The pane at screen position (y, x), with (y, x) turned into the pane's
 * window coordinates; NULL when none is there.
 */
struct ui_pane *ui_layout_pane_at(struct ui_layout *l, int *y, int *x);

/* The id of pane p, or -1 for the overlay. */
int ui_layout_id(const struct ui_layout *l, const struct ui_pane *p);

#endif
