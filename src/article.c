/* SPDX-License-Identifier: MIT */
/*
 * article: one file -> struct article; see article.h.
 *
 * The way through: read the bytes (all of them, or for a listing only the
 * head), hash them, decode them (charset), split and parse the front
 * matter (frontmatter), map each key through keys[] onto the fields with
 * Hexo's meaning, then fill what is missing: title from the file name,
 * date from a Jekyll file name or the mtime. Unknown keys, and known keys
 * whose value cannot be used, are kept in extra as JSON. Warnings are
 * sorted by line at the end, so they read in file order.
 */
#include "config.h"
#include "article.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "charset.h"
#include "date.h"
#include "entity.h"
#include "frontmatter.h"
#include "json.h"
#include "utf8.h"
#include "xmalloc.h"

/* How much of a file a listing reads first: front matter fits in it. */
#define META_CHUNK 4096
/* Warnings kept per article; a file of broken lines says the rest in one. */
#define MAX_WARNINGS 100
/* How much of the body a listing keeps, to tell HTML from Markdown. */
#define META_BODY 1024

typedef struct frontmatter_node node;

/* What key handlers share while one article is parsed. */
struct parse {
	struct article *a;
	struct buf extra;	/* the JSON object being built, without '}' */
	bool have_date;		/* a date key was seen */
	int date_line;		/* its line */
	struct buf bad_date;	/* its text when it did not parse, scrubbed */
};

/* --- small helpers --- */

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* A copy of n's text with blanks trimmed; NULL when nothing is left. */
static char *
trimmed(const node *n)
{
	const char *s = n->text;
	size_t len = n->len;

	while (len && is_blank(*s)) {
		s++;
		len--;
	}
	while (len && is_blank(s[len - 1]))
		len--;
	return len ? xstrndup(s, len) : NULL;
}

/* Append n as JSON: YAML's core schema decides what a plain scalar is. */
static void
node_json(struct buf *out, const node *n)
{
	int b;

	switch (n->kind) {
	case FRONTMATTER_SCALAR:
		if (frontmatter_is_null(n))
			buf_adds(out, "null");
		else if ((b = frontmatter_bool(n)) >= 0)
			json_add_bool(out, b);
		else if (frontmatter_is_number(n))
			buf_add(out, n->text, n->len);
		else
			json_add_string(out, n->text, n->len);
		break;
	case FRONTMATTER_SEQ:
		buf_addc(out, '[');
		for (size_t i = 0; i < n->n; i++) {
			json_sep(out);
			node_json(out, n->v[i]);
		}
		buf_addc(out, ']');
		break;
	case FRONTMATTER_MAP:
		buf_addc(out, '{');
		for (size_t i = 0; i + 1 < n->n; i += 2) {
			const node *k = n->v[i];
			json_sep(out);
			if (k->kind == FRONTMATTER_SCALAR)
				json_add_string(out, k->text, k->len);
			else	/* JSON keys are strings: write the key as one */
				json_add_str(out, "?");
			buf_addc(out, ':');
			node_json(out, n->v[i + 1]);
		}
		buf_addc(out, '}');
		break;
	}
}

static void
keep_extra(struct parse *p, const node *key, const node *value)
{
	json_sep(&p->extra);
	json_add_string(&p->extra, key->text, key->len);
	buf_addc(&p->extra, ':');
	node_json(&p->extra, value);
}

static const char *
kind_name(const node *n)
{
	return n->kind == FRONTMATTER_SEQ ? "a list" :
	    n->kind == FRONTMATTER_MAP ? "a mapping" : "a scalar";
}

/* --- key handlers --- */

/*
 * Each returns true when it used the value, false to keep the key in
 * extra (after warning, when the value is wrong rather than just absent).
 */
typedef bool key_fn(struct parse *p, const node *key, const node *v,
    size_t field);

static bool
set_title(struct parse *p, const node *key, const node *v, size_t field)
{
	struct buf b = BUF_INIT, t = BUF_INIT;
	bool space = false;

	(void)field;
	if (frontmatter_is_null(v))
		return true;	/* the file name will do */
	if (v->kind != FRONTMATTER_SCALAR) {
		warnings_add(&p->a->warnings, v->line, "'%s' is %s, not text; "
		    "the file name is used", key->text, kind_name(v));
		return false;
	}
	entity_decode(&b, v->text, v->len);
	/* One line: each run of blanks becomes one space. */
	for (size_t i = 0; i < b.len; i++) {
		if (is_blank(b.buf[i])) {
			space = t.len > 0;
			continue;
		}
		if (space)
			buf_addc(&t, ' ');
		space = false;
		buf_addc(&t, b.buf[i]);
	}
	buf_release(&b);
	if (t.len) {
		free(p->a->title);
		p->a->title = buf_detach(&t, NULL);
	}
	buf_release(&t);
	return true;
}

