/* SPDX-License-Identifier: MIT */
/*
 * article: one article file -> its metadata and body, with warnings.
 *
 * An article is what a file says once decoded and split: the front matter
 * mapped onto the fields below (with Hexo's meaning), and the body left as
 * text for the renderer. Every fault in the file becomes a warning on the
 * article, never a failure: a title falls back to the file name, a date to
 * the file's mtime, categories to none (listed as ARTICLE_UNCATEGORISED).
 * Only a file that is not text at all (NUL bytes), is too big, or cannot
 * be read is refused.
 */
#ifndef NR_ARTICLE_H
#define NR_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "report.h"
#include "strvec.h"

/* What an article without categories is listed under. */
#define ARTICLE_UNCATEGORISED "未分类"
/* Files larger than this are skipped with a warning. */
#define ARTICLE_MAX_SIZE (64u << 20)
/* An absent date. */
#define ARTICLE_NO_DATE INT64_MIN

enum article_format {
	ARTICLE_HTML,
	ARTICLE_MARKDOWN,
};

enum article_date_source {
	ARTICLE_DATE_FRONTMATTER,	/* the date key */
	ARTICLE_DATE_FILENAME,		/* a Jekyll YYYY-MM-DD-slug name */
	ARTICLE_DATE_MTIME,		/* the file's mtime (with a warning) */
};

struct article {
	char *path;		/* the path as given; owned */

	/* --- front matter --- */
	char *title;		/* never NULL; entities decoded */
	int64_t date;		/* UTC seconds; always set */
	enum article_date_source date_source;
	int64_t updated;	/* UTC seconds, or ARTICLE_NO_DATE */
	struct strvec *categories; /* ncategories paths, each root first */
	size_t ncategories;	/* 0: uncategorised */
	struct strvec tags;
	char *author;		/* these are NULL when absent */
	char *headimg;
	char *thumbnail;
	char *cover;
	char *excerpt;
	char *permalink;
	char *lang;
	int comments;		/* -1 absent, else 0 or 1 */
	int published;		/* -1 absent, else 0 or 1 */
	char *extra;		/* unknown keys as a JSON object; "{}" if none */

	/* --- body --- */
	enum article_format format;
	char *body;		/* UTF-8, LF line ends, NUL-terminated; owned;
			   NULL from article_load_meta() */
	size_t body_len;	/* bytes */
	int body_line;		/* the file's line on which the body starts */
	ssize_t more;		/* offset of "<!-- more -->" in body, or -1 */
	const char *encoding;	/* static: "UTF-8" or "GB18030" */

	/* --- the file --- */
	int64_t size;		/* bytes on disk */
	int64_t mtime_ns;	/* modification time, ns since the epoch */
	uint64_t hash;		/* of the file's bytes, to recognise a move */

	struct warnings warnings; /* in file order */
};

/*
 * Read and parse the file at path. Returns NULL when the file is refused
 * (unreadable, vanished, over ARTICLE_MAX_SIZE, or containing NUL bytes),
 * with err saying why; the caller reports that as a warning about path.
 * The caller frees the result with article_free().
 */
struct article *article_load(const char *path, struct error *err);

/*
 * As article_load(), but for listings: reads the file only as far as the
 * front matter and the start of the body (the whole file when it has no
 * closed front matter). Every field is set as article_load() sets it,
 * except that body is NULL, body_len 0, more -1 and hash 0, and faults
 * in the unread rest of the file (bad bytes, NUL bytes) go unnoticed.
 */
struct article *article_load_meta(const char *path, struct error *err);

/*
 * Parse an article held in memory (data need not be NUL-terminated).
 * mtime_ns stands in for the file's mtime. Returns NULL only when the data
 * is refused as article_load() would refuse it.
 */
struct article *article_parse(const char *path, const char *data, size_t len,
    int64_t mtime_ns, struct error *err);

void article_free(struct article *a);

/* The first category path joined with sep, or ARTICLE_UNCATEGORISED. */
char *article_category_path(const struct article *a, const char *sep);

#endif
