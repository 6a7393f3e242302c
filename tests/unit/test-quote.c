/* SPDX-License-Identifier: MIT */
/* Tests for src/quote.c: quoting names, and reading them back. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "quote.h"
#include "tap.h"
#include "xmalloc.h"

/* Quote in (len bytes), compare with want, and read it back. */
static void
check(const char *in, size_t len, const char *want, const char *why)
{
	struct buf q = BUF_INIT, back = BUF_INIT;

	quote_add(&q, in, len);
	is_str(q.buf, want, "%s", why);
	if (q.buf[0] == '"') {
		is_int(quote_unquote(&back, q.buf), 0, "and it reads back");
		is_mem(back.buf, back.len, in, len, "to the same bytes");
	}
	buf_release(&q);
	buf_release(&back);
}

#define CHECK(in, want, why) check((in), sizeof (in) - 1, (want), (why))

static void
test_quote(void)
{
	CHECK("news/2024/report.md", "news/2024/report.md",
	    "a plain path is as it is");
	CHECK("新闻/疫情 报道.md", "新闻/疫情 报道.md",
	    "Chinese and spaces need no quotes");
	CHECK("a\\b\"c", "a\\b\"c", "nor '\\' and '\"' inside");
	CHECK("a\tb.md", "\"a\\tb.md\"", "a TAB is \\t, in quotes");
	CHECK("x\n\r\a\b\v\f", "\"x\\n\\r\\a\\b\\v\\f\"", "the letter escapes");
	CHECK("caf\xe9.md", "\"caf\\351.md\"", "a byte that is not UTF-8 is "
	    "octal, as git and ls write it");
	CHECK("\xc3", "\"\\303\"", "a lone lead byte");
	CHECK("a\x1b[31m\x7f", "\"a\\033[31m\\177\"", "ESC and DEL");
	CHECK("a\xc2\x9b" "b", "\"a\\302\\233b\"", "a C1 control");
	CHECK("a\xe2\x80\xa8" "b\xe2\x80\xae", "\"a\\342\\200\\250b\\342\\200"
	    "\\256\"", "U+2028 and a bidi override");
	CHECK("\"x\".md", "\"\\\"x\\\".md\"", "a leading '\"' is quoted, so "
	    "the quoted form is never ambiguous");
	CHECK("c\tat\\\"", "\"c\\tat\\\\\\\"\"", "'\\' and '\"' are escaped "
	    "inside quotes");
	ok(!quote_needed("中文/a b", strlen("中文/a b")), "quote_needed: no");
	ok(quote_needed("a\tb", 3), "quote_needed: a TAB");
}

static void
test_unquote(void)
{
	static const char *const bad[] = {
		"plain", "\"open", "\"a\"b", "\"a\\q\"", "\"\\400\"",
		"\"\\000\"", "\"\\12\"", "\"a\\\"", "",
	};
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		buf_adds(&b, "keep");
		is_int(quote_unquote(&b, bad[i]), -1, "not a quoted name: '%s'",
		    bad[i]);
		is_str(b.buf, "keep", "out is unchanged");
		buf_reset(&b);
	}
	is_int(quote_unquote(&b, "\"\""), 0, "\"\" is the empty name");
	is_int((int)b.len, 0, "of no bytes");
	buf_release(&b);
}

static void
test_arg(void)
{
	char tmpl[] = "/tmp/nr-quote-XXXXXX";
	char *dir = mkdtemp(tmpl), *arg, *want, cwd[4096];
	char lit[] = "\"x\"", cat[] = "\"c\\tat\"", id[] = "123";
	FILE *f;

	if (dir == NULL || getcwd(cwd, sizeof cwd) == NULL) {
		ok(0, "a temporary directory");
		return;
	}
	arg = xasprintf("\"%s/a\\tb\"", dir);
	want = xasprintf("%s/a\tb", dir);
	is_str(quote_arg(arg, true), want, "a quoted path is read back in place");
	free(arg);
	free(want);
	if (chdir(dir) == 0 && (f = fopen("\"x\"", "w")) != NULL) {
		fclose(f);
		is_str(quote_arg(lit, true), "\"x\"", "a file that exists under "
		    "the literal name wins");
		remove("\"x\"");
		(void)!chdir(cwd);
	}
	is_str(quote_arg(cat, false), "c\tat", "a category is read back");
	is_str(quote_arg(id, true), "123", "anything else is left alone");
	rmdir(dir);
}

int
main(void)
{
	test_quote();
	test_unquote();
	test_arg();
	return tap_done();
}
