/* SPDX-License-Identifier: MIT */
/*
 * scan: incremental import of a root's files; see scan.h.
 *
 * Per root, three steps:
 *   1. What is stored: every article under the root goes into an
 *      open-addressing table keyed by a 64-bit hash of its path (32 bytes
 *      an entry, at most 7/8 full: under 40 bytes an article, not the
 *      paths themselves).
 *   2. The walk (stat only): a file whose size, mtime and indexing match
 *      its entry is marked seen and skipped; any other becomes a work item
 *      (its path, and the id of its row when it has one).
 *   3. Parsing and indexing: SCAN_WORKERS threads take items by an atomic
 *      index; each parses its item and, unless the file's bytes are what
 *      is stored, indexes the text in its own shard of the full-text index
 *      (collection_shard_put(), a group of texts at a time, a transaction per
 *      batch), and once that
 *      batch is committed hands its results (articles and their
 *      documents) through a bounded queue to the calling thread. That
 *      thread puts them back in walk order (so new ids follow the walk,
 *      name order, whatever the threads did) and stores them in batched
 *      transactions: so an article refers only to committed documents.
 *      A new file whose content hash is that of an unseen entry replaces
 *      it (a move: its id and state stay; its text is indexed anew).
 *      Unseen entries left over are removed at the end.
 * The queue is the only shared state: a mutex and two condition variables.
 */
#include "config.h"
#include "scan.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "collection.h"
#include "document.h"
#include "report.h"
#include "walk.h"
#include "xmalloc.h"

#define QUEUE_CAP 4	/* batches waiting for the writer, at most */
/* Articles parsed, then indexed together: at most so many, of at most so
 * many bytes of text. */
#define GROUP 256
#define GROUP_BYTES (2u << 20)

/* Worker k writes shard k. */
_Static_assert(SCAN_WORKERS <= COLLECTION_SHARDS, "a shard for each worker");

/* --- what is stored, by path hash --- */

struct entry {
	uint64_t key;		/* path hash; 0 marks an empty slot */
	int64_t id;		/* the article; 0 once taken by a move */
	uint64_t hash;		/* of the content */
	/*
	 * stat_key() of the stored size and mtime, or 0 when the article is
	 * not indexed (so that no walk matches it); bit 0: seen by this walk.
	 */
	uint64_t state;
};

#define SEEN 1u

struct table {
	struct entry *v;
	size_t cap;		/* a power of two, or 0 */
	size_t n;
};

/*
 * FNV-1a, then a 64-bit finaliser to spread it. Two paths under one root
 * with the same key are not told apart; at 2^-64 a pair that is accepted.
 */
static uint64_t
path_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	return h ? h : 1;
}

/*
 * A file's size and mtime as one number, never 0 and with bit 0 clear.
 * A changed file whose new key equals its old one would be missed; at
 * 2^-63 a file, that is accepted.
 */
static uint64_t
stat_key(int64_t size, int64_t mtime_ns)
{
	uint64_t h = (uint64_t)size * 0x9E3779B97F4A7C15ULL ^ (uint64_t)mtime_ns;

	h ^= h >> 32;
	h *= 0xD6E8FEB86659FD93ULL;
	h ^= h >> 32;
	h &= ~(uint64_t)SEEN;
	return h ? h : 2;
}

static struct entry *
table_find(struct table *t, uint64_t key, bool insert)
{
	size_t i;

	if (insert && (t->n + 1) * 8 > t->cap * 7) {
		struct table old = *t;

		t->cap = t->cap ? t->cap * 2 : 1024;
		t->v = xcalloc(t->cap, sizeof *t->v);
		t->n = 0;
		for (i = 0; i < old.cap; i++)
			if (old.v[i].key)
				*table_find(t, old.v[i].key, true) = old.v[i];
		free(old.v);
	}
	if (t->cap == 0)
		return NULL;
	for (i = key & (t->cap - 1); t->v[i].key; i = (i + 1) & (t->cap - 1))
		if (t->v[i].key == key)
			return &t->v[i];
	if (!insert)
		return NULL;
	t->v[i].key = key;
	t->n++;
	return &t->v[i];
}

