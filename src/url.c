/* SPDX-License-Identifier: MIT */
/*
 * url: scrubbing a URL; see url.h. One pass over the bytes: a character
 * is copied, dropped (ASCII tab and newline) or written as %XX for each of
 * its bytes.
 */
#include "config.h"
#include "url.h"

#include <string.h>

#include "buf.h"
#include "utf8.h"

/* What url_scrub() does with one character. */
enum url_fate { URL_KEEP, URL_DROP, URL_ENCODE };

static enum url_fate
fate(int n, uint32_t cp)
{
	if (n < 0)
		return URL_ENCODE;		/* a byte that is not UTF-8 */
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return URL_DROP;
	if (cp == ' ' || utf8_is_hazard(cp))
		return URL_ENCODE;
	return URL_KEEP;
}

/* True for what the WHATWG parser strips from either end. */
static bool
strippable(unsigned char c)
{
	return c <= ' ';
}

void
url_scrub(struct buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";

	while (len > 0 && strippable((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && strippable((unsigned char)s[len - 1]))
		len--;
	buf_grow(out, len);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		size_t w = n < 0 ? 1 : (size_t)n;

		switch (fate(n, cp)) {
		case URL_KEEP:
			buf_add(out, s + i, w);
			break;
		case URL_DROP:
			break;
		case URL_ENCODE:
			for (size_t k = 0; k < w; k++) {
				unsigned char c = (unsigned char)s[i + k];

				buf_addc(out, '%');
				buf_addc(out, hex[c >> 4]);
				buf_addc(out, hex[c & 15]);
			}
			break;
		}
		i += w;
	}
}

bool
url_is_clean(const char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);

		if (fate(n, cp) != URL_KEEP)
			return false;
		i += (size_t)n;
	}
	return true;
}
