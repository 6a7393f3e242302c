/* SPDX-License-Identifier: MIT */
/* Tests for src/url.c: what url_scrub() keeps, drops and encodes. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "tap.h"
#include "url.h"

static void
check(const char *in, size_t len, const char *want, const char *why)
{
	struct buf b = BUF_INIT, again = BUF_INIT;

	url_scrub(&b, in, len);
	is_str(b.buf, want, "%s", why);
	url_scrub(&again, b.buf, b.len);
	is_str(again.buf, b.buf, "and scrubbing again changes nothing");
	ok(url_is_clean(b.buf), "and the result is clean");
	buf_release(&b);
	buf_release(&again);
}

#define CHECK(in, want, why) check((in), sizeof (in) - 1, (want), (why))

int
main(void)
{
	CHECK("https://example.com/a?b=c#d", "https://example.com/a?b=c#d",
	    "a plain URL is unchanged");
	CHECK("https://例子.中国/新闻/页", "https://例子.中国/新闻/页",
	    "Chinese stays as it is");
	CHECK("http://x/%20y", "http://x/%20y", "'%' is kept");
	CHECK("http://x/\ntouch pwned", "http://x/touch%20pwned",
	    "a newline goes (as a browser drops it), a space is %20");
	CHECK("http://x/a\tb\r\nc", "http://x/abc", "tab, CR, LF go");
	CHECK(" \x01http://x/ \x1f", "http://x/",
	    "C0 controls and spaces at the ends are stripped");
	CHECK("http://x/\x1b[31m\x07\x7f", "http://x/%1B[31m%07%7F",
	    "ESC, BEL, DEL inside are encoded");
	CHECK("http://x/a\xc2\x9b" "b\xc2\x85", "http://x/a%C2%9Bb%C2%85",
	    "C1 controls are encoded as their UTF-8 bytes");
	CHECK("http://x/a\xe2\x80\xa8" "b\xe2\x80\xa9", "http://x/a%E2%80%A8b"
	    "%E2%80%A9", "U+2028 and U+2029 are encoded");
	CHECK("http://x/\xe2\x80\xae" "gpj.exe\xe2\x80\xac\xe2\x81\xa6\xe2\x80"
	    "\x8f\xd8\x9c", "http://x/%E2%80%AEgpj.exe%E2%80%AC%E2%81%A6"
	    "%E2%80%8F%D8%9C", "bidi overrides, isolates and marks are encoded");
	CHECK("http://x/\xff\xc3", "http://x/%FF%C3",
	    "bytes that are not UTF-8 are encoded");
	CHECK("mailto:a@b?subject=hello world", "mailto:a@b?subject=hello%20world",
	    "mailto too");

	ok(!url_is_clean("http://x/a b"), "url_is_clean: a space is not");
	ok(!url_is_clean("http://x/\xe2\x80\xa8"), "nor U+2028");
	ok(url_is_clean("http://x/中"), "Chinese is");
	return tap_done();
}
