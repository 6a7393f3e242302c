/* SPDX-License-Identifier: MIT */
/*
 * Tests for ui-rows (the list's window onto a view, paged by keyset) and
 * ui-view, on a real collection in a temporary directory: every window
 * the list can reach must be a run of consecutive rows of the full
 * listing, with the right view positions, from either end, after jumps,
 * trims, ties and orders.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "collection.h"
#include "report.h"
#include "tap.h"
#include "ui-rows.h"
#include "ui-view.h"
#include "xmalloc.h"

#define NART 250

static struct article *
mk(int i)
{
	struct article *a = xcalloc(1, sizeof *a);
	static const char *const cats[][2] = {
		{ "新媒体", "趣头条" }, { "新媒体", "澎湃新闻" }, { "科技", NULL },
	};
	const char *const *cat = cats[i % 3];

	a->path = xasprintf("/news/%03d.md", i);
	a->title = xasprintf("标题 %03d", (i * 37) % NART);
	/* Every fifth article shares its date with the one before: ties. */
	a->date = 1600000000 + (int64_t)(i - (i % 5 == 4)) * 60;
	a->date_source = ARTICLE_DATE_FRONTMATTER;
	a->updated = ARTICLE_NO_DATE;
	a->ncategories = 1;
	a->categories = xcalloc(1, sizeof *a->categories);
	strvec_init(&a->categories[0]);
	for (int k = 0; k < 2 && cat[k]; k++)
		strvec_push(&a->categories[0], cat[k]);
	strvec_init(&a->tags);
	if (i % 2)
		strvec_push(&a->tags, "奇数");
	a->comments = -1;
	a->published = 1;
	a->extra = xstrdup("{}");
	a->format = ARTICLE_MARKDOWN;
	a->body = xstrdup("");
	a->more = -1;
	a->encoding = "UTF-8";
	a->size = 100;
	a->mtime_ns = 1;
	a->hash = (uint64_t)i + 1;
	return a;
}

/* The ids of the whole view, in order. */
static size_t
listing(struct collection *c, const struct collection_view *v, int64_t *out)
{
	struct error err = ERROR_INIT;
	struct collection_item it = { 0 };
	struct collection_cursor *cur = collection_query(c, v, NULL,
	    COLLECTION_AFTER, 0, &err);
	size_t n = 0;

	if (!cur) {
		tap_diag("query: %s", err.msg);
		error_release(&err);
		return 0;
	}
	while (n < NART && collection_cursor_next(cur, &it, &err) > 0)
		out[n++] = it.id;
	collection_item_release(&it);
	collection_cursor_free(cur);
	return n;
}

/*
 * The window is a run of the listing starting where r->first says (or,
 * when unknown, wherever v[0] is), touching the ends it claims to touch.
 */
static bool
consistent(const struct ui_rows *r, const int64_t *full, size_t nfull)
{
	size_t start = 0;

	if (r->n == 0)
		return nfull == 0 && r->at_start && r->at_end;
	while (start < nfull && full[start] != r->v[0].id)
		start++;
	if (start == nfull || start + r->n > nfull)
		return false;
	if (r->first >= 0 && (size_t)r->first != start)
		return false;
	for (size_t i = 0; i < r->n; i++)
		if (r->v[i].id != full[start + i])
			return false;
	/* An end is claimed only when reached (it may be learnt late). */
	if ((r->at_start && start != 0) || (r->at_end && start + r->n != nfull))
		return false;
	return true;
}

