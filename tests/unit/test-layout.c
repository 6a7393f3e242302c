/* SPDX-License-Identifier: MIT */
/*
 * test-layout: blocks -> lines at a width: the Chinese line-breaking
 * rules, cell widths and clusters, scrubbing, and the block kinds.
 *
 * Every layout here also goes through check(), which asserts what must
 * hold at any width: no line wider than W (but a lone cell wider than
 * W), no line starting with closing punctuation or ending with opening
 * punctuation, and every character of the text in exactly one cell, in
 * order.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "breaks.h"
#include "buf.h"
#include "document.h"
#include "layout.h"
#include "tap.h"
#include "utf8.h"
#include "xmalloc.h"

static struct layout *lay;

/* A document of one paragraph holding text. */
static struct document *
para(const char *text)
{
	struct document *d = document_new(DOCUMENT_LANG_ZH);
	struct document_block *b = document_add_block(d, DOCUMENT_PARA);

	document_block_add(b, text, strlen(text), 0, -1);
	return d;
}

static uint32_t
cell_cp(const struct layout_cell *c)
{
	uint32_t cp;
	utf8_decode(c->s, c->len, &cp);
	return cp;
}

/*
 * The invariants, for a flowing block: widths, punctuation, and that the
 * text cells hold, in order, every character that survives scrubbing
 * (spaces may go at breaks). Returns the number of violations.
 */
/* Tables repeat header text as labels: every kept character must be in
 * some cell, in any order. */
static int
check_coverage(const struct document_block *b, const struct layout_block *lb,
    const char *what)
{
	bool *seen = xcalloc(b->text.len + 1, 1);
	int bad = 0;

	for (size_t i = 0; i < lb->nlines; i++)
		for (size_t c = 0; c < lb->lines[i].ncells; c++)
			if (lb->lines[i].cells[c].pos != LAYOUT_NO_POS)
				seen[lb->lines[i].cells[c].pos] = true;
	for (size_t k = 0; k < b->text.len;) {
		uint32_t cp;
		int n = utf8_decode(b->text.buf + k, b->text.len - k, &cp);
		if (cp != ' ' && cp != '\n' && !seen[k])
			bad++, tap_diag("%s: U+%04X at %zu lost", what, cp, k);
		k += n < 0 ? 1 : (size_t)n;
	}
	free(seen);
	return bad;
}

