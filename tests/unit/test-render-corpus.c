/* SPDX-License-Identifier: MIT */
/*
 * test-render-corpus: properties of the rendering over every real post
 * in $NR_CORPUS (and the samples in data/), at every width from 10 to
 * 100 (under valgrind, NR_VALGRIND set: widths 10, 17, 40 and 100).
 *
 * At each width, for each article:
 *   - no line is wider than W cells;
 *   - no line starts with closing punctuation or ends with opening
 *     punctuation (breaks.h's classes), and no line splits —— or ……;
 *   - no character is lost: the text libxml2 gives for the body (its own
 *     parse, here, of the HTML or of md4c's HTML for Markdown; without
 *     the elements the renderer drops by design: script, style, noscript,
 *     template, svg, head, and the content of iframe, video, audio,
 *     embed and object, which become placeholders) equals the lines'
 *     cells concatenated, once we allow for what rendering does on
 *     purpose:
 *       white space (ASCII, U+2028, U+2029) is compared as absent, since
 *       it collapses as CSS says and hangs at breaks;
 *       generated cells (link numbers, placeholder brackets, markers,
 *       the indent: DOCUMENT_STYLE_GEN) and image alt text (IMAGE, it is
 *       an attribute) are left out;
 *       a table too wide for a grid shows its header row as the label of
 *       each value (DOCUMENT_STYLE_LABEL): the header is read from the
 *       labels, each character once, in text order, before the values;
 *       terminal controls and escape sequences are scrubbed from the
 *       reference as the renderer scrubs them (from the source before
 *       parsing, and again in layout), and a character with
 *       wcwidth() < 0 is compared as the U+FFFD layout draws.
 *     Everything else must match exactly, character for character.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "article.h"
#include "breaks.h"
#include "buf.h"
#include "document.h"
#include "layout.h"
#include "markdown.h"
#include "report.h"
#include "tap.h"
#include "utf8.h"
#include "walk.h"
#include "xmalloc.h"

static const char *const dropped[] = {
	"script", "style", "noscript", "template", "svg", "head", "title",
	"iframe", "video", "audio", "embed", "object",
};

static bool
is_dropped(const xmlNode *n)
{
	for (size_t i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
		if (strcmp((const char *)n->name, dropped[i]) == 0)
			return true;
	return false;
}

static bool
is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' ||
	    cp == '\f' || cp == 0x2028 || cp == 0x2029;
}

/* Append s's characters as compared: no white space, U+FFFD for what
 * wcwidth() cannot draw, zero-width characters kept. */
static void
add_compared(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		i += n < 0 ? 1 : (size_t)n;
		if (is_space(cp))
			continue;
		if (wcwidth((wchar_t)cp) < 0)
			cp = UTF8_REPLACEMENT;
		utf8_add(out, cp);
	}
}

