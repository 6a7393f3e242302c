/* SPDX-License-Identifier: MIT */
/*
 * ui-scroll: a window's rows scrolled on the terminal, and curses told.
 *
 * The sequences. Curses' pictures are scrolled at once (the window's new
 * rows are drawn after); the terminal's bytes are owed until just before
 * the update, when it is known whether the region can stay set. If it
 * can, or is set already: csr once (the cursor kept with sc/rc, as csr
 * homes it), then one indn or rin per scroll, which leave the cursor
 * alone (ind or ri from the region's edge when the terminal has only
 * those). If it cannot: delete lines at one end, insert as many at the
 * other (dl/il), 19 bytes with no region to set and reset.
 *
 * Between margins (a window beside another, on a terminal that has
 * them): sc, csr and DECSLRM once, then SU or SD (the ECMA-48 forms, as
 * DECSLRM has no terminfo capability every terminal shares) and the new
 * rows' cells, the cursor put by hpa on its row or cup. A line of scroll
 * beside the tree is then some 8 bytes and the line. Given back: DECSLRM
 * with no parameters (the whole width), csr, rc.
 *
 * putp() and mvcur() write through stdio, not through curses' own
 * buffer, so every sequence is flushed at once: curses has nothing
 * buffered between updates (it flushes at the end of each), and the
 * bytes reach the terminal in order.
 *
 * Telling curses: curscr and newscr are scrolled over the same rows and
 * those rows marked unchanged, so doupdate() neither compares nor hashes
 * them. Rows curses does not look at keep their old line hashes in both
 * pictures alike; with one row pending (the usual line of scroll) no
 * other row can be paired with it, so curses never decides on a scroll
 * of its own while the region is set.
 */
#include "config.h"
#include "ui-scroll.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

#include "utf8.h"
#include "xmalloc.h"

void
ui_scroll_init(struct ui_scroll *s, FILE *out)
{
	memset(s, 0, sizeof *s);
	s->out = out;
	s->top = s->bot = -1;
	s->owe_left = s->left = s->right = -1;
	s->cy = s->cx = -1;
}

void
ui_scroll_release(struct ui_scroll *s)
{
	FILE *out = s->out;

	free(s->cells);
	ui_scroll_init(s, out);
}

/* --- the terminal --- */

/* A string capability the terminal has (not absent, not cancelled). */
static bool
has(const char *cap)
{
	return cap && cap != (const char *)-1;
}

/*
 * Set the terminal's scroll region to rows top..bot, keeping the cursor
 * where curses thinks it is: csr homes the cursor, so it is saved and
 * restored around it, or else curses is told it is at the home position.
 */
static void
set_region(struct ui_scroll *s, int top, int bot)
{
	bool keep = has(save_cursor) && has(restore_cursor);

	if (keep)
		putp(save_cursor);
	putp(tiparm(change_scroll_region, top, bot));
	if (keep)
		putp(restore_cursor);
	else
		mvcur(-1, -1, 0, 0);
	fflush(s->out);
	s->top = top;
	s->bot = bot;
}

static void leave_margins(struct ui_scroll *);

void
ui_scroll_whole_screen(struct ui_scroll *s)
{
	if (s->saved) {
		leave_margins(s);
		return;
	}
	if (s->top < 0)
		return;
	set_region(s, 0, LINES - 1);
	s->top = s->bot = -1;
}

/* Whether the terminal can scroll a region by n. */
static bool
can_region(int n)
{
	return has(change_scroll_region) &&
	    (has(n > 0 ? parm_index : parm_rindex) ||
	    has(n > 0 ? scroll_forward : scroll_reverse));
}

/* Whether it can delete and insert lines. */
static bool
can_idl(void)
{
	return (has(delete_line) || has(parm_delete_line)) &&
	    (has(insert_line) || has(parm_insert_line));
}

/* Whether margins can be used with this description: a region, the
 * cursor saved and addressed. */
static bool
can_margins(void)
{
	return has(change_scroll_region) && has(save_cursor) &&
	    has(restore_cursor) && has(cursor_address);
}

