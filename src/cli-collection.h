/* SPDX-License-Identifier: MIT */
/*
 * cli-collection: the command-line modes that read or change the
 * collection: --list, --categories, --mark-read/--mark-unread/--star/
 * --unstar, --forget; and the set-up they share with the TUI (which
 * database, which sources, the scan).
 *
 * Sources: DIR and FILE operands are remembered, scanned, and make the
 * run's scope (only their articles are shown). With none, every
 * remembered source is rescanned and shown; with none remembered, the
 * bundled sample collection is (installed in $(pkgdatadir), or data/ of
 * the source tree when the program runs from its build tree). The sample
 * is forgotten as soon as a source of the user's own is remembered; named
 * on the command line, the sample's directory is the user's own, and kept.
 */
#ifndef NR_CLI_COLLECTION_H
#define NR_CLI_COLLECTION_H

#include <stdbool.h>

#include "collection.h"
#include "strvec.h"

struct reporter;
struct scan_progress;
struct scan_stats;

struct cli_collection_opts {
	const char *db;		/* --db FILE, or NULL for the default */
	char **args;		/* the operands: DIR/FILE, or ID for --mark-* */
	int nargs;
	bool no_scan;		/* --no-scan */
	bool verbose;		/* --verbose: the scan's figures on stderr,
				   and the files it leaves out */
	bool quiet;		/* --quiet: no progress line on a terminal */
	bool json;		/* --json */
	/* --category, --tag, --author, --search, --unread, --starred,
	 * --sort, --reverse; scope is filled in by cli_collection_open() */
	struct collection_view view;
};

/*
 * The database path: --db, else $XDG_DATA_HOME/newsreader/newsreader.db
 * (XDG_DATA_HOME defaulting to ~/.local/share), creating its directory.
 * Returns a new string, or NULL with err set.
 */
char *cli_collection_db_path(const char *db, struct error *err);

/*
 * Open the collection, remember the operands as sources, scan (unless
 * no_scan), and fill *scope with the paths the run shows (left empty when
 * that is every article). Warnings and --verbose figures go to stderr. An
 * operand that does not exist is reported and left out, with *missing set
 * (the caller shows the rest, then exits 1). Returns CLI_OK with *c open
 * (the caller frees it and clears scope), or CLI_ERROR after printing why.
 */
int cli_collection_open(const struct cli_collection_opts *o,
    struct collection **c, struct strvec *scope, bool *missing);

/*
 * The same in two halves, for the TUI, which shows the collection first
 * and scans after, in a thread of its own.
 */
struct cli_collection_plan {
	char *db_path;		/* the database file; owned */
	struct strvec args;	/* the operands that exist, absolute */
	struct strvec roots;	/* what a scan walks */
	struct strvec scope;	/* what the run shows; empty: everything */
	bool all;		/* the run covers every source */
	bool missing;		/* an operand was missing (reported) */
};

/*
 * Everything cli_collection_open() does but the scan: the database
 * opened, the operands remembered, *plan filled. Returns CLI_OK with *c
 * open, or CLI_ERROR after printing why (plan is then released).
 */
int cli_collection_prepare(const struct cli_collection_opts *o,
    struct collection **c, struct cli_collection_plan *plan);
void cli_collection_plan_release(struct cli_collection_plan *plan);

/*
 * Scan plan's roots into c, indexing everything again when the full-text
 * index holds too much that is stale (only when the plan covers every
 * source), in turn with other processes' scans (collection_scan_lock()).
 * The upkeep's failure is reported to rep, about the database, and does
 * not fail the scan. Safe to run in another thread on a connection of its
 * own. Warnings go to rep; progress may be NULL (its cancel also ends the
 * wait for the turn). Returns scan_run()'s value.
 */
int cli_collection_scan(struct collection *c,
    const struct cli_collection_plan *plan, const struct reporter *rep,
    struct scan_progress *progress, struct scan_stats *stats,
    struct error *err);

/* --list: one line per article of the view, streamed. */
int cli_collection_list(const struct cli_collection_opts *o);
/* --categories: "PATH\tTOTAL\tUNREAD" per node, in tree order. */
int cli_collection_categories(const struct cli_collection_opts *o);

enum cli_names {
	CLI_NAMES_TAGS,		/* --tags */
	CLI_NAMES_AUTHORS,	/* --authors */
};
/*
 * --tags, --authors: "NAME\tTOTAL\tUNREAD" per tag or author of the
 * articles in the view, by name (code point order): the form of
 * --categories, for shell completion and scripts.
 */
int cli_collection_names(const struct cli_collection_opts *o,
    enum cli_names which);

enum cli_mark {
	CLI_MARK_READ,
	CLI_MARK_UNREAD,
	CLI_MARK_STAR,
	CLI_MARK_UNSTAR,
};
/* --mark-read ID... and the like; an ID is a number from --list or a path. */
int cli_collection_mark(const struct cli_collection_opts *o, enum cli_mark m);
/* --forget DIR...: remove sources and their articles. */
int cli_collection_forget(const struct cli_collection_opts *o);

#endif
