/* SPDX-License-Identifier: MIT */
/*
 * frontmatter: front matter split and YAML/JSON -> node tree; see
 * frontmatter.h.
 *
 * The tree is built from libyaml's event stream with an explicit stack
 * (struct builder): each open collection is a frame whose children wait
 * on one shared pointer stack until the collection ends, when they are
 * copied into the arena at their exact size. Aliases are resolved by
 * copying the anchored subtree; every node made counts against
 * FRONTMATTER_MAX_NODES, so an alias bomb stops early with a warning.
 *
 * Recovery: when a block-style YAML mapping fails to parse, the data is
 * cut at its top-level keys (lines that start in column 0) and each piece
 * is parsed alone, sharing the anchors and the node budget. A piece that
 * still fails costs only its own key, and if it was one line its value is
 * kept as plain text: scraped archives write titles such as
 * `title: """'abc'"""` that no YAML parser accepts.
 */
#include "config.h"
#include "frontmatter.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "buf.h"
#include "report.h"
#include "xmalloc.h"

#define MAX_ANCHORS 256

/* --- splitting --- */

/* Length of the line at s (up to end), without its LF. */
static size_t
line_len(const char *s, const char *end)
{
	const char *nl = memchr(s, '\n', (size_t)(end - s));
	return nl ? (size_t)(nl - s) : (size_t)(end - s);
}

/*
 * Is the line (len bytes) a separator: 3 or more '-' or ';' and nothing
 * but trailing blanks? Returns the run's length and sets *ch, else 0.
 */
