/* SPDX-License-Identifier: MIT */
/*
 * Tests for the collection (src/collection*.c): the store, with articles
 * built by hand, so no file is parsed here.
 */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "collection.h"
#include "report.h"
#include "strvec.h"
#include "tap.h"
#include "xmalloc.h"

/*
 * An article as the parser would give it. cats is "a/b;c" (paths split at
 * ';', names at '/'), tags "x,y"; either may be "".
 */
static struct article *
mk(const char *path, const char *title, int64_t date, const char *cats,
    const char *tags, const char *author, uint64_t hash)
{
	struct article *a = xcalloc(1, sizeof *a);
	struct strvec paths = STRVEC_INIT;
	char *s, *tok, *save;

	a->path = xstrdup(path);
	a->title = xstrdup(title);
	a->date = date;
	a->date_source = ARTICLE_DATE_FRONTMATTER;
	a->updated = ARTICLE_NO_DATE;
	s = xstrdup(cats);
	for (tok = strtok_r(s, ";", &save); tok; tok = strtok_r(NULL, ";", &save))
		strvec_push(&paths, tok);
	free(s);
	a->ncategories = paths.nr;
	a->categories = paths.nr ? xcalloc(paths.nr, sizeof *a->categories) : NULL;
	for (size_t i = 0; i < paths.nr; i++) {
		char *save2;

		strvec_init(&a->categories[i]);
		for (tok = strtok_r(paths.v[i], "/", &save2); tok;
		    tok = strtok_r(NULL, "/", &save2))
			strvec_push(&a->categories[i], tok);
	}
	strvec_clear(&paths);
	strvec_init(&a->tags);
	s = xstrdup(tags);
	for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",", &save))
		strvec_push(&a->tags, tok);
	free(s);
	a->author = author ? xstrdup(author) : NULL;
	a->comments = -1;
	a->published = 1;
	a->extra = xstrdup("{\"k\":1}");
	a->format = ARTICLE_MARKDOWN;
	a->body = xstrdup("");
	a->more = -1;
	a->encoding = "UTF-8";
	a->size = 100;
	a->mtime_ns = date * 1000000000;
	a->hash = hash;
	warnings_add(&a->warnings, 3, "a warning about %s", path);
	return a;
}

static int64_t
put(struct collection *c, struct article *a, const char *text, int64_t replace)
{
	struct error err = ERROR_INIT;
	int64_t id = collection_put(c, a, text, strlen(text), replace, &err);

	if (id < 0)
		tap_diag("put %s: %s", a->path, err.msg);
	error_release(&err);
	article_free(a);
	return id;
}

/* The ids of view, in order, as "1 2 3". */
static const char *
ids(struct collection *c, const struct collection_view *v, struct buf *out)
{
	struct error err = ERROR_INIT;
	struct collection_item it = { 0 };
	struct collection_cursor *cur;

	buf_reset(out);
	cur = collection_query(c, v, NULL, COLLECTION_AFTER, 0, &err);
	if (!cur) {
		buf_addf(out, "error: %s", err.msg);
		error_release(&err);
		return out->buf;
	}
	while (collection_cursor_next(cur, &it, &err) > 0)
		buf_addf(out, "%s%lld", out->len ? " " : "", (long long)it.id);
	collection_item_release(&it);
	collection_cursor_free(cur);
	return out->buf;
}

/*
 * Whether the lines of view (collection_query_lines()) are its items
 * (collection_query()), field by field, in the same order; and how many.
 */
static void
lines_match(struct collection *c, const struct collection_view *v,
    const char *what)
{
	struct error err = ERROR_INIT;
	struct collection_item it = { 0 };
	struct collection_line ln;
	struct collection_cursor *items, *lines;
	int n = 0, bad = 0, ri, rl = -1;

	items = collection_query(c, v, NULL, COLLECTION_AFTER, 0, &err);
	lines = collection_query_lines(c, v, &err);
	if (!items || !lines) {
		ok(0, "%s: %s", what, err.msg);
		goto out;
	}
	while ((ri = collection_cursor_next(items, &it, &err)) > 0 &&
	    (rl = collection_cursor_line(lines, &ln, &err)) > 0) {
		char *cat = article_category_path(it.article, "/");

		if (ln.id != it.id || ln.read != it.read ||
		    ln.starred != it.starred || ln.date != it.article->date ||
		    strcmp(ln.path, it.article->path) != 0 ||
		    strcmp(ln.title, it.article->title) != 0 ||
		    strcmp(ln.category, cat) != 0) {
			tap_diag("%s: line %d: %lld %s %s %s, item %lld", what, n,
			    (long long)ln.id, ln.category, ln.title, ln.path,
			    (long long)it.id);
			bad++;
		}
		free(cat);
		n++;
	}
	/* the items ended: so must the lines */
	if (ri == 0)
		rl = collection_cursor_line(lines, &ln, &err);
	ok(bad == 0 && ri == 0 && rl == 0 && n > 0,
	    "%s: %d lines, each its item's fields", what, n);
out:
	collection_item_release(&it);
	collection_cursor_free(items);
	collection_cursor_free(lines);
	error_release(&err);
}

static const char *
search(struct collection *c, const char *q, struct buf *out)
{
	struct collection_view v = { 0 };

	v.search = q;
	return ids(c, &v, out);
}

static const char *
tree(struct collection *c, const char *const *scope, size_t nscope,
    struct buf *out)
{
	struct error err = ERROR_INIT;
	struct collection_category *k;
	size_t n;

