/* SPDX-License-Identifier: MIT */
/*
 * page: header + body + link list as one document, laid out lazily and
 * cached per width.
 *
 * The page's document holds the header blocks [0, header_end), the body's
 * blocks [header_end, body_end) (moved over from document_from_article's
 * document, links and all) and one block per link [body_end, nblocks).
 *
 * Each cache slot belongs to one width: the laid-out blocks (NULL until
 * asked for) and the first absolute line of each block, known for a
 * prefix of the blocks that grows as absolute numbers are asked for. Two
 * slots, the least recently used one giving way to a new width.
 */
#include "config.h"
#include "page.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "buf.h"
#include "document.h"
#include "xmalloc.h"

#define PAGE_CACHE_SLOTS 2
/* page_prepare_start() uses at most this many threads */
#define PAGE_MAX_THREADS 8

struct page_cache {
	unsigned width;		/* 0: the slot is free */
	unsigned long used;	/* the clock when last asked for */
	struct layout_block **blocks; /* nblocks; NULL until laid out */
	size_t *start;		/* start[i]: the absolute line where block
				 * i begins, for i <= known */
	size_t known;
	size_t lo, hi;		/* blocks[i] is NULL outside [lo, hi) */
};

struct page {
	struct document *doc;
	struct layout *layout;
	unsigned flags;		/* enum layout_flags */
	size_t header_end, body_end;
	struct page_cache cache[PAGE_CACHE_SLOTS];
	unsigned long clock;
	/* page_prepare_start()'s helper threads' layouts, made when first needed */
	struct layout *helpers[PAGE_MAX_THREADS - 1];
};

/* --- building --- */

static void
add_line(struct document *doc, const char *text, uint16_t block_style,
    uint16_t run_style, enum document_kind kind)
{
	struct document_block *b;

	if (!text || !*text)
		return;
	b = document_add_block(doc, kind);
	b->level = kind == DOCUMENT_HEADING ? 1 : 0;
	b->style = block_style;
	document_block_add(b, text, strlen(text), run_style, -1);
}

static void
add_header(struct document *doc, const struct page_meta *m)
{
	uint16_t hd = DOCUMENT_STYLE_HEADER;
	struct buf line = BUF_INIT;

	add_line(doc, m->title, hd | DOCUMENT_STYLE_TITLE |
	    DOCUMENT_STYLE_HEADING, DOCUMENT_STYLE_BOLD, DOCUMENT_HEADING);
	if (m->date && *m->date)
		buf_adds(&line, m->date);
	if (m->author && *m->author)
		buf_addf(&line, "%s%s", line.len ? " · " : "", m->author);
	add_line(doc, line.buf, hd | DOCUMENT_STYLE_DIM, 0, DOCUMENT_PARA);
	add_line(doc, m->category, hd | DOCUMENT_STYLE_DIM, 0, DOCUMENT_PARA);
	add_line(doc, m->tags, hd | DOCUMENT_STYLE_DIM, 0, DOCUMENT_PARA);
	buf_release(&line);
}

/* Move body's blocks and links onto the end of doc; body is freed. */
static void
take_body(struct document *doc, struct document *body)
{
	size_t first = doc->nblocks;

	ALLOC_GROW(doc->blocks, doc->nblocks + body->nblocks, doc->blocks_alloc);
	if (body->nblocks)	/* a header-only page's body has no array */
		memcpy(doc->blocks + doc->nblocks, body->blocks,
		    body->nblocks * sizeof *body->blocks);
	doc->nblocks += body->nblocks;
	if (first > 0 && doc->nblocks > first)
		doc->blocks[first].space_before = 1;
	body->nblocks = 0;
	/* doc has no links yet: take the list and its index whole */
	doc->links = body->links;
	doc->nlinks = body->nlinks;
	doc->links_alloc = body->links_alloc;
	doc->index = body->index;
	doc->warnings = body->warnings;
	memset(&body->warnings, 0, sizeof body->warnings);
	body->links = NULL;
	body->nlinks = body->links_alloc = 0;
	body->index = NULL;
	document_free(body);
}