static bool
set_string(struct parse *p, const node *key, const node *v, size_t field)
{
	char **dst = (char **)((char *)p->a + field);

	if (frontmatter_is_null(v))
		return true;
	if (frontmatter_bool(v) >= 0)
		return false;	/* a theme's flag (cover: false): extra */
	if (v->kind == FRONTMATTER_MAP && frontmatter_get(v, "name") &&
	    frontmatter_get(v, "name")->kind == FRONTMATTER_SCALAR) {
		v = frontmatter_get(v, "name");	/* author: {name: ..} */
	} else if (v->kind != FRONTMATTER_SCALAR) {
		warnings_add(&p->a->warnings, v->line, "'%s' is %s, not text",
		    key->text, kind_name(v));
		return false;
	}
	free(*dst);
	*dst = trimmed(v);
	return true;
}

/* Booleans as themes write them. */
static const struct { const char *word; int value; } flag_words[] = {
	{ "true", 1 }, { "yes", 1 }, { "on", 1 }, { "1", 1 },
	{ "false", 0 }, { "no", 0 }, { "off", 0 }, { "0", 0 },
};

static bool
set_flag(struct parse *p, const node *key, const node *v, size_t field)
{
	int *dst = (int *)((char *)p->a + field);

	if (frontmatter_is_null(v))
		return true;
	if (v->kind == FRONTMATTER_SCALAR) {
		for (size_t i = 0; i < sizeof flag_words / sizeof *flag_words;
		    i++) {
			if (strcasecmp(v->text, flag_words[i].word) == 0) {
				*dst = flag_words[i].value;
				return true;
			}
		}
	}
	warnings_add(&p->a->warnings, v->line, "'%s' is not true or false",
	    key->text);
	return false;
}

static bool
set_date(struct parse *p, const node *key, const node *v, size_t field)
{
	int64_t *dst = (int64_t *)((char *)p->a + field), t;
	bool is_date = field == offsetof(struct article, date);

	if (is_date) {
		p->have_date = true;
		p->date_line = v->line;
	}
	if (frontmatter_is_null(v)) {
		if (is_date)
			p->have_date = false;	/* as if absent */
		return true;
	}
	if (v->kind != FRONTMATTER_SCALAR) {
		warnings_add(&p->a->warnings, v->line, "'%s' is %s, not a date",
		    key->text, kind_name(v));
		return false;
	}
	if (date_parse(v->text, v->len, &t) < 0) {
		struct buf b = BUF_INIT;

		utf8_scrub(&b, v->text, v->len > 64 ? 64 : v->len,
		    UTF8_SCRUB_ONELINE);
		if (is_date)	/* one warning, with the fallback: see parse() */
			buf_addbuf(&p->bad_date, &b);
		else
			warnings_add(&p->a->warnings, v->line, "unrecognised "
			    "%s '%s'; ignored", key->text, b.buf);
		buf_release(&b);
		return false;
	}
	*dst = t;
	if (is_date)
		p->a->date_source = ARTICLE_DATE_FRONTMATTER;
	return true;
}

/* Append the trimmed scalar names in v (a sequence or a scalar) to path. */
static void
add_names(struct parse *p, const char *key, const node *v,
    struct strvec *path)
{
	const node *const *items = (const node *const *)&v;
	size_t n = 1;
	char *name;

	if (v->kind == FRONTMATTER_SEQ) {
		items = (const node *const *)v->v;
		n = v->n;
	}
	for (size_t i = 0; i < n; i++) {
		if (frontmatter_is_null(items[i]))
			continue;
		if (items[i]->kind == FRONTMATTER_SEQ) {
			add_names(p, key, items[i], path);	/* flatten */
			continue;
		}
		if (items[i]->kind != FRONTMATTER_SCALAR) {
			warnings_add(&p->a->warnings, items[i]->line,
			    "'%s' holds a mapping; ignored", key);
			continue;
		}
		if ((name = trimmed(items[i])) != NULL)
			strvec_push_nodup(path, name);
	}
}

