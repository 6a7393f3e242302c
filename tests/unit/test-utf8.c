/* SPDX-License-Identifier: MIT */
/* Tests for src/utf8.c: decoding, encoding and the scrubber. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "tap.h"
#include "utf8.h"

static void
test_decode(void)
{
	uint32_t cp;

	is_int(utf8_decode("a", 1, &cp), 1, "ASCII is one byte");
	is_int(cp, 'a', "and decodes to itself");
	is_int(utf8_decode("中", 3, &cp), 3, "a Han character is three bytes");
	is_int(cp, 0x4E2D, "U+4E2D");
	is_int(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4, "an emoji is four");
	is_int(cp, 0x1F600, "U+1F600");
	is_int(utf8_decode("\xC0\xAF", 2, &cp), -1, "overlong form rejected");
	is_int(cp, UTF8_REPLACEMENT, "rejection yields U+FFFD");
	is_int(utf8_decode("\xED\xA0\x80", 3, &cp), -1, "surrogate rejected");
	is_int(utf8_decode("\xF4\x90\x80\x80", 4, &cp), -1, "above U+10FFFF rejected");
	is_int(utf8_decode("\xE4\xB8", 2, &cp), -1, "truncated sequence rejected");
	is_int(utf8_decode("\x80", 1, &cp), -1, "lone continuation rejected");
	is_int(utf8_valid_prefix("ab\xE4\xB8\xADz\xFFq", 8), 6,
	    "valid prefix stops at the first bad byte");
}

static void
test_encode(void)
{
	struct buf b = BUF_INIT;
	uint32_t cps[] = { 0x41, 0xE9, 0x4E2D, 0x1F600, 0x10FFFF };

	for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
		uint32_t back;
		char tmp[4];
		int n = utf8_encode(cps[i], tmp);
		ok(utf8_decode(tmp, (size_t)n, &back) == n && back == cps[i],
		    "U+%04X round-trips", (unsigned)cps[i]);
	}
	utf8_sanitize(&b, "a\xFF" "b\xE4\xB8", 5);
	is_str(b.buf, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD",
	    "sanitize replaces each bad byte with U+FFFD");
	buf_release(&b);
}

static void
scrub_is(const char *in, unsigned flags, const char *want, const char *name)
{
	struct buf b = BUF_INIT;

	utf8_scrub(&b, in, strlen(in), flags);
	is_str(b.buf, want, "%s", name);
	buf_release(&b);
}

static void
test_scrub(void)
{
	scrub_is("新闻\x1b[31m红\x1b[0m", 0, "新闻红", "CSI colour codes removed whole");
	scrub_is("a\x1b]0;pwned\x07" "b", 0, "ab", "OSC with BEL removed whole");
	scrub_is("a\x1b]52;c;ZXZpbA==\x1b\\b", 0, "ab", "OSC 52 with ST removed whole");
	scrub_is("a\xc2\x9b" "2Jb", 0, "ab", "C1 CSI (U+009B) removed whole");
	scrub_is("a\xc2\x9d" "0;t\xc2\x9c" "b", 0, "ab", "C1 OSC with C1 ST removed");
	scrub_is("a\x1bPq#0;1\x1b\\b", 0, "ab", "DCS removed whole");
	scrub_is("x\x1b(By", 0, "xy", "ESC with intermediate removed");
	scrub_is("x\x1b" "7y", 0, "xy", "two-byte ESC sequence removed");
	scrub_is("a\x1b]0;never ends\nnext", 0, "a\nnext",
	    "unterminated OSC ends at the newline");
	scrub_is("a\x07\x08\x7f\xc2\x85z", 0, "az", "C0, DEL and C1 controls dropped");
	scrub_is("abc\xe2\x80\xae" "evil\xe2\x80\xac", 0, "abcevil",
	    "bidi overrides dropped");
	scrub_is("\xe2\x81\xa6x\xe2\x81\xa9", 0, "x", "bidi isolates dropped");
	scrub_is("a\tb\nc", 0, "a\tb\nc", "TAB and LF kept by default");
	scrub_is("a\tb\nc", UTF8_SCRUB_ONELINE, "a b c", "one-line mode flattens");
	scrub_is("a\xe2\x80\xa8" "b", 0, "a\nb", "U+2028 becomes a newline");
	scrub_is("a\xe2\x80\xa8" "b", UTF8_SCRUB_ONELINE, "a b", "or a space");
	scrub_is("\xff" "ok", 0, "\xef\xbf\xbd" "ok", "invalid byte becomes U+FFFD");
	scrub_is("\x1b[", 0, "", "a truncated CSI at the end leaves nothing");
	scrub_is("\x1b\xe4\xb8\xad", 0, "中", "ESC before a Han character drops only ESC");
	scrub_is("长文本没有控制字符，也没有转义序列。", 0,
	    "长文本没有控制字符，也没有转义序列。", "clean text is copied whole");
	scrub_is("新闻\xe4\xb8" "x", 0, "新闻\xef\xbf\xbd\xef\xbf\xbdx",
	    "a truncated sequence after clean text becomes U+FFFD per byte");
	scrub_is("\xed\xa0\x80z", 0, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdz",
	    "an encoded surrogate is not taken as clean");
	scrub_is("甲\t乙\x1b[1m丙", UTF8_SCRUB_EXPAND_TABS, "甲 乙丙",
	    "a clean run ends at a TAB to rewrite and at ESC");
}

/*
 * Clean ASCII is skipped a word at a time: every byte that is not
 * printable ASCII must still be seen at every offset of a long run. Each
 * byte value in turn sits at each position of 24 letters; the output must
 * be what the byte alone, between its two letters, becomes.
 */