/* --- one root's scan --- */

struct item {
	char *path;		/* owned until handed to a result */
	int64_t id;		/* the stored article at path, or 0 */
	uint64_t hash;		/* its content hash, when indexed; else 0 */
};

struct result {
	size_t seq;		/* the item's index: the order of the walk */
	char *path;		/* owned */
	int64_t id;
	struct article *a;	/* NULL: refused, with msg */
	char *msg;
	bool indexed;		/* doc holds its text's committed document */
	bool to_index;		/* text is to be indexed */
	struct buf text;	/* the body's plain text, until indexed */
	struct collection_doc doc;
	struct result *next;	/* in a batch */
};

struct scan {
	struct collection *c;
	const struct reporter *rep;
	struct scan_progress *progress;	/* never NULL here */
	struct scan_stats *stats;

	struct table files;
	struct item *items;
	size_t nitems, items_alloc;
	struct entry **gone;	/* unseen entries, sorted by content hash */
	size_t ngone;

	/* Shard k's writer, for worker k; opened when there is work. */
	struct collection_shard *shards[SCAN_WORKERS];
	bool direct;		/* no threads: the worker stores as it goes */

	atomic_size_t next;	/* the next item a worker takes */
	pthread_mutex_t mu;	/* guards what follows */
	pthread_cond_t not_empty, not_full;
	struct result *queue[QUEUE_CAP];	/* batches, as lists */
	size_t qhead, qlen;
	int workers;		/* still running */
	char *werr;		/* a worker's database error, or NULL */

	/* The writer's state (the calling thread's alone). */
	struct result **slots;	/* results that came early, by seq */
	size_t wnext;		/* the next seq to store */
	size_t in_batch;	/* articles in the open transaction */
	double started;		/* when it began */
	int wrc;		/* -1 once storing failed */
	struct error *err;	/* where that failure went */
};

static bool
cancelled(struct scan *s)
{
	return atomic_load_explicit(&s->progress->cancel, memory_order_relaxed);
}

static int64_t
mtime_ns(const struct stat *st)
{
	return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static int
load_entry(void *ctx, const struct collection_file *f)
{
	struct scan *s = ctx;
	struct entry *e = table_find(&s->files, path_key(f->path), true);

	e->id = f->id;
	e->hash = f->hash;
	e->state = f->indexed ? stat_key(f->size, f->mtime_ns) : 0;
	return 0;
}

static int
on_file(void *ctx, const char *path, const struct stat *st)
{
	struct scan *s = ctx;
	struct entry *e = table_find(&s->files, path_key(path), false);

	s->stats->scanned++;
	atomic_fetch_add_explicit(&s->progress->seen, 1, memory_order_relaxed);
	if (cancelled(s))
		return 1;
	if (e) {
		uint64_t was = e->state & ~(uint64_t)SEEN;

		e->state |= SEEN;
		if (was == stat_key(st->st_size, mtime_ns(st)))
			return 0;
	}
	ALLOC_GROW(s->items, s->nitems + 1, s->items_alloc);
	s->items[s->nitems].path = xstrdup(path);
	s->items[s->nitems].id = e ? e->id : 0;
	s->items[s->nitems].hash = e && (e->state & ~(uint64_t)SEEN) ? e->hash : 0;
	s->nitems++;
	return 0;
}

static int
cmp_gone(const void *pa, const void *pb)
{
	const struct entry *a = *(struct entry *const *)pa;
	const struct entry *b = *(struct entry *const *)pb;

	return a->hash < b->hash ? -1 : a->hash > b->hash;
}

static void
collect_gone(struct scan *s)
{
	size_t alloc = 0;

	for (size_t i = 0; i < s->files.cap; i++) {
		struct entry *e = &s->files.v[i];

		if (e->key && !(e->state & SEEN)) {
			ALLOC_GROW(s->gone, s->ngone + 1, alloc);
			s->gone[s->ngone++] = e;
		}
	}
	if (s->ngone > 1)
		qsort(s->gone, s->ngone, sizeof *s->gone, cmp_gone);
}

/* The id of an unseen article with this content, taken; or 0. */
static int64_t
take_moved(struct scan *s, uint64_t hash)
{
	size_t lo = 0, hi = s->ngone;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->gone[mid]->hash < hash)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < s->ngone && s->gone[lo]->hash == hash; lo++) {
		int64_t id = s->gone[lo]->id;

		if (id) {
			s->gone[lo]->id = 0;
			return id;
		}
	}
	return 0;
}

