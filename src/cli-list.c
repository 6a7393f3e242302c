/*
 * cli-list: the --list mode; see cli-list.h.
 *
 * The walk (main thread) queues the files; worker threads, one per CPU
 * up to MAX_WORKERS, read each (front matter only, article_load_meta)
 * and format it at once into its output line. Only (date, path, line)
 * is kept per article until the sort, so a listing of 100k articles
 * holds 100k short lines, not 100k articles. Warnings are kept with the
 * file's place in the walk and printed in that order, so the output is
 * the same whatever the threads' timing.
 */
#include "config.h"
#include "cli-list.h"

#include <errno.h>
#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "cli.h"
#include "date.h"
#include "json.h"
#include "report.h"
#include "utf8.h"
#include "walk.h"
#include "xmalloc.h"

static void
add_field(struct buf *out, const char *s)
{
	utf8_scrub(out, s, strlen(s), UTF8_SCRUB_ONELINE);
}

void
cli_list_text(struct buf *out, const struct article *a)
{
	char date[DATE_LOCAL_SIZE];
	char *cat = article_category_path(a, "/");

	date_format_local(date, a->date);
	buf_adds(out, date);
	buf_addc(out, '\t');
	add_field(out, cat);
	buf_addc(out, '\t');
	add_field(out, a->title);
	buf_addc(out, '\t');
	add_field(out, a->path);
	free(cat);
}

static void
json_date(struct buf *out, const char *key, int64_t t)
{
	char iso[DATE_ISO_SIZE];

	json_key(out, key);
	if (t == ARTICLE_NO_DATE) {
		buf_adds(out, "null");
		return;
	}
	date_format_iso(iso, t);
	json_add_str(out, iso);
}

static void
json_strvec(struct buf *out, const struct strvec *sv)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < sv->nr; i++) {
		json_sep(out);
		json_add_str(out, sv->v[i]);
	}
	buf_addc(out, ']');
}

static void
json_flag(struct buf *out, const char *key, int v)
{
	json_key(out, key);
	if (v < 0)
		buf_adds(out, "null");
	else
		json_add_bool(out, v);
}

