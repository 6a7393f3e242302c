/* SPDX-License-Identifier: MIT */
/*
 * walk: the article files under the operands of the command line.
 *
 * A DIR operand is walked recursively for *.md, *.markdown, *.mkd,
 * *.html, *.htm and *.txt (any case), skipping every name that begins
 * with '.'; a FILE operand is taken whatever its name. Symbolic links are
 * followed; a directory already visited (a loop, or a second way to the
 * same place) and a file already handed out are not visited again, by
 * (device, inode). Entries come in name order within each directory,
 * symbolic links after the rest (so a file reached both ways keeps its
 * real path), and the walk streams: one callback per file, never a list
 * of the tree.
 *
 * Faults are warnings through the reporter, one each, and the walk goes
 * on: a symlink loop, a broken link, an unreadable directory, an entry
 * that vanished between readdir and stat, a special file with an article
 * name, a tree deeper than WALK_MAX_DEPTH.
 */
#ifndef NR_WALK_H
#define NR_WALK_H

#include <stdbool.h>
#include <sys/stat.h>

#include "report.h"

#define WALK_MAX_DEPTH 128	/* directory levels below an operand */

/*
 * Called for each file, with the path as the user would write it (the
 * operand, then '/' and the names below it) and the file's stat (links
 * followed). Return 0 to go on, anything else to stop the walk.
 */
typedef int walk_fn(void *ctx, const char *path, const struct stat *st);

struct walk_set;

struct walk {
	walk_fn *fn;
	void *ctx;
	const struct reporter *rep;	/* where warnings go */
	struct walk_set *seen;		/* private: (dev, ino) visited */
};

void walk_init(struct walk *w, walk_fn *fn, void *ctx,
    const struct reporter *rep);
void walk_release(struct walk *w);

/*
 * Walk one operand. Returns 0; 1 when the operand does not exist or
 * cannot be read (reported, so the caller can exit 1); or the callback's
 * non-zero value when it stopped the walk.
 */
int walk_path(struct walk *w, const char *path);

/* Is name one the directory walk reads (extension, no leading dot)? */
bool walk_wanted(const char *name);

#endif
