/* SPDX-License-Identifier: MIT */
/*
 * ui-rows: a window of consecutive rows of a view; see ui-rows.h.
 *
 * Invariants: v[0..n) are consecutive rows of the view in its order;
 * at_start and at_end say whether the window touches the view's ends (an
 * empty window of an empty view touches both); when first >= 0, v[0] is
 * row number first of the view.
 */
#include "config.h"
#include "ui-rows.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "xmalloc.h"

/* A run of fetched rows, in the order the cursor gave them. */
struct run {
	struct collection_item *v;
	size_t n, alloc;
};

static void
run_release(struct run *run)
{
	for (size_t i = 0; i < run->n; i++)
		collection_item_release(&run->v[i]);
	free(run->v);
	memset(run, 0, sizeof *run);
}

/* Fetch up to limit rows of view after/before from into run. */
static int
fetch(struct collection *c, const struct collection_view *view,
    const struct collection_item *from, enum collection_dir dir, size_t limit,
    struct run *run, struct error *err)
{
	struct collection_cursor *cur = collection_query(c, view, from, dir,
	    limit, err);
	int got;

	if (!cur)
		return -1;
	for (;;) {
		ALLOC_GROW(run->v, run->n + 1, run->alloc);
		memset(&run->v[run->n], 0, sizeof run->v[0]);
		got = collection_cursor_next(cur, &run->v[run->n], err);
		if (got <= 0)
			break;
		run->n++;
	}
	collection_cursor_free(cur);
	return got < 0 ? -1 : 0;
}

void
ui_rows_init(struct ui_rows *r, struct collection *c)
{
	memset(r, 0, sizeof *r);
	r->c = c;
	r->page = 1;
	r->first = 0;
	r->total = -1;
	r->at_start = r->at_end = true;
}

static void
clear(struct ui_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		collection_item_release(&r->v[i]);
	r->n = 0;
	r->at_start = r->at_end = true;
	r->first = 0;
}