void
cli_list_json_members(struct buf *out, const struct article *a)
{
	static const struct {
		const char *key;
		size_t field;
	} strings[] = {
		{ "author", offsetof(struct article, author) },
		{ "headimg", offsetof(struct article, headimg) },
		{ "thumbnail", offsetof(struct article, thumbnail) },
		{ "cover", offsetof(struct article, cover) },
		{ "excerpt", offsetof(struct article, excerpt) },
		{ "permalink", offsetof(struct article, permalink) },
		{ "lang", offsetof(struct article, lang) },
	};

	json_key(out, "title");
	json_add_str(out, a->title);
	json_date(out, "date", a->date);
	json_date(out, "updated", a->updated);
	json_key(out, "categories");
	buf_addc(out, '[');
	for (size_t i = 0; i < a->ncategories; i++) {
		json_sep(out);
		json_strvec(out, &a->categories[i]);
	}
	buf_addc(out, ']');
	json_key(out, "tags");
	json_strvec(out, &a->tags);
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
		json_key(out, strings[i].key);
		json_add_str(out, *(char *const *)((const char *)a +
		    strings[i].field));
	}
	json_flag(out, "comments", a->comments);
	json_flag(out, "published", a->published);
	json_key(out, "path");
	json_add_str(out, a->path);
	json_key(out, "format");
	json_add_str(out, a->format == ARTICLE_HTML ? "html" : "markdown");
	json_key(out, "extra");
	buf_adds(out, a->extra);	/* already JSON */
	json_key(out, "warnings");
	buf_addc(out, '[');
	for (size_t i = 0; i < a->warnings.nr; i++) {
		json_sep(out);
		buf_addc(out, '{');
		json_key(out, "line");
		json_add_int(out, a->warnings.v[i].line);
		json_key(out, "message");
		json_add_str(out, a->warnings.v[i].msg);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

void
cli_list_json(struct buf *out, const struct article *a)
{
	buf_addc(out, '{');
	cli_list_json_members(out, a);
	buf_addc(out, '}');
}

/* --- the listing --- */

/* One output line, until the sort. */
struct entry {
	int64_t date;		/* UTC seconds */
	char *path;		/* owned */
	char *line;		/* the output line with its newline; owned */
	size_t len;
};

/* One warning, until they are printed in walk order. */
struct note {
	size_t seq;		/* the file's place in the walk */
	size_t sub;		/* its place among the file's warnings */
	char *text;		/* "newsreader: PATH:LINE: msg"; owned */
};

/* What one thread (a worker, or the walk) has made. */
struct output {
	struct entry *v;
	size_t nr, alloc;
	struct note *notes;
	size_t nnotes, anotes;
	bool failed;		/* an operand could not be read */
};

struct job {
	char *path;		/* owned */
	size_t seq;
	bool operand;		/* named on the command line */
};

/*
 * The walk (the main thread) queues files; workers load and format them.
 * A bounded ring, so the walk never runs far ahead of the parsing.
 */
#define QUEUE_SIZE 256
#define MAX_WORKERS 4

struct queue {
	pthread_mutex_t mu;
	pthread_cond_t nonempty, nonfull;
	struct job v[QUEUE_SIZE];
	size_t head, count;	/* jobs wait at v[head..head+count) mod size */
	bool done;		/* the walk has finished */
};

struct listing {
	bool json;
	struct queue q;
	size_t seq;		/* the next file's place in the walk */
	bool operand;		/* the walk is on a FILE operand */
	struct output walk;	/* the walk's own warnings */
	struct output out[MAX_WORKERS];
	pthread_t threads[MAX_WORKERS];
	int nworkers;
};

static void
add_note(struct output *o, size_t seq, size_t sub, const char *path,
    int line, const char *msg)
{
	struct buf b = BUF_INIT;

	report_format(&b, path, line, msg);
	buf_addc(&b, '\n');
	ALLOC_GROW(o->notes, o->nnotes + 1, o->anotes);
	o->notes[o->nnotes].seq = seq;
	o->notes[o->nnotes].sub = sub;
	o->notes[o->nnotes].text = buf_detach(&b, NULL);
	o->nnotes++;
}

/* Load and format one file (in a worker). */
static void
run_job(const struct listing *l, struct output *o, const struct job *j)
{
	struct error err = ERROR_INIT;
	struct buf line = BUF_INIT;
	struct article *a;
	struct entry *e;

	if ((a = article_load_meta(j->path, &err)) == NULL) {
		add_note(o, j->seq, 0, j->path, 0, err.msg);
		error_release(&err);
		o->failed |= j->operand;
		return;
	}
	for (size_t i = 0; i < a->warnings.nr; i++)
		add_note(o, j->seq, i, j->path, a->warnings.v[i].line,
		    a->warnings.v[i].msg);
	if (l->json)
		cli_list_json(&line, a);
	else
		cli_list_text(&line, a);
	buf_addc(&line, '\n');
	ALLOC_GROW(o->v, o->nr + 1, o->alloc);
	e = &o->v[o->nr++];
	e->date = a->date;
	e->path = a->path;
	a->path = NULL;
	e->line = buf_detach(&line, &e->len);
	article_free(a);
}

struct worker_arg {
	struct listing *l;
	struct output *o;
};

static void *
worker(void *arg)
{
	struct worker_arg *w = arg;
	struct queue *q = &w->l->q;

	for (;;) {
		struct job j;

		pthread_mutex_lock(&q->mu);
		while (q->count == 0 && !q->done)
			pthread_cond_wait(&q->nonempty, &q->mu);
		if (q->count == 0) {
			pthread_mutex_unlock(&q->mu);
			break;
		}
		j = q->v[q->head];
		q->head = (q->head + 1) % QUEUE_SIZE;
		q->count--;
		pthread_cond_signal(&q->nonfull);
		pthread_mutex_unlock(&q->mu);
		run_job(w->l, w->o, &j);
		free(j.path);
	}
	return NULL;
}

/* The walk's callback: queue the file. */
static int
queue_file(void *ctx, const char *path, const struct stat *st)
{
	struct listing *l = ctx;
	struct queue *q = &l->q;
	struct job j = { xstrdup(path), l->seq++, l->operand };

	(void)st;
	if (l->nworkers == 0) {		/* no threads: work inline */
		run_job(l, &l->out[0], &j);
		free(j.path);
		return 0;
	}
	pthread_mutex_lock(&q->mu);
	while (q->count == QUEUE_SIZE)
		pthread_cond_wait(&q->nonfull, &q->mu);
	q->v[(q->head + q->count) % QUEUE_SIZE] = j;
	q->count++;
	pthread_cond_signal(&q->nonempty);
	pthread_mutex_unlock(&q->mu);
	return 0;
}

/* The walk's reporter: its warnings take a place in the walk's order. */
static void
walk_warning(void *ctx, const char *path, int line, const char *msg)
{
	struct listing *l = ctx;

	add_note(&l->walk, l->seq++, 0, path, line, msg);
}

static int
note_cmp(const void *x, const void *y)
{
	const struct note *a = x, *b = y;

	if (a->seq != b->seq)
		return a->seq < b->seq ? -1 : 1;
	return a->sub < b->sub ? -1 : a->sub > b->sub;
}

/* Newest first; ties by path, so the output is stable. */
static int
entry_cmp(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return strcmp(a->path, b->path);
}

static void
start_workers(struct listing *l, struct worker_arg *args)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	pthread_mutex_init(&l->q.mu, NULL);
	pthread_cond_init(&l->q.nonempty, NULL);
	pthread_cond_init(&l->q.nonfull, NULL);
	if (n < 2)
		return;		/* one CPU: the walk does the work itself */
	if (n > MAX_WORKERS)
		n = MAX_WORKERS;
	for (int i = 0; i < n; i++) {
		args[i].l = l;
		args[i].o = &l->out[i];
		if (pthread_create(&l->threads[i], NULL, worker, &args[i]) != 0)
			break;
		l->nworkers++;
	}
}

