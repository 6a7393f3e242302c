/* SPDX-License-Identifier: MIT */
/*
 * ui-status: the title bar (top row) and the status line (bottom row).
 *
 * The title bar names the view ("新媒体 / 趣头条", "搜索: 疫情"). The status
 * line shows, left to right, a message or warning (or the prompt, which
 * draws itself there), then the mode ("read-only"), the scan's progress
 * and the position. Messages
 * queue: the first stays until the next key, then the next one shows; so
 * several start-up warnings are each seen. Everything shown is scrubbed
 * of control characters as it is drawn.
 */
#ifndef NR_UI_STATUS_H
#define NR_UI_STATUS_H

#include <stdbool.h>
#include <curses.h>

#include "buf.h"

struct ui;

struct ui_status_msg {
	char *text;		/* owned */
	bool warning;
};

struct ui_status {
	WINDOW *title_win;	/* row 0; NULL while the screen is too small */
	WINDOW *line_win;	/* the last row */
	int cols;
	struct buf title;	/* the view's name */
	struct buf position;	/* "12/345" */
	struct buf progress;	/* "扫描 12,345/100,000" while scanning */
	struct buf pending;	/* a count being typed, "3" */
	struct buf mode;	/* what holds all the session: "read-only" */
	struct ui_status_msg *msgs;	/* queue; msgs[0] is shown */
	size_t nmsgs, alloc;
	bool shown;		/* msgs[0] has been on screen */
	bool dirty;		/* draw the bars at the next update */
};

void ui_status_init(struct ui_status *s);
void ui_status_release(struct ui_status *s);

/* Make the bars' windows for a lines x cols screen (none when too small). */
void ui_status_place(struct ui_status *s, int lines, int cols, bool too_small);

/* Setters mark the bars dirty when the text changes. */
void ui_status_set_title(struct ui_status *s, const char *title);
void ui_status_set_position(struct ui_status *s, const char *pos);
void ui_status_set_progress(struct ui_status *s, const char *progress);
void ui_status_set_pending(struct ui_status *s, const char *pending);
void ui_status_set_mode(struct ui_status *s, const char *mode);
void ui_status_push(struct ui_status *s, bool warning, const char *text);
/* A key was pressed: retire the message that has been seen. */
void ui_status_key(struct ui_status *s);
/* The message on show, or NULL. */
const char *ui_status_current(const struct ui_status *s);

/*
 * Draw both bars (wnoutrefresh). When prompt_active, the status line's
 * left part is left to the prompt.
 */
void ui_status_draw(struct ui_status *s, struct ui *ui, bool prompt_active);

#endif