/* One block per link: "[n] URL", the numbers aligned right. */
static void
add_link_list(struct document *doc)
{
	int last = doc->nlinks ? doc->links[doc->nlinks - 1].number : 0;
	char tmp[16];
	size_t mw = (size_t)snprintf(tmp, sizeof tmp, "[%d]", last);

	for (size_t i = 0; i < doc->nlinks; i++) {
		const struct document_link *l = &doc->links[i];
		struct document_frame f = { DOCUMENT_FRAME_ITEM, "",
		    (unsigned)mw + 1, true };
		struct document_block *b = document_add_block(doc, DOCUMENT_PARA);
		size_t len = (size_t)snprintf(tmp, sizeof tmp, "[%d]", l->number);

		/* right-aligned: "[9]" under "[10]" reads " [9]" */
		memset(f.marker, ' ', mw - len);
		memcpy(f.marker + (mw - len), tmp, len + 1);
		document_block_add_frame(b, &f);
		b->space_before = i == 0 && doc->nblocks > 1;
		document_block_add(b, l->url, strlen(l->url),
		    DOCUMENT_STYLE_LINK, l->number);
	}
}

struct page *
page_new_document(struct document *body, const struct page_meta *meta,
    const struct page_options *opt)
{
	struct page *p = xcalloc(1, sizeof *p);
	enum page_indent indent = opt ? opt->indent : PAGE_INDENT_AUTO;

	p->doc = document_new(body->lang);
	if (meta)
		add_header(p->doc, meta);
	p->header_end = p->doc->nblocks;
	take_body(p->doc, body);
	p->body_end = p->doc->nblocks;
	add_link_list(p->doc);
	p->layout = layout_new(true);
	if (indent == PAGE_INDENT_ON ||
	    (indent == PAGE_INDENT_AUTO && p->doc->lang == DOCUMENT_LANG_ZH))
		p->flags |= LAYOUT_INDENT;
	return p;
}

struct page *
page_new(const struct article *a, const struct page_options *opt)
{
	struct page_meta m = { a->title, NULL, a->author, NULL, NULL };
	struct buf date = BUF_INIT, tags = BUF_INIT;
	char *cat = article_category_path(a, " › ");
	struct page *p;

	if (a->date != ARTICLE_NO_DATE) {
		time_t t = (time_t)a->date;
		struct tm tm;
		char s[64];

		if (localtime_r(&t, &tm) &&
		    strftime(s, sizeof s, "%Y-%m-%d %H:%M", &tm) > 0)
			buf_adds(&date, s);
	}
	for (size_t i = 0; i < a->tags.nr; i++)
		buf_addf(&tags, "%s#%s", i ? " " : "", a->tags.v[i]);
	m.date = date.buf;
	m.category = cat;
	m.tags = tags.buf;
	p = page_new_document(document_from_article(a), &m, opt);
	buf_release(&date);
	free(cat);
	buf_release(&tags);
	return p;
}

static void
cache_clear(struct page *p, struct page_cache *c)
{
	if (c->blocks)
		for (size_t i = 0; i < p->doc->nblocks; i++)
			layout_block_free(c->blocks[i]);
	free(c->blocks);
	free(c->start);
	memset(c, 0, sizeof *c);
}

void
page_free(struct page *p)
{
	if (!p)
		return;
	for (int i = 0; i < PAGE_CACHE_SLOTS; i++)
		cache_clear(p, &p->cache[i]);
	layout_free(p->layout);
	for (int i = 0; i < PAGE_MAX_THREADS - 1; i++)
		layout_free(p->helpers[i]);
	document_free(p->doc);
	free(p);
}

/* --- the cache --- */

static struct page_cache *
cache_for(struct page *p, unsigned w)
{
	struct page_cache *victim = &p->cache[0];

	for (int i = 0; i < PAGE_CACHE_SLOTS; i++) {
		struct page_cache *c = &p->cache[i];

		if (c->width == w) {
			c->used = ++p->clock;
			return c;
		}
		if (c->used < victim->used)
			victim = c;
	}
	cache_clear(p, victim);
	victim->width = w;
	victim->used = ++p->clock;
	victim->blocks = xcalloc(p->doc->nblocks + 1, sizeof *victim->blocks);
	victim->start = xcalloc(p->doc->nblocks + 1, sizeof *victim->start);
	return victim;
}

/* Blocks [first, end) are laid out now: widen [lo, hi) over them. */
static void
cache_widen(struct page_cache *c, size_t first, size_t end)
{
	if (c->lo >= c->hi) {
		c->lo = first;
		c->hi = end;
	} else {
		c->lo = first < c->lo ? first : c->lo;
		c->hi = end > c->hi ? end : c->hi;
	}
}

