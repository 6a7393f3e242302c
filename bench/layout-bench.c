/* SPDX-License-Identifier: MIT */
/*
 * layout-bench: how fast the renderer goes, stage by stage, on one
 * article file.
 *
 *   layout-bench [-w WIDTH] [-r RUNS] FILE
 *
 * Times, as medians of RUNS runs (default 7) at WIDTH (default 80):
 *   document  the body -> document (libxml2 or md4c + libxml2)
 *   layout    every block of that document -> lines (scrub, ICU, fill)
 * and prints one line per stage: name, milliseconds, bytes of input and
 * MB/s. "Text" for layout is the documents' block text, the bytes layout
 * reads. The page cache is warm: the file is read before timing.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "document.h"
#include "layout.h"
#include "report.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double
median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int
main(int argc, char **argv)
{
	unsigned width = 80;
	int runs = 7, opt;
	struct error err = ERROR_INIT;
	struct article *a;
	struct layout *lay;
	double *tdoc, *tlay;
	size_t text = 0, lines = 0;

	setlocale(LC_ALL, "C.UTF-8");
	while ((opt = getopt(argc, argv, "w:r:")) != -1) {
		switch (opt) {
		case 'w': width = (unsigned)atoi(optarg); break;
		case 'r': runs = atoi(optarg); break;
		default: goto usage;
		}
	}
	if (optind != argc - 1 || runs < 1 || width < 1)
		goto usage;
	if (!(a = article_load(argv[optind], &err))) {
		fprintf(stderr, "layout-bench: %s: %s\n", argv[optind], err.msg);
		return 1;
	}
	tdoc = calloc((size_t)runs, sizeof *tdoc);
	tlay = calloc((size_t)runs, sizeof *tlay);
	lay = layout_new(true);
	for (int r = 0; r < runs; r++) {
		double t0 = now(), t1, t2;
		struct document *d = document_from_article(a);
		unsigned flags = d->lang == DOCUMENT_LANG_ZH ? LAYOUT_INDENT : 0;

		t1 = now();
		text = lines = 0;
		for (size_t i = 0; i < d->nblocks; i++) {
			struct layout_block *lb = layout_block(lay, d, i, width,
			    flags);
			text += d->blocks[i].text.len;
			lines += lb->nlines;
			layout_block_free(lb);
		}
		t2 = now();
		tdoc[r] = t1 - t0;
		tlay[r] = t2 - t1;
		document_free(d);
	}
	{
		double md = median(tdoc, runs), ml = median(tlay, runs);

		printf("document %.2f ms %zu bytes %.1f MB/s\n", md * 1e3,
		    a->body_len, a->body_len / md / 1e6);
		printf("layout %.2f ms %zu bytes %.1f MB/s (%zu lines at %u)\n",
		    ml * 1e3, text, text / ml / 1e6, lines, width);
	}
	layout_free(lay);
	free(tdoc);
	free(tlay);
	article_free(a);
	return 0;
usage:
	fprintf(stderr, "usage: layout-bench [-w WIDTH] [-r RUNS] FILE\n");
	return 2;
}
