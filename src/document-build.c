/* SPDX-License-Identifier: MIT */
/*
 * document-build: the document model itself, with no HTML in sight: the
 * growable block list, styled runs, frames, the numbered link list (with a
 * small hash index so a URL linked twice keeps one number), the plain text
 * for indexing, and freeing. document.c (libxml2) and page.c build through
 * these functions.
 */
#include "config.h"
#include "document.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "url.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * URL -> position in doc->links, open addressing with linear probing.
 * slots[i] is 0 when empty, else the link's position + 1. The table is
 * kept at most half full.
 */
struct document_link_index {
	size_t *slots;
	size_t mask;		/* capacity - 1; capacity is a power of two */
	size_t used;
};

struct document *
document_new(enum document_lang lang)
{
	struct document *doc = xcalloc(1, sizeof *doc);

	doc->lang = lang;
	return doc;
}

struct document_block *
document_add_block(struct document *doc, enum document_kind kind)
{
	struct document_block *b;

	ALLOC_GROW(doc->blocks, doc->nblocks + 1, doc->blocks_alloc);
	b = &doc->blocks[doc->nblocks++];
	memset(b, 0, sizeof *b);
	b->kind = kind;
	buf_init(&b->text, 0);
	return b;
}

void
document_block_add(struct document_block *b, const char *s, size_t len,
    uint16_t style, int link)
{
	struct document_run *last = b->nruns ? &b->runs[b->nruns - 1] : NULL;

	if (len == 0)
		return;
	if (!last || last->style != style || last->link != link) {
		ALLOC_GROW(b->runs, b->nruns + 1, b->runs_alloc);
		last = &b->runs[b->nruns++];
		last->start = b->text.len;
		last->style = style;
		last->link = link;
	}
	buf_add(&b->text, s, len);
}

void
document_block_add_frame(struct document_block *b,
    const struct document_frame *f)
{
	if (b->nframes >= DOCUMENT_MAX_FRAMES)
		return;
	b->frames = xreallocarray(b->frames, b->nframes + 1, sizeof *b->frames);
	b->frames[b->nframes++] = *f;
}

/* --- splitting long blocks --- */

/*
 * Where a piece of b's text [s, len) ends: the next piece starts at the
 * return value, and this one ends at *end (before the line break, or the
 * space of flowing text, that the split stands in for).
 */
static size_t
split_at(const struct document_block *b, size_t s, size_t max, size_t *end)
{
	const char *t = b->text.buf;
	size_t lim = s + max, look = max / 8, i;

	*end = b->text.len;
	if (b->text.len - s <= max)
		return b->text.len;
	/* a line break, or a space of flowing text, near the end: dropped */
	for (i = lim; i > lim - look; i--) {
		if (t[i - 1] == '\n' ||
		    (t[i - 1] == ' ' && b->kind != DOCUMENT_PRE)) {
			*end = i - 1;
			return i;
		}
	}
	/* else after a space (kept), or before ASCII or a CJK character:
	 * no combining mark is cut from its base */
	for (i = lim; i > lim - look; i--) {
		unsigned char c = (unsigned char)t[i];

		if (t[i - 1] == ' ' || c < 0x80 || (c >= 0xE3 && c <= 0xE9)) {
			*end = i;
			return i;
		}
	}
	/* else at any character's start */
	for (i = lim; i > s + 1 && ((unsigned char)t[i] & 0xC0) == 0x80;)
		i--;
	*end = i;
	return i;
}

/* A block holding b's text [s, e), with b's look and its runs there. */
static void
split_piece(struct document_block *piece, const struct document_block *b,
    size_t s, size_t e)
{
	const struct document_run *r = document_block_run_at(b, s);
	size_t k = (size_t)(r - b->runs);

	memset(piece, 0, sizeof *piece);
	piece->kind = b->kind;
	piece->level = b->level;
	piece->style = b->style;
	buf_init(&piece->text, e - s);
	buf_add(&piece->text, b->text.buf + s, e - s);
	for (; k < b->nruns && b->runs[k].start < e; k++) {
		ALLOC_GROW(piece->runs, piece->nruns + 1, piece->runs_alloc);
		piece->runs[piece->nruns] = b->runs[k];
		piece->runs[piece->nruns].start = b->runs[k].start > s ?
		    b->runs[k].start - s : 0;
		piece->nruns++;
	}
	for (size_t f = 0; f < b->nframes; f++) {
		struct document_frame fr = b->frames[f];

		fr.first = false;	/* the marker was on the first piece */
		document_block_add_frame(piece, &fr);
	}
}