static const struct layout_block *
cached_block(struct page *p, struct page_cache *c, size_t i)
{
	if (!c->blocks[i]) {
		c->blocks[i] = layout_block(p->layout, p->doc, i, c->width,
		    p->flags);
		cache_widen(c, i, i + 1);
	}
	return c->blocks[i];
}

/* Know where blocks [0, upto] begin. */
static void
extend(struct page *p, struct page_cache *c, size_t upto)
{
	while (c->known < upto && c->known < p->doc->nblocks) {
		c->start[c->known + 1] = c->start[c->known] +
		    cached_block(p, c, c->known)->nlines;
		c->known++;
	}
}

size_t
page_nblocks(const struct page *p)
{
	return p->doc->nblocks;
}

const struct layout_block *
page_block(struct page *p, unsigned w, size_t i)
{
	if (i >= p->doc->nblocks)
		return NULL;
	return cached_block(p, cache_for(p, w ? w : 1), i);
}

/* One thread's share of a preparation: blocks by a shared counter. */
struct prep {
	struct page *p;
	struct page_cache *c;
	size_t next;		/* the next block to take (atomic) */
	size_t end;
};

struct prep_worker {
	struct prep *job;
	struct layout **lay;	/* its layout, made by the thread if NULL */
	pthread_t thread;
};

/* A page_prepare_start() under way. */
struct page_job {
	struct prep job;
	size_t first;
	struct prep_worker wk[PAGE_MAX_THREADS - 1];
	unsigned n;		/* helper threads running */
};

static void *
prep_run(void *arg)
{
	struct prep_worker *wk = arg;
	struct prep *job = wk->job;
	size_t i;

	/* A helper's ICU iterators are made here, beside the caller's work,
	 * not before the thread starts. */
	if (!*wk->lay)
		*wk->lay = layout_new(true);
	while ((i = __atomic_fetch_add(&job->next, 1, __ATOMIC_RELAXED)) <
	    job->end) {
		/* each thread writes only the slots it took */
		if (!job->c->blocks[i])
			job->c->blocks[i] = layout_block(*wk->lay, job->p->doc, i,
			    job->c->width, job->p->flags);
	}
	return NULL;
}

struct page_job *
page_prepare_start(struct page *p, unsigned w, size_t first, size_t end,
    unsigned threads)
{
	struct page_job *j = xcalloc(1, sizeof *j);

	if (end > p->doc->nblocks)
		end = p->doc->nblocks;
	j->job.p = p;
	j->job.c = cache_for(p, w ? w : 1);
	j->job.next = j->first = first;
	j->job.end = end;
	if (first >= end)
		return j;
	if (threads > PAGE_MAX_THREADS)
		threads = PAGE_MAX_THREADS;
	if (threads > end - first)
		threads = (unsigned)(end - first);
	for (unsigned t = 1; t < threads; t++) {
		struct prep_worker *wk = &j->wk[j->n];

		wk->job = &j->job;
		wk->lay = &p->helpers[t - 1];
		if (pthread_create(&wk->thread, NULL, prep_run, wk) == 0)
			j->n++;
	}
	return j;
}

void
page_prepare_finish(struct page *p, struct page_job *j)
{
	struct prep_worker self = { &j->job, &p->layout, 0 };
	struct page_cache *c = j->job.c;
	size_t first = j->first, end = j->job.end;

	if (first < end)
		prep_run(&self);
	for (unsigned t = 0; t < j->n; t++)
		pthread_join(j->wk[t].thread, NULL);
	free(j);
	if (first < end)
		cache_widen(c, first, end);
}

void
page_trim(struct page *p, unsigned w, size_t first, size_t end)
{
	w = w ? w : 1;
	for (int k = 0; k < PAGE_CACHE_SLOTS; k++) {
		struct page_cache *c = &p->cache[k];

		if (c->width != w)
			continue;
		/* only [lo, hi) can hold blocks: trimming as one goes is cheap */
		for (size_t i = c->lo; i < c->hi; i++) {
			if (i >= first && i < end)
				continue;
			layout_block_free(c->blocks[i]);
			c->blocks[i] = NULL;
		}
		if (first < end && first < c->hi && end > c->lo) {
			c->lo = first > c->lo ? first : c->lo;
			c->hi = end < c->hi ? end : c->hi;
		} else {
			c->lo = c->hi = 0;
		}
	}
}

/* --- relative positions --- */

const struct layout_line *
page_pos_line(struct page *p, unsigned w, struct page_pos pos)
{
	const struct layout_block *lb = page_block(p, w, pos.block);

	if (!lb || pos.line >= lb->nlines)
		return NULL;
	return &lb->lines[pos.line];
}

