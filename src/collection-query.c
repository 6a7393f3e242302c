/* SPDX-License-Identifier: MIT */
/*
 * collection-query: reading the collection. Views (filters and an order)
 * become one SELECT each, built here; pages are fetched by keyset (the
 * sort key and id of the row before), so no query ever skips rows with
 * OFFSET. For the default order (date) a category or tag filter drives the
 * query from its link table, whose primary key is (node, date, article),
 * so a page of a million-article subtree is one index range; other orders
 * and filters let SQLite pick an index. Also the category tree and the
 * read/starred state.
 */
#include "config.h"
#include "collection.h"
#include "collection-internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "report.h"
#include "search.h"
#include "strvec.h"
#include "xmalloc.h"

static void
decode_categories(const char *s, struct article *a)
{
	struct strvec paths = STRVEC_INIT;

	collection_split(s, SEP_PATH, &paths);
	a->ncategories = paths.nr;
	a->categories = paths.nr ? xcalloc(paths.nr, sizeof *a->categories) : NULL;
	for (size_t i = 0; i < paths.nr; i++) {
		strvec_init(&a->categories[i]);
		collection_split(paths.v[i], SEP_NAME, &a->categories[i]);
	}
	strvec_clear(&paths);
}

/* The inverse of collection-write.c's encode_warnings(). */
static void
decode_warnings(const char *s, struct warnings *w)
{
	struct strvec v = STRVEC_INIT;

	collection_split(s, SEP_PATH, &v);
	for (size_t i = 0; i < v.nr; i++) {
		char *msg = strchr(v.v[i], SEP_NAME);

		warnings_add(w, atoi(v.v[i]), "%s", msg ? msg + 1 : "");
	}
	strvec_clear(&v);
}

/* --- items --- */

void
collection_item_release(struct collection_item *item)
{
	article_free(item->article);
	memset(item, 0, sizeof *item);
}

/* Fill item from a row of ITEM_COLS followed by the rank. */
static void
read_item(sqlite3_stmt *st, struct collection_item *item)
{
	struct article *a = xcalloc(1, sizeof *a);
	const char *enc;

	collection_item_release(item);
	item->id = sqlite3_column_int64(st, 0);
	item->read = sqlite3_column_int(st, 1) != 0;
	item->starred = sqlite3_column_int(st, 2) != 0;
	item->rank = sqlite3_column_double(st, 28);
	item->article = a;
	a->path = collection_col_strdup(st, 3);
	a->size = sqlite3_column_int64(st, 4);
	a->mtime_ns = sqlite3_column_int64(st, 5);
	a->hash = (uint64_t)sqlite3_column_int64(st, 6);
	a->title = collection_col_strdup(st, 7);
	if (!a->title)
		a->title = xstrdup("");
	a->date = sqlite3_column_int64(st, 8);
	a->date_source = (enum article_date_source)sqlite3_column_int(st, 9);
	a->updated = sqlite3_column_type(st, 10) == SQLITE_NULL ?
	    ARTICLE_NO_DATE : sqlite3_column_int64(st, 10);
	decode_categories((const char *)sqlite3_column_text(st, 11), a);
	strvec_init(&a->tags);
	collection_split((const char *)sqlite3_column_text(st, 12), SEP_PATH, &a->tags);
	a->author = collection_col_strdup(st, 13);
	a->headimg = collection_col_strdup(st, 14);
	a->thumbnail = collection_col_strdup(st, 15);
	a->cover = collection_col_strdup(st, 16);
	a->excerpt = collection_col_strdup(st, 17);
	a->permalink = collection_col_strdup(st, 18);
	a->lang = collection_col_strdup(st, 19);
	a->comments = sqlite3_column_type(st, 20) == SQLITE_NULL ? -1 :
	    sqlite3_column_int(st, 20);
	a->published = sqlite3_column_type(st, 21) == SQLITE_NULL ? -1 :
	    sqlite3_column_int(st, 21);
	a->extra = collection_col_strdup(st, 22);
	if (!a->extra)
		a->extra = xstrdup("{}");
	a->format = (enum article_format)sqlite3_column_int(st, 23);
	enc = (const char *)sqlite3_column_text(st, 24);
	a->encoding = enc && strcmp(enc, "GB18030") == 0 ? "GB18030" : "UTF-8";
	a->body_line = sqlite3_column_int(st, 25);
	a->more = sqlite3_column_type(st, 26) == SQLITE_NULL ? -1 :
	    (ssize_t)sqlite3_column_int64(st, 26);
	a->body = xstrdup("");
	a->body_len = 0;
	decode_warnings((const char *)sqlite3_column_text(st, 27), &a->warnings);
}