static size_t
separator(const char *s, size_t len, char *ch)
{
	size_t n = 0;

	if (len < 3 || (s[0] != '-' && s[0] != ';'))
		return 0;
	while (n < len && s[n] == s[0])
		n++;
	if (n < 3)
		return 0;
	for (size_t i = n; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	*ch = s[0];
	return n;
}

static bool
blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* A blank line or a comment line. */
static bool
comment_or_blank(const char *s, size_t len)
{
	size_t i = 0;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i == len || s[i] == '#';
}

void
frontmatter_split(const char *text, size_t len, struct frontmatter_split *sp)
{
	const char *p = text, *end = text + len;
	int line = 1;
	size_t n = 0, seplen;	/* n: the length of the line at p */
	char ch;

	memset(sp, 0, sizeof *sp);
	sp->body_line = 1;
	/* Blank lines may come before an opening separator. */
	while (p < end && blank(p, n = line_len(p, end))) {
		p += n + (p + n < end);
		line++;
	}
	if (p < end && (seplen = separator(p, n, &ch)) != 0) {
		sp->syntax = ch == '-' ? FRONTMATTER_YAML : FRONTMATTER_JSON;
		sp->open_line = line;
		p += n + (p + n < end);
		sp->data_off = (size_t)(p - text);
		sp->data_line = ++line;
		for (; p < end; p += n + 1, line++) {
			char c2;

			n = line_len(p, end);
			if (separator(p, n, &c2) == seplen && c2 == ch) {
				sp->data_len = (size_t)(p - text) - sp->data_off;
				sp->body_off = (size_t)(p + n - text) +
				    (p + n < end);
				sp->body_line = line + 1;
				return;
			}
			if (p + n >= end)
				break;
		}
		sp->unterminated = true;
		return;
	}
	/* The closing-only form: data from the top, then a separator. */
	for (p = text, line = 1; p < end; p += n + 1, line++) {
		n = line_len(p, end);
		if (separator(p, n, &ch) && p > text) {
			sp->syntax = ch == '-' ? FRONTMATTER_YAML :
			    FRONTMATTER_JSON;
			sp->closing_only = true;
			sp->data_off = 0;
			sp->data_len = (size_t)(p - text);
			sp->data_line = 1;
			sp->body_off = (size_t)(p + n - text) + (p + n < end);
			sp->body_line = line + 1;
			return;
		}
		if (p + n >= end)
			break;
	}
}

/* --- the tree builder --- */

struct anchor {
	char *name;			/* owned */
	struct frontmatter_node *node;
};

/* Anchors outlive one builder: recovery parses pieces that share them. */
struct anchors {
	struct anchor v[MAX_ANCHORS];
	size_t nr;
};

struct frame {
	struct frontmatter_node *node;	/* the open collection */
	size_t base;			/* its first child in builder.kids */
	char *anchor;			/* registered when it closes; owned */
};

struct builder {
	struct frontmatter *fm;
	struct anchors *anchors;
	int line0;			/* file line of the data's first line */
	struct frame stack[FRONTMATTER_MAX_DEPTH];
	int depth;			/* open frames */
	struct frontmatter_node **kids;	/* children waiting for their parent */
	size_t nkids, kids_alloc;
	struct frontmatter_node *root;
	/* the first error */
	bool failed;
	bool limit;			/* failed on one of our caps */
	int err_line;			/* file line */
	int err_ctx_line;		/* file line of the error's context, or 0 */
	struct buf err;			/* the problem, for a warning */
};

static void __attribute__((format(printf, 3, 4)))
fail(struct builder *b, int line, const char *fmt, ...)
{
	va_list ap;

	if (b->failed)
		return;
	b->failed = true;
	b->err_line = line;
	va_start(ap, fmt);
	buf_vaddf(&b->err, fmt, ap);
	va_end(ap);
}

static struct frontmatter_node *
new_node(struct builder *b, enum frontmatter_kind kind, int line)
{
	struct frontmatter_node *n;

	if (b->fm->nodes >= FRONTMATTER_MAX_NODES) {
		b->limit = true;
		fail(b, line, "aliases expand to more than %d nodes",
		    FRONTMATTER_MAX_NODES);
		return NULL;
	}
	b->fm->nodes++;
	n = arena_alloc(&b->fm->arena, sizeof *n);
	n->kind = kind;
	n->line = line;
	n->quoted = false;
	n->text = "";
	n->len = 0;
	n->v = NULL;
	n->n = 0;
	return n;
}

/* A copy of n, nested at depth; NULL once the budget or depth runs out. */
static struct frontmatter_node *
copy_node(struct builder *b, const struct frontmatter_node *n, int depth)
{
	struct frontmatter_node *c;

	if (n->kind != FRONTMATTER_SCALAR && depth >= FRONTMATTER_MAX_DEPTH) {
		b->limit = true;
		fail(b, n->line, "nesting deeper than %d levels",
		    FRONTMATTER_MAX_DEPTH);
		return NULL;
	}
	if (n->len > FRONTMATTER_MAX_COPIED - b->fm->copied) {
		b->limit = true;
		fail(b, n->line, "aliases copy more than %u KiB of text",
		    FRONTMATTER_MAX_COPIED >> 10);
		return NULL;
	}
	if ((c = new_node(b, n->kind, n->line)) == NULL)
		return NULL;
	b->fm->copied += n->len;
	c->quoted = n->quoted;
	c->text = n->text;	/* strings are immutable: share them */
	c->len = n->len;
	if (n->n) {
		c->v = arena_alloc(&b->fm->arena, st_mult(n->n, sizeof *c->v));
		for (size_t i = 0; i < n->n; i++)
			if ((c->v[i] = copy_node(b, n->v[i], depth + 1)) == NULL)
				return NULL;
		c->n = n->n;
	}
	return c;
}

static void
register_anchor(struct builder *b, char *name, struct frontmatter_node *n,
    int line)
{
	struct anchors *a = b->anchors;

	/* A redefined anchor replaces the old one, as in YAML. */
	for (size_t i = 0; i < a->nr; i++) {
		if (strcmp(a->v[i].name, name) == 0) {
			free(a->v[i].name);
			a->v[i].name = name;
			a->v[i].node = n;
			return;
		}
	}
	if (a->nr == MAX_ANCHORS) {
		free(name);
		fail(b, line, "more than %d anchors", MAX_ANCHORS);
		return;
	}
	a->v[a->nr].name = name;
	a->v[a->nr].node = n;
	a->nr++;
}

static const struct frontmatter_node *
find_anchor(const struct builder *b, const char *name)
{
	for (size_t i = 0; i < b->anchors->nr; i++)
		if (strcmp(b->anchors->v[i].name, name) == 0)
			return b->anchors->v[i].node;
	return NULL;
}

/* Hand a finished node to the open collection, or make it the root. */
static void
add_node(struct builder *b, struct frontmatter_node *n)
{
	if (b->depth == 0) {
		if (b->root == NULL)
			b->root = n;
		return;
	}
	ALLOC_GROW(b->kids, b->nkids + 1, b->kids_alloc);
	b->kids[b->nkids++] = n;
}

static void
open_frame(struct builder *b, enum frontmatter_kind kind, int line,
    const yaml_char_t *anchor)
{
	struct frontmatter_node *n;
	struct frame *f;

	if (b->depth == FRONTMATTER_MAX_DEPTH) {
		b->limit = true;
		fail(b, line, "nesting deeper than %d levels",
		    FRONTMATTER_MAX_DEPTH);
		return;
	}
	if ((n = new_node(b, kind, line)) == NULL)
		return;
	f = &b->stack[b->depth++];
	f->node = n;
	f->base = b->nkids;
	f->anchor = anchor ? xstrdup((const char *)anchor) : NULL;
}

static void
close_frame(struct builder *b)
{
	struct frame *f = &b->stack[--b->depth];
	struct frontmatter_node *n = f->node;
	size_t nr = b->nkids - f->base;

	if (n->kind == FRONTMATTER_MAP && nr % 2)
		nr--;		/* a key without a value (after an error) */
	if (nr) {
		n->v = arena_alloc(&b->fm->arena, st_mult(nr, sizeof *n->v));
		memcpy(n->v, b->kids + f->base, nr * sizeof *n->v);
	}
	n->n = nr;
	b->nkids = f->base;
	if (f->anchor)
		register_anchor(b, f->anchor, n, n->line);
	add_node(b, n);
}

static void
on_scalar(struct builder *b, const yaml_event_t *ev, int line)
{
	struct frontmatter_node *n = new_node(b, FRONTMATTER_SCALAR, line);

	if (n == NULL)
		return;
	n->text = arena_strndup(&b->fm->arena,
	    (const char *)ev->data.scalar.value, ev->data.scalar.length);
	n->len = ev->data.scalar.length;
	n->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    (ev->data.scalar.tag != NULL && !ev->data.scalar.plain_implicit);
	if (ev->data.scalar.anchor)
		register_anchor(b, xstrdup((const char *)ev->data.scalar.anchor),
		    n, line);
	add_node(b, n);
}

static void
on_alias(struct builder *b, const yaml_event_t *ev, int line)
{
	const char *name = (const char *)ev->data.alias.anchor;
	const struct frontmatter_node *target = find_anchor(b, name);
	struct frontmatter_node *n;

	if (target == NULL) {
		fail(b, line, "undefined alias '*%s'", name);
		return;
	}
	if ((n = copy_node(b, target, b->depth)) != NULL)
		add_node(b, n);
}

/*
 * Parse one YAML document from data into b. Stops at the first error,
 * closing the open collections with what they hold so far.
 */
static void
build(struct builder *b, const char *data, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool done = false;

	yaml_parser_initialize(&parser);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && !b->failed) {
		int line;

		if (!yaml_parser_parse(&parser, &ev)) {
			const char *problem = parser.problem ? parser.problem :
			    "syntax error";

			b->failed = true;
			b->err_line = b->line0 + (int)parser.problem_mark.line;
			b->err_ctx_line = parser.context ?
			    b->line0 + (int)parser.context_mark.line : 0;
			if (parser.context)
				buf_addf(&b->err, "%s %s", problem,
				    parser.context);
			else
				buf_adds(&b->err, problem);
			break;
		}
		line = b->line0 + (int)ev.start_mark.line;
		switch (ev.type) {
		case YAML_SCALAR_EVENT:
			on_scalar(b, &ev, line);
			break;
		case YAML_ALIAS_EVENT:
			on_alias(b, &ev, line);
			break;
		case YAML_SEQUENCE_START_EVENT:
			open_frame(b, FRONTMATTER_SEQ, line,
			    ev.data.sequence_start.anchor);
			break;
		case YAML_MAPPING_START_EVENT:
			open_frame(b, FRONTMATTER_MAP, line,
			    ev.data.mapping_start.anchor);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (b->depth > 0)
				close_frame(b);
			break;
		case YAML_DOCUMENT_END_EVENT:	/* only the first document */
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	while (b->depth > 0)
		close_frame(b);
}

static void
builder_init(struct builder *b, struct frontmatter *fm,
    struct anchors *anchors, int line0)
{
	memset(b, 0, sizeof *b);
	b->fm = fm;
	b->anchors = anchors;
	b->line0 = line0;
	buf_init(&b->err, 0);
}

static void
builder_release(struct builder *b)
{
	for (int i = 0; i < b->depth; i++)
		free(b->stack[i].anchor);
	free(b->kids);
	buf_release(&b->err);
}

static void
anchors_release(struct anchors *a)
{
	for (size_t i = 0; i < a->nr; i++)
		free(a->v[i].name);
	a->nr = 0;
}

/* --- recovery --- */

/* A line that starts a top-level key of a block mapping. */
static bool
starts_entry(const char *s, size_t len)
{
	if (len == 0)
		return false;
	if (strchr(" \t-#", s[0]))
		return false;
	if (len >= 3 && (memcmp(s, "...", 3) == 0 || memcmp(s, "---", 3) == 0))
		return false;
	return true;
}

/* The key of a one-line entry "key: value", for messages and salvage. */
static size_t
entry_key(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] == ':' && (i + 1 == len || s[i + 1] == ' ' ||
		    s[i + 1] == '\t'))
			return i;
	return 0;
}

