/* SPDX-License-Identifier: MIT */
/*
 * cli-collection: the collection's command-line modes; see cli-collection.h.
 *
 * Every mode opens the database the same way (cli_collection_open): the
 * path from --db or XDG, the operands made absolute and remembered, a scan
 * of the operands or of every remembered source, and the scope of what the
 * run shows. The outputs stream from a cursor, so a million-article list
 * runs in constant memory and `| head -1` costs one page.
 */
#include "config.h"
#include "cli-collection.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "cli.h"
#include "cli-list.h"
#include "json.h"
#include "quote.h"
#include "report.h"
#include "scan.h"
#include "utf8.h"
#include "xmalloc.h"

static int fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "newsreader: MESSAGE" on stderr; returns CLI_ERROR. */
static int
fail(const char *fmt, ...)
{
	va_list ap;

	fputs("newsreader: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLI_ERROR;
}

/* "newsreader: PATH: msg" on stderr, PATH quoted as --list prints it. */
static int
fail_on(const char *path, const char *msg)
{
	struct buf b = BUF_INIT;

	report_format(&b, path, 0, msg);
	fprintf(stderr, "%s\n", b.buf);
	buf_release(&b);
	return CLI_ERROR;
}

/* --- paths --- */

static int
mkdirs(const char *path, struct error *err)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, 0700) < 0 && errno != EEXIST) {
				error_set(err, "%s: %s", p, strerror(errno));
				rc = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

char *
cli_collection_db_path(const char *db, struct error *err)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	char *dir, *path;

	if (db)
		return xstrdup(db);
	if (xdg && xdg[0] == '/') {
		dir = xasprintf("%s/newsreader", xdg);
	} else if (home && home[0] == '/') {
		dir = xasprintf("%s/.local/share/newsreader", home);
	} else {
		error_set(err, "neither XDG_DATA_HOME nor HOME is set; use --db FILE");
		return NULL;
	}
	if (mkdirs(dir, err) < 0) {
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/newsreader.db", dir);
	free(dir);
	return path;
}

/*
 * path made absolute and normal: resolved when it exists (realpath), else
 * joined to the working directory with ".", ".." and "//" removed.
 */
static char *
normalise(const char *path)
{
	struct buf b = BUF_INIT;
	char *r = realpath(path, NULL), cwd[PATH_MAX];
	const char *s;

	if (r) {
		char *x = xstrdup(r);	/* so that xmalloc owns what we return */

		free(r);
		return x;
	}
	if (path[0] != '/' && getcwd(cwd, sizeof cwd))
		buf_adds(&b, cwd);
	s = path;
	while (*s) {
		const char *e = strchr(s, '/');
		size_t n = e ? (size_t)(e - s) : strlen(s);

		if (n == 0 || (n == 1 && s[0] == '.')) {
			/* nothing */
		} else if (n == 2 && s[0] == '.' && s[1] == '.') {
			char *slash = strrchr(b.buf, '/');

			buf_setlen(&b, slash ? (size_t)(slash - b.buf) : 0);
		} else {
			buf_addc(&b, '/');
			buf_add(&b, s, n);
		}
		s += n + (e != NULL);
	}
	if (b.len == 0)
		buf_addc(&b, '/');
	return buf_detach(&b, NULL);
}

/* Is path root itself or under it? */
static bool
is_under(const char *path, const char *root)
{
	size_t n = strlen(root);

	return strncmp(path, root, n) == 0 &&
	    (path[n] == '\0' || path[n] == '/' || (n == 1 && root[0] == '/'));
}

/* The bundled samples: data/ of the source tree when run from the build. */
static char *
sample_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);

	if (n > 0) {
		exe[n] = '\0';
		if (is_under(exe, NR_BUILD_BUILDDIR))
			return normalise(NR_BUILD_SRCDIR "/data");
	}
	return normalise(NR_PKGDATADIR);
}

/* --- opening --- */

static void
print_stats(const struct scan_stats *st)
{
	fprintf(stderr, "newsreader: scanned %zu, parsed %zu, removed %zu in "
	    "%.2f s\n", st->scanned, st->parsed, st->removed, st->seconds);
}

