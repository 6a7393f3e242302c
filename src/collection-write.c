/* SPDX-License-Identifier: MIT */
/*
 * collection-write: storing what a scan parsed (see collection_put() and
 * collection-internal.h). An article already stored is updated in place,
 * so its id and its read/starred state stay; its category and tag links
 * are rewritten only when they changed. Its text is indexed in a shard
 * (collection-shard.c) before it is stored: the article then refers to
 * that document, or keeps its old one when its file's bytes are the same.
 */
#include "config.h"
#include "collection.h"
#include "collection-internal.h"

#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "report.h"
#include "strvec.h"
#include "xmalloc.h"

/* --- multi-valued fields, stored as text --- */

static void
add_name(struct buf *out, const char *s)
{
	for (; *s; s++)
		buf_addc(out, *s == SEP_PATH || *s == SEP_NAME ? ' ' : *s);
}

void
collection_encode_categories(const struct article *a, struct buf *out)
{
	for (size_t i = 0; i < a->ncategories; i++) {
		if (i > 0)
			buf_addc(out, SEP_PATH);
		for (size_t j = 0; j < a->categories[i].nr; j++) {
			if (j > 0)
				buf_addc(out, SEP_NAME);
			add_name(out, a->categories[i].v[j]);
		}
	}
}

void
collection_encode_tags(const struct article *a, struct buf *out)
{
	for (size_t i = 0; i < a->tags.nr; i++) {
		if (i > 0)
			buf_addc(out, SEP_PATH);
		add_name(out, a->tags.v[i]);
	}
}

void
collection_split(const char *s, char sep, struct strvec *sv)
{
	const char *p;

	if (!s || !*s)
		return;
	while ((p = strchr(s, sep)) != NULL) {
		strvec_push_nodup(sv, xstrndup(s, (size_t)(p - s)));
		s = p + 1;
	}
	strvec_push(sv, s);
}

/* The page cache while collection_files() reads, in KiB. */
#define FILES_CACHE_KIB 1024

/* --- writing --- */

/* What is stored of an article before it is replaced. */
struct old_row {
	int64_t id;		/* 0: none */
	int64_t docid;		/* 0: not indexed */
	int64_t date;
	bool read;
	char *categories, *tags;
};

static void
old_row_release(struct old_row *o)
{
	free(o->categories);
	free(o->tags);
	memset(o, 0, sizeof *o);
}

static int
find_old(struct collection *c, sqlite3_stmt *st, struct old_row *o,
    struct error *err)
{
	int rc = sqlite3_step(st);

	if (rc == SQLITE_ROW) {
		o->id = sqlite3_column_int64(st, 0);
		o->docid = sqlite3_column_int64(st, 1);
		o->categories = collection_col_strdup(st, 2);
		o->tags = collection_col_strdup(st, 3);
		o->date = sqlite3_column_int64(st, 4);
		o->read = sqlite3_column_int(st, 5) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return collection_db_error(c, err, "read an article");
	return 0;
}

static bool
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a && b && strcmp(a, b) == 0) ||
	    (a == NULL && b && !*b) || (b == NULL && a && !*a);
}

/* --- the name cache (see collection-internal.h) --- */

static uint64_t
name_hash(int64_t parent, const char *name)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ (uint64_t)parent;

	for (; *name; name++) {
		h ^= (unsigned char)*name;
		h *= 0x100000001b3ULL;
	}
	return h ^ (h >> 29);
}

static struct name_entry *
names_slot(struct name_cache *nc, int64_t parent, const char *name)
{
	size_t i = name_hash(parent, name) & (nc->cap - 1);

	while (nc->v[i].name && (nc->v[i].parent != parent ||
	    strcmp(nc->v[i].name, name) != 0))
		i = (i + 1) & (nc->cap - 1);
	return &nc->v[i];
}

/* The cached id of parent/name, or 0. */
static int64_t
names_get(struct collection *c, int64_t parent, const char *name)
{
	if (c->names.cap == 0)
		return 0;
	return names_slot(&c->names, parent, name)->id;
}

