/* SPDX-License-Identifier: MIT */
/*
 * test-page: the reading pane's contract: a page's parts, its lines at
 * a width by position and by number, anchors across a resize, the cache,
 * links, and search spans.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "document.h"
#include "page.h"
#include "tap.h"
#include "xmalloc.h"

static const char article_text[] =
    "---\n"
    "title: 大连：初步查明疫情冷链企业违法犯罪\n"
    "date: 2021-12-03 01:20:34\n"
    "author: 趣头条\n"
    "categories:\n  - 新媒体\n  - 趣头条\n"
    "tags: [疫情, 大连]\n"
    "headimg: https://img.example/head.jpg\n"
    "---\n"
    "<p>央视网消息：据“大连发布”微信公众号消息，12月2日，大连市新冠肺炎"
    "疫情防控总指挥部召开会议，深刻反思疫情防控工作，全面剖析根源、深刻"
    "汲取教训。</p>\n"
    "<p>会议指出，<a href=\"https://a.example/1\">疫情发生后</a>，全市广大"
    "干部群众万众一心、众志成城、共克时艰，迅速打响疫情防控阻击战歼灭战。"
    "经过艰苦努力，全市社会面连续13天无新增。</p>\n"
    "<p>但要清醒认识到，战“疫”尚未结束，必须保持高度警惕。</p>\n";

static char *
line_str(const struct layout_line *ln)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; ln && i < ln->ncells; i++)
		buf_add(&b, ln->cells[i].s, ln->cells[i].len);
	return buf_detach(&b, NULL);
}

#define is_line(ln, want, ...) do {				\
	char *got_ = line_str(ln);				\
	is_str(got_, (want), __VA_ARGS__);			\
	free(got_);						\
} while (0)

static struct page *
make_page(struct article **ap)
{
	struct error err = ERROR_INIT;
	struct article *a = article_parse("t.md", article_text,
	    sizeof article_text - 1, 0, &err);

	if (!a) {
		printf("Bail out! article_parse: %s\n", err.msg);
		exit(1);
	}
	*ap = a;
	return page_new(a, NULL);
}

static void
test_parts(struct page *p)
{
	size_t f, e, bf, be, lf, le;

	page_header_blocks(p, &f, &e);
	page_body_blocks(p, &bf, &be);
	page_link_blocks(p, &lf, &le);
	ok(f == 0 && e == 4, "four header blocks: title, date and author, "
	    "categories, tags");
	ok(bf == 4 && be == 7, "three body paragraphs");
	ok(lf == 7 && le == 9, "two links");
	is_int(page_nblocks(p), 9, "nine blocks in all");

	is_line(page_line(p, 40, 0), "大连：初步查明疫情冷链企业违法犯罪",
	    "line 0: the title");
	is_line(page_line(p, 40, 1), "2021-12-03 01:20 · 趣头条",
	    "line 1: date (local time; TZ=UTC here) and author");
	is_line(page_line(p, 40, 2), "新媒体 › 趣头条", "line 2: categories");
	is_line(page_line(p, 40, 3), "#疫情 #大连", "line 3: tags");
	is_line(page_line(p, 40, 4), "", "line 4: blank");
	is_line(page_line(p, 40, 5), "　　央视网消息：据“大连发布”微信公众号消",
	    "line 5: the body, indented the Chinese way");
	ok(page_line(p, 40, 0)->cells[0].style & DOCUMENT_STYLE_TITLE,
	    "the title is styled as one");
	ok(page_line(p, 40, 1)->cells[0].style & DOCUMENT_STYLE_HEADER,
	    "the date line as header");
}

static void
test_numbers(struct page *p)
{
	size_t n = page_count(p, 40);
	struct page_pos pos = page_first(p);
	bool same = true, round = true;
	long moved;

	ok(n > 15, "%zu lines at 40", n);
	ok(page_line(p, 40, n) == NULL, "no line past the end");
	for (size_t i = 0; i < n; i++) {
		if (page_pos_line(p, 40, pos) != page_line(p, 40, i))
			same = false;
		if (page_pos_index(p, 40, pos) != i)
			round = false;
		{
			struct page_pos q = page_index_pos(p, 40, i);
			if (q.block != pos.block || q.line != pos.line)
				round = false;
		}
		if (i + 1 < n)
			page_pos_move(p, 40, &pos, 1);
	}
	ok(same, "walking line by line meets every numbered line");
	ok(round, "positions and numbers convert both ways");
	pos = page_first(p);
	moved = page_pos_move(p, 40, &pos, 1000000);
	is_int(moved, (long)n - 1, "moving far down stops at the last line");
	ok(pos.block == page_last(p, 40).block &&
	    pos.line == page_last(p, 40).line, "which is page_last()");
	moved = page_pos_move(p, 40, &pos, -7);
	is_int(moved, -7, "moving up 7");
	is_int(page_pos_index(p, 40, pos), n - 8, "lands 7 lines up");
	moved = page_pos_move(p, 40, &pos, -1000000);
	is_int(moved, -(long)(n - 8), "and far up stops at the first");
	ok(pos.block == 0 && pos.line == 0, "line 0");
}

static void
test_anchors(struct page *p)
{
	size_t n = page_count(p, 80);
	bool kept = true;

	for (size_t i = 0; i < n; i++) {
		struct page_pos pos = page_index_pos(p, 80, i);
		struct page_anchor a = page_anchor_at(p, 80, pos);
		struct page_pos q = page_anchor_pos(p, 30, a);
		const struct layout_line *ln = page_pos_line(p, 30, q);
		const struct layout_line *next = page_pos_line(p, 30,
		    (struct page_pos){ q.block, q.line + 1 });

		if (q.block != pos.block || ln->pos > a.offset ||
		    (next && next->pos <= a.offset && next->pos != ln->pos))
			kept = false;
	}
	ok(kept, "the anchor of every line at 80 is on the line found for it "
	    "at 30: a resize keeps the reading position");
}

static void
test_cache(struct page *p)
{
	const struct layout_block *a40 = page_block(p, 40, 5), *a50;

	ok(page_block(p, 40, 5) == a40, "a width's blocks are cached");
	a50 = page_block(p, 50, 5);
	ok(a50 != a40 && a50->width == 50, "another width has its own");
	/* a third width evicts the least recent, 40 */
	ok(page_block(p, 60, 5)->width == 60, "a third width works");
	ok(page_block(p, 50, 5) == a50, "the more recent of the two stays");
	ok(page_block(p, 5, 99) == NULL, "no block 99");
}