/*
 * The raw value of a broken one-line entry, as plain text: trimmed, with
 * an opening quote dropped when nothing closes it. NULL when empty.
 */
static struct frontmatter_node *
salvage(struct frontmatter *fm, const char *s, size_t len, int line)
{
	struct frontmatter_node *n;

	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
		len--;
	/* A quote that nothing closes is no part of the text. */
	if (len && (*s == '\'' || *s == '"') && memchr(s + 1, *s, len - 1) ==
	    NULL) {
		s++;
		len--;
	}
	if (len == 0 || fm->nodes >= FRONTMATTER_MAX_NODES)
		return NULL;
	fm->nodes++;
	n = arena_zalloc(&fm->arena, sizeof *n);
	n->kind = FRONTMATTER_SCALAR;
	n->line = line;
	n->quoted = true;
	n->text = arena_strndup(&fm->arena, s, len);
	n->len = len;
	return n;
}

struct pairs {
	struct frontmatter_node **v;
	size_t n, alloc;
};

static void
pairs_add(struct pairs *p, struct frontmatter_node *k,
    struct frontmatter_node *v)
{
	ALLOC_GROW(p->v, p->n + 2, p->alloc);
	p->v[p->n++] = k;
	p->v[p->n++] = v;
}

/*
 * Parse one top-level entry (lines [first, first + nlines) of data at s)
 * alone and add what it yields to out. Returns true when it parsed.
 */
