/* SPDX-License-Identifier: MIT */
/*
 * json: JSON string escaping and small writing helpers; see json.h.
 */
#include "config.h"
#include "json.h"

#include <inttypes.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"

static int
needs_escape(uint32_t cp)
{
	return utf8_is_control(cp) || utf8_is_bidi_control(cp) ||
	    cp == 0x2028 || cp == 0x2029;
}

void
json_add_string(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;

	buf_addc(out, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int n;

		if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
			buf_addc(out, (char)c);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		i += n < 0 ? 1 : (size_t)n;
		switch (cp) {
		case '"':  buf_adds(out, "\\\""); break;
		case '\\': buf_adds(out, "\\\\"); break;
		case '\n': buf_adds(out, "\\n"); break;
		case '\t': buf_adds(out, "\\t"); break;
		case '\r': buf_adds(out, "\\r"); break;
		case '\b': buf_adds(out, "\\b"); break;
		case '\f': buf_adds(out, "\\f"); break;
		default:
			if (needs_escape(cp))
				buf_addf(out, "\\u%04" PRIx32, cp);
			else
				utf8_add(out, cp);
		}
	}
	buf_addc(out, '"');
}

void
json_add_str(struct buf *out, const char *s)
{
	if (s == NULL)
		buf_adds(out, "null");
	else
		json_add_string(out, s, strlen(s));
}

void
json_add_int(struct buf *out, int64_t v)
{
	buf_addf(out, "%" PRId64, v);
}

void
json_add_bool(struct buf *out, int v)
{
	buf_adds(out, v ? "true" : "false");
}

void
json_sep(struct buf *out)
{
	if (out->len && out->buf[out->len - 1] != '{' &&
	    out->buf[out->len - 1] != '[')
		buf_addc(out, ',');
}

void
json_key(struct buf *out, const char *key)
{
	json_sep(out);
	json_add_str(out, key);
	buf_addc(out, ':');
}
