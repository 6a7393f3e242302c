/* SPDX-License-Identifier: MIT */
/*
 * test-document: HTML and Markdown bodies -> the block model, and the
 * plain text the collection indexes.
 */
#include "config.h"

#include <locale.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "document.h"
#include "markdown.h"
#include "tap.h"
#include "xmalloc.h"

static struct document *
html(const char *s)
{
	return document_from_html(s, strlen(s), NULL);
}

/* The text of block i with its runs, generated ones in {braces}. */
static char *
block_str(const struct document *d, size_t i)
{
	const struct document_block *b = &d->blocks[i];
	struct buf out = BUF_INIT;

	for (size_t r = 0; r < b->nruns; r++) {
		size_t s = b->runs[r].start;
		size_t e = r + 1 < b->nruns ? b->runs[r + 1].start : b->text.len;
		bool gen = b->runs[r].style & DOCUMENT_STYLE_GEN;

		buf_addf(&out, "%s%.*s%s", gen ? "{" : "", (int)(e - s),
		    b->text.buf + s, gen ? "}" : "");
	}
	return buf_detach(&out, NULL);
}

static char *
text_of(const struct document *d)
{
	struct buf out = BUF_INIT;
	document_text(d, &out);
	return buf_detach(&out, NULL);
}

#define is_block(d, i, want, ...) do {				\
	char *got_ = (i) < (d)->nblocks ? block_str((d), (i)) : xstrdup("(none)"); \
	is_str(got_, (want), __VA_ARGS__);				\
	free(got_);						\
} while (0)

static void
test_whitespace(void)
{
	struct document *d;

	d = html("<p>  据“大连发布”\n微信公众号\n消息，  Latin\nwords  here </p>");
	is_int(d->nblocks, 1, "one paragraph");
	is_block(d, 0, "据“大连发布”微信公众号消息， Latin words here",
	    "a line break between Chinese characters adds no space; between "
	    "Latin words one; runs of spaces collapse; ends are trimmed");
	document_free(d);

	d = html("<p>a<b> b </b> c</p><p>x\t\r\ny</p>");
	is_block(d, 0, "a b c", "spaces collapse across inline elements");
	is_block(d, 1, "x y", "tabs and CRLF are white space");
	document_free(d);

	d = html("<p>&lt;tag&gt; &amp; &quot;q&quot; &#x4E2D;&#25991; &nbsp;x</p>");
	is_block(d, 0, "<tag> & \"q\" 中文 \u00a0x", "entities are decoded; "
	    "a no-break space is not collapsible");
	document_free(d);

	d = html("<p>a\x1b[31mred\x1b[0m \xc2\x9b" "2Jb\x01" "c \xff\xfe d\r\n"
	    "\xe2\x80\xaeok</p>");
	is_block(d, 0, "ared bc \uFFFD\uFFFD d ok", "the source is scrubbed "
	    "first: an escape sequence goes whole (libxml2 alone would keep "
	    "its '[31m'), bad bytes become U+FFFD, bidi overrides go");
	document_free(d);

	d = html("<p>a&#27;[31mred&#x1b;[0m b&#x1B;]52;c;aGk=&#7;c "
	    "&#155;2Jd&#1;&#127;e&#150;f &#60;g&#62;</p>"
	    "<p title=\"&#34;\">&#x9d;0;title&#7;ok &#13;</p>");
	is_block(d, 0, "ared bc \u203a2Jde\u2013f <g>", "an escape written "
	    "as a numeric reference goes whole, as a raw one (libxml2 alone "
	    "drops only the ESC); &#155; and &#150; are windows-1252, as in "
	    "HTML; &#60; stays text");
	is_block(d, 1, "ok", "an OSC written with C1 references goes whole; "
	    "a reference in an attribute stays as written");
	document_free(d);

	d = html("<p>one<br>two<br><br>three<br></p><p>x\u2028y</p>");
	is_block(d, 0, "one\ntwo\n\nthree", "<br> is a hard break; a trailing "
	    "one shows nothing");
	is_block(d, 1, "x\ny", "U+2028 is a hard break");
	document_free(d);
}