static bool
splittable(const struct document_block *b, size_t max)
{
	return b->text.len > max && (b->kind == DOCUMENT_PARA ||
	    b->kind == DOCUMENT_HEADING || b->kind == DOCUMENT_PRE);
}

void
document_split_blocks(struct document *doc, size_t max)
{
	struct document_block *out;
	size_t n = doc->nblocks, extra = 0, o = 0, end;

	for (size_t i = 0; i < n; i++)
		for (size_t s = 0; splittable(&doc->blocks[i], max) &&
		    (s = split_at(&doc->blocks[i], s, max, &end)) <
		    doc->blocks[i].text.len;)
			extra++;
	if (extra == 0)
		return;
	out = xcalloc(n + extra, sizeof *out);
	for (size_t i = 0; i < n; i++) {
		struct document_block *b = &doc->blocks[i];
		/* piece k is [start[k], stop[k]); piece 0 starts at 0 */
		size_t *start = NULL, *stop = NULL, np = 0, alloc = 0, s = 0;

		if (!splittable(b, max)) {
			out[o++] = *b;
			continue;
		}
		do {
			ALLOC_GROW(start, np + 1, alloc);
			stop = xreallocarray(stop, alloc, sizeof *stop);
			start[np] = s;
			s = split_at(b, s, max, &stop[np]);
			np++;
		} while (s < b->text.len);
		/*
		 * Pieces from the last: each is copied out and b's text cut
		 * short before the next, so the text is held about once.
		 */
		for (size_t k = np; k-- > 1;) {
			split_piece(&out[o + k], b, start[k], stop[k]);
			buf_setlen(&b->text, stop[k - 1]);
			if (b->text.alloc > stop[k - 1] + 1) {
				b->text.buf = xrealloc(b->text.buf, stop[k - 1] + 1);
				b->text.alloc = stop[k - 1] + 1;
			}
		}
		while (b->nruns > 1 && b->runs[b->nruns - 1].start >= stop[0])
			b->nruns--;
		out[o] = *b;
		o += np;
		free(start);
		free(stop);
	}
	free(doc->blocks);
	doc->blocks = out;
	doc->nblocks = doc->blocks_alloc = n + extra;
}

const struct document_run *
document_block_run_at(const struct document_block *b, size_t off)
{
	size_t lo = 0, hi = b->nruns;

	if (b->nruns == 0)
		return NULL;
	/* the last run whose start <= off */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->runs[mid].start <= off)
			lo = mid;
		else
			hi = mid;
	}
	return &b->runs[lo];
}

/* --- links --- */