/* The columns of a listing line (read_line()), in this order. */
#define LINE_COLS "a.id, a.read, a.starred, a.path, a.title, a.date, " \
	"a.categories"

/* A column's text, "" for NULL. */
static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s ? s : "";
}

/*
 * Fill line from a row of LINE_COLS, borrowing the row's text; the first
 * category's path (what article_category_path() gives with "/") is built
 * in *category.
 */
static void
read_line(sqlite3_stmt *st, struct collection_line *line, struct buf *category)
{
	const char *cats = col_text(st, 6);
	const char *end = strchr(cats, SEP_PATH);

	line->id = sqlite3_column_int64(st, 0);
	line->read = sqlite3_column_int(st, 1) != 0;
	line->starred = sqlite3_column_int(st, 2) != 0;
	line->path = col_text(st, 3);
	line->title = col_text(st, 4);
	line->date = sqlite3_column_int64(st, 5);
	buf_reset(category);
	if (!*cats)
		buf_adds(category, ARTICLE_UNCATEGORISED);
	buf_add(category, cats, end ? (size_t)(end - cats) : strlen(cats));
	for (char *p = category->buf; (p = strchr(p, SEP_NAME)) != NULL; p++)
		*p = '/';
	line->category = category->buf;
}

int
collection_get(struct collection *c, int64_t id, struct collection_item *item,
    struct error *err)
{
	sqlite3_stmt *st = collection_stmt(c, ST_GET, err);
	int rc;

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		read_item(st, item);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return collection_db_error(c, err, "read an article");
}

int
collection_find_path(struct collection *c, const char *path, int64_t *id,
    struct error *err)
{
	sqlite3_stmt *st = collection_stmt(c, ST_FIND_PATH, err);
	int rc;

	if (!st)
		return -1;
	collection_bind_text(st, 1, path);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return collection_db_error(c, err, "find an article");
}

/* --- the documents a search matches --- */

/*
 * The documents (full-text rowids) a search matches, as a bitmap over
 * their ids. A search that matches many articles walks the date order and
 * keeps the rows whose bit is set, the test of nr_matched(?, a.docid), with
 * the set bound as a pointer. An IN (the search) built a temporary b-tree
 * of the matches and probed it for every row instead (measured: 70 ms for
 * 41,000 matches in 100,000 articles, against 10 ms for the whole walk).
 */
struct docset {
	uint64_t *bits;
	size_t words;
	int64_t count;
};

#define DOCSET_TYPE "nr_docset"

static void
docset_free(struct docset *s)
{
	if (!s)
		return;
	free(s->bits);
	free(s);
}

static void
docset_add(struct docset *s, int64_t docid)
{
	size_t w = (size_t)docid / 64;

	if (docid < 0)	/* never: full-text rowids are positive */
		return;
	if (w >= s->words) {
		size_t n = w + 1 > s->words * 2 ? w + 1 : s->words * 2;

		s->bits = xreallocarray(s->bits, n, sizeof *s->bits);
		memset(s->bits + s->words, 0, (n - s->words) * sizeof *s->bits);
		s->words = n;
	}
	if (!(s->bits[w] & (UINT64_C(1) << (docid % 64)))) {
		s->bits[w] |= UINT64_C(1) << (docid % 64);
		s->count++;
	}
}