long
page_pos_move(struct page *p, unsigned w, struct page_pos *pos, long delta)
{
	size_t n = p->doc->nblocks;
	long moved = 0;

	if (n == 0)
		return 0;
	if (pos->block >= n) {
		*pos = page_last(p, w);
	} else {
		size_t nl = page_block(p, w, pos->block)->nlines;
		if (pos->line >= nl)
			pos->line = nl - 1;
	}
	while (delta > 0) {
		size_t nl = page_block(p, w, pos->block)->nlines;

		if (pos->line + 1 < nl) {
			size_t step = nl - 1 - pos->line;
			if ((unsigned long)delta < step)
				step = (size_t)delta;
			pos->line += step;
			delta -= (long)step;
			moved += (long)step;
		} else if (pos->block + 1 < n) {
			pos->block++;
			pos->line = 0;
			delta--;
			moved++;
		} else {
			break;
		}
	}
	while (delta < 0) {
		if (pos->line > 0) {
			size_t step = pos->line;
			if ((unsigned long)-delta < step)
				step = (size_t)-delta;
			pos->line -= step;
			delta += (long)step;
			moved -= (long)step;
		} else if (pos->block > 0) {
			pos->block--;
			pos->line = page_block(p, w, pos->block)->nlines - 1;
			delta++;
			moved--;
		} else {
			break;
		}
	}
	return moved;
}

struct page_pos
page_first(const struct page *p)
{
	struct page_pos pos = { 0, 0 };
	(void)p;
	return pos;
}

struct page_pos
page_last(struct page *p, unsigned w)
{
	struct page_pos pos = { 0, 0 };

	if (p->doc->nblocks == 0)
		return pos;
	pos.block = p->doc->nblocks - 1;
	pos.line = page_block(p, w, pos.block)->nlines - 1;
	return pos;
}

struct page_anchor
page_anchor_at(struct page *p, unsigned w, struct page_pos pos)
{
	const struct layout_line *ln = page_pos_line(p, w, pos);
	struct page_anchor a = { pos.block, ln ? ln->pos : 0 };

	return a;
}

struct page_pos
page_anchor_pos(struct page *p, unsigned w, struct page_anchor a)
{
	struct page_pos pos;

	if (a.block >= p->doc->nblocks)
		return page_last(p, w);
	pos.block = a.block;
	pos.line = layout_block_find(page_block(p, w, a.block), a.offset);
	return pos;
}

/* --- absolute line numbers --- */

size_t
page_count(struct page *p, unsigned w)
{
	struct page_cache *c = cache_for(p, w ? w : 1);

	extend(p, c, p->doc->nblocks);
	return c->start[p->doc->nblocks];
}