static void
stop_workers(struct listing *l)
{
	pthread_mutex_lock(&l->q.mu);
	l->q.done = true;
	pthread_cond_broadcast(&l->q.nonempty);
	pthread_mutex_unlock(&l->q.mu);
	for (int i = 0; i < l->nworkers; i++)
		pthread_join(l->threads[i], NULL);
	pthread_cond_destroy(&l->q.nonfull);
	pthread_cond_destroy(&l->q.nonempty);
	pthread_mutex_destroy(&l->q.mu);
}

/* Gather every output into all (taking the arrays' contents). */
static void
gather(struct listing *l, struct output *all)
{
	struct output *outs[MAX_WORKERS + 1];

	outs[0] = &l->walk;
	for (int i = 0; i < MAX_WORKERS; i++)
		outs[i + 1] = &l->out[i];
	memset(all, 0, sizeof *all);
	for (int i = 0; i <= MAX_WORKERS; i++) {
		struct output *o = outs[i];

		for (size_t k = 0; k < o->nr; k++) {
			ALLOC_GROW(all->v, all->nr + 1, all->alloc);
			all->v[all->nr++] = o->v[k];
		}
		for (size_t k = 0; k < o->nnotes; k++) {
			ALLOC_GROW(all->notes, all->nnotes + 1, all->anotes);
			all->notes[all->nnotes++] = o->notes[k];
		}
		all->failed |= o->failed;
		free(o->v);
		free(o->notes);
	}
}

int
cli_list(char **paths, int npaths, bool json)
{
	struct reporter rep = { walk_warning, NULL };
	struct worker_arg args[MAX_WORKERS];
	struct listing *l = xcalloc(1, sizeof *l);
	struct output all;
	struct walk w;
	struct stat st;
	int status = CLI_OK;

	l->json = json;
	rep.ctx = l;
	start_workers(l, args);
	walk_init(&w, queue_file, l, &rep);
	for (int i = 0; i < npaths; i++) {
		l->operand = stat(paths[i], &st) == 0 && !S_ISDIR(st.st_mode);
		if (walk_path(&w, paths[i]) != 0)
			status = CLI_ERROR;
	}
	walk_release(&w);
	stop_workers(l);
	gather(l, &all);
	free(l);
	if (all.failed)
		status = CLI_ERROR;

	/* Warnings first, in the walk's order; then the listing. */
	if (all.nnotes)
		qsort(all.notes, all.nnotes, sizeof *all.notes, note_cmp);
	for (size_t i = 0; i < all.nnotes; i++) {
		fputs(all.notes[i].text, stderr);
		free(all.notes[i].text);
	}
	if (all.nr)
		qsort(all.v, all.nr, sizeof *all.v, entry_cmp);
	for (size_t i = 0; i < all.nr; i++) {
		fwrite(all.v[i].line, 1, all.v[i].len, stdout);
		free(all.v[i].line);
		free(all.v[i].path);
	}
	free(all.v);
	free(all.notes);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "newsreader: cannot write the listing: %s\n",
		    strerror(errno));
		return CLI_ERROR;
	}
	return status;
}
