/* SPDX-License-Identifier: MIT */
/*
 * fuzz-article: a fuzz target for the whole parser (charset, front matter,
 * YAML/JSON, dates, entities, key mapping) and the listing formats, and
 * for the same bytes taken as a name and as a URL, quote.c and url.c.
 *
 * The input is a whole article file. Built plainly (fuzz.h), the seeds
 * are articles each shaped after a real fault.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "cli-list.h"
#include "fuzz.h"
#include "quote.h"
#include "url.h"

/*
 * The input as a file name and as a URL: a quoted name reads back to the
 * same bytes, and a scrubbed URL is clean and scrubs to itself. A
 * difference aborts, as a sanitizer's finding does.
 */
static void
names(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct buf q = BUF_INIT, back = BUF_INIT, u = BUF_INIT, u2 = BUF_INIT;

	if (!memchr(s, '\0', size)) {
		quote_add(&q, s, size);
		if (quote_needed(s, size) &&
		    (quote_unquote(&back, q.buf) < 0 || back.len != size ||
		    memcmp(back.buf, s, size) != 0))
			abort();
	}
	url_scrub(&u, s, size);
	url_scrub(&u2, u.buf, u.len);
	if (strcmp(u.buf, u2.buf) != 0 || !url_is_clean(u.buf))
		abort();
	buf_release(&q);
	buf_release(&back);
	buf_release(&u);
	buf_release(&u2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct error err = ERROR_INIT;
	struct article *a = article_parse("fuzz/2021-01-02-input.md",
	    (const char *)data, size, 0, &err);
	struct buf b = BUF_INIT;

	if (a) {
		cli_list_text(&b, a);
		cli_list_json(&b, a);
		article_free(a);
	}
	error_release(&err);
	buf_release(&b);
	names(data, size);
	return 0;
}

#ifndef NR_LIBFUZZER
static const char *const seeds[] = {
	"\n---\ntitle: '大连：初步查明'\ncategories: \n - 新媒体\n - 趣头条\n"
	"headimg: 'https://x/1.jpg'\ncomments: false\n"
	"date: Fri, 03 Dec 2021 01:20:34 GMT\n---\n\n<div><p>正文</p></div>\n",
	"---\ntitle: \"\"\"'x'\"\"\"\ncategories: [[a, b], c]\ntags: [t]\n"
	"date: 2021-03-22 04:50:45\n---\n# md\n<!-- more -->\nrest\n",
	"\"title\": \"json\",\n\"date\": \"2023-11-02 21:00:00\",\n"
	"\"categories\": [\"a\", \"b\"]\n;;;\n<p>x</p>\n",
	"----\n\ntitle:  &t anchored\nalias: *t\nm: {a: [1, {b: c}]}\n"
	"date: Invalid Date\n\n----\nbody &#123; &amp;\n",
	"---\ntitle: '未闭合\ncategories:\n\t- tab\n\t- ok\nupdated: 2021/3/21 9:05\n"
	"---\r\nbody\r\n",
	"title: closing only\ndate: 2021年3月21日\n---\nbody\n",
};

/* Bytes that matter to the parsers, for insertion. */
static const char *const tokens[] = {
	"---\n", ";;;\n", "'", "\"", "[", "]", "{", "}", ":", ": ", "\n",
	"\t", "\r", "&", "*a", "&a ", "- ", "#", "<!--more-->", "&#x",
	"\xFF", "\xC3", "\xE4\xB8", "\x1B[31m", "\0", "|\n", ">\n", "\\u00",
	"<div>", "2021-02-30", "GMT+08", "\xD6\xD0",
};

int
main(int argc, char **argv)
{
	static const struct fuzz_target t = {
		"article", seeds, sizeof seeds / sizeof *seeds,
		tokens, sizeof tokens / sizeof *tokens, NULL,
	};

	return fuzz_main(&t, argc, argv);
}
#endif
