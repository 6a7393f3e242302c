/* SPDX-License-Identifier: MIT */
/*
 * nearest: edit distance and the nearest name; see nearest.h.
 *
 * The distance keeps three rows of the table (3 x (NEAREST_MAX_CP + 1)
 * counters on the stack): the third is for transpositions.
 */
#include "config.h"
#include "nearest.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* s's code points into out (at most NEAREST_MAX_CP); returns the count. */
static size_t
code_points(const char *s, uint32_t *out)
{
	size_t n = 0, len = strlen(s);

	while (len && n < NEAREST_MAX_CP) {
		int k = utf8_decode(s, len, &out[n]);

		if (k < 1) {
			out[n] = (unsigned char)*s;
			k = 1;
		}
		s += k;
		len -= (size_t)k;
		n++;
	}
	return n;
}

size_t
nearest_distance(const char *a, const char *b)
{
	uint32_t ca[NEAREST_MAX_CP], cb[NEAREST_MAX_CP];
	size_t na = code_points(a, ca), nb = code_points(b, cb);
	/* Rows i - 2, i - 1 and i of the table, rotated. */
	size_t rows[3][NEAREST_MAX_CP + 1];
	size_t *two = rows[0], *prev = rows[1], *cur = rows[2];

	for (size_t j = 0; j <= nb; j++)
		prev[j] = j;
	for (size_t i = 1; i <= na; i++) {
		cur[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t best = prev[j - 1] + (ca[i - 1] != cb[j - 1]);

			if (prev[j] + 1 < best)
				best = prev[j] + 1;
			if (cur[j - 1] + 1 < best)
				best = cur[j - 1] + 1;
			/* Two letters swapped ("lsit") are one slip, not two. */
			if (i > 1 && j > 1 && ca[i - 1] == cb[j - 2] &&
			    ca[i - 2] == cb[j - 1] && two[j - 2] + 1 < best)
				best = two[j - 2] + 1;
			cur[j] = best;
		}
		{
			size_t *t = two;

			two = prev;
			prev = cur;
			cur = t;
		}
	}
	return prev[nb];
}

/* Edits beyond which a name is another word, not a slip of the finger. */
#define NEAREST_MAX_EDITS 3

const char *
nearest_name(const char *want, const char *const *names, size_t n)
{
	uint32_t cp[NEAREST_MAX_CP];
	size_t limit = code_points(want, cp) / 3, best_d = SIZE_MAX;
	const char *best = NULL;

	if (limit < 1)
		limit = 1;
	if (limit > NEAREST_MAX_EDITS)
		limit = NEAREST_MAX_EDITS;
	for (size_t i = 0; i < n; i++) {
		size_t d = nearest_distance(want, names[i]);

		if (d < best_d) {
			best_d = d;
			best = names[i];
		}
	}
	return best_d <= limit ? best : NULL;
}
