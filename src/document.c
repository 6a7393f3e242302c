/* SPDX-License-Identifier: MIT */
/*
 * document: HTML -> the block model of document.h, through libxml2 (this
 * is the only file that includes it).
 *
 * The parse tree is walked without recursion: a node's children are
 * entered through an explicit stack of frames, each saving the context
 * (inline style, link, block kind, list and quote frames) that its element
 * changed, so leaving an element restores it. The tree is at most
 * DOCUMENT_MAX_DEPTH deep: the parser's callbacks for elements deeper
 * than that build nothing, so their text joins the deepest element built
 * (libxml2's own limit, 256 without XML_PARSE_HUGE, would drop the rest of
 * the body; with it there is none, and 8 million nested quotes took
 * gigabytes). XML_PARSE_HUGE stays for its other limits: a text node of
 * over 10 MB is cut short without it.
 *
 * What each element means is a table (elems[]); the blocks themselves,
 * white space collapsing, links and tables are built by document-flow.c,
 * which knows nothing of HTML. Before parsing, the source is checked, and
 * if need be cleaned, in one pass: invalid UTF-8 becomes U+FFFD, terminal
 * controls and whole escape sequences go.
 */
#include "config.h"
#include "document.h"
#include "document-source.h"

#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/SAX2.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "article.h"
#include "document-flow.h"
#include "entity.h"
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
elem_named(const xmlChar *name)
{
	const struct elem *e = NULL;

	if (name)
		e = bsearch(name, elems, sizeof elems / sizeof elems[0],
		    sizeof elems[0], elem_cmp);
	return e ? e : &elem_unknown;
}

static const struct elem *
elem_lookup(const xmlNode *n)
{
	return elem_named(n->name);
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

/* The element being walked: what it saved and what it tracks. */
struct wframe {
	xmlNode *node;
	const struct elem *e;
	struct document_flow_ctx saved;	/* the context before the element */
	int linknum;		/* A: the "[n]" to add on leaving, or -1 */
	long counter;		/* LIST: the next item's number */
	unsigned marker_width;	/* LIST: cells of its widest marker */
	bool ordered;		/* LIST */
	bool data_table;	/* TABLE: built as a DOCUMENT_TABLE */
	size_t first_block;	/* A: blocks in the document at its start */
};

struct walk {
	struct document_flow f;	/* the document being built */
	struct wframe *stack;	/* the elements open, outermost first */
	size_t depth, stack_alloc;
};


/* --- characters --- */







/* --- blocks --- */





/* --- inline content --- */










/* --- links, images, media --- */






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
		number = document_flow_link(&w->f, attr(n, srcs[i]), DOCUMENT_LINK_IMAGE);
	if (!label || !*label)
		label = attr(n, "title");
	document_flow_placeholder(&w->f, DOCUMENT_MEDIA_IMAGE, label, number);
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
	int number = document_flow_link(&w->f, media_src(n), DOCUMENT_LINK_MEDIA);
	document_flow_placeholder(&w->f, media, attr(n, "title"), number);
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
				if (!document_flow_is_ws(*c))
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






/* --- entering and leaving elements --- */

enum { SKIP, DESCEND };



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

	document_flow_boundary(&w->f, w->f.ctx.lists ? 0 : 1);
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
	w->f.ctx.list = w->depth - 1;
	w->f.ctx.lists++;
	w->f.ctx.indentable = false;
}

static void
enter_item(struct walk *w)
{
	static const char *const bullets[] = { "•", "◦", "▪" };
	char marker[DOCUMENT_MARKER_MAX];
	unsigned width = 1;

	document_flow_boundary(&w->f, 0);
	if (w->f.ctx.list != SIZE_MAX) {
		struct wframe *l = &w->stack[w->f.ctx.list];

		width = l->marker_width;
		if (l->ordered)
			snprintf(marker, sizeof marker, "%*ld.",
			    (int)width - 1, l->counter++);
		else
			snprintf(marker, sizeof marker, "%s",
			    bullets[(w->f.ctx.lists - 1) % 3]);
	} else {
		snprintf(marker, sizeof marker, "%s", bullets[0]);
	}
	document_flow_push_frame(&w->f, DOCUMENT_FRAME_ITEM, marker, width + 1);
	w->f.ctx.indentable = false;
}