static bool
recover_entry(struct frontmatter *fm, struct anchors *anchors,
    const char *s, size_t len, int line, int last_line, struct pairs *out,
    struct warnings *w)
{
	struct builder b;
	size_t first_len = line_len(s, s + len), klen, before;
	bool one_line = true, ok;
	const char *p;

	for (p = s + first_len + (first_len < len); p < s + len; ) {
		size_t n = line_len(p, s + len);
		if (!comment_or_blank(p, n))
			one_line = false;
		p += n + (p + n < s + len);
	}
	builder_init(&b, fm, anchors, line);
	build(&b, s, len);
	before = out->n;
	ok = !b.failed;
	if (b.root && b.root->kind == FRONTMATTER_MAP) {
		for (size_t i = 0; i + 1 < b.root->n; i += 2)
			pairs_add(out, b.root->v[i], b.root->v[i + 1]);
	} else if (ok && b.root && !frontmatter_is_null(b.root)) {
		warnings_add(w, line, "not a 'key: value' line; ignored");
	}
	if (!ok) {
		struct frontmatter_node *k = NULL, *v = NULL;
		int eline = b.err_line;

		if (eline > last_line)
			eline = b.err_ctx_line && b.err_ctx_line <= last_line ?
			    b.err_ctx_line : last_line;
		if (eline < line)
			eline = line;
		klen = entry_key(s, first_len);
		/* A broken one-line value is better read whole, as text. */
		if (one_line && klen) {
			v = salvage(fm, s + klen + 1, first_len - klen - 1, line);
			if (v)
				k = salvage(fm, s, klen, line);
		}
		if (k && v) {
			out->n = before;	/* instead of the partial value */
			k->quoted = false;
			pairs_add(out, k, v);
			warnings_add(w, eline, "invalid YAML in '%.*s' (%s); "
			    "value read as plain text", (int)klen, s,
			    b.err.buf);
		} else if (klen) {
			warnings_add(w, eline, "invalid YAML in '%.*s' (%s)",
			    (int)klen, s, b.err.buf);
		} else {
			warnings_add(w, eline, "invalid YAML (%s)", b.err.buf);
		}
	}
	builder_release(&b);
	return ok;
}

