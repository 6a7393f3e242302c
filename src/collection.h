/* SPDX-License-Identifier: MIT */
/*
 * collection: the local store of articles, in SQLite. The only module that
 * speaks SQL.
 *
 * A collection is one database file. It holds every article that a scan
 * found under the remembered sources (directories or files, by absolute
 * path): the metadata --list prints, read and starred state, the category
 * tree with subtree counts, tags, and a full-text index (see search.h for
 * what a word is). An article's id never changes while its file stays put,
 * is re-parsed after an edit, or is moved within its source (recognised by
 * its content hash); read and starred state go with the id.
 *
 * Files: the database at PATH holds everything but the full-text index,
 * which is split in COLLECTION_SHARDS shard files beside it, PATH-fts0 and
 * PATH-fts1 (each with its own -wal and -shm while in use), so that a scan
 * writes the index from two threads at once. The three files are one
 * collection: collection_open() creates the shards when they are missing
 * and re-indexes what a lost shard held.
 *
 * Threads and processes: a struct collection is one connection and belongs
 * to one thread at a time. Any number of connections, in threads or
 * processes, may share a database file: it is in WAL mode with a busy
 * timeout, so readers never wait and writers queue. A scan in a background
 * thread opens its own connection (collection_open on the same path).
 *
 * Durability: every state change (read, starred, forget) is committed at
 * once. A scan commits in batches, each a transaction, and never depends on
 * memory surviving: a process killed at any moment leaves a consistent
 * database, and the next scan finishes the work.
 */
#ifndef NR_COLLECTION_H
#define NR_COLLECTION_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct article;
struct error;

struct collection;

/* --- opening --- */

/*
 * Open (creating, or migrating to the current schema) the database at
 * path; its directory must exist. Returns NULL with err set when the file
 * is not a newsreader database, was written by a newer newsreader (or by
 * an older one, when read-only), or cannot be opened. Free with
 * collection_free().
 */
struct collection *collection_open(const char *path, struct error *err);
void collection_free(struct collection *c);

/*
 * Scans take turns. Two processes scanning the same sources at once would
 * both parse and index every changed file, and all but one of the copies
 * would be garbage in the index (four scans over 90 edits: 360 stale
 * documents; after an upkeep, each scan indexed the whole collection
 * again). So a scan holds an flock(2) on the file PATH-lock (PATH the
 * database's) from its walk to its upkeep; the one that waits walks after
 * the other is done and finds the changes stored. The kernel drops the
 * lock of a process that dies. The holder removes the file before it lets
 * go (a waiter that then holds a removed file tries again), so none is
 * left after a scan. Readers never take it.
 *
 * collection_scan_lock() waits for the turn, looking at *cancel (when not
 * NULL) every 50 ms. Returns 0 with the lock (or without it, when the
 * file cannot be made: a folder that is not writable); 1 when cancelled;
 * -1 with err set. collection_scan_unlock() lets the next one go; it is
 * also done by collection_free().
 */
int collection_scan_lock(struct collection *c, const atomic_bool *cancel,
    struct error *err);
void collection_scan_unlock(struct collection *c);

/*
 * NULL, or, when the collection is read-only, the folder or file that
 * made it so (not writable to this process: another user's collection,
 * a shared archive, a read-only file system), valid while c is open.
 * collection_open() opens such a collection read-only rather than fail:
 * it can be listed, searched and read, but not scanned, migrated or
 * marked; a write fails with "the collection is read-only".
 */
const char *collection_read_only(const struct collection *c);

/*
 * A scan's many small writes, or not (see STMTJRNL_SPILL in collection.c).
 * With small on, c's statement journals stay in memory: once one spilled
 * to its temporary file, every later statement of the transaction wrote
 * its journal there too, for the rest of a batch of thousands (an import
 * of 5,000 articles made 100,000 writes; 6,000 without). Every statement
 * of a scan changes a few pages; the upkeep's and the marks' that change
 * thousands run with it off, and spill. Not inside a transaction.
 */
void collection_small_writes(struct collection *c, bool small);

/* The schema version this build writes (PRAGMA user_version). */
#define COLLECTION_SCHEMA_VERSION 7

/* --- sources --- */

