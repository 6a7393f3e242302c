/*
 * cli-list: the --list mode; see cli-list.h.
 *
 * Files are read as the walk hands them out (front matter only, through
 * article_load_meta), each formatted at once into its output line; only
 * (date, path, line) is kept per article until the sort, so a listing of
 * 100k articles holds 100k short lines, not 100k articles.
 */
#include "config.h"
#include "cli-list.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "article.h"
#include "buf.h"
#include "cli.h"
#include "date.h"
#include "json.h"
#include "report.h"
#include "utf8.h"
#include "walk.h"
#include "xmalloc.h"

static void
add_field(struct buf *out, const char *s)
{
	utf8_scrub(out, s, strlen(s), UTF8_SCRUB_ONELINE);
}

void
cli_list_text(struct buf *out, const struct article *a)
{
	char date[DATE_LOCAL_SIZE];
	char *cat = article_category_path(a, "/");

	date_format_local(date, a->date);
	buf_adds(out, date);
	buf_addc(out, '\t');
	add_field(out, cat);
	buf_addc(out, '\t');
	add_field(out, a->title);
	buf_addc(out, '\t');
	add_field(out, a->path);
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

/* --- the listing --- */

struct entry {
	int64_t date;		/* UTC seconds */
	char *path;		/* owned */
	char *line;		/* the output line with its newline; owned */
	size_t len;
};

struct listing {
	bool json;
	const struct reporter *rep;
	struct entry *v;
	size_t nr, alloc;
	bool operand;		/* the file being read is an operand */
	int status;		/* CLI_OK or CLI_ERROR */
};

static int
add_file(void *ctx, const char *path, const struct stat *st)
{
	struct listing *l = ctx;
	struct error err = ERROR_INIT;
	struct article *a;
	struct buf line = BUF_INIT;
	struct entry *e;

	(void)st;
	if ((a = article_load_meta(path, &err)) == NULL) {
		l->rep->fn(l->rep->ctx, path, 0, err.msg);
		error_release(&err);
		if (l->operand)
			l->status = CLI_ERROR;
		return 0;
	}
	report_warnings(l->rep, path, &a->warnings);
	if (l->json)
		cli_list_json(&line, a);
	else
		cli_list_text(&line, a);
	buf_addc(&line, '\n');
	ALLOC_GROW(l->v, l->nr + 1, l->alloc);
	e = &l->v[l->nr++];
	e->date = a->date;
	e->path = a->path;
	a->path = NULL;
	e->line = buf_detach(&line, &e->len);
	article_free(a);
	return 0;
}

/* Newest first; ties by path, so the output is stable. */
static int
entry_cmp(const void *x, const void *y)
{
	const struct entry *a = x, *b = y;

	if (a->date != b->date)
		return a->date > b->date ? -1 : 1;
	return strcmp(a->path, b->path);
}

int
cli_list(char **paths, int npaths, bool json)
{
	static const struct reporter rep = { report_to_stderr, NULL };
	struct listing l = { json, &rep, NULL, 0, 0, false, CLI_OK };
	struct walk w;
	struct stat st;

	walk_init(&w, add_file, &l, &rep);
	for (int i = 0; i < npaths; i++) {
		l.operand = stat(paths[i], &st) == 0 && !S_ISDIR(st.st_mode);
		if (walk_path(&w, paths[i]) != 0)
			l.status = CLI_ERROR;
	}
	walk_release(&w);
	qsort(l.v, l.nr, sizeof *l.v, entry_cmp);
	for (size_t i = 0; i < l.nr; i++) {
		fwrite(l.v[i].line, 1, l.v[i].len, stdout);
		free(l.v[i].line);
		free(l.v[i].path);
	}
	free(l.v);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "newsreader: cannot write the listing: %s\n",
		    strerror(errno));
		return CLI_ERROR;
	}
	return l.status;
}
