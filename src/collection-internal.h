/*
 * collection-internal: what the collection's files share (collection.c:
 * the connection, schema and sources; collection-write.c: storing scanned
 * articles; collection-query.c: views, the tree and state). Nothing
 * outside src/collection*.c includes this header; together those files are
 * the only place with SQL.
 */
#ifndef NR_COLLECTION_INTERNAL_H
#define NR_COLLECTION_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>

#include "collection.h"

struct buf;
struct error;
struct strvec;

/* The prepared statements kept for the life of a connection. */
enum stmt_id {
	ST_META_ADD,
	ST_FIND_PATH,
	ST_FIND_ID,
	ST_FTS_INSERT,
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
	sqlite3 *db;
	sqlite3_stmt *stmts[N_STMTS];	/* prepared on first use */
	struct name_cache names;
};

/* Empty the name cache (collection-write.c). */
void collection_names_clear(struct collection *c);

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
/* Bind s, or NULL for a NULL s; s must outlive the step. */
void collection_bind_text(sqlite3_stmt *st, int i, const char *s);
/* A copy of column i, or NULL. */
char *collection_col_strdup(sqlite3_stmt *st, int i);
/* Add delta to a meta counter; returns its new value, or -1. */
int64_t collection_meta_add(struct collection *c, const char *key,
    int64_t delta, struct error *err);
/*
 * Append to sql the condition "column col is root or under it", pushing
 * its three text values, in order, onto vals.
 */
void collection_add_range(struct buf *sql, struct strvec *vals,
    const char *col, const char *root);
/* Split s at sep into sv (appending); NULL or "" gives nothing. */
void collection_split(const char *s, char sep, struct strvec *sv);

#endif
