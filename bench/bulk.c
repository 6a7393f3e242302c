/* SPDX-License-Identifier: MIT */
/*
 * bench/bulk: bulk updates of a collection, timed (issue 11, 1: "mark
 * 100k read, forget a source of 100k"). On the database DB (made by
 * newsreader --db DB --list DIR):
 *   every article marked read in one statement (the TUI's A on All),
 *   then unread again inside a transaction (as a batch of changes is),
 *   then the source DIR forgotten with its articles.
 * Prints each step's articles and milliseconds; exits 1 on a failure.
 *
 *   bench/bulk DB DIR
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "collection.h"
#include "report.h"

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct error err = ERROR_INIT;
	struct collection_view all = { 0 };
	struct collection *c;
	double t;
	int64_t n;
	int rc = 0;

	if (argc != 3) {
		fprintf(stderr, "usage: bench/bulk DB DIR\n");
		return 2;
	}
	if (!(c = collection_open(argv[1], &err))) {
		fprintf(stderr, "bench/bulk: %s\n", err.msg);
		return 1;
	}
	t = now_ms();
	n = collection_mark_view(c, &all, true, &err);
	printf("marked read: %lld articles in %.0f ms\n", (long long)n,
	    now_ms() - t);
	t = now_ms();
	if (n >= 0 && collection_begin(c, &err) == 0 &&
	    (n = collection_mark_view(c, &all, false, &err)) >= 0 &&
	    collection_commit(c, &err) == 0)
		printf("marked unread in a transaction: %lld articles in "
		    "%.0f ms\n", (long long)n, now_ms() - t);
	else
		n = -1;
	t = now_ms();
	if (n >= 0 && (n = collection_source_forget(c, argv[2], &err)) >= 0)
		printf("forgotten: %lld articles in %.0f ms\n", (long long)n,
		    now_ms() - t);
	if (n < 0) {
		fprintf(stderr, "bench/bulk: %s\n", err.msg);
		rc = 1;
	}
	collection_free(c);
	error_release(&err);
	return rc;
}
