/* SPDX-License-Identifier: MIT */
/*
 * ui-scroll: scrolling a window's rows on the terminal itself, so a line
 * of scroll costs a scroll sequence and the line that came into view.
 *
 * Curses can scroll part of the screen, but at a price: it finds the
 * scroll by hashing whole rows, and then sets a scroll region, scrolls,
 * resets the region and addresses the cursor afresh, some 30 bytes around
 * each line of text. When other panes share the rows (the tree beside
 * the reader), whole rows never match and it scrolls nothing: every line
 * of the pane is sent again.
 *
 * ui_scroll_window() scrolls the terminal's rows under the window with a
 * scroll region of its own, kept set while nothing else is drawn (a
 * reader scrolled line by line costs one indn and the new line), or by
 * deleting and inserting lines when something else is drawn too, and
 * tells curses: both of its pictures of the screen, curscr (what the
 * terminal shows) and newscr (what the next update is to show), are
 * scrolled alike over those rows. Cells of other windows that share the
 * rows moved with them on the terminal; they are put back in newscr, so
 * the update rewrites them where they differ from the row they came from
 * (a tree's rows differ in a few cells, a reader's line in all of them).
 * Which of the two costs less is estimated from curscr first.
 *
 * A terminal with left and right margins (xterm's DECLRMM and DECSLRM;
 * ui-term asks it with DECRQM and calls ui_scroll_margins_found() when it
 * answers) scrolls the window's columns alone: the region and the
 * margins set, SU or SD, and the tree beside does not move. Curses does
 * not know margins, and some of its cursor motions (a carriage return)
 * mean something else between them, so while they are set the rows are
 * written here (write_row(): the cursor addressed absolutely, the cells
 * as newscr has them, then copied into curscr), and curses' own update
 * runs only once they are given back. Curses' cursor is saved (sc) when
 * the margins are taken and restored (rc) when they are given back, so
 * what curses believes of the cursor and the attributes stays true.
 *
 * Invariants: curscr is what the terminal shows after every doupdate()
 * (ui-term turns typeahead off, so no update stops half-way); the
 * terminal's scroll region is top..bot, or the whole screen when top is
 * -1; an update that writes outside the region, or more than one row in
 * it, runs with the whole screen as the region (ui_scroll_before_update),
 * because curses' cursor motions (a line feed from the region's last
 * row, a wrap at its end) and its own scrolls assume that. While left
 * and right margins are set (saved), curses writes nothing: an update
 * that would write anything but cells between them, in the region,
 * gives them back first.
 */
#ifndef NR_UI_SCROLL_H
#define NR_UI_SCROLL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <curses.h>

struct ui_scroll {
	FILE *out;		/* stdout, where putp() and mvcur() write: curses'
				 * terminal must be stdout; borrowed */
	int top, bot;		/* the terminal's scroll region, screen rows;
				 * top -1: the whole screen */
	/* A scroll curses' pictures have made and the terminal not yet:
	 * rows owe_top..owe_bot by owe_n (0: none). It is sent just before
	 * the update, when it is known whether the region can stay. */
	int owe_top, owe_bot, owe_n;
	int owe_left, owe_right;/* its columns when it is a scroll between
				 * left and right margins; owe_left -1: rows */
	cchar_t *cells;		/* scratch: other windows' cells in the rows */
	size_t alloc;		/* cells allocated */
	/* Left and right margins (DECLRMM, DECSLRM), when the terminal has
	 * said it has them (ui_scroll_margins_found()). */
	bool margins;		/* the mode is on */
	int left, right;	/* the margins set, screen columns; -1: none */
	bool saved;		/* curses' cursor saved (sc): since then the
				 * rows were written here, not by curses */
	int cy, cx;		/* where those writes left the cursor; -1:
				 * not known */
};

void ui_scroll_init(struct ui_scroll *s, FILE *out);
void ui_scroll_release(struct ui_scroll *s);

/*
 * Scroll window w's contents by n lines (n > 0: up, towards its first
 * row), as wscrl() does, while drawing (before w's wnoutrefresh()); the
 * caller then draws the rows that came into view. The terminal is
 * scrolled here when it can scroll a region and that costs less than
 * sending the window's rows again; otherwise curses works it out.
 */
void ui_scroll_window(struct ui_scroll *s, WINDOW *w, int n);

/*
 * Just before doupdate(): give the terminal its whole screen back unless
 * the update writes one row at most, inside the region.
 */
void ui_scroll_before_update(struct ui_scroll *s);

/* Give the terminal its whole screen back now (before endwin()). */
void ui_scroll_whole_screen(struct ui_scroll *s);

/*
 * The terminal has answered that it has left and right margins: turn the
 * mode on, and from now scroll a window beside others between margins.
 */
void ui_scroll_margins_found(struct ui_scroll *s);

/*
 * Before the terminal goes to someone else (endwin(), a child, a stop):
 * the whole screen back and the margins' mode off, which would change
 * what CSI s means to the shell. ui_scroll_take_back() turns the mode on
 * again when the terminal is ours again.
 */
void ui_scroll_give_back(struct ui_scroll *s);
void ui_scroll_take_back(struct ui_scroll *s);

#endif
