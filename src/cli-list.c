/* SPDX-License-Identifier: MIT */
/*
 * cli-list: the line formats of --list; see cli-list.h.
 */
#include "config.h"
#include "cli-list.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "json.h"
#include "quote.h"
#include "utf8.h"
#include "xmalloc.h"

static void
add_field(struct buf *out, const char *s)
{
	utf8_scrub(out, s, strlen(s), UTF8_SCRUB_ONELINE);
}

void
cli_list_line(struct buf *out, int64_t date, const char *category,
    const char *title, const char *path)
{
	char local[DATE_LOCAL_SIZE];

	date_format_local(local, date);
	buf_add(out, local, DATE_LOCAL_SIZE - 1);
	buf_addc(out, '\t');
	quote_add(out, category, strlen(category));
	buf_addc(out, '\t');
	add_field(out, title);
	buf_addc(out, '\t');
	quote_add(out, path, strlen(path));
}

void
cli_list_text(struct buf *out, const struct article *a)
{
	char *cat = article_category_path(a, "/");

	cli_list_line(out, a->date, cat, a->title, a->path);
	free(cat);
}

static void
json_date(struct buf *out, const char *key, int64_t t)
{
	char iso[DATE_ISO_SIZE];

	json_key(out, key);
	if (t == ARTICLE_NO_DATE) {
		buf_adds(out, "null");
		return;
	}
	date_format_iso(iso, t);
	json_add_str(out, iso);
}

static void
json_strvec(struct buf *out, const struct strvec *sv)
{
	buf_addc(out, '[');
	for (size_t i = 0; i < sv->nr; i++) {
		json_sep(out);
		json_add_str(out, sv->v[i]);
	}
	buf_addc(out, ']');
}

static void
json_flag(struct buf *out, const char *key, int v)
{
	json_key(out, key);
	if (v < 0)
		buf_adds(out, "null");
	else
		json_add_bool(out, v);
}

void
cli_list_json_members(struct buf *out, const struct article *a)
{
	static const struct {
		const char *key;
		size_t field;
	} strings[] = {
		{ "author", offsetof(struct article, author) },
		{ "headimg", offsetof(struct article, headimg) },
		{ "thumbnail", offsetof(struct article, thumbnail) },
		{ "cover", offsetof(struct article, cover) },
		{ "excerpt", offsetof(struct article, excerpt) },
		{ "permalink", offsetof(struct article, permalink) },
		{ "lang", offsetof(struct article, lang) },
	};
	struct buf q = BUF_INIT;

	json_key(out, "title");
	json_add_str(out, a->title);
	json_date(out, "date", a->date);
	json_date(out, "updated", a->updated);
	json_key(out, "categories");
	buf_addc(out, '[');
	for (size_t i = 0; i < a->ncategories; i++) {
		json_sep(out);
		json_strvec(out, &a->categories[i]);
	}
	buf_addc(out, ']');
	json_key(out, "tags");
	json_strvec(out, &a->tags);
	for (size_t i = 0; i < sizeof strings / sizeof *strings; i++) {
		json_key(out, strings[i].key);
		json_add_str(out, *(char *const *)((const char *)a +
		    strings[i].field));
	}
	json_flag(out, "comments", a->comments);
	json_flag(out, "published", a->published);
	json_key(out, "path");
	json_add_str(out, a->path);
	if (utf8_valid_prefix(a->path, strlen(a->path)) < strlen(a->path)) {
		/* "path" had U+FFFD for its bad bytes: this names the file */
		json_key(out, "path_quoted");
		quote_add(&q, a->path, strlen(a->path));
		json_add_string(out, q.buf, q.len);
		buf_release(&q);
	}
	json_key(out, "format");
	json_add_str(out, a->format == ARTICLE_HTML ? "html" : "markdown");
	json_key(out, "extra");
	buf_adds(out, a->extra);	/* already JSON */
	json_key(out, "warnings");
	buf_addc(out, '[');
	for (size_t i = 0; i < a->warnings.nr; i++) {
		json_sep(out);
		buf_addc(out, '{');
		json_key(out, "line");
		json_add_int(out, a->warnings.v[i].line);
		json_key(out, "message");
		json_add_str(out, a->warnings.v[i].msg);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
}

void
cli_list_json(struct buf *out, const struct article *a)
{
	buf_addc(out, '{');
	cli_list_json_members(out, a);
	buf_addc(out, '}');
}
