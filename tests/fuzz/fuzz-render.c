/* SPDX-License-Identifier: MIT */
/*
 * fuzz-render: a fuzz target for rendering, an article body through the
 * document model (HTML via libxml2, or Markdown via md4c first) and
 * layout at a width the input chooses.
 *
 * The input: byte 0 is the width less one (1..256 columns); byte 1's bit
 * 0 says Markdown (else HTML), bit 1 asks for the paragraph indent, bits
 * 2-3 pick the lang option (none, zh, en, ja); the rest is the body. Each
 * block is laid out and its lines checked against what layout.h
 * promises of every line: its cells pointer is never NULL (an empty line
 * included), its width is its cells' widths summed, a cell is
 * 1 or 2 columns of at least one byte, line positions never go back, and
 * (outside tables, which repeat header cells as labels) the text's cells
 * come in text order.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>

#include "buf.h"
#include "document.h"
#include "fuzz.h"
#include "layout.h"

static void
check_block(const struct document_block *b, const struct layout_block *lb)
{
	uint32_t last_pos = 0, last_cell = 0;
	bool any_cell = false;

	FUZZ_ASSERT(lb->nlines >= 1);
	for (size_t i = 0; i < lb->nlines; i++) {
		const struct layout_line *ln = &lb->lines[i];
		unsigned width = 0;

		FUZZ_ASSERT(ln->cells != NULL);
		FUZZ_ASSERT(ln->pos >= last_pos);
		last_pos = ln->pos;
		for (size_t j = 0; j < ln->ncells; j++) {
			const struct layout_cell *c = &ln->cells[j];

			FUZZ_ASSERT(c->width == 1 || c->width == 2);
			FUZZ_ASSERT(c->len >= 1);
			width += c->width;
			if (c->pos == LAYOUT_NO_POS || b->kind == DOCUMENT_TABLE)
				continue;
			FUZZ_ASSERT(c->pos < b->text.len);
			FUZZ_ASSERT(!any_cell || c->pos > last_cell);
			last_cell = c->pos;
			any_cell = true;
		}
		FUZZ_ASSERT(width == ln->width);
	}
}

/* One layout for the whole run, made on the first input: it holds ICU
 * break iterators, whose making would otherwise cost more than most
 * inputs' layout. libFuzzer never frees it (it is reachable); the plain
 * driver does, through release_layout(). */
static struct layout *lay;

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const langs[] = { NULL, "zh", "en", "ja" };
	struct document_options opt = { .lang = NULL };
	struct document *doc;
	struct buf text = BUF_INIT;
	unsigned w, flags;

	if (size < 2)
		return 0;
	if (lay == NULL)
		lay = layout_new(true);
	w = (unsigned)data[0] + 1;
	flags = data[1] & 2 ? LAYOUT_INDENT : 0;
	opt.lang = langs[(data[1] >> 2) & 3];
	if (data[1] & 1)
		doc = document_from_markdown((const char *)data + 2, size - 2,
		    &opt);
	else
		doc = document_from_html((const char *)data + 2, size - 2,
		    &opt);
	for (size_t i = 0; i < doc->nblocks; i++) {
		struct layout_block *lb = layout_block(lay, doc, i, w, flags);

		check_block(&doc->blocks[i], lb);
		layout_block_free(lb);
	}
	document_text(doc, &text);
	buf_release(&text);
	document_free(doc);
	return 0;
}

#ifndef NR_LIBFUZZER
static void
release_layout(void)
{
	layout_free(lay);
	lay = NULL;
}

/* Byte 0: width - 1 ("\x01" is 2 columns, "'" 40, "O" 80; width 1 is
 * byte 0, which a seed string cannot hold: the mutations reach it); byte 1:
 * flags ("@": HTML, "A": Markdown, "C": Markdown, indented; +4 picks a
 * lang). */
static const char *const seeds[] = {
	"O@<p>大连：初步查明，<a href=\"https://x/1\">本轮疫情</a>。</p>"
	"<blockquote><ul><li>一<ol><li>二</li></ol></li></ul></blockquote>",
	"\x01" "B<h2>“标题”</h2><p>——《引号》……</p><pre>\tcode\n  x</pre><hr>",
	"'@<table><tr><th>地区</th><th>GDP</th></tr>"
	"<tr><td>北京</td><td>4.1万亿</td></tr><tr><td colspan=2>x</td></tr>"
	"</table><img src=a.jpg alt=图><iframe src=v></iframe>",
	"\x13" "A# 标题\n\n正文，**粗体** *斜* `code` ~~删~~\n\n"
	"> 引用\n> - 列表\n>   1. 数字\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
	"OC```\nfenced\n```\n\n- [x] task\n- item with https://example.com/a\n"
	"\n<div>raw <b>html</b></div>\n",
	"\x05" "D<p>emoji 👨‍👩‍👧 🇨🇳 e\xCC\x81\xCC\x82\xCC\x83\xCC\x84\xCC\x85"
	" \x1B[31mred\x1B[0m \xE2\x80\xAE bidi</p><br><p>ｆｕｌｌ　width</p>",
};

/* Bytes that matter to the parsers and to line breaking, for insertion. */
static const char *const tokens[] = {
	"<p>", "</p>", "<li>", "<ul>", "<ol>", "<blockquote>", "<table>",
	"<tr>", "<td>", "<th>", "<pre>", "<br>", "<a href=x>", "</a>",
	"<img src=y alt=z>", "<h1>", "&amp;", "&#x2014;", "\n", "\n\n", "> ",
	"- ", "1. ", "| ", "```\n", "**", "`", "\t", " ", "，", "。", "“",
	"”", "——", "……", "《", "》", "中", "😀", "\xCC\x81", "\xE2\x80\x8D",
	"\x1B[", "\xFF", "",
};

int
main(int argc, char **argv)
{
	static const struct fuzz_target t = {
		"render", seeds, sizeof seeds / sizeof *seeds,
		tokens, sizeof tokens / sizeof *tokens, release_layout,
	};

	return fuzz_main(&t, argc, argv);
}
#endif