void
ui_rows_release(struct ui_rows *r)
{
	clear(r);
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* Append run's rows (in view order) to the window; run is left empty. */
static void
append(struct ui_rows *r, struct run *run)
{
	if (run->n == 0)
		return;		/* run->v may be NULL: no memcpy from it */
	ALLOC_GROW(r->v, r->n + run->n, r->alloc);
	memcpy(r->v + r->n, run->v, run->n * sizeof run->v[0]);
	r->n += run->n;
	run->n = 0;
}

/* Put run's rows (nearest first, as a BEFORE cursor gives them) in front. */
static void
prepend(struct ui_rows *r, struct run *run)
{
	if (run->n == 0)
		return;
	ALLOC_GROW(r->v, r->n + run->n, r->alloc);
	memmove(r->v + run->n, r->v, r->n * sizeof r->v[0]);
	for (size_t i = 0; i < run->n; i++)
		r->v[run->n - 1 - i] = run->v[i];
	r->n += run->n;
	if (r->first >= 0)
		r->first -= (int64_t)run->n;
	run->n = 0;
}

int
ui_rows_recount(struct ui_rows *r, struct error *err)
{
	r->total = collection_count(r->c, &r->view, err);
	return r->total < 0 ? -1 : 0;
}

int
ui_rows_show(struct ui_rows *r, const struct collection_view *view,
    size_t page, int64_t total, struct error *err)
{
	clear(r);
	r->view = *view;
	r->page = page ? page : 1;
	r->total = total >= 0 ? total : -1;
	if (ui_rows_top(r, err) < 0)
		return -1;
	return total >= 0 ? 0 : ui_rows_recount(r, err);
}

int
ui_rows_top(struct ui_rows *r, struct error *err)
{
	struct run run = { 0 };
	int rc;

	clear(r);
	rc = fetch(r->c, &r->view, NULL, COLLECTION_AFTER, r->page, &run, err);
	if (rc == 0) {
		append(r, &run);
		r->at_end = r->n < r->page;
	}
	run_release(&run);
	return rc;
}

int
ui_rows_bottom(struct ui_rows *r, struct error *err)
{
	struct run run = { 0 };
	int rc;

	clear(r);
	rc = fetch(r->c, &r->view, NULL, COLLECTION_BEFORE, r->page, &run, err);
	if (rc == 0) {
		prepend(r, &run);
		r->at_start = r->n < r->page;
		r->first = r->at_start ? 0 :
		    r->total >= (int64_t)r->n ? r->total - (int64_t)r->n : -1;
	}
	run_release(&run);
	return rc;
}

int
ui_rows_around(struct ui_rows *r, const struct collection_item *item,
    size_t *at, struct error *err)
{
	struct run before = { 0 }, after = { 0 };
	struct collection_item key = { 0 };
	const struct collection_item *from = NULL;
	int rc = -1;
	long found;

	/* item may be a row of the window, which clear() releases. */
	key.id = item->id;
	key.rank = item->rank;
	key.article = item->article;
	if (fetch(r->c, &r->view, &key, COLLECTION_BEFORE, r->page, &before,
	    err) < 0)
		goto out;
	/* From the row before item, so that item itself comes next. */
	if (before.n > 0)
		from = &before.v[0];
	if (fetch(r->c, &r->view, from, COLLECTION_AFTER, r->page + 1, &after,
	    err) < 0)
		goto out;
	found = -1;
	for (size_t i = 0; i < after.n && found < 0; i++)
		if (after.v[i].id == item->id)
			found = (long)i;
	clear(r);
	r->at_start = before.n < r->page;
	r->at_end = after.n < r->page + 1;
	r->first = -1;
	prepend(r, &before);
	if (r->at_start)
		r->first = 0;
	*at = r->n;
	append(r, &after);
	if (found >= 0)
		*at += (size_t)found;
	else if (*at >= r->n)
		*at = r->n ? r->n - 1 : 0;
	rc = 0;
out:
	run_release(&before);
	run_release(&after);
	return rc;
}

long
ui_rows_reach(struct ui_rows *r, long i, size_t *shift, struct error *err)
{
	*shift = 0;
	while (i >= (long)r->n && !r->at_end) {
		struct run run = { 0 };
		size_t want = (size_t)i - r->n + 1;
		size_t limit = want > r->page ? want : r->page;

		if (fetch(r->c, &r->view, r->n ? &r->v[r->n - 1] : NULL,
		    COLLECTION_AFTER, limit, &run, err) < 0) {
			run_release(&run);
			return -1;
		}
		r->at_end = run.n < limit;
		append(r, &run);
		run_release(&run);
	}
	while (i < 0 && !r->at_start) {
		struct run run = { 0 };
		size_t want = (size_t)-i;
		size_t limit = want > r->page ? want : r->page;

		if (fetch(r->c, &r->view, r->n ? &r->v[0] : NULL,
		    COLLECTION_BEFORE, limit, &run, err) < 0) {
			run_release(&run);
			return -1;
		}
		r->at_start = run.n < limit;
		*shift += run.n;
		i += (long)run.n;
		prepend(r, &run);
		if (r->at_start)
			r->first = 0;
		run_release(&run);
	}
	if (i >= (long)r->n)
		i = (long)r->n - 1;
	if (i < 0)
		i = 0;
	return i;
}

size_t
ui_rows_trim(struct ui_rows *r, size_t keep, size_t max)
{
	size_t d, front, back, after_keep;

	if (max == 0 || r->n <= max)
		return 0;
	d = r->n - max;
	after_keep = keep < r->n ? r->n - 1 - keep : 0;
	if (keep >= after_keep)
		front = d <= keep ? d : keep;
	else
		front = d > after_keep ? d - after_keep : 0;
	back = d - front;
	for (size_t i = 0; i < front; i++)
		collection_item_release(&r->v[i]);
	memmove(r->v, r->v + front, (r->n - front) * sizeof r->v[0]);
	r->n -= front;
	for (size_t i = r->n - back; i < r->n; i++)
		collection_item_release(&r->v[i]);
	r->n -= back;
	if (front) {
		r->at_start = false;
		if (r->first >= 0)
			r->first += (int64_t)front;
	}
	if (back)
		r->at_end = false;
	return front;
}

long
ui_rows_find(const struct ui_rows *r, int64_t id)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].id == id)
			return (long)i;
	return -1;
}

int
ui_rows_seek_unread(struct ui_rows *r, size_t i, int dir, size_t *at,
    struct error *err)
{
	struct collection_view uv = r->view;
	struct run run = { 0 };
	long k;
	int rc;

	if (i >= r->n)
		return 0;
	uv.unread = true;
	if (fetch(r->c, &uv, &r->v[i], dir > 0 ? COLLECTION_AFTER :
	    COLLECTION_BEFORE, 1, &run, err) < 0) {
		run_release(&run);
		return -1;
	}
	if (run.n == 0) {
		run_release(&run);
		return 0;
	}
	k = ui_rows_find(r, run.v[0].id);
	if (k >= 0 && (dir > 0 ? k > (long)i : k < (long)i)) {
		*at = (size_t)k;
		rc = 1;
	} else {
		rc = ui_rows_around(r, &run.v[0], at, err) < 0 ? -1 : 1;
	}
	run_release(&run);
	return rc;
}

int64_t
ui_rows_position(struct ui_rows *r, size_t i, struct error *err)
{
	if (i >= r->n)
		return -1;
	if (r->first < 0) {
		int64_t before = collection_count_before(r->c, &r->view, &r->v[i],
		    err);

		if (before < 0)
			return -1;
		r->first = before - (int64_t)i;
	}
	return r->first + (int64_t)i;
}