/*
 * Is src the bundled sample? Marked so when newsreader added it; for a
 * source remembered before sources were marked, when it is at the
 * sample's path (as then judged).
 */
static bool
is_sample(const struct collection_source *src, const char *sample)
{
	return src->sample == COLLECTION_SAMPLE ||
	    (src->sample == COLLECTION_SAMPLE_UNKNOWN &&
	    strcmp(src->path, sample) == 0);
}

/*
 * Remember the operands (normalised into args), or the sample. An operand
 * that does not exist is reported and left out (*missing set). The sample
 * is forgotten once a source of the user's own is remembered.
 */
static int
add_sources(struct collection *c, const struct cli_collection_opts *o,
    struct strvec *args, bool *missing, struct error *err)
{
	struct collection_source *src;
	size_t nsrc;
	char *sample = sample_dir();
	int rc = 0;

	for (int i = 0; i < o->nargs && rc == 0; i++) {
		struct stat st;
		char *p = normalise(o->args[i]);

		if (stat(p, &st) < 0) {
			fail_on(o->args[i], strerror(errno));
			*missing = true;
			free(p);
			continue;
		}
		strvec_push_nodup(args, p);
		/* Named, even the sample's directory is the user's own:
		 * forgetting it later would lose its state. Read-only, the
		 * operands only make the scope. */
		if (!collection_read_only(c))
			rc = collection_source_add(c, p, !S_ISDIR(st.st_mode),
			    false, err);
	}
	if (collection_read_only(c)) {
		free(sample);
		return rc;
	}
	if (rc == 0 && collection_sources(c, &src, &nsrc, err) == 0) {
		bool own = false;

		for (size_t i = 0; i < nsrc; i++)
			own |= !is_sample(&src[i], sample);
		if (nsrc == 0)
			rc = collection_source_add(c, sample, false, true, err);
		for (size_t i = 0; i < nsrc && own && rc == 0; i++)
			if (is_sample(&src[i], sample) &&
			    collection_source_forget(c, src[i].path, err) < 0)
				rc = -1;
		collection_sources_free(src, nsrc);
	}
	free(sample);
	return rc;
}

/*
 * The roots to scan: the operands, or the remembered sources that no other
 * contains. scope gets the operands, unless they cover every source.
 */
static int
plan_roots(struct collection *c, const struct strvec *args, struct strvec *roots,
    struct strvec *scope, bool *all, struct error *err)
{
	struct collection_source *src;
	size_t nsrc;

	if (collection_sources(c, &src, &nsrc, err) < 0)
		return -1;
	*all = true;
	for (size_t i = 0; i < nsrc; i++) {
		bool covered = false;

		for (size_t j = 0; j < args->nr && !covered; j++)
			covered = is_under(src[i].path, args->v[j]);
		if (args->nr > 0 && !covered)
			*all = false;
		if (args->nr == 0 && (roots->nr == 0 ||
		    !is_under(src[i].path, roots->v[roots->nr - 1])))
			strvec_push(roots, src[i].path);
	}
	for (size_t j = 0; j < args->nr; j++) {
		strvec_push(roots, args->v[j]);
		if (!*all)
			strvec_push(scope, args->v[j]);
	}
	collection_sources_free(src, nsrc);
	return 0;
}

/* After a failure: say why (when err says) and close *c. */
static void
give_up(struct collection **c, struct error *err)
{
	if (err->msg)
		fail("%s", err->msg);
	collection_free(*c);
	*c = NULL;
}

void
cli_collection_plan_release(struct cli_collection_plan *plan)
{
	free(plan->db_path);
	strvec_clear(&plan->args);
	strvec_clear(&plan->roots);
	strvec_clear(&plan->scope);
	memset(plan, 0, sizeof *plan);
}

int
cli_collection_prepare(const struct cli_collection_opts *o,
    struct collection **c, struct cli_collection_plan *plan)
{
	struct error err = ERROR_INIT;
	int rc = CLI_ERROR;