static bool
docset_has(const struct docset *s, int64_t docid)
{
	size_t w = (size_t)docid / 64;

	return docid >= 0 && w < s->words &&
	    (s->bits[w] & (UINT64_C(1) << (docid % 64)));
}

/* The documents of every shard that match (an FTS5 expression). */
static struct docset *
docset_of(struct collection *c, const char *match, struct error *err)
{
	struct docset *s = xcalloc(1, sizeof *s);

	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		char sql[64];
		sqlite3_stmt *st;
		int rc;

		snprintf(sql, sizeof sql, "SELECT rowid FROM fts%d.fts WHERE "
		    "fts MATCH ?1", k);
		if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK) {
			collection_db_error(c, err, "search");
			docset_free(s);
			return NULL;
		}
		sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			docset_add(s, sqlite3_column_int64(st, 0));
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			collection_db_error(c, err, "search");
			docset_free(s);
			return NULL;
		}
	}
	return s;
}

/* nr_matched(SET, DOCID): whether DOCID is in the bound docset SET. */
static void
matched_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const struct docset *s = sqlite3_value_pointer(argv[0], DOCSET_TYPE);

	(void)argc;
	sqlite3_result_int(ctx, s && docset_has(s, sqlite3_value_int64(argv[1])));
}

int
collection_query_register(sqlite3 *db, struct error *err)
{
	if (sqlite3_create_function_v2(db, "nr_matched", 2, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL, matched_fn, NULL,
	    NULL, NULL) != SQLITE_OK)
		return collection_sqlite_error(db, err, "register nr_matched");
	return 0;
}

/*
 * Whether a search whose matches are s is common: more than one article in
 * 20. Then the date order is walked, keeping the matches, and the first
 * page comes without sorting them all; a rarer search sorts its matches.
 */
static bool
common_search(struct collection *c, const struct docset *s)
{
	struct error err = ERROR_INIT;
	sqlite3_stmt *st = collection_stmt(c, ST_TOTAL, &err);
	int64_t total = 0;

	/* Unknown (an error), the total is 0: every search is common. */
	if (st && sqlite3_step(st) == SQLITE_ROW)
		total = sqlite3_column_int64(st, 0);
	if (st)
		sqlite3_reset(st);
	error_release(&err);
	return s->count * 20 > total;
}

/* --- views --- */

/* A statement being built: its SQL and the values to bind, in order. */
struct bind {
	enum { B_INT, B_TEXT, B_DOUBLE, B_DOCSET } type;
	int64_t i;
	double d;
	char *s;	/* owned */
	struct docset *set;	/* the query's */
};

struct query {
	struct buf sql;
	struct bind *v;		/* ?1, ?2, ... in order */
	size_t n, alloc;
	/* The keyset cursor's key and id, bound as ?1000 and ?1001. */
	struct bind key[2];
	bool has_key;
	struct docset *set;	/* owned; bound while the statement lives */
};

static struct bind *
add_bind(struct query *q)
{
	ALLOC_GROW(q->v, q->n + 1, q->alloc);
	memset(&q->v[q->n], 0, sizeof q->v[q->n]);
	return &q->v[q->n++];
}

static void
bind_int(struct query *q, int64_t i)
{
	add_bind(q)->i = i;
}

static void
bind_str(struct query *q, const char *s)
{
	struct bind *b = add_bind(q);

	b->type = B_TEXT;
	b->s = xstrdup(s);
}

static void
query_release(struct query *q)
{
	free(q->key[0].s);
	for (size_t i = 0; i < q->n; i++)
		free(q->v[i].s);
	free(q->v);
	docset_free(q->set);
	buf_release(&q->sql);
}

