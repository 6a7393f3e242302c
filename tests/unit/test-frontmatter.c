/* SPDX-License-Identifier: MIT */
/* Tests for src/frontmatter.c: the split, the tree, recovery, limits. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "frontmatter.h"
#include "report.h"
#include "tap.h"

/* Parse text into fm (initialised here); warnings into w. */
static void
parse(struct frontmatter *fm, const char *text, struct warnings *w)
{
	frontmatter_init(fm);
	frontmatter_parse(fm, text, strlen(text), w);
}

static const char *
get(const struct frontmatter *fm, const char *key)
{
	const struct frontmatter_node *n = frontmatter_get(fm->map, key);
	return n && n->kind == FRONTMATTER_SCALAR ? n->text : NULL;
}

/* The warnings as "LINE: msg|LINE: msg". */
static const char *
warnings_text(const struct warnings *w, struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < w->nr; i++)
		buf_addf(b, "%s%d: %s", i ? "|" : "", w->v[i].line,
		    w->v[i].msg);
	return b->buf;
}

static void
test_split(void)
{
	struct frontmatter_split sp;
	const char *t;

	t = "\n\n---\ntitle: a\n---\nbody\n";
	frontmatter_split(t, strlen(t), &sp);
	is_int(sp.syntax, FRONTMATTER_YAML, "blank lines, then ---: YAML");
	is_int(sp.open_line, 3, "opened on line 3");
	is_int(sp.data_line, 4, "data from line 4");
	is_mem(t + sp.data_off, sp.data_len, "title: a\n", 9, "the data");
	is_str(t + sp.body_off, "body\n", "the body");
	is_int(sp.body_line, 6, "body from line 6");

	t = "----\na: 1\n---\nb: 2\n----\n";
	frontmatter_split(t, strlen(t), &sp);
	is_mem(t + sp.data_off, sp.data_len, "a: 1\n---\nb: 2\n", 14,
	    "only the same separator closes");

	t = ";;;\n\"a\": 1\n;;;\nbody";
	frontmatter_split(t, strlen(t), &sp);
	is_int(sp.syntax, FRONTMATTER_JSON, ";;; is JSON");
	is_str(t + sp.body_off, "body", "body after ;;;");

	t = "title: a\n---\nbody\n";
	frontmatter_split(t, strlen(t), &sp);
	ok(sp.closing_only && sp.syntax == FRONTMATTER_YAML,
	    "data then --- is a closing-only candidate");

	t = "---\ntitle: a\nbody\n";
	frontmatter_split(t, strlen(t), &sp);
	ok(sp.unterminated, "no closing separator: unterminated");

	t = "just text\n";
	frontmatter_split(t, strlen(t), &sp);
	is_int(sp.syntax, FRONTMATTER_NONE, "no separator: none");

	t = "---  \r\na: 1\r\n---\r\n";
	frontmatter_split(t, strlen(t), &sp);
	ok(!sp.unterminated && sp.syntax == FRONTMATTER_YAML,
	    "trailing blanks and CR after a separator");
}