static void
test_blocks(void)
{
	struct document *d;
	const struct document_block *b;

	d = html("<h2>Title</h2><p>para</p><div>d1</div><div>d2</div><hr>"
	    "<pre>\n  keep   spaces\n\tand tabs\n</pre>");
	is_int(d->nblocks, 6, "six blocks");
	is_int(d->blocks[0].kind, DOCUMENT_HEADING, "h2 is a heading");
	is_int(d->blocks[0].level, 2, "of level 2");
	ok(d->blocks[0].style & DOCUMENT_STYLE_HEADING, "styled as a heading");
	is_int(d->blocks[1].space_before, 1, "a paragraph is set off by a "
	    "blank line");
	is_int(d->blocks[3].space_before, 0, "consecutive divs are not");
	is_int(d->blocks[4].kind, DOCUMENT_RULE, "hr is a rule");
	is_int(d->blocks[5].kind, DOCUMENT_PRE, "pre is preformatted");
	is_block(d, 5, "  keep   spaces\n\tand tabs", "pre keeps spaces and "
	    "tabs, drops the newline after <pre> and the trailing one");
	ok(d->blocks[5].style & DOCUMENT_STYLE_CODE, "pre is code");
	document_free(d);

	d = html("<ul><li>one<li>two<ul><li>sub</ul></ul>"
	    "<ol start=9><li>a<li>b</ol>");
	is_int(d->nblocks, 5, "five items");
	b = &d->blocks[0];
	is_int(b->nframes, 1, "an item sits in one frame");
	is_str(b->frames[0].marker, "•", "with a bullet");
	ok(b->frames[0].first, "shown on its first line");
	b = &d->blocks[2];
	is_int(b->nframes, 2, "a nested item in two");
	ok(!b->frames[0].first && b->frames[1].first, "only the inner "
	    "marker shows");
	is_str(b->frames[1].marker, "◦", "nested bullets differ");
	is_int(d->blocks[1].space_before, 0, "items of a list are tight");
	is_str(d->blocks[3].frames[0].marker, " 9.", "numbers start at "
	    "start= and align right");
	is_str(d->blocks[4].frames[0].marker, "10.", "and count up");
	is_int(d->blocks[4].frames[0].width, 4, "the indent fits the widest");
	document_free(d);

	d = html("<blockquote><p>q1</p><p>q2</p></blockquote><p>after</p>");
	is_int(d->nblocks, 3, "two quoted paragraphs and one after");
	is_int(d->blocks[1].nframes, 1, "quoted");
	is_int(d->blocks[1].frames[0].kind, DOCUMENT_FRAME_QUOTE, "by a quote");
	ok(d->blocks[1].style & DOCUMENT_STYLE_QUOTE, "styled as a quote");
	is_int(d->blocks[2].nframes, 0, "the quote ends");
	document_free(d);
}

static void
test_inline(void)
{
	struct document *d;
	const struct document_block *b;

	d = html("<p><b>bold</b> <em>it</em> <code>x()</code> <del>gone</del>"
	    "</p>");
	b = &d->blocks[0];
	ok(document_block_run_at(b, 0)->style & DOCUMENT_STYLE_BOLD, "b is bold");
	ok(document_block_run_at(b, 5)->style & DOCUMENT_STYLE_ITALIC,
	    "em is italic");
	ok(document_block_run_at(b, 8)->style & DOCUMENT_STYLE_CODE,
	    "code is code");
	ok(document_block_run_at(b, 13)->style & DOCUMENT_STYLE_STRIKE,
	    "del is struck");
	document_free(d);

	d = html("<script>alert(1)</script><style>p{}</style><p>kept"
	    "<noscript>no</noscript></p><template>t</template>");
	is_int(d->nblocks, 1, "script, style, noscript, template dropped");
	is_block(d, 0, "kept", "with their content");
	document_free(d);
}

