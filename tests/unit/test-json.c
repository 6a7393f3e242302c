/* SPDX-License-Identifier: MIT */
/* Tests for src/json.c. */
#include "config.h"

#include "buf.h"
#include "json.h"
#include "tap.h"

int
main(void)
{
	struct buf b = BUF_INIT;

	json_add_str(&b, "a\"b\\c\n\t中");
	is_str(b.buf, "\"a\\\"b\\\\c\\n\\t中\"", "quotes, backslashes, newline, tab");
	buf_reset(&b);
	json_add_str(&b, "\x1b[31m\xc2\x9b\xe2\x80\xae\xe2\x80\xa8");
	is_str(b.buf, "\"\\u001b[31m\\u009b\\u202e\\u2028\"",
	    "ESC, C1, bidi and U+2028 are escaped, never raw");
	buf_reset(&b);
	json_add_string(&b, "x\xffy", 3);
	is_str(b.buf, "\"x\xef\xbf\xbdy\"", "invalid UTF-8 becomes U+FFFD");
	buf_reset(&b);
	json_add_str(&b, NULL);
	is_str(b.buf, "null", "NULL is null");
	buf_reset(&b);
	buf_addc(&b, '{');
	json_key(&b, "a");
	json_add_int(&b, -5);
	json_key(&b, "b");
	buf_addc(&b, '[');
	json_sep(&b);
	json_add_bool(&b, 1);
	json_sep(&b);
	json_add_bool(&b, 0);
	buf_adds(&b, "]}");
	is_str(b.buf, "{\"a\":-5,\"b\":[true,false]}", "commas go between members");
	buf_release(&b);
	return tap_done();
}