	buf_reset(out);
	if (collection_categories(c, scope, nscope, &k, &n, &err) < 0) {
		buf_addf(out, "error: %s", err.msg);
		error_release(&err);
		return out->buf;
	}
	for (size_t i = 0; i < n; i++)
		buf_addf(out, "%s%s=%lld/%lld", i ? " " : "", k[i].path,
		    (long long)k[i].total, (long long)k[i].unread);
	collection_categories_free(k, n);
	return out->buf;
}

static void
check(struct collection *c, const char *what)
{
	struct error err = ERROR_INIT;

	ok(collection_check(c, &err) == 0, "consistent after %s%s%s", what,
	    err.msg ? ": " : "", err.msg ? err.msg : "");
	error_release(&err);
}


static int
count_files(void *ctx, const struct collection_file *f)
{
	(void)f;
	++*(int *)ctx;
	return 0;
}

/* The value of an FTS5 setting, read straight from a config table. */
static int
fts_setting(sqlite3 *db, const char *table, const char *key)
{
	char *sql = xasprintf("SELECT v FROM %s WHERE k = ?", table);
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	free(sql);
	return v;
}

/* One integer from sql, or -1. */
static int64_t
int_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int
note_file(void *ctx, const struct collection_file *f)
{
	struct buf *b = ctx;

	buf_addf(b, "%s%s:%s", b->len ? " " : "", strrchr(f->path, '/') + 1,
	    f->indexed ? "indexed" : "not");
	return 0;
}

/* A file of the database named path, with a suffix. */
static void
unlink_db(const char *path)
{
	static const char *const suffix[] = {
		"", "-wal", "-shm", "-fts0", "-fts0-wal", "-fts0-shm",
		"-fts1", "-fts1-wal", "-fts1-shm",
	};

	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		char *f = xasprintf("%s%s", path, suffix[i]);

		unlink(f);
		free(f);
	}
}

/*
 * The version-2 fixture (tests/fixtures/collection/v2.sql) loaded into a
 * new database at path: its connection, or NULL (reported) when the
 * fixture is missing or does not load.
 */
static sqlite3 *
load_v2(const char *path, const char *what)
{
	const char *top = getenv("top_srcdir");
	char *fixture = xasprintf("%s/tests/fixtures/collection/v2.sql",
	    top ? top : NR_BUILD_SRCDIR);
	struct buf sql = BUF_INIT;
	FILE *fp = fopen(fixture, "r");
	char chunk[4096];
	size_t n;
	sqlite3 *db = NULL;
	int rc;

	free(fixture);
	ok(fp != NULL, "%s: the version-2 fixture is there", what);
	if (!fp)
		return NULL;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&sql, chunk, n);
	fclose(fp);
	sqlite3_open(path, &db);
	rc = sqlite3_exec(db, sql.buf, NULL, NULL, NULL);
	buf_release(&sql);
	is_int(rc, SQLITE_OK, "%s: it loads", what);
	if (rc != SQLITE_OK) {
		sqlite3_close(db);
		return NULL;
	}
	return db;
}

/*
 * A version-2 database, made by that version (tests/fixtures/collection/
 * v2.sql: three articles, 2.md read, 3.md starred), is migrated on open:
 * articles, tree, tags and state kept, its index dropped for the shards,
 * every article to be indexed again.
 */
static void
test_migration(const char *dir)
{
	struct error err = ERROR_INIT;
	struct collection_view v = { 0 };
	struct collection *c;
	struct buf b = BUF_INIT, out = BUF_INIT;
	sqlite3 *db;

	buf_addf(&b, "%s/old.db", dir);
	if (!(db = load_v2(b.buf, "v2")))
		goto out;
	is_int(int_of(db, "PRAGMA user_version"), 2, "at version 2");
	sqlite3_close(db);

	c = collection_open(b.buf, &err);
	ok(c != NULL, "a version-2 database opens%s%s", err.msg ? ": " : "",
	    err.msg ? err.msg : "");
	if (!c)
		goto out;
	is_str(ids(c, &v, &out), "1 3 2", "its articles are there, newest first");
	is_str(tree(c, NULL, 0, &out), "旧=2/1 旧/子=1/0 未分类=1/1",
	    "with their tree and read state");
	v.starred = true;
	is_str(ids(c, &v, &out), "1", "and the star");
	v.starred = false;
	v.tag = "迁移";
	is_str(ids(c, &v, &out), "2", "and the tag");
	v.tag = NULL;
	buf_reset(&out);
	collection_files(c, "/tmp/nr-fixture/news", note_file, &out, &err);
	is_str(out.buf, "3.md:not 1.md:not 2.md:not",
	    "every article is to be indexed again");
	is_str(search(c, "迁移", &out), "", "so none is found yet");
	{
		struct collection_source *src;
		size_t nsrc;

		ok(collection_sources(c, &src, &nsrc, &err) == 0 && nsrc == 1 &&
		    src[0].sample == COLLECTION_SAMPLE_UNKNOWN,
		    "its source is kept, not known to be the sample or not");
		collection_sources_free(src, nsrc);
	}
	check(c, "the migration");
	/* What the next scan does for 1.md. */
	collection_begin(c, &err);
	put(c, mk("/tmp/nr-fixture/news/a/1.md", "旧数据库里的文章", 1614592800,
	    "旧", "迁移", "某人", 9), "迁移之后还在", 0);
	collection_commit(c, &err);
	is_str(search(c, "迁移之后", &out), "2", "indexed again, it is found");
	collection_free(c);

	sqlite3_open(b.buf, &db);
	is_int(int_of(db, "PRAGMA user_version"), COLLECTION_SCHEMA_VERSION,
	    "it is at the current schema version after");
	is_int(int_of(db, "SELECT count(*) FROM sqlite_schema WHERE name "
	    "LIKE 'fts%'"), 0, "with no index left in the database");
	sqlite3_close(db);
	buf_reset(&out);
	buf_addf(&out, "%s-fts1", b.buf);
	sqlite3_open(out.buf, &db);
	is_int(fts_setting(db, "fts_config", "hashsize"), 16777216,
	    "a shard has the hashsize set");
	is_int(fts_setting(db, "fts_config", "automerge"), 8, "and automerge");
	sqlite3_close(db);
out:
	error_release(&err);
	unlink_db(b.buf);
	buf_release(&b);
	buf_release(&out);
}