static int
check(const struct document *d, size_t bi, const struct layout_block *lb,
    unsigned w, const char *what)
{
	const struct document_block *b = &d->blocks[bi];
	struct utf8_scrub st = UTF8_SCRUB_INIT;
	int bad = 0;
	size_t k = 0;		/* the next source byte to account for */

	if (b->kind == DOCUMENT_TABLE)
		bad += check_coverage(b, lb, what);

	for (size_t i = 0; i < lb->nlines; i++) {
		const struct layout_line *ln = &lb->lines[i];
		unsigned sum = 0;
		size_t first = SIZE_MAX, last = SIZE_MAX;

		for (size_t c = 0; c < ln->ncells; c++) {
			sum += ln->cells[c].width;
			if (ln->cells[c].width < 1 || ln->cells[c].width > 2)
				bad++, tap_diag("%s: width %u cell", what,
				    ln->cells[c].width);
			if (ln->cells[c].pos == LAYOUT_NO_POS)
				continue;
			if (first == SIZE_MAX)
				first = c;
			if (cell_cp(&ln->cells[c]) != ' ')
				last = c;
		}
		if (sum != ln->width)
			bad++, tap_diag("%s: line %zu width %u, cells %u", what,
			    i, ln->width, sum);
		if (ln->width > w && !(ln->ncells == 1 ||
		    (first != SIZE_MAX && first == last &&
		    ln->cells[first].width > w)))
			bad++, tap_diag("%s: line %zu is %u wide at %u", what, i,
			    ln->width, w);
		if (first != SIZE_MAX && w >= 4 &&
		    breaks_is_closing(cell_cp(&ln->cells[first])))
			bad++, tap_diag("%s: line %zu starts with closing "
			    "punctuation", what, i);
		if (last != SIZE_MAX && w >= 4 &&
		    breaks_is_opening(cell_cp(&ln->cells[last])))
			bad++, tap_diag("%s: line %zu ends with opening "
			    "punctuation", what, i);
		/* nothing lost: each text cell's pos is the next character
		 * to keep, spaces and scrubbed characters aside */
		for (size_t c = 0; b->kind != DOCUMENT_TABLE && c < ln->ncells;
		    c++) {
			const struct layout_cell *cell = &ln->cells[c];

			if (cell->pos == LAYOUT_NO_POS)
				continue;
			while (k < cell->pos) {
				uint32_t cp;
				int n = utf8_decode(b->text.buf + k,
				    b->text.len - k, &cp);
				if (utf8_scrub_feed(&st, cp) && cp != ' ' &&
				    cp != '\n' && cp != 0x2028 && cp != 0x2029 &&
				    wcwidth((wchar_t)cp) != 0) {
					bad++, tap_diag("%s: U+%04X at %zu lost",
					    what, cp, k);
					break;
				}
				k += n < 0 ? 1 : (size_t)n;
			}
			if (cell->pos < k && cell->pos != LAYOUT_NO_POS) {
				bad++, tap_diag("%s: cell at %u out of order",
				    what, cell->pos);
				continue;
			}
			/* the cell's own characters */
			{
				uint32_t cp;
				int n = utf8_decode(b->text.buf + k,
				    b->text.len - k, &cp);
				utf8_scrub_feed(&st, cp);
				k += n < 0 ? 1 : (size_t)n;
			}
		}
	}
	while (b->kind != DOCUMENT_TABLE && k < b->text.len) {
		uint32_t cp;
		int n = utf8_decode(b->text.buf + k, b->text.len - k, &cp);
		if (utf8_scrub_feed(&st, cp) && cp != ' ' && cp != '\n' &&
		    wcwidth((wchar_t)cp) != 0) {
			bad++, tap_diag("%s: U+%04X at %zu lost at the end",
			    what, cp, k);
			break;
		}
		k += n < 0 ? 1 : (size_t)n;
	}
	return bad;
}

/* The lines of block bi at width w, "\n"-separated; checks them too. */
static char *
lines_of(const struct document *d, size_t bi, unsigned w, unsigned flags)
{
	struct layout_block *lb = layout_block(lay, d, bi, w, flags);
	struct buf out = BUF_INIT;
	char what[64];

	snprintf(what, sizeof what, "block %zu at %u", bi, w);
	ok(check(d, bi, lb, w, what) == 0, "invariants hold: %s", what);
	for (size_t i = 0; i < lb->nlines; i++) {
		if (i)
			buf_addc(&out, '\n');
		for (size_t c = 0; c < lb->lines[i].ncells; c++)
			buf_add(&out, lb->lines[i].cells[c].s,
			    lb->lines[i].cells[c].len);
	}
	layout_block_free(lb);
	return buf_detach(&out, NULL);
}

/* Lay text out as one paragraph at w and compare. */
#define is_wrap(text, w, want, ...) do {				\
	struct document *d_ = para(text);				\
	char *got_ = lines_of(d_, 0, (w), 0);				\
	is_str(got_, (want), __VA_ARGS__);				\
	free(got_);							\
	document_free(d_);						\
} while (0)