/* Write one k times, or many with k when it has it. */
static void
put_times(const char *one, const char *many, int k)
{
	if (has(many) && (k > 1 || !has(one))) {
		putp(tiparm(many, k));
	} else {
		for (int i = 0; i < k; i++)
			putp(one);
	}
}

/*
 * Scroll the terminal's rows top..bot by n, in a region (set here if it
 * is not, and left set): one indn or rin, which leave the cursor alone,
 * or ind or ri from the region's edge.
 */
static void
scroll_region(struct ui_scroll *s, int top, int bot, int n)
{
	const char *many = n > 0 ? parm_index : parm_rindex;
	int k = n > 0 ? n : -n;

	if (s->top != top || s->bot != bot)
		set_region(s, top, bot);
	if (has(many)) {
		putp(tiparm(many, k));
	} else {
		mvcur(-1, -1, n > 0 ? bot : top, 0);
		put_times(n > 0 ? scroll_forward : scroll_reverse, NULL, k);
	}
}

/*
 * The same by deleting k lines at one end and inserting k at the other,
 * as curses does: no region to set and reset around it. The cursor goes
 * where curses is told.
 */
static void
scroll_idl(struct ui_scroll *s, int top, int bot, int n)
{
	int k = n > 0 ? n : -n;

	ui_scroll_whole_screen(s);	/* lines move within a region */
	mvcur(-1, -1, n > 0 ? top : bot - k + 1, 0);
	put_times(delete_line, parm_delete_line, k);
	mvcur(-1, -1, n > 0 ? bot - k + 1 : top, 0);
	put_times(insert_line, parm_insert_line, k);
}

/* --- between left and right margins --- */

/*
 * The terminal's margins are ours from here until leave_margins(): the
 * attributes are made plain and curses' cursor saved (sc), then the
 * region and the margins set. Both of those home the cursor, and rc
 * takes it back to where curses thinks it is at the end; the plain
 * attributes saved with it are what curses thinks they are then too.
 */
static void
enter_margins(struct ui_scroll *s, int top, int bot, int left, int right)
{
	if (!s->saved) {
		vid_attr(A_NORMAL, 0, NULL);
		putp(save_cursor);
		s->saved = true;
	}
	if (s->top != top || s->bot != bot) {
		putp(tiparm(change_scroll_region, top, bot));
		s->top = top;
		s->bot = bot;
		s->cy = s->cx = 0;
	}
	if (s->left != left || s->right != right) {
		fprintf(s->out, "\033[%d;%ds", left + 1, right + 1);
		s->left = left;
		s->right = right;
		s->cy = s->cx = 0;
	}
}

/* Give back the margins, the region and curses' cursor. */
static void
leave_margins(struct ui_scroll *s)
{
	if (s->left >= 0)
		fputs("\033[s", s->out);	/* DECSLRM: the whole width */
	if (s->top >= 0)
		putp(tiparm(change_scroll_region, 0, LINES - 1));
	if (s->saved)
		putp(restore_cursor);
	fflush(s->out);
	s->left = s->right = s->top = s->bot = -1;
	s->saved = false;
	s->cy = s->cx = -1;
}

/* The scroll owed, between the margins: SU or SD, which leave the
 * cursor alone and scroll only what lies between. */
static void
pay_margins(struct ui_scroll *s)
{
	int n = s->owe_n;

	enter_margins(s, s->owe_top, s->owe_bot, s->owe_left, s->owe_right);
	if (n == 1 || n == -1)
		fputs(n > 0 ? "\033[S" : "\033[T", s->out);
	else
		fprintf(s->out, "\033[%d%c", n > 0 ? n : -n, n > 0 ? 'S' : 'T');
	s->owe_n = 0;
	s->owe_left = s->owe_right = -1;
	fflush(s->out);
}

/*
 * Send the scroll owed (ui_scroll_window() moved curses' pictures at
 * once, the terminal follows here, before the update). keep: the region
 * may stay set after this update. Cheapest first: the region when it is
 * set already or may stay, else deleting and inserting lines.
 */
