/* SPDX-License-Identifier: MIT */
/*
 * nearest: the closest of a set of names to one that is not among them,
 * for "did you mean toggle-read?" and "the nearest: a/b, c".
 *
 * The measure is the edit distance (Levenshtein's, with a swap of two
 * neighbours counted as one edit) in code points, so
 * a Chinese category name one character off is as near as a Latin one.
 * Names are cut at NEAREST_MAX_CP code points: the names compared are
 * settings, commands and category paths, and a fixed bound keeps the
 * work per pair constant (two rows of NEAREST_MAX_CP + 1 counters).
 */
#ifndef NR_NEAREST_H
#define NR_NEAREST_H

#include <stddef.h>

#define NEAREST_MAX_CP 64	/* code points compared; the rest is ignored */

/* The edit distance between a and b (UTF-8; bad bytes count as one). */
size_t nearest_distance(const char *a, const char *b);

/*
 * The name in names[0..n) nearest to want, or NULL when none is near
 * enough to be a likely slip: at most a third of want's length away (and
 * at least 1, at most 3 edits). Ties go to the earlier name.
 */
const char *nearest_name(const char *want, const char *const *names,
    size_t n);

#endif