static void
test_scrub_words(void)
{
	struct buf in = BUF_INIT, out = BUF_INIT, alone = BUF_INIT;
	int bad = 0;

	for (int c = 1; c < 256; c++) {
		for (int pos = 1; pos < 23; pos++) {
			buf_reset(&in);
			for (int i = 0; i < 24; i++)
				buf_addc(&in, i == pos ? c : 'a' + i % 2);
			buf_reset(&alone);
			utf8_scrub(&alone, in.buf + pos - 1, 3, UTF8_SCRUB_ONELINE);
			buf_reset(&out);
			utf8_scrub(&out, in.buf, in.len, UTF8_SCRUB_ONELINE);
			/* the text around it is clean: out is in with the
			 * byte's own result in its place */
			if (out.len != 24 - 3 + alone.len ||
			    memcmp(out.buf + pos - 1, alone.buf, alone.len) != 0) {
				if (bad++ < 5)
					tap_diag("byte %02x at %d: %zu bytes", c, pos,
					    out.len);
			}
		}
	}
	ok(bad == 0, "every byte is seen at every offset of a clean run");
	buf_release(&in);
	buf_release(&out);
	buf_release(&alone);
}

static void
test_hazard(void)
{
	static const uint32_t yes[] = { 0, 0x09, 0x1B, 0x7F, 0x85, 0x9B, 0x2028,
		0x2029, 0x202E, 0x2066, 0x061C, 0x200E, 0x200F };
	static const uint32_t no[] = { ' ', 'a', '%', 0xA0, 0x4E2D, 0x200B,
		0xFFFD, 0x1F600 };
	bool all = true;

	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		all = all && utf8_is_hazard(yes[i]);
	ok(all, "utf8_is_hazard: controls, separators, bidi controls and marks");
	all = true;
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		all = all && !utf8_is_hazard(no[i]);
	ok(all, "but not text, a no-break space or a zero-width space");
}

int
main(void)
{
	test_decode();
	test_encode();
	test_scrub();
	test_scrub_words();
	test_hazard();
	return tap_done();
}