/*
 * Remember an absolute, normalised path (a directory, or a single file when
 * is_file) as a source: the bundled sample collection when sample (added
 * for want of sources of the user's own), else one the user named.
 * Remembering one again sets both anew.
 */
int collection_source_add(struct collection *c, const char *path, bool is_file,
    bool sample, struct error *err);

/* Whose a source is. */
enum collection_source_kind {
	COLLECTION_OWN,		/* named by the user */
	COLLECTION_SAMPLE,	/* the bundled sample, added by newsreader */
	COLLECTION_SAMPLE_UNKNOWN,	/* remembered before newsreader kept
					   count (schema version 4 or less) */
};

struct collection_source {
	char *path;		/* absolute; owned */
	bool is_file;
	enum collection_source_kind sample;
};

/*
 * The remembered sources, sorted by path, into a new array *out of *n
 * entries; free it with collection_sources_free().
 */
int collection_sources(struct collection *c, struct collection_source **out,
    size_t *n, struct error *err);
void collection_sources_free(struct collection_source *v, size_t n);

/*
 * Forget a source: remove it and every article under it that no other
 * remembered source covers. Returns the number of articles removed, or -1
 * with err set (also when path is not a remembered source).
 */
int64_t collection_source_forget(struct collection *c, const char *path,
    struct error *err);

/* --- views: filters and order --- */

enum collection_sort {
	COLLECTION_SORT_DATE,	/* newest first */
	COLLECTION_SORT_TITLE,	/* by code point, A before Z */
	COLLECTION_SORT_PATH,
	COLLECTION_SORT_RANK,	/* best match first; only with search */
};

/*
 * What a list shows. Filters combine with AND; NULL or false leaves one
 * out. The strings are borrowed for the call.
 */
struct collection_view {
	const char *category;	/* "新媒体/趣头条": that node and its subtree */
	const char *tag;
	const char *author;
	const char *search;	/* a query in search.h's language */
	bool unread;
	bool starred;
	enum collection_sort sort;
	bool reverse;		/* the opposite order */
	/*
	 * Only articles under these absolute paths (directories or files);
	 * nscope 0 means every article in the collection.
	 */
	const char *const *scope;
	size_t nscope;
};

/* --- articles --- */

/* One article as the collection knows it. */
struct collection_item {
	int64_t id;		/* > 0, stable */
	bool read;
	bool starred;
	double rank;		/* bm25 (lower is better) when sorted by rank */
	/*
	 * Every front-matter field, the parser's warnings, and the file's
	 * size, mtime and hash, as at the last scan; body is "" (read the file
	 * to show it). Owned; released with collection_item_release().
	 */
	struct article *article;
};

void collection_item_release(struct collection_item *item);

/*
 * The article with this id into *item (released by the caller). Returns 1,
 * 0 when there is none, -1 on error.
 */
int collection_get(struct collection *c, int64_t id,
    struct collection_item *item, struct error *err);

/*
 * The id of the article at an absolute path. Returns 1 and sets *id, 0
 * when none is there, -1 on error.
 */
int collection_find_path(struct collection *c, const char *path, int64_t *id,
    struct error *err);

/* --- listing, a screenful at a time --- */

enum collection_dir {
	COLLECTION_AFTER,	/* rows after the cursor, in view order */
	COLLECTION_BEFORE,	/* rows before it, nearest first */
};

struct collection_cursor;

/*
 * Start reading the rows of view after (or before) the row from (NULL: from
 * the start, or for BEFORE the end), at most limit rows (0: no limit).
 * Rows stream from an index where the view allows (always for the date
 * order; for other orders when no category or tag filter applies), so a
 * page of a million-article view costs what a page of a small one does;
 * memory stays constant whatever the count. from is only read during this
 * call. Returns NULL with err set on a bad category/search, or a database
 * error. Free with collection_cursor_free().
 */
struct collection_cursor *collection_query(struct collection *c,
    const struct collection_view *view, const struct collection_item *from,
    enum collection_dir dir, size_t limit, struct error *err);
/*
 * The next row into *item (released by the caller, or reused: a call
 * releases what item held). Returns 1, 0 at the end, -1 on error.
 */
int collection_cursor_next(struct collection_cursor *cur,
    struct collection_item *item, struct error *err);
void collection_cursor_free(struct collection_cursor *cur);

