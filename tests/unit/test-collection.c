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

/* What the database leaves in its directory. */
static const char *const leftovers[] = { "nr.db", "nr.db-wal", "nr.db-shm" };

static int
count_files(void *ctx, const struct collection_file *f)
{
	(void)f;
	++*(int *)ctx;
	return 0;
}

/* The value of an FTS5 setting, read straight from its config table. */
static int
fts_setting(sqlite3 *db, const char *key)
{
	sqlite3_stmt *st;
	int v = -1;

	if (sqlite3_prepare_v2(db, "SELECT v FROM fts_config WHERE k = ?", -1,
	    &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/*
 * A version-1 database (made by turning a new one back: version 2 only
 * added FTS5 settings) is migrated on open, its articles kept.
 */
static void
test_migration(const char *dir)
{
	struct error err = ERROR_INIT;
	struct collection *c;
	struct buf b = BUF_INIT;
	sqlite3 *db;
	int64_t id;

	buf_addf(&b, "%s/old.db", dir);
	c = collection_open(b.buf, &err);
	collection_begin(c, &err);
	id = put(c, mk("/old/1.md", "旧数据库里的文章", 100, "旧", "", NULL, 9),
	    "迁移之后还在", 0);
	collection_commit(c, &err);
	collection_free(c);

	sqlite3_open(b.buf, &db);
	sqlite3_exec(db, "DELETE FROM fts_config WHERE k IN "
	    "('hashsize', 'automerge'); PRAGMA user_version = 1", NULL, NULL, NULL);
	is_int(fts_setting(db, "hashsize"), -1, "a version-1 database has no "
	    "hashsize setting");
	sqlite3_close(db);

	c = collection_open(b.buf, &err);
	ok(c != NULL, "a version-1 database opens%s%s", err.msg ? ": " : "",
	    err.msg ? err.msg : "");
	if (c) {
		struct buf out = BUF_INIT;
		char want[32];

		snprintf(want, sizeof want, "%lld", (long long)id);
		is_str(search(c, "迁移", &out), want,
		    "its article is still there and found");
		check(c, "the migration");
		buf_release(&out);
		collection_free(c);
	}
	sqlite3_open(b.buf, &db);
	{
		sqlite3_stmt *st;

		sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL);
		sqlite3_step(st);
		is_int(sqlite3_column_int(st, 0), COLLECTION_SCHEMA_VERSION,
		    "it is at the current schema version after");
		sqlite3_finalize(st);
	}
	is_int(fts_setting(db, "hashsize"), 67108864, "with the hashsize set");
	is_int(fts_setting(db, "automerge"), 8, "and automerge");
	sqlite3_close(db);
	error_release(&err);
	for (size_t i = 0; i < 3; i++) {
		static const char *const suffix[] = { "", "-wal", "-shm" };
		char *f = xasprintf("%s%s", b.buf, suffix[i]);

		unlink(f);
		free(f);
	}
	buf_release(&b);
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
	v.starred = false;
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
	ok(collection_source_add(c, "/news", false, &err) == 0, "add a source");
	ok(collection_source_add(c, "/news/c", false, &err) == 0, "and one inside");
	ok(collection_source_add(c, "/news", false, &err) == 0, "twice is harmless");
	{
		struct collection_source *s;
		size_t n;

		ok(collection_sources(c, &s, &n, &err) == 0 && n == 2 &&
		    strcmp(s[0].path, "/news") == 0, "the sources, sorted");
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
	unlink(b.buf);

	test_migration(dir);

	for (size_t i = 0; i < sizeof leftovers / sizeof leftovers[0]; i++) {
		buf_reset(&b);
		buf_addf(&b, "%s/%s", dir, leftovers[i]);
		unlink(b.buf);
	}
	rmdir(dir);
	buf_release(&b);
	buf_release(&path);
	return tap_done();
}
