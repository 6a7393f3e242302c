/* SPDX-License-Identifier: MIT */
/*
 * cli-dump: print a page (page.h) on stdout, as text or as JSON.
 *
 * The text form is the page's lines, cell by cell; on a terminal each
 * change of style becomes an SGR sequence built from the table below
 * (never from the article: cells are scrubbed by layout). The JSON form
 * is one object: the article's fields as --list --json gives them, then
 * the width, the link list and the lines as plain strings.
 */
#include "config.h"
#include "cli-dump.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "cli-collection.h"
#include "cli-list.h"
#include "cli.h"
#include "collection.h"
#include "document.h"
#include "json.h"
#include "page.h"
#include "report.h"

/* Style bits -> SGR parameters, applied in this order. */
static const struct {
	uint16_t style;
	const char *sgr;
} sgr_table[] = {
	{ DOCUMENT_STYLE_BOLD | DOCUMENT_STYLE_HEADING | DOCUMENT_STYLE_TITLE |
	    DOCUMENT_STYLE_LABEL, "1" },
	{ DOCUMENT_STYLE_DIM | DOCUMENT_STYLE_LINKNUM, "2" },
	{ DOCUMENT_STYLE_ITALIC | DOCUMENT_STYLE_QUOTE, "3" },
	{ DOCUMENT_STYLE_LINK, "4" },
	{ DOCUMENT_STYLE_STRIKE, "9" },
	{ DOCUMENT_STYLE_CODE, "36" },
	{ DOCUMENT_STYLE_IMAGE, "35" },
};

static void
add_sgr(struct buf *out, uint16_t style)
{
	buf_adds(out, "\033[0");
	for (size_t i = 0; i < sizeof sgr_table / sizeof sgr_table[0]; i++)
		if (style & sgr_table[i].style)
			buf_addf(out, ";%s", sgr_table[i].sgr);
	buf_addc(out, 'm');
}

/* Append a line's cells; with styles, SGR at each change. */
static void
add_line(struct buf *out, const struct layout_line *ln, bool styles)
{
	uint16_t cur = 0;

	for (size_t i = 0; i < ln->ncells; i++) {
		const struct layout_cell *c = &ln->cells[i];
		uint16_t st = c->style & (uint16_t)~DOCUMENT_STYLE_GEN;

		if (styles && st != cur) {
			add_sgr(out, st);
			cur = st;
		}
		/* buf_add(), without a call per cell */
		if (out->alloc - out->len <= c->len)
			buf_grow(out, 4096);
		memcpy(out->buf + out->len, c->s, c->len);
		out->len += c->len;
	}
	out->buf[out->len] = '\0';
	if (styles && cur)
		buf_adds(out, "\033[0m");
}

static const char *const link_kinds[] = {
	[DOCUMENT_LINK_A] = "link",
	[DOCUMENT_LINK_IMAGE] = "image",
	[DOCUMENT_LINK_MEDIA] = "media",
	[DOCUMENT_LINK_HEADIMG] = "headimg",
};

static void
add_json(struct buf *out, const struct article *a, struct page *p,
    unsigned w)
{
	struct buf line = BUF_INIT;

	buf_addc(out, '{');
	cli_list_json_members(out, a);
	json_key(out, "width");
	json_add_int(out, w);
	json_key(out, "links");
	buf_addc(out, '[');
	for (size_t i = 0; i < page_nlinks(p); i++) {
		const struct document_link *l = page_link_nth(p, i);

		json_sep(out);
		buf_addc(out, '{');
		json_key(out, "number");
		json_add_int(out, l->number);
		json_key(out, "kind");
		json_add_str(out, link_kinds[l->kind]);
		json_key(out, "url");
		json_add_str(out, l->url);
		buf_addc(out, '}');
	}
	buf_addc(out, ']');
	json_key(out, "lines");
	buf_addc(out, '[');
	for (size_t b = 0; b < page_nblocks(p); b++) {
		const struct layout_block *lb = page_block(p, w, b);

		for (size_t i = 0; i < lb->nlines; i++) {
			buf_reset(&line);
			add_line(&line, &lb->lines[i], false);
			json_sep(out);
			json_add_string(out, line.buf, line.len);
		}
		page_trim(p, w, b + 1, b + 1);
	}
	buf_adds(out, "]}\n");
	buf_release(&line);
}

/* Blocks laid out together before they are printed: at most this many,
 * and no more once their text reaches DUMP_CHUNK_BYTES (a block's cells
 * take some 36 bytes a column, eight columns for a preformatted tab). */
#define DUMP_CHUNK 512
#define DUMP_CHUNK_BYTES (64u << 10)

/* The end of the chunk of p's blocks that starts at first (n: the end). */
static size_t
chunk_end(struct page *p, size_t first, size_t n)
{
	size_t end = first, bytes = 0;

	while (end < n && end - first < DUMP_CHUNK && bytes < DUMP_CHUNK_BYTES)
		bytes += page_block_text_len(p, end++);
	return end;
}