static void
bind_value(sqlite3_stmt *st, int k, const struct bind *b)
{
	switch (b->type) {
	case B_INT:
		sqlite3_bind_int64(st, k, b->i);
		break;
	case B_DOUBLE:
		sqlite3_bind_double(st, k, b->d);
		break;
	case B_TEXT:
		sqlite3_bind_text(st, k, b->s, -1, SQLITE_TRANSIENT);
		break;
	case B_DOCSET:
		sqlite3_bind_pointer(st, k, b->set, DOCSET_TYPE, NULL);
		break;
	}
}

static sqlite3_stmt *
query_prepare(struct collection *c, struct query *q, struct error *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(c->db, q->sql.buf, -1, &st, NULL) != SQLITE_OK) {
		collection_db_error(c, err, "query");
		return NULL;
	}
	for (size_t i = 0; i < q->n; i++)
		bind_value(st, (int)i + 1, &q->v[i]);
	if (q->has_key) {
		bind_value(st, 1000, &q->key[0]);
		bind_value(st, 1001, &q->key[1]);
	}
	return st;
}

/* The ids of the categories at path ("a/b", slashes at the ends ignored). */
static int
category_ids(struct collection *c, const char *path, int64_t **ids, size_t *n,
    struct error *err)
{
	size_t len = strlen(path), alloc = 0;
	sqlite3_stmt *st;
	int rc;

	while (len > 0 && path[len - 1] == '/')
		len--;
	while (len > 0 && *path == '/')
		path++, len--;
	*ids = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(c->db, "SELECT id FROM categories WHERE path = ?1",
	    -1, &st, NULL) != SQLITE_OK)
		return collection_db_error(c, err, "find a category");
	sqlite3_bind_text(st, 1, path, (int)len, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*ids, *n + 1, alloc);
		(*ids)[(*n)++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return collection_db_error(c, err, "find a category");
	return 0;
}

static int64_t
tag_id(struct collection *c, const char *name, struct error *err)
{
	sqlite3_stmt *st = collection_stmt(c, ST_TAG_FIND, err);
	int64_t id = 0;
	int rc;

	if (!st)
		return -1;
	collection_bind_text(st, 1, name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return collection_db_error(c, err, "find a tag");
	return id;
}

/*
 * Append the documents matching an FTS5 expression, from every shard, as
 * a compound SELECT of docid (and rank when wanted); binds the expression
 * once per shard.
 */
static void
add_matches(struct query *q, const char *match, bool rank)
{
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		buf_addf(&q->sql, "%sSELECT rowid AS docid%s FROM fts%d.fts "
		    "WHERE fts MATCH ?", k ? " UNION ALL " : "",
		    rank ? ", rank" : "", k);
		bind_str(q, match);
	}
}

enum build_mode {
	BUILD_ROWS,	/* ITEM_COLS and the rank, ordered */
	BUILD_LINES,	/* LINE_COLS and the rank, ordered */
	BUILD_COUNT,	/* count(*) */
	BUILD_IDS,	/* a.id, unordered */
};

static void
add_scope(struct query *q, const struct collection_view *v)
{
	struct strvec vals = STRVEC_INIT;

	if (v->nscope == 0)
		return;
	buf_adds(&q->sql, " AND (");
	for (size_t i = 0; i < v->nscope; i++) {
		if (i > 0)
			buf_adds(&q->sql, " OR ");
		collection_add_range(&q->sql, &vals, "a.path", v->scope[i]);
	}
	buf_addc(&q->sql, ')');
	for (size_t i = 0; i < vals.nr; i++)
		bind_str(q, vals.v[i]);
	strvec_clear(&vals);
}

/*
 * Append the keyset condition (rows after or before from) and, with order,
 * ORDER BY for view order.
 */
