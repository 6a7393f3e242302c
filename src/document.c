/*
 * document: HTML -> the block model of document.h, through libxml2 (this
 * is the only file that includes it).
 *
 * The parse tree is walked without recursion: a node's children are
 * entered through an explicit stack of frames, each saving the context
 * (inline style, link, block kind, list and quote frames) that its element
 * changed, so leaving an element restores it. The parser is told not to
 * stop at depth 256 (XML_PARSE_HUGE), so a body of 100,000 nested <div>s
 * loses no text either; the stack grows on the heap.
 *
 * Inline content flows into the open block, opened lazily by the first
 * visible character, so stray whitespace between blocks makes none.
 * Whitespace collapses as CSS does: a run of spaces, tabs and line breaks
 * becomes one space when the next visible character arrives, nothing at
 * the start of a line; a run holding a line break between two wide
 * (East Asian F/W/H, not Hangul) characters becomes nothing.
 */
#include "config.h"
#include "document.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "article.h"
#include "markdown.h"
#include "utf8.h"
#include "xmalloc.h"

/* --- elements --- */

enum elem_kind {
	EL_INLINE,	/* adds style (maybe none) */
	EL_BLOCK,	/* a block boundary */
	EL_DROP,	/* dropped with its content */
	EL_HEADING,	/* arg: level */
	EL_PRE,
	EL_QUOTE,
	EL_LIST,	/* arg: 1 ordered, 0 not */
	EL_ITEM,
	EL_DT,
	EL_DD,
	EL_HR,
	EL_BR,
	EL_IMG,
	EL_MEDIA,	/* arg: enum document_media */
	EL_A,
	EL_TABLE,
	EL_ROWGROUP,	/* arg: 1 for thead */
	EL_TR,
	EL_CELL,	/* arg: 1 for th */
	EL_CAPTION,
};

struct elem {
	const char *name;
	enum elem_kind kind;
	unsigned gap;		/* blank lines around it, as CSS margins */
	uint16_t style;		/* inline style it adds */
	int arg;
};

/* Sorted by name, for bsearch. Unknown elements are inline. */
static const struct elem elems[] = {
	{ "a", EL_A, 0, 0, 0 },
	{ "address", EL_BLOCK, 1, DOCUMENT_STYLE_ITALIC, 0 },
	{ "article", EL_BLOCK, 0, 0, 0 },
	{ "aside", EL_BLOCK, 0, 0, 0 },
	{ "audio", EL_MEDIA, 0, 0, DOCUMENT_MEDIA_AUDIO },
	{ "b", EL_INLINE, 0, DOCUMENT_STYLE_BOLD, 0 },
	{ "blockquote", EL_QUOTE, 1, 0, 0 },
	{ "body", EL_BLOCK, 0, 0, 0 },
	{ "br", EL_BR, 0, 0, 0 },
	{ "caption", EL_CAPTION, 0, 0, 0 },
	{ "center", EL_BLOCK, 0, 0, 0 },
	{ "cite", EL_INLINE, 0, DOCUMENT_STYLE_ITALIC, 0 },
	{ "code", EL_INLINE, 0, DOCUMENT_STYLE_CODE, 0 },
	{ "dd", EL_DD, 0, 0, 0 },
	{ "del", EL_INLINE, 0, DOCUMENT_STYLE_STRIKE, 0 },
	{ "details", EL_BLOCK, 0, 0, 0 },
	{ "dfn", EL_INLINE, 0, DOCUMENT_STYLE_ITALIC, 0 },
	{ "dialog", EL_BLOCK, 0, 0, 0 },
	{ "dir", EL_LIST, 1, 0, 0 },
	{ "div", EL_BLOCK, 0, 0, 0 },
	{ "dl", EL_BLOCK, 1, 0, 0 },
	{ "dt", EL_DT, 0, DOCUMENT_STYLE_BOLD, 0 },
	{ "em", EL_INLINE, 0, DOCUMENT_STYLE_ITALIC, 0 },
	{ "embed", EL_MEDIA, 0, 0, DOCUMENT_MEDIA_EMBED },
	{ "fieldset", EL_BLOCK, 0, 0, 0 },
	{ "figcaption", EL_BLOCK, 0, 0, 0 },
	{ "figure", EL_BLOCK, 1, 0, 0 },
	{ "footer", EL_BLOCK, 0, 0, 0 },
	{ "form", EL_BLOCK, 0, 0, 0 },
	{ "h1", EL_HEADING, 1, 0, 1 },
	{ "h2", EL_HEADING, 1, 0, 2 },
	{ "h3", EL_HEADING, 1, 0, 3 },
	{ "h4", EL_HEADING, 1, 0, 4 },
	{ "h5", EL_HEADING, 1, 0, 5 },
	{ "h6", EL_HEADING, 1, 0, 6 },
	{ "head", EL_DROP, 0, 0, 0 },
	{ "header", EL_BLOCK, 0, 0, 0 },
	{ "hgroup", EL_BLOCK, 0, 0, 0 },
	{ "hr", EL_HR, 1, 0, 0 },
	{ "html", EL_BLOCK, 0, 0, 0 },
	{ "i", EL_INLINE, 0, DOCUMENT_STYLE_ITALIC, 0 },
	{ "iframe", EL_MEDIA, 0, 0, DOCUMENT_MEDIA_EMBED },
	{ "img", EL_IMG, 0, 0, 0 },
	{ "kbd", EL_INLINE, 0, DOCUMENT_STYLE_CODE, 0 },
	{ "legend", EL_BLOCK, 0, 0, 0 },
	{ "li", EL_ITEM, 0, 0, 0 },
	{ "link", EL_DROP, 0, 0, 0 },
	{ "listing", EL_PRE, 1, 0, 0 },
	{ "main", EL_BLOCK, 0, 0, 0 },
	{ "menu", EL_LIST, 1, 0, 0 },
	{ "meta", EL_DROP, 0, 0, 0 },
	{ "nav", EL_BLOCK, 0, 0, 0 },
	{ "noscript", EL_DROP, 0, 0, 0 },
	{ "object", EL_MEDIA, 0, 0, DOCUMENT_MEDIA_EMBED },
	{ "ol", EL_LIST, 1, 0, 1 },
	{ "p", EL_BLOCK, 1, 0, 0 },
	{ "plaintext", EL_PRE, 1, 0, 0 },
	{ "pre", EL_PRE, 1, 0, 0 },
	{ "s", EL_INLINE, 0, DOCUMENT_STYLE_STRIKE, 0 },
	{ "samp", EL_INLINE, 0, DOCUMENT_STYLE_CODE, 0 },
	{ "script", EL_DROP, 0, 0, 0 },
	{ "section", EL_BLOCK, 0, 0, 0 },
	{ "strike", EL_INLINE, 0, DOCUMENT_STYLE_STRIKE, 0 },
	{ "strong", EL_INLINE, 0, DOCUMENT_STYLE_BOLD, 0 },
	{ "style", EL_DROP, 0, 0, 0 },
	{ "summary", EL_BLOCK, 0, DOCUMENT_STYLE_BOLD, 0 },
	{ "svg", EL_DROP, 0, 0, 0 },
	{ "table", EL_TABLE, 1, 0, 0 },
	{ "tbody", EL_ROWGROUP, 0, 0, 0 },
	{ "td", EL_CELL, 0, 0, 0 },
	{ "template", EL_DROP, 0, 0, 0 },
	{ "tfoot", EL_ROWGROUP, 0, 0, 0 },
	{ "th", EL_CELL, 0, DOCUMENT_STYLE_BOLD, 1 },
	{ "thead", EL_ROWGROUP, 0, 0, 1 },
	{ "title", EL_DROP, 0, 0, 0 },
	{ "tr", EL_TR, 0, 0, 0 },
	{ "tt", EL_INLINE, 0, DOCUMENT_STYLE_CODE, 0 },
	{ "ul", EL_LIST, 1, 0, 0 },
	{ "var", EL_INLINE, 0, DOCUMENT_STYLE_ITALIC, 0 },
	{ "video", EL_MEDIA, 0, 0, DOCUMENT_MEDIA_VIDEO },
	{ "xmp", EL_PRE, 1, 0, 0 },
};