/* Threads for laying out a: one per CPU (at most 4), for a big body
 * only; a small one is done before a thread would start. */
static unsigned
threads(const struct article *a)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	if (a->body_len < (128u << 10) || n < 2)
		return 1;
	return n > 4 ? 4 : (unsigned)n;
}

unsigned
cli_dump_default_width(unsigned measure)
{
	struct winsize ws;
	unsigned w = 80;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		w = ws.ws_col;
	return measure && w > measure ? measure : w;
}

int
cli_dump_article(FILE *out, const struct article *a,
    const struct cli_dump_opts *o)
{
	struct reporter rep = { .fn = report_to_stderr };
	struct page *p = page_new(a, &o->page);
	struct buf b = BUF_INIT;
	unsigned w = o->width ? o->width : 80;
	int ret = CLI_OK;

	/* the article's own were reported when it was read */
	report_warnings(&rep, a->path, page_warnings(p));
	if (o->json) {
		add_json(&b, a, p, w);
	} else {
		size_t n = page_nblocks(p);
		unsigned nt = threads(a);
		size_t end = chunk_end(p, 0, n);
		struct page_job *job = page_prepare_start(p, w, 0, end, nt);

		/*
		 * A chunk of blocks at a time, laid out by all CPUs, printed
		 * and let go, so memory stays small on a huge article. While
		 * this thread prints a chunk, the helpers lay out the next.
		 */
		for (size_t first = 0; first < n; first = end) {
			size_t next_end;

			end = chunk_end(p, first, n);
			next_end = chunk_end(p, end, n);
			page_prepare_finish(p, job);
			job = end < n ? page_prepare_start(p, w, end, next_end, nt) :
			    NULL;
			for (size_t i = first; i < end; i++) {
				const struct layout_block *lb = page_block(p, w, i);

				for (size_t k = 0; k < lb->nlines; k++) {
					add_line(&b, &lb->lines[k], o->styles > 0);
					buf_addc(&b, '\n');
				}
			}
			page_trim(p, w, end, end);
			if (fwrite(b.buf, 1, b.len, out) != b.len)
				ret = CLI_ERROR;
			buf_reset(&b);
		}
		if (job)	/* no blocks at all */
			page_prepare_finish(p, job);
	}
	if (fwrite(b.buf, 1, b.len, out) != b.len)
		ret = CLI_ERROR;
	buf_release(&b);
	page_free(p);
	return ret;
}

/* An id: digits only, as --list --json prints them. */
static bool
is_id(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/*
 * The article an operand names: the file at that path, or else, for an
 * id, the collection's article of that id, read from its file. *c is the
 * collection, opened on first need (the caller frees it).
 */
static struct article *
load_operand(const char *arg, const struct cli_dump_opts *o,
    struct collection **c, struct error *err)
{
	struct collection_item item = { 0, false, false, 0, NULL };
	struct article *a = NULL;
	struct stat st;
	int r;

	if (stat(arg, &st) == 0 || !is_id(arg))
		return article_load(arg, err);
	if (!*c) {
		char *db = cli_collection_db_path(o->db, err);

		if (!db)
			return NULL;
		if (access(db, F_OK) != 0) {
			error_set(err, "no such file, nor a collection at %s to "
			    "look the id up in", db);
			free(db);
			return NULL;
		}
		*c = collection_open(db, err);
		free(db);
		if (!*c)
			return NULL;
	}
	r = collection_get(*c, strtoll(arg, NULL, 10), &item, err);
	if (r == 0)
		error_set(err, "no such file, nor an article with that id");
	if (r <= 0)
		return NULL;
	a = article_load(item.article->path, err);
	collection_item_release(&item);
	return a;
}

int
cli_dump(char **args, int nargs, const struct cli_dump_opts *o)
{
	struct reporter rep = { .fn = report_to_stderr };
	struct cli_dump_opts opts = *o;
	struct collection *c = NULL;
	int ret = CLI_OK;

	if (opts.width == 0)
		opts.width = cli_dump_default_width(opts.measure);
	if (opts.styles < 0)
		opts.styles = isatty(STDOUT_FILENO);
	for (int i = 0; i < nargs; i++) {
		struct error err = ERROR_INIT;
		struct article *a = load_operand(args[i], &opts, &c, &err);

		if (!a) {
			struct buf msg = BUF_INIT;
			report_format(&msg, args[i], 0, err.msg ? err.msg :
			    "cannot read the article");
			fprintf(stderr, "%s\n", msg.buf);
			buf_release(&msg);
			error_release(&err);
			ret = CLI_ERROR;
			continue;
		}
		report_warnings(&rep, a->path, &a->warnings);
		if (i > 0 && !opts.json)
			putchar('\f'), putchar('\n');
		if (cli_dump_article(stdout, a, &opts) != CLI_OK)
			ret = CLI_ERROR;
		article_free(a);
	}
	if (fflush(stdout) != 0)
		ret = CLI_ERROR;
	collection_free(c);
	return ret;
}