static void
add_order(struct query *q, const struct collection_view *v,
    const struct collection_item *from, enum collection_dir dir,
    const char *kdate, const char *kid, bool order)
{
	static const char *const keys[] = {
		[COLLECTION_SORT_DATE] = NULL,	/* kdate */
		[COLLECTION_SORT_TITLE] = "a.title",
		[COLLECTION_SORT_PATH] = "a.path",
		[COLLECTION_SORT_RANK] = "f.rank",
	};
	const char *key = v->sort == COLLECTION_SORT_DATE ? kdate : keys[v->sort];
	bool asc = v->sort != COLLECTION_SORT_DATE;
	bool id_asc;

	if (v->reverse)
		asc = !asc;
	if (dir == COLLECTION_BEFORE)
		asc = !asc;
	/*
	 * Ties go by id, ascending, the order the files were found in; for
	 * the date (newest first) that is against the key's direction.
	 */
	id_asc = v->sort == COLLECTION_SORT_DATE ? !asc : asc;
	if (from) {
		if (asc == id_asc)
			buf_addf(&q->sql, " AND (%s, %s) %s (?1000, ?1001)", key,
			    kid, asc ? ">" : "<");
		else
			buf_addf(&q->sql, " AND (%s %s ?1000 OR (%s = ?1000 AND "
			    "%s %s ?1001))", key, asc ? ">" : "<", key, kid,
			    id_asc ? ">" : "<");
	}
	if (order)
		buf_addf(&q->sql, " ORDER BY %s %s, %s %s", key,
		    asc ? "ASC" : "DESC", kid, id_asc ? "ASC" : "DESC");
	if (from) {
		struct bind *k = &q->key[0];

		switch (v->sort) {
		case COLLECTION_SORT_DATE:
			k->i = from->article->date;
			break;
		case COLLECTION_SORT_TITLE:
			k->type = B_TEXT;
			k->s = xstrdup(from->article->title);
			break;
		case COLLECTION_SORT_PATH:
			k->type = B_TEXT;
			k->s = xstrdup(from->article->path);
			break;
		case COLLECTION_SORT_RANK:
			k->type = B_DOUBLE;
			k->d = from->rank;
			break;
		}
		q->key[1].i = from->id;
		q->has_key = true;
	}
}

/*
 * Build the statement for view. Returns 0, or -1 with err set (a query
 * with nothing to search for, a rank order without a search).
 */
