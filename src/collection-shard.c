/* SPDX-License-Identifier: MIT */
/*
 * collection-shard: the full-text index, in COLLECTION_SHARDS files beside
 * the database, so that a scan writes it from two threads at once (FTS5
 * spends a fixed time on every token it indexes; one writing thread
 * cannot index a hundred thousand articles in 20 s).
 *
 * Shard k is the file PATH-fts<k> (PATH the database's). It holds
 *   fts        contentless FTS5 (tokenizer "nr"), one document per
 *              indexed article, rowids next * COLLECTION_SHARDS + k
 *   shard      next (the next rowid's multiplier; never goes back), docs
 *              (documents written since the shard was last emptied) and
 *              gen (its generation)
 * The database's connection attaches every shard read-only as "fts<k>"
 * (so that BEGIN IMMEDIATE there locks only the database); writers are
 * struct collection_shard, a connection each.
 *
 * Invariants:
 *   - An article's docid names a document committed in its shard. A
 *     writer commits documents before anything refers to them, so a
 *     killed process leaves at most documents that nothing refers to.
 *     Those, and the documents of edited or removed articles, are
 *     garbage: docs minus the articles that refer into the shard.
 *   - Generations. The database keeps gen<k> in meta; a shard's documents
 *     count only while its gen equals that. Emptying shard k takes two
 *     steps: in the database, every reference into the shard goes and
 *     gen<k> takes a new random value; then the shard is emptied and takes
 *     the database's gen<k>, unless it has it already. collection_put_doc()
 *     refuses a document whose gen is not the database's at that moment.
 *     So a document emptied away is never referred to, whatever other
 *     processes do in between; a process killed between the steps leaves
 *     gens that differ, and the next collection_open() finishes the job
 *     (as it does for a shard file that was lost and made anew).
 */
#include "config.h"
#include "collection.h"
#include "collection-internal.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "report.h"
#include "xmalloc.h"

/* The schema version of a shard file (its own PRAGMA user_version). */
#define SHARD_VERSION 1

/*
 * FTS5's pending index may grow to this before it is written out as a
 * segment (a commit writes it out too). Two shards hold one each.
 */
#define SHARD_HASHSIZE "16777216"

static const char shard_schema[] =
	"CREATE TABLE shard(key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
	"  WITHOUT ROWID;"
	"INSERT INTO shard VALUES ('next', 1), ('docs', 0), ('gen', random());"
	"CREATE VIRTUAL TABLE fts USING fts5(body, title, author, categories,"
	"  tags, content='', tokenize='nr');"
	"INSERT INTO fts(fts, rank) VALUES ('rank', 'bm25(1.0, 4.0, 2.0, 2.0, 2.0)');"
	"INSERT INTO fts(fts, rank) VALUES ('hashsize', " SHARD_HASHSIZE ");"
	"INSERT INTO fts(fts, rank) VALUES ('automerge', 8);";

struct collection_shard {
	sqlite3 *db;
	int k;
	sqlite3_stmt *insert;	/* INSERT INTO fts; prepared on first use */
	/* While a transaction is open, the shard row's values, advanced here
	 * and written back at the commit. */
	bool in_txn;
	int64_t next, docs, gen;
	bool wrote;		/* a transaction was begun: its pages may be in
				   the WAL file, committed or rolled back */
};

/* One integer from sql's first row (with ?1 bound to key when given).
 * *v is 0 on failure too, so no caller can read an unset value. */
static int
int_of(sqlite3 *db, const char *sql, const char *key, int64_t *v,
    struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	*v = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return collection_sqlite_error(db, err, "read");
	if (key)
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return collection_sqlite_error(db, err, "read");
	return 0;
}

static char *
shard_path(const char *db_path, int k)
{
	return xasprintf("%s-fts%d", db_path, k);
}

/*
 * A read-write connection to shard file path, created (with its schema)
 * when missing. Returns NULL with err set.
 */