static void
add_category(struct article *a, struct strvec *path)
{
	if (path->nr == 0)
		return;
	a->categories = xreallocarray(a->categories, a->ncategories + 1,
	    sizeof *a->categories);
	a->categories[a->ncategories++] = *path;
	strvec_init(path);
}

/*
 * Hexo's meaning: a flat list is one hierarchy, root first; a list that
 * holds lists is several, each inner list one hierarchy and each scalar
 * one category of its own.
 */
static bool
set_categories(struct parse *p, const node *key, const node *v, size_t field)
{
	struct strvec path = STRVEC_INIT;
	bool nested = false;

	(void)field;
	if (frontmatter_is_null(v))
		return true;
	if (v->kind == FRONTMATTER_MAP) {
		warnings_add(&p->a->warnings, v->line, "'%s' is a mapping, not "
		    "a list of categories", key->text);
		return false;
	}
	if (v->kind == FRONTMATTER_SEQ)
		for (size_t i = 0; i < v->n; i++)
			nested |= v->v[i]->kind == FRONTMATTER_SEQ;
	if (!nested) {
		add_names(p, key->text, v, &path);
		add_category(p->a, &path);
		return true;
	}
	for (size_t i = 0; i < v->n; i++) {
		add_names(p, key->text, v->v[i], &path);
		add_category(p->a, &path);
	}
	return true;
}

static bool
set_tags(struct parse *p, const node *key, const node *v, size_t field)
{
	(void)field;
	if (frontmatter_is_null(v))
		return true;
	if (v->kind == FRONTMATTER_MAP) {
		warnings_add(&p->a->warnings, v->line, "'%s' is a mapping, not "
		    "a list of tags", key->text);
		return false;
	}
	add_names(p, key->text, v, &p->a->tags);
	return true;
}

/* The front-matter keys we read, sorted by name for bsearch(). */
static const struct key {
	const char *name;
	key_fn *fn;
	size_t field;		/* offsetof the field fn fills, if any */
	const char *alias_of;	/* Jekyll's singular: used when the plural
				   is absent, else kept in extra */
} keys[] = {
	{ "author", set_string, offsetof(struct article, author), NULL },
	{ "categories", set_categories, 0, NULL },
	{ "category", set_categories, 0, "categories" },
	{ "comments", set_flag, offsetof(struct article, comments), NULL },
	{ "cover", set_string, offsetof(struct article, cover), NULL },
	{ "date", set_date, offsetof(struct article, date), NULL },
	{ "excerpt", set_string, offsetof(struct article, excerpt), NULL },
	{ "headimg", set_string, offsetof(struct article, headimg), NULL },
	{ "lang", set_string, offsetof(struct article, lang), NULL },
	{ "permalink", set_string, offsetof(struct article, permalink), NULL },
	{ "published", set_flag, offsetof(struct article, published), NULL },
	{ "tag", set_tags, 0, "tags" },
	{ "tags", set_tags, 0, NULL },
	{ "thumbnail", set_string, offsetof(struct article, thumbnail), NULL },
	{ "title", set_title, 0, NULL },
	{ "updated", set_date, offsetof(struct article, updated), NULL },
};

static int
key_cmp(const void *k, const void *e)
{
	return strcmp(k, ((const struct key *)e)->name);
}

static void
apply_front_matter(struct parse *p, const node *map)
{
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const node *k = map->v[i], *v = map->v[i + 1];
		const struct key *key = NULL;

		if (k->kind != FRONTMATTER_SCALAR) {
			warnings_add(&p->a->warnings, k->line, "a key that is "
			    "not text; ignored");
			continue;
		}
		key = bsearch(k->text, keys, sizeof keys / sizeof *keys,
		    sizeof *keys, key_cmp);
		if (key && key->alias_of && frontmatter_get(map, key->alias_of))
			key = NULL;
		if (key == NULL || !key->fn(p, k, v, key->field))
			keep_extra(p, k, v);
	}
}

/* --- the body --- */

/* Tags that open an HTML block (CommonMark's kinds 1 and 6). */
static const char *const block_tags[] = {
	"address", "article", "aside", "base", "basefont", "blockquote",
	"body", "caption", "center", "col", "colgroup", "dd", "details",
	"dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
	"footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5",
	"h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
	"main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup",
	"option", "p", "param", "pre", "script", "section", "source", "style",
	"summary", "table", "tbody", "td", "textarea", "tfoot", "th", "thead",
	"title", "tr", "track", "ul",
};