static const struct elem elem_unknown = { "", EL_INLINE, 0, 0, 0 };

static int
elem_cmp(const void *key, const void *e)
{
	return strcmp(key, ((const struct elem *)e)->name);
}

static const struct elem *
elem_lookup(const xmlNode *n)
{
	const struct elem *e = NULL;

	if (n->name)
		e = bsearch(n->name, elems, sizeof elems / sizeof elems[0],
		    sizeof elems[0], elem_cmp);
	return e ? e : &elem_unknown;
}

/* The value of attribute name, pointing into the tree, or NULL. */
static const char *
attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (strcasecmp((const char *)a->name, name) != 0)
			continue;
		if (a->children && a->children->type == XML_TEXT_NODE &&
		    !a->children->next && a->children->content)
			return (const char *)a->children->content;
		return "";
	}
	return NULL;
}

/* --- the walk's state --- */

/* What an element may change, saved on entry and restored on exit. */
struct ctx {
	uint16_t style;		/* inline styles in force */
	int link;		/* the enclosing link's number, or -1 */
	enum document_kind kind; /* of the next flow block */
	unsigned level;		/* heading level for it */
	uint16_t block_style;	/* block-wide style for it */
	bool indentable;
	int pre;		/* > 0 inside preformatted text */
	size_t list;		/* stack index of the innermost list, or SIZE_MAX */
	int lists;		/* lists open */
	size_t nframes;		/* frames in force (w->frames) */
	size_t frames_over;	/* frames beyond DOCUMENT_MAX_FRAMES */
};

struct wframe {
	xmlNode *node;
	const struct elem *e;
	struct ctx saved;	/* the context before the element */
	int linknum;		/* A: the "[n]" to add on leaving, or -1 */
	long counter;		/* LIST: the next item's number */
	unsigned marker_width;	/* LIST: cells of its widest marker */
	bool ordered;		/* LIST */
	bool data_table;	/* TABLE: built as a DOCUMENT_TABLE */
	size_t first_block;	/* A: blocks in the document at its start */
};

/* A data table being built into the open TABLE block. */
struct table_build {
	struct table_cell {
		size_t row, col;
		struct document_cell c;
	} *cells;
	size_t ncells, alloc;
	size_t row;		/* rows started */
	size_t col;		/* cells started in the current row */
	bool in_cell;
	bool in_thead;
	bool row0_all_th;	/* every cell of row 0 is a th, or in thead */
};

enum ws { WS_NONE, WS_SPACE, WS_BREAK };

