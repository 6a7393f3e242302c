/* SPDX-License-Identifier: MIT */
/*
 * collection-internal: what the collection's files share (collection.c:
 * the connection, schema and sources; collection-shard.c: the full-text
 * index's shard files; collection-write.c: storing scanned articles;
 * collection-query.c: views, the tree and state). Nothing outside
 * src/collection*.c includes this header; together those files are the
 * only place with SQL.
 */
#ifndef NR_COLLECTION_INTERNAL_H
#define NR_COLLECTION_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#include "collection.h"
#include "search.h"

struct article;
struct buf;
struct error;
struct strvec;

/* The prepared statements kept for the life of a connection. */
enum stmt_id {
	ST_FIND_PATH,
	ST_FIND_ID,
	ST_GEN,
	ST_ART_INSERT,
	ST_ART_UPDATE,
	ST_ART_DELETE,
	ST_LINKS_DELETE,
	ST_TAGS_DELETE,
	ST_CAT_FIND,
	ST_CAT_INSERT,
	ST_LINK_INSERT,
	ST_TAG_FIND,
	ST_TAG_INSERT,
	ST_TAGLINK_INSERT,
	ST_SET_READ,
	ST_SET_STARRED,
	ST_GET,
	ST_TOTAL,
	N_STMTS
};

/*
 * Ids of categories (by parent and name) and tags (parent -1), as a scan
 * meets them: neither is ever deleted, so an id once read stays right;
 * an id created in a transaction that rolls back does not, so a rollback
 * empties the cache.
 */
struct name_cache {
	struct name_entry {
		int64_t parent;	/* a category's parent, or -1 for a tag */
		char *name;	/* owned; NULL marks an empty slot */
		int64_t id;
	} *v;
	size_t cap;		/* a power of two, or 0 */
	size_t n;
};

struct collection {
	sqlite3 *db;		/* the database; shard k attached as "fts<k>",
				   read-only */
	char *path;		/* the database's file */
	/* NULL, or (read-only collections) the folder or file that we may
	 * not write; owned */
	char *read_only;
	sqlite3_stmt *stmts[N_STMTS];	/* prepared on first use */
	struct name_cache names;
	/*
	 * collection_put()'s writers, opened on first use; their open
	 * transactions commit in collection_commit(), before the database's.
	 */
	struct collection_shard *own[COLLECTION_SHARDS];
	unsigned next_own;	/* the shard the next collection_put() uses */
	int scan_lock;		/* PATH-lock, open and flock()ed; or -1 */
};

/* Empty the name cache (collection-write.c). */
void collection_names_clear(struct collection *c);

/* --- the files as files (collection-disk.c) --- */

/* The folder path is in (".", "/", or what comes before its last '/'). */
char *collection_folder_of(const char *path);
/*
 * Why the collection at path cannot be written, or NULL: the first of its
 * folder and files that is there and not writable. A new string.
 */
char *collection_unwritable(const char *path);

/* --- the shards (collection-shard.c) --- */

/*
 * Attach the shards to c's connection (read-only), creating missing ones,
 * and empty any shard whose generation is not the database's (a shard
 * lost, or an emptying cut short). 0 or -1.
 */
int collection_shards_attach(struct collection *c, struct error *err);
/*
 * After the database's connection is closed: close each shard of the
 * database at db_path as its last connection would, so that its -wal and
 * -shm files go, unless another process has it open.
 */
void collection_shards_tidy(const char *db_path);
/* Commit (or roll back) the open transactions of c's own writers. */
int collection_shards_commit_own(struct collection *c, struct error *err);
void collection_shards_rollback_own(struct collection *c);
void collection_shards_free_own(struct collection *c);
/* The writer collection_put() uses next, in a transaction; NULL, err. */
struct collection_shard *collection_shards_own(struct collection *c,
    struct error *err);
/* SQLite's and FTS5's checks of each shard, and the documents' presence. */
int collection_shards_check(struct collection *c, struct error *err);

/*
 * A read-only URI for the database file file (mode=ro, and immutable
 * when SQLite could not read it otherwise), to b.
 */
void collection_ro_uri(struct buf *b, const char *file);

/*
 * After a commit on db (the database's or a shard's): checkpoint its WAL
 * file when it is large for the room left on the disk (collection.c says
 * why). Best effort.
 */
void collection_keep_room(sqlite3 *db);