/* The block holding absolute line n (< the count). */
static size_t
block_of_line(struct page *p, struct page_cache *c, size_t n)
{
	size_t lo = 0, hi;

	while (c->known < p->doc->nblocks && c->start[c->known] <= n)
		extend(p, c, c->known + 1);
	hi = c->known;
	/* the last block i < known with start[i] <= n */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (c->start[mid] <= n)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

const struct layout_line *
page_line(struct page *p, unsigned w, size_t n)
{
	struct page_cache *c = cache_for(p, w ? w : 1);
	size_t b;

	if (n >= page_count(p, w ? w : 1))
		return NULL;
	b = block_of_line(p, c, n);
	return &cached_block(p, c, b)->lines[n - c->start[b]];
}

size_t
page_pos_index(struct page *p, unsigned w, struct page_pos pos)
{
	struct page_cache *c = cache_for(p, w ? w : 1);

	if (pos.block >= p->doc->nblocks)
		return page_count(p, w);
	extend(p, c, pos.block);
	return c->start[pos.block] + pos.line;
}

struct page_pos
page_index_pos(struct page *p, unsigned w, size_t n)
{
	struct page_cache *c;
	struct page_pos pos = { 0, 0 };
	size_t count = page_count(p, w ? w : 1);

	if (count == 0)
		return pos;
	if (n >= count)
		n = count - 1;
	c = cache_for(p, w ? w : 1);
	pos.block = block_of_line(p, c, n);
	pos.line = n - c->start[pos.block];
	return pos;
}

/* --- parts, links --- */

void
page_header_blocks(const struct page *p, size_t *first, size_t *end)
{
	*first = 0;
	*end = p->header_end;
}

void
page_body_blocks(const struct page *p, size_t *first, size_t *end)
{
	*first = p->header_end;
	*end = p->body_end;
}

void
page_link_blocks(const struct page *p, size_t *first, size_t *end)
{
	*first = p->body_end;
	*end = p->doc->nblocks;
}

size_t
page_block_text_len(const struct page *p, size_t i)
{
	return i < p->doc->nblocks ? p->doc->blocks[i].text.len : 0;
}

const struct warnings *
page_warnings(const struct page *p)
{
	return &p->doc->warnings;
}

size_t
page_nlinks(const struct page *p)
{
	return p->doc->nlinks;
}

const struct document_link *
page_link_nth(const struct page *p, size_t i)
{
	return i < p->doc->nlinks ? &p->doc->links[i] : NULL;
}

const struct document_link *
page_link(const struct page *p, int number)
{
	return document_link(p->doc, number);
}

int
page_link_at(const struct page *p, size_t block, uint32_t pos)
{
	const struct document_run *r;

	if (block >= p->doc->nblocks || pos == LAYOUT_NO_POS)
		return -1;
	r = document_block_run_at(&p->doc->blocks[block], pos);
	return r ? r->link : -1;
}

/* --- search --- */

const char *
page_block_text(const struct page *p, size_t i, size_t *len)
{
	if (i >= p->doc->nblocks) {
		*len = 0;
		return "";
	}
	*len = p->doc->blocks[i].text.len;
	return p->doc->blocks[i].text.buf;
}

static int
fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static bool
match_at(const char *s, const char *needle, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (fold((unsigned char)s[i]) != fold((unsigned char)needle[i]))
			return false;
	return true;
}

/* A match in block b starting in [lo, hi), the first or the last. */
static bool
find_in(const struct document_block *b, const char *needle, size_t n,
    size_t lo, size_t hi, bool backward, uint32_t *at)
{
	if (b->text.len < n)
		return false;
	if (hi > b->text.len - n + 1)
		hi = b->text.len - n + 1;
	for (size_t k = 0; lo + k < hi; k++) {
		size_t i = backward ? hi - 1 - k : lo + k;
		const struct document_run *r;

		if (!match_at(b->text.buf + i, needle, n))
			continue;
		r = document_block_run_at(b, i);
		if (r && (r->style & DOCUMENT_STYLE_GEN))
			continue;
		*at = (uint32_t)i;
		return true;
	}
	return false;
}

bool
page_find(const struct page *p, const char *needle, struct page_anchor from,
    bool backward, struct page_match *m)
{
	size_t n = strlen(needle), nb = p->doc->nblocks;

	if (n == 0 || nb == 0)
		return false;
	if (from.block >= nb) {
		if (!backward)
			return false;
		from.block = nb - 1;
		from.offset = UINT32_MAX;
	}
	for (size_t k = 0; k < nb; k++) {
		size_t i = backward ? from.block - k : from.block + k;
		const struct document_block *b;
		size_t lo = 0, hi = SIZE_MAX;
		uint32_t at;

		if (backward ? k > from.block : i >= nb)
			break;
		b = &p->doc->blocks[i];
		if (k == 0 && backward)
			hi = from.offset;
		else if (k == 0)
			lo = from.offset;
		if (find_in(b, needle, n, lo, hi, backward, &at)) {
			m->block = i;
			m->start = at;
			m->end = (uint32_t)(at + n);
			return true;
		}
	}
	return false;
}

size_t
page_match_spans(struct page *p, unsigned w, const struct page_match *m,
    struct page_span *spans, size_t max)
{
	const struct layout_block *lb = page_block(p, w, m->block);
	size_t count = 0;

	if (!lb)
		return 0;
	for (size_t i = layout_block_find(lb, m->start); i < lb->nlines; i++) {
		const struct layout_line *ln = &lb->lines[i];
		size_t first = SIZE_MAX, last = 0;

		if (ln->pos >= m->end)
			break;	/* lines start in order: no more of it */
		for (size_t c = 0; c < ln->ncells; c++) {
			uint32_t pos = ln->cells[c].pos;

			if (pos == LAYOUT_NO_POS || pos < m->start || pos >= m->end)
				continue;
			if (first == SIZE_MAX)
				first = c;
			last = c;
		}
		if (first == SIZE_MAX)
			continue;
		if (count < max && spans) {
			spans[count].pos.block = m->block;
			spans[count].pos.line = i;
			spans[count].first = first;
			spans[count].ncells = last - first + 1;
		}
		count++;
	}
	return count;
}