/* --- the parsing threads and their queue --- */

/* Is a batch of n articles, begun at started, to be committed now? */
static bool
batch_due(size_t n, double started)
{
	return n >= SCAN_BATCH ||
	    (date_monotonic() - started) * 1000 >= SCAN_BATCH_MS;
}

static void
result_free(struct result *r)
{
	if (r->to_index)
		buf_release(&r->text);
	free(r->path);
	free(r->msg);
	article_free(r->a);
	free(r);
}

static void
free_list(struct result *r)
{
	while (r) {
		struct result *next = r->next;

		result_free(r);
		r = next;
	}
}

static void
push(struct scan *s, struct result *batch)
{
	pthread_mutex_lock(&s->mu);
	while (s->qlen == QUEUE_CAP)
		pthread_cond_wait(&s->not_full, &s->mu);
	s->queue[(s->qhead + s->qlen) % QUEUE_CAP] = batch;
	s->qlen++;
	pthread_cond_signal(&s->not_empty);
	pthread_mutex_unlock(&s->mu);
}

/* The next batch, or NULL when every worker is done and none is left. */
static struct result *
pop(struct scan *s)
{
	struct result *r = NULL;

	pthread_mutex_lock(&s->mu);
	while (s->qlen == 0 && s->workers > 0)
		pthread_cond_wait(&s->not_empty, &s->mu);
	if (s->qlen > 0) {
		r = s->queue[s->qhead];
		s->qhead = (s->qhead + 1) % QUEUE_CAP;
		s->qlen--;
		pthread_cond_signal(&s->not_full);
	}
	pthread_mutex_unlock(&s->mu);
	return r;
}

/* A worker's failure: the first is kept for scan_run(); the scan stops. */
static void
worker_failed(struct scan *s, struct error *err)
{
	pthread_mutex_lock(&s->mu);
	if (!s->werr) {
		s->werr = err->msg;
		err->msg = NULL;
	}
	pthread_mutex_unlock(&s->mu);
	error_release(err);
	atomic_store(&s->progress->cancel, true);
}

static void deliver(struct scan *s, struct result *batch);

/*
 * A worker's batch is also due once its texts pass this share of the room
 * left on the collection's disk when it began. On a disk with room to
 * spare that never comes before SCAN_BATCH_MS; on a nearly full one the
 * documents go out in small transactions, each checkpointed once the WAL
 * file is large for the room left (collection_reclaim()), so a
 * failed import leaves WAL files that can be emptied, not committed pages
 * that no room is left to copy.
 */
#define ROOM_SHARE 16

/*
 * A scan stops, failing with "the disk is full", when less than this is
 * left on the collection's disk as a batch begins: what is left is the
 * room the failed import's last committed pages need to be checkpointed,
 * so that collection_reclaim() can empty the WAL files and give back
 * their space (without it, on a 20 MB disk, the import ran to the last
 * byte and left two WAL files of committed pages no room was left to
 * copy: the disk stayed full, and the next --mark-read failed too).
 */
#define SCAN_RESERVE (4u << 20)

