/* SPDX-License-Identifier: MIT */
/*
 * collection: the SQLite store; see collection.h. All of the program's SQL
 * is in this file and its collection-*.c siblings.
 *
 * Schema (version 7) of the database:
 *   sources            remembered roots (absolute paths), the bundled
 *                      sample marked
 *   articles           one row per file: stable id, path, size, mtime_ns,
 *                      content hash, read/starred, every front-matter field,
 *                      and docid, its text's document in the index (in
 *                      shard docid % COLLECTION_SHARDS; NULL while not
 *                      indexed); its date index also holds what a listing
 *                      line shows, so a listing reads no table rows
 *   categories         the tree: (parent, name) unique, with the path, a
 *                      sort key (names joined by U+0001, so a node sorts
 *                      before its children) and materialised subtree
 *                      counts total/unread
 *   article_categories one row per (category, article) for each node on
 *                      the article's category paths, with the article's
 *                      date and unread flag copied in, so a subtree listed
 *                      newest first is one index range
 *   tags, article_tags the same for tags
 *   totals             one row: the counts of every article, the unread,
 *                      the starred and the starred unread
 *   meta               gen0, gen1: the shards' generations
 * The full-text index is in the shard files (collection-shard.c).
 * Triggers keep the copies honest: an article's delete removes its links,
 * a change of read updates its links' unread, link changes adjust the
 * category counts, and an article's insert, delete or change of state
 * adjusts the totals; so every writer, in any process, keeps them right.
 *
 * The index is contentless, so SQLite 3.40 cannot delete a document from
 * it without the old text, which is gone once a file changes. Instead an
 * article re-indexed gets a new docid, and searches join on articles.docid
 * (or test it against the set of matching documents), which drops the
 * stale documents. When they pass a fifth of a shard,
 * collection_index_vacuum() empties it and the next scan indexes its
 * articles again.
 */
#include "config.h"
#include "collection.h"
#include "collection-internal.h"

#include <errno.h>
#include <pthread.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "report.h"
#include "search.h"
#include "strvec.h"
#include "xmalloc.h"

static const char *const stmt_sql[N_STMTS] = {
	[ST_FIND_PATH] = "SELECT id, docid, categories, tags, date, read "
	    "FROM articles WHERE path = ?1",
	[ST_FIND_ID] = "SELECT id, docid, categories, tags, date, read "
	    "FROM articles WHERE id = ?1",
	[ST_GEN] = "SELECT value FROM meta WHERE key = ?1",
	[ST_ART_INSERT] = "INSERT INTO articles(path, size, mtime_ns, hash, "
	    "docid, title, date, date_source, updated, categories, tags, "
	    "author, headimg, thumbnail, cover, excerpt, permalink, lang, "
	    "comments, published, extra, format, encoding, body_line, more, "
	    "warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
	    "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, "
	    "?25, ?26)",
	[ST_ART_UPDATE] = "UPDATE articles SET path = ?1, size = ?2, "
	    "mtime_ns = ?3, hash = ?4, docid = ?5, title = ?6, date = ?7, "
	    "date_source = ?8, updated = ?9, categories = ?10, tags = ?11, "
	    "author = ?12, headimg = ?13, thumbnail = ?14, cover = ?15, "
	    "excerpt = ?16, permalink = ?17, lang = ?18, comments = ?19, "
	    "published = ?20, extra = ?21, format = ?22, encoding = ?23, "
	    "body_line = ?24, more = ?25, warnings = ?26 WHERE id = ?27",
	[ST_ART_DELETE] = "DELETE FROM articles WHERE id = ?1",
	[ST_LINKS_DELETE] = "DELETE FROM article_categories "
	    "WHERE article_id = ?1",
	[ST_TAGS_DELETE] = "DELETE FROM article_tags WHERE article_id = ?1",
	[ST_CAT_FIND] = "SELECT id, sortkey FROM categories "
	    "WHERE parent = ?1 AND name = ?2",
	[ST_CAT_INSERT] = "INSERT INTO categories(parent, name, path, "
	    "sortkey, depth) VALUES (?1, ?2, ?3, ?4, ?5)",
	[ST_LINK_INSERT] = "INSERT OR IGNORE INTO article_categories(cat_id, "
	    "date, article_id, unread) VALUES (?1, ?2, ?3, ?4)",
	[ST_TAG_FIND] = "SELECT id FROM tags WHERE name = ?1",
	[ST_TAG_INSERT] = "INSERT INTO tags(name) VALUES (?1)",
	[ST_TAGLINK_INSERT] = "INSERT OR IGNORE INTO article_tags(tag_id, "
	    "date, article_id) VALUES (?1, ?2, ?3)",
	[ST_SET_READ] = "UPDATE articles SET read = ?2 WHERE id = ?1",
	[ST_SET_STARRED] = "UPDATE articles SET starred = ?2 WHERE id = ?1",
	[ST_GET] = "SELECT " ITEM_COLS ", 0 FROM articles a WHERE a.id = ?1",
	[ST_TOTAL] = "SELECT total FROM totals",
};