/*
 * Databases of versions 1 and 3 to 6 (made by turning back what the
 * later versions add: a version-1 file is the version-2 fixture without
 * FTS5's settings; versions 3 to 6 are a new file without the kept
 * totals, for 3 to 5 with the date index of before version 6, for 3 and
 * 4 without the sample column and, for 3, without the rescan index) are
 * migrated on open, articles and state kept, to the current version with
 * everything it adds.
 */
static void
test_migration_from(const char *dir, int from)
{
	struct error err = ERROR_INIT;
	struct collection_view v = { 0 };
	struct collection *c;
	struct buf b = BUF_INIT, out = BUF_INIT;
	char pragma[64];
	sqlite3 *db;
	int64_t id;

	buf_addf(&b, "%s/v%d.db", dir, from);
	if (from == 1) {
		if (!(db = load_v2(b.buf, "v1")))
			goto out;
		sqlite3_exec(db, "DELETE FROM fts_config WHERE k IN ('hashsize', "
		    "'automerge'); PRAGMA user_version = 1", NULL, NULL, NULL);
	} else {
		c = collection_open(b.buf, &err);
		ok(c != NULL, "v%d: a new database opens", from);
		if (!c)
			goto out;
		collection_begin(c, &err);
		id = put(c, mk("/old/1.md", "旧文章", 1614592800, "旧", "", NULL, 9),
		    "旧的正文", 0);
		collection_set_read(c, id, true, &err);
		collection_set_starred(c, id, true, &err);
		collection_source_add(c, "/old", false, false, &err);
		collection_commit(c, &err);
		collection_free(c);
		sqlite3_open(b.buf, &db);
		sqlite3_exec(db, "DROP TRIGGER totals_insert; DROP TRIGGER "
		    "totals_delete; DROP TRIGGER totals_state; DROP TABLE totals",
		    NULL, NULL, NULL);
		if (from <= 5)
			sqlite3_exec(db, "DROP INDEX articles_date; CREATE INDEX "
			    "articles_date ON articles(date, id DESC, docid)", NULL,
			    NULL, NULL);
		if (from <= 4)
			sqlite3_exec(db, "ALTER TABLE sources DROP COLUMN sample",
			    NULL, NULL, NULL);
		if (from == 3)
			sqlite3_exec(db, "DROP INDEX articles_files", NULL, NULL,
			    NULL);
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", from);
		sqlite3_exec(db, pragma, NULL, NULL, NULL);
	}
	is_int(int_of(db, "PRAGMA user_version"), from, "v%d: made at version %d",
	    from, from);
	sqlite3_close(db);

	c = collection_open(b.buf, &err);
	ok(c != NULL, "v%d: it opens%s%s", from, err.msg ? ": " : "",
	    err.msg ? err.msg : "");
	if (!c)
		goto out;
	if (from == 1) {
		is_str(ids(c, &v, &out), "1 3 2", "v1: its articles are there");
		is_str(tree(c, NULL, 0, &out), "旧=2/1 旧/子=1/0 未分类=1/1",
		    "v1: with their tree and read state");
	} else {
		v.starred = true;
		is_str(ids(c, &v, &out), "1", "v%d: its article is there, starred",
		    from);
		is_str(tree(c, NULL, 0, &out), "旧=1/0", "v%d: and read", from);
	}
	check(c, "the migration");
	collection_free(c);
	sqlite3_open(b.buf, &db);
	is_int(int_of(db, "PRAGMA user_version"), COLLECTION_SCHEMA_VERSION,
	    "v%d: at the current version after", from);
	is_int(int_of(db, "SELECT count(*) FROM sqlite_schema WHERE "
	    "name = 'articles_files'"), 1, "v%d: with the rescan index", from);
	is_int(int_of(db, "SELECT count(*) FROM pragma_table_info('sources') "
	    "WHERE name = 'sample'"), 1, "v%d: and the sample column", from);
	is_int(int_of(db, "SELECT count(*) FROM pragma_index_info("
	    "'articles_date') WHERE name IN ('read', 'starred', 'title', "
	    "'categories', 'path')"), 5,
	    "v%d: and the date index that covers a listing line", from);
	is_int(int_of(db, "SELECT total * 1000 + unread * 100 + starred * 10 + "
	    /* v1: three articles, 2.md read, 3.md starred; the others: one
	     * article, read and starred */
	    "starred_unread FROM totals"), from == 1 ? 3211 : 1010,
	    "v%d: and the kept totals, counted from its articles", from);
	sqlite3_close(db);
out:
	error_release(&err);
	unlink_db(b.buf);
	buf_release(&b);
	buf_release(&out);
}

/*
 * A search answers the same whether it is common (more than one article in
 * 20 match: the date order is walked, keeping the matches) or rare (the
 * matches are sorted): 港 in 20 articles of 30, 卨 in one.
 */
