/* SPDX-License-Identifier: MIT */
/*
 * ui-rows: the article list's rows, a window onto a view fetched a page
 * at a time.
 *
 * The window holds a run of consecutive rows of the view, in view order,
 * fetched by keyset (the rows after its last row, or before its first),
 * never by offset and never the whole view: a million-article view opens
 * and scrolls as fast as a ten-article one, and memory stays at a few
 * pages of rows. The owner addresses rows by index into the window; when
 * rows are put in front, it is told how many, to shift the indices it
 * keeps. Positions in the view (for "12/345") are known after a start
 * from either end and kept by arithmetic; after a jump into the middle
 * they cost one count query (collection_count_before).
 *
 * Terminal-free, so it is tested on a real collection without a screen.
 */
#ifndef NR_UI_ROWS_H
#define NR_UI_ROWS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "collection.h"

struct error;

struct ui_rows {
	struct collection *c;		/* borrowed */
	struct collection_view view;	/* its strings borrowed from the
					 * owner for as long as it is shown */
	struct collection_item *v;	/* n rows, consecutive in view order */
	size_t n, alloc;
	size_t page;			/* rows per fetch, >= 1 */
	bool at_start;			/* v[0] is the view's first row */
	bool at_end;			/* v[n - 1] is its last */
	int64_t first;			/* view position of v[0]; -1 unknown */
	int64_t total;			/* rows in the view; -1 unknown */
};

void ui_rows_init(struct ui_rows *r, struct collection *c);
void ui_rows_release(struct ui_rows *r);

/*
 * Show view (copied; its strings are borrowed) from its first row, page
 * rows per fetch. total is the view's count when the caller has just
 * made it (a search's count reads every match: it is made once), or -1:
 * then it is counted here. Returns 0, or -1 with err set (the window is
 * then empty).
 */
int ui_rows_show(struct ui_rows *r, const struct collection_view *view,
    size_t page, int64_t total, struct error *err);

/* Go to the first or the last page of the view. Returns 0 or -1. */
int ui_rows_top(struct ui_rows *r, struct error *err);
int ui_rows_bottom(struct ui_rows *r, struct error *err);

/*
 * Load the rows around where item sits in the view's order (by its sort
 * key, whether or not it is still in the view) and set *at to the row
 * with item's id, or to the row now in its place. Returns 0 or -1.
 */
int ui_rows_around(struct ui_rows *r, const struct collection_item *item,
    size_t *at, struct error *err);

/*
 * Fetch until index i (negative: before the window) is loaded, as far as
 * the view goes. Rows put in front are counted in *shift (add it to every
 * index you hold, i included). Returns i + *shift clamped into the
 * window, or -1 with err set.
 */
long ui_rows_reach(struct ui_rows *r, long i, size_t *shift,
    struct error *err);

/*
 * Keep at most max rows, dropping rows from the end that is farther from
 * the index keep. Returns the number dropped from the front (subtract it
 * from the indices you hold).
 */
size_t ui_rows_trim(struct ui_rows *r, size_t keep, size_t max);

/* The index of the row with id, or -1. */
long ui_rows_find(const struct ui_rows *r, int64_t id);

/*
 * The next (dir 1) or previous (dir -1) unread row after row i, loaded
 * into the window (which may be refetched around it): *at gets its index.
 * Returns 1, 0 when there is none, -1 on error.
 */
int ui_rows_seek_unread(struct ui_rows *r, size_t i, int dir, size_t *at,
    struct error *err);

/* The view position of row i (0-based), or -1 (err set) on error. */
int64_t ui_rows_position(struct ui_rows *r, size_t i, struct error *err);

/* Count the view again (after state changes). Returns 0 or -1. */
int ui_rows_recount(struct ui_rows *r, struct error *err);

#endif