static void
pay(struct ui_scroll *s, bool keep)
{
	int top = s->owe_top, bot = s->owe_bot, n = s->owe_n;
	bool set = s->top == top && s->bot == bot;

	if (!n)
		return;
	if (s->owe_left >= 0) {
		pay_margins(s);
		return;
	}
	s->owe_n = 0;
	if (can_region(n) && (set || keep || !can_idl()))
		scroll_region(s, top, bot, n);
	else
		scroll_idl(s, top, bot, n);
	fflush(s->out);
}

/* --- curses' pictures --- */

/* Scroll rows top..bot of curses' picture pic by n, marked unchanged. */
static void
scroll_picture(WINDOW *pic, int top, int bot, int n)
{
	int otop = 0, obot = 0;
	bool ok = is_scrollok(pic);

	wgetscrreg(pic, &otop, &obot);
	wsetscrreg(pic, top, bot);
	scrollok(pic, TRUE);
	wscrl(pic, n);
	scrollok(pic, ok);
	wsetscrreg(pic, otop, obot);
	wtouchln(pic, top, bot - top + 1, 0);
}

/* A cell's parts, as getcchar() gives them; text "" at the end mark. */
struct cell {
	wchar_t text[CCHARW_MAX + 1];
	attr_t attr;
	short pair;
};

static void
cell_of(const cchar_t *c, struct cell *out)
{
	memset(out, 0, sizeof *out);
	if (getcchar(c, out->text, &out->attr, &out->pair, NULL) == ERR)
		out->text[0] = 0;
}

/* A blank as a cleared cell is: a space, no attribute, no colour. */
static bool
is_blank(const struct cell *k)
{
	return wcscmp(k->text, L" ") == 0 && k->attr == A_NORMAL && !k->pair;
}

static bool
is_end(const cchar_t *c)
{
	struct cell k;

	cell_of(c, &k);
	return k.text[0] == 0;
}

static bool
same_cell(const cchar_t *a, const cchar_t *b)
{
	struct cell ka, kb;

	cell_of(a, &ka);
	cell_of(b, &kb);
	return ka.attr == kb.attr && ka.pair == kb.pair &&
	    wcscmp(ka.text, kb.text) == 0;
}

/*
 * The cells of row y of pic in columns x0..x1-1 into out (room for
 * x1 - x0 + 1, NUL-terminated; a wide character is one cell). Returns
 * how many. The picture's cursor is left where it was.
 */
static int
segment(WINDOW *pic, int y, int x0, int x1, cchar_t *out)
{
	int cy, cx, n = 0;

	if (x1 <= x0) {
		memset(out, 0, sizeof *out);
		return 0;
	}
	getyx(pic, cy, cx);
	if (mvwin_wchnstr(pic, y, x0, out, x1 - x0) == ERR)
		memset(out, 0, sizeof *out);
	wmove(pic, cy, cx);
	while (n < x1 - x0 && !is_end(&out[n]))
		n++;
	return n;
}

/* Cells that differ between a (na) and b (nb), position by position. */
static long
cells_differ(const cchar_t *a, int na, const cchar_t *b, int nb)
{
	long d = na > nb ? na - nb : nb - na;

	for (int i = 0; i < na && i < nb; i++)
		d += !same_cell(&a[i], &b[i]);
	return d;
}

/* Cells of a (na) that are not blank. */
static long
not_blank(const cchar_t *a, int na)
{
	long d = 0;

	for (int i = 0; i < na; i++) {
		struct cell k;

		cell_of(&a[i], &k);
		d += !is_blank(&k);
	}
	return d;
}

/*
 * The rows top..bot, as far as w's columns x0..x1-1 go (w spans the rest
 * of them): the cells curses would send were the terminal scrolled by n
 * (the other windows' cells put back where they differ from the row
 * that moved under them) against those it sends when not (w's cells
 * where they differ from the row's old ones). Both from curscr.
 */