static bool
starts_html_block(const char *s, const char *end)
{
	size_t n = 0;

	if (s >= end || *s != '<')
		return false;
	s++;
	if (end - s >= 9 && strncasecmp(s, "!doctype", 8) == 0)
		return true;
	while (s + n < end && ((s[n] >= 'a' && s[n] <= 'z') ||
	    (s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= '0' && s[n] <= '9')))
		n++;
	if (n == 0 || (s + n < end && !is_blank(s[n]) && s[n] != '>' &&
	    s[n] != '/'))
		return false;
	for (size_t i = 0; i < sizeof block_tags / sizeof *block_tags; i++)
		if (strlen(block_tags[i]) == n &&
		    strncasecmp(s, block_tags[i], n) == 0)
			return true;
	return false;
}

static bool
has_extension(const char *path, const char *const *exts, size_t n)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	if ((dot = strrchr(base, '.')) == NULL || dot == base)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(dot + 1, exts[i]) == 0)
			return true;
	return false;
}

static enum article_format
body_format(const char *path, const char *body, size_t len)
{
	static const char *const html_exts[] = { "html", "htm" };
	const char *s = body, *end = body + len;

	if (has_extension(path, html_exts, 2))
		return ARTICLE_HTML;
	while (s < end && is_blank(*s))
		s++;
	return starts_html_block(s, end) ? ARTICLE_HTML : ARTICLE_MARKDOWN;
}

/* The offset of "<!-- more -->" (blanks optional) in body, or -1. */
static ssize_t
find_more(const char *body, size_t len)
{
	const char *s = body, *end = body + len, *p;

	while ((p = memchr(s, '<', (size_t)(end - s))) != NULL) {
		const char *q = p + 1;

		s = q;
		if (end - q < 3 || memcmp(q, "!--", 3) != 0)
			continue;
		q += 3;
		while (q < end && is_blank(*q))
			q++;
		if (end - q < 4 || memcmp(q, "more", 4) != 0)
			continue;
		q += 4;
		while (q < end && is_blank(*q))
			q++;
		if (end - q >= 3 && memcmp(q, "-->", 3) == 0)
			return p - body;
	}
	return -1;
}

/* --- the file --- */

/* 64-bit hash of the raw bytes (a multiply-rotate mix, 8 bytes a step). */
static uint64_t
hash_bytes(const void *data, size_t len)
{
	const unsigned char *s = data;
	const uint64_t k1 = 0x9E3779B97F4A7C15ull, k2 = 0xC2B2AE3D27D4EB4Full;
	uint64_t h = 0x27220A95FE6A5F91ull ^ (len * k1);
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, s + i, 8);
		w *= k2;
		w = (w << 31) | (w >> 33);
		h ^= w * k1;
		h = ((h << 27) | (h >> 37)) * 5 + 0x52DCE729;
	}
	if (i < len) {
		uint64_t w = 0;
		memcpy(&w, s + i, len - i);
		w *= k2;
		w = (w << 31) | (w >> 33);
		h ^= w * k1;
	}
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 33;
	return h;
}

/* The file name without its directory and extension ("" never). */
static char *
title_from_path(const char *path)
{
	const char *base = strrchr(path, '/'), *dot;

	base = base ? base + 1 : path;
	dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		dot = base + strlen(base);
	if (dot == base)
		return xstrdup(path);
	return xstrndup(base, (size_t)(dot - base));
}

/* A warning's place: by line, those about no line (0) last. */
static unsigned
line_key(int line)
{
	return line > 0 ? (unsigned)line : UINT_MAX;
}

struct warning_ref {
	unsigned key;		/* line_key() */
	size_t i;		/* the warning's index: ties keep their order */
};

