/* SPDX-License-Identifier: MIT */
/*
 * ui-scan: one background thread per scan. The thread owns nothing the
 * UI thread touches but the progress counters (atomics) and the warning
 * queue (under mu); the result is read after pthread_join().
 */
#include "config.h"
#include "ui-scan.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strvec.h"
#include "xmalloc.h"

struct ui_scan {
	pthread_t thread;
	bool joined;
	ui_scan_fn *fn;
	void *ctx;
	void (*wake)(void *);
	void *wake_ctx;
	struct scan_progress progress;
	/* Written by the thread; read after the join. */
	struct scan_stats stats;
	struct error err;
	int result;
	/* The warning queue. */
	pthread_mutex_t mu;
	struct strvec warnings;		/* at most UI_SCAN_MAX_WARNINGS */
	size_t dropped;			/* warnings past that */
};

static void
on_warning(void *ctx, const char *path, int line, const char *msg)
{
	struct ui_scan *s = ctx;
	struct buf b = BUF_INIT;

	report_format(&b, path, line, msg);
	pthread_mutex_lock(&s->mu);
	if (s->warnings.nr < UI_SCAN_MAX_WARNINGS)
		strvec_push_nodup(&s->warnings, buf_detach(&b, NULL));
	else
		s->dropped++;
	pthread_mutex_unlock(&s->mu);
	buf_release(&b);
}

static void *
run(void *arg)
{
	struct ui_scan *s = arg;
	struct reporter rep = { .fn = on_warning, .ctx = s };

	s->result = s->fn(s->ctx, &rep, &s->progress, &s->stats, &s->err);
	atomic_store(&s->progress.done, true);
	if (s->wake)
		s->wake(s->wake_ctx);
	return NULL;
}

struct ui_scan *
ui_scan_start(ui_scan_fn *fn, void *ctx, void (*wake)(void *), void *wake_ctx,
    struct error *err)
{
	struct ui_scan *s = xcalloc(1, sizeof *s);
	sigset_t all, old;
	int rc;

	s->fn = fn;
	s->ctx = ctx;
	s->wake = wake;
	s->wake_ctx = wake_ctx;
	strvec_init(&s->warnings);
	pthread_mutex_init(&s->mu, NULL);
	atomic_init(&s->progress.seen, 0);
	atomic_init(&s->progress.total, 0);
	atomic_init(&s->progress.parsed, 0);
	atomic_init(&s->progress.cancel, false);
	atomic_init(&s->progress.done, false);
	/*
	 * The thread (and the parse workers it starts) inherit a mask that
	 * blocks every signal, so SIGWINCH, SIGTERM and the rest reach the
	 * UI thread, which polls for them.
	 */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&s->thread, NULL, run, s);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		error_set(err, "cannot start the scan: %s", strerror(rc));
		pthread_mutex_destroy(&s->mu);
		free(s);
		return NULL;
	}
	return s;
}

bool
ui_scan_done(const struct ui_scan *s)
{
	return atomic_load(&s->progress.done);
}

/* n with a comma every three digits: 12,345. */
static void
add_count(struct buf *out, size_t n)
{
	char digits[32];
	int len = snprintf(digits, sizeof digits, "%zu", n);

	for (int i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(out, ',');
		buf_addc(out, digits[i]);
	}
}

void
ui_scan_progress(const struct ui_scan *s, struct buf *out)
{
	size_t seen = atomic_load_explicit(&s->progress.seen,
	    memory_order_relaxed);
	size_t total = atomic_load_explicit(&s->progress.total,
	    memory_order_relaxed);
	size_t parsed = atomic_load_explicit(&s->progress.parsed,
	    memory_order_relaxed);

	buf_adds(out, "扫描 ");
	if (total == 0) {
		/* Still walking: the files looked at so far. */
		add_count(out, seen);
		return;
	}
	add_count(out, parsed);
	buf_addc(out, '/');
	add_count(out, total);
}

size_t
ui_scan_parsed(const struct ui_scan *s)
{
	return atomic_load_explicit(&s->progress.parsed, memory_order_relaxed);
}

size_t
ui_scan_take_warnings(struct ui_scan *s, struct strvec *out)
{
	size_t dropped;

	pthread_mutex_lock(&s->mu);
	for (size_t i = 0; i < s->warnings.nr; i++)
		strvec_push_nodup(out, s->warnings.v[i]);
	if (s->warnings.nr) {	/* the strings moved: free the array only */
		free(s->warnings.v);
		strvec_init(&s->warnings);
	}
	dropped = s->dropped;
	s->dropped = 0;
	pthread_mutex_unlock(&s->mu);
	return dropped;
}

int
ui_scan_finish(struct ui_scan *s, struct scan_stats *stats, struct error *err)
{
	if (!s->joined) {
		pthread_join(s->thread, NULL);
		s->joined = true;
	}
	*stats = s->stats;
	if (s->err.msg) {
		error_set(err, "%s", s->err.msg);
		error_release(&s->err);
	}
	return s->result;
}

void
ui_scan_free(struct ui_scan *s)
{
	if (!s)
		return;
	if (!s->joined) {
		atomic_store(&s->progress.cancel, true);
		pthread_join(s->thread, NULL);
	}
	error_release(&s->err);
	strvec_clear(&s->warnings);
	pthread_mutex_destroy(&s->mu);
	free(s);
}