static void
test_links(void)
{
	struct document_options opt = { "zh-CN", "https://img/head.jpg", 0 };
	const char *src = "<p>see <a href='https://a/1'>this page </a>and "
	    "<a href=\"https://a/1\">again</a> <a href='#top'>top</a> "
	    "<a href='javascript:x()'>js</a></p>"
	    "<p><img src='https://i/1.png' alt='a  cat'> <img src='data:x'>"
	    "<img data-src='https://i/real.png' src='https://i/lazy.gif'></p>"
	    "<iframe src='https://v/embed' title='clip'>fallback</iframe>"
	    "<video><source src='https://v/1.mp4'>no video</video>";
	struct document *d = document_from_html(src, strlen(src), &opt);
	const struct document_link *l;

	is_int(d->lang, DOCUMENT_LANG_ZH, "lang comes from the option");
	is_block(d, 0, "see this page{[1]} and again{[1]} top js",
	    "a link's text is followed by [n]; one URL keeps one number; "
	    "fragment and javascript links are text");
	is_block(d, 1, "{[图: }a cat{]}{[2]} {[图]}{[图]}{[3]}",
	    "an image is [图: alt][n]; a data: image has no number; "
	    "data-src wins over a lazy src");
	is_block(d, 2, "{[嵌入: }clip{]}{[4]}{[视频]}{[5]}",
	    "iframe and video become placeholders, their content dropped");
	is_int(d->nlinks, 6, "six links");
	l = document_link(d, 0);
	ok(l && strcmp(l->url, "https://img/head.jpg") == 0 &&
	    l->kind == DOCUMENT_LINK_HEADIMG, "headimg is link 0");
	l = document_link(d, 3);
	is_str(l ? l->url : NULL, "https://i/real.png", "link 3");
	l = document_link(d, 5);
	is_str(l ? l->url : NULL, "https://v/1.mp4", "a video's <source>");
	ok(document_link(d, 6) == NULL, "no link 6");
	document_free(d);

	d = html("<p>A photo: <img src='x.png' alt='Dog'> of a dog, in plain "
	    "English text.</p>");
	is_int(d->lang, DOCUMENT_LANG_OTHER, "English is judged by the text");
	is_block(d, 0, "A photo: {[image: }Dog{]}{[1]} of a dog, in plain "
	    "English text.", "and its images say image");
	ok(document_link(d, 0) == NULL, "no headimg, no link 0");
	document_free(d);

	opt.headimg = "https://img/a b.jpg\n";
	src = "<a href='http://x/&#10;touch pwned'>a</a>"
	    "<a href='http://x/touch%20pwned'>b</a>"
	    "<a href='http://y/&#x2028;z'>c</a>";
	d = document_from_html(src, strlen(src), &opt);
	l = document_link(d, 0);
	is_str(l ? l->url : NULL, "https://img/a%20b.jpg", "the headimg's URL "
	    "is scrubbed too");
	l = document_link(d, 1);
	is_str(l ? l->url : NULL, "http://x/touch%20pwned", "a link's URL is "
	    "kept scrubbed: the newline gone, the space encoded");
	l = document_link(d, 2);
	is_str(l ? l->url : NULL, "http://y/%E2%80%A8z", "and U+2028 encoded; "
	    "the two spellings of one URL are one link");
	document_free(d);
}

static void
test_tables(void)
{
	struct document *d;
	const struct document_table *t;
	char *tx;

	d = html("<table><thead><tr><td>名称<td>价格</thead>"
	    "<tr><td>苹果<td><b>5</b> 元<tr><td>梨</table>");
	is_int(d->nblocks, 1, "a data table is one block");
	is_int(d->blocks[0].kind, DOCUMENT_TABLE, "of kind table");
	t = d->blocks[0].table;
	is_int(t->nrows, 3, "three rows");
	is_int(t->ncols, 2, "two columns");
	ok(t->header_row, "thead makes a header row");
	ok(t->cells[5].start == t->cells[5].end, "a missing cell is empty");
	tx = text_of(d);
	is_str(tx, "名称 价格\n苹果 5 元\n梨 \n",
	    "the text: cells by spaces, rows by lines");
	free(tx);
	document_free(d);

	d = html("<table><tr><td><p>layout</p><ul><li>item</ul></td></tr>"
	    "</table>");
	is_int(d->nblocks, 2, "a table holding blocks flows as blocks");
	is_int(d->blocks[0].kind, DOCUMENT_PARA, "its paragraph");
	is_int(d->blocks[1].nframes, 1, "and its list");
	document_free(d);
}

