/* SPDX-License-Identifier: MIT */
/*
 * ui-term: the terminal itself. Choosing a terminal description (TERM,
 * falling back to xterm-256color then vt100 with a warning), starting and
 * ending curses, the mouse, signals, reading keys, and writing the few
 * sequences curses does not know (OSC 52).
 *
 * Scrolling: ui_term_scroll() scrolls a window's rows on the terminal
 * itself (ui-scroll); the scroll region and margins it may leave set are
 * given back before any other update, before a child gets the terminal,
 * and at the end, when the margins' mode is turned off too.
 *
 * Signals: SIGTERM, SIGHUP (an SSH disconnect) and SIGINT are caught and
 * written to a self-pipe that the event loop polls, so they end the loop
 * in order. SIGWINCH is left to curses, which turns it into KEY_RESIZE.
 * SIGPIPE is ignored (a vanished terminal gives EIO instead).
 */
#ifndef NR_UI_TERM_H
#define NR_UI_TERM_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <curses.h>

#include "buf.h"
#include "ui-keys.h"
#include "ui-scroll.h"

struct error;

struct ui_term {
	SCREEN *screen;		/* NULL while closed */
	FILE *out;		/* the terminal: stdout */
	FILE *in;		/* stdin, or /dev/tty when stdin is not one */
	bool own_in;		/* in was opened here */
	WINDOW *input;		/* 1x1, never drawn: keys are read through it */
	int sig_pipe[2];	/* the signal handlers write here */
	bool mouse;		/* mouse events are reported */
	bool color;		/* the terminal has colours */
	char *term_name;	/* the description in use; owned */
	char *warning;		/* a fallback to report, or NULL; owned */
	struct buf pending;	/* bytes to write after the next doupdate */
	struct sigaction old[3];/* the handlers replaced */
	struct ui_scroll scroll;	/* the scroll region we keep */
	/* The key codes the answers about margins come as (ask_margins());
	 * -1: not asked */
	int key_margins_yes, key_margins_no;
};

enum ui_term_event {
	UI_TERM_NONE,		/* nothing pending */
	UI_TERM_KEY,		/* *key holds a key */
	UI_TERM_MOUSE,		/* *mouse holds an event */
	UI_TERM_RESIZE,		/* the window changed size */
};

/* A mouse event in screen coordinates. */
struct ui_mouse {
	int y, x;
	enum { UI_MOUSE_CLICK, UI_MOUSE_WHEEL_UP, UI_MOUSE_WHEEL_DOWN } what;
};

/*
 * Take the terminal. Fails (-1, err set) when stdout is not a terminal,
 * TERM is dumb, or no description can address the cursor; the message
 * suggests --list and --dump. want_margins: ask the terminal whether it
 * has left and right margins, and scroll a pane beside another between
 * them if it answers that it has.
 */
int ui_term_open(struct ui_term *t, bool want_mouse, bool want_margins,
    struct error *err);
/* Give the terminal back as it was. Safe to call twice. */
void ui_term_close(struct ui_term *t);

/* The descriptor to poll for keys. */
int ui_term_fd(const struct ui_term *t);
/* The descriptor to poll for signals. */
int ui_term_signal_fd(const struct ui_term *t);
/* Read a caught signal's number, or 0 when none is pending. */
int ui_term_signal(struct ui_term *t);

/* Read one event without waiting. */
enum ui_term_event ui_term_read(struct ui_term *t, ui_key *key,
    struct ui_mouse *mouse);
/*
 * Scroll window w's contents by n lines (n > 0: up) as wscrl() does, on
 * the terminal itself when that is cheaper (ui_scroll_window()); the
 * caller then draws the rows that came into view. Call it while drawing,
 * before the window's wnoutrefresh().
 */
void ui_term_scroll(struct ui_term *t, WINDOW *w, int n);

/* Just before doupdate() (ui_scroll_before_update()). */
void ui_term_before_update(struct ui_term *t);
/*
 * Before the process stops (C-z), as ui_term_suspend() and ui_term_close()
 * do: the whole screen as the scroll region, no margins and their mode
 * off (ui_scroll_give_back()); ui_term_take_back() once it runs again.
 */
void ui_term_give_back(struct ui_term *t);
void ui_term_take_back(struct ui_term *t);

/* Queue raw bytes for the terminal, written by ui_term_flush(). */
void ui_term_queue(struct ui_term *t, const char *s, size_t len);
/* Write what was queued (after doupdate()). */
void ui_term_flush(struct ui_term *t);

/*
 * Give the terminal to a child for a while (endwin) and take it back;
 * between the two, the screen is the child's.
 */
void ui_term_suspend(struct ui_term *t);
void ui_term_resume(struct ui_term *t);

#endif