/* What a worker holds: the batch it has parsed and not yet handed over. */
struct batch {
	struct collection_shard *shard;	/* NULL: parse only */
	struct result *head, **tail;
	size_t n;
	double started;		/* when its first result came */
	uint64_t text_bytes;	/* of the batch's texts */
	uint64_t room;		/* bytes left on the disk when it began */
	/* The last results parsed, not yet indexed (all but them are). */
	struct result *group[GROUP];
	size_t ngroup;
	size_t group_bytes;	/* of their texts */
};

/*
 * Index the group's texts one after another: FTS5's pending index takes
 * most of an import's time in cache misses, and the entries the first
 * text warms stay in cache for the rest, where parsing in between would
 * evict them. Measured on 2k and 20k articles: last-level cache misses
 * (cachegrind, 1 MiB) 5.8M with no group, 4.8M in groups of 16, 2.8M of
 * 256; the workers' CPU time down by a tenth from 16 to 256; 1024 was
 * slower again (the texts no longer stay in cache).
 */
static int
index_group(struct batch *b, struct error *err)
{
	int rc = 0;

	for (size_t j = 0; j < b->ngroup; j++) {
		struct result *r = b->group[j];

		if (rc == 0 && collection_shard_begin(b->shard, err) == 0 &&
		    collection_shard_put(b->shard, r->a, r->text.buf,
		    r->text.len, &r->doc, err) == 0)
			r->indexed = true;
		else
			rc = -1;
		buf_release(&r->text);
		r->to_index = false;
	}
	b->ngroup = 0;
	b->group_bytes = 0;
	return rc;
}

/* Commit the batch's documents, then hand it over. 0, or -1 with err. */
static int
flush(struct scan *s, struct batch *b, struct error *err)
{
	if (index_group(b, err) < 0)
		return -1;
	if (b->shard && collection_shard_commit(b->shard, err) < 0)
		return -1;
	if (b->head) {
		if (s->direct)
			deliver(s, b->head);
		else
			push(s, b->head);
	}
	b->head = NULL;
	b->tail = &b->head;
	b->n = 0;
	b->text_bytes = 0;
	return 0;
}

/*
 * Parse item i; unless its bytes are what is indexed, its text joins the
 * group to index.
 */
static int
parse_one(struct scan *s, struct batch *b, size_t i, struct error *err)
{
	struct result *r = xcalloc(1, sizeof *r);
	struct error perr = ERROR_INIT;
	int rc = 0;

	r->seq = i;
	r->path = s->items[i].path;
	s->items[i].path = NULL;
	r->id = s->items[i].id;
	r->a = article_load(r->path, &perr);
	if (!r->a) {
		r->msg = perr.msg;
		perr.msg = NULL;
	} else if (!(s->items[i].hash && s->items[i].hash == r->a->hash) &&
	    b->shard) {
		buf_init(&r->text, 0);
		document_article_text(r->a, &r->text, &r->a->warnings);
		r->to_index = true;
		b->group[b->ngroup++] = r;
		b->group_bytes += r->text.len;
		b->text_bytes += r->text.len;
		if (b->ngroup == GROUP || b->group_bytes >= GROUP_BYTES)
			rc = index_group(b, err);
	}
	error_release(&perr);
	if (b->n++ == 0) {
		b->started = date_monotonic();
		b->room = collection_room(s->c);
		if (b->shard && b->room < SCAN_RESERVE) {
			collection_error_full(s->c, err);
			rc = -1;
		}
	}
	*b->tail = r;
	b->tail = &r->next;
	return rc;
}