static void
test_markdown(void)
{
	const char *md = "# Head\n\nSome *em* and ~~gone~~ text, "
	    "https://example.com/x.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n"
	    "<div>raw <b>html</b></div>\n";
	struct document *d = document_from_markdown(md, strlen(md), NULL);

	is_int(d->nblocks, 4, "heading, paragraph, table, raw HTML block");
	is_int(d->blocks[0].kind, DOCUMENT_HEADING, "# is a heading");
	is_block(d, 1, "Some em and gone text, https://example.com/x{[1]}.",
	    "emphasis, strikethrough, and a bare URL autolinked");
	ok(document_block_run_at(&d->blocks[1], 15)->style &
	    DOCUMENT_STYLE_STRIKE, "~~ strikes");
	is_int(d->blocks[2].kind, DOCUMENT_TABLE, "a pipe table");
	is_block(d, 3, "raw html", "raw HTML passes through");
	document_free(d);

	md = "A &amp; B &lt;c&gt; &copy; &#169; &nosuch; `&amp; &#27;[1m`\n\n"
	    "x&#27;[31mred&#x1B;]52;c;aGk=&#7;y\n";
	d = document_from_markdown(md, strlen(md), NULL);
	is_block(d, 0, "A & B <c> \u00a9 \u00a9 &nosuch; &amp; &#27;[1m",
	    "named references are decoded as numeric ones are; an unknown "
	    "one and those in a code span stay as written");
	is_block(d, 1, "xredy", "an escape written as a reference goes whole");
	document_free(d);
}

static void
test_depth(void)
{
	struct buf b = BUF_INIT;
	struct document *d;
	char *t;

	/* (fewer than DOCUMENT_MAX_ELEMENTS: the tree is built whole) */
	for (int i = 0; i < 40000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "deep text");
	for (int i = 0; i < 40000; i++)
		buf_adds(&b, "</div>");
	buf_adds(&b, "<p>after</p>");
	d = document_from_html(b.buf, b.len, NULL);
	t = text_of(d);
	is_str(t, "deep text\nafter\n", "40,000 nested divs: no stack "
	    "overflow, no text lost");
	free(t);
	document_free(d);

	buf_reset(&b);
	for (int i = 0; i < 15000; i++)
		buf_adds(&b, "<blockquote><ul><li>");
	buf_adds(&b, "x");
	d = document_from_html(b.buf, b.len, NULL);
	ok(d->nblocks == 1 && d->blocks[0].nframes == DOCUMENT_MAX_FRAMES,
	    "deep quotes and lists keep DOCUMENT_MAX_FRAMES frames");
	document_free(d);
	buf_release(&b);
}

/* Past DOCUMENT_MAX_ELEMENTS elements the rest is plain text: all of it,
 * in order, with one warning, and no block past the cap's. */
static void
test_many(void)
{
	struct buf b = BUF_INIT, want = BUF_INIT;
	struct document *d;
	char *t;
	int n = DOCUMENT_MAX_ELEMENTS + 10000;

	buf_adds(&b, "<p>first</p>\n");
	for (int i = 0; i < n; i++)
		buf_addf(&b, "<p>w%d &amp; <b>v</b></p>", i);
	buf_adds(&b, "<!-- <p>not this</p> --><p>last</p>");
	d = document_from_html(b.buf, b.len, NULL);
	t = text_of(d);
	ok(strncmp(t, "first\nw0 & v\nw1 & v\n", 20) == 0,
	    "the elements before the cap are blocks");
	ok(strstr(t, "w59999 & v") && strstr(t, "last") &&
	    !strstr(t, "not this"), "the text after it is all there, "
	    "references decoded, comments gone");
	buf_addf(&want, "w%d & v", n - 1);
	ok(strstr(t, want.buf) != NULL, "to the last element");
	ok(d->nblocks <= DOCUMENT_MAX_ELEMENTS, "no more blocks than the cap "
	    "(%zu)", d->nblocks);
	is_int(d->warnings.nr, 1, "one warning");
	ok(d->warnings.nr && strstr(d->warnings.v[0].msg, "more than 50000 "
	    "elements"), "which says so");
	is_int(d->warnings.nr ? d->warnings.v[0].line : -1, 2,
	    "on the line of the first element past the cap");
	free(t);
	document_free(d);

	/* exactly at the cap: no warning, every block; one past it: cut */
	buf_reset(&b);
	for (int i = 0; i < DOCUMENT_MAX_ELEMENTS; i++)
		buf_adds(&b, "<p>x</p>");
	d = document_from_html(b.buf, b.len, NULL);
	is_int(d->warnings.nr, 0, "at the cap: no warning");
	is_int(d->nblocks, DOCUMENT_MAX_ELEMENTS, "and a block each");
	document_free(d);
	buf_adds(&b, "<p>y</p>");
	d = document_from_html(b.buf, b.len, NULL);
	is_int(d->warnings.nr, 1, "one past it: the warning");
	is_int(d->nblocks, DOCUMENT_MAX_ELEMENTS + 1, "and its text is a "
	    "block of plain text");
	document_free(d);
	buf_release(&b);
	buf_release(&want);
}