static void
test_chinese(void)
{
	is_wrap("使用Java开发Web应用程序", 10, "使用Java开\n发Web应用\n程序",
	    "mixed Chinese and Latin: breaks between, never inside a word");
	is_wrap("今年增长20%。同比", 11, "今年增长\n20%。同比",
	    "a number keeps its %% and 。: the line gives way instead");
	is_wrap("今年增长了20%，。", 12, "今年增长了\n20%，。",
	    "%% and closing punctuation never start a line");
	is_wrap("他说：“你好。”然后走了。", 10,
	    "他说：“你\n好。”然后\n走了。",
	    "a quotation: ” never starts a line, “ never ends one");
	is_wrap("他说：“你好。”然后走了。", 8,
	    "他说：\n“你好。”\n然后走\n了。",
	    "at 8 columns: 了 goes down with the 。");
	is_wrap("马丁·路德·金", 5, "马丁·\n路德·\n金",
	    "马丁·路德·金: a break after the middle dot");
	is_wrap("马丁·路德·金", 4, "马\n丁·\n路\n德·\n金",
	    "never before it");
	is_wrap("不——是……吗", 4, "不——\n是……\n吗",
	    "—— and …… (one column each, by wcwidth) never split");
	is_wrap("不——是……吗", 3, "不\n——\n是\n……\n吗",
	    "nor at 3 columns, where the rules conflict: …… starts a line "
	    "rather than split");
	is_wrap("（注释）文字", 6, "（注\n释）文\n字",
	    "fullwidth brackets: （ ends no line, ） starts none");
}

static void
test_clusters(void)
{
	struct document *d;
	struct layout_block *lb;
	const struct layout_line *ln;

	/* an emoji ZWJ sequence: three spacing characters, one cluster */
	d = para("我们\U0001F469\u200D\U0001F469\u200D\U0001F467一家");
	lb = layout_block(lay, d, 0, 80, 0);
	ln = &lb->lines[0];
	is_int(ln->ncells, 7, "a ZWJ family is three cells (beside 4 for "
	    "我们一家)");
	is_int(ln->cells[2].len, 7, "woman + ZWJ on one cell");
	is_int(ln->width, 14, "each emoji is 2 columns, as wcwidth says");
	layout_block_free(lb);
	document_free(d);
	is_wrap("我们\U0001F469\u200D\U0001F469\u200D\U0001F467一家", 7,
	    "我们\n\U0001F469\u200D\U0001F469\u200D\U0001F467\n一家",
	    "the ZWJ sequence is never split when it fits");
	is_wrap("\U0001F469\u200D\U0001F469\u200D\U0001F467", 4,
	    "\U0001F469\u200D\U0001F469\u200D\n\U0001F467",
	    "only when it is wider than the line");

	d = para("\U0001F1E8\U0001F1F3\U0001F1EF\U0001F1F5");
	lb = layout_block(lay, d, 0, 80, 0);
	is_int(lb->lines[0].ncells, 4, "two flags are four regional "
	    "indicator cells");
	is_int(lb->lines[0].width, 4, "one column each, as wcwidth says");
	layout_block_free(lb);
	document_free(d);
	is_wrap("\U0001F1E8\U0001F1F3\U0001F1EF\U0001F1F5", 3,
	    "\U0001F1E8\U0001F1F3\n\U0001F1EF\U0001F1F5",
	    "a flag never splits");

	d = para("中\u0301\u0302文");
	lb = layout_block(lay, d, 0, 80, 0);
	ln = &lb->lines[0];
	is_int(ln->ncells, 2, "combining marks after a Chinese character "
	    "share its cell");
	is_mem(ln->cells[0].s, ln->cells[0].len, "中\u0301\u0302", 7,
	    "base and marks in order");
	is_int(ln->cells[0].width, 2, "as wide as the base");
	layout_block_free(lb);
	document_free(d);

	d = para("e\u0301\u0302\u0303\u0304\u0305\u0306x");
	lb = layout_block(lay, d, 0, 80, 0);
	is_int(lb->lines[0].cells[0].len, 1 + 2 * LAYOUT_MAX_MARKS,
	    "at most LAYOUT_MAX_MARKS marks on a cell (ncurses' limit)");
	layout_block_free(lb);
	document_free(d);

	d = para("a\u0378b\U0010FFFF");
	lb = layout_block(lay, d, 0, 80, 0);
	ln = &lb->lines[0];
	ok(ln->ncells == 4 && memcmp(ln->cells[1].s, "\uFFFD", 3) == 0 &&
	    memcmp(ln->cells[3].s, "\uFFFD", 3) == 0 && ln->width == 4,
	    "wcwidth() < 0 is drawn as U+FFFD, one column");
	layout_block_free(lb);
	document_free(d);

	d = para("\u0301x\u200By");
	lb = layout_block(lay, d, 0, 80, 0);
	ln = &lb->lines[0];
	ok(ln->ncells == 3 && ln->cells[0].s[0] == ' ' &&
	    ln->cells[0].len == 3 && ln->cells[1].len == 4,
	    "a mark with no base gets a space; U+200B rides on the x");
	layout_block_free(lb);
	document_free(d);
}