static size_t
hash_str(const char *s)
{
	size_t h = 1469598103934665603u;	/* FNV-1a */

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static void
index_insert(struct document_link_index *ix, const struct document *doc,
    size_t pos)
{
	size_t i = hash_str(doc->links[pos].url) & ix->mask;

	while (ix->slots[i])
		i = (i + 1) & ix->mask;
	ix->slots[i] = pos + 1;
	ix->used++;
}

static void
index_rebuild(struct document *doc, size_t capacity)
{
	struct document_link_index *ix = doc->index;

	if (!ix)
		ix = doc->index = xcalloc(1, sizeof *ix);
	free(ix->slots);
	ix->slots = xcalloc(capacity, sizeof *ix->slots);
	ix->mask = capacity - 1;
	ix->used = 0;
	for (size_t i = 0; i < doc->nlinks; i++)
		index_insert(ix, doc, i);
}

/* The position of url in doc->links, or SIZE_MAX. */
static size_t
index_find(const struct document *doc, const char *url)
{
	const struct document_link_index *ix = doc->index;

	if (!ix)
		return SIZE_MAX;
	for (size_t i = hash_str(url) & ix->mask; ix->slots[i];
	    i = (i + 1) & ix->mask) {
		size_t pos = ix->slots[i] - 1;
		if (strcmp(doc->links[pos].url, url) == 0)
			return pos;
	}
	return SIZE_MAX;
}

/* The link's number for url (already scrubbed), as document_add_link(). */
static int
add_link(struct document *doc, char *url, enum document_link_kind kind)
{
	struct document_link link;
	size_t pos;

	if (kind != DOCUMENT_LINK_HEADIMG &&
	    (pos = index_find(doc, url)) != SIZE_MAX) {
		free(url);
		return doc->links[pos].number;
	}
	if (kind == DOCUMENT_LINK_HEADIMG && doc->nlinks &&
	    doc->links[0].number == 0) {
		free(url);
		return 0;	/* there is one headimg */
	}

	link.kind = kind;
	link.url = url;
	ALLOC_GROW(doc->links, doc->nlinks + 1, doc->links_alloc);
	if (kind == DOCUMENT_LINK_HEADIMG) {
		link.number = 0;
		memmove(doc->links + 1, doc->links,
		    doc->nlinks * sizeof *doc->links);
		doc->links[0] = link;
		doc->nlinks++;
		index_rebuild(doc, doc->index ? doc->index->mask + 1 : 16);
		return 0;
	}
	link.number = doc->nlinks && doc->links[0].number == 0
	    ? (int)doc->nlinks : (int)doc->nlinks + 1;
	doc->links[doc->nlinks++] = link;
	if (!doc->index || 2 * (doc->index->used + 1) > doc->index->mask + 1)
		index_rebuild(doc, doc->index ? 2 * (doc->index->mask + 1) : 16);
	else
		index_insert(doc->index, doc, doc->nlinks - 1);
	return link.number;
}

int
document_add_link(struct document *doc, const char *url,
    enum document_link_kind kind)
{
	struct buf clean = BUF_INIT;

	/* The one place a link's URL is kept: scrubbed here, it is safe in
	 * the link list, --dump, the browser's argv and the clipboard. */
	url_scrub(&clean, url, strlen(url));
	if (clean.len == 0) {
		buf_release(&clean);
		return -1;
	}
	return add_link(doc, buf_detach(&clean, NULL), kind);
}

const struct document_link *
document_link(const struct document *doc, int number)
{
	size_t pos;

	if (number < 0 || doc->nlinks == 0)
		return NULL;
	/* numbers run 0 (the headimg, if any), then 1, 2, ... without gaps */
	pos = doc->links[0].number == 0 ? (size_t)number : (size_t)number - 1;
	if (number == 0 && doc->links[0].number != 0)
		return NULL;
	if (pos >= doc->nlinks)
		return NULL;
	return &doc->links[pos];
}

/* --- words --- */

static const char *const media_words[][4] = {
	[DOCUMENT_LANG_OTHER] = { "image", "video", "audio", "embed" },
	[DOCUMENT_LANG_ZH] = { "图", "视频", "音频", "嵌入" },
	[DOCUMENT_LANG_JA] = { "画像", "動画", "音声", "埋め込み" },
};

const char *
document_media_word(enum document_lang lang, enum document_media media)
{
	return media_words[lang][media];
}

/* --- plain text --- */

/* Append the text of b in [start, end) without generated runs. */
static void
text_range(const struct document_block *b, size_t start, size_t end,
    struct buf *out)
{
	for (size_t i = 0; i < b->nruns; i++) {
		size_t rs = b->runs[i].start;
		size_t re = i + 1 < b->nruns ? b->runs[i + 1].start : b->text.len;

		if (b->runs[i].style & DOCUMENT_STYLE_GEN)
			continue;
		if (rs < start)
			rs = start;
		if (re > end)
			re = end;
		if (rs < re)
			utf8_scrub(out, b->text.buf + rs, re - rs,
			    UTF8_SCRUB_EXPAND_TABS);
	}
}

void
document_text(const struct document *doc, struct buf *out)
{
	for (size_t i = 0; i < doc->nblocks; i++) {
		const struct document_block *b = &doc->blocks[i];

		if (b->kind == DOCUMENT_RULE)
			continue;
		if (b->kind == DOCUMENT_TABLE) {
			const struct document_table *t = b->table;

			for (size_t r = 0; r < t->nrows; r++) {
				for (size_t c = 0; c < t->ncols; c++) {
					const struct document_cell *cell =
					    &t->cells[r * t->ncols + c];
					if (c)
						buf_addc(out, ' ');
					text_range(b, cell->start, cell->end, out);
				}
				buf_addc(out, '\n');
			}
			continue;
		}
		text_range(b, 0, b->text.len, out);
		buf_addc(out, '\n');
	}
}

/* --- freeing --- */

void
document_block_release(struct document_block *b)
{
	buf_release(&b->text);
	free(b->runs);
	free(b->frames);
	if (b->table) {
		free(b->table->cells);
		free(b->table);
	}
}

void
document_free(struct document *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->nblocks; i++)
		document_block_release(&doc->blocks[i]);
	free(doc->blocks);
	for (size_t i = 0; i < doc->nlinks; i++)
		free(doc->links[i].url);
	free(doc->links);
	if (doc->index) {
		free(doc->index->slots);
		free(doc->index);
	}
	warnings_release(&doc->warnings);
	free(doc);
}