static int
build_view(struct collection *c, const struct collection_view *v,
    const struct collection_item *from, enum collection_dir dir,
    size_t limit, enum build_mode mode, struct query *q, struct error *err)
{
	static const char *const heads[] = {
		[BUILD_ROWS] = "SELECT " ITEM_COLS ", ",
		[BUILD_LINES] = "SELECT " LINE_COLS ", ",
		[BUILD_COUNT] = "SELECT count(*)",
		[BUILD_IDS] = "SELECT a.id",
	};
	struct buf match = BUF_INIT;
	int64_t *cats = NULL, tag = 0;
	size_t ncats = 0;
	bool cat_done = false, tag_done = false, by_date, common;
	const char *kdate = "a.date", *kid = "a.id";
	bool rows = mode == BUILD_ROWS || mode == BUILD_LINES;
	int rc = -1;

	if (v->sort == COLLECTION_SORT_RANK && !v->search) {
		error_set(err, "sorting by rank needs a search");
		return -1;
	}
	if (v->search && search_compile(v->search, &match, err) < 0)
		goto out;
	if (v->category && category_ids(c, v->category, &cats, &ncats, err) < 0)
		goto out;
	if (v->tag && (tag = tag_id(c, v->tag, err)) < 0)
		goto out;

	buf_adds(&q->sql, heads[mode]);
	if (rows)
		buf_adds(&q->sql, v->sort == COLLECTION_SORT_RANK ? "f.rank" : "0");
	by_date = rows && v->sort == COLLECTION_SORT_DATE;
	/*
	 * Many matches: walk the date order (of the category when there is
	 * one) and keep the rows in the match set, so the first page comes
	 * without sorting them all.
	 */
	if (v->search && by_date) {
		if (!(q->set = docset_of(c, match.buf, err)))
			goto out;
		common = common_search(c, q->set);
	} else {
		common = false;
	}
	if (v->search && !common) {
		buf_adds(&q->sql, " FROM (");
		add_matches(q, match.buf, v->sort == COLLECTION_SORT_RANK);
		buf_adds(&q->sql, ") f CROSS JOIN articles a ON a.docid = f.docid "
		    "WHERE 1");
	} else if (by_date && ncats == 1) {
		buf_addf(&q->sql, " FROM article_categories d CROSS JOIN "
		    "articles a ON a.id = d.article_id WHERE d.cat_id = ?%s",
		    v->unread ? " AND d.unread" : "");
		bind_int(q, cats[0]);
		kdate = "d.date";
		kid = "d.article_id";
		cat_done = true;
	} else if (by_date && tag > 0 && !common) {
		buf_adds(&q->sql, " FROM article_tags d CROSS JOIN articles a "
		    "ON a.id = d.article_id WHERE d.tag_id = ?");
		bind_int(q, tag);
		kdate = "d.date";
		kid = "d.article_id";
		tag_done = true;
	} else if (common) {
		buf_adds(&q->sql, " FROM articles a INDEXED BY articles_date "
		    "WHERE 1");
	} else {
		buf_adds(&q->sql, " FROM articles a WHERE 1");
	}
	if (common) {
		struct bind *b = add_bind(q);

		buf_adds(&q->sql, " AND nr_matched(?, a.docid)");
		b->type = B_DOCSET;
		b->set = q->set;
	}
	if (v->category && !cat_done) {
		if (ncats == 0)
			buf_adds(&q->sql, " AND 0");
		buf_adds(&q->sql, " AND a.id IN (SELECT article_id FROM "
		    "article_categories WHERE cat_id IN (0");
		for (size_t i = 0; i < ncats; i++) {
			buf_adds(&q->sql, ", ?");
			bind_int(q, cats[i]);
		}
		buf_adds(&q->sql, "))");
	}
	if (v->tag && !tag_done) {
		buf_adds(&q->sql, " AND a.id IN (SELECT article_id FROM "
		    "article_tags WHERE tag_id = ?)");
		bind_int(q, tag);
	}
	if (v->author) {
		buf_adds(&q->sql, " AND a.author = ?");
		bind_str(q, v->author);
	}
	if (v->unread)
		buf_adds(&q->sql, " AND a.read = 0");
	if (v->starred)
		buf_adds(&q->sql, " AND a.starred = 1");
	add_scope(q, v);
	if (mode == BUILD_COUNT && from)
		add_order(q, v, from, dir, kdate, kid, false);
	if (rows) {
		add_order(q, v, from, dir, kdate, kid, true);
		if (limit) {
			/* Numbered: an anonymous ? would follow ?1001. */
			buf_addf(&q->sql, " LIMIT ?%zu", q->n + 1);
			bind_int(q, (int64_t)limit);
		}
	}
	rc = 0;
out:
	free(cats);
	buf_release(&match);
	return rc;
}

struct collection_cursor {
	struct collection *c;
	sqlite3_stmt *st;
	struct docset *set;	/* bound to st */
	struct buf category;	/* a line's */
};

static struct collection_cursor *
query_cursor(struct collection *c, const struct collection_view *view,
    const struct collection_item *from, enum collection_dir dir, size_t limit,
    enum build_mode mode, struct error *err)
{
	struct query q = { .sql = BUF_INIT };
	struct collection_cursor *cur = NULL;
	sqlite3_stmt *st;