	memset(plan, 0, sizeof *plan);
	strvec_init(&plan->args);
	strvec_init(&plan->roots);
	strvec_init(&plan->scope);
	*c = NULL;
	if (!(plan->db_path = cli_collection_db_path(o->db, &err)))
		goto out;
	if (!(*c = collection_open(plan->db_path, &err)) ||
	    add_sources(*c, o, &plan->args, &plan->missing, &err) < 0)
		goto out;
	if (o->nargs > 0 && plan->args.nr == 0)	/* reported, nothing to show */
		goto out;
	if (plan_roots(*c, &plan->args, &plan->roots, &plan->scope, &plan->all,
	    &err) < 0)
		goto out;
	rc = CLI_OK;
out:
	if (rc != CLI_OK) {
		give_up(c, &err);
		cli_collection_plan_release(plan);
	}
	error_release(&err);
	return rc;
}

int
cli_collection_scan(struct collection *c, const struct cli_collection_plan *p,
    const struct reporter *rep, struct scan_progress *progress,
    struct scan_stats *stats, struct error *err)
{
	const char *const *roots = (const char *const *)p->roots.v;
	struct error uerr = ERROR_INIT;
	int r, v;

	if ((r = collection_scan_lock(c, progress ? &progress->cancel : NULL,
	    err)) != 0)
		return r;
	r = scan_run(c, roots, p->roots.nr, rep, progress, stats, err);
	/*
	 * Past a fifth of stale documents, index everything again. The
	 * upkeep's failure is not the scan's: the articles are stored. Said
	 * once, and tried again by the next scan.
	 */
	if (r >= 0 && p->all) {
		if ((v = collection_index_vacuum(c, &uerr)) == 1)
			r = scan_run(c, roots, p->roots.nr, rep, progress,
			    stats, err);
		else if (v < 0) {
			char *msg = xasprintf("the index's upkeep failed (%s); "
			    "the next scan tries again", uerr.msg);

			rep->fn(rep->ctx, p->db_path, 0, msg);
			free(msg);
		}
	}
	/* A failed import's pages, rolled back or not, fill the WAL files:
	 * on a full disk, the next command would fail for want of them. */
	if (r < 0)
		collection_reclaim(c);
	collection_scan_unlock(c);
	error_release(&uerr);
	return r;
}

/* --- the scan's progress on a terminal --- */

/*
 * While a scan runs and stderr is a terminal (and not --quiet), one line
 * on stderr says how far it is, redrawn in place every PROGRESS_MS (after
 * a carriage return, and padded with spaces over the last: no control
 * sequence), as git does; it is wiped when the scan ends. Warnings are
 * printed through the same lock, each on a line of its own, the progress
 * line drawn again below them at the next tick.
 */
#define PROGRESS_MS 100

struct progress_line {
	struct scan_progress counts;	/* the scan's */
	pthread_mutex_t mu;		/* stderr's lines */
	pthread_cond_t stop;
	bool done;			/* under mu */
	size_t shown;			/* columns on the line now (under mu) */
	struct timespec start;
};