static sqlite3 *
shard_connect(const char *path, struct error *err)
{
	sqlite3 *db = NULL;
	int64_t v, n;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		error_set(err, "%s: %s", path, db ? sqlite3_errmsg(db) :
		    "cannot open the index");
		sqlite3_close(db);
		return NULL;
	}
	/*
	 * As the database's (collection_open() says why), but: pages of
	 * 16 KiB for a new file (a third of the write calls: SQLite writes
	 * its WAL a page at a time); and no secure_delete (Debian's default),
	 * whose zeroing of the pages FTS5's merges free was a fifth of the
	 * bytes a 100k import wrote, for an index of text that is in the
	 * articles' files anyway.
	 */
	sqlite3_busy_timeout(db, 30000);
	sqlite3_extended_result_codes(db, 1);
	if (collection_register_tokenizer(db, err) < 0 ||
	    collection_sqlite_exec(db, "PRAGMA page_size = 16384;"
		"PRAGMA journal_mode = WAL;"
		"PRAGMA synchronous = NORMAL; PRAGMA secure_delete = OFF;"
		"PRAGMA cache_size = -8000; PRAGMA wal_autocheckpoint = 4096",
		err) < 0 ||
	    int_of(db, "PRAGMA user_version", NULL, &v, err) < 0)
		goto fail;
	if (v == SHARD_VERSION)
		return db;
	/* Another process may be creating it: decide under the write lock. */
	if (collection_sqlite_exec(db, "BEGIN IMMEDIATE", err) < 0)
		goto fail;
	if (int_of(db, "PRAGMA user_version", NULL, &v, err) < 0 ||
	    int_of(db, "SELECT count(*) FROM sqlite_schema", NULL, &n, err) < 0)
		goto rollback;
	if (v == 0 && n == 0) {
		char pragma[64];

		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d",
		    SHARD_VERSION);
		if (collection_sqlite_exec(db, shard_schema, err) < 0 ||
		    collection_sqlite_exec(db, pragma, err) < 0)
			goto rollback;
	} else if (v != SHARD_VERSION) {
		error_set(err, "not a newsreader index (version %lld)",
		    (long long)v);
		goto rollback;
	}
	if (collection_sqlite_exec(db, "COMMIT", err) == 0)
		return db;
rollback:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
fail:
	{
		char *msg = xasprintf("%s: %s", path, err->msg);

		error_set(err, "%s", msg);
		free(msg);
	}
	sqlite3_close(db);
	return NULL;
}

/* --- emptying a shard --- */

/*
 * Empty shard k in the two steps the invariants need (see the top of the
 * file). c must not be in a transaction.
 */
static int
shard_empty(struct collection *c, int k, struct error *err)
{
	char *path = shard_path(c->path, k), *sql;
	sqlite3 *db = NULL;
	int64_t gen, now;
	int rc = -1;

	sqlite3_randomness(sizeof gen, &gen);
	sql = sqlite3_mprintf("UPDATE articles SET docid = NULL WHERE docid "
	    "IS NOT NULL AND docid %% %d = %d;"
	    "UPDATE meta SET value = %lld WHERE key = 'gen%d';",
	    COLLECTION_SHARDS, k, (long long)gen, k);
	if (collection_begin(c, err) < 0)
		goto out;
	if (collection_exec(c, sql, err) < 0 ||
	    collection_exec(c, "COMMIT", err) < 0) {
		collection_rollback(c);
		goto out;
	}
	if (!(db = shard_connect(path, err)) ||
	    collection_sqlite_exec(db, "BEGIN IMMEDIATE", err) < 0)
		goto out;
	/* The database's gen now: another process may have emptied since. */
	if (collection_meta_get(c, k, &now, err) < 0 ||
	    int_of(db, "SELECT value FROM shard WHERE key = 'gen'", NULL, &gen,
	    err) < 0)
		goto rollback;
	if (gen != now) {
		sqlite3_free(sql);
		sql = sqlite3_mprintf("INSERT INTO fts(fts) VALUES ('delete-all');"
		    "UPDATE shard SET value = 0 WHERE key = 'docs';"
		    "UPDATE shard SET value = %lld WHERE key = 'gen';",
		    (long long)now);
		if (collection_sqlite_exec(db, sql, err) < 0)
			goto rollback;
	}
	if (collection_sqlite_exec(db, "COMMIT", err) == 0)
		rc = 0;
	goto out;
rollback:
	sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
out:
	sqlite3_free(sql);
	sqlite3_close(db);
	free(path);
	return rc;
}