/* --- errors --- */

/*
 * The errors a user can act on, said in their terms rather than
 * SQLite's: a full disk (SQLITE_FULL, or an I/O error whose cause was
 * ENOSPC: creating the -shm file on a full disk fails so, and SQLite calls
 * that "disk I/O error") names the folder; a write to a collection opened
 * read-only says so. Returns true with err set for those, else false.
 */
static bool
plain_error(sqlite3 *db, struct error *err)
{
	int rc = sqlite3_errcode(db) & 0xff;

	if (rc == SQLITE_FULL || (rc == SQLITE_IOERR &&
	    sqlite3_system_errno(db) == ENOSPC)) {
		const char *file = sqlite3_db_filename(db, "main");
		char *dir = collection_folder_of(file && *file ? file : ".");

		error_set(err, "the disk is full: %s", dir);
		free(dir);
		return true;
	}
	if (rc == SQLITE_READONLY) {
		error_set(err, "the collection is read-only");
		return true;
	}
	return false;
}

int
collection_db_error(struct collection *c, struct error *err, const char *what)
{
	return collection_sqlite_error(c->db, err, what);
}

int
collection_sqlite_error(sqlite3 *db, struct error *err, const char *what)
{
	if (!plain_error(db, err))
		error_set(err, "database: %s: %s", what, sqlite3_errmsg(db));
	return -1;
}

/* --- the tokenizer, registered with FTS5 as "nr" --- */

struct tok_ctx {
	void *fts_ctx;
	int (*xToken)(void *, int, const char *, int, int, int);
};

static int
tok_emit(void *ctx, enum search_token_kind kind, const char *tok, size_t len,
    size_t start, size_t end)
{
	struct tok_ctx *t = ctx;
	char key[SEARCH_MAX_WORD + 2];

	len = collection_fts_key(kind, tok, len, key);
	return t->xToken(t->fts_ctx, 0, key, (int)len, (int)start, (int)end);
}

static int
tok_create(void *ctx, const char **argv, int argc, Fts5Tokenizer **out)
{
	(void)ctx; (void)argv; (void)argc;
	/* FTS5 wants a non-NULL handle; the tokenizer has no state. */
	*out = xmalloc(1);
	return SQLITE_OK;
}

static void
tok_delete(Fts5Tokenizer *t)
{
	free(t);
}

static int
tok_tokenize(Fts5Tokenizer *t, void *fts_ctx, int flags, const char *text,
    int len, int (*xToken)(void *, int, const char *, int, int, int))
{
	struct tok_ctx ctx = { fts_ctx, xToken };

	(void)t;
	if (len <= 0)
		return SQLITE_OK;
	(void)flags;	/* documents and queries tokenize alike */
	return search_tokenize(text, (size_t)len, tok_emit, &ctx);
}

