/* SPDX-License-Identifier: MIT */
/*
 * linecheck: count what a careful typesetter would not let through in a
 * text dump of an article, read on stdin.
 *
 *   linecheck WIDTH < dump.txt
 *
 * Prints one line of counts: lines, the lines starting with closing
 * punctuation (the first character after any leading spaces), the lines
 * ending with opening punctuation, the lines splitting —— or …… with the
 * next, and the lines wider than WIDTH cells by wcwidth(). The classes are
 * the renderer's own (breaks.h), so every tool is judged alike.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "breaks.h"
#include "utf8.h"

int
main(int argc, char **argv)
{
	unsigned width;
	char line[1 << 16];
	long lines = 0, starts = 0, ends = 0, splits = 0, wide = 0;
	uint32_t prev_last = 0;

	setlocale(LC_ALL, "C.UTF-8");
	if (argc != 2 || (width = (unsigned)atoi(argv[1])) == 0) {
		fprintf(stderr, "usage: linecheck WIDTH < dump.txt\n");
		return 2;
	}
	while (fgets(line, sizeof line, stdin)) {
		size_t len = strlen(line);
		uint32_t first = 0, last = 0, cp;
		unsigned cols = 0;

		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			len--;
		lines++;
		for (size_t i = 0; i < len;) {
			int n = utf8_decode(line + i, len - i, &cp);
			int w = wcwidth((wchar_t)cp);

			i += n < 0 ? 1 : (size_t)n;
			cols += w > 0 ? (unsigned)w : 0;
			if (cp == ' ')
				continue;
			if (!first)
				first = cp;
			last = cp;
		}
		if (first && breaks_is_closing(first))
			starts++;
		if (last && breaks_is_opening(last))
			ends++;
		if (first && first == prev_last && (first == 0x2014 ||
		    first == 0x2026))
			splits++;
		if (cols > width)
			wide++;
		prev_last = last;
	}
	printf("lines %ld starts %ld ends %ld splits %ld wide %ld\n", lines,
	    starts, ends, splits, wide);
	return 0;
}