static double
since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	    (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* Blank the line (under mu). */
static void
progress_wipe(struct progress_line *pl)
{
	if (pl->shown)
		fprintf(stderr, "\r%*s\r", (int)pl->shown, "");
	pl->shown = 0;
}

static void *
progress_run(void *arg)
{
	struct progress_line *pl = arg;
	struct timespec when;

	pthread_mutex_lock(&pl->mu);
	clock_gettime(CLOCK_REALTIME, &when);
	while (!pl->done) {
		size_t seen, total, parsed;
		double secs;
		char line[160];
		int n;

		when.tv_nsec += PROGRESS_MS * 1000000L;
		if (when.tv_nsec >= 1000000000L) {
			when.tv_sec++;
			when.tv_nsec -= 1000000000L;
		}
		if (pthread_cond_timedwait(&pl->stop, &pl->mu, &when) == 0 ||
		    pl->done)
			continue;
		seen = atomic_load_explicit(&pl->counts.seen, memory_order_relaxed);
		total = atomic_load_explicit(&pl->counts.total, memory_order_relaxed);
		parsed = atomic_load_explicit(&pl->counts.parsed, memory_order_relaxed);
		secs = since(&pl->start);
		if (total == 0)		/* still walking */
			n = snprintf(line, sizeof line, "newsreader: scanning: "
			    "%zu files seen, %.1f s", seen, secs);
		else
			n = snprintf(line, sizeof line, "newsreader: scanning: "
			    "%zu files seen, %zu of %zu parsed, %.0f/s, %.1f s",
			    seen, parsed, total, secs > 0 ?
			    (double)parsed / secs : 0.0, secs);
		if (n < 0)
			continue;
		fprintf(stderr, "\r%s", line);
		if ((size_t)n < pl->shown)
			fprintf(stderr, "%*s", (int)(pl->shown - (size_t)n), "");
		pl->shown = (size_t)n > pl->shown ? (size_t)n : pl->shown;
		fflush(stderr);
	}
	progress_wipe(pl);
	fflush(stderr);
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* A warning while the progress line shows: first wipe it. */
static void
progress_report(void *ctx, const char *path, int line, const char *msg)
{
	struct progress_line *pl = ctx;

	pthread_mutex_lock(&pl->mu);
	progress_wipe(pl);
	report_to_stderr(NULL, path, line, msg);
	pthread_mutex_unlock(&pl->mu);
}

/* Scan as cli_collection_scan(), with the progress line. */
static int
scan_with_progress(struct collection *c, const struct cli_collection_plan *p,
    struct reporter *rep, struct scan_stats *stats, struct error *err)
{
	struct progress_line pl = { .done = false };
	pthread_t thread;
	int r;

	pthread_mutex_init(&pl.mu, NULL);
	pthread_cond_init(&pl.stop, NULL);
	clock_gettime(CLOCK_MONOTONIC, &pl.start);
	rep->fn = progress_report;
	rep->ctx = &pl;
	if (pthread_create(&thread, NULL, progress_run, &pl) != 0) {
		rep->fn = report_to_stderr;
		rep->ctx = NULL;
		r = cli_collection_scan(c, p, rep, NULL, stats, err);
	} else {
		r = cli_collection_scan(c, p, rep, &pl.counts, stats, err);
		pthread_mutex_lock(&pl.mu);
		pl.done = true;
		pthread_cond_signal(&pl.stop);
		pthread_mutex_unlock(&pl.mu);
		pthread_join(thread, NULL);
	}
	pthread_cond_destroy(&pl.stop);
	pthread_mutex_destroy(&pl.mu);
	return r;
}

int
cli_collection_open(const struct cli_collection_opts *o, struct collection **c,
    struct strvec *scope, bool *missing)
{
	struct reporter rep = { .fn = report_to_stderr, .verbose = o->verbose };
	struct error err = ERROR_INIT;
	struct cli_collection_plan p;
	struct scan_stats stats = { 0 };
	int rc = CLI_ERROR, r;

	*missing = false;
	if (cli_collection_prepare(o, c, &p) != CLI_OK)
		return CLI_ERROR;
	if (collection_read_only(*c)) {
		fprintf(stderr, "newsreader: %s is read-only (%s cannot be "
		    "written): shown as it is, without a scan\n", p.db_path,
		    collection_read_only(*c));
	} else if (!o->no_scan) {
		if (!o->quiet && isatty(STDERR_FILENO))
			r = scan_with_progress(*c, &p, &rep, &stats, &err);
		else
			r = cli_collection_scan(*c, &p, &rep, NULL, &stats, &err);
		if (r < 0)
			goto out;
		if (o->verbose)
			print_stats(&stats);
	}
	/* A FILE operand that is not an article (refused, and warned about
	 * by the scan) fails the run, as a missing one does. */
	*missing = p.missing;
	for (size_t i = 0; i < p.args.nr; i++) {
		struct stat st;
		int64_t id;

		if (stat(p.args.v[i], &st) == 0 && !S_ISDIR(st.st_mode) &&
		    collection_find_path(*c, p.args.v[i], &id, &err) == 0)
			*missing = true;
	}
	/* The scope moves to the caller. */
	*scope = p.scope;
	strvec_init(&p.scope);
	rc = CLI_OK;
out:
	if (rc != CLI_OK)
		give_up(c, &err);
	cli_collection_plan_release(&p);
	error_release(&err);
	return rc;
}

/* --- outputs --- */

/* Write b to stdout; false when stdout is gone (a closed pipe: quietly). */
static bool
emit(const struct buf *b, int *rc)
{
	if (fwrite(b->buf, 1, b->len, stdout) == b->len)
		return true;
	if (errno != EPIPE) {
		fail("cannot write the listing: %s", strerror(errno));
		*rc = CLI_ERROR;
	}
	return false;
}

/*
 * The operands as typed beside their absolute forms (the collection keeps
 * absolute paths), so that a listing of DIR shows each path as given:
 * `--list data` prints data/a.md, as find data would.
 */
struct given {
	struct strvec abs, typed;
};

static void
given_init(struct given *g, const struct cli_collection_opts *o)
{
	strvec_init(&g->abs);
	strvec_init(&g->typed);
	for (int i = 0; i < o->nargs; i++) {
		const char *t = o->args[i];
		size_t n = strlen(t);

		while (n > 1 && t[n - 1] == '/')	/* data/ is data */
			n--;
		strvec_push_nodup(&g->abs, normalise(t));
		strvec_push_nodup(&g->typed, xstrndup(t, n));
	}
}

static void
given_release(struct given *g)
{
	strvec_clear(&g->abs);
	strvec_clear(&g->typed);
}

/*
 * path as the operand it lies under was typed (the longest such operand),
 * in out; NULL when no operand holds it.
 */
static const char *
given_path(const struct given *g, const char *path, struct buf *out)
{
	size_t best = 0, len = 0;

	for (size_t i = 0; i < g->abs.nr; i++) {
		size_t n = strlen(g->abs.v[i]);

		if (n > len && is_under(path, g->abs.v[i])) {
			best = i;
			len = n;
		}
	}
	if (len == 0)
		return NULL;
	path += len;
	if (*path == '/')
		path++;
	buf_reset(out);
	buf_adds(out, g->typed.v[best]);
	if (*path && out->len > 0 && out->buf[out->len - 1] != '/')
		buf_addc(out, '/');
	buf_adds(out, path);
	return out->buf;
}

/* An article's JSON line, its path shown as path. */
static void
format_json(struct buf *b, const struct collection_item *it, const char *path)
{
	char *stored = it->article->path;

	it->article->path = (char *)path;	/* lent for the line */
	buf_addc(b, '{');
	cli_list_json_members(b, it->article);
	it->article->path = stored;
	json_key(b, "id");
	json_add_int(b, it->id);
	json_key(b, "read");
	json_add_bool(b, it->read);
	json_key(b, "starred");
	json_add_bool(b, it->starred);
	buf_addc(b, '}');
}

/* The decimal digits of n (>= 0) to b. */
static void
add_id(struct buf *b, int64_t n)
{
	char d[24];
	size_t i = sizeof d;

	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0 && i > 0);
	buf_add(b, d + i, sizeof d - i);
}

/*
 * The listing: text lines are read as lines (collection_query_lines(),
 * no article built); --json needs the whole article.
 */
int
cli_collection_list(const struct cli_collection_opts *o)
{
	struct strvec scope = STRVEC_INIT;
	struct collection_view v = o->view;
	struct collection_item it = { 0 };
	struct collection_line ln;
	struct error err = ERROR_INIT;
	struct collection_cursor *cur;
	struct collection *c;
	struct buf line = BUF_INIT, as_given = BUF_INIT;
	struct given given;
	bool missing;
	int rc, r;

	if ((rc = cli_collection_open(o, &c, &scope, &missing)) != CLI_OK)
		return rc;
	/* Into a pipe or file: 64 KiB writes, not stdio's 4 KiB. */
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 65536);
	v.scope = (const char *const *)scope.v;
	v.nscope = scope.nr;
	/* Text lines walk an index once, in order; --json reads each
	 * article's row, in date order, from all over the table, and a large
	 * cache keeps those pages (bench/list.sh, --json --no-scan at 100k:
	 * 525 ms with it, 674 ms with the small one). */
	if (!o->json)
		collection_one_pass(c);
	cur = o->json ? collection_query(c, &v, NULL, COLLECTION_AFTER, 0, &err) :
	    collection_query_lines(c, &v, &err);
	if (!cur) {
		rc = fail("%s", err.msg);
		goto out;
	}
	given_init(&given, o);
	while ((r = o->json ? collection_cursor_next(cur, &it, &err) :
	    collection_cursor_line(cur, &ln, &err)) > 0) {
		const char *path = o->json ? it.article->path : ln.path;
		const char *shown = given_path(&given, path, &as_given);

		if (!shown)
			shown = path;
		buf_reset(&line);
		if (o->json) {
			format_json(&line, &it, shown);
		} else {
			cli_list_line(&line, ln.date, ln.category, ln.title, shown);
			buf_addc(&line, '\t');
			add_id(&line, ln.id);
		}
		buf_addc(&line, '\n');
		if (!emit(&line, &rc))
			break;
	}
	if (r < 0)
		rc = fail("%s", err.msg);
	if (fflush(stdout) != 0 && errno != EPIPE && rc == CLI_OK)
		rc = fail("cannot write the listing: %s", strerror(errno));
	if (missing)
		rc = CLI_ERROR;
	collection_cursor_free(cur);
	given_release(&given);
out:
	collection_item_release(&it);
	buf_release(&line);
	buf_release(&as_given);
	error_release(&err);
	strvec_clear(&scope);
	collection_free(c);
	return rc;
}

