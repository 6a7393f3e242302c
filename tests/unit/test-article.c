/* SPDX-License-Identifier: MIT */
/* Tests for src/article.c: key mapping, Hexo's categories, fallbacks. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "article.h"
#include "buf.h"
#include "date.h"
#include "tap.h"

/* Zones as POSIX rules, so the tests need no tzdata: Asia/Shanghai (no
   DST since 1991) and America/New_York (US rules since 2007). */
#define SHANGHAI "CST-8"
#define NEW_YORK "EST5EDT,M3.2.0,M11.1.0"

#define MTIME ((int64_t)1600000000 * 1000000000)	/* 2020-09-13T12:26:40Z */

static struct article *
parse_as(const char *path, const char *text)
{
	struct error err = ERROR_INIT;
	struct article *a = article_parse(path, text, strlen(text), MTIME, &err);

	if (a == NULL) {
		tap_diag("refused: %s", err.msg);
		error_release(&err);
	}
	return a;
}

/* s with newlines shown as \n, for a one-line test name. */
static const char *
oneline(const char *s)
{
	static char out[256];	/* one name at a time */
	size_t n = 0;

	for (; *s && n + 3 < sizeof out; s++) {
		if (*s == '\n') {
			out[n++] = '\\';
			out[n++] = 'n';
		} else {
			out[n++] = *s;
		}
	}
	out[n] = '\0';
	return out;
}

static const char *
iso(int64_t t, char buf[DATE_ISO_SIZE])
{
	date_format_iso(buf, t);
	return buf;
}

/* "a/b|c" for the category paths. */
static const char *
cats(const struct article *a, struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < a->ncategories; i++) {
		char *s = strvec_join(&a->categories[i], "/");
		buf_addf(b, "%s%s", i ? "|" : "", s);
		free(s);
	}
	return b->buf;
}

static const char *
warns(const struct article *a, struct buf *b)
{
	buf_reset(b);
	for (size_t i = 0; i < a->warnings.nr; i++)
		buf_addf(b, "%s%d: %s", i ? "|" : "", a->warnings.v[i].line,
		    a->warnings.v[i].msg);
	return b->buf;
}

static void
test_seed(void)
{
	struct buf b = BUF_INIT;
	char d[DATE_ISO_SIZE];
	struct article *a = parse_as("data/000.md",
	    "\n---\ntitle: '大连：初步查明_11·03_疫情'\ncategories: \n - 新媒体\n"
	    " - 趣头条\n - 分类\nheadimg: 'https://x/1.jpg'\nauthor: 趣头条\n"
	    "comments: false\ndate: Fri, 03 Dec 2021 01:20:34 GMT\n"
	    "thumbnail: 'https://x/2.jpg'\n---\n\n<div>   \n<p>正文</p>\n</div>\n");

	if (!ok(a != NULL, "the seed parses"))
		return;
	is_str(a->title, "大连：初步查明_11·03_疫情", "title");
	is_str(iso(a->date, d), "2021-12-03T01:20:34Z", "date");
	is_int(a->date_source, ARTICLE_DATE_FRONTMATTER, "from the date key");
	is_str(cats(a, &b), "新媒体/趣头条/分类", "a flat list is one hierarchy");
	is_str(a->headimg, "https://x/1.jpg", "headimg");
	is_str(a->thumbnail, "https://x/2.jpg", "thumbnail");
	is_str(a->author, "趣头条", "author");
	is_int(a->comments, 0, "comments: false");
	is_int(a->published, -1, "published: absent");
	is_int(a->updated, ARTICLE_NO_DATE, "updated: absent");
	is_int(a->format, ARTICLE_HTML, "a body opening with <div> is HTML");
	is_int(a->body_line, 14, "body line");
	is_str(a->body, "\n<div>   \n<p>正文</p>\n</div>\n", "body text");
	is_int(a->body_len, strlen(a->body), "body_len");
	is_str(a->extra, "{}", "no extra keys");
	is_str(a->encoding, "UTF-8", "encoding");
	is_int(a->warnings.nr, 0, "no warnings");
	is_int(a->more, -1, "no more marker");
	buf_release(&b);
	article_free(a);
}