/* Shard k's generation (*gen) and the one the database wants (*want). */
static int
shard_gens(struct collection *c, int k, int64_t *gen, int64_t *want,
    struct error *err)
{
	char *sql = sqlite3_mprintf("SELECT value FROM fts%d.shard "
	    "WHERE key = 'gen'", k);
	int rc = int_of(c->db, sql, NULL, gen, err);

	sqlite3_free(sql);
	if (rc < 0 || collection_meta_get(c, k, want, err) < 0)
		return -1;
	return 0;
}

/* --- attaching --- */

static int
attach(struct collection *c, int k, const char *path, struct error *err)
{
	struct buf uri = BUF_INIT;
	sqlite3_stmt *st = NULL;
	char name[16];
	int rc = -1;

	snprintf(name, sizeof name, "fts%d", k);
	collection_ro_uri(&uri, path);
	if (sqlite3_prepare_v2(c->db, "ATTACH ?1 AS ?2", -1, &st, NULL) != SQLITE_OK) {
		collection_db_error(c, err, "attach the index");
		goto out;
	}
	sqlite3_bind_text(st, 1, uri.buf, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		error_set(err, "%s: %s", path, sqlite3_errmsg(c->db));
		goto out;
	}
	rc = 0;
out:
	sqlite3_finalize(st);
	buf_release(&uri);
	return rc;
}

int
collection_shards_attach(struct collection *c, struct error *err)
{
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		char *path = shard_path(c->path, k), *sql;
		sqlite3 *db;
		int64_t v = 0, gen = 0, want = 0;
		int rc;

		/* A shard that is there and current opens read-only alone. */
		sql = sqlite3_mprintf("PRAGMA fts%d.user_version", k);
		rc = attach(c, k, path, err);
		if (rc == 0 && int_of(c->db, sql, NULL, &v, err) < 0)
			rc = -1;
		if (c->read_only && rc == 0 && v != SHARD_VERSION)
			error_set(err, "%s: the collection is read-only and its "
			    "index is not there or not of this newsreader",
			    path);
		if (c->read_only && (rc < 0 || v != SHARD_VERSION)) {
			sqlite3_free(sql);
			free(path);
			return -1;
		}
		if (rc < 0 || v != SHARD_VERSION) {
			error_release(err);
			if (rc == 0) {
				sqlite3_free(sql);
				sql = sqlite3_mprintf("DETACH fts%d", k);
				collection_exec(c, sql, err);
			}
			rc = -1;
			if ((db = shard_connect(path, err)) != NULL) {
				sqlite3_close(db);
				rc = attach(c, k, path, err);
			}
		}
		sqlite3_free(sql);
		free(path);
		if (rc < 0)
			return -1;
		if (shard_gens(c, k, &gen, &want, err) < 0)
			return -1;
		/*
		 * An emptying cut short is upkeep: if it fails again, the
		 * collection still opens (the shard's new documents are
		 * refused until it is done, so its articles stay unindexed
		 * and every scan tries them again), and
		 * collection_index_vacuum() finishes it. Read-only, it stays
		 * so: its articles are not found by a search until a writer
		 * finishes it.
		 */
		if (gen != want && !c->read_only && shard_empty(c, k, err) < 0)
			error_release(err);
	}
	return 0;
}

/* --- closing --- */