static void
names_put(struct collection *c, int64_t parent, const char *name, int64_t id)
{
	struct name_cache *nc = &c->names;
	struct name_entry *e;

	if ((nc->n + 1) * 2 > nc->cap) {
		struct name_cache old = *nc;

		nc->cap = nc->cap ? nc->cap * 2 : 64;
		nc->v = xcalloc(nc->cap, sizeof *nc->v);
		for (size_t i = 0; i < old.cap; i++)
			if (old.v[i].name)
				*names_slot(nc, old.v[i].parent, old.v[i].name) = old.v[i];
		free(old.v);
	}
	e = names_slot(nc, parent, name);
	if (!e->name) {
		e->parent = parent;
		e->name = xstrdup(name);
		nc->n++;
	}
	e->id = id;
}

void
collection_names_clear(struct collection *c)
{
	for (size_t i = 0; i < c->names.cap; i++)
		free(c->names.v[i].name);
	free(c->names.v);
	memset(&c->names, 0, sizeof c->names);
}

/* The id of the category parent/name, created when new. */
static int64_t
category_id(struct collection *c, int64_t parent, const char *name,
    struct buf *path, struct buf *sortkey, int depth, struct error *err)
{
	sqlite3_stmt *st;
	int64_t id = names_get(c, parent, name);
	int rc;

	if (path->len) {
		buf_addc(path, '/');
		buf_addc(sortkey, '\x01');
	}
	buf_adds(path, name);
	buf_adds(sortkey, name);
	if (id)
		return id;
	if (!(st = collection_stmt(c, ST_CAT_FIND, err)))
		return -1;
	sqlite3_bind_int64(st, 1, parent);
	collection_bind_text(st, 2, name);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return collection_db_error(c, err, "find a category");
	if (id) {
		names_put(c, parent, name, id);
		return id;
	}
	if (!(st = collection_stmt(c, ST_CAT_INSERT, err)))
		return -1;
	sqlite3_bind_int64(st, 1, parent);
	collection_bind_text(st, 2, name);
	collection_bind_text(st, 3, path->buf);
	collection_bind_text(st, 4, sortkey->buf);
	sqlite3_bind_int(st, 5, depth);
	if (collection_step_done(c, st, err) < 0)
		return -1;
	id = sqlite3_last_insert_rowid(c->db);
	names_put(c, parent, name, id);
	return id;
}