static void
test_scrub(void)
{
	is_wrap("a\x1b[31mred\x1b[0m b\x1b]0;title\x07" "c \xc2\x9b" "31md "
	    "\x1bP1$r\x1b\\e \xc2\x9d" "8;;http://x\xc2\x9c" "f\x07\x01g",
	    80, "ared bc d e fg", "ESC, CSI, OSC, DCS (7-bit and C1) and "
	    "controls are removed, whole sequences");
	is_wrap("abc\u202Edef\u2066g\u2069", 80, "abcdefg",
	    "bidi overrides and isolates are removed");
	is_wrap("第一行\u2028第二行\u2029第三行", 80, "第一行\n第二行\n第三行",
	    "U+2028 and U+2029 break the line");
	is_wrap("x\ty", 80, "x y", "a tab in flowing text is a space");
}

static void
test_long_words(void)
{
	struct buf url = BUF_INIT, want = BUF_INIT;
	struct document *d;
	struct layout_block *lb;
	size_t total = 0;

	buf_adds(&url, "see https://example.com/");
	for (int i = 0; i < 5000; i++)
		buf_addc(&url, (char)('a' + i % 26));
	d = para(url.buf);
	lb = layout_block(lay, d, 0, 80, 0);
	ok(check(d, 0, lb, 80, "5,000-character URL") == 0,
	    "a 5,000-character URL: invariants hold");
	is_int(lb->lines[0].width, 24, "ICU allows a break after the URL's "
	    "last slash");
	for (size_t i = 1; i + 1 < lb->nlines; i++)
		if (lb->lines[i].width != 80)
			total++;
	is_int(total, 0, "the 5,000-letter word after it, wider than the "
	    "line, fills every line");
	is_int(lb->nlines, 1 + 5000 / 80 + 1, "all of it");
	layout_block_free(lb);
	document_free(d);
	buf_release(&url);
	buf_release(&want);

	is_wrap("a verylongword b", 6, "a\nverylo\nngword\nb",
	    "a word breaks only when wider than the line");
	is_wrap("one two three", 7, "one two\nthree",
	    "spaces at a break hang");
}

static void
test_narrow(void)
{
	const char *text = "央视网消息：据“大连发布”微信公众号消息，"
	    "12月2日，大连市 new data 20%。";
	struct document *d = para(text);

	for (unsigned w = 1; w <= 3; w++) {
		struct layout_block *lb = layout_block(lay, d, 0, w, 0);
		char what[32];
		bool one = true;

		snprintf(what, sizeof what, "width %u", w);
		ok(check(d, 0, lb, w, what) == 0, "width %u: nothing lost, "
		    "no line too wide but a lone wide cell", w);
		for (size_t i = 0; i < lb->nlines; i++)
			if (lb->lines[i].width > w && lb->lines[i].ncells != 1)
				one = false;
		ok(one, "width %u: an over-wide line is one cell", w);
		layout_block_free(lb);
	}
	is_wrap("中文", 1, "中\n文", "width 1: one Chinese character a line");
	is_wrap("ab中，", 2, "ab\n中\n，", "width 2: the comma cannot stay "
	    "with 中 without overflowing, so it goes alone");
	document_free(d);
}

