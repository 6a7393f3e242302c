/* SPDX-License-Identifier: MIT */
/*
 * scan: bring the collection up to date with the files under a source.
 *
 * A scan walks a root (stat only), compares each file's size and mtime
 * (nanoseconds) with what the collection stored, and parses only the new
 * and changed files: SCAN_WORKERS threads load and parse, extracting the
 * body's plain text; the calling thread alone writes, in transactions of
 * at most SCAN_BATCH articles or SCAN_BATCH_MS. A new file whose content
 * hash equals that of a file gone from the same root is that file moved:
 * it keeps the old id and state. Files gone are removed last, in one
 * transaction, and only after a complete walk of a root that exists.
 *
 * Killed at any moment, a scan leaves a consistent database (each batch
 * is a transaction, and nothing depends on memory surviving); the next
 * scan finds what is still to do and does it.
 *
 * For a scan in a background thread: give it its own connection
 * (collection_open on the same path) and a struct scan_progress that the
 * other thread reads; setting cancel stops the scan soon after, with what
 * was committed kept. Warnings go to the reporter from the scanning thread.
 */
#ifndef NR_SCAN_H
#define NR_SCAN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

struct collection;
struct error;
struct reporter;

#define SCAN_WORKERS 2		/* parsing threads */
#define SCAN_BATCH 5000		/* articles per transaction, at most */
#define SCAN_BATCH_MS 2000	/* and milliseconds per transaction */

/* Counters another thread may read at any time (relaxed atomics). */
struct scan_progress {
	atomic_size_t seen;	/* files walked so far */
	atomic_size_t total;	/* files to parse, once the walk is done */
	atomic_size_t parsed;	/* of those, parsed and stored */
	atomic_bool cancel;	/* set by the caller to stop the scan */
	atomic_bool done;	/* set by scan_run() as it returns */
};

struct scan_stats {
	size_t scanned;		/* files walked */
	size_t parsed;		/* new or changed files parsed and stored */
	size_t moved;		/* of those, recognised as moved */
	size_t removed;		/* articles whose file is gone */
	size_t refused;		/* files that are not articles (warned) */
	double seconds;		/* wall-clock time of the scan */
};

/*
 * Scan each root (absolute, normalised paths of directories or files) into
 * c. rep receives the warnings (parse faults, unreadable entries);
 * progress may be NULL. Adds to *stats. Returns 0; 1 when cancelled or a
 * root could not be read (reported, and nothing under it removed); -1 on a
 * database error, with err set.
 */
int scan_run(struct collection *c, const char *const *roots, size_t nroots,
    const struct reporter *rep, struct scan_progress *progress,
    struct scan_stats *stats, struct error *err);

#endif