/* n nested divs around "inner", the innermost on line 2 */
static struct document *
divs(int n, const struct document_options *opt)
{
	struct buf b = BUF_INIT;
	struct document *d;

	for (int i = 0; i < n; i++)
		buf_adds(&b, i == n - 1 ? "\n<div>" : "<div>");
	buf_adds(&b, "inner");
	for (int i = 0; i < n; i++)
		buf_adds(&b, "</div>");
	d = document_from_html(b.buf, b.len, opt);
	buf_release(&b);
	return d;
}

/* n ">" markers on one line before "inner", on line 2 */
static struct document *
quotes(int n, const char *marker)
{
	struct buf b = BUF_INIT;
	struct document *d;

	buf_adds(&b, "first\n\n");
	for (int i = 0; i < n; i++)
		buf_adds(&b, marker);
	buf_adds(&b, " inner\n");
	d = document_from_markdown(b.buf, b.len, NULL);
	buf_release(&b);
	return d;
}

static void
test_depth_cap(void)
{
	struct document_options opt = { NULL, NULL, 10 };
	struct buf b = BUF_INIT;
	struct document *d;
	char *t;

	/* html and body make two levels of the HTML's depth */
	d = divs(DOCUMENT_MAX_DEPTH - 2, NULL);
	t = text_of(d);
	is_str(t, "inner\n", "nested to DOCUMENT_MAX_DEPTH: the text");
	is_int(d->warnings.nr, 0, "nested to DOCUMENT_MAX_DEPTH: no warning");
	free(t);
	document_free(d);

	d = divs(DOCUMENT_MAX_DEPTH - 1, &opt);
	t = text_of(d);
	is_str(t, "inner\n", "one level deeper: the text is still there");
	is_int(d->warnings.nr, 1, "one level deeper: one warning");
	if (d->warnings.nr) {
		is_int(d->warnings.v[0].line, 11, "on the file's line of the "
		    "element too deep (body from line 10, its line 2)");
		ok(strstr(d->warnings.v[0].msg, "nested deeper than 100") != NULL,
		    "the warning names the depth: %s", d->warnings.v[0].msg);
	}
	free(t);
	document_free(d);

	d = divs(1000, NULL);
	is_int(d->warnings.nr, 1, "1,000 levels: still one warning");
	document_free(d);

	/* Markdown: quotes and list items opened on one line */
	d = quotes(MARKDOWN_MAX_NESTING, ">");
	t = text_of(d);
	is_str(t, "first\ninner\n", "MARKDOWN_MAX_NESTING quotes: the text");
	is_int(d->warnings.nr, 0, "MARKDOWN_MAX_NESTING quotes: no warning");
	ok(d->nblocks == 2 && d->blocks[1].nframes == DOCUMENT_MAX_FRAMES,
	    "MARKDOWN_MAX_NESTING quotes: the inner block is quoted");
	free(t);
	document_free(d);

	d = quotes(MARKDOWN_MAX_NESTING + 1, ">");
	t = text_of(d);
	is_str(t, "first\ninner\n", "one quote more: the text");
	is_int(d->warnings.nr, 1, "one quote more: one warning");
	if (d->warnings.nr)
		is_int(d->warnings.v[0].line, 3, "on the line of the markers");
	free(t);
	document_free(d);

	d = quotes(MARKDOWN_MAX_NESTING + 1, "- ");
	t = text_of(d);
	is_str(t, "first\ninner\n", "one list item more: the text");
	is_int(d->warnings.nr, 1, "one list item more: one warning");
	free(t);
	document_free(d);

	d = quotes(1 << 20, ">");
	t = text_of(d);
	is_str(t, "first\ninner\n", "a million quotes: the text");
	is_int(d->warnings.nr, 1, "a million quotes: one warning");
	free(t);
	document_free(d);

	/* what markdown_limit_nesting() changes, and what it leaves */
#define LIMIT(s, max) markdown_limit_nesting((s), strlen(s), (max), &b)
	is_int(LIMIT("> > > a\n", 2), 1,
	    "three quotes, two allowed: line 1");
	is_str(b.buf, "> > a\n", "the third marker goes, the text stays");
	buf_reset(&b);
	is_int(LIMIT("```\n> > > a\n```\n> > b\n", 2), 0,
	    "fenced code is left as it is");
	is_int(b.len, 0, "and nothing is copied");
	is_int(LIMIT("x\n1. 2) - + * > y\n", 3), 2,
	    "every kind of marker counts");
	is_str(b.buf, "x\n1. 2) - y\n", "kept: the first three");
#undef LIMIT
	buf_release(&b);
}