static void
work(struct scan *s, int k)
{
	struct batch b = { .shard = s->shards[k] };
	struct error err = ERROR_INIT;
	size_t i;

	b.tail = &b.head;
	while (!cancelled(s) &&
	    (i = atomic_fetch_add(&s->next, 1)) < s->nitems) {
		if (parse_one(s, &b, i, &err) < 0 ||
		    ((batch_due(b.n, b.started) ||
		    b.text_bytes > b.room / ROOM_SHARE) &&
		    flush(s, &b, &err) < 0)) {
			worker_failed(s, &err);
			break;
		}
	}
	if (!cancelled(s) && flush(s, &b, &err) < 0)
		worker_failed(s, &err);
	/* Cancelled: what was not handed over goes; its documents too. */
	if (b.shard)
		collection_shard_rollback(b.shard);
	free_list(b.head);
}

struct worker_arg {
	struct scan *s;
	int k;
};

static void *
worker(void *arg)
{
	struct worker_arg *w = arg;
	struct scan *s = w->s;

	work(s, w->k);
	pthread_mutex_lock(&s->mu);
	s->workers--;
	pthread_cond_broadcast(&s->not_empty);
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

/* Store one result; 0, or -1 on a database error. */
static int
store(struct scan *s, struct result *r, struct error *err)
{
	int64_t replace = 0;

	if (!r->a) {
		if (s->rep)
			s->rep->fn(s->rep->ctx, r->path, 0, r->msg);
		s->stats->refused++;
		return 0;
	}
	if (s->rep)
		report_warnings(s->rep, r->path, &r->a->warnings);
	if (r->id == 0)
		replace = take_moved(s, r->a->hash);
	if (collection_put_doc(s->c, r->a, r->indexed ? &r->doc : NULL,
	    replace, err) < 0)
		return -1;
	s->stats->parsed++;
	if (replace)
		s->stats->moved++;
	return 0;
}

/* Store one result in the current batch, committing it when full. */
static int
write_one(struct scan *s, struct result *r, struct error *err)
{
	if (s->in_batch == 0) {
		if (collection_begin(s->c, err) < 0)
			return -1;
		s->started = date_monotonic();
	}
	s->in_batch++;
	if (store(s, r, err) < 0)
		return -1;
	atomic_fetch_add_explicit(&s->progress->parsed, 1, memory_order_relaxed);
	if (batch_due(s->in_batch, s->started)) {
		s->in_batch = 0;
		return collection_commit(s->c, err);
	}
	return 0;
}

/* Take a batch of results; store those whose turn has come, in order. */
static void
deliver(struct scan *s, struct result *batch)
{
	struct result *r;

	while ((r = batch) != NULL) {
		batch = r->next;
		r->next = NULL;
		s->slots[r->seq] = r;
	}
	while (s->wnext < s->nitems && (r = s->slots[s->wnext]) != NULL) {
		s->slots[s->wnext++] = NULL;
		if (s->wrc == 0 && write_one(s, r, s->err) < 0) {
			s->wrc = -1;
			/* Stop the workers; drain what they still send. */
			atomic_store(&s->progress->cancel, true);
		}
		result_free(r);
	}
}

/* Parse the items in threads and write them here, in walk order, in batches. */
static int
parse_and_store(struct scan *s, struct error *err)
{
	pthread_t threads[SCAN_WORKERS];
	struct worker_arg args[SCAN_WORKERS];
	int nthreads = 0;
	struct result *batch;

	if (s->nitems == 0)
		return 0;
	for (int k = 0; k < SCAN_WORKERS; k++)
		if (!s->shards[k] &&
		    !(s->shards[k] = collection_shard_open(s->c, k, err)))
			return -1;
	s->slots = xcalloc(s->nitems, sizeof *s->slots);
	s->wnext = 0;
	s->in_batch = 0;
	s->wrc = 0;
	s->err = err;
	s->direct = false;
	atomic_store(&s->next, 0);
	s->workers = SCAN_WORKERS;
	for (int i = 0; i < SCAN_WORKERS; i++) {
		args[i].s = s;
		args[i].k = i;
		if (pthread_create(&threads[i], NULL, worker, &args[i]) == 0) {
			nthreads++;
		} else {
			pthread_mutex_lock(&s->mu);
			s->workers--;
			pthread_mutex_unlock(&s->mu);
		}
	}
	if (nthreads == 0) {	/* no threads to be had: all here */
		s->direct = true;
		work(s, 0);
	}
	while ((batch = pop(s)) != NULL)
		deliver(s, batch);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	/* After a cancel, results past a gap never got their turn. */
	for (size_t i = s->wnext; i < s->nitems; i++)
		if (s->slots[i])
			result_free(s->slots[i]);
	free(s->slots);
	s->slots = NULL;
	if (s->wrc == 0 && s->werr) {
		error_set(err, "%s", s->werr);
		s->wrc = -1;
	}
	if (s->wrc == 0 && s->in_batch > 0 && collection_commit(s->c, err) < 0)
		s->wrc = -1;
	if (s->wrc < 0)
		collection_rollback(s->c);
	return s->wrc;
}

/* Remove the articles whose files are gone, in one transaction. */
static int
remove_gone(struct scan *s, struct error *err)
{
	size_t n = 0;

	for (size_t i = 0; i < s->ngone; i++)
		n += s->gone[i]->id != 0;
	if (n == 0)
		return 0;
	if (collection_begin(s->c, err) < 0)
		return -1;
	for (size_t i = 0; i < s->ngone; i++) {
		if (s->gone[i]->id == 0)
			continue;
		if (collection_remove(s->c, s->gone[i]->id, err) < 0) {
			collection_rollback(s->c);
			return -1;
		}
		s->stats->removed++;
	}
	return collection_commit(s->c, err);
}

static int
scan_root(struct scan *s, const char *root, struct error *err)
{
	struct walk w;
	int walked, rc;

	if (collection_files(s->c, root, load_entry, s, err) < 0)
		return -1;
	walk_init(&w, on_file, s, s->rep);
	walked = walk_path(&w, root);
	walk_release(&w);
	atomic_fetch_add(&s->progress->total, s->nitems);
	collect_gone(s);
	rc = parse_and_store(s, err);
	if (rc < 0)
		return -1;
	/* Remove only after a whole walk of a root that is there. */
	if (walked != 0 || cancelled(s))
		return 1;
	return remove_gone(s, err);
}

static void
scan_release(struct scan *s)
{
	for (size_t i = 0; i < s->nitems; i++)
		free(s->items[i].path);
	free(s->items);
	free(s->files.v);
	free(s->gone);
	s->items = NULL;
	s->nitems = s->items_alloc = 0;
	memset(&s->files, 0, sizeof s->files);
	s->gone = NULL;
	s->ngone = 0;
}

int
scan_run(struct collection *c, const char *const *roots, size_t nroots,
    const struct reporter *rep, struct scan_progress *progress,
    struct scan_stats *stats, struct error *err)
{
	struct scan_progress own;
	struct scan s;
	double t0 = date_monotonic();
	int rc = 0;

	if (!progress) {
		memset(&own, 0, sizeof own);
		progress = &own;
	}
	memset(&s, 0, sizeof s);
	s.c = c;
	s.rep = rep;
	s.progress = progress;
	s.stats = stats;
	pthread_mutex_init(&s.mu, NULL);
	pthread_cond_init(&s.not_empty, NULL);
	pthread_cond_init(&s.not_full, NULL);
	collection_small_writes(c, true);
	for (size_t i = 0; i < nroots && rc >= 0; i++) {
		int r = scan_root(&s, roots[i], err);

		if (r != 0)
			rc = r;
		scan_release(&s);
		if (cancelled(&s))
			break;
	}
	collection_small_writes(c, false);
	for (int k = 0; k < SCAN_WORKERS; k++)
		collection_shard_free(s.shards[k]);
	free(s.werr);
	pthread_cond_destroy(&s.not_full);
	pthread_cond_destroy(&s.not_empty);
	pthread_mutex_destroy(&s.mu);
	stats->seconds += date_monotonic() - t0;
	atomic_store(&progress->done, true);
	return rc;
}