static void
test_common_rare(const char *dir)
{
	struct error err = ERROR_INIT;
	struct collection_view v = { 0 };
	struct buf path = BUF_INIT, b = BUF_INIT, want = BUF_INIT;
	struct collection *c;
	int64_t id[31];

	buf_addf(&path, "%s/common.db", dir);
	if (!(c = collection_open(path.buf, &err))) {
		ok(0, "open: %s", err.msg);
		goto out;
	}
	collection_begin(c, &err);
	for (int i = 1; i <= 30; i++) {
		char p[32], title[32];

		snprintf(p, sizeof p, "/c/%02d.md", i);
		snprintf(title, sizeof title, "第%d篇", i);
		/* dates not in id order: 7 is the newest */
		id[i] = put(c, mk(p, title, i == 7 ? 9999 : i * 100,
		    i % 2 ? "类/子" : "别类", "", NULL, (uint64_t)i),
		    i == 7 ? "卨的正文，港口" : i % 3 ? "香港的正文" : "别的正文", 0);
	}
	collection_commit(c, &err);
	/* 7 is the newest, then the others of 港 newest first */
	buf_addf(&want, "%lld", (long long)id[7]);
	for (int i = 30; i >= 1; i--)
		if (i % 3 && i != 7)
			buf_addf(&want, " %lld", (long long)id[i]);
	is_str(search(c, "港", &b), want.buf, "a common search, by date");
	v.search = "港";
	lines_match(c, &v, "lines of a common search");
	v.reverse = true;
	lines_match(c, &v, "lines of a common search, reversed");
	v.reverse = false;
	v.category = "类";
	buf_reset(&want);
	buf_addf(&want, "%lld", (long long)id[7]);
	for (int i = 29; i >= 1; i -= 2)
		if (i % 3 && i != 7)
			buf_addf(&want, " %lld", (long long)id[i]);
	is_str(ids(c, &v, &b), want.buf, "a common search in a category");
	collection_set_read(c, id[7], true, &err);
	v.unread = true;
	is_str(ids(c, &v, &b), strchr(want.buf, ' ') + 1,
	    "a common search of the unread in a category");
	lines_match(c, &v, "its lines");
	v.unread = false;
	v.category = NULL;
	buf_reset(&want);
	buf_addf(&want, "%lld", (long long)id[7]);
	is_str(search(c, "卨", &b), want.buf, "a rare search");
	is_str(search(c, "卨 港", &b), want.buf, "a rare search of two terms");
	v.search = "卨";
	lines_match(c, &v, "lines of a rare search");
	v.search = "港";
	is_int(collection_count(c, &v, &err), 20, "the count of a common search");
	collection_free(c);
out:
	error_release(&err);
	unlink_db(path.buf);
	buf_release(&path);
	buf_release(&b);
	buf_release(&want);
}

/* "name:indexed" (or ":not") for each article under root, by path. */
static const char *
indexed(struct collection *c, const char *root, struct buf *out)
{
	struct error err = ERROR_INIT;

	buf_reset(out);
	collection_files(c, root, note_file, out, &err);
	error_release(&err);
	return out->buf;
}

/*
 * The index's shards: documents nothing refers to (a scan killed between
 * a shard's commit and the articles') are garbage a vacuum clears; a
 * document from before a shard was emptied is not used; a shard file that
 * is lost is made anew and its articles are indexed again.
 */
static void
test_shards(const char *dir)
{
	struct error err = ERROR_INIT;
	struct buf path = BUF_INIT, out = BUF_INIT;
	struct collection_shard *w;
	struct collection_doc old = { 0, 0 };
	struct collection *c;
	int64_t id;

	buf_addf(&path, "%s/shards.db", dir);
	c = collection_open(path.buf, &err);
	ok(c != NULL, "a database for the shards' tests");
	if (!c)
		goto out;
	collection_begin(c, &err);
	put(c, mk("/s/a.md", "甲", 1, "x", "", NULL, 1), "第一篇", 0);
	put(c, mk("/s/b.md", "乙", 2, "x", "", NULL, 2), "第二篇", 0);
	ok(collection_commit(c, &err) == 0, "two articles, one in each shard");
	is_str(indexed(c, "/s", &out), "a.md:indexed b.md:indexed", "both indexed");
	is_str(search(c, "篇", &out), "2 1", "and found, from both shards");

	w = collection_shard_open(c, 0, &err);
	ok(w != NULL && collection_shard_begin(w, &err) == 0,
	    "a writer of shard 0 begins");
	for (int i = 0; i < 1200 && w; i++) {
		struct article *a = mk("/s/lost.md", "丢", 3, "x", "", NULL, 3);
		struct collection_doc doc;

		collection_shard_put(w, a, "没人引用", 12, i ? &doc : &old, &err);
		article_free(a);
	}
	ok(w && collection_shard_commit(w, &err) == 0 && old.docid > 0,
	    "1200 documents committed, and never stored (a killed scan)");
	collection_shard_free(w);
	is_str(search(c, "没人引用", &out), "", "no article has them");
	check(c, "unreferenced documents");
	is_int(collection_index_vacuum(c, &err), 1, "a vacuum empties the shard");
	is_str(indexed(c, "/s", &out), "a.md:not b.md:indexed",
	    "whose article is to be indexed again; the other shard's is not");
	check(c, "a vacuum of one shard");
	collection_begin(c, &err);
	{
		struct article *a = mk("/s/lost.md", "丢", 3, "x", "", NULL, 3);

		id = collection_put_doc(c, a, &old, 0, &err);
		article_free(a);
	}
	collection_commit(c, &err);
	ok(id > 0, "an article stored with a document from before the vacuum");
	is_str(indexed(c, "/s", &out), "a.md:not b.md:indexed lost.md:not",
	    "is stored unindexed, to be indexed by the next scan");
	check(c, "a document from an emptied shard");
	collection_free(c);

	/* A lost shard file. */
	buf_reset(&out);
	buf_addf(&out, "%s-fts1", path.buf);
	ok(unlink(out.buf) == 0, "shard 1's file is removed");
	c = collection_open(path.buf, &err);
	ok(c != NULL, "the database still opens%s%s", err.msg ? ": " : "",
	    err.msg ? err.msg : "");
	if (!c)
		goto out;
	is_str(indexed(c, "/s", &out), "a.md:not b.md:not lost.md:not",
	    "the lost shard's article is to be indexed again");
	check(c, "a lost shard");
	collection_free(c);
out:
	error_release(&err);
	unlink_db(path.buf);
	buf_release(&path);
	buf_release(&out);
}

