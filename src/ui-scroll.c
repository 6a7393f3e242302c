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

#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <wchar.h>

#include "xmalloc.h"

void
ui_scroll_init(struct ui_scroll *s, FILE *out)
{
	memset(s, 0, sizeof *s);
	s->out = out;
	s->top = s->bot = -1;
}

void
ui_scroll_release(struct ui_scroll *s)
{
	free(s->cells);
	memset(s, 0, sizeof *s);
	s->top = s->bot = -1;
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

void
ui_scroll_whole_screen(struct ui_scroll *s)
{
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
		d += wcscmp(k.text, L" ") != 0 || k.attr != A_NORMAL || k.pair;
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

/* Put the other windows' cells in rows top..bot of newscr back (saved:
 * rows of COLS + 1 cells, left part then right part). */
static void
save_others(struct ui_scroll *s, int top, int bot, int x0, int x1)
{
	size_t w = (size_t)COLS + 1;

	for (int y = top; y <= bot; y++) {
		cchar_t *row = s->cells + (size_t)(y - top) * w;

		segment(newscr, y, 0, x0, row);
		segment(newscr, y, x1, COLS, row + x0 + 1);
	}
}

static void
restore_others(struct ui_scroll *s, int top, int bot, int x0, int x1)
{
	size_t w = (size_t)COLS + 1;
	cchar_t *now = s->cells + (size_t)(bot - top + 1) * w;
	int cy, cx;

	getyx(newscr, cy, cx);
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
			nn = segment(newscr, y, lo, hi, now);
			if (cells_differ(was, nw, now, nn))
				mvwadd_wchnstr(newscr, y, lo, was, nw);
		}
	}
	wmove(newscr, cy, cx);
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

	getbegyx(w, by, bx);
	getmaxyx(w, h, wd);
	top = by;
	bot = by + h - 1;
	/* Not when curses has something pending in the rows, which the
	 * scroll would carry along, or the screen is to be cleared. */
	ours = ours && n < h && -n < h && h >= 2 && !is_cleared(curscr) &&
	    !is_cleared(newscr);
	for (int y = top; y <= bot && ours; y++)
		ours = !is_linetouched(newscr, y);
	if (ours && (bx > 0 || wd < COLS)) {
		grow(s, h);
		ours = worth_it(s, top, bot, bx, bx + wd, n);
		if (ours)
			save_others(s, top, bot, bx, bx + wd);
	}
	if (ours) {
		pay(s, false);		/* one owed before, if any */
		s->owe_top = top;
		s->owe_bot = bot;
		s->owe_n = n;
		scroll_picture(curscr, top, bot, n);
		scroll_picture(newscr, top, bot, n);
		if (bx > 0 || wd < COLS)
			restore_others(s, top, bot, bx, bx + wd);
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

void
ui_scroll_before_update(struct ui_scroll *s)
{
	bool keep;

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