static void
test_blocks(void)
{
	const char *html = "<ul><li>one two three four<li>b<ol><li>x</ol></ul>"
	    "<blockquote><p>quoted words here</p><p>more</p></blockquote>"
	    "<pre>a\tb\n\tc\nlong line of code here</pre>"
	    "<p>word <a href='http://x'>link</a>, next</p>"
	    "<table><tr><th>k<th>v<tr><td>1<td>22</table>"
	    "<p>　　already indented</p><p>中文段落</p>";
	struct document *d = document_from_html(html, strlen(html), NULL);
	char *s;

	is_int(d->nblocks, 10, "ten blocks");
	s = lines_of(d, 0, 12, 0);
	is_str(s, "• one two\n  three four", "a bullet, then a hanging indent");
	free(s);
	s = lines_of(d, 2, 12, 0);
	is_str(s, "  1. x", "a nested item under its parent's indent");
	free(s);
	s = lines_of(d, 3, 12, 0);
	is_str(s, "\n│ quoted\n│ words here", "a quote bar on every line; "
	    "a plain blank line before the quote");
	free(s);
	s = lines_of(d, 4, 12, 0);
	is_str(s, "│\n│ more", "between a quote's paragraphs the bar runs on");
	free(s);
	s = lines_of(d, 5, 12, 0);
	is_str(s, "\na       b\n        c\nlong line of\n↪ code here",
	    "pre: tabs to multiples of 8, long lines go on after ↪");
	free(s);
	s = lines_of(d, 6, 11, 0);
	is_str(s, "\nword\nlink[1],\nnext", "a link's number and a comma "
	    "stay with the word");
	free(s);
	s = lines_of(d, 7, 20, 0);
	is_str(s, "\nk │  v\n──┼───\n1 │ 22", "a table that fits is a grid, "
	    "numbers flush right");
	free(s);
	s = lines_of(d, 7, 5, 0);
	is_str(s, "\nk: 1\nv: 22", "one that does not fit: header: value");
	free(s);
	s = lines_of(d, 8, 20, LAYOUT_INDENT);
	is_str(s, "\n　　already indented", "text that starts with U+3000 "
	    "gets no second indent");
	free(s);
	document_free(d);

	html = "<p>看看这个<a href='x'>链接</a>吧</p>";
	d = document_from_html(html, strlen(html), NULL);
	s = lines_of(d, 0, 12, 0);
	is_str(s, "看看这个链\n接[1]吧", "a link's [n] never starts a line, "
	    "though ICU would allow a break before [");
	free(s);
	document_free(d);

	d = para("中文段落，第二行的内容在这里。");
	d->blocks[0].indentable = true;
	s = lines_of(d, 0, 14, LAYOUT_INDENT);
	is_str(s, "　　中文段落，\n第二行的内容在\n这里。",
	    "the Chinese indent: two U+3000 on the first line");
	free(s);
	s = lines_of(d, 0, 10, LAYOUT_INDENT);
	ok(strncmp(s, "中文", 6) == 0, "no indent below 12 columns");
	free(s);
	document_free(d);
}

static void
test_positions(void)
{
	struct document *d = para("第一句话。第二句话，第三句。");
	struct layout_block *lb = layout_block(lay, d, 0, 10, 0);

	is_int(lb->nlines, 3, "three lines");
	is_int(lb->lines[1].pos, strlen("第一句话。"), "a line's pos is its "
	    "first character's offset");
	is_int(layout_block_find(lb, 0), 0, "offset 0 is on line 0");
	is_int(layout_block_find(lb, (uint32_t)strlen("第一句话。第二")), 1,
	    "an offset inside line 1 is on line 1");
	is_int(layout_block_find(lb, (uint32_t)strlen("第一句话。第二句话，第")),
	    2, "and so on");
	layout_block_free(lb);
	document_free(d);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	lay = layout_new(true);
	test_chinese();
	test_clusters();
	test_scrub();
	test_long_words();
	test_narrow();
	test_blocks();
	test_positions();
	layout_free(lay);
	return tap_done();
}