void
collection_shards_tidy(const char *db_path)
{
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		char *path = shard_path(db_path, k), *wal = xasprintf("%s-wal", path);
		sqlite3 *db = NULL;

		/*
		 * The database's connection reads the shards read-only, and a
		 * read-only connection leaves the -wal and -shm files where
		 * they are when it closes. The last connection to close a
		 * WAL database that can write it checkpoints it and removes
		 * them: be that one, if no other process has the shard open
		 * (then it is theirs to do), and never wait.
		 */
		if (access(wal, F_OK) == 0 &&
		    sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE |
		    SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK) {
			sqlite3_busy_timeout(db, 0);
			sqlite3_exec(db, "PRAGMA user_version", NULL, NULL, NULL);
		}
		sqlite3_close(db);
		free(wal);
		free(path);
	}
}

/* --- writers --- */

struct collection_shard *
collection_shard_open(struct collection *c, int k, struct error *err)
{
	char *path = shard_path(c->path, k);
	struct collection_shard *s;
	sqlite3 *db = shard_connect(path, err);

	free(path);
	if (!db)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->db = db;
	s->k = k;
	return s;
}

void
collection_shard_free(struct collection_shard *s)
{
	if (!s)
		return;
	collection_shard_rollback(s);
	sqlite3_finalize(s->insert);
	/*
	 * The database's connection, which outlives this one, reads the
	 * shard read-only and cannot checkpoint it: do it here, and empty the
	 * WAL file, unless a reader is in the way (then never wait for it).
	 * After a rollback too: the pages a transaction spilled stay in the
	 * WAL file (a failed import on a full disk left 15 MB there).
	 */
	if (s->wrote) {
		sqlite3_busy_timeout(s->db, 0);
		sqlite3_exec(s->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL,
		    NULL, NULL);
	}
	sqlite3_close(s->db);
	free(s);
}