	if (build_view(c, view, from, dir, limit, mode, &q, err) == 0 &&
	    (st = query_prepare(c, &q, err)) != NULL) {
		cur = xcalloc(1, sizeof *cur);
		cur->c = c;
		cur->st = st;
		cur->set = q.set;
		q.set = NULL;
		buf_init(&cur->category, 0);
	}
	query_release(&q);
	return cur;
}

struct collection_cursor *
collection_query(struct collection *c, const struct collection_view *view,
    const struct collection_item *from, enum collection_dir dir, size_t limit,
    struct error *err)
{
	return query_cursor(c, view, from, dir, limit, BUILD_ROWS, err);
}

struct collection_cursor *
collection_query_lines(struct collection *c, const struct collection_view *view,
    struct error *err)
{
	return query_cursor(c, view, NULL, COLLECTION_AFTER, 0, BUILD_LINES, err);
}

/* Step cur: 1 for a row, 0 at the end, -1 with err set. */
static int
cursor_step(struct collection_cursor *cur, struct error *err)
{
	int rc = sqlite3_step(cur->st);

	if (rc == SQLITE_ROW)
		return 1;
	if (rc == SQLITE_DONE)
		return 0;
	return collection_db_error(cur->c, err, "query");
}

int
collection_cursor_next(struct collection_cursor *cur,
    struct collection_item *item, struct error *err)
{
	int rc = cursor_step(cur, err);

	if (rc > 0)
		read_item(cur->st, item);
	return rc;
}

int
collection_cursor_line(struct collection_cursor *cur,
    struct collection_line *line, struct error *err)
{
	int rc = cursor_step(cur, err);

	if (rc > 0)
		read_line(cur->st, line, &cur->category);
	return rc;
}

void
collection_cursor_free(struct collection_cursor *cur)
{
	if (!cur)
		return;
	sqlite3_finalize(cur->st);
	docset_free(cur->set);
	buf_release(&cur->category);
	free(cur);
}

/* One integer from the first row of q; -1 on error. */
static int64_t
query_int(struct collection *c, struct query *q, struct error *err)
{
	sqlite3_stmt *st = query_prepare(c, q, err);
	int64_t v = -1;
	int rc;

	if (!st)
		return -1;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else if (rc == SQLITE_DONE)
		v = 0;
	else
		collection_db_error(c, err, "count");
	sqlite3_finalize(st);
	return v;
}

int64_t
collection_count(struct collection *c, const struct collection_view *view,
    struct error *err)
{
	struct query q = { .sql = BUF_INIT };
	int64_t n = -1;

	/* Everything, or its unread or starred part: the totals are kept. */
	if (!view->category && !view->tag && !view->author && !view->search &&
	    view->nscope == 0) {
		buf_addf(&q.sql, "SELECT %s FROM totals", view->starred ?
		    (view->unread ? "starred_unread" : "starred") :
		    (view->unread ? "unread" : "total"));
	/* A subtree alone (or its unread part): the counts are kept. */
	} else if (view->category && !view->tag && !view->author &&
	    !view->search && !view->starred && view->nscope == 0) {
		int64_t *ids;
		size_t nids;

		if (category_ids(c, view->category, &ids, &nids, err) < 0)
			return -1;
		buf_addf(&q.sql, "SELECT coalesce(sum(%s), 0) FROM categories "
		    "WHERE id IN (0", view->unread ? "unread" : "total");
		for (size_t i = 0; i < nids; i++) {
			buf_adds(&q.sql, ", ?");
			bind_int(&q, ids[i]);
		}
		buf_addc(&q.sql, ')');
		free(ids);
	} else if (build_view(c, view, NULL, COLLECTION_AFTER, 0, BUILD_COUNT,
	    &q, err) < 0) {
		goto out;
	}
	n = query_int(c, &q, err);
out:
	query_release(&q);
	return n;
}

int64_t
collection_count_before(struct collection *c,
    const struct collection_view *view, const struct collection_item *item,
    struct error *err)
{
	struct query q = { .sql = BUF_INIT };
	int64_t n = -1;