static int
enter(struct walk *w, struct wframe *f)
{
	const xmlNode *n = f->node;
	const struct elem *e = f->e;

	w->f.ctx.style |= e->style;
	switch (e->kind) {
	case EL_DROP:
		return SKIP;
	case EL_INLINE:
	case EL_ROWGROUP:
		if (w->f.table && e->kind == EL_ROWGROUP)
			w->f.table->in_thead = e->arg == 1;
		return DESCEND;
	case EL_BLOCK:
	case EL_CAPTION:
		document_flow_boundary(&w->f, e->gap);
		return DESCEND;
	case EL_HEADING:
		document_flow_boundary(&w->f, e->gap);
		w->f.ctx.kind = DOCUMENT_HEADING;
		w->f.ctx.level = (unsigned)e->arg;
		w->f.ctx.block_style |= DOCUMENT_STYLE_HEADING;
		w->f.ctx.indentable = false;
		return DESCEND;
	case EL_PRE:
		document_flow_boundary(&w->f, e->gap);
		w->f.ctx.pre++;
		w->f.ctx.block_style |= DOCUMENT_STYLE_CODE;
		return DESCEND;
	case EL_QUOTE:
		document_flow_boundary(&w->f, e->gap);
		document_flow_push_frame(&w->f, DOCUMENT_FRAME_QUOTE, "", 2);
		w->f.ctx.block_style |= DOCUMENT_STYLE_QUOTE;
		w->f.ctx.indentable = false;
		return DESCEND;
	case EL_LIST:
		if (w->f.table)
			return DESCEND;
		enter_list(w, f, n);
		return DESCEND;
	case EL_ITEM:
		enter_item(w);
		return DESCEND;
	case EL_DT:
		document_flow_boundary(&w->f, 0);
		w->f.ctx.indentable = false;
		return DESCEND;
	case EL_DD:
		document_flow_boundary(&w->f, 0);
		document_flow_push_frame(&w->f, DOCUMENT_FRAME_ITEM, "", 4);
		w->f.ctx.indentable = false;
		return DESCEND;
	case EL_HR:
		if (w->f.table) {
			document_flow_boundary(&w->f, 0);
			return SKIP;
		}
		document_flow_rule(&w->f);
		return SKIP;
	case EL_BR:
		document_flow_hard_break(&w->f);
		return SKIP;
	case EL_IMG:
		add_image(w, n);
		return SKIP;
	case EL_MEDIA:
		add_media(w, n, (enum document_media)e->arg);
		return SKIP;
	case EL_A:
		f->linknum = document_flow_link(&w->f, attr(n, "href"), DOCUMENT_LINK_A);
		f->first_block = w->f.doc->nblocks;
		if (f->linknum >= 0) {
			w->f.ctx.style |= DOCUMENT_STYLE_LINK;
			w->f.ctx.link = f->linknum;
		}
		return DESCEND;
	case EL_TABLE:
		if (!w->f.table && is_data_table(n)) {
			f->data_table = true;
			document_flow_table_begin(&w->f);
		} else {
			document_flow_boundary(&w->f, e->gap);
		}
		return DESCEND;
	case EL_TR:
		if (w->f.table)
			document_flow_table_row(&w->f);
		else
			document_flow_boundary(&w->f, 0);
		return DESCEND;
	case EL_CELL:
		if (w->f.table)
			document_flow_table_cell_begin(&w->f, e->arg == 1);
		else
			document_flow_boundary(&w->f, 0);
		return DESCEND;
	}
	return DESCEND;
}

/* The link's "[n]" follows its text, even when the text was a block of
 * its own (<a><div>...</div></a>): then it joins that block's end. */