int
cli_collection_categories(const struct cli_collection_opts *o)
{
	struct strvec scope = STRVEC_INIT;
	struct collection_category *k = NULL;
	struct error err = ERROR_INIT;
	struct collection *c;
	struct buf line = BUF_INIT;
	size_t n = 0;
	bool missing;
	int rc;

	if ((rc = cli_collection_open(o, &c, &scope, &missing)) != CLI_OK)
		return rc;
	if (collection_categories(c, (const char *const *)scope.v, scope.nr,
	    &k, &n, &err) < 0) {
		rc = fail("%s", err.msg);
		n = 0;
	}
	for (size_t i = 0; i < n; i++) {
		buf_reset(&line);
		/* quoted when need be, as --category takes it back */
		quote_add(&line, k[i].path, strlen(k[i].path));
		buf_addf(&line, "\t%lld\t%lld\n", (long long)k[i].total,
		    (long long)k[i].unread);
		if (!emit(&line, &rc))
			break;
	}
	if (fflush(stdout) != 0 && errno != EPIPE && rc == CLI_OK)
		rc = fail("cannot write the listing: %s", strerror(errno));
	if (missing)
		rc = CLI_ERROR;
	collection_categories_free(k, n);
	buf_release(&line);
	error_release(&err);
	strvec_clear(&scope);
	collection_free(c);
	return rc;
}

