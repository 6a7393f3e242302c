/* SPDX-License-Identifier: MIT */
/*
 * ui-pane: what every pane is. A pane is an object with a small vtable:
 * it draws itself into its window, handles the commands sent to it, learns
 * of a new size, and frees itself. The layout manager (ui-layout) owns the
 * windows, the geometry and the focus; a pane only fills the window it is
 * given.
 *
 * Handlers return flags and never refresh: the event loop collects the
 * flags, asks the dirty panes to draw (wnoutrefresh), and calls doupdate
 * once per input event.
 */
#ifndef NR_UI_PANE_H
#define NR_UI_PANE_H

#include <stdbool.h>
#include <curses.h>

#include "ui-command.h"

struct ui;
struct ui_pane;

/* What a handler did, as bits. */
enum ui_result {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0,	/* the command meant something here */
	UI_DIRTY = 1 << 1,	/* the pane that handled it must be drawn */
	UI_DIRTY_ALL = 1 << 2,	/* every pane and both bars must be drawn */
	UI_RELAYOUT = 1 << 3,	/* visibility or focus changed: lay out anew */
	UI_QUIT = 1 << 4,	/* leave the event loop */
	UI_CLOSE = 1 << 5,	/* close the overlay that handled it */
};

struct ui_pane_ops {
	const char *name;	/* the pane's key table: "tree", "list"... */
	/* Draw everything into p->win (not refreshed). */
	void (*draw)(struct ui_pane *p, struct ui *ui);
	/*
	 * Handle cmd. count is the number typed before the key, 0 when none
	 * (UI_COUNT() gives the usual default of 1). Returns enum ui_result bits.
	 */
	int (*key)(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count);
	/* p->win has a new size (p->h x p->w); keep the reading position. */
	void (*resize)(struct ui_pane *p, struct ui *ui);
	/* A click at (y, x) in the window; may be NULL. */
	int (*click)(struct ui_pane *p, struct ui *ui, int y, int x);
	/* Free the pane (its window belongs to the layout). */
	void (*free)(struct ui_pane *p);
};

/*
 * The part of a pane the layout manager sees. Concrete panes embed it as
 * their first member.
 */
struct ui_pane {
	const struct ui_pane_ops *ops;
	WINDOW *win;		/* owned by the layout; NULL while hidden */
	int h, w;		/* the window's size in cells; 0 while hidden */
	bool dirty;		/* draw at the next update */
	bool fresh;		/* the layout changed: draw everything (a
				 * pane may otherwise draw only what changed) */
	bool focused;		/* set by the layout */
};

/* A typed count, or 1 when none was typed. */
#define UI_COUNT(c) ((c) > 0 ? (c) : 1)

/* Mark p to be drawn at the next update. */
static inline void
ui_pane_touch(struct ui_pane *p)
{
	p->dirty = true;
}

#endif
