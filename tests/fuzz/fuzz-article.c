/* SPDX-License-Identifier: MIT */
/*
 * fuzz-article: a fuzz target for the whole parser (charset, front matter,
 * YAML/JSON, dates, entities, key mapping) and the listing formats, and
 * for the same bytes taken as a name and as a URL, quote.c and url.c.
 *
 * With libFuzzer (clang -fsanitize=fuzzer,address -DNR_LIBFUZZER ...) the
 * entry point is LLVMFuzzerTestOneInput. Built plainly, as `make check`
 * does, main() is a small deterministic mutation fuzzer: it mutates seed
 * articles (each shaped after a real fault) a few thousand times and
 * parses each result, so the sanitizer build and valgrind see them all
 * (NR_FUZZ_ROUNDS sets how many; the seed of the sequence is fixed);
 * given files as arguments it parses those instead (to replay a crash).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "buf.h"
#include "cli-list.h"
#include "quote.h"
#include "url.h"
#include "../unit/tap.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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

/* xorshift64*: a fixed sequence, so a failure can be replayed. */
static uint64_t
next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1Dull;
}

/* Bytes that matter to the parsers, for insertion. */
static const char *const tokens[] = {
	"---\n", ";;;\n", "'", "\"", "[", "]", "{", "}", ":", ": ", "\n",
	"\t", "\r", "&", "*a", "&a ", "- ", "#", "<!--more-->", "&#x",
	"\xFF", "\xC3", "\xE4\xB8", "\x1B[31m", "\0", "|\n", ">\n", "\\u00",
	"<div>", "2021-02-30", "GMT+08", "\xD6\xD0",
};

static void
mutate(struct buf *b, uint64_t *rng)
{
	size_t pos = b->len ? next(rng) % (b->len + 1) : 0;
	struct buf tail = BUF_INIT;

	switch (next(rng) % 5) {
	case 0:		/* flip a byte */
		if (b->len)
			b->buf[pos % b->len] ^= (char)(1u << (next(rng) % 8));
		return;
	case 1:		/* cut */
		buf_setlen(b, pos);
		return;
	case 2:		/* delete a span */
		if (pos < b->len) {
			size_t n = next(rng) % (b->len - pos) + 1;
			memmove(b->buf + pos, b->buf + pos + n, b->len - pos - n);
			buf_setlen(b, b->len - n);
		}
		return;
	default: {	/* insert a token */
		const char *t = tokens[next(rng) % (sizeof tokens / sizeof *tokens)];
		size_t tl = t[0] ? strlen(t) : 1;

		buf_add(&tail, b->buf + pos, b->len - pos);
		buf_setlen(b, pos);
		buf_add(b, t, tl);
		buf_addbuf(b, &tail);
		buf_release(&tail);
		return;
	}
	}
}

int
main(int argc, char **argv)
{
	uint64_t rng = 0x9E3779B97F4A7C15ull;
	const char *env = getenv("NR_FUZZ_ROUNDS");	/* for long runs */
	int rounds = env ? atoi(env) : 24000;

	if (argc > 1) {
		for (int i = 1; i < argc; i++) {
			struct buf b = BUF_INIT;
			FILE *fp = fopen(argv[i], "rb");
			char chunk[4096];
			size_t n;

			if (fp == NULL) {
				perror(argv[i]);
				return 1;
			}
			while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
				buf_add(&b, chunk, n);
			fclose(fp);
			LLVMFuzzerTestOneInput((const uint8_t *)b.buf, b.len);
			buf_release(&b);
		}
		return 0;
	}
	for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
		for (int r = 0; r < rounds / 6; r++) {
			struct buf b = BUF_INIT;
			int nmut = 1 + (int)(next(&rng) % 8);

			buf_adds(&b, seeds[s]);
			for (int m = 0; m < nmut; m++)
				mutate(&b, &rng);
			LLVMFuzzerTestOneInput((const uint8_t *)b.buf, b.len);
			buf_release(&b);
		}
		ok(1, "seed %zu: %d mutated inputs parsed without a fault", s,
		    rounds / 6);
	}
	return tap_done();
}
#endif