int
collection_shard_begin(struct collection_shard *s, struct error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (s->in_txn)
		return 0;
	if (collection_sqlite_exec(s->db, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	if (sqlite3_prepare_v2(s->db, "SELECT key, value FROM shard", -1, &st,
	    NULL) != SQLITE_OK) {
		collection_sqlite_error(s->db, err, "read the index");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		int64_t v = sqlite3_column_int64(st, 1);

		if (strcmp(key, "next") == 0)
			s->next = v;
		else if (strcmp(key, "docs") == 0)
			s->docs = v;
		else if (strcmp(key, "gen") == 0)
			s->gen = v;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		collection_sqlite_error(s->db, err, "read the index");
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	s->in_txn = true;
	s->wrote = true;
	return 0;
}

int
collection_shard_commit(struct collection_shard *s, struct error *err)
{
	char *sql;
	int rc;

	if (!s->in_txn)
		return 0;
	sql = sqlite3_mprintf("UPDATE shard SET value = %lld WHERE key = 'next';"
	    "UPDATE shard SET value = %lld WHERE key = 'docs'; COMMIT",
	    (long long)s->next, (long long)s->docs);
	rc = collection_sqlite_exec(s->db, sql, err);
	sqlite3_free(sql);
	if (rc < 0) {
		collection_shard_rollback(s);
		return -1;
	}
	s->in_txn = false;
	collection_keep_room(s->db);
	return 0;
}

void
collection_shard_rollback(struct collection_shard *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_txn = false;
}

int
collection_shard_put(struct collection_shard *s, const struct article *a,
    const char *text, size_t text_len, struct collection_doc *doc,
    struct error *err)
{
	struct buf cats = BUF_INIT, tags = BUF_INIT;
	int64_t docid;
	int rc;

	if (!s->in_txn) {
		error_set(err, "database: the index is written outside a transaction");
		return -1;
	}
	if (!s->insert && sqlite3_prepare_v3(s->db, "INSERT INTO fts(rowid, "
	    "body, title, author, categories, tags) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6)", -1, SQLITE_PREPARE_PERSISTENT, &s->insert, NULL) != SQLITE_OK)
		return collection_sqlite_error(s->db, err, "prepare");
	collection_encode_categories(a, &cats);
	collection_encode_tags(a, &tags);
	docid = s->next * COLLECTION_SHARDS + s->k;
	sqlite3_bind_int64(s->insert, 1, docid);
	sqlite3_bind_text(s->insert, 2, text ? text : "", (int)text_len,
	    SQLITE_STATIC);
	collection_bind_text(s->insert, 3, a->title);
	collection_bind_text(s->insert, 4, a->author);
	collection_bind_text(s->insert, 5, cats.buf);
	collection_bind_text(s->insert, 6, tags.buf);
	rc = sqlite3_step(s->insert);
	sqlite3_reset(s->insert);
	sqlite3_clear_bindings(s->insert);
	buf_release(&cats);
	buf_release(&tags);
	if (rc != SQLITE_DONE)
		return collection_sqlite_error(s->db, err, "index an article");
	s->next++;
	s->docs++;
	doc->docid = docid;
	doc->gen = s->gen;
	return 0;
}

/* --- giving back a full disk's space --- */

/*
 * Rounds of checkpoints collection_reclaim() makes at most: each gives
 * back what it can, and a checkpoint that ran out of room keeps the pages
 * it copied, so the next round needs less; it stops early once a round
 * frees nothing.
 */
#define RECLAIM_ROUNDS 4

/* The bytes of file's WAL file (0 when there is none). */
static int64_t
wal_size(const char *file)
{
	char *wal = xasprintf("%s-wal", file);
	struct stat st;
	int64_t n = stat(wal, &st) == 0 ? (int64_t)st.st_size : 0;

	free(wal);
	return n;
}

/* Checkpoint file's WAL and empty it, without waiting for anyone. */
static void
truncate_wal(const char *file)
{
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(file, &db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
		sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL,
		    NULL);
	sqlite3_close(db);
}

void
collection_reclaim(struct collection *c)
{
	char *path[COLLECTION_SHARDS];
	int64_t before = -1, now;

	if (c->read_only || !sqlite3_get_autocommit(c->db))
		return;
	for (int k = 0; k < COLLECTION_SHARDS; k++)
		path[k] = shard_path(c->path, k);
	sqlite3_busy_timeout(c->db, 0);
	for (int round = 0; round < RECLAIM_ROUNDS; round++) {
		now = wal_size(c->path);
		for (int k = 0; k < COLLECTION_SHARDS; k++)
			now += wal_size(path[k]);
		if (now == 0 || (before >= 0 && now >= before))
			break;
		before = now;
		for (int k = 0; k < COLLECTION_SHARDS; k++)
			truncate_wal(path[k]);
		sqlite3_exec(c->db, "PRAGMA main.wal_checkpoint(TRUNCATE)",
		    NULL, NULL, NULL);
	}
	sqlite3_busy_timeout(c->db, 30000);
	for (int k = 0; k < COLLECTION_SHARDS; k++)
		free(path[k]);
}

/* --- collection_put()'s own writers --- */

struct collection_shard *
collection_shards_own(struct collection *c, struct error *err)
{
	unsigned k = c->next_own++ % COLLECTION_SHARDS;

	if (!c->own[k] && !(c->own[k] = collection_shard_open(c, (int)k, err)))
		return NULL;
	if (collection_shard_begin(c->own[k], err) < 0)
		return NULL;
	return c->own[k];
}

int
collection_shards_commit_own(struct collection *c, struct error *err)
{
	for (int k = 0; k < COLLECTION_SHARDS; k++)
		if (c->own[k] && collection_shard_commit(c->own[k], err) < 0)
			return -1;
	return 0;
}

void
collection_shards_rollback_own(struct collection *c)
{
	for (int k = 0; k < COLLECTION_SHARDS; k++)
		if (c->own[k])
			collection_shard_rollback(c->own[k]);
}

void
collection_shards_free_own(struct collection *c)
{
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		collection_shard_free(c->own[k]);
		c->own[k] = NULL;
	}
}

/* --- upkeep --- */

int
collection_index_vacuum(struct collection *c, struct error *err)
{
	int64_t live[COLLECTION_SHARDS] = { 0 }, garbage[COLLECTION_SHARDS];
	int64_t all_live = 0, all_garbage = 0;
	struct buf sql = BUF_INIT;
	sqlite3_stmt *st;
	int rc, emptied = 0;

	/* First an emptying that collection_open() could not finish. */
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		int64_t gen, want;

		if (shard_gens(c, k, &gen, &want, err) < 0)
			return -1;
		if (gen != want) {
			if (shard_empty(c, k, err) < 0)
				return -1;
			emptied = 1;
		}
	}
	/* One pass over the docid index for every shard's live count (no
	 * GROUP BY: its sorter would hold a row per article). */
	buf_adds(&sql, "SELECT 0");
	for (int k = 0; k < COLLECTION_SHARDS; k++)
		buf_addf(&sql, ", coalesce(sum(docid %% %d = %d), 0)",
		    COLLECTION_SHARDS, k);
	buf_adds(&sql, " FROM articles WHERE docid IS NOT NULL");
	rc = sqlite3_prepare_v2(c->db, sql.buf, -1, &st, NULL);
	buf_release(&sql);
	if (rc != SQLITE_OK)
		return collection_db_error(c, err, "count the index");
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		for (int k = 0; k < COLLECTION_SHARDS; k++)
			live[k] = sqlite3_column_int64(st, k + 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return collection_db_error(c, err, "count the index");
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		char *q = sqlite3_mprintf("SELECT value FROM fts%d.shard "
		    "WHERE key = 'docs'", k);
		int64_t docs;

		rc = int_of(c->db, q, NULL, &docs, err);
		sqlite3_free(q);
		if (rc < 0)
			return -1;
		garbage[k] = docs - live[k];
		all_garbage += garbage[k];
		all_live += live[k];
	}
	/* Judged on the whole index; then each shard that has its share. */
	if (all_garbage < 1000 || all_garbage * 4 < all_live)
		return emptied;
	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		if (garbage[k] <= 0 || garbage[k] * 4 < live[k])
			continue;
		if (shard_empty(c, k, err) < 0)
			return -1;
		emptied = 1;
	}
	return emptied;
}