static void
leave_link(struct walk *w, const struct wframe *f)
{
	struct document *doc = w->f.doc;
	char num[24];

	snprintf(num, sizeof num, "[%d]", f->linknum);
	if (w->f.cur == SIZE_MAX && !w->f.table && doc->nblocks > f->first_block &&
	    doc->blocks[doc->nblocks - 1].kind != DOCUMENT_RULE &&
	    doc->blocks[doc->nblocks - 1].kind != DOCUMENT_TABLE) {
		document_block_add(&doc->blocks[doc->nblocks - 1], num,
		    strlen(num), w->f.ctx.style | DOCUMENT_STYLE_LINKNUM |
		    DOCUMENT_STYLE_GEN, f->linknum);
		return;
	}
	document_flow_generated(&w->f, num,
	    w->f.ctx.style | DOCUMENT_STYLE_LINKNUM, f->linknum);
}

static void
leave(struct walk *w, struct wframe *f)
{
	const struct elem *e = f->e;

	w->f.ctx = f->saved;
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
		document_flow_boundary(&w->f, e->gap);
		break;
	case EL_ITEM:
		document_flow_boundary(&w->f, 0);
		break;
	case EL_LIST:
		if (!w->f.table)
			document_flow_boundary(&w->f, w->f.ctx.lists ? 0 : 1);
		break;
	case EL_TABLE:
		if (f->data_table)
			document_flow_table_end(&w->f);
		else
			document_flow_boundary(&w->f, e->gap);
		break;
	case EL_TR:
		if (!w->f.table)
			document_flow_boundary(&w->f, 0);
		break;
	case EL_CELL:
		if (w->f.table && w->f.table->in_cell)
			document_flow_table_cell_end(&w->f);
		else if (!w->f.table)
			document_flow_boundary(&w->f, 0);
		break;
	case EL_ROWGROUP:
		if (w->f.table)
			w->f.table->in_thead = false;
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
			f->saved = w->f.ctx;
			f->linknum = -1;
			descend = enter(w, f) == DESCEND && n->children;
			if (descend) {
				n = n->children;
				continue;
			}
			leave(w, &w->stack[--w->depth]);
		} else if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content) {
			document_flow_text(&w->f, (const char *)n->content,
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

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;

static void
xml_init(void)
{
	xmlInitParser();
}

/* What the capped tree builder keeps in the parser's _private. */
struct capped {
	int deep_line;		/* the source line of the first element too
				 * deep, or 0 while none was */
};

/* The source line the parser is at, or -1 when it cannot say. */
static int
parse_line(xmlParserCtxtPtr ctxt)
{
	return ctxt->input && ctxt->input->line > 0 ? ctxt->input->line : -1;
}

/*
 * libxml2's HTML parser calls endElement for each element it started
 * (implied ends too) before it pops its own stack of names, so nameNr
 * is the element's depth at both ends: the pair builds a node, or not.
 */
static void
capped_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct capped *c = ctxt->_private;

	if (ctxt->nameNr <= DOCUMENT_MAX_DEPTH)
		xmlSAX2StartElement(ctx, name, atts);
	else if (c->deep_line == 0)
		c->deep_line = parse_line(ctxt);
}

static void
capped_end(void *ctx, const xmlChar *name)
{
	xmlParserCtxtPtr ctxt = ctx;

	if (ctxt->nameNr <= DOCUMENT_MAX_DEPTH)
		xmlSAX2EndElement(ctx, name);
}

/*
 * The tree of html (len <= INT_MAX bytes of UTF-8), at most
 * DOCUMENT_MAX_DEPTH deep, or NULL; *deep_line: as struct capped says.
 * The caller frees the tree with xmlFreeDoc().
 */
static htmlDocPtr
parse_html(const char *html, size_t len, int *deep_line)
{
	const int options = HTML_PARSE_RECOVER | HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_IGNORE_ENC |
	    XML_PARSE_HUGE;
	struct capped c = { 0 };
	htmlParserCtxtPtr ctxt;
	htmlDocPtr tree;

	*deep_line = 0;
	if (len == 0 || (ctxt = htmlCreateMemoryParserCtxt(html, (int)len)) == NULL)
		return NULL;
	ctxt->_private = &c;
	ctxt->sax->startElement = capped_start;
	ctxt->sax->endElement = capped_end;
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	htmlCtxtUseOptions(ctxt, options);
	htmlParseDocument(ctxt);
	tree = ctxt->myDoc;
	ctxt->myDoc = NULL;
	/* as htmlReadMemory() does: the tree may share the parser's names */
	if (ctxt->dictNames && tree && tree->dict == ctxt->dict)
		ctxt->dict = NULL;
	htmlFreeParserCtxt(ctxt);
	*deep_line = c.deep_line;
	return tree;
}

/* Is the element of this name (len bytes, any case) a block's? */
static bool
block_name(const char *name, size_t len)
{
	char lower[16];

	if (len == 0 || len >= sizeof lower)
		return false;
	for (size_t i = 0; i < len; i++)
		lower[i] = (char)(name[i] | (name[i] >= 'A' && name[i] <= 'Z' ?
		    0x20 : 0));
	lower[len] = '\0';
	return elem_named((const xmlChar *)lower)->kind != EL_INLINE &&
	    elem_named((const xmlChar *)lower)->kind != EL_A;
}

/*
 * The rest of a body past DOCUMENT_MAX_ELEMENTS (rest, len bytes), as
 * plain text at the end of the tree's body.
 */
static void
add_rest(htmlDocPtr tree, const char *rest, size_t len)
{
	struct buf text = BUF_INIT;
	xmlNode *root = tree ? xmlDocGetRootElement(tree) : NULL, *body = root;

	for (xmlNode *n = root ? root->children : NULL; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE && n->name &&
		    strcmp((const char *)n->name, "body") == 0)
			body = n;
	document_source_text(&text, rest, len, block_name);
	if (body && text.len <= INT_MAX)
		xmlAddChild(body, xmlNewTextLen((const xmlChar *)text.buf,
		    (int)text.len));
	buf_release(&text);
}

/* The line of the file for a line of the HTML (first_line: as
 * document_options says; 0: none applies). */
static int
file_line(int first_line, int line)
{
	if (line > 0 && first_line > 0)
		line += first_line - 1;
	return line > 0 ? line : 0;
}

/*
 * document_from_html(), and for guess false without judging the language
 * by the text: only the generated placeholder words depend on it, which
 * document_text() leaves out. no_lines: the HTML was made from something
 * else (Markdown), so its lines are not the file's; warn: whether to warn
 * of nesting cut short (the Markdown stage may have already).
 */
static struct document *
from_html(const char *html, size_t len, const struct document_options *opt,
    bool guess, bool no_lines, bool warn)
{
	struct buf clean = BUF_INIT;
	struct document *doc;
	struct walk w;
	htmlDocPtr tree;
	xmlNode *root;
	int deep_line, first = opt ? opt->first_line : 0;
	size_t cut;

	pthread_once(&xml_once, xml_init);
	if (!document_source_clean(html, len, true)) {
		/* bad bytes become U+FFFD (libxml2 would switch to Latin-1 at
		 * the first); controls and escape sequences go */
		document_source_scrub(&clean, html, len, true);
		html = clean.buf;
		len = clean.len;
	}
	if (len > INT_MAX)
		len = INT_MAX;
	doc = document_new(DOCUMENT_LANG_OTHER);
	if (opt && opt->headimg && *opt->headimg)
		document_add_link(doc, opt->headimg, DOCUMENT_LINK_HEADIMG);
	/* Past so many elements, the rest is text, read without a tree. */
	cut = document_source_cut(html, len, DOCUMENT_MAX_ELEMENTS);
	tree = parse_html(html, cut, &deep_line);
	if (deep_line && warn)
		warnings_add(&doc->warnings, file_line(first, no_lines ? 0 :
		    deep_line), "elements nested deeper than %d levels; the "
		    "text inside is shown without them", DOCUMENT_MAX_DEPTH);
	if (cut < len) {
		int line = 1;

		for (const char *p = html; !no_lines &&
		    (p = memchr(p, '\n', cut - (size_t)(p - html))); p++)
			line++;
		add_rest(tree, html + cut, len - cut);
		warnings_add(&doc->warnings, file_line(first, no_lines ? 0 :
		    line), "more than %d elements; the rest is shown as plain "
		    "text", DOCUMENT_MAX_ELEMENTS);
	}
	root = tree ? xmlDocGetRootElement(tree) : NULL;
	if (!lang_from_tag(opt ? opt->lang : NULL, &doc->lang) && root && guess)
		doc->lang = guess_lang(root);
	if (root) {
		memset(&w, 0, sizeof w);
		document_flow_init(&w.f, doc);
		walk_tree(&w, root);
		document_flow_finish(&w.f);
		free(w.stack);
	}
	document_split_blocks(doc, DOCUMENT_MAX_BLOCK_TEXT);
	if (tree)
		xmlFreeDoc(tree);
	buf_release(&clean);
	return doc;
}

struct document *
document_from_html(const char *html, size_t len,
    const struct document_options *opt)
{
	return from_html(html, len, opt, true, false, true);
}

static struct document *
from_markdown(const char *md, size_t len, const struct document_options *opt,
    bool guess)
{
	struct buf html = BUF_INIT, clean = BUF_INIT, flat = BUF_INIT;
	struct document *doc;
	int deep_line;
	size_t cut;

	if (!document_source_clean(md, len, false)) {
		document_source_scrub(&clean, md, len, false);
		md = clean.buf;
		len = clean.len;
	}
	/* md4c's memory grows with the markers that open on one line */
	deep_line = markdown_limit_nesting(md, len, MARKDOWN_MAX_NESTING, &flat);
	if (deep_line) {
		md = flat.buf;
		len = flat.len;
		buf_release(&clean);
	}
	/* on failure, what md4c rendered so far is still shown; past
	 * MARKDOWN_MAX_LINES, the rest is text */
	cut = document_source_lines(md, len, MARKDOWN_MAX_LINES,
	    MARKDOWN_MAX_BYTES);
	(void)markdown_to_html(md, cut, &html);
	if (cut < len) {
		buf_adds(&html, "<p>");
		document_source_escape(&html, md + cut, len - cut);
		buf_adds(&html, "</p>");
	}
	buf_release(&clean);
	buf_release(&flat);
	doc = from_html(html.buf, html.len, opt, guess, true, !deep_line);
	buf_release(&html);
	if (deep_line) {
		int line = deep_line;

		if (opt && opt->first_line > 0)
			line += opt->first_line - 1;
		warnings_add(&doc->warnings, line, "Markdown quotes and lists "
		    "nested deeper than %d levels on one line; the text inside "
		    "is shown with %d", MARKDOWN_MAX_NESTING,
		    MARKDOWN_MAX_NESTING);
	}
	if (cut < len) {
		int line = 1;

		for (const char *p = md; (p = memchr(p, '\n',
		    cut - (size_t)(p - md))); p++)
			line++;
		warnings_add(&doc->warnings, line + (opt && opt->first_line >
		    0 ? opt->first_line - 1 : 0), "more than %d lines or %u "
		    "MiB of Markdown; the rest is shown as plain text",
		    MARKDOWN_MAX_LINES, MARKDOWN_MAX_BYTES >> 20);
	}
	return doc;
}

struct document *
document_from_markdown(const char *md, size_t len,
    const struct document_options *opt)
{
	return from_markdown(md, len, opt, true);
}

static struct document *
from_article(const struct article *a, bool guess)
{
	struct document_options opt = { a->lang, a->headimg, a->body_line };
	const char *body = a->body ? a->body : "";	/* article_load_meta() */
	size_t len = a->body ? a->body_len : 0;

	if (a->format == ARTICLE_MARKDOWN)
		return from_markdown(body, len, &opt, guess);
	return from_html(body, len, &opt, guess, false, true);
}

struct document *
document_from_article(const struct article *a)
{
	return from_article(a, true);
}

void
document_article_text(const struct article *a, struct buf *out,
    struct warnings *w)
{
	struct document *doc = from_article(a, false);

	document_text(doc, out);
	for (size_t i = 0; w && i < doc->warnings.nr; i++)
		warnings_add(w, doc->warnings.v[i].line, "%s",
		    doc->warnings.v[i].msg);
	document_free(doc);
}