/* The reference: libxml2's text of the body, scrubbed, as compared. */
static void
reference_text(const struct article *a, struct buf *out)
{
	struct buf html = BUF_INIT, raw = BUF_INIT, clean = BUF_INIT;
	htmlDocPtr tree;
	xmlNode *root, *n;

	/* the renderer scrubs the source before parsing it, so that a whole
	 * escape sequence goes (libxml2 would keep the "[31m" after ESC) */
	utf8_scrub(&clean, a->body, a->body_len, 0);
	if (a->format == ARTICLE_MARKDOWN)
		markdown_to_html(clean.buf, clean.len, &html);
	else
		buf_addbuf(&html, &clean);
	buf_reset(&clean);
	tree = htmlReadMemory(html.buf, (int)html.len, NULL, "UTF-8",
	    HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
	root = tree ? xmlDocGetRootElement(tree) : NULL;
	for (n = root; n;) {
		if (n->type == XML_ELEMENT_NODE && n->children && !is_dropped(n)) {
			n = n->children;
			continue;
		}
		if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
		    && n->content)
			buf_adds(&raw, (const char *)n->content);
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	utf8_scrub(&clean, raw.buf, raw.len, 0);
	add_compared(out, clean.buf, clean.len);
	if (tree)
		xmlFreeDoc(tree);
	buf_release(&html);
	buf_release(&raw);
	buf_release(&clean);
}

struct run {
	struct layout *lay;
	const unsigned *widths;
	size_t nwidths;
	size_t files, lines;
	int failures;		/* reported articles */
	int text_diffs;		/* document_article_text() not document_text() */
};

static uint32_t
cell_cp(const struct layout_cell *c)
{
	uint32_t cp;
	utf8_decode(c->s, c->len, &cp);
	return cp;
}

/* A table's labels, by position, to read its header row from. */
struct labels {
	struct label {
		uint32_t pos;
		const struct layout_cell *cell;
	} *v;
	size_t nr, alloc;
};

static int
label_cmp(const void *a, const void *b)
{
	const struct label *x = a, *y = b;
	return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/*
 * Did layout break the line between text positions a (the end of one
 * line's last cell) and b (the next line's first)? Only then do the
 * punctuation rules apply: not at a hard break, not between table cells,
 * and not where the source itself starts or ends with the punctuation.
 */
static bool
soft_break(const struct document_block *b, uint32_t a, uint32_t bpos)
{
	if (a == LAYOUT_NO_POS || bpos == LAYOUT_NO_POS || a > bpos)
		return false;
	for (uint32_t k = a; k < bpos; k++)
		if (b->text.buf[k] != ' ')
			return false;
	if (b->table)
		for (size_t c = 0; c < b->table->nrows * b->table->ncols; c++) {
			const struct document_cell *x = &b->table->cells[c];
			if (a >= x->start && a <= x->end)
				return bpos >= x->start && bpos < x->end;
		}
	return true;
}

/* The text position just past a line's last text cell, and the first. */
static uint32_t
line_end_pos(const struct layout_line *ln)
{
	for (size_t c = ln->ncells; c-- > 0;)
		if (ln->cells[c].pos != LAYOUT_NO_POS &&
		    !(ln->cells[c].style & DOCUMENT_STYLE_LABEL)) {
			uint32_t cp;
			int n = utf8_decode(ln->cells[c].s, ln->cells[c].len, &cp);
			return ln->cells[c].pos + (uint32_t)(n < 0 ? 1 : n);
		}
	return LAYOUT_NO_POS;
}

static uint32_t
line_start_pos(const struct layout_line *ln)
{
	for (size_t c = 0; c < ln->ncells; c++)
		if (ln->cells[c].pos != LAYOUT_NO_POS &&
		    !(ln->cells[c].style & DOCUMENT_STYLE_LABEL))
			return ln->cells[c].pos;
	return LAYOUT_NO_POS;
}

/* Check one laid-out block's lines; append its compared text to out.
 * Returns the problems found (each reported once through diag). */
static int
check_lines(const struct document_block *b, const struct layout_block *lb,
    unsigned w, const char *path, size_t bi, struct buf *out)
{
	struct labels lab = { NULL, 0, 0 };
	struct buf text = BUF_INIT;
	int bad = 0;

	for (size_t i = 0; i < lb->nlines; i++) {
		const struct layout_line *ln = &lb->lines[i];
		const struct layout_cell *first = NULL, *last = NULL, *prev = NULL;

		if (ln->width > w && bad++ == 0)
			tap_diag("%s: block %zu line %zu is %u wide at %u",
			    path, bi, i, ln->width, w);
		for (size_t c = 0; c < ln->ncells; c++) {
			const struct layout_cell *cell = &ln->cells[c];

			if (cell->pos != LAYOUT_NO_POS) {
				if (!first)
					first = cell;
				if (cell_cp(cell) != ' ')
					last = cell;
			}
			if (cell->style & DOCUMENT_STYLE_LABEL) {
				ALLOC_GROW(lab.v, lab.nr + 1, lab.alloc);
				lab.v[lab.nr].pos = cell->pos;
				lab.v[lab.nr++].cell = cell;
			} else if (!(cell->style & (DOCUMENT_STYLE_GEN |
			    DOCUMENT_STYLE_IMAGE))) {
				add_compared(&text, cell->s, cell->len);
			}
			prev = cell;
		}
		if (first && i > 0 && breaks_is_closing(cell_cp(first)) &&
		    soft_break(b, line_end_pos(&lb->lines[i - 1]),
		    line_start_pos(ln)) && bad++ == 0)
			tap_diag("%s: block %zu line %zu at %u starts with "
			    "closing punctuation", path, bi, i, w);
		if (last && i + 1 < lb->nlines &&
		    breaks_is_opening(cell_cp(last)) && soft_break(b,
		    line_end_pos(ln), line_start_pos(&lb->lines[i + 1])) &&
		    bad++ == 0)
			tap_diag("%s: block %zu line %zu at %u ends with "
			    "opening punctuation", path, bi, i, w);
		if (prev && i + 1 < lb->nlines && lb->lines[i + 1].ncells) {
			uint32_t x = cell_cp(prev);
			uint32_t y = cell_cp(&lb->lines[i + 1].cells[0]);
			if (x == y && (x == 0x2014 || x == 0x2026) && bad++ == 0)
				tap_diag("%s: block %zu line %zu at %u splits "
				    "a pair", path, bi, i, w);
		}
	}
	/* the header row, once, from the labels */
	if (lab.nr)
		qsort(lab.v, lab.nr, sizeof *lab.v, label_cmp);
	for (size_t i = 0; i < lab.nr; i++)
		if (i == 0 || lab.v[i].pos != lab.v[i - 1].pos)
			add_compared(out, lab.v[i].cell->s, lab.v[i].cell->len);
	buf_addbuf(out, &text);
	buf_release(&text);
	free(lab.v);
	return bad;
}

/* The first difference between two compared texts, for the diagnostic. */
static void
show_difference(const char *path, unsigned w, const struct buf *want,
    const struct buf *got)
{
	size_t i = 0;

	while (i < want->len && i < got->len && want->buf[i] == got->buf[i])
		i++;
	while (i > 0 && ((unsigned char)want->buf[i] & 0xC0) == 0x80)
		i--;
	tap_diag("%s at %u: text differs at byte %zu of %zu/%zu", path, w, i,
	    want->len, got->len);
	tap_diag("  libxml2: %.60s", want->buf + i);
	tap_diag("  lines:   %.60s", got->buf + i);
}

static int
check_article(void *ctx, const char *path, const struct stat *st)
{
	struct run *r = ctx;
	struct error err = ERROR_INIT;
	struct article *a = article_load(path, &err);
	struct document *d;
	struct buf want = BUF_INIT, got = BUF_INIT;
	int bad = 0;

	(void)st;
	if (!a) {
		tap_diag("%s: %s", path, err.msg);
		error_release(&err);
		return 0;
	}
	r->files++;
	d = document_from_article(a);
	/* The index's text is the reader's. */
	document_text(d, &want);
	document_article_text(a, &got, NULL);
	if (got.len != want.len || memcmp(got.buf, want.buf, got.len) != 0) {
		tap_diag("%s: document_article_text() differs", path);
		r->text_diffs++;
	}
	buf_reset(&want);
	buf_reset(&got);
	reference_text(a, &want);
	for (size_t k = 0; k < r->nwidths && !bad; k++) {
		unsigned w = r->widths[k];
		unsigned flags = d->lang == DOCUMENT_LANG_ZH ? LAYOUT_INDENT : 0;

		buf_reset(&got);
		for (size_t i = 0; i < d->nblocks && !bad; i++) {
			struct layout_block *lb = layout_block(r->lay, d, i, w,
			    flags);
			r->lines += lb->nlines;
			bad += check_lines(&d->blocks[i], lb, w, path, i, &got);
			layout_block_free(lb);
		}
		if (!bad && (got.len != want.len ||
		    memcmp(got.buf, want.buf, got.len) != 0)) {
			show_difference(path, w, &want, &got);
			bad++;
		}
	}
	if (bad)
		r->failures++;
	buf_release(&want);
	buf_release(&got);
	document_free(d);
	article_free(a);
	return 0;
}

static void
run_dir(struct run *r, const char *dir, const char *name)
{
	struct reporter rep = { .fn = report_to_stderr };
	struct walk w;
	size_t files = r->files;
	int failures = r->failures, text_diffs = r->text_diffs;

	walk_init(&w, check_article, r, &rep);
	walk_path(&w, dir);
	walk_release(&w);
	ok(r->files > files, "%s: %zu articles read", name, r->files - files);
	is_int(r->failures - failures, 0, "%s: every line of every article, "
	    "at every width, keeps the rules and loses nothing", name);
	is_int(r->text_diffs - text_diffs, 0, "%s: the text indexed is the "
	    "text read, for every article", name);
}

int
main(void)
{
	static const unsigned valgrind_widths[] = { 10, 17, 40, 100 };
	unsigned all[91];
	const char *corpus = getenv("NR_CORPUS");
	const char *top = getenv("top_srcdir");
	struct run r = { NULL, all, 91, 0, 0, 0, 0 };
	char *data;

	setlocale(LC_ALL, "C.UTF-8");
	for (unsigned i = 0; i < 91; i++)
		all[i] = 10 + i;
	if (getenv("NR_VALGRIND")) {
		r.widths = valgrind_widths;
		r.nwidths = 4;
		tap_diag("NR_VALGRIND is set: widths 10, 17, 40 and 100 only");
	} else {
		tap_diag("widths 10 to 100");
	}
	xmlInitParser();
	r.lay = layout_new(true);
	data = xasprintf("%s/data", top ? top : NR_BUILD_SRCDIR);
	run_dir(&r, data, "data/");
	free(data);
	if (corpus && *corpus && access(corpus, R_OK) == 0)
		run_dir(&r, corpus, "the real corpus");
	else
		tap_skip("no corpus at NR_CORPUS (%s)", corpus ? corpus : "unset");
	tap_diag("%zu articles, %zu lines checked", r.files, r.lines);
	layout_free(r.lay);
	xmlCleanupParser();
	return tap_done();
}