/*
 * The whole block failed: parse it again one top-level key at a time.
 * Returns the mapping of everything that parsed.
 */
static struct frontmatter_node *
recover(struct frontmatter *fm, const char *data, size_t len, int line0,
    const struct builder *whole, struct warnings *w)
{
	struct anchors anchors = { .nr = 0 };
	struct pairs out = { NULL, 0, 0 };
	const char *p = data, *end = data + len, *start = NULL;
	int line = line0, start_line = 0;
	bool all_ok = true;
	struct frontmatter_node *map;

	for (;;) {
		size_t n = p < end ? line_len(p, end) : 0;

		if (p >= end || starts_entry(p, n)) {
			if (start)
				all_ok &= recover_entry(fm, &anchors, start,
				    (size_t)(p - start), start_line, line - 1,
				    &out, w);
			if (p >= end)
				break;
			start = p;
			start_line = line;
		}
		p += n + (p + n < end);
		line++;
	}
	if (all_ok)	/* the pieces parse alone but not together */
		warnings_add(w, whole->err_line, "invalid YAML (%s)",
		    whole->err.buf);
	anchors_release(&anchors);
	map = arena_zalloc(&fm->arena, sizeof *map);
	map->kind = FRONTMATTER_MAP;
	map->line = line0;
	map->text = "";
	if (out.n) {
		map->v = arena_alloc(&fm->arena, st_mult(out.n, sizeof *map->v));
		memcpy(map->v, out.v, out.n * sizeof *map->v);
		map->n = out.n;
	}
	free(out.v);
	return map;
}

/* Does the data look like a block mapping (so recovery can cut it)? */
static bool
block_mapping(const char *data, size_t len)
{
	const char *p = data, *end = data + len;

	while (p < end) {
		size_t n = line_len(p, end);
		if (!comment_or_blank(p, n))
			return starts_entry(p, n) && p[0] != '{' && p[0] != '[';
		p += n + (p + n < end);
	}
	return false;
}