static void
test_categories(void)
{
	static const struct { const char *yaml, *want; } v[] = {
		{ "categories: [新媒体, 趣头条, 分类]", "新媒体/趣头条/分类" },
		{ "categories: [[a, b], c]", "a/b|c" },
		{ "categories: [[a, b], [c, d]]", "a/b|c/d" },
		{ "categories: news", "news" },
		{ "categories: 2021", "2021" },
		{ "category: Jekyll", "Jekyll" },
		{ "categories: ['  padded  ', ' x']", "padded/x" },
		{ "categories:\n  - a\n  -\n  - ''\n  - b", "a/b" },
		{ "categories:", "" },
		{ "categories: []", "" },
		{ "categories: [a]\ncategory: b", "a" },
	};
	struct buf b = BUF_INIT, t = BUF_INIT;

	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		struct article *a;

		buf_reset(&t);
		buf_addf(&t, "---\n%s\ndate: 2021-01-01\n---\n", v[i].yaml);
		if ((a = parse_as("x.md", t.buf)) == NULL)
			continue;
		is_str(cats(a, &b), v[i].want, "%s", oneline(v[i].yaml));
		article_free(a);
	}
	{
		struct article *a = parse_as("x.md",
		    "---\ncategories: [a]\ncategory: b\ndate: 2021-01-01\n---\n");
		is_str(a->extra, "{\"category\":\"b\"}",
		    "category beside categories is kept in extra");
		a->ncategories = 0;	/* the listing's fallback */
		{
			char *p = article_category_path(a, "/");
			is_str(p, ARTICLE_UNCATEGORISED, "none: 未分类");
			free(p);
		}
		a->ncategories = 1;
		article_free(a);
	}
	buf_release(&b);
	buf_release(&t);
}

static void
test_titles(void)
{
	static const struct { const char *path, *yaml, *want; } v[] = {
		{ "x.md", "title: 2015", "2015" },
		{ "x.md", "title: '2015'", "2015" },
		{ "x.md", "title: 1.0", "1.0" },
		{ "x.md", "title: a&#123;b&#125; &amp; c", "a{b} & c" },
		{ "x.md", "title: '@a \"\n  1回目\n  \"'", "@a \" 1回目 \"" },
		{ "x.md", "title: 00_00\n\n  币世界", "00_00 币世界" },
		{ "dir/My Post.md", "author: x", "My Post" },
		{ "dir/My Post.md", "title:", "My Post" },
		{ "dir/My Post.md", "title: '   '", "My Post" },
		{ "dir/.md", "title: #", ".md" },
		{ "dir/noext", "title: ~", "noext" },
		{ "x.md", "title: 标题.md", "标题.md" },
	};

	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		struct buf t = BUF_INIT;
		struct article *a;

		buf_addf(&t, "---\n%s\ndate: 2021-01-01\n---\n", v[i].yaml);
		if ((a = parse_as(v[i].path, t.buf)) != NULL) {
			is_str(a->title, v[i].want, "%s: %s", v[i].path,
			    oneline(v[i].yaml));
			article_free(a);
		}
		buf_release(&t);
	}
}

static void
test_dates(void)
{
	struct buf b = BUF_INIT;
	char d[DATE_ISO_SIZE];
	struct article *a;

	setenv("TZ", SHANGHAI, 1);
	tzset();
	a = parse_as("x.md", "---\ntitle: t\ndate: Invalid Date\n---\nbody\n");
	is_str(iso(a->date, d), "2020-09-13T12:26:40Z", "bad date: the mtime");
	is_int(a->date_source, ARTICLE_DATE_MTIME, "date source: mtime");
	is_str(warns(a, &b), "3: unrecognised date 'Invalid Date'; using the "
	    "file's modification time", "one warning on the date's line");
	is_str(a->extra, "{\"date\":\"Invalid Date\"}", "the text is kept");
	article_free(a);

	a = parse_as("x.md", "---\ntitle: t\n---\nbody\n");
	is_int(a->date_source, ARTICLE_DATE_MTIME, "no date: the mtime");
	is_str(warns(a, &b), "0: no date; using the file's modification time",
	    "with a warning");
	article_free(a);

	a = parse_as("_posts/2021-12-05-cold.md", "---\ntitle: t\n---\nbody\n");
	is_str(iso(a->date, d), "2021-12-04T16:00:00Z",
	    "a Jekyll name gives the date, local midnight");
	is_int(a->date_source, ARTICLE_DATE_FILENAME, "date source: name");
	is_int(a->warnings.nr, 0, "without a warning");
	article_free(a);

	a = parse_as("x.md", "---\ndate: 2021-12-03 09:20:34\n"
	    "updated: 2021-12-04T00:00:00Z\n---\n");
	is_str(iso(a->date, d), "2021-12-03T01:20:34Z", "local date in TZ");
	is_str(iso(a->updated, d), "2021-12-04T00:00:00Z", "updated");
	article_free(a);

	a = parse_as("x.md", "---\ndate: 2021-12-03\nupdated: soon\n---\n");
	is_int(a->updated, ARTICLE_NO_DATE, "a bad updated is dropped");
	is_str(warns(a, &b), "3: unrecognised updated 'soon'; ignored",
	    "with a warning");
	article_free(a);
	setenv("TZ", "UTC0", 1);
	tzset();
	buf_release(&b);
}

