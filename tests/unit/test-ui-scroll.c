/* SPDX-License-Identifier: MIT */
/*
 * Tests for ui-scroll on a real curses screen: a pseudo-terminal of 80x24
 * described as xterm-256color, whose bytes are read back. A line of
 * scroll in a window that spans the width sends the scroll (SU) and the
 * new line; the region stays set while nothing else is drawn and is given
 * back when something is; beside another window whose rows differ little,
 * rows are deleted and inserted and the other window's cells put back;
 * beside one that would cost more to put back, curses is left to it.
 * What the terminal then shows is checked by the screen tests (tmux).
 *
 * putp() and mvcur() write to stdout, so the terminal is made stdout
 * while a screen is open; the checks are kept and printed once stdout is
 * the test's again.
 */
#include "config.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pty.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "strvec.h"
#include "tap.h"
#include "ui-scroll.h"

#define MAX_CHECKS 32

struct term {
	int master;
	int saved_stdout;	/* the test's stdout while the pty is */
	SCREEN *screen;
	FILE *in;
	struct ui_scroll scroll;
	struct buf sent;	/* the bytes of the last update */
	/* The checks made while stdout is the terminal, printed after. */
	bool passed[MAX_CHECKS];
	struct strvec names;
};

static void
check(struct term *t, bool cond, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
check(struct term *t, bool cond, const char *fmt, ...)
{
	struct buf name = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&name, fmt, ap);
	va_end(ap);
	if (t->names.nr < MAX_CHECKS) {
		t->passed[t->names.nr] = cond;
		strvec_push(&t->names, name.buf);
	}
	buf_release(&name);
}

/* Read what the program wrote since the last call into t->sent. */
static void
drain(struct term *t)
{
	char b[4096];
	ssize_t n;

	buf_reset(&t->sent);
	while ((n = read(t->master, b, sizeof b)) > 0)
		buf_add(&t->sent, b, (size_t)n);
}

static bool
sent(const struct term *t, const char *s)
{
	return strstr(t->sent.buf, s) != NULL;
}

/* How many times s was sent. */
static int
times_sent(const struct term *t, const char *s)
{
	int n = 0;

	for (const char *p = t->sent.buf; (p = strstr(p, s)); p += strlen(s))
		n++;
	return n;
}

static int
open_term(struct term *t)
{
	struct winsize ws = { 24, 80, 0, 0 };
	int slave;

	memset(t, 0, sizeof *t);
	buf_init(&t->sent, 0);
	strvec_init(&t->names);
	t->saved_stdout = -1;
	if (openpty(&t->master, &slave, NULL, NULL, &ws) < 0)
		return -1;
	fcntl(t->master, F_SETFL, O_NONBLOCK);
	fflush(stdout);
	t->saved_stdout = dup(STDOUT_FILENO);
	dup2(slave, STDOUT_FILENO);
	t->in = fdopen(slave, "r");
	t->screen = newterm("xterm-256color", stdout, t->in);
	if (!t->screen)
		return -1;
	typeahead(-1);
	curs_set(0);
	ui_scroll_init(&t->scroll, stdout);
	return 0;
}

/* Close the screen, give stdout back and print the checks. */
static void
close_term(struct term *t, int nchecks)
{
	if (t->screen) {
		ui_scroll_whole_screen(&t->scroll);
		endwin();
		delscreen(t->screen);
	}
	fflush(stdout);
	if (t->saved_stdout >= 0) {
		dup2(t->saved_stdout, STDOUT_FILENO);
		close(t->saved_stdout);
	}
	if (t->in)
		fclose(t->in);
	close(t->master);
	if (!t->screen)
		for (int i = 0; i < nchecks; i++)
			tap_skip("no pseudo-terminal or no xterm-256color description");
	for (size_t i = 0; i < t->names.nr; i++)
		ok(t->passed[i], "%s", t->names.v[i]);
	strvec_clear(&t->names);
	ui_scroll_release(&t->scroll);
	buf_release(&t->sent);
}

/* The update, as ui.c does it. */
static void
update(struct term *t)
{
	leaveok(newscr, TRUE);
	ui_scroll_before_update(&t->scroll);
	doupdate();
	drain(t);
}

/* Row y of w: text, then blanks to the window's edge. */
static void
put_row(WINDOW *w, int y, const char *text)
{
	wmove(w, y, 0);
	waddstr(w, text);
	wclrtoeol(w);
}