/* Leading tabs count as two spaces each (Hexo's escapeYAML). */
static char *
untab(const char *data, size_t len, size_t *outlen)
{
	struct buf b = BUF_INIT;
	bool bol = true;

	if (memchr(data, '\t', len) == NULL)
		return NULL;
	buf_grow(&b, len + len / 4);
	for (size_t i = 0; i < len; i++) {
		char c = data[i];

		if (bol && c == '\t') {
			buf_add(&b, "  ", 2);
			continue;
		}
		bol = c == '\n' || (bol && c == ' ');
		buf_addc(&b, c);
	}
	return buf_detach(&b, outlen);
}

/*
 * Sort key for duplicate detection: pair index i in map m.
 */
struct keyref {
	const struct frontmatter_node *key;
	size_t i;
};

static int
keyref_cmp(const void *a, const void *b)
{
	const struct keyref *x = a, *y = b;
	int c = strcmp(x->key->text, y->key->text);

	if (c)
		return c;
	return x->i < y->i ? -1 : x->i > y->i;
}

/* Warn about repeated scalar keys and keep only the last of each. */
static void
drop_duplicates(struct frontmatter_node *map, struct warnings *w)
{
	size_t np = map->n / 2, nk = 0, out = 0;
	struct keyref *refs;
	bool *drop;

	if (np < 2)
		return;
	refs = xreallocarray(NULL, np, sizeof *refs);
	drop = xcalloc(np, sizeof *drop);
	for (size_t i = 0; i < np; i++)
		if (map->v[2 * i]->kind == FRONTMATTER_SCALAR)
			refs[nk++] = (struct keyref){ map->v[2 * i], i };
	qsort(refs, nk, sizeof *refs, keyref_cmp);
	for (size_t i = 1; i < nk; i++) {
		if (strcmp(refs[i - 1].key->text, refs[i].key->text) == 0) {
			drop[refs[i - 1].i] = true;
			warnings_add(w, refs[i].key->line, "duplicate key '%s'; "
			    "the last one is used", refs[i].key->text);
		}
	}
	for (size_t i = 0; i < np; i++) {
		if (!drop[i]) {
			map->v[out++] = map->v[2 * i];
			map->v[out++] = map->v[2 * i + 1];
		}
	}
	map->n = out;
	free(refs);
	free(drop);
}

/*
 * Parse data as syntax. quiet: no warnings and no recovery, and NULL on
 * any error (for the closing-only form, which must parse cleanly).
 */
static struct frontmatter_node *
parse_data(struct frontmatter *fm, enum frontmatter_syntax syntax,
    const char *data, size_t len, int line0, bool quiet, struct warnings *w)
{
	struct anchors anchors = { .nr = 0 };
	struct builder b;
	struct frontmatter_node *root;
	char *copy = NULL;
	size_t clen = len;

	if (syntax == FRONTMATTER_JSON) {
		/* Hexo's JSON is an object's members: put the braces back. */
		struct buf j = BUF_INIT;
		buf_addc(&j, '{');
		buf_add(&j, data, len);
		buf_adds(&j, "\n}");
		copy = buf_detach(&j, &clen);
	} else {
		copy = untab(data, len, &clen);
	}
	builder_init(&b, fm, &anchors, line0);
	build(&b, copy ? copy : data, clen);
	root = b.root;
	if (b.failed) {
		if (quiet) {
			root = NULL;
		} else if (syntax == FRONTMATTER_YAML && !b.limit &&
		    block_mapping(copy ? copy : data, clen)) {
			/* (A cap hit is one fault: no re-reading by pieces,
			   which would hit it again in each later key.) */
			root = recover(fm, copy ? copy : data, clen, line0, &b, w);
		} else {
			warnings_add(w, b.err_line, "invalid %s (%s)",
			    syntax == FRONTMATTER_JSON ? "JSON" : "YAML",
			    b.err.buf);
		}
	}
	builder_release(&b);
	anchors_release(&anchors);
	free(copy);
	return root;
}

struct frontmatter_node *
frontmatter_parse_yaml(struct frontmatter *fm, const char *data, size_t len,
    int first_line, struct warnings *w)
{
	struct frontmatter_node *root = parse_data(fm, FRONTMATTER_YAML, data,
	    len, first_line, false, w);

	if (root && root->kind == FRONTMATTER_MAP)
		drop_duplicates(root, w);
	return root;
}

