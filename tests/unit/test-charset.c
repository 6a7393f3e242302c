/* SPDX-License-Identifier: MIT */
/* Tests for src/charset.c: BOM, line ends, UTF-8, GB18030, UTF-16, UTF-32, NUL. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "charset.h"
#include "report.h"
#include "tap.h"

/* Decode len bytes of s; returns charset_decode()'s value. */
static int
decode(struct buf *b, const char *s, size_t len, const char **enc,
    struct warnings *w, struct error *err)
{
	buf_reset(b);
	buf_add(b, s, len);
	return charset_decode(b, enc, w, err);
}

static void
test_utf8(void)
{
	struct buf b = BUF_INIT;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	const char *enc;

	is_int(decode(&b, "标题\nbody\n", 12, &enc, &w, &err), 0,
	    "valid UTF-8 decodes");
	is_str(b.buf, "标题\nbody\n", "and is unchanged");
	is_str(enc, "UTF-8", "named UTF-8");
	is_int(w.nr, 0, "without a warning");

	decode(&b, "\xEF\xBB\xBFtitle: x\n", 12, &enc, &w, &err);
	is_str(b.buf, "title: x\n", "a UTF-8 BOM is removed");

	decode(&b, "a\r\nb\rc\n\r\n", 9, &enc, &w, &err);
	is_str(b.buf, "a\nb\nc\n\n", "CRLF and lone CR become LF");
	is_int(w.nr, 0, "line ends are no fault");
	buf_release(&b);
	warnings_release(&w);
}

static void
test_nul(void)
{
	struct buf b = BUF_INIT;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	const char *enc;

	is_int(decode(&b, "abc\0def", 7, &enc, &w, &err), -1,
	    "NUL bytes: refused");
	ok(err.msg && strstr(err.msg, "NUL"), "saying why: %s", err.msg);
	error_release(&err);
	buf_release(&b);
	warnings_release(&w);
}

static void
test_gb18030(void)
{
	struct buf b = BUF_INIT;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	const char *enc;
	/* "title: 中文\n" with 中文 in GB18030, on line 2 */
	static const char gb[] = "---\ntitle: \xD6\xD0\xCE\xC4\n---\n";

	is_int(decode(&b, gb, sizeof gb - 1, &enc, &w, &err), 0,
	    "GB18030 decodes");
	is_str(b.buf, "---\ntitle: 中文\n---\n", "into UTF-8");
	is_str(enc, "GB18030", "named GB18030");
	is_int(w.nr, 1, "one warning");
	is_int(w.nr ? w.v[0].line : 0, 2, "on the line of the first bad byte");
	ok(w.nr && strstr(w.v[0].msg, "GB18030"), "naming the encoding: %s",
	    w.nr ? w.v[0].msg : "");
	buf_release(&b);
	warnings_release(&w);
}

static void
test_invalid(void)
{
	struct buf b = BUF_INIT;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	const char *enc;
	/* 0xFF is never valid, in UTF-8 or GB18030 */
	static const char bad[] = "ok\nbad \xFF\xFE here\n\xC3\n";

	is_int(decode(&b, bad, sizeof bad - 1, &enc, &w, &err), 0,
	    "invalid bytes still decode");
	is_str(b.buf, "ok\nbad \xEF\xBF\xBD\xEF\xBF\xBD here\n\xEF\xBF\xBD\n",
	    "each invalid byte becomes U+FFFD");
	is_str(enc, "UTF-8", "the text is UTF-8");
	is_int(w.nr, 1, "one warning for the file");
	is_int(w.nr ? w.v[0].line : 0, 2, "on the first bad byte's line");
	ok(w.nr && strstr(w.v[0].msg, "3 bytes"), "counting the bytes: %s",
	    w.nr ? w.v[0].msg : "");
	buf_release(&b);
	warnings_release(&w);
}

static void
test_utf16(void)
{
	struct buf b = BUF_INIT;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	const char *enc;
	static const char le[] = "\xFF\xFE" "a\0\r\0\n\0\x2D\x4E";

	is_int(decode(&b, le, sizeof le - 1, &enc, &w, &err), 0,
	    "UTF-16LE with a BOM decodes, NUL bytes and all");
	is_str(b.buf, "a\n中", "into UTF-8 with LF");
	is_str(enc, "UTF-16LE", "named UTF-16LE");
	is_int(w.nr, 0, "without a warning");
	is_int(decode(&b, "\xFE\xFF\0a\0\0", 6, &enc, &w, &err), -1,
	    "UTF-16BE holding U+0000: refused");
	error_release(&err);
	buf_release(&b);
	warnings_release(&w);
}

static void
test_utf32(void)
{
	struct buf b = BUF_INIT;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	const char *enc;
	static const char le[] = "\xFF\xFE\0\0" "a\0\0\0\r\0\0\0\n\0\0\0"
	    "\x2D\x4E\0\0" "\x00\xF6\x01\0";
	static const char be[] = "\0\0\xFE\xFF" "\0\0\0t\0\0\0\n"
	    "\0\x11\0\0";

	is_int(decode(&b, le, sizeof le - 1, &enc, &w, &err), 0,
	    "UTF-32LE with a BOM decodes (not refused for its NUL bytes)");
	is_str(b.buf, "a\n中\xF0\x9F\x98\x80", "into UTF-8 with LF, astral "
	    "characters and all");
	is_str(enc, "UTF-32LE", "named UTF-32LE (not taken for UTF-16LE)");
	is_int(w.nr, 0, "without a warning");
	is_int(decode(&b, be, sizeof be - 1, &enc, &w, &err), 0,
	    "UTF-32BE with a BOM decodes");
	is_str(enc, "UTF-32BE", "named UTF-32BE");
	is_str(b.buf, "t\n\xEF\xBF\xBD", "a unit above U+10FFFF becomes "
	    "U+FFFD");
	ok(w.nr == 1 && strstr(w.v[0].msg, "invalid UTF-32BE"),
	    "with a warning naming the encoding: %s", w.nr ? w.v[0].msg : "");
	is_int(decode(&b, "\xFF\xFE\0\0a\0\0\0\0\0\0\0", 12, &enc, &w,
	    &err), -1, "UTF-32LE holding U+0000: refused");
	error_release(&err);
	buf_release(&b);
	warnings_release(&w);
}

static void
test_helpers(void)
{
	char s[] = "a\r\r\nb";

	is_int(charset_normalise_newlines(s, 5), 4, "normalise: new length");
	is_mem(s, 4, "a\n\nb", 4, "normalise: CR, then CRLF");
	is_int(charset_line_of("a\nb\nc", 0), 1, "line_of: start");
	is_int(charset_line_of("a\nb\nc", 4), 3, "line_of: third line");
}

int
main(void)
{
	test_utf8();
	test_nul();
	test_gb18030();
	test_invalid();
	test_utf16();
	test_utf32();
	test_helpers();
	return tap_done();
}
