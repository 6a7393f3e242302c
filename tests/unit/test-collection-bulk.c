/* SPDX-License-Identifier: MIT */
/*
 * Bulk updates of the collection (issue 11, 1): a statement that changes
 * thousands of rows inside a transaction keeps a statement journal larger
 * than SQLite keeps in memory, which spills to a temporary file. With a
 * spill threshold past 128 KiB that failed with "database or disk is full"
 * (see STMTJRNL_SPILL in src/collection.c). Here: a view of BULK_N
 * articles marked read and unread, alone and inside a transaction, and a
 * source of BULK_N forgotten.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "collection.h"
#include "report.h"
#include "strvec.h"
#include "tap.h"
#include "xmalloc.h"

/* Enough rows that a transaction's journal of them passes 128 KiB. */
#define BULK_N 5000

static struct article *
mk(const char *path, int64_t date, uint64_t hash)
{
	struct article *a = xcalloc(1, sizeof *a);

	a->path = xstrdup(path);
	a->title = xasprintf("标题 %s", path);
	a->date = date;
	a->date_source = ARTICLE_DATE_FRONTMATTER;
	a->updated = ARTICLE_NO_DATE;
	a->ncategories = 1;
	a->categories = xcalloc(1, sizeof *a->categories);
	strvec_init(&a->categories[0]);
	strvec_push(&a->categories[0], "新媒体");
	strvec_push(&a->categories[0], hash % 2 ? "快讯" : "深度");
	strvec_init(&a->tags);
	strvec_push(&a->tags, "疫情");
	a->comments = -1;
	a->published = 1;
	a->format = ARTICLE_MARKDOWN;
	a->body = xstrdup("");
	a->more = -1;
	a->encoding = "UTF-8";
	a->size = 100;
	a->mtime_ns = date * 1000000000;
	a->hash = hash;
	return a;
}

static int64_t
count(struct collection *c, const struct collection_view *v)
{
	struct error err = ERROR_INIT;
	int64_t n = collection_count(c, v, &err);

	if (n < 0)
		tap_diag("count: %s", err.msg);
	error_release(&err);
	return n;
}

int
main(void)
{
	char dir[] = "/tmp/nr-bulk.XXXXXX", *db, *root;
	struct error err = ERROR_INIT;
	struct collection *c;
	struct collection_view all = { 0 }, unread = { .unread = true };
	int64_t n;
	int put = 0;

	if (!mkdtemp(dir))
		{ tap_diag("%s", "mkdtemp"); return 1; }
	db = xasprintf("%s/nr.db", dir);
	root = xasprintf("%s/news", dir);
	if (!(c = collection_open(db, &err)))
		{ tap_diag("%s", err.msg); return 1; }
	if (collection_source_add(c, root, false, false, &err) < 0)
		{ tap_diag("%s", err.msg); return 1; }
	if (collection_begin(c, &err) < 0)
		{ tap_diag("%s", err.msg); return 1; }
	for (int i = 0; i < BULK_N; i++) {
		char *path = xasprintf("%s/%05d.md", root, i);
		struct article *a = mk(path, 1600000000 + i, 1000 + (uint64_t)i);

		put += collection_put(c, a, "正文 疫情 火车站", 22, 0, &err) > 0;
		article_free(a);
		free(path);
	}
	is_int(collection_commit(c, &err), 0, "the articles are stored");
	is_int(put, BULK_N, "every one of them");
	is_int(count(c, &unread), BULK_N, "all unread");

	n = collection_mark_view(c, &all, true, &err);
	is_int(n, BULK_N, "a view of all of them marked read at once");
	if (n < 0)
		tap_diag("%s", err.msg);
	is_int(count(c, &unread), 0, "none is unread");

	/* Inside a transaction, as a batch of changes is made. */
	if (collection_begin(c, &err) < 0)
		{ tap_diag("%s", err.msg); return 1; }
	n = collection_mark_view(c, &all, false, &err);
	is_int(n, BULK_N, "marked unread inside a transaction");
	if (n < 0)
		tap_diag("%s", err.msg);
	is_int(collection_commit(c, &err), 0, "and committed");
	is_int(count(c, &unread), BULK_N, "all unread again");

	n = collection_source_forget(c, root, &err);
	is_int(n, BULK_N, "a source of them all forgotten");
	if (n < 0)
		tap_diag("%s", err.msg);
	is_int(count(c, &all), 0, "nothing is left");
	is_int(collection_check(c, &err), 0, "the collection checks out");
	if (err.msg)
		tap_diag("%s", err.msg);

	collection_free(c);
	error_release(&err);
	{
		const char *sfx[] = { "", "-wal", "-shm", "-fts0", "-fts0-wal",
		    "-fts0-shm", "-fts1", "-fts1-wal", "-fts1-shm", "-lock" };

		for (size_t i = 0; i < sizeof sfx / sizeof *sfx; i++) {
			char *p = xasprintf("%s%s", db, sfx[i]);

			unlink(p);
			free(p);
		}
	}
	rmdir(dir);
	free(db);
	free(root);
	return tap_done();
}