/*
 * Size c's page cache for one pass over what is read next, as a --list
 * that prints and exits: each page is read once, so a small cache whose
 * buffers are reused is faster than a large one being filled.
 */
void collection_one_pass(struct collection *c);

/* What a listing line shows of an article. */
struct collection_line {
	int64_t id;
	bool read;
	bool starred;
	int64_t date;
	/* Borrowed from the cursor, valid until its next step or free. */
	const char *path;
	const char *title;
	const char *category;	/* as article_category_path(a, "/") */
};

/*
 * The whole of view, in its order, as lines: a cursor for
 * collection_cursor_line() only. A line takes no allocation, and in date
 * order (the default, and a common search's walk) it is read from the
 * date index alone, which holds these columns, without the article's
 * row: a listing of every match of a common word costs about what its
 * output does.
 */
struct collection_cursor *collection_query_lines(struct collection *c,
    const struct collection_view *view, struct error *err);
/* The next line into *line. Returns 1, 0 at the end, -1 on error. */
int collection_cursor_line(struct collection_cursor *cur,
    struct collection_line *line, struct error *err);

/* The number of articles in view, or -1 on error. */
int64_t collection_count(struct collection *c,
    const struct collection_view *view, struct error *err);
/*
 * The number of articles of view that come before item in its order (so
 * item's 0-based position when it is in the view), or -1 on error. Costs
 * a count of those rows: for a list's position after a jump, not per key.
 */
int64_t collection_count_before(struct collection *c,
    const struct collection_view *view, const struct collection_item *item,
    struct error *err);

/* --- the category tree --- */

struct collection_category {
	int64_t id;
	int64_t parent;		/* 0 for a root */
	int depth;		/* 0 for a root */
	char *name;		/* owned */
	char *path;		/* names joined with '/'; owned */
	int64_t total;		/* articles in this node's subtree */
	int64_t unread;		/* of which unread */
};

/*
 * The categories that hold articles in scope (nscope 0: all), in tree
 * order (each node before its children, siblings by name), into a new array
 * *out of *n; free it with collection_categories_free().
 */
int collection_categories(struct collection *c, const char *const *scope,
    size_t nscope, struct collection_category **out, size_t *n,
    struct error *err);
void collection_categories_free(struct collection_category *v, size_t n);

/* --- read and starred state (committed at once) --- */

/* Returns 1, 0 when there is no such article, -1 on error. */
int collection_set_read(struct collection *c, int64_t id, bool read,
    struct error *err);
int collection_set_starred(struct collection *c, int64_t id, bool starred,
    struct error *err);
/*
 * Mark every article of view read (or unread) in one statement. Returns
 * how many changed, or -1.
 */
int64_t collection_mark_view(struct collection *c,
    const struct collection_view *view, bool read, struct error *err);

/* --- writing, for scans --- */

/* What a scan knows of one stored file. */
struct collection_file {
	int64_t id;
	const char *path;	/* absolute; valid during the callback */
	int64_t size;		/* bytes */
	int64_t mtime_ns;
	uint64_t hash;		/* of the file's bytes */
	bool indexed;		/* its text is in the full-text index */
};

/*
 * Call fn for each stored article under root (a directory or file), in no
 * particular order. fn returns non-zero to stop. Reads an index of its
 * own through a small page cache, so the memory it takes does not grow
 * with the collection. Returns 0 or -1.
 */
int collection_files(struct collection *c, const char *root,
    int (*fn)(void *ctx, const struct collection_file *f), void *ctx,
    struct error *err);

/* A transaction around a batch of writes (BEGIN IMMEDIATE ... COMMIT). */
int collection_begin(struct collection *c, struct error *err);
int collection_commit(struct collection *c, struct error *err);
void collection_rollback(struct collection *c);

/*
 * Store a parsed article with its body's plain text (text_len bytes), in
 * place of the stored article at the same path, or else in place of the
 * article with id replace (a moved file: path changes, id and state stay),
 * or as a new article. The text goes to a shard through the collection's
 * own shard writers, committed by collection_commit() before the articles
 * are. For a few articles (tests, tools); scans index in their parsing
 * threads and use collection_put_doc(). Returns the article's id, or -1.
 */
int64_t collection_put(struct collection *c, const struct article *a,
    const char *text, size_t text_len, int64_t replace, struct error *err);