int
collection_shards_check(struct collection *c, struct error *err)
{
	struct buf sql = BUF_INIT;
	int64_t bad;
	int rc = -1;

	for (int k = 0; k < COLLECTION_SHARDS; k++) {
		char *path = shard_path(c->path, k);
		sqlite3 *db = shard_connect(path, err);
		int64_t v = 0;
		const char *msg = NULL;
		sqlite3_stmt *st;

		free(path);
		if (!db)
			goto out;
		if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st,
		    NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
			msg = (const char *)sqlite3_column_text(st, 0);
		if (!msg || strcmp(msg, "ok") != 0) {
			error_set(err, "database: shard %d: integrity_check: %s",
			    k, msg ? msg : sqlite3_errmsg(db));
			v = -1;
		}
		sqlite3_finalize(st);
		if (v == 0 && collection_sqlite_exec(db, "INSERT INTO fts(fts) VALUES "
		    "('integrity-check')", err) < 0)
			v = -1;
		sqlite3_close(db);
		if (v < 0)
			goto out;
	}
	/* Every article's document is in its shard. */
	buf_adds(&sql, "SELECT count(*) FROM articles a WHERE a.docid IS NOT NULL "
	    "AND CASE a.docid % " COLLECTION_STR(COLLECTION_SHARDS));
	for (int k = 0; k < COLLECTION_SHARDS; k++)
		buf_addf(&sql, " WHEN %d THEN NOT EXISTS (SELECT 1 FROM "
		    "fts%d.fts_docsize WHERE id = a.docid)", k, k);
	buf_adds(&sql, " ELSE 1 END");
	if (int_of(c->db, sql.buf, NULL, &bad, err) < 0)
		goto out;
	if (bad > 0) {
		error_set(err, "database: an article's document is missing from "
		    "the index (%lld times)", (long long)bad);
		goto out;
	}
	rc = 0;
out:
	buf_release(&sql);
	return rc;
}