struct walk {
	struct document *doc;
	size_t cur;		/* the open block's index, or SIZE_MAX */
	struct ctx ctx;
	unsigned gap;		/* blank lines wanted before the next block */
	enum ws ws;		/* collapsible white space pending */
	uint16_t ws_style;	/* the style it was seen in */
	int ws_link;
	bool line_empty;	/* nothing visible since the block or "\n" began */
	uint32_t last_cp;	/* the last character of the open block */
	struct document_frame frames[DOCUMENT_MAX_FRAMES];
	struct table_build *table; /* a data table is open */
	struct wframe *stack;
	size_t depth, stack_alloc;
};

static struct document_block *
cur_block(struct walk *w)
{
	return &w->doc->blocks[w->cur];
}

/* --- characters --- */

static bool
is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Wide for CSS's segment-break rule: East Asian F, W or H, not Hangul. */
static bool
is_wide_nonhangul(uint32_t cp)
{
	if (cp < 0x1100)
		return false;
	if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
	    (cp >= 0xA960 && cp <= 0xA97F) || (cp >= 0xAC00 && cp <= 0xD7FF) ||
	    (cp >= 0xFFA0 && cp <= 0xFFDC))
		return false;
	/* F, W and H, per EastAsianWidth.txt, in broad ranges */
	return (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
	    (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
	    (cp >= 0xA000 && cp <= 0xA4CF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE10 && cp <= 0xFE19) || (cp >= 0xFE30 && cp <= 0xFE6F) ||
	    (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Punctuation of East Asian width A that Chinese text sets full width:
 * quotes, dashes, ellipses, the middle dot. */
static bool
is_cjk_ambiguous(uint32_t cp)
{
	switch (cp) {
	case 0x00B7: case 0x2014: case 0x2015: case 0x2018: case 0x2019:
	case 0x201C: case 0x201D: case 0x2025: case 0x2026: case 0x203B:
		return true;
	}
	return false;
}

/*
 * Does a source line break between a and b vanish? CSS removes it between
 * two wide characters; we count the full-width punctuation of Chinese
 * text as wide too when the other side is wide, so a line break after
 * ” before 微 adds no space either.
 */
static bool
break_vanishes(uint32_t a, uint32_t b)
{
	bool wa = is_wide_nonhangul(a), wb = is_wide_nonhangul(b);

	return (wa && wb) || (wa && is_cjk_ambiguous(b)) ||
	    (wb && is_cjk_ambiguous(a));
}

static uint32_t
first_cp(const char *s, size_t len)
{
	uint32_t cp;
	utf8_decode(s, len, &cp);
	return cp;
}

static uint32_t
last_cp(const char *s, size_t len)
{
	size_t i = len;
	uint32_t cp;

	while (i > 0 && len - i < 4 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i > 0)
		i--;
	utf8_decode(s + i, len - i, &cp);
	return cp;
}

/* --- blocks --- */

/* Shorten b's text to len bytes, dropping runs left empty. */
static void
block_truncate(struct document_block *b, size_t len)
{
	buf_setlen(&b->text, len);
	while (b->nruns && b->runs[b->nruns - 1].start >= len)
		b->nruns--;
}

static void
open_block(struct walk *w, enum document_kind kind)
{
	struct document_block *b;

	b = document_add_block(w->doc, kind);
	b->level = kind == DOCUMENT_HEADING ? w->ctx.level : 0;
	b->style = w->ctx.block_style;
	b->space_before = w->doc->nblocks > 1 && w->gap ? 1 : 0;
	b->indentable = kind == DOCUMENT_PARA && w->ctx.indentable &&
	    w->ctx.nframes == 0;
	for (size_t i = 0; i < w->ctx.nframes; i++) {
		document_block_add_frame(b, &w->frames[i]);
		w->frames[i].first = false;	/* markers show once */
	}
	w->cur = w->doc->nblocks - 1;
	w->gap = 0;
	w->ws = WS_NONE;
	w->line_empty = true;
	w->last_cp = 0;
}

static void
drop_last_block(struct walk *w)
{
	struct document *doc = w->doc;
	struct document_block *b = &doc->blocks[--doc->nblocks];

	if (b->space_before && w->gap == 0)
		w->gap = 1;
	buf_release(&b->text);
	free(b->runs);
	free(b->frames);
	if (b->table) {
		free(b->table->cells);
		free(b->table);
	}
}

static void
close_block(struct walk *w)
{
	struct document_block *b;
	size_t len;

	if (w->cur == SIZE_MAX)
		return;
	b = cur_block(w);
	len = b->text.len;
	while (len > 0 && b->text.buf[len - 1] == '\n')
		len--;		/* trailing hard breaks show nothing */
	block_truncate(b, len);
	w->cur = SIZE_MAX;
	w->ws = WS_NONE;
	if (len == 0)
		drop_last_block(w);
}

/* --- inline content --- */

/* Make sure a block is open for flowing content. */
static void
need_block(struct walk *w)
{
	if (w->cur == SIZE_MAX)
		open_block(w, w->ctx.pre ? DOCUMENT_PRE : w->ctx.kind);
}

/* Append visible text (no collapsible white space) that starts with the
 * character first, resolving pending white space before it. */
static void
add_visible(struct walk *w, const char *s, size_t len, uint16_t style,
    int link, uint32_t first)
{
	struct document_block *b;

	need_block(w);
	b = cur_block(w);
	if (w->ws != WS_NONE && !w->line_empty &&
	    !(w->ws == WS_BREAK && break_vanishes(w->last_cp, first)))
		document_block_add(b, " ", 1, w->ws_style, w->ws_link);
	w->ws = WS_NONE;
	document_block_add(b, s, len, style, link);
	w->line_empty = false;
}

/* Generated text ("[3]"): it does not resolve pending white space, so
 * "<a>word </a>next" reads "word[3] next". */
static void
add_generated(struct walk *w, const char *s, uint16_t style, int link)
{
	need_block(w);
	document_block_add(cur_block(w), s, strlen(s), style | DOCUMENT_STYLE_GEN,
	    link);
	w->line_empty = false;
}

/* Where the text of the open block's current cell, or the block, starts. */
static size_t
content_start(struct walk *w)
{
	struct table_build *t = w->table;

	if (!t)
		return 0;
	return t->in_cell ? t->cells[t->ncells - 1].c.start : SIZE_MAX;
}

static void
hard_break(struct walk *w)
{
	struct document_block *b;

	if (w->ctx.pre)
		need_block(w);
	if (w->cur == SIZE_MAX) {
		w->gap = 1;	/* a <br> between blocks: one blank line */
		return;
	}
	b = cur_block(w);
	/* nothing before it in this block or cell: a break shows nothing */
	if (content_start(w) < b->text.len)
		document_block_add(b, "\n", 1, w->ctx.style, w->ctx.link);
	w->ws = WS_NONE;
	w->line_empty = true;
}

static void
pending_ws(struct walk *w, bool newline)
{
	if (w->line_empty)
		return;
	if (w->ws == WS_NONE) {
		w->ws_style = w->ctx.style;
		w->ws_link = w->ctx.link;
	}
	if (newline)
		w->ws = WS_BREAK;
	else if (w->ws == WS_NONE)
		w->ws = WS_SPACE;
}

/* The byte length of a line or paragraph separator at s, else 0. */
static size_t
separator_at(const char *s, size_t len)
{
	if (len >= 3 && (unsigned char)s[0] == 0xE2 &&
	    (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xA8 || (unsigned char)s[2] == 0xA9))
		return 3;
	return 0;
}

static void
add_pre_text(struct walk *w, const char *s, size_t len)
{
	struct document_block *b;

	need_block(w);
	b = cur_block(w);
	/* a newline right after <pre> is not content (HTML's rule) */
	if (b->text.len == 0 && len > 0 && s[0] == '\n') {
		s++;
		len--;
	}
	document_block_add(b, s, len, w->ctx.style, w->ctx.link);
	if (len)
		w->line_empty = s[len - 1] == '\n';
}

static void
add_text(struct walk *w, const char *s, size_t len)
{
	size_t i = 0;

	if (w->table && !w->table->in_cell)
		return;		/* white space between rows and cells */
	if (w->ctx.pre) {
		add_pre_text(w, s, len);
		return;
	}
	while (i < len) {
		size_t j, sep;

		if (is_ws((unsigned char)s[i])) {
			pending_ws(w, s[i] == '\n' || s[i] == '\r' || s[i] == '\f');
			i++;
			continue;
		}
		if ((sep = separator_at(s + i, len - i)) > 0) {
			hard_break(w);
			i += sep;
			continue;
		}
		for (j = i; j < len && !is_ws((unsigned char)s[j]) &&
		    !separator_at(s + j, len - j); j++)
			;
		add_visible(w, s + i, j - i, w->ctx.style, w->ctx.link,
		    first_cp(s + i, j - i));
		w->last_cp = last_cp(s + i, j - i);
		i = j;
	}
}

/* --- links, images, media --- */

static bool
usable_url(const char *u)
{
	if (!u || !*u || *u == '#')
		return false;
	return strncasecmp(u, "javascript:", 11) != 0 &&
	    strncasecmp(u, "data:", 5) != 0;
}

/* A copy of u with surrounding white space trimmed, or NULL. */
static char *
clean_url(const char *u)
{
	struct buf b = BUF_INIT;

	if (!u)
		return NULL;
	buf_adds(&b, u);
	buf_trim(&b);
	if (!usable_url(b.buf)) {
		buf_release(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

static int
add_link_attr(struct walk *w, const char *url, enum document_link_kind kind)
{
	char *u = clean_url(url);
	int n;

	if (!u)
		return -1;
	n = document_add_link(w->doc, u, kind);
	free(u);
	return n;
}

/* Append s with white space collapsed and trimmed. */
static void
collapse_into(struct buf *out, const char *s)
{
	bool space = false;

	for (; s && *s; s++) {
		if (is_ws((unsigned char)*s)) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_addc(out, ' ');
		space = false;
		buf_addc(out, *s);
	}
}

/* "[图: label][n]", the label being the source's own text. */
static void
add_placeholder(struct walk *w, enum document_media media,
    const char *label, int number)
{
	uint16_t st = w->ctx.style | DOCUMENT_STYLE_IMAGE;
	int link = number >= 0 ? number : w->ctx.link;
	struct buf head = BUF_INIT, text = BUF_INIT;

	collapse_into(&text, label);
	buf_addf(&head, "[%s", document_media_word(w->doc->lang, media));
	if (text.len)
		buf_adds(&head, ": ");
	add_visible(w, head.buf, head.len, st | DOCUMENT_STYLE_GEN, link, '[');
	if (text.len)
		document_block_add(cur_block(w), text.buf, text.len, st, link);
	document_block_add(cur_block(w), "]", 1, st | DOCUMENT_STYLE_GEN, link);
	if (number >= 0) {
		char num[24];
		snprintf(num, sizeof num, "[%d]", number);
		add_generated(w, num, w->ctx.style | DOCUMENT_STYLE_LINKNUM, number);
	}
	w->last_cp = ']';
	buf_release(&head);
	buf_release(&text);
}

static void
add_image(struct walk *w, const xmlNode *n)
{
	/* lazy loaders keep the real address in data-*, src a placeholder */
	static const char *const srcs[] = {
		"data-src", "data-original", "data-lazy-src", "data-actualsrc",
		"src",
	};
	const char *label = attr(n, "alt");
	int number = -1;

	for (size_t i = 0; i < sizeof srcs / sizeof srcs[0] && number < 0; i++)
		number = add_link_attr(w, attr(n, srcs[i]), DOCUMENT_LINK_IMAGE);
	if (!label || !*label)
		label = attr(n, "title");
	add_placeholder(w, DOCUMENT_MEDIA_IMAGE, label, number);
}

/* A media element's address: its own, or its first <source>'s. */
static const char *
media_src(const xmlNode *n)
{
	const char *src = attr(n, "src");

	if (!src || !*src)
		src = attr(n, "data");	/* object */
	if (src && *src)
		return src;
	for (const xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "source") == 0 &&
		    (src = attr(c, "src")) && *src)
			return src;
	return NULL;
}

static void
add_media(struct walk *w, const xmlNode *n, enum document_media media)
{
	int number = add_link_attr(w, media_src(n), DOCUMENT_LINK_MEDIA);
	add_placeholder(w, media, attr(n, "title"), number);
}

/* --- tables --- */

/*
 * A table is laid out as a grid (or as header: value lines) only when its
 * cells hold inline content: no nested tables, lists, quotes, headings,
 * preformatted text or captions, and nothing between the cells. Any other
 * table is page layout, and flows as ordinary blocks.
 */
static bool
is_data_table(const xmlNode *table)
{
	const xmlNode *n = table->children;
	bool cells = false;

	while (n) {
		const xmlNode *p = n->parent;
		const struct elem *pe = elem_lookup(p);
		bool structural = p == table || pe->kind == EL_ROWGROUP ||
		    pe->kind == EL_TR;

		if (n->type == XML_ELEMENT_NODE) {
			const struct elem *e = elem_lookup(n);

			switch (e->kind) {
			case EL_TABLE: case EL_LIST: case EL_ITEM: case EL_QUOTE:
			case EL_PRE: case EL_HEADING: case EL_HR: case EL_DT:
			case EL_DD: case EL_CAPTION:
				return false;
			case EL_CELL:
				cells = true;
				break;
			default:
				if (structural && e->kind != EL_ROWGROUP &&
				    e->kind != EL_TR &&
				    strcmp((const char *)n->name, "col") != 0 &&
				    strcmp((const char *)n->name, "colgroup") != 0)
					return false;
				break;
			}
			if (e->kind != EL_DROP && n->children) {
				n = n->children;
				continue;
			}
		} else if (n->type == XML_TEXT_NODE && structural && n->content) {
			for (const xmlChar *c = n->content; *c; c++)
				if (!is_ws(*c))
					return false;
		}
		while (!n->next) {
			n = n->parent;
			if (n == table)
				return cells;
		}
		n = n->next;
	}
	return cells;
}

static void
table_begin(struct walk *w)
{
	close_block(w);
	w->gap = 1;
	open_block(w, DOCUMENT_TABLE);
	w->table = xcalloc(1, sizeof *w->table);
	w->table->row0_all_th = true;
}

static void
table_row(struct walk *w)
{
	w->table->row++;
	w->table->col = 0;
}

static void
table_cell_begin(struct walk *w, bool th)
{
	struct table_build *t = w->table;
	struct table_cell *c;

	if (t->row == 0)
		table_row(w);	/* a cell outside any <tr> */
	ALLOC_GROW(t->cells, t->ncells + 1, t->alloc);
	c = &t->cells[t->ncells++];
	c->row = t->row - 1;
	c->col = t->col++;
	c->c.start = c->c.end = cur_block(w)->text.len;
	c->c.header = th || t->in_thead;
	if (c->row == 0 && !c->c.header)
		t->row0_all_th = false;
	t->in_cell = true;
	w->ws = WS_NONE;
	w->line_empty = true;
}

static void
table_cell_end(struct walk *w)
{
	struct table_build *t = w->table;
	struct document_block *b = cur_block(w);
	struct table_cell *c = &t->cells[t->ncells - 1];
	size_t len = b->text.len;

	while (len > c->c.start && b->text.buf[len - 1] == '\n')
		len--;
	block_truncate(b, len);
	c->c.end = len;
	t->in_cell = false;
	w->ws = WS_NONE;
}

static void
table_end(struct walk *w)
{
	struct table_build *t = w->table;
	struct document_block *b = cur_block(w);
	struct document_table *dt;
	size_t ncols = 0, nrows = t->row;

	if (t->in_cell)
		table_cell_end(w);
	for (size_t i = 0; i < t->ncells; i++)
		if (t->cells[i].col + 1 > ncols)
			ncols = t->cells[i].col + 1;
	if (ncols > 0 && b->text.len > 0) {
		dt = b->table = xcalloc(1, sizeof *dt);
		dt->nrows = nrows;
		dt->ncols = ncols;
		dt->cells = xcalloc(st_mult(nrows, ncols), sizeof *dt->cells);
		for (size_t i = 0; i < t->ncells; i++)
			dt->cells[t->cells[i].row * ncols + t->cells[i].col] =
			    t->cells[i].c;
		dt->header_row = t->row0_all_th && nrows > 1 &&
		    t->cells[0].row == 0;
	}
	free(t->cells);
	free(t);
	w->table = NULL;
	if (!b->table)
		block_truncate(b, 0);
	close_block(w);
	w->gap = 1;
}

/* --- entering and leaving elements --- */

enum { SKIP, DESCEND };

static void
boundary(struct walk *w, unsigned gap)
{
	if (w->table) {
		if (w->table->in_cell && !w->line_empty)
			hard_break(w);
		return;
	}
	close_block(w);
	if (gap > w->gap)
		w->gap = gap;
}

static void
push_frame(struct walk *w, enum document_frame_kind kind, const char *marker,
    unsigned width)
{
	struct document_frame *f;

	if (w->ctx.nframes >= DOCUMENT_MAX_FRAMES) {
		w->ctx.frames_over++;
		return;
	}
	f = &w->frames[w->ctx.nframes++];
	f->kind = kind;
	snprintf(f->marker, sizeof f->marker, "%s", marker);
	f->width = width;
	f->first = true;
}

/* Count a list's items, for the width of its widest number. */
static long
count_items(const xmlNode *list)
{
	long n = 0;

	for (const xmlNode *c = list->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && elem_lookup(c)->kind == EL_ITEM)
			n++;
	return n;
}

static void
enter_list(struct walk *w, struct wframe *f, const xmlNode *n)
{
	const char *start = attr(n, "start");
	char tmp[32];
	long last;

	boundary(w, w->ctx.lists ? 0 : 1);
	f->ordered = f->e->arg == 1;
	f->counter = 1;
	if (f->ordered && start && *start) {
		char *end;
		long v = strtol(start, &end, 10);
		if (*end == '\0' && v > -1000000 && v < 1000000)
			f->counter = v;
	}
	last = f->counter + count_items(n) - 1;
	if (last < f->counter)
		last = f->counter;
	f->marker_width = f->ordered
	    ? (unsigned)snprintf(tmp, sizeof tmp, "%ld.", last) : 1;
	if (f->ordered) {
		unsigned first = (unsigned)snprintf(tmp, sizeof tmp, "%ld.",
		    f->counter);
		if (first > f->marker_width)
			f->marker_width = first;
	}
	w->ctx.list = w->depth - 1;
	w->ctx.lists++;
	w->ctx.indentable = false;
}

static void
enter_item(struct walk *w)
{
	static const char *const bullets[] = { "•", "◦", "▪" };
	char marker[DOCUMENT_MARKER_MAX];
	unsigned width = 1;

	boundary(w, 0);
	if (w->ctx.list != SIZE_MAX) {
		struct wframe *l = &w->stack[w->ctx.list];

		width = l->marker_width;
		if (l->ordered)
			snprintf(marker, sizeof marker, "%*ld.",
			    (int)width - 1, l->counter++);
		else
			snprintf(marker, sizeof marker, "%s",
			    bullets[(w->ctx.lists - 1) % 3]);
	} else {
		snprintf(marker, sizeof marker, "%s", bullets[0]);
	}
	push_frame(w, DOCUMENT_FRAME_ITEM, marker, width + 1);
	w->ctx.indentable = false;
}

static int
enter(struct walk *w, struct wframe *f)
{
	const xmlNode *n = f->node;
	const struct elem *e = f->e;

	w->ctx.style |= e->style;
	switch (e->kind) {
	case EL_DROP:
		return SKIP;
	case EL_INLINE:
	case EL_ROWGROUP:
		if (w->table && e->kind == EL_ROWGROUP)
			w->table->in_thead = e->arg == 1;
		return DESCEND;
	case EL_BLOCK:
	case EL_CAPTION:
		boundary(w, e->gap);
		return DESCEND;
	case EL_HEADING:
		boundary(w, e->gap);
		w->ctx.kind = DOCUMENT_HEADING;
		w->ctx.level = (unsigned)e->arg;
		w->ctx.block_style |= DOCUMENT_STYLE_HEADING;
		w->ctx.indentable = false;
		return DESCEND;
	case EL_PRE:
		boundary(w, e->gap);
		w->ctx.pre++;
		w->ctx.block_style |= DOCUMENT_STYLE_CODE;
		return DESCEND;
	case EL_QUOTE:
		boundary(w, e->gap);
		push_frame(w, DOCUMENT_FRAME_QUOTE, "", 2);
		w->ctx.block_style |= DOCUMENT_STYLE_QUOTE;
		w->ctx.indentable = false;
		return DESCEND;
	case EL_LIST:
		if (w->table)
			return DESCEND;
		enter_list(w, f, n);
		return DESCEND;
	case EL_ITEM:
		enter_item(w);
		return DESCEND;
	case EL_DT:
		boundary(w, 0);
		w->ctx.indentable = false;
		return DESCEND;
	case EL_DD:
		boundary(w, 0);
		push_frame(w, DOCUMENT_FRAME_ITEM, "", 4);
		w->ctx.indentable = false;
		return DESCEND;
	case EL_HR:
		if (w->table) {
			boundary(w, 0);
			return SKIP;
		}
		boundary(w, 1);
		open_block(w, DOCUMENT_RULE);
		w->cur = SIZE_MAX;	/* a rule has no text; keep it */
		w->gap = 1;
		return SKIP;
	case EL_BR:
		hard_break(w);
		return SKIP;
	case EL_IMG:
		add_image(w, n);
		return SKIP;
	case EL_MEDIA:
		add_media(w, n, (enum document_media)e->arg);
		return SKIP;
	case EL_A:
		f->linknum = add_link_attr(w, attr(n, "href"), DOCUMENT_LINK_A);
		f->first_block = w->doc->nblocks;
		if (f->linknum >= 0) {
			w->ctx.style |= DOCUMENT_STYLE_LINK;
			w->ctx.link = f->linknum;
		}
		return DESCEND;
	case EL_TABLE:
		if (!w->table && is_data_table(n)) {
			f->data_table = true;
			table_begin(w);
		} else {
			boundary(w, e->gap);
		}
		return DESCEND;
	case EL_TR:
		if (w->table)
			table_row(w);
		else
			boundary(w, 0);
		return DESCEND;
	case EL_CELL:
		if (w->table)
			table_cell_begin(w, e->arg == 1);
		else
			boundary(w, 0);
		return DESCEND;
	}
	return DESCEND;
}

/* The link's "[n]" follows its text, even when the text was a block of
 * its own (<a><div>...</div></a>): then it joins that block's end. */
static void
leave_link(struct walk *w, const struct wframe *f)
{
	struct document *doc = w->doc;
	char num[24];

	snprintf(num, sizeof num, "[%d]", f->linknum);
	if (w->cur == SIZE_MAX && !w->table && doc->nblocks > f->first_block &&
	    doc->blocks[doc->nblocks - 1].kind != DOCUMENT_RULE &&
	    doc->blocks[doc->nblocks - 1].kind != DOCUMENT_TABLE) {
		document_block_add(&doc->blocks[doc->nblocks - 1], num,
		    strlen(num), w->ctx.style | DOCUMENT_STYLE_LINKNUM | DOCUMENT_STYLE_GEN,
		    f->linknum);
		return;
	}
	add_generated(w, num, w->ctx.style | DOCUMENT_STYLE_LINKNUM, f->linknum);
}

static void
leave(struct walk *w, struct wframe *f)
{
	const struct elem *e = f->e;

	w->ctx = f->saved;
	switch (e->kind) {
	case EL_A:
		if (f->linknum >= 0)
			leave_link(w, f);
		break;
	case EL_BLOCK:
	case EL_CAPTION:
	case EL_HEADING:
	case EL_PRE:
	case EL_QUOTE:
	case EL_DT:
	case EL_DD:
		boundary(w, e->gap);
		break;
	case EL_ITEM:
		boundary(w, 0);
		break;
	case EL_LIST:
		if (!w->table)
			boundary(w, w->ctx.lists ? 0 : 1);
		break;
	case EL_TABLE:
		if (f->data_table)
			table_end(w);
		else
			boundary(w, e->gap);
		break;
	case EL_TR:
		if (!w->table)
			boundary(w, 0);
		break;
	case EL_CELL:
		if (w->table && w->table->in_cell)
			table_cell_end(w);
		else if (!w->table)
			boundary(w, 0);
		break;
	case EL_ROWGROUP:
		if (w->table)
			w->table->in_thead = false;
		break;
	default:
		break;
	}
}

/* --- the walk --- */

static void
walk_tree(struct walk *w, xmlNode *root)
{
	xmlNode *n = root;

	while (n) {
		bool descend = false;

		if (n->type == XML_ELEMENT_NODE) {
			struct wframe *f;

			ALLOC_GROW(w->stack, w->depth + 1, w->stack_alloc);
			f = &w->stack[w->depth++];
			memset(f, 0, sizeof *f);
			f->node = n;
			f->e = elem_lookup(n);
			f->saved = w->ctx;
			f->linknum = -1;
			descend = enter(w, f) == DESCEND && n->children;
			if (descend) {
				n = n->children;
				continue;
			}
			leave(w, &w->stack[--w->depth]);
		} else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content) {
			add_text(w, (const char *)n->content,
			    strlen((const char *)n->content));
		}
		/* next: a sibling, or up until one has a sibling */
		while (n != root && !n->next) {
			n = n->parent;
			leave(w, &w->stack[--w->depth]);
		}
		if (n == root)
			break;
		n = n->next;
	}
}

/* --- language --- */

/* Judge the language by the text: Han and kana against Latin letters. */
static enum document_lang
guess_lang(xmlNode *root)
{
	size_t han = 0, kana = 0, latin = 0;
	xmlNode *n = root;

	while (n) {
		if (n->type == XML_ELEMENT_NODE && n->children &&
		    elem_lookup(n)->kind != EL_DROP) {
			n = n->children;
			continue;
		}
		if (n->type == XML_TEXT_NODE && n->content) {
			const char *s = (const char *)n->content;
			size_t len = strlen(s);

			/* by lead bytes, without decoding: E3 81..83 is
			 * U+3040..U+30FF (kana; the odd punctuation mark
			 * counts too), E4..E9 is U+4000..U+9FFF (Han) */
			for (size_t i = 0; i < len; i++) {
				unsigned char c = (unsigned char)s[i];

				if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
					latin++;
				else if (c >= 0xE4 && c <= 0xE9)
					han++;
				else if (c == 0xE3 && i + 1 < len &&
				    (unsigned char)s[i + 1] >= 0x81 &&
				    (unsigned char)s[i + 1] <= 0x83)
					kana++;
			}
			/* enough text to judge by */
			if (han + kana + latin > (1u << 16))
				break;
		}
		while (n != root && !n->next)
			n = n->parent;
		if (n == root)
			break;
		n = n->next;
	}
	if (han + kana == 0)
		return DOCUMENT_LANG_OTHER;
	/* the scan may stop early: decide on what it saw */
	if (han + kana < 200 && (han + kana) * 8 < latin)
		return DOCUMENT_LANG_OTHER;
	return kana * 5 >= han + kana ? DOCUMENT_LANG_JA : DOCUMENT_LANG_ZH;
}

static bool
lang_from_tag(const char *tag, enum document_lang *lang)
{
	if (!tag || !*tag)
		return false;
	if (strncasecmp(tag, "zh", 2) == 0)
		*lang = DOCUMENT_LANG_ZH;
	else if (strncasecmp(tag, "ja", 2) == 0)
		*lang = DOCUMENT_LANG_JA;
	else
		*lang = DOCUMENT_LANG_OTHER;
	return true;
}

/* --- entry points --- */

/*
 * Is s clean: valid UTF-8 with nothing for the scrubber to remove? One
 * pass, with printable ASCII and the three-byte sequences of CJK text
 * (E3..EC, EE, EF: no overlong form, no surrogate, no control) checked
 * inline; anything else goes to utf8.c's functions.
 */
static bool
clean_utf8(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];

		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
			i++;
		} else if (c >= 0xE3 && c != 0xED && c <= 0xEF && i + 2 < len &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
		} else {
			size_t n = len - i < 4 ? len - i : 4;
			size_t ok = utf8_valid_prefix(str + i, n);
			uint32_t cp;

			if (ok == 0)
				return false;
			/* the one character at i */
			ok = (size_t)utf8_decode(str + i, ok, &cp);
			if (utf8_scrub_needed(str + i, ok))
				return false;
			i += ok;
		}
	}
	return true;
}

/*
 * Remove terminal controls and whole escape sequences from the source
 * before it is parsed. libxml2 would drop a bare ESC itself but keep the
 * "[31m" after it; scrubbing first takes the whole sequence, as layout
 * does. Line and paragraph separators stay.
 */
static void
scrub_source(struct buf *out, const char *s, size_t len)
{
	struct utf8_scrub st = UTF8_SCRUB_INIT;

	buf_grow(out, len);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		n = n < 0 ? 1 : n;
		if (cp == '\r' || utf8_scrub_feed(&st, cp))
			utf8_add(out, cp);
		i += (size_t)n;
	}
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void
xml_init(void)
{
	xmlInitParser();
}

struct document *
document_from_html(const char *html, size_t len,
    const struct document_options *opt)
{
	/* XML_PARSE_HUGE: without it the parser stops at depth 256 and drops
	 * the rest of the body */
	const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
	    XML_PARSE_HUGE;
	struct buf clean = BUF_INIT;
	struct document *doc;
	struct walk w;
	htmlDocPtr tree;
	xmlNode *root;

	pthread_once(&xml_once, xml_init);
	if (!clean_utf8(html, len)) {
		/* bad bytes become U+FFFD (libxml2 would switch to Latin-1 at
		 * the first); controls and escape sequences go */
		scrub_source(&clean, html, len);
		html = clean.buf;
		len = clean.len;
	}
	if (len > INT_MAX)
		len = INT_MAX;
	doc = document_new(DOCUMENT_LANG_OTHER);
	if (opt && opt->headimg && *opt->headimg)
		document_add_link(doc, opt->headimg, DOCUMENT_LINK_HEADIMG);
	tree = len ? htmlReadMemory(html, (int)len, NULL, "UTF-8", options) : NULL;
	root = tree ? xmlDocGetRootElement(tree) : NULL;
	if (!lang_from_tag(opt ? opt->lang : NULL, &doc->lang) && root)
		doc->lang = guess_lang(root);
	if (root) {
		memset(&w, 0, sizeof w);
		w.doc = doc;
		w.cur = SIZE_MAX;
		w.ctx.link = -1;
		w.ctx.kind = DOCUMENT_PARA;
		w.ctx.list = SIZE_MAX;
		w.ctx.indentable = true;
		walk_tree(&w, root);
		if (w.table) {
			w.table->in_cell = w.table->in_cell && w.table->ncells;
			table_end(&w);
		}
		close_block(&w);
		free(w.stack);
	}
	if (tree)
		xmlFreeDoc(tree);
	buf_release(&clean);
	return doc;
}

struct document *
document_from_markdown(const char *md, size_t len,
    const struct document_options *opt)
{
	struct buf html = BUF_INIT, clean = BUF_INIT;
	struct document *doc;

	if (!clean_utf8(md, len)) {
		scrub_source(&clean, md, len);
		md = clean.buf;
		len = clean.len;
	}
	/* on failure, what md4c rendered so far is still shown */
	(void)markdown_to_html(md, len, &html);
	buf_release(&clean);
	doc = document_from_html(html.buf, html.len, opt);
	buf_release(&html);
	return doc;
}

struct document *
document_from_article(const struct article *a)
{
	struct document_options opt = { a->lang, a->headimg };
	const char *body = a->body ? a->body : "";	/* article_load_meta() */
	size_t len = a->body ? a->body_len : 0;

	if (a->format == ARTICLE_MARKDOWN)
		return document_from_markdown(body, len, &opt);
	return document_from_html(body, len, &opt);
}