static void
test_fields(void)
{
	struct buf b = BUF_INIT;
	struct article *a = parse_as("x.md",
	    "---\ntitle: t\ndate: 2021-01-01\ntags: [a, [b, c], ' d ']\n"
	    "author: {name: 张三, link: 'http://x'}\ncover: false\n"
	    "published: no\nexcerpt: short\npermalink: /p/1\nlang: zh-CN\n"
	    "layout: post\nnums: [1, 2.5, -3]\nnested: {a: [true, null, 'x']}\n"
	    "thumbnail: ''\n---\nbody\n");

	char *tags = strvec_join(&a->tags, ",");

	is_str(tags, "a,b,c,d", "tags flattened, trimmed");
	free(tags);
	is_str(a->author, "张三", "author: a mapping's name");
	ok(a->cover == NULL, "cover: false is no image");
	is_int(a->published, 0, "published: no");
	is_str(a->excerpt, "short", "excerpt");
	is_str(a->permalink, "/p/1", "permalink");
	is_str(a->lang, "zh-CN", "lang");
	ok(a->thumbnail == NULL, "an empty string is absent");
	is_str(a->extra, "{\"cover\":false,\"layout\":\"post\",\"nums\":"
	    "[1,2.5,-3],\"nested\":{\"a\":[true,null,\"x\"]}}",
	    "unknown keys in extra, typed as YAML's core schema");
	article_free(a);

	a = parse_as("x.md", "---\ntitle: [a, b]\ndate: 2021-01-01\n"
	    "author: [x]\ncomments: maybe\n---\n");
	is_str(a->title, "x", "a list title: the file name");
	is_str(warns(a, &b), "2: 'title' is a list, not text; the file name is "
	    "used|4: 'author' is a list, not text|5: 'comments' is not true "
	    "or false", "warnings in file order");
	is_str(a->extra, "{\"title\":[\"a\",\"b\"],\"author\":[\"x\"],"
	    "\"comments\":\"maybe\"}", "unusable values kept in extra");
	article_free(a);
	buf_release(&b);
}

static void
test_body(void)
{
	struct article *a;

	a = parse_as("x.md", "---\ntitle: t\ndate: 2021-01-01\n---\n# Heading\n"
	    "\nintro\n<!-- more -->\nrest\n");
	is_int(a->format, ARTICLE_MARKDOWN, "a Markdown body");
	is_int(a->more, 17, "<!-- more --> offset");
	article_free(a);

	a = parse_as("x.md", "---\ndate: 2021-01-01\n---\n\n  <p>x</p><!--more-->");
	is_int(a->format, ARTICLE_HTML, "<p> first: HTML");
	is_int(a->more, 11, "<!--more--> offset");
	article_free(a);

	a = parse_as("x.md", "---\ndate: 2021-01-01\n---\n<span>x</span>\n");
	is_int(a->format, ARTICLE_MARKDOWN, "an inline element: Markdown");
	article_free(a);

	a = parse_as("x.html", "---\ndate: 2021-01-01\n---\nplain words\n");
	is_int(a->format, ARTICLE_HTML, ".html files are HTML");
	article_free(a);

	a = parse_as("x.md", "<div>no front matter</div>\n");
	is_int(a->format, ARTICLE_HTML, "no front matter: HTML body");
	is_int(a->body_line, 1, "body from line 1");
	is_str(a->body, "<div>no front matter</div>\n", "the whole file");
	article_free(a);
}