static void
walk(struct collection *c, const struct collection_view *v, const char *what)
{
	int64_t full[NART];
	size_t nfull = listing(c, v, full);
	struct error err = ERROR_INIT;
	struct ui_rows r;
	size_t shift, at = 0;
	long i;
	bool good = true;

	ui_rows_init(&r, c);
	ok(ui_rows_show(&r, v, 10, -1, &err) == 0, "%s: shows", what);
	is_int(r.total, nfull, "%s: counted", what);
	ok(consistent(&r, full, nfull), "%s: the first page", what);

	/* Down a row at a time, trimming as the list does. */
	i = 0;
	for (size_t step = 0; step < nfull + 5; step++) {
		i = ui_rows_reach(&r, i + 1, &shift, &err);
		i -= (long)ui_rows_trim(&r, (size_t)i, 30);
		good = good && consistent(&r, full, nfull) && r.n <= 30;
	}
	ok(good, "%s: every window walking down is a run of the listing", what);
	ok(r.n == 0 || r.v[i].id == full[nfull - 1], "%s: and ends on the last row",
	    what);
	ok(r.at_end, "%s: knowing it is the end", what);
	is_int(ui_rows_position(&r, (size_t)i, &err), (int64_t)nfull - 1,
	    "%s: at position %zu", what, nfull - 1);

	/* Back up in big steps. */
	good = true;
	for (size_t step = 0; step < nfull / 7 + 2; step++) {
		i = ui_rows_reach(&r, i - 7, &shift, &err);
		i -= (long)ui_rows_trim(&r, (size_t)i, 30);
		good = good && consistent(&r, full, nfull);
	}
	ok(good, "%s: every window walking up is a run of the listing", what);
	ok(r.n == 0 || (r.v[i].id == full[0] && r.first == 0 && r.at_start),
	    "%s: and ends on the first row", what);

	ok(ui_rows_bottom(&r, &err) == 0 && consistent(&r, full, nfull),
	    "%s: the last page", what);
	is_int(r.n ? ui_rows_position(&r, r.n - 1, &err) : (int64_t)nfull - 1,
	    (int64_t)nfull - 1, "%s: the last row's position", what);

	if (nfull > 140) {
		struct collection_item pick = { 0 };
		long k;

		ok(collection_get(c, full[137], &pick, &err) == 1,
		    "%s: get row 137", what);
		pick.rank = 0;
		ok(ui_rows_around(&r, &pick, &at, &err) == 0, "%s: around", what);
		ok(consistent(&r, full, nfull), "%s: the window around row 137",
		    what);
		is_int(r.v[at].id, full[137], "%s: lands on it", what);
		is_int(r.first, -1, "%s: position unknown before asking", what);
		is_int(ui_rows_position(&r, at, &err), 137,
		    "%s: its position, counted", what);
		ok(consistent(&r, full, nfull), "%s: and the window agrees", what);
		k = ui_rows_find(&r, full[140]);
		is_int(k, (long)at + 3, "%s: find by id", what);
		collection_item_release(&pick);
	}
	ui_rows_release(&r);
	error_release(&err);
}

static void
test_views(void)
{
	struct ui_view v, w;
	struct ui_view_base base = { COLLECTION_SORT_RANK, true, NULL, 0 };
	struct collection_view cv;
	struct buf b = BUF_INIT;

	ui_view_set(&v, UI_VIEW_CATEGORY, "新媒体/趣头条");
	ui_view_title(&v, &b);
	is_str(b.buf, "新媒体 › 趣头条", "a category's title");
	ui_view_query(&v, &base, true, &cv);
	ok(cv.category && strcmp(cv.category, "新媒体/趣头条") == 0 && cv.unread &&
	    !cv.starred && cv.reverse, "a category's query, unread only");
	is_int(cv.sort, COLLECTION_SORT_DATE, "rank falls back to date without a search");
	ui_view_copy(&w, &v);
	ok(ui_view_equal(&v, &w), "a copy is equal");
	ui_view_release(&w);

	ui_view_release(&v);
	ui_view_set(&v, UI_VIEW_QUERY, NULL);
	v.search = xstrdup("疫情");
	v.tag = xstrdup("科技");
	buf_reset(&b);
	ui_view_title(&v, &b);
	is_str(b.buf, "搜索: 疫情 · 标签: 科技", "a query's title");
	ui_view_query(&v, &base, false, &cv);
	ok(cv.search && cv.tag && !cv.unread && cv.sort == COLLECTION_SORT_RANK,
	    "a query's collection view keeps the rank order");
	ui_view_copy(&w, &v);
	free(w.tag);
	w.tag = NULL;
	ok(!ui_view_equal(&v, &w), "views that differ are not equal");
	ui_view_release(&w);
	ui_view_release(&v);

	ui_view_set(&v, UI_VIEW_UNREAD, NULL);
	buf_reset(&b);
	ui_view_title(&v, &b);
	is_str(b.buf, "未读 / Unread", "a fixed view's title");
	ui_view_query(&v, &base, false, &cv);
	ok(cv.unread && !cv.category, "the unread view");
	ui_view_release(&v);
	buf_release(&b);
}