static bool
worth_it(struct ui_scroll *s, int top, int bot, int x0, int x1, int n)
{
	size_t w = (size_t)COLS + 1;
	cchar_t *a = s->cells, *b = s->cells + w;
	long ours = 0, theirs = 0;

	for (int y = top; y <= bot; y++) {
		int from = y + n;	/* the row that moves to y */
		bool moved = from >= top && from <= bot;
		int na, nb;

		/* the other windows' cells: left of w, then right of it */
		for (int side = 0; side < 2; side++) {
			int lo = side ? x1 : 0, hi = side ? COLS : x0;

			na = segment(curscr, y, lo, hi, a);
			if (!moved) {
				ours += not_blank(a, na);
				continue;
			}
			nb = segment(curscr, from, lo, hi, b);
			ours += cells_differ(a, na, b, nb);
		}
		if (moved) {
			na = segment(curscr, y, x0, x1, a);
			nb = segment(curscr, from, x0, x1, b);
			theirs += cells_differ(a, na, b, nb);
		}
	}
	return ours < theirs;
}

/* Put the other windows' cells in rows top..bot of picture pic back
 * (saved: rows of COLS + 1 cells, left part then right part). */
static void
save_others(struct ui_scroll *s, WINDOW *pic, int top, int bot, int x0,
    int x1)
{
	size_t w = (size_t)COLS + 1;

	for (int y = top; y <= bot; y++) {
		cchar_t *row = s->cells + (size_t)(y - top) * w;

		segment(pic, y, 0, x0, row);
		segment(pic, y, x1, COLS, row + x0 + 1);
	}
}

static void
restore_others(struct ui_scroll *s, WINDOW *pic, int top, int bot, int x0,
    int x1)
{
	size_t w = (size_t)COLS + 1;
	cchar_t *now = s->cells + (size_t)(bot - top + 1) * w;
	int cy, cx;

	getyx(pic, cy, cx);
	for (int y = top; y <= bot; y++) {
		cchar_t *row = s->cells + (size_t)(y - top) * w;

		for (int side = 0; side < 2; side++) {
			int lo = side ? x1 : 0, hi = side ? COLS : x0;
			cchar_t *was = side ? row + x0 + 1 : row;
			int nw = 0, nn;

			if (hi <= lo)
				continue;
			while (nw < hi - lo && !is_end(&was[nw]))
				nw++;
			nn = segment(pic, y, lo, hi, now);
			if (cells_differ(was, nw, now, nn))
				mvwadd_wchnstr(pic, y, lo, was, nw);
		}
	}
	wmove(pic, cy, cx);
}

/* --- rows written between the margins --- */

/* A cell's width on the terminal. */
static int
cell_width(const struct cell *k)
{
	int w = k->text[0] ? wcwidth(k->text[0]) : 1;

	return w < 1 ? 1 : w;
}

/* The column after the last cell of a (na, from column x0) that is not a
 * plain blank; x0 when there is none. */
static int
end_of_text(const cchar_t *a, int na, int x0)
{
	int x = x0, end = x0;

	for (int i = 0; i < na; i++) {
		struct cell k;

		cell_of(&a[i], &k);
		x += cell_width(&k);
		if (!is_blank(&k))
			end = x;
	}
	return end;
}

/* Move the cursor to row y, column x: column_address on its row. */
static void
move_to(struct ui_scroll *s, int y, int x)
{
	if (s->cy == y && s->cx == x)
		return;
	if (s->cy == y && s->cx >= 0 && has(column_address))
		putp(tiparm(column_address, x));
	else
		putp(tiparm(cursor_address, y, x));
	s->cy = y;
	s->cx = x;
}

/*
 * Write a cell as it is in the picture. Curses keeps a C1 control in a
 * cell as it is (CSI, U+009B, included) and would send it so: the text
 * drawn is scrubbed before it gets there, and a control that got by
 * anyway is written here as '?', never to the terminal.
 */
static void
put_cell(struct ui_scroll *s, const struct cell *k)
{
	char mb[MB_LEN_MAX];
	mbstate_t st;

	vid_attr(k->attr & ~A_COLOR, k->pair, NULL);
	memset(&st, 0, sizeof st);
	for (int j = 0; k->text[j]; j++) {
		size_t n = wcrtomb(mb, k->text[j], &st);

		if (utf8_is_control((uint32_t)k->text[j]) || n == (size_t)-1)
			fputc('?', s->out);
		else
			fwrite(mb, 1, n, s->out);
	}
	s->cx += cell_width(k);
	if (s->cx >= COLS)
		s->cx = -1;	/* at the edge: the next move addresses it */
}