static void
test_links(struct page *p)
{
	const struct document_link *l;
	struct page_pos pos;
	const struct layout_line *ln;
	int found = -1;

	is_int(page_nlinks(p), 2, "two links");
	l = page_link(p, 0);
	ok(l && l->kind == DOCUMENT_LINK_HEADIMG &&
	    strcmp(l->url, "https://img.example/head.jpg") == 0,
	    "link 0 is the headimg");
	l = page_link_nth(p, 1);
	ok(l && l->number == 1 && strcmp(l->url, "https://a.example/1") == 0,
	    "link 1 is the body's");
	pos = page_last(p, 40);
	is_line(page_pos_line(p, 40, pos), "[1] https://a.example/1",
	    "the list ends the page");
	pos.line = 0;
	pos.block = 7;
	is_line(page_pos_line(p, 40, pos), "", "after a blank line");
	pos.line = 1;
	is_line(page_pos_line(p, 40, pos), "[0] https://img.example/head.jpg",
	    "[0] first");

	/* the link under a cell of "疫情发生后" */
	pos.block = 5;
	for (pos.line = 0; (ln = page_pos_line(p, 40, pos)); pos.line++)
		for (size_t c = 0; c < ln->ncells; c++)
			if ((ln->cells[c].style & DOCUMENT_STYLE_LINK) && found < 0)
				found = page_link_at(p, 5, ln->cells[c].pos);
	is_int(found, 1, "a link's cells lead to its number");
	is_int(page_link_at(p, 5, 0), -1, "plain text has none");
}