static void
test_split(void)
{
	struct document *d = document_new(DOCUMENT_LANG_OTHER);
	struct document_frame item = { DOCUMENT_FRAME_ITEM, "•", 2, true };
	struct document_block *b;
	struct buf want = BUF_INIT, got = BUF_INIT;
	bool ok_len = true, ok_frames = true;

	/* exactly max bytes: one block; one byte more: two */
	b = document_add_block(d, DOCUMENT_PARA);
	for (int i = 0; i < 64; i++)
		document_block_add(b, "x", 1, 0, -1);
	document_split_blocks(d, 64);
	is_int(d->nblocks, 1, "a block of exactly max bytes stays whole");
	document_block_add(&d->blocks[0], "y", 1, DOCUMENT_STYLE_BOLD, 3);
	document_split_blocks(d, 64);
	is_int(d->nblocks, 2, "one byte more: two blocks");
	is_int(d->blocks[0].text.len + d->blocks[1].text.len, 65,
	    "no byte lost (no space to drop)");
	ok(d->blocks[1].nruns >= 1 && d->blocks[1].runs[d->blocks[1].nruns - 1].link == 3,
	    "the runs go with their text");
	document_free(d);

	/* a long item: words, a link across a cut, the marker once */
	d = document_new(DOCUMENT_LANG_OTHER);
	b = document_add_block(d, DOCUMENT_PARA);
	b->space_before = 1;
	document_block_add_frame(b, &item);
	for (int i = 0; i < 2000; i++) {
		char w[16];
		int n = snprintf(w, sizeof w, "w%d ", i);

		document_block_add(b, w, (size_t)n, i % 2 ? DOCUMENT_STYLE_LINK : 0,
		    i % 2 ? 1 : -1);
		buf_add(&want, w, (size_t)n);
	}
	document_split_blocks(d, 1024);
	ok(d->nblocks > 10, "a 12 KB paragraph in 1 KB pieces: %zu blocks",
	    d->nblocks);
	for (size_t i = 0; i < d->nblocks; i++) {
		const struct document_block *p = &d->blocks[i];

		ok_len = ok_len && p->text.len <= 1024 && p->text.len > 0 &&
		    p->runs[0].start == 0 && p->kind == DOCUMENT_PARA;
		ok_frames = ok_frames && p->nframes == 1 &&
		    p->frames[0].first == (i == 0) &&
		    p->space_before == (i == 0);
		buf_addbuf(&got, &p->text);
		buf_addc(&got, ' ');	/* the space each cut dropped */
	}
	ok(ok_len, "each piece holds at most max bytes, runs from 0");
	ok(ok_frames, "the marker and the space before on the first only");
	is_int(got.len, want.len + 1, "cut at spaces, which are dropped");
	ok(strncmp(got.buf, want.buf, want.len) == 0, "the text in order");
	document_free(d);

	/* preformatted text: cut at a line break, spaces kept */
	d = document_new(DOCUMENT_LANG_OTHER);
	b = document_add_block(d, DOCUMENT_PRE);
	buf_reset(&want);
	for (int i = 0; i < 200; i++)
		buf_adds(&want, "  code  \n");
	document_block_add(b, want.buf, want.len, DOCUMENT_STYLE_CODE, -1);
	document_split_blocks(d, 256);
	buf_reset(&got);
	for (size_t i = 0; i < d->nblocks; i++) {
		buf_addbuf(&got, &d->blocks[i].text);
		if (i + 1 < d->nblocks)
			buf_addc(&got, '\n');
	}
	is_str(got.buf, want.buf, "preformatted pieces end at line breaks");
	document_free(d);

	/* a run of tabs has no line break nor space: cut anywhere */
	d = document_new(DOCUMENT_LANG_OTHER);
	b = document_add_block(d, DOCUMENT_PRE);
	for (int i = 0; i < 1000; i++)
		document_block_add(b, "\t", 1, DOCUMENT_STYLE_CODE, -1);
	document_split_blocks(d, 256);
	is_int(d->nblocks, 4, "1,000 tabs in blocks of 256");
	document_free(d);
	buf_release(&want);
	buf_release(&got);
}