/*
 * Write row y's cells in columns left..right as newscr has them, when
 * they differ from curscr's; curscr then has them, and newscr's row is
 * marked unchanged, so doupdate() has nothing to send there. From the
 * first cell that is not blank, to the last that is not blank in either.
 */
static void
write_row(struct ui_scroll *s, int y, int left, int right)
{
	size_t w = (size_t)COLS + 1;
	cchar_t *a = s->cells, *b = s->cells + w;
	int na = segment(newscr, y, left, right + 1, a);
	int nb = segment(curscr, y, left, right + 1, b);
	int end = end_of_text(a, na, left), was = end_of_text(b, nb, left);
	int x = left, i = 0;
	struct cell k;

	if (!cells_differ(a, na, b, nb)) {
		wtouchln(newscr, y, 1, 0);
		return;
	}
	/* Blanks before the text need not be sent where there were only
	 * blanks before. */
	if (was == left) {
		for (; i < na; i++) {
			cell_of(&a[i], &k);
			if (!is_blank(&k))
				break;
			x += cell_width(&k);
		}
	}
	if (x < end || x < was)
		move_to(s, y, x);
	for (; i < na && x < end; i++) {
		cell_of(&a[i], &k);
		put_cell(s, &k);
		x += cell_width(&k);
	}
	vid_attr(A_NORMAL, 0, NULL);
	for (; x < was; x++) {
		fputc(' ', s->out);
		s->cx = s->cx >= 0 && s->cx + 1 < COLS ? s->cx + 1 : -1;
	}
	mvwadd_wchnstr(curscr, y, left, a, na);
	wtouchln(newscr, y, 1, 0);
}

/*
 * Whether the update can be left to write_row() with the margins kept:
 * curses would write the changed rows only, all of them in the region,
 * and in them only cells between the margins, with no alternate
 * character set; and it would not move the cursor after (leaveok).
 */
static bool
margins_may_stay(struct ui_scroll *s, int top, int bot, int left, int right)
{
	size_t w = (size_t)COLS + 1;
	cchar_t *a = s->cells, *b = s->cells + w;

	if (is_cleared(curscr) || is_cleared(newscr) || !is_leaveok(newscr))
		return false;
	for (int y = 0; y < LINES; y++) {
		int na;

		if (!is_linetouched(newscr, y))
			continue;
		if (y < top || y > bot)
			return false;
		for (int side = 0; side < 2; side++) {
			int lo = side ? right + 1 : 0, hi = side ? COLS : left;

			if (hi <= lo)
				continue;
			na = segment(newscr, y, lo, hi, a);
			if (cells_differ(a, na, b, segment(curscr, y, lo, hi, b)))
				return false;
		}
		na = segment(newscr, y, left, right + 1, a);
		for (int i = 0; i < na; i++) {
			struct cell k;

			cell_of(&a[i], &k);
			if (k.attr & A_ALTCHARSET)
				return false;
		}
	}
	return true;
}

/*
 * Scroll rows top..bot of picture pic by n; with others_stay, only
 * columns x0..x1-1 move, the other windows' cells being put back where
 * they were.
 */
static void
scroll_rows(struct ui_scroll *s, WINDOW *pic, int top, int bot, int n,
    int x0, int x1, bool others_stay)
{
	if (others_stay)
		save_others(s, pic, top, bot, x0, x1);
	scroll_picture(pic, top, bot, n);
	if (others_stay)
		restore_others(s, pic, top, bot, x0, x1);
}

/* Room for rows + 1 rows of COLS + 1 cells. */
static void
grow(struct ui_scroll *s, int rows)
{
	size_t need = ((size_t)rows + 1) * ((size_t)COLS + 1);

	if (need > s->alloc) {
		free(s->cells);
		s->cells = xcalloc(need, sizeof *s->cells);
		s->alloc = need;
	}
}

/* --- the entry points --- */