	if (build_view(c, view, item, COLLECTION_BEFORE, 0, BUILD_COUNT, &q,
	    err) == 0)
		n = query_int(c, &q, err);
	query_release(&q);
	return n;
}

int64_t
collection_mark_view(struct collection *c, const struct collection_view *view,
    bool read, struct error *err)
{
	struct query q = { .sql = BUF_INIT };
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st = NULL;
	int64_t n = -1;

	if (build_view(c, view, NULL, COLLECTION_AFTER, 0, BUILD_IDS, &q,
	    err) < 0)
		goto out;
	/* A literal, as the view's anonymous parameters must come first. */
	buf_addf(&sql, "UPDATE articles SET read = %d WHERE read <> %d "
	    "AND id IN (%s)", read, read, q.sql.buf);
	buf_reset(&q.sql);
	buf_addbuf(&q.sql, &sql);
	if (!(st = query_prepare(c, &q, err)))
		goto out;
	if (collection_step_done(c, st, err) == 0)
		n = sqlite3_changes(c->db);
out:
	sqlite3_finalize(st);
	buf_release(&sql);
	query_release(&q);
	return n;
}

/* --- the category tree --- */

int
collection_categories(struct collection *c, const char *const *scope,
    size_t nscope, struct collection_category **out, size_t *n,
    struct error *err)
{
	struct query q = { .sql = BUF_INIT };
	struct collection_view v = { 0 };
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc = -1, r;

	*out = NULL;
	*n = 0;
	if (nscope == 0) {
		buf_adds(&q.sql, "SELECT id, parent, depth, name, path, total, "
		    "unread FROM categories WHERE total > 0 ORDER BY sortkey");
	} else {
		/* Count the links of the articles in scope. */
		buf_adds(&q.sql, "SELECT k.id, k.parent, k.depth, k.name, "
		    "k.path, count(*), sum(d.unread) FROM articles a "
		    "JOIN article_categories d ON d.article_id = a.id "
		    "JOIN categories k ON k.id = d.cat_id WHERE 1");
		v.scope = scope;
		v.nscope = nscope;
		add_scope(&q, &v);
		buf_adds(&q.sql, " GROUP BY k.id ORDER BY k.sortkey");
	}
	if (!(st = query_prepare(c, &q, err)))
		goto out;
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct collection_category *k;

		ALLOC_GROW(*out, *n + 1, alloc);
		k = &(*out)[(*n)++];
		k->id = sqlite3_column_int64(st, 0);
		k->parent = sqlite3_column_int64(st, 1);
		k->depth = sqlite3_column_int(st, 2);
		k->name = collection_col_strdup(st, 3);
		k->path = collection_col_strdup(st, 4);
		k->total = sqlite3_column_int64(st, 5);
		k->unread = sqlite3_column_int64(st, 6);
	}
	sqlite3_finalize(st);
	if (r != SQLITE_DONE)
		collection_db_error(c, err, "list the categories");
	else
		rc = 0;
out:
	query_release(&q);
	return rc;
}

void
collection_categories_free(struct collection_category *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
	}
	free(v);
}

/* --- state --- */

static int
set_flag(struct collection *c, enum stmt_id id, int64_t article, bool on,
    struct error *err)
{
	sqlite3_stmt *st = collection_stmt(c, id, err);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, article);
	sqlite3_bind_int(st, 2, on);
	if (collection_step_done(c, st, err) < 0)
		return -1;
	/* Rows matched, changed or not: 0 means no such article. */
	return sqlite3_changes(c->db) > 0;
}

int
collection_set_read(struct collection *c, int64_t id, bool read,
    struct error *err)
{
	return set_flag(c, ST_SET_READ, id, read, err);
}

int
collection_set_starred(struct collection *c, int64_t id, bool starred,
    struct error *err)
{
	return set_flag(c, ST_SET_STARRED, id, starred, err);
}