int
collection_register_tokenizer(sqlite3 *db, struct error *err)
{
	static fts5_tokenizer tokenizer = { tok_create, tok_delete, tok_tokenize };
	fts5_api *api = NULL;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) {
		error_set(err, "database: FTS5 is not available: %s",
		    sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (api == NULL || api->iVersion < 2) {
		error_set(err, "database: FTS5 is not available");
		return -1;
	}
	if (api->xCreateTokenizer(api, "nr", NULL, &tokenizer, NULL) != SQLITE_OK) {
		error_set(err, "database: cannot register the tokenizer: %s",
		    sqlite3_errmsg(db));
		return -1;
	}
	return 0;
}

/* --- statements --- */

sqlite3_stmt *
collection_stmt(struct collection *c, enum stmt_id id, struct error *err)
{
	sqlite3_stmt *st = c->stmts[id];

	if (st) {
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		return st;
	}
	if (sqlite3_prepare_v3(c->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
	    &st, NULL) != SQLITE_OK) {
		collection_db_error(c, err, "prepare");
		return NULL;
	}
	c->stmts[id] = st;
	return st;
}

int
collection_step_done(struct collection *c, sqlite3_stmt *st, struct error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	if (rc == SQLITE_DONE || rc == SQLITE_ROW)
		return 0;
	return collection_db_error(c, err, "write");
}

int
collection_exec(struct collection *c, const char *sql, struct error *err)
{
	return collection_sqlite_exec(c->db, sql, err);
}

int
collection_sqlite_exec(sqlite3 *db, const char *sql, struct error *err)
{
	char *msg = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		if (!plain_error(db, err))
			error_set(err, "database: %s", msg ? msg :
			    sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

void
collection_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

char *
collection_col_strdup(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	return s ? xstrdup((const char *)s) : NULL;
}

/* --- schema --- */

static const char schema_v1[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;"
	"INSERT INTO meta VALUES ('next_docid', 1), ('fts_garbage', 0);"
	"CREATE TABLE sources(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
	"  is_file INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE articles("
	"  id INTEGER PRIMARY KEY,"
	"  path TEXT NOT NULL UNIQUE,"
	"  size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,"
	"  hash INTEGER NOT NULL,"
	"  docid INTEGER UNIQUE,"
	"  read INTEGER NOT NULL DEFAULT 0, starred INTEGER NOT NULL DEFAULT 0,"
	"  title TEXT NOT NULL, date INTEGER NOT NULL, date_source INTEGER,"
	"  updated INTEGER, categories TEXT, tags TEXT, author TEXT,"
	"  headimg TEXT, thumbnail TEXT, cover TEXT, excerpt TEXT,"
	"  permalink TEXT, lang TEXT, comments INTEGER, published INTEGER,"
	"  extra TEXT, format INTEGER, encoding TEXT, body_line INTEGER,"
	"  more INTEGER, warnings TEXT);"
	"CREATE INDEX articles_date ON articles(date, id DESC, docid);"
	"CREATE INDEX articles_title ON articles(title, id);"
	"CREATE INDEX articles_author ON articles(author, date, id DESC)"
	"  WHERE author IS NOT NULL;"
	"CREATE INDEX articles_unread ON articles(date, id DESC) WHERE read = 0;"
	"CREATE INDEX articles_starred ON articles(date, id DESC) WHERE starred = 1;"
	"CREATE TABLE categories(id INTEGER PRIMARY KEY,"
	"  parent INTEGER NOT NULL, name TEXT NOT NULL, path TEXT NOT NULL,"
	"  sortkey TEXT NOT NULL, depth INTEGER NOT NULL,"
	"  total INTEGER NOT NULL DEFAULT 0, unread INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE(parent, name));"
	"CREATE INDEX categories_path ON categories(path);"
	"CREATE INDEX categories_sortkey ON categories(sortkey);"
	"CREATE TABLE article_categories(cat_id INTEGER NOT NULL,"
	"  date INTEGER NOT NULL, article_id INTEGER NOT NULL,"
	"  unread INTEGER NOT NULL,"
	"  PRIMARY KEY(cat_id, date, article_id DESC)) WITHOUT ROWID;"
	"CREATE INDEX article_categories_article"
	"  ON article_categories(article_id);"
	"CREATE INDEX article_categories_unread"
	"  ON article_categories(cat_id, date, article_id DESC) WHERE unread;"
	"CREATE TABLE tags(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
	"CREATE TABLE article_tags(tag_id INTEGER NOT NULL,"
	"  date INTEGER NOT NULL, article_id INTEGER NOT NULL,"
	"  PRIMARY KEY(tag_id, date, article_id DESC)) WITHOUT ROWID;"
	"CREATE INDEX article_tags_article ON article_tags(article_id);"
	"CREATE VIRTUAL TABLE fts USING fts5(body, title, author, categories,"
	"  tags, content='', tokenize='nr');"
	"INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(1.0, 4.0, 2.0, 2.0, 2.0)');"
	"CREATE VIRTUAL TABLE fts_vocab USING fts5vocab('fts', 'row');"
	"CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM article_categories WHERE article_id = old.id;"
	"  DELETE FROM article_tags WHERE article_id = old.id;"
	"  UPDATE meta SET value = value + 1"
	"    WHERE key = 'fts_garbage' AND old.docid IS NOT NULL;"
	"END;"
	"CREATE TRIGGER articles_read AFTER UPDATE OF read ON articles"
	"  WHEN old.read <> new.read BEGIN"
	"  UPDATE article_categories SET unread = NOT new.read"
	"    WHERE article_id = new.id;"
	"END;"
	"CREATE TRIGGER links_insert AFTER INSERT ON article_categories BEGIN"
	"  UPDATE categories SET total = total + 1, unread = unread + new.unread"
	"    WHERE id = new.cat_id;"
	"END;"
	"CREATE TRIGGER links_delete AFTER DELETE ON article_categories BEGIN"
	"  UPDATE categories SET total = total - 1, unread = unread - old.unread"
	"    WHERE id = old.cat_id;"
	"END;"
	"CREATE TRIGGER links_unread AFTER UPDATE OF unread ON article_categories"
	"  WHEN old.unread <> new.unread BEGIN"
	"  UPDATE categories SET unread = unread + new.unread - old.unread"
	"    WHERE id = new.cat_id;"
	"END;";

/*
 * Version 2: FTS5's write settings, for imports. The pending index may
 * grow to 64 MiB before it is written out (the default, 1 MiB, made a
 * 100k-article import write and then merge hundreds of small segments),
 * and segments merge eight at a time rather than four. Measured on a 20k
 * generated corpus: the writer's CPU time down by a fifth, with batches of
 * SCAN_BATCH articles.
 */
static const char schema_v2[] =
	"INSERT INTO fts(fts, rank) VALUES ('hashsize', 67108864);"
	"INSERT INTO fts(fts, rank) VALUES ('automerge', 8);";

/*
 * Version 3: the full-text index moves to shard files (collection-shard.c),
 * so a scan writes it from two threads; tokens get the keys of
 * collection_fts_key(). Every article is to be indexed again, and the
 * stale-document count gives way to the shards' own.
 */
static const char schema_v3[] =
	"DROP TABLE fts_vocab;"
	"DROP TABLE fts;"
	"UPDATE articles SET docid = NULL WHERE docid IS NOT NULL;"
	"DELETE FROM meta WHERE key IN ('next_docid', 'fts_garbage');"
	"INSERT INTO meta VALUES ('gen0', 0), ('gen1', 0);"
	"DROP TRIGGER articles_delete;"
	"CREATE TRIGGER articles_delete AFTER DELETE ON articles BEGIN"
	"  DELETE FROM article_categories WHERE article_id = old.id;"
	"  DELETE FROM article_tags WHERE article_id = old.id;"
	"END;";

/*
 * Version 4: what a rescan compares, in an index of its own. A rescan
 * reads every stored file's path, size, mtime, hash and docid; from the
 * table, whose rows hold every front-matter field, that was all of its
 * pages (60 MB at 100k articles), which filled the page cache; from this
 * index it is a seventh of that, read in order.
 */
static const char schema_v4[] =
	"CREATE INDEX articles_files ON articles(path, size, mtime_ns, hash,"
	"  docid);";

/*
 * Version 5: which source is the bundled sample (1: added for want of
 * sources, forgotten once the user has their own; 0: named by the user,
 * kept like any other). Sources remembered before are NULL: not known.
 */
static const char schema_v5[] =
	"ALTER TABLE sources ADD COLUMN sample INTEGER;";

/*
 * Version 6: the date index holds what a listing line shows, so a listing
 * in date order (and a common search's walk of it) reads no table rows.
 */
static const char schema_v6[] =
	"DROP INDEX articles_date;"
	"CREATE INDEX articles_date ON articles(date, id DESC, docid, read,"
	"  starred, title, categories, path);";

/*
 * Version 7: the counts of the fixed views (every article, the unread,
 * the starred, the starred unread), kept by triggers as the categories'
 * are, so the tree's first rows are counted without a walk of every
 * article (at 1M articles, the counts were most of the screen's first
 * paint: 68 ms). Unread and starred as the views test them: read = 0,
 * starred = 1.
 */
static const char schema_v7[] =
	"CREATE TABLE totals(id INTEGER PRIMARY KEY CHECK (id = 1),"
	"  total INTEGER NOT NULL, unread INTEGER NOT NULL,"
	"  starred INTEGER NOT NULL, starred_unread INTEGER NOT NULL);"
	"INSERT INTO totals SELECT 1, count(*), coalesce(sum(read = 0), 0),"
	"  coalesce(sum(starred = 1), 0),"
	"  coalesce(sum(starred = 1 AND read = 0), 0) FROM articles;"
	"CREATE TRIGGER totals_insert AFTER INSERT ON articles BEGIN"
	"  UPDATE totals SET total = total + 1, unread = unread + (new.read = 0),"
	"    starred = starred + (new.starred = 1),"
	"    starred_unread = starred_unread + (new.starred = 1 AND new.read = 0);"
	"END;"
	"CREATE TRIGGER totals_delete AFTER DELETE ON articles BEGIN"
	"  UPDATE totals SET total = total - 1, unread = unread - (old.read = 0),"
	"    starred = starred - (old.starred = 1),"
	"    starred_unread = starred_unread - (old.starred = 1 AND old.read = 0);"
	"END;"
	"CREATE TRIGGER totals_state AFTER UPDATE OF read, starred ON articles"
	"  WHEN old.read IS NOT new.read OR old.starred IS NOT new.starred BEGIN"
	"  UPDATE totals SET unread = unread + (new.read = 0) - (old.read = 0),"
	"    starred = starred + (new.starred = 1) - (old.starred = 1),"
	"    starred_unread = starred_unread"
	"      + (new.starred = 1 AND new.read = 0)"
	"      - (old.starred = 1 AND old.read = 0);"
	"END;";

/*
 * migrations[v] takes a database at version v to v + 1. A new schema
 * version appends its step here; a database of any earlier version walks
 * every step after its own.
 */
static const char *const migrations[] = {
	schema_v1,	/* 0 -> 1: an empty file gets the whole schema */
	schema_v2,	/* 1 -> 2: FTS5 write settings */
	schema_v3,	/* 2 -> 3: the index in shards */
	schema_v4,	/* 3 -> 4: an index for rescans */
	schema_v5,	/* 4 -> 5: the sample source marked */
	schema_v6,	/* 5 -> 6: the date index covers a listing */
	schema_v7,	/* 6 -> 7: the fixed views' counts kept */
};
#define N_MIGRATIONS (sizeof migrations / sizeof migrations[0])

static int
user_version(struct collection *c, int *v, struct error *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return collection_db_error(c, err, "read the schema version");
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return collection_db_error(c, err, "read the schema version");
	}
	*v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

static int
migrate(struct collection *c, struct error *err)
{
	int v, from;

	if (user_version(c, &v, err) < 0)
		return -1;
	if (v == COLLECTION_SCHEMA_VERSION)
		return 0;
	if (c->read_only && v > COLLECTION_SCHEMA_VERSION) {
		error_set(err, "database schema version %d is newer than this "
		    "newsreader's (%d)", v, COLLECTION_SCHEMA_VERSION);
		return -1;
	}
	if (c->read_only) {
		error_set(err, "the collection is read-only, and its schema "
		    "(version %d) older than this newsreader's (%d): its owner "
		    "must open it once to bring it up to date", v,
		    COLLECTION_SCHEMA_VERSION);
		return -1;
	}
	/* Another process may be migrating: decide under the write lock. */
	if (collection_exec(c, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if (user_version(c, &v, err) < 0)
		goto fail;
	if (v > COLLECTION_SCHEMA_VERSION) {
		error_set(err, "database schema version %d is newer than this "
		    "newsreader's (%d)", v, COLLECTION_SCHEMA_VERSION);
		goto fail;
	}
	if (v == 0) {
		sqlite3_stmt *st;
		int n = 0;

		/* Version 0 must mean an empty file, not someone else's. */
		if (sqlite3_prepare_v2(c->db, "SELECT count(*) FROM sqlite_schema",
		    -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
		if (n > 0) {
			error_set(err, "not a newsreader database");
			goto fail;
		}
	}
	for (from = v; v < (int)N_MIGRATIONS; v++) {
		char pragma[64];

		if (collection_exec(c, migrations[v], err) < 0)
			goto fail;
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", v + 1);
		if (collection_exec(c, pragma, err) < 0)
			goto fail;
	}
	if (collection_commit(c, err) < 0)
		return -1;
	/* The index dropped by version 3 left its pages free: give them back
	 * (best effort; another process may be reading). */
	if (from > 0 && from < 3)
		sqlite3_exec(c->db, "VACUUM", NULL, NULL, NULL);
	return 0;
fail:
	collection_rollback(c);
	return -1;
}

/* --- opening --- */

/*
 * SQLite's process-wide settings, once, before its first connection.
 * Without memory statistics: they put a global mutex around every
 * allocation, which the scan's three threads (FTS5 allocates for every
 * term it meets) fought over (measured: half the futex calls of an
 * import).
 */
static pthread_once_t sqlite_once = PTHREAD_ONCE_INIT;

/*
 * A statement that fires a trigger writing another table (an article's
 * insert, which adjusts the totals; a category link's, which adjusts the
 * category's counts), or that may change many rows inside a transaction
 * (marking a view read, forgetting a source, emptying an index shard),
 * keeps a statement journal of the pages it changes: in memory up to this
 * size, then in a temporary file. SQLite's 64 KiB is four of our 16 KiB
 * pages, fewer than an article's insert changes (the table and its
 * indexes), so each insert of an import wrote a temporary file (measured
 * at 100k: the writer's CPU 3.7 -> 7.1 s once the totals' trigger came).
 *
 * It must stay below 128 KiB. When the journal spills, SQLite writes what
 * it held in memory to the file in one call, and the unix VFS writes at
 * most 0x1ffff bytes a call (seekAndWriteFd() masks the count): a larger
 * spill writes short and fails with SQLITE_FULL, "database or disk is
 * full", whatever the disk. With 1 MiB here every statement whose journal
 * outgrew 128 KiB failed that way (upkeep's UPDATE of the docids after
 * edits, a view of 4,000 articles marked read; tests/collection-upkeep.sh
 * and test-collection-bulk). 128 KiB - 1 holds seven pages with their
 * 4-byte headers (114,716 bytes), enough for most articles' inserts, but
 * a journal that spilled once stays a file for the rest of its
 * transaction, so a scan keeps its journals in memory
 * (collection_small_writes()).
 */
#define STMTJRNL_SPILL 0x1ffff

static void
sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	sqlite3_config(SQLITE_CONFIG_STMTJRNL_SPILL, STMTJRNL_SPILL);
}

struct collection *
collection_open(const char *path, struct error *err)
{
	struct collection *c = xcalloc(1, sizeof *c);
	struct buf uri = BUF_INIT;
	int rc;

	pthread_once(&sqlite_once, sqlite_setup);

	c->path = xstrdup(path);
	c->scan_lock = -1;
	/*
	 * URIs: the shards are attached read-only (collection-shard.c). A
	 * collection we may not write is opened read-only as a whole, and
	 * left as it is: no migration, no shard made or emptied.
	 */
	c->read_only = collection_unwritable(path);
	if (c->read_only) {
		collection_ro_uri(&uri, path);
		rc = sqlite3_open_v2(uri.buf, &c->db, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
	} else {
		rc = sqlite3_open_v2(path, &c->db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI,
		    NULL);
	}
	buf_release(&uri);
	if (rc != SQLITE_OK) {
		error_set(err, "%s: %s", path, c->db ? sqlite3_errmsg(c->db) :
		    "cannot open the database");
		collection_free(c);
		return NULL;
	}
	/*
	 * A writer waits for another (a scan commits a batch in well under a
	 * second). WAL: readers never wait for a writer. synchronous=NORMAL:
	 * a killed process loses nothing committed (only a power cut may lose
	 * the last transactions). Big sorts spill to temporary files (the
	 * default temp_store), so a sorted million-row list stays in bounded
	 * memory; with the page cache capped at 32 MiB (and no mmap) a
	 * million-row listing runs in the same memory as a small one.
	 * Checkpoints every 64 MiB of WAL rather than 4: fewer fsyncs while a
	 * scan writes. Pages of 16 KiB (as the shards'), set before a new
	 * file's first write and a no-op on an existing one: a listing reads
	 * the date index in a quarter of the reads of 4 KiB pages.
	 */
	sqlite3_busy_timeout(c->db, 30000);
	sqlite3_extended_result_codes(c->db, 1);
	if (collection_register_tokenizer(c->db, err) < 0 ||
	    collection_query_register(c->db, err) < 0 ||
	    (!c->read_only && collection_exec(c, "PRAGMA page_size = 16384;"
		"PRAGMA journal_mode = WAL", err) < 0) ||
	    collection_exec(c, "PRAGMA synchronous = NORMAL;"
		"PRAGMA cache_size = -" COLLECTION_STR(COLLECTION_CACHE_KIB) ";"
		"PRAGMA wal_autocheckpoint = 16384", err) < 0 ||
	    migrate(c, err) < 0 || collection_shards_attach(c, err) < 0) {
		char *msg = xasprintf("%s: %s", path, err->msg);

		error_set(err, "%s", msg);
		free(msg);
		collection_free(c);
		return NULL;
	}
	return c;
}

void
collection_small_writes(struct collection *c, bool small)
{
	sqlite3_exec(c->db, small ? "PRAGMA temp_store = MEMORY" :
	    "PRAGMA temp_store = DEFAULT", NULL, NULL, NULL);
}

void
collection_set_cache(struct collection *c, int kib)
{
	char sql[48];

	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	sqlite3_exec(c->db, sql, NULL, NULL, NULL);
}

/*
 * 2 MiB: the smallest that kept a common search at its best (measured at
 * 100k articles, 港, every line: 39 ms with 32 MiB, 33 with 1 to 2 MiB,
 * 35 with 4, 38 with 8; the pages are read once, and a large cache only
 * costs the faults of filling it).
 */
#define ONE_PASS_CACHE_KIB 2048

void
collection_one_pass(struct collection *c)
{
	collection_set_cache(c, ONE_PASS_CACHE_KIB);
}

void
collection_free(struct collection *c)
{
	if (!c)
		return;
	collection_scan_unlock(c);
	collection_shards_free_own(c);
	for (int i = 0; i < N_STMTS; i++)
		sqlite3_finalize(c->stmts[i]);
	collection_names_clear(c);
	sqlite3_close(c->db);
	if (c->db && !c->read_only)
		collection_shards_tidy(c->path);
	free(c->path);
	free(c->read_only);
	free(c);
}

/*
 * Not BEGIN IMMEDIATE: that also opens a read transaction on every
 * attached shard and holds it to the commit, so a scan's writer, nearly
 * always in a transaction, kept the shards' WAL files from ever being
 * reset while its parsing threads wrote them (measured: WAL files of
 * 500 MB, and the import half as fast). A deferred transaction whose
 * first statement writes takes the database's write lock, waiting as
 * BEGIN IMMEDIATE would, and touches nothing else.
 */
int
collection_begin(struct collection *c, struct error *err)
{
	if (collection_exec(c, "BEGIN", err) < 0)
		return -1;
	if (collection_exec(c, "UPDATE meta SET value = value WHERE key = 'gen0'",
	    err) < 0) {
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	return 0;
}

/* The shards' documents first: the articles refer to them. */
int
collection_commit(struct collection *c, struct error *err)
{
	if (collection_shards_commit_own(c, err) < 0 ||
	    collection_exec(c, "COMMIT", err) < 0)
		return -1;
	collection_keep_room(c->db);
	return 0;
}

void
collection_rollback(struct collection *c)
{
	collection_names_clear(c);
	collection_shards_rollback_own(c);
	if (!sqlite3_get_autocommit(c->db))
		sqlite3_exec(c->db, "ROLLBACK", NULL, NULL, NULL);
}

int
collection_meta_get(struct collection *c, int k, int64_t *gen,
    struct error *err)
{
	sqlite3_stmt *st = collection_stmt(c, ST_GEN, err);
	char key[16];
	int rc;

	if (!st)
		return -1;
	snprintf(key, sizeof key, "gen%d", k);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	*gen = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return collection_db_error(c, err, "read the index's generation");
	return 0;
}

/* --- path ranges --- */

/* path = root, or root/ <= path < root0 ('0' follows '/'). */
void
collection_add_range(struct buf *sql, struct strvec *vals, const char *col,
    const char *root)
{
	size_t n = strlen(root);

	while (n > 1 && root[n - 1] == '/')
		n--;
	buf_addf(sql, "(%s = ? OR (%s >= ? AND %s < ?))", col, col, col);
	strvec_pushf(vals, "%.*s", (int)n, root);
	strvec_pushf(vals, "%.*s/", (int)n, root);
	strvec_pushf(vals, "%.*s0", (int)n, root);
}

/* --- sources --- */

int
collection_source_add(struct collection *c, const char *path, bool is_file,
    bool sample, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(c->db, "INSERT INTO sources(path, is_file, "
	    "sample) VALUES (?1, ?2, ?3) ON CONFLICT(path) DO UPDATE SET "
	    "is_file = ?2, sample = ?3", -1, &st, NULL) != SQLITE_OK)
		return collection_db_error(c, err, "add a source");
	collection_bind_text(st, 1, path);
	sqlite3_bind_int(st, 2, is_file);
	sqlite3_bind_int(st, 3, sample);
	rc = collection_step_done(c, st, err);
	sqlite3_finalize(st);
	return rc;
}

int
collection_sources(struct collection *c, struct collection_source **out,
    size_t *n, struct error *err)
{
	sqlite3_stmt *st;
	size_t alloc = 0;
	int rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(c->db, "SELECT path, is_file, sample FROM "
	    "sources ORDER BY path", -1, &st, NULL) != SQLITE_OK)
		return collection_db_error(c, err, "list the sources");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ALLOC_GROW(*out, *n + 1, alloc);
		(*out)[*n].path = collection_col_strdup(st, 0);
		(*out)[*n].is_file = sqlite3_column_int(st, 1) != 0;
		(*out)[*n].sample = sqlite3_column_type(st, 2) == SQLITE_NULL ?
		    COLLECTION_SAMPLE_UNKNOWN : sqlite3_column_int(st, 2) ?
		    COLLECTION_SAMPLE : COLLECTION_OWN;
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return collection_db_error(c, err, "list the sources");
	return 0;
}

void
collection_sources_free(struct collection_source *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].path);
	free(v);
}

int64_t
collection_source_forget(struct collection *c, const char *path,
    struct error *err)
{
	struct buf sql = BUF_INIT;
	struct strvec vals = STRVEC_INIT;
	sqlite3_stmt *st = NULL;
	int64_t removed = -1;

	if (collection_begin(c, err) < 0)
		return -1;
	if (sqlite3_prepare_v2(c->db, "DELETE FROM sources WHERE path = ?1",
	    -1, &st, NULL) != SQLITE_OK) {
		collection_db_error(c, err, "forget a source");
		goto out;
	}
	collection_bind_text(st, 1, path);
	if (collection_step_done(c, st, err) < 0)
		goto out;
	if (sqlite3_changes(c->db) == 0) {
		error_set(err, "%s: not a remembered source", path);
		goto out;
	}
	sqlite3_finalize(st);
	st = NULL;
	/* Keep what another remembered source still covers. */
	buf_adds(&sql, "DELETE FROM articles AS a WHERE ");
	collection_add_range(&sql, &vals, "a.path", path);
	buf_adds(&sql, " AND NOT EXISTS (SELECT 1 FROM sources s WHERE "
	    "a.path = s.path OR substr(a.path, 1, length(s.path) + 1) = "
	    "s.path || '/')");
	if (sqlite3_prepare_v2(c->db, sql.buf, -1, &st, NULL) != SQLITE_OK) {
		collection_db_error(c, err, "forget a source");
		goto out;
	}
	for (size_t i = 0; i < vals.nr; i++)
		collection_bind_text(st, (int)i + 1, vals.v[i]);
	if (collection_step_done(c, st, err) < 0)
		goto out;
	removed = sqlite3_changes(c->db);
	if (collection_commit(c, err) < 0)
		removed = -1;
out:
	sqlite3_finalize(st);
	if (removed < 0)
		collection_rollback(c);
	buf_release(&sql);
	strvec_clear(&vals);
	return removed;
}


/* --- the index's upkeep --- */

static int64_t
count_of(struct collection *c, const char *sql, struct error *err)
{
	sqlite3_stmt *st;
	int64_t v = -1;

	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) != SQLITE_OK)
		return collection_db_error(c, err, "count");
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	else
		collection_db_error(c, err, "count");
	sqlite3_finalize(st);
	return v;
}

/* Checks whose every row is a fault, with what each means. */
static const struct {
	const char *sql;
	const char *what;
} consistency[] = {
	{ "SELECT id FROM categories k WHERE total <> (SELECT count(*) FROM "
	  "article_categories WHERE cat_id = k.id) OR unread <> (SELECT "
	  "count(*) FROM article_categories WHERE cat_id = k.id AND unread)",
	  "a category's counts disagree with its links" },
	{ "SELECT d.article_id FROM article_categories d LEFT JOIN articles a "
	  "ON a.id = d.article_id WHERE a.id IS NULL OR d.unread = a.read "
	  "OR d.date <> a.date", "a category link disagrees with its article" },
	{ "SELECT a.id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM "
	  "article_categories WHERE article_id = a.id)",
	  "an article has no category" },
	{ "SELECT d.cat_id FROM article_categories d LEFT JOIN categories k "
	  "ON k.id = d.cat_id WHERE k.id IS NULL",
	  "a link to a category that does not exist" },
	{ "SELECT t.tag_id FROM article_tags t LEFT JOIN tags g ON g.id = "
	  "t.tag_id LEFT JOIN articles a ON a.id = t.article_id "
	  "WHERE g.id IS NULL OR a.id IS NULL", "a tag link to nothing" },
	{ "SELECT 1 FROM totals k, (SELECT count(*) AS n, "
	  "coalesce(sum(read = 0), 0) AS u, coalesce(sum(starred = 1), 0) AS s, "
	  "coalesce(sum(starred = 1 AND read = 0), 0) AS su FROM articles) a "
	  "WHERE k.total <> a.n OR k.unread <> a.u OR k.starred <> a.s OR "
	  "k.starred_unread <> a.su UNION ALL SELECT 1 WHERE (SELECT count(*) "
	  "FROM totals) <> 1", "the kept totals disagree with the articles" },
};

int
collection_check(struct collection *c, struct error *err)
{
	sqlite3_stmt *st;
	int64_t bad;

	if (sqlite3_prepare_v2(c->db, "PRAGMA integrity_check", -1, &st,
	    NULL) != SQLITE_OK)
		return collection_db_error(c, err, "integrity_check");
	if (sqlite3_step(st) != SQLITE_ROW ||
	    strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0) {
		error_set(err, "database: integrity_check: %s",
		    sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		return -1;
	}
	sqlite3_finalize(st);
	if (collection_shards_check(c, err) < 0)
		return -1;
	for (size_t i = 0; i < sizeof consistency / sizeof consistency[0]; i++) {
		char *sql = xasprintf("SELECT count(*) FROM (%s)", consistency[i].sql);

		bad = count_of(c, sql, err);
		free(sql);
		if (bad < 0)
			return -1;
		if (bad > 0) {
			error_set(err, "database: %s (%lld times)",
			    consistency[i].what, (long long)bad);
			return -1;
		}
	}
	return 0;
}