/* Draw rows [from, to) of w as "PREFIX N: ..." for lines first + y. */
static void
fill(WINDOW *w, const char *prefix, int first, int from, int to, int len)
{
	char row[256];

	for (int y = from; y < to; y++) {
		int n = snprintf(row, sizeof row, "%s%d:", prefix, first + y);

		for (; n < len && n < (int)sizeof row - 1; n++)
			row[n] = (char)('a' + (first + y + n) % 26);
		row[n] = '\0';
		put_row(w, y, row);
	}
}

/* The text of curscr's row y, columns x..x+n-1. */
static const char *
shown(int y, int x, int n)
{
	static char row[256];

	mvwinnstr(curscr, y, x, row, n);
	return row;
}

static void
test_full_width(void)
{
	struct term t;
	WINDOW *w, *status;

	if (open_term(&t) < 0) {
		close_term(&t, 9);
		return;
	}
	w = newwin(22, 80, 1, 0);
	status = newwin(1, 80, 23, 0);
	fill(w, "line ", 0, 0, 22, 60);
	put_row(status, 0, "status");
	wnoutrefresh(w);
	wnoutrefresh(status);
	update(&t);

	/* j: the region is set once, SU, the new line and nothing else */
	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "line ", 1, 21, 22, 60);
	wnoutrefresh(w);
	update(&t);
	check(&t, sent(&t, "\033[2;23r"), "the scroll region is set over the window's rows");
	check(&t, sent(&t, "\033[1S"), "the rows are scrolled with SU");
	check(&t, times_sent(&t, "line ") == 1, "one line of text is sent");
	check(&t, sent(&t, "line 22:"), "the new one");
	check(&t, !sent(&t, "\033[1;24r"), "the region is left set");

	/* j again: SU and the line */
	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "line ", 2, 21, 22, 60);
	wnoutrefresh(w);
	update(&t);
	check(&t, !sent(&t, "\033[2;23r") && sent(&t, "\033[1S") &&
	    times_sent(&t, "line ") == 1, "then SU and the line alone");
	check(&t, t.sent.len <= 4 + 3 + 60, "%zu bytes for a line of 60", t.sent.len);

	/* k with the status line changing: the region is given back */
	ui_scroll_window(&t.scroll, w, -1);
	fill(w, "line ", 1, 0, 1, 60);
	wnoutrefresh(w);
	put_row(status, 0, "status 2");
	wnoutrefresh(status);
	update(&t);
	check(&t, sent(&t, "\033[1T") && sent(&t, "\033[1;24r"),
	    "scrolled back with SD, then the region given back for the status line");
	check(&t, !strcmp(shown(1, 0, 7), "line 1:"),
	    "curses' picture has the line back on top");
	delwin(status);
	delwin(w);
	close_term(&t, 0);
}

static void
test_beside(void)
{
	struct term t;
	WINDOW *tree, *w;

	if (open_term(&t) < 0) {
		close_term(&t, 7);
		return;
	}
	/* A tree whose rows differ in a cell or two, beside long lines. */
	tree = newwin(22, 20, 1, 0);
	w = newwin(22, 59, 1, 21);
	fill(tree, "cat ", 0, 0, 22, 0);
	fill(w, "line ", 0, 0, 22, 55);
	wnoutrefresh(tree);
	wnoutrefresh(w);
	update(&t);

	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "line ", 1, 21, 22, 55);
	wnoutrefresh(w);
	update(&t);
	check(&t, sent(&t, "\033[M") && sent(&t, "\033[L"),
	    "beside the tree, lines are deleted and inserted");
	check(&t, !sent(&t, "\033[2;23r"), "with no region to set");
	check(&t, times_sent(&t, "line ") == 1, "one line of the pane is sent");
	check(&t, sent(&t, "line 22:"), "the new one");
	check(&t, !strcmp(shown(1, 0, 5), "cat 0"), "the tree's first row is put back");
	check(&t, !strcmp(shown(22, 0, 6), "cat 21"), "and its last");

	/* Long tree rows beside short lines: cheaper to let curses send the
	 * pane's rows than to put the tree back. */
	fill(tree, "category ", 0, 0, 22, 20);
	fill(w, "l", 0, 0, 22, 0);
	wnoutrefresh(tree);
	wnoutrefresh(w);
	update(&t);
	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "l", 1, 21, 22, 0);
	wnoutrefresh(w);
	update(&t);
	check(&t, !sent(&t, "\033[M") && !sent(&t, "\033[1S") &&
	    !sent(&t, "category"), "otherwise curses sends the pane's rows");
	delwin(tree);
	delwin(w);
	close_term(&t, 0);
}

