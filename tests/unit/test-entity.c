/* SPDX-License-Identifier: MIT */
/* Tests for src/entity.c: numeric and named character references. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "entity.h"
#include "tap.h"

static void
check(const char *in, const char *want)
{
	struct buf b = BUF_INIT;

	entity_decode(&b, in, strlen(in));
	is_str(b.buf, want, "'%s'", in);
	buf_release(&b);
}

int
main(void)
{
	check("plain text", "plain text");
	check("&#123;x&#125;", "{x}");
	check("&#x7B;&#X7d;", "{}");
	check("&amp;&lt;&gt;&quot;&apos;", "&<>\"'");
	check("&nbsp;", "\xC2\xA0");
	check("&yuml;&Yuml;", "ÿŸ");
	check("&thetasym;&diams;&euro;&hellip;", "ϑ♦€…");
	check("&lang;&rang;", "\xE2\x9F\xA8\xE2\x9F\xA9");
	check("&mdash;&ldquo;&rdquo;", "—“”");
	check("AT&T &amp", "AT&T &amp");		/* no ';': kept */
	check("&nosuch; &; &#; &#x;", "&nosuch; &; &#; &#x;");
	check("&#65&#66;", "AB");			/* numeric: ';' optional */
	check("&#0;", "\xEF\xBF\xBD");
	check("&#xD800;", "\xEF\xBF\xBD");
	check("&#1114112;", "\xEF\xBF\xBD");
	check("&#99999999999999;", "\xEF\xBF\xBD");
	check("&#x80;&#x99;", "€™");			/* windows-1252 */
	check("&#x81;", "\xC2\x81");			/* unmapped: kept */
	check("中&#20013;文", "中中文");
	check("&&amp;&", "&&&");

	{
		uint32_t cp = 0;

		is_int((int)entity_numeric("&#27;[31m", 9, &cp), 5,
		    "entity_numeric: the reference's length");
		is_int((int)cp, 0x1B, "and its code point");
		is_int((int)entity_numeric("&#x9B", 5, &cp), 5, "no ';' needed");
		is_int((int)cp, 0x203A, "0x9B read as windows-1252");
		is_int((int)entity_numeric("&amp;", 5, &cp), 0,
		    "a named reference is not numeric");
		is_int((int)entity_numeric("&#", 2, &cp), 0, "nor a bare &#");
	}

	is_int(entity_named("amp", 3), '&', "lookup amp");
	is_int(entity_named("nbsp", 4), 0xA0, "lookup nbsp (Latin-1 part)");
	is_int(entity_named("thorn", 5), 0xFE, "lookup thorn");
	is_int(entity_named("Amp", 3), 0, "names are case-sensitive");
	is_int(entity_named("loz", 3), 0x25CA, "lookup loz");
	return tap_done();
}
