/* SPDX-License-Identifier: MIT */
/*
 * nr-width: display widths of lines, for the screen tests.
 *
 *   nr-width             prints each input line's width in cells
 *   nr-width -c CHAR     prints, per line, the column (0-based) where the
 *                        first CHAR starts, or -1
 *   nr-width -s COL      prints each line from display column COL on
 *                        (a wide character straddling COL is dropped),
 *                        trailing spaces removed: one pane of a screen
 *
 * Widths come from the C library's wcwidth(), the same table curses and
 * the terminal use, so a test can check that text after Chinese
 * characters lines up (a rule drawn at the same column on every row).
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "utf8.h"

int
main(int argc, char **argv)
{
	uint32_t want = 0;
	long from = -1;
	char line[65536];

	setlocale(LC_ALL, "C.UTF-8");
	if (argc == 3 && strcmp(argv[1], "-c") == 0) {
		if (utf8_decode(argv[2], strlen(argv[2]), &want) < 0)
			return 2;
	} else if (argc == 3 && strcmp(argv[1], "-s") == 0) {
		from = strtol(argv[2], NULL, 10);
	} else if (argc != 1) {
		fprintf(stderr, "usage: nr-width [-c CHAR | -s COL]\n");
		return 2;
	}
	while (fgets(line, sizeof line, stdin)) {
		size_t len = strcspn(line, "\n");
		const char *s = line, *start = NULL;
		int col = 0, at = -1;

		while (len > 0) {
			uint32_t cp;
			int n = utf8_decode(s, len, &cp), w;

			if (n < 0)
				n = 1;
			if (want && cp == want && at < 0)
				at = col;
			if (from >= 0 && !start && col >= from)
				start = s;
			w = wcwidth((wchar_t)cp);
			col += w > 0 ? w : 0;
			s += n;
			len -= (size_t)n;
		}
		if (from >= 0) {
			size_t n = start ? (size_t)(s - start) : 0;

			while (n > 0 && start[n - 1] == ' ')
				n--;
			printf("%.*s\n", (int)n, start ? start : "");
		} else {
			printf("%d\n", want ? at : col);
		}
	}
	return 0;
}