/*
 * A terminal with left and right margins: beside the tree, the pane's
 * columns alone are scrolled (SU between margins) and the new line
 * written here; the tree is not sent again, and curses' cursor and the
 * whole screen are given back when anything else is drawn.
 */
static void
test_margins(void)
{
	struct term t;
	WINDOW *tree, *w, *status;

	if (open_term(&t) < 0) {
		close_term(&t, 16);
		return;
	}
	tree = newwin(22, 20, 1, 0);
	w = newwin(22, 59, 1, 21);
	status = newwin(1, 80, 23, 0);
	fill(tree, "category ", 0, 0, 22, 20);
	fill(w, "line ", 0, 0, 22, 55);
	put_row(status, 0, "status");
	wnoutrefresh(tree);
	wnoutrefresh(w);
	wnoutrefresh(status);
	update(&t);
	ui_scroll_margins_found(&t.scroll);
	drain(&t);
	check(&t, sent(&t, "\033[?69h"), "the margins' mode is turned on");

	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "line ", 1, 21, 22, 55);
	wnoutrefresh(w);
	update(&t);
	check(&t, sent(&t, "\0337\033[2;23r\033[22;80s\033[S"),
	    "cursor saved, region and margins set, SU");
	check(&t, !sent(&t, "category") && !sent(&t, "\033[M"),
	    "the tree is not sent again");
	check(&t, times_sent(&t, "line ") == 1 && sent(&t, "line 22:"),
	    "the new line is");
	check(&t, sent(&t, "\033[23;22Hline 22:"), "where it belongs");
	check(&t, !sent(&t, "\0338") && !sent(&t, "\033[s"),
	    "the margins stay set");
	check(&t, !strcmp(shown(1, 0, 10), "category 0") &&
	    !strcmp(shown(1, 21, 7), "line 1:") &&
	    !strcmp(shown(22, 21, 8), "line 22:"),
	    "curses' picture: the tree unmoved, the pane scrolled");

	/* j again: SU, the column on the same row, the line */
	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "line ", 2, 21, 22, 55);
	wnoutrefresh(w);
	update(&t);
	check(&t, !strncmp(t.sent.buf, "\033[S\033[22Gline 23:",
	    strlen("\033[S\033[22Gline 23:")),
	    "then SU, the column and the line");
	check(&t, t.sent.len <= 3 + 5 + 55, "%zu bytes for a line of 55",
	    t.sent.len);

	/* A control character in a cell (curses keeps C1 as it is) */
	ui_scroll_window(&t.scroll, w, 1);
	fill(w, "line ", 3, 21, 22, 55);
	{
		cchar_t c;
		wchar_t csi[] = { 0x9b, 0 };

		setcchar(&c, csi, A_NORMAL, 0, NULL);
		mvwadd_wch(w, 21, 10, &c);
	}
	wnoutrefresh(w);
	update(&t);
	check(&t, times_sent(&t, "line ") == 1 && !sent(&t, "\xc2\x9b") &&
	    sent(&t, "line 24:gh?j"), "a C1 control in a cell is sent as ?");

	/* k with the status line changing: everything given back */
	ui_scroll_window(&t.scroll, w, -1);
	fill(w, "line ", 2, 0, 1, 55);
	wnoutrefresh(w);
	put_row(status, 0, "status 2");
	wnoutrefresh(status);
	update(&t);
	check(&t, sent(&t, "\033[T\033[s\033[1;24r\0338"),
	    "SD, then margins, region and cursor given back");
	check(&t, times_sent(&t, "line ") == 1 &&
	    sent(&t, "\033[2;22Hline 2:") && !strcmp(shown(23, 0, 8), "status 2"),
	    "curses sends the new line and the status");
	check(&t, !strcmp(shown(1, 21, 7), "line 2:") &&
	    !strcmp(shown(2, 21, 7), "line 3:") &&
	    !strcmp(shown(1, 0, 10), "category 0"),
	    "curses' picture has the line back on top, the tree in place");

	/* The terminal given to someone else (endwin, C-z), then taken back */
	ui_scroll_give_back(&t.scroll);
	drain(&t);
	check(&t, sent(&t, "\033[?69l"), "given back: the mode is turned off");
	check(&t, t.scroll.margins, "and known to be there for later");
	ui_scroll_take_back(&t.scroll);
	drain(&t);
	check(&t, sent(&t, "\033[?69h"), "taken back: on again");
	delwin(status);
	delwin(tree);
	delwin(w);
	close_term(&t, 0);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_full_width();
	test_beside();
	test_margins();
	return tap_done();
}