static void
test_faults(void)
{
	struct buf b = BUF_INIT;
	struct error err = ERROR_INIT;
	struct article *a;
	static const char gb[] = "---\ntitle: \xD6\xD0\xCE\xC4\ndate: 2021-01-01\n"
	    "tags: [a\n---\nbody \xFF\n";

	ok(article_parse("x.md", "a\0b", 3, MTIME, &err) == NULL,
	    "NUL bytes: refused");
	ok(err.msg && strstr(err.msg, "NUL"), "saying so: %s", err.msg);
	error_release(&err);
	ok(article_parse("x.md", "x", (size_t)ARTICLE_MAX_SIZE + 1, MTIME,
	    &err) == NULL, "over 64 MiB: refused");
	ok(err.msg && strstr(err.msg, "too big"), "saying so: %s", err.msg);
	error_release(&err);

	a = article_parse("x.md", gb, sizeof gb - 1, MTIME, &err);
	ok(a && strcmp(a->title, "中文") != 0, "GB18030 with a stray byte is "
	    "not GB18030");
	is_str(warns(a, &b), "2: invalid UTF-8 (5 bytes replaced with U+FFFD)|"
	    "4: invalid YAML in 'tags' (did not find expected ',' or ']' "
	    "while parsing a flow sequence); value read as plain text",
	    "warnings sorted by line");
	article_free(a);
	buf_release(&b);
}

static void
test_many_warnings(void)
{
	struct buf t = BUF_INIT;
	struct article *a;

	buf_adds(&t, "---\ntitle: t\ndate: 2021-01-01\n");
	for (int i = 0; i < 500; i++)
		buf_addf(&t, "k%d: @reserved\n", i);
	buf_adds(&t, "---\nbody\n");
	a = parse_as("x.md", t.buf);
	is_int(a->warnings.nr, 100, "500 broken keys: 100 warnings kept");
	is_int(a->warnings.v[0].line, 4, "the first in file order");
	is_str(a->warnings.v[99].msg, "401 more problems not shown",
	    "and a count of the rest");
	is_str(a->title, "t", "the title still parses");
	article_free(a);
	buf_release(&t);
}

static void
test_hash(void)
{
	struct article *a = parse_as("a.md", "same bytes");
	struct article *b = parse_as("b.md", "same bytes");
	struct article *c = parse_as("c.md", "same bytez");

	ok(a->hash == b->hash, "same bytes, same hash");
	ok(a->hash != c->hash, "one byte differs, the hash differs");
	ok(a->hash != 0, "not zero");
	article_free(a);
	article_free(b);
	article_free(c);
}

static void
test_load(void)
{
	char dir[] = "/tmp/nrtest-article.XXXXXX";
	struct buf path = BUF_INIT, text = BUF_INIT;
	struct error err = ERROR_INIT;
	struct article *a, *m;
	int fd;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	buf_addf(&path, "%s/big.md", dir);
	buf_adds(&text, "---\ntitle: big\ndate: 2021-01-01\n---\n<div>\n");
	while (text.len < 100000)
		buf_adds(&text, "<p>一段很长的正文。</p>\n");
	buf_adds(&text, "<!-- more -->\n\xFF</div>\n");
	fd = open(path.buf, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ok(fd >= 0 && write(fd, text.buf, text.len) == (ssize_t)text.len,
	    "write a 100 kB article");
	close(fd);

	a = article_load(path.buf, &err);
	ok(a && strcmp(a->title, "big") == 0, "article_load");
	ok(a && a->body && a->more > 0, "the whole body, with more");
	is_int(a ? a->size : 0, text.len, "size");
	ok(a && a->mtime_ns > 0, "mtime");
	is_int(a ? a->warnings.nr : 0, 1, "the bad byte at the end is seen");

	m = article_load_meta(path.buf, &err);
	ok(m && strcmp(m->title, "big") == 0, "article_load_meta");
	ok(m && m->body == NULL && m->more == -1 && m->hash == 0,
	    "meta: no body, no hash");
	ok(m && a && m->date == a->date && m->format == a->format &&
	    strcmp(m->extra, a->extra) == 0, "meta: the same front matter");
	is_int(m ? m->warnings.nr : 1, 0, "meta: the tail is not read");
	article_free(a);
	article_free(m);

	buf_reset(&path);
	buf_addf(&path, "%s/missing.md", dir);
	ok(article_load(path.buf, &err) == NULL, "a missing file");
	ok(err.msg && strstr(err.msg, "cannot open"), "%s", err.msg);
	error_release(&err);
	ok(article_load(dir, &err) == NULL, "a directory");
	ok(err.msg && strstr(err.msg, "not a regular file"), "%s", err.msg);
	error_release(&err);

	buf_reset(&path);
	buf_addf(&path, "%s/big.md", dir);
	unlink(path.buf);
	rmdir(dir);
	buf_release(&path);
	buf_release(&text);
}

int
main(void)
{
	setenv("TZ", "UTC0", 1);
	tzset();
	test_seed();
	test_categories();
	test_titles();
	test_dates();
	test_fields();
	test_body();
	test_faults();
	test_many_warnings();
	test_hash();
	test_load();
	return tap_done();
}