static void
test_forms(void)
{
	struct frontmatter fm;
	struct warnings w = WARNINGS_INIT;
	struct buf b = BUF_INIT;
	const char *t;

	parse(&fm, "\n---\ntitle: 标题\ncomments: false\n---\n\n<div>x</div>\n", &w);
	is_str(get(&fm, "title"), "标题", "seed form: title");
	is_int(fm.body_line, 6, "seed form: body line");
	is_int(w.nr, 0, "seed form: no warnings");
	frontmatter_release(&fm);

	parse(&fm, "title: a\ndate: 2021-01-01\n---\nbody", &w);
	is_str(get(&fm, "title"), "a", "closing-only mapping is front matter");
	is_int(fm.body_off, 30, "and the body follows it");
	frontmatter_release(&fm);

	t = "Some text\n---\nmore text\n";
	parse(&fm, t, &w);
	ok(fm.map == NULL, "closing-only with a non-mapping: no front matter");
	is_int(fm.body_off, 0, "the whole text is the body");
	is_int(w.nr, 0, "silently (a Markdown rule)");
	frontmatter_release(&fm);

	parse(&fm, "a: [unclosed\n---\nbody\n", &w);
	ok(fm.map == NULL, "closing-only that fails to parse: body");
	is_int(w.nr, 0, "silently");
	frontmatter_release(&fm);

	parse(&fm, "\"title\": \"J\\u00e9son\",\n\"n\": [1, 2]\n;;;\nbody", &w);
	is_str(get(&fm, "title"), "Jéson", "closing-only JSON, with escapes");
	is_int(fm.syntax, FRONTMATTER_JSON, "JSON syntax");
	frontmatter_release(&fm);

	parse(&fm, ";;;\n\"title\":\"a\",\"t\":[\"x\",\"y\"]\n;;;\n", &w);
	is_str(get(&fm, "title"), "a", "JSON without spaces after ':'");
	is_int(frontmatter_get(fm.map, "t")->n, 2, "JSON array");
	frontmatter_release(&fm);

	parse(&fm, "---\ntitle: a\n\nbody without end\n", &w);
	ok(fm.map == NULL && fm.body_off == 0, "unterminated: all body");
	is_str(warnings_text(&w, &b), "1: front matter is never closed; the "
	    "whole file is read as the body", "with a warning on line 1");
	warnings_release(&w);
	frontmatter_release(&fm);

	parse(&fm, "---\n---\nbody\n", &w);
	ok(fm.map && fm.map->n == 0, "an empty block is empty front matter");
	is_int(fm.body_line, 3, "body after it");
	frontmatter_release(&fm);

	parse(&fm, "---\n- a\n- b\n---\nbody\n", &w);
	ok(fm.map == NULL, "a list is not front matter");
	is_int(w.nr, 1, "with a warning");
	warnings_release(&w);
	frontmatter_release(&fm);
	buf_release(&b);
}

static void
test_tree(void)
{
	struct frontmatter fm;
	struct warnings w = WARNINGS_INIT;
	const struct frontmatter_node *n;

	parse(&fm, "---\ntitle: '2015'\nyear: 2015\nq: \"x\"\nnil:\n"
	    "cats:\n  - [a, b]\n  - c\nm: {k: v}\nlit: |\n  one\n  two\n---\n",
	    &w);
	n = frontmatter_get(fm.map, "title");
	ok(n && n->quoted && n->line == 2, "quoted scalar, line 2");
	n = frontmatter_get(fm.map, "year");
	ok(n && !n->quoted && frontmatter_is_number(n), "plain number");
	ok(frontmatter_get(fm.map, "q")->quoted, "double-quoted");
	ok(frontmatter_is_null(frontmatter_get(fm.map, "nil")), "empty is null");
	ok(frontmatter_get(fm.map, "absent") == NULL, "absent key: NULL");
	n = frontmatter_get(fm.map, "cats");
	ok(n && n->kind == FRONTMATTER_SEQ && n->n == 2, "a list of two");
	ok(n && n->v[0]->kind == FRONTMATTER_SEQ && n->v[0]->n == 2 &&
	    strcmp(n->v[0]->v[1]->text, "b") == 0, "holding a list");
	is_int(n ? n->v[1]->line : 0, 8, "item line");
	n = frontmatter_get(fm.map, "m");
	ok(n && n->kind == FRONTMATTER_MAP &&
	    strcmp(frontmatter_get(n, "k")->text, "v") == 0, "flow mapping");
	n = frontmatter_get(fm.map, "lit");
	ok(n && n->quoted && strcmp(n->text, "one\ntwo\n") == 0,
	    "a block scalar is a quoted string");
	is_int(w.nr, 0, "no warnings");
	frontmatter_release(&fm);

	parse(&fm, "---\nbase: &b {x: 1}\nuse: *b\n---\n", &w);
	n = frontmatter_get(fm.map, "use");
	ok(n && n->kind == FRONTMATTER_MAP &&
	    strcmp(frontmatter_get(n, "x")->text, "1") == 0, "alias copied");
	frontmatter_release(&fm);

	parse(&fm, "---\ntitle: a\ntitle: b\n---\n", &w);
	is_str(get(&fm, "title"), "b", "duplicate key: the last wins");
	is_int(fm.map->n, 2, "and only it is kept");
	is_int(w.nr == 1 ? w.v[0].line : 0, 3, "warned on its line");
	warnings_release(&w);
	frontmatter_release(&fm);
}