/* One article's tag or author, for cli_collection_names(). */
struct name_use {
	char *name;		/* owned */
	bool unread;
};

static int
name_use_cmp(const void *a, const void *b)
{
	return strcmp(((const struct name_use *)a)->name,
	    ((const struct name_use *)b)->name);
}

int
cli_collection_names(const struct cli_collection_opts *o, enum cli_names which)
{
	struct strvec scope = STRVEC_INIT;
	struct collection_view v = o->view;
	struct collection_item it = { 0 };
	struct error err = ERROR_INIT;
	struct collection_cursor *cur;
	struct collection *c;
	struct name_use *uses = NULL;
	size_t nuses = 0, alloc = 0;
	struct buf line = BUF_INIT;
	bool missing;
	int rc, r;

	if ((rc = cli_collection_open(o, &c, &scope, &missing)) != CLI_OK)
		return rc;
	v.scope = (const char *const *)scope.v;
	v.nscope = scope.nr;
	/* Every use, then sorted and counted in runs: one pass over the
	 * view, and the memory of the uses, which the view bounds. */
	cur = collection_query(c, &v, NULL, COLLECTION_AFTER, 0, &err);
	if (!cur) {
		rc = fail("%s", err.msg);
		goto out;
	}
	while ((r = collection_cursor_next(cur, &it, &err)) > 0) {
		const struct article *a = it.article;
		size_t n = which == CLI_NAMES_TAGS ? a->tags.nr : a->author != NULL;

		for (size_t i = 0; i < n; i++) {
			ALLOC_GROW(uses, nuses + 1, alloc);
			uses[nuses].name = xstrdup(which == CLI_NAMES_TAGS ?
			    a->tags.v[i] : a->author);
			uses[nuses].unread = !it.read;
			nuses++;
		}
	}
	if (r < 0)
		rc = fail("%s", err.msg);
	collection_cursor_free(cur);
	if (nuses)
		qsort(uses, nuses, sizeof uses[0], name_use_cmp);
	for (size_t i = 0, j; rc == CLI_OK && i < nuses; i = j) {
		long long unread = 0;

		for (j = i; j < nuses && strcmp(uses[j].name, uses[i].name) == 0; j++)
			unread += uses[j].unread;
		buf_reset(&line);
		/* quoted when need be, as --tag and --author take it back */
		quote_add(&line, uses[i].name, strlen(uses[i].name));
		buf_addf(&line, "\t%lld\t%lld\n", (long long)(j - i), unread);
		if (!emit(&line, &rc))
			break;
	}
	if (fflush(stdout) != 0 && errno != EPIPE && rc == CLI_OK)
		rc = fail("cannot write the listing: %s", strerror(errno));
	if (missing)
		rc = CLI_ERROR;
out:
	for (size_t i = 0; i < nuses; i++)
		free(uses[i].name);
	free(uses);
	collection_item_release(&it);
	buf_release(&line);
	error_release(&err);
	strvec_clear(&scope);
	collection_free(c);
	return rc;
}