/* Register the "nr" tokenizer (search.c's) on a connection; 0 or -1. */
int collection_register_tokenizer(sqlite3 *db, struct error *err);
/*
 * The FTS5 key of a token: a word or a space is keyed by its text, a CJK
 * character or another mark by its UTF-8 between two bytes 0x80..0xBF
 * from a hash of it. Writes at most len + 2 bytes to key; returns the
 * key's length.
 *
 * Why: FTS5 finds a token's entry in its pending index by a hash of the
 * key that mixes its bytes poorly: the three-byte UTF-8 forms of the
 * 21,000 common ideographs fall in 3,072 of its buckets, so each token of
 * Chinese text walked a chain of entries, each a cache miss, and FTS5's
 * hash writes were most of an import's time. Simulated on the vocabulary
 * of the generated corpus (the frequent terms first in their chains, as
 * FTS5 puts new entries at the head): 2.9 entries walked per token with
 * the plain text, 1.45 with a hash byte before it, 1.2 with one on each
 * side (a random hash: 1.18). A continuation byte begins no word, so such
 * a key never equals a word nor starts with one, and a prefix query on a
 * word stays exact; words keep their text, as a prefix query needs their
 * keys in text order.
 *
 * Inline: it runs for every token a scan indexes.
 */
static inline size_t
collection_fts_key(enum search_token_kind kind, const char *tok, size_t len,
    char *key)
{
	uint32_t h = 0;

	if (kind == SEARCH_WORD || kind == SEARCH_SPACE) {
		memcpy(key, tok, len);
		return len;
	}
	/* One character, at most four bytes, hashed by multiplication. */
	for (size_t i = 0; i < len && i < 4; i++) {
		h = h << 8 | (unsigned char)tok[i];
		key[i + 1] = tok[i];
	}
	h *= 0x9E3779B1u;
	key[0] = (char)(0x80 | (h >> 26));
	key[len + 1] = (char)(0x80 | ((h >> 20) & 0x3F));
	return len + 2;
}

/* The columns an item is read from, in this order, then the rank. */
#define ITEM_COLS \
	"a.id, a.read, a.starred, a.path, a.size, a.mtime_ns, a.hash, " \
	"a.title, a.date, a.date_source, a.updated, a.categories, a.tags, " \
	"a.author, a.headimg, a.thumbnail, a.cover, a.excerpt, a.permalink, " \
	"a.lang, a.comments, a.published, a.extra, a.format, a.encoding, " \
	"a.body_line, a.more, a.warnings"

/*
 * Category paths are stored as their names joined by US (0x1F), the paths
 * joined by RS (0x1E); tags joined by RS. Those two controls never survive
 * in a name (they become spaces), and the tokenizer reads them as spaces.
 */
#define SEP_PATH '\x1e'
#define SEP_NAME '\x1f'

/* The page cache of a connection to the database, in KiB. */
#define COLLECTION_CACHE_KIB 32000

/* A macro's value as a string literal. */
#define COLLECTION_STR_(x) #x
#define COLLECTION_STR(x) COLLECTION_STR_(x)

/* Set the page cache of c's database to kib KiB (best effort). */
void collection_set_cache(struct collection *c, int kib);
/* Define the SQL functions queries use (collection-query.c); 0 or -1. */
int collection_query_register(sqlite3 *db, struct error *err);
/* Set err from the connection's last error; returns -1. */
int collection_db_error(struct collection *c, struct error *err,
    const char *what);
/* The statement id, prepared once, reset and unbound; NULL with err set. */
sqlite3_stmt *collection_stmt(struct collection *c, enum stmt_id id,
    struct error *err);
/* Step a statement that returns no row (or one, ignored); 0 or -1. */
int collection_step_done(struct collection *c, sqlite3_stmt *st,
    struct error *err);
int collection_exec(struct collection *c, const char *sql, struct error *err);
/* The same two on a connection of its own (a shard's). */
int collection_sqlite_error(sqlite3 *db, struct error *err, const char *what);
int collection_sqlite_exec(sqlite3 *db, const char *sql, struct error *err);
/* Bind s, or NULL for a NULL s; s must outlive the step. */
void collection_bind_text(sqlite3_stmt *st, int i, const char *s);
/* A copy of column i, or NULL. */
char *collection_col_strdup(sqlite3_stmt *st, int i);
/* The database's generation of shard k (meta gen<k>); 0 or -1. */
int collection_meta_get(struct collection *c, int k, int64_t *gen,
    struct error *err);
/* Encode an article's categories and tags as stored (collection-write.c). */
void collection_encode_categories(const struct article *a, struct buf *out);
void collection_encode_tags(const struct article *a, struct buf *out);

/*
 * Append to sql the condition "column col is root or under it", pushing
 * its three text values, in order, onto vals.
 */
void collection_add_range(struct buf *sql, struct strvec *vals,
    const char *col, const char *root);
/* Split s at sep into sv (appending); NULL or "" gives nothing. */
void collection_split(const char *s, char sep, struct strvec *sv);

#endif