/* --- the article's front matter --- */

void
frontmatter_init(struct frontmatter *fm)
{
	memset(fm, 0, sizeof *fm);
	fm->body_line = 1;
	arena_init(&fm->arena);
}

void
frontmatter_release(struct frontmatter *fm)
{
	arena_release(&fm->arena);
	frontmatter_init(fm);
}

void
frontmatter_parse(struct frontmatter *fm, const char *text, size_t len,
    struct warnings *w)
{
	struct frontmatter_split sp;
	struct frontmatter_node *root;

	frontmatter_split(text, len, &sp);
	if (sp.syntax == FRONTMATTER_NONE)
		return;
	if (sp.unterminated) {
		warnings_add(w, sp.open_line, "front matter is never closed; "
		    "the whole file is read as the body");
		return;
	}
	root = parse_data(fm, sp.syntax, text + sp.data_off, sp.data_len,
	    sp.data_line, sp.closing_only, w);
	if (sp.closing_only) {
		/* Only a clean, non-empty mapping makes this front matter. */
		if (root == NULL || root->kind != FRONTMATTER_MAP ||
		    root->n == 0) {
			fm->nodes = 0;
			fm->copied = 0;
			return;
		}
	} else if (root == NULL || frontmatter_is_null(root)) {
		root = arena_zalloc(&fm->arena, sizeof *root);
		root->kind = FRONTMATTER_MAP;
		root->line = sp.data_line;
		root->text = "";
	} else if (root->kind != FRONTMATTER_MAP) {
		warnings_add(w, sp.data_line, "front matter is not a mapping of "
		    "keys; the whole file is read as the body");
		return;
	}
	drop_duplicates(root, w);
	fm->map = root;
	fm->syntax = sp.syntax;
	fm->body_off = sp.body_off;
	fm->body_line = sp.body_line;
}

/* --- reading the tree --- */

const struct frontmatter_node *
frontmatter_get(const struct frontmatter_node *map, const char *key)
{
	if (map == NULL || map->kind != FRONTMATTER_MAP)
		return NULL;
	for (size_t i = map->n; i >= 2; i -= 2) {
		const struct frontmatter_node *k = map->v[i - 2];
		if (k->kind == FRONTMATTER_SCALAR && strcmp(k->text, key) == 0)
			return map->v[i - 1];
	}
	return NULL;
}

/* Words of YAML 1.2's core schema, for plain scalars only. */
static const char *const null_words[] = { "~", "null", "Null", "NULL" };
static const struct { const char *word; int value; } bool_words[] = {
	{ "true", 1 }, { "True", 1 }, { "TRUE", 1 },
	{ "false", 0 }, { "False", 0 }, { "FALSE", 0 },
};

bool
frontmatter_is_null(const struct frontmatter_node *n)
{
	if (n == NULL)
		return true;
	if (n->kind != FRONTMATTER_SCALAR || n->quoted)
		return false;
	if (n->len == 0)
		return true;
	for (size_t i = 0; i < sizeof null_words / sizeof *null_words; i++)
		if (strcmp(n->text, null_words[i]) == 0)
			return true;
	return false;
}

int
frontmatter_bool(const struct frontmatter_node *n)
{
	if (n == NULL || n->kind != FRONTMATTER_SCALAR || n->quoted)
		return -1;
	for (size_t i = 0; i < sizeof bool_words / sizeof *bool_words; i++)
		if (strcmp(n->text, bool_words[i].word) == 0)
			return bool_words[i].value;
	return -1;
}

bool
frontmatter_is_number(const struct frontmatter_node *n)
{
	const char *s;

	if (n == NULL || n->kind != FRONTMATTER_SCALAR || n->quoted ||
	    n->len == 0)
		return false;
	/* JSON's grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
	s = n->text;
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return false;
	if (*s == '.') {
		if (!(*++s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}