static void
test_search(struct page *p)
{
	struct page_anchor from = { 0, 0 };
	struct page_match m, m2;
	struct page_span spans[4];
	size_t n;

	ok(page_find(p, "疫情", from, false, &m), "疫情 is found");
	is_int(m.block, 0, "first in the title");
	ok(page_find(p, "疫情", (struct page_anchor){ m.block, m.start + 1 },
	    false, &m2) && m2.block == 3, "then in the tags");
	ok(page_find(p, "疫情", (struct page_anchor){ m2.block, m2.start + 1 },
	    false, &m2) && m2.block == 4, "then in the body's first paragraph");
	n = page_match_spans(p, 40, &m2, spans, 4);
	is_int(n, 1, "on one line");
	is_int(spans[0].ncells, 2, "covering two cells");
	{
		const struct layout_line *ln = page_pos_line(p, 40, spans[0].pos);
		char *s = xstrndup(ln->cells[spans[0].first].s, 6);
		is_str(s, "疫情", "the right two");
		free(s);
	}
	/* a match across a line break: "公众号消息" at 40 breaks after 消 */
	ok(page_find(p, "号消息", from, false, &m), "a match that the line "
	    "break cuts");
	n = page_match_spans(p, 40, &m, spans, 4);
	is_int(n, 2, "two spans, one per line");
	ok(spans[0].ncells == 2 && spans[1].ncells == 1 &&
	    spans[1].pos.line == spans[0].pos.line + 1, "号消 | 息");
	ok(page_find(p, "TOUTIAO", from, false, &m) == false,
	    "no match, no result");
	ok(page_find(p, "HTTPS://A.EXAMPLE", from, false, &m) && m.block == 8,
	    "ASCII letters match either case (the link list)");
	ok(!page_find(p, "[1]", from, false, &m), "generated link numbers "
	    "are not text to find");
	ok(page_find(p, "疫情", (struct page_anchor){ 9, 0 }, true, &m) &&
	    m.block == 5, "backward from the end: the last 疫情");
}

/* Every line of blocks [first, end) at width w, one a line, into out. */
static void
add_lines(struct page *p, unsigned w, size_t first, size_t end, struct buf *out)
{
	for (size_t i = first; i < end; i++) {
		const struct layout_block *lb = page_block(p, w, i);

		for (size_t k = 0; lb && k < lb->nlines; k++) {
			char *s = line_str(&lb->lines[k]);

			buf_adds(out, s);
			buf_addc(out, '\n');
			free(s);
		}
	}
}

/*
 * page_prepare_start()/finish() as --dump uses them: three threads lay out
 * a chunk while the caller reads and trims the one before. The lines are
 * those the lazy, one-thread page_block() gives.
 */
static void
test_prepare(void)
{
	struct error err = ERROR_INIT;
	struct buf text = BUF_INIT, lazy = BUF_INIT, piped = BUF_INIT;
	struct article *a;
	struct page *p1, *p2;
	struct page_job *job;
	size_t n, chunk = 97;

	buf_adds(&text, "---\ntitle: 长文\n---\n");
	for (int i = 0; i < 1200; i++)
		buf_addf(&text, "<p>第%d段：据“大连发布”消息，会议指出，全市广大干部群众"
		    "万众一心、众志成城，迅速打响疫情防控阻击战。Omicron %d.</p>\n",
		    i, i * 7);
	a = article_parse("long.md", text.buf, text.len, 0, &err);
	ok(a != NULL, "a long article parses");
	if (!a)
		goto out;
	p1 = page_new(a, NULL);
	p2 = page_new(a, NULL);
	n = page_nblocks(p1);
	ok(n > 1200, "it has %zu blocks", n);
	add_lines(p1, 40, 0, n, &lazy);

	job = page_prepare_start(p2, 40, 0, chunk, 3);
	for (size_t first = 0; first < n; first += chunk) {
		size_t end = first + chunk < n ? first + chunk : n;

		page_prepare_finish(p2, job);
		job = end < n ? page_prepare_start(p2, 40, end,
		    end + chunk < n ? end + chunk : n, 3) : NULL;
		add_lines(p2, 40, first, end, &piped);
		page_trim(p2, 40, end, end);
	}
	ok(lazy.len > 100000, "%zu bytes of lines", lazy.len);
	ok(strcmp(lazy.buf, piped.buf) == 0,
	    "laid out by three threads a chunk ahead: the same lines");
	page_free(p1);
	page_free(p2);
	article_free(a);
out:
	error_release(&err);
	buf_release(&text);
	buf_release(&lazy);
	buf_release(&piped);
}

int
main(void)
{
	struct article *a;
	struct page *p;

	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	p = make_page(&a);
	test_parts(p);
	test_numbers(p);
	test_anchors(p);
	test_cache(p);
	test_links(p);
	test_search(p);
	test_prepare();
	page_free(p);
	article_free(a);
	return tap_done();
}