static void
test_scalars(void)
{
	static const struct { const char *yaml; int isnull, b, num; } v[] = {
		{ "~", 1, -1, 0 }, { "null", 1, -1, 0 }, { "''", 0, -1, 0 },
		{ "true", 0, 1, 0 }, { "False", 0, 0, 0 }, { "yes", 0, -1, 0 },
		{ "'true'", 0, -1, 0 }, { "12", 0, -1, 1 }, { "-1.5e3", 0, -1, 1 },
		{ "012", 0, -1, 0 }, { "1.", 0, -1, 0 }, { "0x1F", 0, -1, 0 },
	};

	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		struct frontmatter fm;
		struct warnings w = WARNINGS_INIT;
		struct buf b = BUF_INIT;
		const struct frontmatter_node *n;

		buf_addf(&b, "---\nk: %s\n---\n", v[i].yaml);
		parse(&fm, b.buf, &w);
		n = frontmatter_get(fm.map, "k");
		is_int(frontmatter_is_null(n), v[i].isnull, "null? %s", v[i].yaml);
		is_int(frontmatter_bool(n), v[i].b, "bool? %s", v[i].yaml);
		is_int(frontmatter_is_number(n), v[i].num, "number? %s",
		    v[i].yaml);
		frontmatter_release(&fm);
		buf_release(&b);
	}
}

static void
test_recovery(void)
{
	struct frontmatter fm;
	struct warnings w = WARNINGS_INIT;
	struct buf b = BUF_INIT;
	const struct frontmatter_node *n;

	/* A broken key in the middle costs only itself. */
	parse(&fm, "\n---\ntitle: ok\ntags: [a, b\nauthor: me\n"
	    "categories:\n  - x\n  - y\n---\nbody\n", &w);
	is_str(get(&fm, "title"), "ok", "the key before the error is kept");
	is_str(get(&fm, "author"), "me", "and the one after it");
	n = frontmatter_get(fm.map, "categories");
	ok(n && n->kind == FRONTMATTER_SEQ && n->n == 2, "and a list after it");
	is_int(w.nr, 1, "one warning");
	is_int(w.nr ? w.v[0].line : 0, 4, "on the file's line of the error");
	ok(w.nr && strstr(w.v[0].msg, "'tags'"), "naming the key: %s",
	    warnings_text(&w, &b));
	ok(w.nr && strstr(w.v[0].msg, "plain text"),
	    "a one-line value is read as text");
	is_str(get(&fm, "tags"), "[a, b", "as it stands");
	is_str(fm.map ? "body\n" : "", "body\n", "the body is still found");
	warnings_release(&w);
	frontmatter_release(&fm);

	/* Titles real archives write. */
	parse(&fm, "---\ntitle: \"\"\"'x'\"\"\"\ndate: 2021-03-22\n---\n", &w);
	is_str(get(&fm, "title"), "\"\"\"'x'\"\"\"", "quote soup kept whole");
	is_str(get(&fm, "date"), "2021-03-22", "the next key parses");
	warnings_release(&w);
	frontmatter_release(&fm);

	parse(&fm, "---\ntitle: 'unclosed quote\ncategories:\n - a\n - b\n"
	    "img: 'x'\n---\n", &w);
	is_str(get(&fm, "title"), "unclosed quote",
	    "an unclosed quote is dropped");
	n = frontmatter_get(fm.map, "categories");
	ok(n && n->n == 2, "the list after it survives");
	is_int(w.nr ? w.v[0].line : 0, 2, "warned on the title's line");
	warnings_release(&w);
	frontmatter_release(&fm);

	/* Tabs in indentation are read as two spaces each. */
	parse(&fm, "---\ncategories:\n\t- a\n\t- b\ntitle: t\n---\n", &w);
	n = frontmatter_get(fm.map, "categories");
	ok(n && n->kind == FRONTMATTER_SEQ && n->n == 2, "tab-indented list");
	is_int(w.nr, 0, "tabs are tolerated silently");
	frontmatter_release(&fm);

	/* JSON errors keep what parsed. */
	parse(&fm, ";;;\n\"title\": \"a\",\n\"x\": [1,\n;;;\n", &w);
	is_str(get(&fm, "title"), "a", "JSON: the key before the error");
	ok(w.nr == 1 && strstr(w.v[0].msg, "invalid JSON"), "JSON warning: %s",
	    warnings_text(&w, &b));
	warnings_release(&w);
	frontmatter_release(&fm);
	buf_release(&b);
}