int
main(void)
{
	char dir[] = "/tmp/nr-test-collection.XXXXXX";
	struct error err = ERROR_INIT;
	struct buf b = BUF_INIT, path = BUF_INIT;
	struct collection *c;
	struct collection_view v = { 0 };
	struct collection_item it = { 0 }, from = { 0 };
	struct collection_cursor *cur;
	int64_t id1, id2, id3, id4, id;

	if (!mkdtemp(dir))
		return tap_skip_all("no temporary directory");
	buf_addf(&path, "%s/nr.db", dir);

	c = collection_open(path.buf, &err);
	ok(c != NULL, "a new database opens");
	if (!c)
		return tap_done();

	ok(collection_begin(c, &err) == 0, "a transaction begins");
	id1 = put(c, mk("/news/a/1.md", "大连疫情防控会议", 1000,
	    "新媒体/趣头条/分类", "疫情,民生", "趣头条", 11),
	    "会议指出，疫情防控工作要抓实。Python 和 COVID-19 疫苗。", 0);
	id2 = put(c, mk("/news/a/2.md", "香港港口", 3000, "新媒体/央视网",
	    "经济", "央视网", 22), "香港港口恢复运营。Linux vaccine rollout", 0);
	id3 = put(c, mk("/news/b/3.md", "Winter games 开幕", 2000,
	    "博客;新媒体/趣头条", "", NULL, 33),
	    "冬奥会开幕，港。\"covid vaccine\" works", 0);
	id4 = put(c, mk("/other/4.md", "无分类的文章", 500, "", "", "某人", 44),
	    "世界卫生组织发布报告", 0);
	ok(collection_commit(c, &err) == 0, "and commits");
	ok(id1 > 0 && id2 > id1 && id3 > id2 && id4 > id3, "ids are new and rising");
	check(c, "four puts");

	/* An article reads back as it was put. */
	ok(collection_get(c, id3, &it, &err) == 1, "get by id");
	is_str(it.article->path, "/news/b/3.md", "path");
	is_str(it.article->title, "Winter games 开幕", "title");
	is_int(it.article->date, 2000, "date");
	is_int(it.article->ncategories, 2, "two category paths");
	is_str(it.article->categories[1].v[1], "趣头条", "their names");
	is_int(it.article->tags.nr, 0, "no tags");
	ok(it.article->author == NULL, "no author is NULL");
	is_str(it.article->extra, "{\"k\":1}", "extra keys");
	is_int(it.article->published, 1, "published");
	is_int(it.article->comments, -1, "absent comments");
	is_int(it.article->format, ARTICLE_MARKDOWN, "format");
	is_int(it.article->hash, 33, "hash");
	ok(it.article->warnings.nr == 1 && it.article->warnings.v[0].line == 3 &&
	    strcmp(it.article->warnings.v[0].msg, "a warning about /news/b/3.md") == 0,
	    "warnings");
	ok(!it.read && !it.starred, "new articles are unread, not starred");
	ok(collection_get(c, 9999, &it, &err) == 0, "no such id");
	ok(collection_find_path(c, "/news/a/2.md", &id, &err) == 1 && id == id2,
	    "find by path");

	/* The tree, with subtree counts. */
	is_str(tree(c, NULL, 0, &b),
	    "博客=1/1 新媒体=3/3 新媒体/央视网=1/1 新媒体/趣头条=2/2 "
	    "新媒体/趣头条/分类=1/1 未分类=1/1",
	    "the category tree counts each article once per node");

	/* Orders. */
	is_str(ids(c, &v, &b), "2 3 1 4", "newest first by default");
	v.reverse = true;
	is_str(ids(c, &v, &b), "4 1 3 2", "--reverse");
	v.reverse = false;
	v.sort = COLLECTION_SORT_PATH;
	is_str(ids(c, &v, &b), "1 2 3 4", "by path");
	v.sort = COLLECTION_SORT_TITLE;
	is_str(ids(c, &v, &b), "3 1 4 2", "by title, code point order");
	v.sort = COLLECTION_SORT_RANK;
	is_str(ids(c, &v, &b), "error: sorting by rank needs a search",
	    "rank needs a search");
	v.sort = COLLECTION_SORT_DATE;

	/* Filters. */
	v.category = "新媒体";
	is_str(ids(c, &v, &b), "2 3 1", "a category is its subtree");
	v.category = "新媒体/趣头条/";
	is_str(ids(c, &v, &b), "3 1", "a deeper category (trailing slash ok)");
	v.sort = COLLECTION_SORT_PATH;
	is_str(ids(c, &v, &b), "1 3", "a category in another order");
	v.sort = COLLECTION_SORT_DATE;
	v.category = "未分类";
	is_str(ids(c, &v, &b), "4", "the uncategorised node");
	v.category = "没有";
	is_str(ids(c, &v, &b), "", "an unknown category is empty");
	v.category = NULL;
	v.tag = "疫情";
	is_str(ids(c, &v, &b), "1", "a tag");
	v.tag = "无";
	is_str(ids(c, &v, &b), "", "an unknown tag");
	v.tag = NULL;
	v.author = "央视网";
	is_str(ids(c, &v, &b), "2", "an author");
	v.author = NULL;
	{
		const char *scope[] = { "/news/a", "/other/4.md" };

		v.scope = scope;
		v.nscope = 2;
		is_str(ids(c, &v, &b), "2 1 4", "a scope of a directory and a file");
		is_str(tree(c, scope, 2, &b),
		    "新媒体=2/2 新媒体/央视网=1/1 新媒体/趣头条=1/1 "
		    "新媒体/趣头条/分类=1/1 未分类=1/1", "the tree of a scope");
		scope[0] = "/news/a/";
		v.nscope = 1;
		is_str(ids(c, &v, &b), "2 1", "a trailing slash in the scope");
		scope[0] = "/news/";
		scope[0] = "/new";
		is_str(ids(c, &v, &b), "", "a scope is whole path components");
		v.nscope = 0;
		v.scope = NULL;
	}

	/* Search. */
	is_str(search(c, "疫情", &b), "1", "a two-character word");
	is_str(search(c, "港", &b), "2 3", "one character, anywhere in a run");
	is_str(search(c, "连", &b), "1", "one character at the end of a run");
	is_str(search(c, "卫生组织", &b), "4", "four characters");
	is_str(search(c, "世界卫生组织发布", &b), "4", "eight characters");
	is_str(search(c, "组织报告", &b), "", "characters not adjacent do not match");
	is_str(search(c, "指出疫情", &b), "", "a phrase does not span punctuation");
	is_str(search(c, "指出，疫情", &b), "1", "punctuation matches exactly");
	is_str(search(c, "趣头条", &b), "3 1", "categories and authors are indexed");
	is_str(search(c, "民生", &b), "1", "tags are indexed");
	is_str(search(c, "python", &b), "1", "a Latin word, case-insensitive");
	is_str(search(c, "VACC", &b), "2 3", "a Latin prefix");
	is_str(search(c, "\"covid vaccine\"", &b), "3", "a phrase");
	is_str(search(c, "\"vaccine covid\"", &b), "", "a phrase keeps its order");
	is_str(search(c, "covid vaccine", &b), "3", "words are ANDed");
	is_str(search(c, "covid 疫苗", &b), "1", "words are ANDed, either order");
	is_str(search(c, "港 Linux", &b), "2", "Chinese and Latin ANDed");
	is_str(search(c, "games", &b), "3", "the title is indexed");
	v.search = "港";
	v.sort = COLLECTION_SORT_RANK;
	ok(strlen(ids(c, &v, &b)) == 3, "sort by rank lists the matches");
	v.sort = COLLECTION_SORT_DATE;
	v.category = "博客";
	is_str(ids(c, &v, &b), "3", "search and category combine");
	v.category = NULL;
	v.search = "，";
	is_str(ids(c, &v, &b), "3 1", "a search for punctuation");
	v.search = " ";
	is_str(ids(c, &v, &b), "error: nothing to search for in ' '",
	    "a search of white space alone");
	v.search = NULL;

	/* Lines: what a listing prints, read without the article. */
	lines_match(c, &v, "lines of everything");
	{
		struct collection_cursor *lc = collection_query_lines(c, &v, &err);
		struct collection_line ln;

		buf_reset(&b);
		while (lc && collection_cursor_line(lc, &ln, &err) > 0)
			buf_addf(&b, "%s%s", b.len ? " " : "", ln.category);
		collection_cursor_free(lc);
		is_str(b.buf, "新媒体/央视网 博客 新媒体/趣头条/分类 未分类",
		    "a line's category is the first path, or 未分类");
	}
	v.category = "新媒体";
	lines_match(c, &v, "lines of a category");
	v.search = "港";
	lines_match(c, &v, "lines of a search in a category");
	v.category = NULL;
	lines_match(c, &v, "lines of a search");
	v.sort = COLLECTION_SORT_RANK;
	lines_match(c, &v, "lines of a search by rank");
	v.sort = COLLECTION_SORT_TITLE;
	v.search = NULL;
	v.reverse = true;
	lines_match(c, &v, "lines by title, reversed");
	v.sort = COLLECTION_SORT_DATE;
	v.reverse = false;

	/* Counts. */
	is_int(collection_count(c, &v, &err), 4, "count of everything");
	v.category = "新媒体";
	is_int(collection_count(c, &v, &err), 3, "count of a subtree");
	v.search = "港";
	is_int(collection_count(c, &v, &err), 2, "count of a search in a subtree");
	v.search = NULL;
	v.category = NULL;

	/* Keyset pages, both ways. */
	cur = collection_query(c, &v, NULL, COLLECTION_AFTER, 2, &err);
	ok(cur && collection_cursor_next(cur, &it, &err) == 1 && it.id == id2,
	    "page 1 row 1");
	ok(collection_cursor_next(cur, &from, &err) == 1 && from.id == id3,
	    "page 1 row 2");
	ok(collection_cursor_next(cur, &it, &err) == 0, "page 1 has two rows");
	collection_cursor_free(cur);
	cur = collection_query(c, &v, &from, COLLECTION_AFTER, 2, &err);
	ok(cur && collection_cursor_next(cur, &it, &err) == 1 && it.id == id1,
	    "page 2 starts after the cursor");
	ok(collection_cursor_next(cur, &it, &err) == 1 && it.id == id4,
	    "page 2 row 2");
	collection_cursor_free(cur);
	cur = collection_query(c, &v, &it, COLLECTION_BEFORE, 0, &err);
	ok(cur && collection_cursor_next(cur, &it, &err) == 1 && it.id == id1,
	    "before the last row, nearest first");
	ok(collection_cursor_next(cur, &it, &err) == 1 && it.id == id3, "then");
	ok(collection_cursor_next(cur, &it, &err) == 1 && it.id == id2, "then");
	ok(collection_cursor_next(cur, &it, &err) == 0, "and no more");
	collection_cursor_free(cur);
	v.category = "新媒体";
	cur = collection_query(c, &v, &from, COLLECTION_AFTER, 0, &err);
	ok(cur && collection_cursor_next(cur, &it, &err) == 1 && it.id == id1,
	    "keyset in a category");
	collection_cursor_free(cur);
	v.sort = COLLECTION_SORT_TITLE;
	cur = collection_query(c, &v, &from, COLLECTION_BEFORE, 0, &err);
	ok(cur && collection_cursor_next(cur, &it, &err) == 0,
	    "keyset by title: nothing sorts before 'Winter'");
	collection_cursor_free(cur);
	v.sort = COLLECTION_SORT_DATE;
	v.category = NULL;

	/* State. */
	is_int(collection_set_read(c, id1, true, &err), 1, "mark read");
	is_int(collection_set_starred(c, id3, true, &err), 1, "star");
	is_int(collection_set_read(c, 9999, true, &err), 0, "no such article");
	is_str(tree(c, NULL, 0, &b),
	    "博客=1/1 新媒体=3/2 新媒体/央视网=1/1 新媒体/趣头条=2/1 "
	    "新媒体/趣头条/分类=1/0 未分类=1/1", "unread counts follow");
	v.unread = true;
	is_str(ids(c, &v, &b), "2 3 4", "--unread");
	v.category = "新媒体/趣头条";
	is_str(ids(c, &v, &b), "3", "--unread in a category");
	is_int(collection_count(c, &v, &err), 1, "its count");
	v.category = NULL;
	v.unread = false;
	v.starred = true;
	is_str(ids(c, &v, &b), "3", "--starred");
	/* the fixed views' counts, kept */
	is_int(collection_count(c, &v, &err), 1, "the starred count");
	v.unread = true;
	is_int(collection_count(c, &v, &err), 1, "the starred unread count");
	v.starred = false;
	is_int(collection_count(c, &v, &err), 3, "the unread count");
	v.unread = false;
	check(c, "state changes");

	/* A changed file keeps its id and state; its new text replaces the old. */
	ok(collection_begin(c, &err) == 0, "begin");
	is_int(put(c, mk("/news/a/1.md", "大连会议", 1500, "新媒体/澎湃新闻",
	    "", "趣头条", 111), "全新的正文 Omicron", 0), id1,
	    "a re-parsed file keeps its id");
	ok(collection_commit(c, &err) == 0, "commit");
	ok(collection_get(c, id1, &it, &err) == 1 && it.read,
	    "and its read state");
	is_str(search(c, "Omicron", &b), "1", "the new text is found");
	is_str(search(c, "疫情", &b), "", "the old text is not");
	is_str(tree(c, NULL, 0, &b),
	    "博客=1/1 新媒体=3/2 新媒体/央视网=1/1 新媒体/澎湃新闻=1/0 "
	    "新媒体/趣头条=1/1 未分类=1/1", "its categories moved");
	check(c, "a re-parse");

	/* A moved file (same content, new path) keeps id and state. */
	ok(collection_begin(c, &err) == 0, "begin");
	is_int(put(c, mk("/news/c/3-moved.md", "Winter games 开幕", 2000,
	    "博客;新媒体/趣头条", "", NULL, 33),
	    "冬奥会开幕，港。\"covid vaccine\" works", id3), id3,
	    "a moved file takes the id it replaces");
	ok(collection_commit(c, &err) == 0, "commit");
	ok(collection_get(c, id3, &it, &err) == 1 && it.starred &&
	    strcmp(it.article->path, "/news/c/3-moved.md") == 0,
	    "with its new path and its star");
	is_str(search(c, "冬奥会", &b), "3", "and is still found");

	/* Removing. */
	is_int(collection_remove(c, id2, &err), 1, "remove");
	is_int(collection_remove(c, id2, &err), 0, "remove twice");
	is_str(search(c, "香港", &b), "", "a removed article is not found");
	is_str(tree(c, NULL, 0, &b),
	    "博客=1/1 新媒体=2/1 新媒体/澎湃新闻=1/0 新媒体/趣头条=1/1 "
	    "未分类=1/1", "the tree drops it");
	check(c, "a remove");

	/* Marking a whole view. */
	v.category = "新媒体";
	is_int(collection_mark_view(c, &v, true, &err), 1,
	    "mark a category read: one changed");
	v.category = NULL;
	v.unread = true;
	is_str(ids(c, &v, &b), "4", "only the other one is unread");
	v.unread = false;
	is_int(collection_mark_view(c, &v, false, &err), 2,
	    "mark all unread: the two read ones change");
	check(c, "marking views");

	/* Files under a root, for scans. */
	{
		int n = 0;

		collection_files(c, "/news", count_files, &n, &err);
		is_int(n, 2, "two files under /news");
		n = 0;
		collection_files(c, "/other/4.md", count_files, &n, &err);
		is_int(n, 1, "a single-file root");
	}

	/* Sources. */
	ok(collection_source_add(c, "/news", false, true, &err) == 0,
	    "add a source, as the sample");
	ok(collection_source_add(c, "/news/c", false, false, &err) == 0,
	    "and one inside, of the user's own");
	{
		struct collection_source *s;
		size_t n;

		ok(collection_sources(c, &s, &n, &err) == 0 && n == 2 &&
		    strcmp(s[0].path, "/news") == 0, "the sources, sorted");
		ok(n == 2 && s[0].sample == COLLECTION_SAMPLE &&
		    s[1].sample == COLLECTION_OWN, "which is the sample, which not");
		collection_sources_free(s, n);
	}
	ok(collection_source_add(c, "/news", false, false, &err) == 0,
	    "twice is harmless");
	{
		struct collection_source *s;
		size_t n;

		ok(collection_sources(c, &s, &n, &err) == 0 && n == 2 &&
		    s[0].sample == COLLECTION_OWN,
		    "and named again, the sample is the user's own");
		collection_sources_free(s, n);
	}
	is_int(collection_source_forget(c, "/news/c", &err), 0,
	    "forgetting an inner source keeps what the outer covers");
	is_int(collection_source_forget(c, "/news", &err), 2,
	    "forgetting a source removes its articles");
	is_int(collection_source_forget(c, "/news", &err), -1,
	    "forgetting an unknown source is an error");
	ok(err.msg && strstr(err.msg, "not a remembered source"), "which says so");
	error_release(&err);
	is_str(ids(c, &v, &b), "4", "one article left");
	check(c, "forgetting");

	/* A rollback takes back new categories and tags, cached ids too. */
	ok(collection_begin(c, &err) == 0, "begin");
	put(c, mk("/rb/1.md", "t", 1, "回滚/子", "回滚标签", NULL, 1), "x", 0);
	collection_rollback(c);
	is_str(tree(c, NULL, 0, &b), "未分类=1/1", "rolled back: no new node");
	ok(collection_begin(c, &err) == 0, "begin");
	id = put(c, mk("/rb/1.md", "t", 1, "回滚/子", "回滚标签", NULL, 1), "x", 0);
	ok(collection_commit(c, &err) == 0, "put again and commit");
	is_str(tree(c, NULL, 0, &b), "回滚=1/1 回滚/子=1/1 未分类=1/1",
	    "the nodes are made again, not taken from a stale cache");
	v.tag = "回滚标签";
	ok(strtoll(ids(c, &v, &b), NULL, 10) == id, "and its tag too");
	v.tag = NULL;
	check(c, "a rollback");
	is_int(collection_remove(c, id, &err), 1, "and remove it");

	/* Stale documents: a vacuum once they are a fifth of the index. */
	ok(collection_begin(c, &err) == 0, "begin");
	for (int i = 0; i < 1200; i++) {
		char p[64];

		snprintf(p, sizeof p, "/many/%d.md", i);
		put(c, mk(p, "t", i, "x", "", NULL, (uint64_t)i), "正文", 0);
	}
	ok(collection_commit(c, &err) == 0, "1200 articles");
	is_int(collection_index_vacuum(c, &err), 0, "no vacuum without garbage");
	ok(collection_begin(c, &err) == 0, "begin");
	for (int i = 0; i < 1200; i++) {
		char p[64];

		snprintf(p, sizeof p, "/many/%d.md", i);
		put(c, mk(p, "t", i, "x", "", NULL, (uint64_t)i + 5000), "新文", 0);
	}
	ok(collection_commit(c, &err) == 0, "all changed");
	is_str(search(c, "正文", &b), "", "old texts are not found");
	v.search = "新文";
	is_int(collection_count(c, &v, &err), 1200, "new ones are");
	v.search = NULL;
	is_int(collection_index_vacuum(c, &err), 1, "then a vacuum");
	v.search = "新文";
	is_int(collection_count(c, &v, &err), 0, "which empties the index");
	v.search = NULL;
	{
		int n = 0;

		collection_files(c, "/many", count_files, &n, &err);
		is_int(n, 1200, "but keeps the articles");
	}
	check(c, "a vacuum");

	collection_item_release(&it);
	collection_item_release(&from);
	collection_free(c);

	/* Reopening keeps everything; a newer schema is refused. */
	c = collection_open(path.buf, &err);
	ok(c && collection_count(c, &v, &err) == 1201, "reopened, all there");
	collection_free(c);
	{
		sqlite3 *db;

		sqlite3_open(path.buf, &db);
		sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	c = collection_open(path.buf, &err);
	ok(c == NULL && err.msg && strstr(err.msg, "newer"),
	    "a newer schema is refused: %s", err.msg ? err.msg : "");
	error_release(&err);
	collection_free(c);
	{
		sqlite3 *db;

		buf_reset(&b);
		buf_addf(&b, "%s/other.db", dir);
		sqlite3_open(b.buf, &db);
		sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	c = collection_open(b.buf, &err);
	ok(c == NULL && err.msg && strstr(err.msg, "not a newsreader database"),
	    "someone else's database is refused");
	error_release(&err);
	unlink_db(b.buf);

	test_migration(dir);
	test_migration_from(dir, 1);
	test_migration_from(dir, 3);
	test_migration_from(dir, 4);
	test_migration_from(dir, 5);
	test_migration_from(dir, 6);
	test_common_rare(dir);
	test_shards(dir);

	{
		sqlite3 *db;

		sqlite3_open(path.buf, &db);
		is_int(int_of(db, "PRAGMA page_size"), 16384,
		    "a new database has 16 KiB pages");
		sqlite3_close(db);
	}

	unlink_db(path.buf);
	ok(rmdir(dir) == 0, "the database's files are the ones named in "
	    "collection.h");
	buf_release(&b);
	buf_release(&path);
	return tap_done();
}