/* --- state and sources --- */

/* Open to write, without scanning or touching the sources. */
static struct collection *
open_plain(const struct cli_collection_opts *o)
{
	struct error err = ERROR_INIT;
	struct collection *c = NULL;
	char *path = cli_collection_db_path(o->db, &err);

	if (path)
		c = collection_open(path, &err);
	if (!c) {
		fail("%s", err.msg);
	} else if (collection_read_only(c)) {
		fail("%s: the collection is read-only (%s cannot be written)",
		    path, collection_read_only(c));
		collection_free(c);
		c = NULL;
	}
	error_release(&err);
	free(path);
	return c;
}

/* The article an ID operand names: 1 and *id, 0 none, -1 error. */
static int
resolve_id(struct collection *c, const char *arg, int64_t *id,
    struct error *err)
{
	char *end, *p;
	long long n;
	int r;

	errno = 0;
	n = strtoll(arg, &end, 10);
	if (*arg >= '0' && *arg <= '9' && *end == '\0' && errno == 0) {
		*id = n;
		return 1;
	}
	p = normalise(arg);
	r = collection_find_path(c, p, id, err);
	free(p);
	return r;
}

int
cli_collection_mark(const struct cli_collection_opts *o, enum cli_mark m)
{
	struct error err = ERROR_INIT;
	struct collection *c = open_plain(o);
	int rc = CLI_OK;

	if (!c)
		return CLI_ERROR;
	for (int i = 0; i < o->nargs; i++) {
		int64_t id = 0;
		int r = resolve_id(c, o->args[i], &id, &err);

		if (r > 0) {
			switch (m) {
			case CLI_MARK_READ:
			case CLI_MARK_UNREAD:
				r = collection_set_read(c, id, m == CLI_MARK_READ, &err);
				break;
			case CLI_MARK_STAR:
			case CLI_MARK_UNSTAR:
				r = collection_set_starred(c, id, m == CLI_MARK_STAR, &err);
				break;
			}
		}
		if (r < 0)
			rc = fail("%s", err.msg);
		else if (r == 0)
			rc = fail_on(o->args[i], "no such article");
		error_release(&err);
	}
	collection_free(c);
	return rc;
}

int
cli_collection_forget(const struct cli_collection_opts *o)
{
	struct error err = ERROR_INIT;
	struct collection *c = open_plain(o);
	int rc = CLI_OK;

	if (!c)
		return CLI_ERROR;
	for (int i = 0; i < o->nargs; i++) {
		char *p = normalise(o->args[i]);
		int64_t n = collection_source_forget(c, p, &err);

		if (n < 0)
			rc = fail("%s", err.msg);
		else if (o->verbose) {
			struct buf q = BUF_INIT;

			quote_add(&q, p, strlen(p));
			fprintf(stderr, "newsreader: forgot %s: %lld articles\n",
			    q.buf, (long long)n);
			buf_release(&q);
		}
		error_release(&err);
		free(p);
	}
	collection_free(c);
	return rc;
}