static void
test_limits(void)
{
	struct frontmatter fm;
	struct warnings w = WARNINGS_INIT;
	struct buf b = BUF_INIT, t = BUF_INIT;

	buf_adds(&t, "---\ntitle: deep\nx: ");
	for (int i = 0; i < 200; i++)
		buf_addc(&t, '[');
	buf_adds(&t, "\n---\n");
	parse(&fm, t.buf, &w);
	is_str(get(&fm, "title"), "deep", "deep nesting: the title survives");
	warnings_text(&w, &b);
	ok(w.nr == 1 && strstr(b.buf, "nesting deeper than 64"), "nesting is capped, one "
	    "warning: %s", b.buf);
	warnings_release(&w);
	frontmatter_release(&fm);

	buf_reset(&t);
	buf_adds(&t, "---\ntitle: lol\na: &a [x, x, x, x, x, x, x, x, x, x]\n");
	for (char c = 'b'; c <= 'j'; c++)
		buf_addf(&t, "%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, "
		    "*%c, *%c]\n", c, c, c - 1, c - 1, c - 1, c - 1, c - 1,
		    c - 1, c - 1, c - 1, c - 1, c - 1);
	buf_adds(&t, "---\nbody\n");
	parse(&fm, t.buf, &w);
	is_str(get(&fm, "title"), "lol", "billion laughs: the title survives");
	warnings_text(&w, &b);
	ok(w.nr == 1 && strstr(b.buf, "more than 20000 nodes") != NULL,
	    "alias expansion is capped, one warning: %s", b.buf);
	ok(fm.nodes <= FRONTMATTER_MAX_NODES + 1, "nodes made: %zu", fm.nodes);
	warnings_release(&w);
	frontmatter_release(&fm);

	/* A long string copied by aliases: FRONTMATTER_MAX_COPIED bytes may
	 * be copied, not one more (64 KiB, 16 copies: exactly 1 MiB). */
	for (int copies = 16; copies <= 17; copies++) {
		buf_reset(&t);
		buf_adds(&t, "---\ntitle: long\na: &a ");
		for (int i = 0; i < 65536; i++)
			buf_addc(&t, 'x');
		buf_adds(&t, "\nb: [");
		for (int i = 0; i < copies; i++)
			buf_adds(&t, i ? ", *a" : "*a");
		buf_adds(&t, "]\n---\nbody\n");
		parse(&fm, t.buf, &w);
		is_str(get(&fm, "title"), "long", "%d copies of 64 KiB: the title "
		    "survives", copies);
		warnings_text(&w, &b);
		if (copies == 16)
			is_int(w.nr, 0, "16 copies (1 MiB) are within the limit");
		else
			ok(w.nr == 1 && strstr(b.buf, "aliases copy more than 1024 "
			    "KiB of text"), "17 are past it, one warning: %s", b.buf);
		ok(fm.copied <= FRONTMATTER_MAX_COPIED, "copied: %zu", fm.copied);
		warnings_release(&w);
		frontmatter_release(&fm);
	}

	parse(&fm, "---\ntitle: t\nx: *nope\n---\n", &w);
	warnings_text(&w, &b);
	ok(strstr(b.buf, "undefined alias") != NULL, "undefined alias: %s",
	    b.buf);
	is_str(get(&fm, "title"), "t", "and the title survives");
	warnings_release(&w);
	frontmatter_release(&fm);
	buf_release(&b);
	buf_release(&t);
}

static void
test_parse_yaml(void)
{
	struct frontmatter fm;
	struct warnings w = WARNINGS_INIT;
	struct frontmatter_node *root;

	frontmatter_init(&fm);
	root = frontmatter_parse_yaml(&fm, "a: 1\nb: [\n", 10, 7, &w);
	ok(root && frontmatter_get(root, "a"), "parse_yaml keeps what parsed");
	ok(w.nr == 1 && w.v[0].line >= 8, "error line offset by first_line "
	    "(%d)", w.nr ? w.v[0].line : 0);
	warnings_release(&w);
	frontmatter_release(&fm);
}

int
main(void)
{
	test_split();
	test_forms();
	test_tree();
	test_scalars();
	test_recovery();
	test_limits();
	test_parse_yaml();
	return tap_done();
}