void
ui_scroll_window(struct ui_scroll *s, WINDOW *w, int n)
{
	int by, bx, h, wd, top, bot;
	bool ours = n != 0 && (can_region(n) || can_idl());
	bool part, margins;

	getbegyx(w, by, bx);
	getmaxyx(w, h, wd);
	top = by;
	bot = by + h - 1;
	part = bx > 0 || wd < COLS;
	margins = part && s->margins && can_margins();
	/* Not when curses has something pending in the rows, which the
	 * scroll would carry along, or the screen is to be cleared. */
	ours = ours && n < h && -n < h && h >= 2 && !is_cleared(curscr) &&
	    !is_cleared(newscr);
	for (int y = top; y <= bot && ours; y++)
		ours = !is_linetouched(newscr, y);
	if (ours && part) {
		grow(s, h);
		/* Between margins, the other windows do not move. */
		ours = margins || worth_it(s, top, bot, bx, bx + wd, n);
	}
	if (ours) {
		pay(s, false);		/* one owed before, if any */
		if (s->saved && !margins)
			leave_margins(s);
		s->owe_top = top;
		s->owe_bot = bot;
		s->owe_n = n;
		s->owe_left = margins ? bx : -1;
		s->owe_right = margins ? bx + wd - 1 : -1;
		/* The terminal: the other windows move, unless between
		 * margins. The next update: they stay. */
		scroll_rows(s, curscr, top, bot, n, bx, bx + wd, margins);
		scroll_rows(s, newscr, top, bot, n, bx, bx + wd, part);
		if (margins) {
			wtouchln(curscr, top, h, 0);
			wtouchln(newscr, top, h, 0);
		}
	}
	scrollok(w, TRUE);
	wscrl(w, n);
	scrollok(w, FALSE);
	/* newscr has the rows that moved: only the new ones are to copy. */
	if (ours)
		wtouchln(w, 0, h, 0);
}

/*
 * Whether an update may run with the region top..bot set: it writes one
 * row at most, inside.
 */
static bool
region_may_stay(int top, int bot)
{
	int pending = 0;

	if (is_cleared(curscr) || is_cleared(newscr))
		return false;
	for (int y = 0; y < LINES && pending <= 1; y++) {
		if (!is_linetouched(newscr, y))
			continue;
		if (y < top || y > bot)
			return false;
		pending++;
	}
	return pending <= 1;
}

/*
 * Between margins: the scroll owed is sent, then the changed rows are
 * written here and the margins kept when curses would write nothing
 * else; otherwise the terminal is given back for curses' update.
 */
static void
before_update_margins(struct ui_scroll *s)
{
	bool owed = s->owe_n != 0;
	int top = owed ? s->owe_top : s->top, bot = owed ? s->owe_bot : s->bot;
	int left = owed ? s->owe_left : s->left;
	int right = owed ? s->owe_right : s->right;
	bool keep;

	grow(s, 1);
	keep = margins_may_stay(s, top, bot, left, right);
	if (owed)
		pay_margins(s);
	if (!keep) {
		leave_margins(s);
		return;
	}
	for (int y = top; y <= bot; y++)
		if (is_linetouched(newscr, y))
			write_row(s, y, left, right);
	fflush(s->out);
}

void
ui_scroll_before_update(struct ui_scroll *s)
{
	bool keep;

	if ((s->owe_n && s->owe_left >= 0) || s->saved) {
		before_update_margins(s);
		return;
	}
	if (s->owe_n)
		keep = region_may_stay(s->owe_top, s->owe_bot);
	else if (s->top >= 0)
		keep = region_may_stay(s->top, s->bot);
	else
		return;
	pay(s, keep);
	if (!keep)
		ui_scroll_whole_screen(s);
}

void
ui_scroll_margins_found(struct ui_scroll *s)
{
	s->margins = true;
	ui_scroll_take_back(s);
}

void
ui_scroll_give_back(struct ui_scroll *s)
{
	ui_scroll_whole_screen(s);
	if (s->margins) {
		fputs("\033[?69l", s->out);
		fflush(s->out);
	}
}

void
ui_scroll_take_back(struct ui_scroll *s)
{
	if (s->margins) {
		fputs("\033[?69h", s->out);
		fflush(s->out);
	}
}