/* Link the article to every node on its category paths (fresh: none yet). */
static int
put_links(struct collection *c, int64_t id, const struct article *a,
    bool fresh, bool read, struct error *err)
{
	static const char *const uncategorised[] = { ARTICLE_UNCATEGORISED, NULL };
	struct strvec none = { (char **)uncategorised, 1, 0 };
	const struct strvec *paths = a->ncategories ? a->categories : &none;
	size_t npaths = a->ncategories ? a->ncategories : 1;
	struct buf path = BUF_INIT, sortkey = BUF_INIT, name = BUF_INIT;
	sqlite3_stmt *st;
	int rc = -1;

	if (!fresh) {
		if (!(st = collection_stmt(c, ST_LINKS_DELETE, err)))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (collection_step_done(c, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < npaths; i++) {
		int64_t parent = 0;

		buf_reset(&path);
		buf_reset(&sortkey);
		for (size_t j = 0; j < paths[i].nr; j++) {
			buf_reset(&name);
			add_name(&name, paths[i].v[j]);
			parent = category_id(c, parent, name.buf, &path,
			    &sortkey, (int)j, err);
			if (parent < 0 || !(st = collection_stmt(c, ST_LINK_INSERT, err)))
				goto out;
			sqlite3_bind_int64(st, 1, parent);
			sqlite3_bind_int64(st, 2, a->date);
			sqlite3_bind_int64(st, 3, id);
			sqlite3_bind_int(st, 4, !read);
			if (collection_step_done(c, st, err) < 0)
				goto out;
		}
	}
	rc = 0;
out:
	buf_release(&path);
	buf_release(&sortkey);
	buf_release(&name);
	return rc;
}

static int
put_tags(struct collection *c, int64_t id, const struct article *a,
    bool fresh, struct error *err)
{
	struct buf name = BUF_INIT;
	sqlite3_stmt *st;
	int rc = -1;

	if (!fresh) {
		if (!(st = collection_stmt(c, ST_TAGS_DELETE, err)))
			return -1;
		sqlite3_bind_int64(st, 1, id);
		if (collection_step_done(c, st, err) < 0)
			return -1;
	}
	for (size_t i = 0; i < a->tags.nr; i++) {
		int64_t tag;
		int r;

		buf_reset(&name);
		add_name(&name, a->tags.v[i]);
		if ((tag = names_get(c, -1, name.buf)) != 0)
			goto link;
		if (!(st = collection_stmt(c, ST_TAG_FIND, err)))
			goto out;
		collection_bind_text(st, 1, name.buf);
		tag = 0;
		if ((r = sqlite3_step(st)) == SQLITE_ROW)
			tag = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
		if (r != SQLITE_ROW && r != SQLITE_DONE) {
			collection_db_error(c, err, "find a tag");
			goto out;
		}
		if (!tag) {
			if (!(st = collection_stmt(c, ST_TAG_INSERT, err)))
				goto out;
			collection_bind_text(st, 1, name.buf);
			if (collection_step_done(c, st, err) < 0)
				goto out;
			tag = sqlite3_last_insert_rowid(c->db);
		}
		names_put(c, -1, name.buf, tag);
link:
		if (!(st = collection_stmt(c, ST_TAGLINK_INSERT, err)))
			goto out;
		sqlite3_bind_int64(st, 1, tag);
		sqlite3_bind_int64(st, 2, a->date);
		sqlite3_bind_int64(st, 3, id);
		if (collection_step_done(c, st, err) < 0)
			goto out;
	}
	rc = 0;
out:
	buf_release(&name);
	return rc;
}

/* Warnings as "LINE US MESSAGE", joined by RS. */
static void
encode_warnings(const struct warnings *w, struct buf *out)
{
	for (size_t i = 0; i < w->nr; i++) {
		if (i > 0)
			buf_addc(out, SEP_PATH);
		buf_addf(out, "%d%c", w->v[i].line, SEP_NAME);
		add_name(out, w->v[i].msg);
	}
}

/* Bind the article's fields as ?1..?26 of ST_ART_INSERT/UPDATE. */
static void
bind_article(sqlite3_stmt *st, const struct article *a, int64_t docid,
    const struct buf *cats, const struct buf *tags, struct buf *scratch)
{
	collection_bind_text(st, 1, a->path);
	sqlite3_bind_int64(st, 2, a->size);
	sqlite3_bind_int64(st, 3, a->mtime_ns);
	sqlite3_bind_int64(st, 4, (int64_t)a->hash);
	if (docid)
		sqlite3_bind_int64(st, 5, docid);
	collection_bind_text(st, 6, a->title);
	sqlite3_bind_int64(st, 7, a->date);
	sqlite3_bind_int(st, 8, (int)a->date_source);
	if (a->updated != ARTICLE_NO_DATE)
		sqlite3_bind_int64(st, 9, a->updated);
	collection_bind_text(st, 10, cats->buf);
	collection_bind_text(st, 11, tags->buf);
	collection_bind_text(st, 12, a->author);
	collection_bind_text(st, 13, a->headimg);
	collection_bind_text(st, 14, a->thumbnail);
	collection_bind_text(st, 15, a->cover);
	collection_bind_text(st, 16, a->excerpt);
	collection_bind_text(st, 17, a->permalink);
	collection_bind_text(st, 18, a->lang);
	if (a->comments >= 0)
		sqlite3_bind_int(st, 19, a->comments);
	if (a->published >= 0)
		sqlite3_bind_int(st, 20, a->published);
	collection_bind_text(st, 21, a->extra);
	sqlite3_bind_int(st, 22, (int)a->format);
	collection_bind_text(st, 23, a->encoding);
	sqlite3_bind_int(st, 24, a->body_line);
	if (a->more >= 0)
		sqlite3_bind_int64(st, 25, (int64_t)a->more);
	buf_reset(scratch);
	encode_warnings(&a->warnings, scratch);
	collection_bind_text(st, 26, scratch->len ? scratch->buf : NULL);
}

int64_t
collection_put_doc(struct collection *c, const struct article *a,
    const struct collection_doc *doc, int64_t replace, struct error *err)
{
	struct buf cats = BUF_INIT, tags = BUF_INIT, warn = BUF_INIT;
	struct old_row old = { 0 };
	sqlite3_stmt *st;
	int64_t id = -1, docid, gen;

	collection_encode_categories(a, &cats);
	collection_encode_tags(a, &tags);
	if (!(st = collection_stmt(c, ST_FIND_PATH, err)))
		goto out;
	collection_bind_text(st, 1, a->path);
	if (find_old(c, st, &old, err) < 0)
		goto out;
	if (!old.id && replace > 0) {
		if (!(st = collection_stmt(c, ST_FIND_ID, err)))
			goto out;
		sqlite3_bind_int64(st, 1, replace);
		if (find_old(c, st, &old, err) < 0)
			goto out;
	}
	docid = old.docid;
	if (doc) {
		/* Of the shard's generation now, or emptied away since. */
		if (collection_meta_get(c, (int)(doc->docid % COLLECTION_SHARDS),
		    &gen, err) < 0)
			goto out;
		docid = gen == doc->gen ? doc->docid : 0;
	}
	if (!(st = collection_stmt(c, old.id ? ST_ART_UPDATE : ST_ART_INSERT, err)))
		goto out;
	bind_article(st, a, docid, &cats, &tags, &warn);
	if (old.id)
		sqlite3_bind_int64(st, 27, old.id);
	if (collection_step_done(c, st, err) < 0)
		goto out;
	id = old.id ? old.id : sqlite3_last_insert_rowid(c->db);
	if ((!old.id || old.date != a->date || !same_str(old.categories, cats.buf)) &&
	    put_links(c, id, a, !old.id, old.read, err) < 0)
		id = -1;
	else if ((!old.id || old.date != a->date || !same_str(old.tags, tags.buf)) &&
	    put_tags(c, id, a, !old.id, err) < 0)
		id = -1;
out:
	old_row_release(&old);
	buf_release(&cats);
	buf_release(&tags);
	buf_release(&warn);
	return id;
}

int64_t
collection_put(struct collection *c, const struct article *a,
    const char *text, size_t text_len, int64_t replace, struct error *err)
{
	struct collection_shard *s = collection_shards_own(c, err);
	struct collection_doc doc;

	if (!s || collection_shard_put(s, a, text, text_len, &doc, err) < 0)
		return -1;
	return collection_put_doc(c, a, &doc, replace, err);
}

int
collection_remove(struct collection *c, int64_t id, struct error *err)
{
	sqlite3_stmt *st = collection_stmt(c, ST_ART_DELETE, err);

	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (collection_step_done(c, st, err) < 0)
		return -1;
	return sqlite3_changes(c->db) > 0;
}

int
collection_files(struct collection *c, const char *root,
    int (*fn)(void *ctx, const struct collection_file *f), void *ctx,
    struct error *err)
{
	struct buf sql = BUF_INIT;
	struct strvec vals = STRVEC_INIT;
	sqlite3_stmt *st = NULL;
	int rc = -1, r;

	buf_adds(&sql, "SELECT id, path, size, mtime_ns, hash, docid IS NOT NULL "
	    "FROM articles INDEXED BY articles_files WHERE ");
	collection_add_range(&sql, &vals, "path", root);
	if (sqlite3_prepare_v2(c->db, sql.buf, -1, &st, NULL) != SQLITE_OK) {
		collection_db_error(c, err, "list files");
		goto out;
	}
	/* Each page is read once, in order: a few suffice (restored below). */
	collection_set_cache(c, FILES_CACHE_KIB);
	for (size_t i = 0; i < vals.nr; i++)
		collection_bind_text(st, (int)i + 1, vals.v[i]);
	while ((r = sqlite3_step(st)) == SQLITE_ROW) {
		struct collection_file f;

		f.id = sqlite3_column_int64(st, 0);
		f.path = (const char *)sqlite3_column_text(st, 1);
		f.size = sqlite3_column_int64(st, 2);
		f.mtime_ns = sqlite3_column_int64(st, 3);
		f.hash = (uint64_t)sqlite3_column_int64(st, 4);
		f.indexed = sqlite3_column_int(st, 5) != 0;
		if (fn(ctx, &f) != 0)
			break;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		collection_db_error(c, err, "list files");
	else
		rc = 0;
	sqlite3_finalize(st);
	st = NULL;
	collection_set_cache(c, COLLECTION_CACHE_KIB);
out:
	sqlite3_finalize(st);
	buf_release(&sql);
	strvec_clear(&vals);
	return rc;
}