int
main(void)
{
	char dir[] = "/tmp/nr-test-ui-rows.XXXXXX";
	struct error err = ERROR_INIT;
	struct collection *c;
	struct collection_view v = { 0 };
	struct buf path = BUF_INIT;
	int64_t ids[NART];
	struct ui_rows r;
	size_t at = 0;

	test_views();
	if (!mkdtemp(dir))
		return tap_skip_all("no temporary directory");
	buf_addf(&path, "%s/nr.db", dir);
	c = collection_open(path.buf, &err);
	ok(c != NULL, "a new database opens");
	if (!c)
		return tap_done();
	collection_begin(c, &err);
	for (int i = 0; i < NART; i++) {
		struct article *a = mk(i);

		ids[i] = collection_put(c, a, "", 0, 0, &err);
		article_free(a);
	}
	ok(collection_commit(c, &err) == 0, "%d articles stored", NART);
	/* Every article but a few is read. */
	for (int i = 0; i < NART; i++)
		if (i != 30 && i != 170 && i != 171)
			collection_set_read(c, ids[i], true, &err);

	walk(c, &v, "everything by date");
	v.category = "新媒体";
	walk(c, &v, "a category's subtree");
	v.category = NULL;
	v.tag = "奇数";
	walk(c, &v, "a tag");
	v.tag = NULL;
	v.sort = COLLECTION_SORT_TITLE;
	walk(c, &v, "by title");
	v.reverse = true;
	walk(c, &v, "by title, reversed");
	v.sort = COLLECTION_SORT_DATE;
	walk(c, &v, "oldest first");
	v.reverse = false;
	v.category = "无此分类";
	walk(c, &v, "an empty view");
	v.category = NULL;

	/* Next and previous unread: 170 and 171 are newest-first 79 and 78. */
	ui_rows_init(&r, c);
	ui_rows_show(&r, &v, 10, -1, &err);
	is_int(ui_rows_seek_unread(&r, 0, 1, &at, &err), 1, "an unread row ahead");
	is_int(r.v[at].id, ids[171], "the next unread, beyond the window");
	is_int(ui_rows_position(&r, at, &err), NART - 1 - 171, "at its position");
	is_int(ui_rows_seek_unread(&r, at, 1, &at, &err), 1, "another");
	is_int(r.v[at].id, ids[170], "the next unread, in the window");
	is_int(ui_rows_seek_unread(&r, at, 1, &at, &err), 1, "and another");
	is_int(r.v[at].id, ids[30], "the last unread");
	is_int(ui_rows_seek_unread(&r, at, 1, &at, &err), 0, "then none");
	is_int(r.v[at].id, ids[30], "and the window stays");
	is_int(ui_rows_seek_unread(&r, at, -1, &at, &err), 1, "the previous unread");
	is_int(r.v[at].id, ids[170], "going back");

	/* Around a row that has left the view: the row in its place. */
	{
		struct collection_view uv = v;
		struct collection_item gone = { 0 };

		uv.unread = true;
		ui_rows_show(&r, &uv, 10, -1, &err);
		is_int(r.total, 3, "three unread");
		/* A count the caller made is taken, not made again. */
		ui_rows_show(&r, &uv, 10, 42, &err);
		is_int(r.total, 42, "a count given is kept");
		is_int(r.n, 3, "and the rows are fetched");
		ui_rows_show(&r, &uv, 10, -1, &err);
		collection_item_release(&gone);
		collection_get(c, ids[170], &gone, &err);
		collection_set_read(c, ids[170], true, &err);
		ok(ui_rows_around(&r, &gone, &at, &err) == 0, "around a row now read");
		is_int(r.n, 2, "two rows left");
		is_int(r.v[at].id, ids[30], "the cursor takes the next row");
		collection_item_release(&gone);
	}
	ui_rows_release(&r);

	collection_free(c);
	for (size_t i = 0; i < 3; i++) {
		static const char *const files[] = { "nr.db", "nr.db-wal", "nr.db-shm" };
		struct buf f = BUF_INIT;

		buf_addf(&f, "%s/%s", dir, files[i]);
		unlink(f.buf);
		buf_release(&f);
	}
	rmdir(dir);
	buf_release(&path);
	error_release(&err);
	return tap_done();
}