/* --- the collection's interface, from two threads --- */

static struct article *
make_article(enum article_format format, const char *body,
    const char *headimg)
{
	struct article *a = xcalloc(1, sizeof *a);

	a->format = format;
	a->body = xstrdup(body);
	a->body_len = strlen(body);
	a->headimg = headimg ? xstrdup(headimg) : NULL;
	return a;
}

static void
free_article(struct article *a)
{
	free(a->body);
	free(a->headimg);
	free(a);
}

struct job {
	const struct article *a;
	char *text;		/* of the last run */
	bool same;		/* every run gave the same text */
};

static void *
worker(void *arg)
{
	struct job *j = arg;

	j->same = true;
	for (int i = 0; i < 200; i++) {
		struct document *d = document_from_article(j->a);
		char *t = text_of(d);

		if (j->text && strcmp(j->text, t) != 0)
			j->same = false;
		free(j->text);
		j->text = t;
		document_free(d);
	}
	return NULL;
}

static void
test_article(void)
{
	struct article *h = make_article(ARTICLE_HTML,
	    "<p>央视网消息：<a href='https://x'>链接</a></p><p>第二段</p>",
	    "https://img/1.jpg");
	struct article *m = make_article(ARTICLE_MARKDOWN,
	    "# 标题\n\n正文 **粗体**\n\n- 一\n- 二\n", NULL);
	struct document *d = document_from_article(h);
	struct job jobs[2] = { { h, NULL, false }, { m, NULL, false } };
	pthread_t th[2];
	char *t;

	t = text_of(d);
	is_str(t, "央视网消息：链接\n第二段\n", "document_text: blocks by "
	    "lines, no link numbers");
	free(t);
	ok(document_link(d, 0) && strcmp(document_link(d, 0)->url,
	    "https://img/1.jpg") == 0, "headimg is link 0");
	ok(document_link(d, 1) && strcmp(document_link(d, 1)->url,
	    "https://x") == 0, "the body's first link is 1");
	document_free(d);

	d = document_from_article(m);
	t = text_of(d);
	is_str(t, "标题\n正文 粗体\n一\n二\n", "a Markdown body is rendered first");
	free(t);
	document_free(d);

	{
		struct article *img = make_article(ARTICLE_HTML,
		    "<p>图片：<img alt='港口' src='a.jpg'>，视频<video "
		    "src='v.mp4'></video></p>", NULL);
		struct article *en = make_article(ARTICLE_MARKDOWN,
		    "Some *English* text ![a ship](s.png) here.\n", NULL);
		struct buf out = BUF_INIT;

		document_article_text(img, &out, NULL);
		d = document_from_article(img);
		t = text_of(d);
		is_str(out.buf, t, "document_article_text: the reader's text, "
		    "with placeholders (Chinese)");
		is_str(out.buf, "图片：港口，视频\n", "an image's alt text stays");
		free(t);
		document_free(d);
		buf_reset(&out);
		document_article_text(en, &out, NULL);
		d = document_from_article(en);
		t = text_of(d);
		is_str(out.buf, t, "and with placeholders in English");
		free(t);
		document_free(d);
		buf_release(&out);
		free_article(img);
		free_article(en);
	}

	for (int i = 0; i < 2; i++)
		pthread_create(&th[i], NULL, worker, &jobs[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	ok(jobs[0].same && jobs[1].same, "two threads at once, 200 documents "
	    "each: the same text every time");
	is_str(jobs[0].text, "央视网消息：链接\n第二段\n", "thread 1's text");
	is_str(jobs[1].text, "标题\n正文 粗体\n一\n二\n", "thread 2's text");
	for (int i = 0; i < 2; i++)
		free(jobs[i].text);
	free_article(h);
	free_article(m);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_whitespace();
	test_blocks();
	test_inline();
	test_links();
	test_tables();
	test_markdown();
	test_depth();
	test_many();
	test_depth_cap();
	test_split();
	test_article();
	return tap_done();
}
