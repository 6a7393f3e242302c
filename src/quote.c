/* SPDX-License-Identifier: MIT */
/*
 * quote: C-style quoting of names and reading it back; see quote.h.
 * Both directions are one pass over the bytes.
 */
#include "config.h"
#include "quote.h"

#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "utf8.h"

/* The letter escapes, both ways: byte and letter. */
static const struct {
	char byte, letter;
} letters[] = {
	{ '\a', 'a' }, { '\b', 'b' }, { '\t', 't' }, { '\n', 'n' },
	{ '\v', 'v' }, { '\f', 'f' }, { '\r', 'r' }, { '"', '"' },
	{ '\\', '\\' },
};
#define NLETTERS (sizeof letters / sizeof letters[0])

/*
 * Does the character at s (n bytes from utf8_decode(), cp) need an
 * escape? n < 0: a byte that is not UTF-8.
 */
static bool
special(int n, uint32_t cp)
{
	return n < 0 || utf8_is_hazard(cp);
}

bool
quote_needed(const char *s, size_t len)
{
	if (len > 0 && s[0] == '"')
		return true;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		uint32_t cp;
		int n;

		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (special(n, cp))
			return true;
		i += (size_t)n;
	}
	return false;
}

/* Append the escape of byte c. */
static void
escape_byte(struct buf *out, unsigned char c)
{
	for (size_t k = 0; k < NLETTERS; k++) {
		if ((unsigned char)letters[k].byte == c) {
			buf_addc(out, '\\');
			buf_addc(out, letters[k].letter);
			return;
		}
	}
	buf_addf(out, "\\%03o", c);
}

void
quote_add(struct buf *out, const char *s, size_t len)
{
	if (!quote_needed(s, len)) {
		buf_add(out, s, len);
		return;
	}
	buf_addc(out, '"');
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = utf8_decode(s + i, len - i, &cp);
		size_t w = n < 0 ? 1 : (size_t)n;

		if (special(n, cp) || cp == '"' || cp == '\\') {
			for (size_t k = 0; k < w; k++)
				escape_byte(out, (unsigned char)s[i + k]);
		} else {
			buf_add(out, s + i, w);
		}
		i += w;
	}
	buf_addc(out, '"');
}

static bool
is_octal(char c)
{
	return c >= '0' && c <= '7';
}

int
quote_unquote(struct buf *out, const char *s)
{
	size_t start = out->len;

	if (*s++ != '"')
		return -1;
	for (; *s && *s != '"'; s++) {
		size_t k;

		if (*s != '\\') {
			buf_addc(out, *s);
			continue;
		}
		s++;
		for (k = 0; k < NLETTERS && letters[k].letter != *s; k++)
			;
		if (k < NLETTERS) {
			buf_addc(out, letters[k].byte);
		} else if (is_octal(s[0]) && is_octal(s[1]) && is_octal(s[2]) &&
		    s[0] <= '3' && (s[0] != '0' || s[1] != '0' || s[2] != '0')) {
			buf_addc(out, (s[0] - '0') << 6 | (s[1] - '0') << 3 |
			    (s[2] - '0'));
			s += 2;
		} else {
			break;		/* an escape we never write, or none */
		}
	}
	if (*s != '"' || s[1] != '\0') {
		buf_setlen(out, start);
		return -1;
	}
	return 0;
}

char *
quote_arg(char *arg, bool is_path)
{
	struct buf b = BUF_INIT;
	struct stat st;

	if (arg[0] != '"' || (is_path && lstat(arg, &st) == 0))
		return arg;
	if (quote_unquote(&b, arg) == 0)
		memcpy(arg, b.buf, b.len + 1);	/* never longer than arg */
	buf_release(&b);
	return arg;
}