static int
warning_ref_cmp(const void *x, const void *y)
{
	const struct warning_ref *a = x, *b = y;

	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Sort warnings by line, keeping the order of those on one line; the
 * ones about no particular line (a fallback's) come last. A file past
 * MAX_WARNINGS keeps the first ones and a note of how many more.
 */
static void
sort_warnings(struct warnings *w)
{
	struct warning_ref *refs;
	struct warning *copy;
	size_t nr = w->nr;

	if (nr < 2)
		return;
	refs = xreallocarray(NULL, nr, sizeof *refs);
	copy = xreallocarray(NULL, nr, sizeof *copy);
	memcpy(copy, w->v, nr * sizeof *copy);
	for (size_t i = 0; i < nr; i++)
		refs[i] = (struct warning_ref){ line_key(copy[i].line), i };
	qsort(refs, nr, sizeof *refs, warning_ref_cmp);
	for (size_t i = 0; i < nr; i++)
		w->v[i] = copy[refs[i].i];
	free(refs);
	free(copy);
	if (nr > MAX_WARNINGS) {
		for (size_t i = MAX_WARNINGS - 1; i < nr; i++)
			free(w->v[i].msg);
		w->nr = MAX_WARNINGS - 1;
		warnings_add(w, 0, "%zu more problems not shown",
		    nr - (MAX_WARNINGS - 1));
	}
}

/*
 * No usable date key: a Jekyll file name's date, else the mtime. A date
 * that did not parse and its fallback make one warning.
 */
static void
fallback_date(struct parse *p, const char *path, int64_t mtime_ns)
{
	struct article *a = p->a;
	const char *from;

	if (date_from_filename(path, &a->date) == 0) {
		a->date_source = ARTICLE_DATE_FILENAME;
		from = "the date in the file name";
		if (!p->have_date)
			return;	/* Jekyll's way: no fault */
	} else {
		a->date = mtime_ns / 1000000000;
		if (mtime_ns < 0 && mtime_ns % 1000000000)
			a->date--;
		a->date_source = ARTICLE_DATE_MTIME;
		from = "the file's modification time";
	}
	if (p->have_date)
		warnings_add(&a->warnings, p->date_line, "unrecognised date "
		    "'%s'; using %s", p->bad_date.buf, from);
	else
		warnings_add(&a->warnings, 0, "no date; using %s", from);
}

/*
 * Parse the file's bytes in raw (taken over and released). meta: raw
 * may be only the head of the file; keep no body.
 */
static struct article *
parse(const char *path, struct buf *raw, int64_t size, int64_t mtime_ns,
    bool meta, struct error *err)
{
	struct article *a = xcalloc(1, sizeof *a);
	struct frontmatter fm;
	struct parse p;

	a->path = xstrdup(path);
	a->date = ARTICLE_NO_DATE;
	a->updated = ARTICLE_NO_DATE;
	a->comments = a->published = -1;
	a->more = -1;
	a->size = size;
	a->mtime_ns = mtime_ns;
	strvec_init(&a->tags);
	if (!meta)
		a->hash = hash_bytes(raw->buf, raw->len);
	if (charset_decode(raw, &a->encoding, &a->warnings, err) < 0) {
		buf_release(raw);
		article_free(a);
		return NULL;
	}

	frontmatter_init(&fm);
	frontmatter_parse(&fm, raw->buf, raw->len, &a->warnings);
	memset(&p, 0, sizeof p);
	p.a = a;
	buf_init(&p.extra, 0);
	buf_init(&p.bad_date, 0);
	buf_addc(&p.extra, '{');
	if (fm.map)
		apply_front_matter(&p, fm.map);
	buf_addc(&p.extra, '}');
	a->extra = buf_detach(&p.extra, NULL);

	if (a->title == NULL)
		a->title = title_from_path(path);
	if (!p.have_date || a->date == ARTICLE_NO_DATE)
		fallback_date(&p, path, mtime_ns);
	buf_release(&p.bad_date);

	a->body_line = fm.body_line;
	a->format = body_format(path, raw->buf + fm.body_off,
	    raw->len - fm.body_off);
	if (!meta) {
		a->body_len = raw->len - fm.body_off;
		memmove(raw->buf, raw->buf + fm.body_off, a->body_len);
		buf_setlen(raw, a->body_len);
		a->more = find_more(raw->buf, raw->len);
		a->body = buf_detach(raw, NULL);
	}
	buf_release(raw);
	frontmatter_release(&fm);
	sort_warnings(&a->warnings);
	return a;
}

struct article *
article_parse(const char *path, const char *data, size_t len,
    int64_t mtime_ns, struct error *err)
{
	struct buf raw = BUF_INIT;

	if (len > ARTICLE_MAX_SIZE) {
		error_set(err, "file too big (%zu bytes; the limit is %u MiB)",
		    len, ARTICLE_MAX_SIZE >> 20);
		return NULL;
	}
	buf_add(&raw, data, len);
	return parse(path, &raw, (int64_t)len, mtime_ns, false, err);
}

/* errno's text, thread-safely (GNU strerror_r). */
static const char *
errtext(int e, char *buf, size_t size)
{
	return strerror_r(e, buf, size);
}

/* Read up to want bytes more from fd into b; returns -1 on error. */
static int
read_more(int fd, struct buf *b, size_t want)
{
	buf_grow(b, want);
	while (want > 0) {
		ssize_t n = read(fd, b->buf + b->len, want);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			break;
		buf_setlen(b, b->len + (size_t)n);
		want -= (size_t)n;
	}
	return 0;
}

/*
 * For a listing: if head holds the whole front matter, cut it to that
 * and at most the body's first META_BODY bytes, at a line end when the
 * head is cut or partial (not the whole file), so that no character is
 * split; return true. Else false: the whole file is needed.
 */
static bool
cut_head(struct buf *head, bool partial)
{
	struct frontmatter_split sp;
	const unsigned char *u = (const unsigned char *)head->buf;
	char *nl;

	if (head->len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	    (u[0] == 0xFE && u[1] == 0xFF)))
		return false;	/* UTF-16: its LF bytes are not lines */
	frontmatter_split(head->buf, head->len, &sp);
	if (sp.syntax == FRONTMATTER_NONE || sp.unterminated ||
	    sp.body_off >= head->len)
		return false;
	if (partial || head->len - sp.body_off > META_BODY) {
		size_t n = head->len - sp.body_off;

		nl = memrchr(head->buf + sp.body_off, '\n',
		    n < META_BODY ? n : META_BODY);
		buf_setlen(head, nl ? (size_t)(nl - head->buf) + 1 :
		    sp.body_off);
	}
	return true;
}

static struct article *
load(const char *path, bool meta, struct error *err)
{
	struct buf raw = BUF_INIT;
	struct stat st;
	char ebuf[128];
	int fd;
	size_t size;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		error_set(err, "cannot open: %s",
		    errtext(errno, ebuf, sizeof ebuf));
		return NULL;
	}
	if (fstat(fd, &st) < 0) {
		error_set(err, "cannot stat: %s",
		    errtext(errno, ebuf, sizeof ebuf));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		error_set(err, "not a regular file");
		close(fd);
		return NULL;
	}
	if ((uint64_t)st.st_size > ARTICLE_MAX_SIZE) {
		error_set(err, "file too big (%jd bytes; the limit is %u MiB)",
		    (intmax_t)st.st_size, ARTICLE_MAX_SIZE >> 20);
		close(fd);
		return NULL;
	}
	size = (size_t)st.st_size;
	if (meta && size > META_CHUNK) {
		if (read_more(fd, &raw, META_CHUNK) < 0)
			goto fail;
		if (cut_head(&raw, true))
			goto parse;
	}
	/* All of it; one byte more tells a file that grew past its size. */
	if (read_more(fd, &raw, size + 1 - raw.len) < 0)
		goto fail;
	while (raw.len > size && raw.len <= ARTICLE_MAX_SIZE) {
		size_t before = raw.len;

		if (read_more(fd, &raw, 65536) < 0)
			goto fail;
		if (raw.len - before < 65536)
			break;	/* the end */
	}
	if (raw.len > ARTICLE_MAX_SIZE) {
		error_set(err, "file too big (more than %u MiB)",
		    ARTICLE_MAX_SIZE >> 20);
		buf_release(&raw);
		close(fd);
		return NULL;
	}
	size = raw.len;
	if (meta)
		cut_head(&raw, false);
parse:
	close(fd);
	return parse(path, &raw, meta ? (int64_t)st.st_size : (int64_t)size,
	    (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec, meta,
	    err);
fail:
	error_set(err, "cannot read: %s", errtext(errno, ebuf, sizeof ebuf));
	buf_release(&raw);
	close(fd);
	return NULL;
}

struct article *
article_load(const char *path, struct error *err)
{
	return load(path, false, err);
}

struct article *
article_load_meta(const char *path, struct error *err)
{
	return load(path, true, err);
}

void
article_free(struct article *a)
{
	if (a == NULL)
		return;
	free(a->path);
	free(a->title);
	for (size_t i = 0; i < a->ncategories; i++)
		strvec_clear(&a->categories[i]);
	free(a->categories);
	strvec_clear(&a->tags);
	free(a->author);
	free(a->headimg);
	free(a->thumbnail);
	free(a->cover);
	free(a->excerpt);
	free(a->permalink);
	free(a->lang);
	free(a->extra);
	free(a->body);
	warnings_release(&a->warnings);
	free(a);
}

char *
article_category_path(const struct article *a, const char *sep)
{
	if (a->ncategories == 0)
		return xstrdup(ARTICLE_UNCATEGORISED);
	return strvec_join(&a->categories[0], sep);
}