/*
 * The same, with the text already indexed: doc names a document that
 * collection_shard_put() wrote and collection_shard_commit() committed
 * (its order: the shard first), or is NULL to keep the stored article's
 * document (a file touched, its bytes the same). A document from an index
 * that has been emptied since (collection_index_vacuum() in any process)
 * is not used: the article is stored unindexed, and the next scan indexes
 * it. Returns the article's id, or -1.
 */
struct collection_doc;
int64_t collection_put_doc(struct collection *c, const struct article *a,
    const struct collection_doc *doc, int64_t replace, struct error *err);

/* Remove the article with this id. Returns 1, 0 when absent, -1. */
int collection_remove(struct collection *c, int64_t id, struct error *err);

/*
 * The index's upkeep, after a scan: finish an emptying of a shard that
 * was cut short (by a kill, or a failure at collection_open()); and when
 * at least a fifth of a shard is left over from edited, moved or removed
 * articles, from scans killed between a shard's commit and the articles',
 * or from two scans that indexed the same change (and it is not tiny),
 * empty that shard and mark its articles to be indexed again. Returns 1
 * when a shard was emptied, so the caller scans again; 0 when nothing
 * was needed; -1 on error. A failure loses nothing: every article stays
 * stored and shown, the stale documents stay, and the next call tries
 * again.
 */
int collection_index_vacuum(struct collection *c, struct error *err);

/*
 * After a write failed (a full disk): give back the space the WAL files
 * of the database and its shards hold, the pages of rolled-back
 * transactions among them, by checkpointing each and emptying it (in a
 * few rounds: one file's room may be what another's checkpoint needs).
 * Best effort, and never waits for another process. c must not be in a
 * transaction.
 */
void collection_reclaim(struct collection *c);

/*
 * The bytes left to this process on the disk the collection is on
 * (UINT64_MAX when it cannot be told). Thread-safe.
 */
uint64_t collection_room(const struct collection *c);
/* Set err to say that the collection's disk is full, naming its folder. */
void collection_error_full(const struct collection *c, struct error *err);

/* --- the full-text index's shards, for scans --- */

/*
 * A scan's parsing threads index what they parse, each in a shard of its
 * own through a struct collection_shard (one connection, one thread at a
 * time), in transactions of their own. The invariant: an article refers
 * only to a document committed in its shard. So a writer commits a batch
 * of documents first, and only then hands them (struct collection_doc) to
 * the thread that stores the articles with collection_put_doc(). A process
 * killed in between leaves documents that nothing refers to, counted as
 * garbage for collection_index_vacuum().
 */
#define COLLECTION_SHARDS 2

struct collection_shard;

/* A committed document, for collection_put_doc(). */
struct collection_doc {
	int64_t docid;		/* > 0; in shard docid % COLLECTION_SHARDS */
	int64_t gen;		/* the shard's generation (emptied: a new one) */
};

/*
 * A writer for shard k (0 <= k < COLLECTION_SHARDS) of c's database, on a
 * connection of its own: open it in c's thread, then use it in another.
 * Returns NULL with err set. Free with collection_shard_free() (an open
 * transaction is rolled back).
 */
struct collection_shard *collection_shard_open(struct collection *c, int k,
    struct error *err);
void collection_shard_free(struct collection_shard *s);

/*
 * A transaction around a batch of documents (BEGIN IMMEDIATE ... COMMIT).
 * The shard knows whether its transaction is open: begin then does
 * nothing, nor do commit and rollback without one.
 */
int collection_shard_begin(struct collection_shard *s, struct error *err);
int collection_shard_commit(struct collection_shard *s, struct error *err);
void collection_shard_rollback(struct collection_shard *s);

/*
 * Index an article's title, author, categories, tags and body text
 * (text_len bytes) as a new document, in the open transaction; *doc names
 * it once committed. Returns 0, or -1 with err set.
 */
int collection_shard_put(struct collection_shard *s, const struct article *a,
    const char *text, size_t text_len, struct collection_doc *doc,
    struct error *err);

/*
 * Check the database: SQLite's integrity checks of every file, FTS5's of
 * every shard, and the collection's own invariants (counts, links, every
 * article's document present in its shard). 0 ok, -1 with err.
 */
int collection_check(struct collection *c, struct error *err);

#endif
