/* SPDX-License-Identifier: MIT */
/*
 * corpus-dump: print what the parser makes of each file named on the
 * command line, one TSV line each, for the golden test (tests/corpus.sh):
 *
 *   path  title  date  categories  tags  format  warnings
 *
 * date is ISO 8601 UTC, or "mtime" when it came from the file's mtime
 * (which a checkout does not keep); categories are the paths joined with
 * '/', separated by " | ", or "-"; tags are joined with ',' or "-";
 * warnings is their count. Every field is scrubbed to one line.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "utf8.h"

static void
field(struct buf *b, const char *s)
{
	utf8_scrub(b, s, strlen(s), UTF8_SCRUB_ONELINE);
	buf_addc(b, '\t');
}

int
main(int argc, char **argv)
{
	int status = 0;

	for (int i = 1; i < argc; i++) {
		struct error err = ERROR_INIT;
		struct article *a = article_load(argv[i], &err);
		struct buf b = BUF_INIT, c = BUF_INIT;
		char iso[DATE_ISO_SIZE];
		char *tags;

		if (a == NULL) {
			printf("%s\trefused: %s\n", argv[i], err.msg);
			error_release(&err);
			status = 1;
			continue;
		}
		field(&b, a->path);
		field(&b, a->title);
		date_format_iso(iso, a->date);
		field(&b, a->date_source == ARTICLE_DATE_MTIME ? "mtime" : iso);
		for (size_t k = 0; k < a->ncategories; k++) {
			char *p = strvec_join(&a->categories[k], "/");
			buf_addf(&c, "%s%s", k ? " | " : "", p);
			free(p);
		}
		field(&b, c.len ? c.buf : "-");
		tags = strvec_join(&a->tags, ",");
		field(&b, *tags ? tags : "-");
		free(tags);
		field(&b, a->format == ARTICLE_HTML ? "html" : "markdown");
		buf_addf(&b, "%zu\n", a->warnings.nr);
		fwrite(b.buf, 1, b.len, stdout);
		buf_release(&b);
		buf_release(&c);
		article_free(a);
	}
	return status;
}
