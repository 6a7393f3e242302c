/* SPDX-License-Identifier: MIT */
/*
 * charset: decoding a file's bytes into UTF-8; see charset.h.
 *
 * The common case (valid UTF-8, LF line ends, no BOM) costs one memchr for
 * NUL, one for CR and one validation pass, and copies nothing. Only the
 * rare non-UTF-8 file goes through ICU: GB18030 with a STOP callback, so a
 * file is called GB18030 only when every byte sequence in it is valid
 * GB18030; anything else falls back to U+FFFD replacement.
 */
#include "config.h"
#include "charset.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ustring.h>

#include "buf.h"
#include "report.h"
#include "utf8.h"
#include "xmalloc.h"

size_t
charset_normalise_newlines(char *s, size_t len)
{
	char *cr = memchr(s, '\r', len);
	size_t r, w;

	if (cr == NULL)
		return len;
	w = r = (size_t)(cr - s);
	while (r < len) {
		if (s[r] == '\r') {
			s[w++] = '\n';
			r += (r + 1 < len && s[r + 1] == '\n') ? 2 : 1;
		} else {
			s[w++] = s[r++];
		}
	}
	return w;
}

/*
 * The length of the longest valid UTF-8 prefix of s: utf8_valid_prefix()
 * made fast for whole files, eight ASCII bytes a step and the multi-byte
 * forms checked inline (shortest form, no surrogates, <= U+10FFFF).
 */
static size_t
valid_prefix(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];

		if (c < 0x80) {
			uint64_t w;

			while (i + 8 <= len) {
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ull)
					break;
				i += 8;
			}
			while (i < len && s[i] < 0x80)
				i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			if (i + 1 >= len || (s[i + 1] & 0xC0) != 0x80)
				break;
			i += 2;
		} else if (c >= 0xE0 && c <= 0xEF) {
			if (i + 2 >= len || (s[i + 1] & 0xC0) != 0x80 ||
			    (s[i + 2] & 0xC0) != 0x80 ||
			    (c == 0xE0 && s[i + 1] < 0xA0) ||
			    (c == 0xED && s[i + 1] > 0x9F))
				break;
			i += 3;
		} else if (c >= 0xF0 && c <= 0xF4) {
			if (i + 3 >= len || (s[i + 1] & 0xC0) != 0x80 ||
			    (s[i + 2] & 0xC0) != 0x80 ||
			    (s[i + 3] & 0xC0) != 0x80 ||
			    (c == 0xF0 && s[i + 1] < 0x90) ||
			    (c == 0xF4 && s[i + 1] > 0x8F))
				break;
			i += 4;
		} else {
			break;
		}
	}
	return i;
}

int
charset_line_of(const char *s, size_t off)
{
	int line = 1;
	const char *p = s, *end = s + off;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		line++;
		p++;
	}
	return line;
}

/*
 * Convert src (len bytes in the ICU encoding name) to UTF-8 in out.
 * strict: stop at the first illegal or unmapped sequence and return -1;
 * else substitute U+FFFD and count the substitutions in *nbad.
 */
static int
convert_to_utf8(const char *name, const char *src, size_t len, bool strict,
    struct buf *out, size_t *nbad)
{
	UErrorCode st = U_ZERO_ERROR;
	UConverter *cnv = ucnv_open(name, &st);
	UChar *u;
	int32_t ulen, u8len = 0;
	int ret = -1;

	*nbad = 0;
	if (U_FAILURE(st) || len > INT32_MAX / 2)
		goto out;
	if (strict) {
		ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL,
		    NULL, &st);
	} else {
		/* U+FFFD rather than the converter's own substitution. */
		static const UChar fffd[] = { 0xFFFD };
		ucnv_setSubstString(cnv, fffd, 1, &st);
	}
	if (U_FAILURE(st))
		goto out;
	/* No byte sequence yields more UTF-16 units than it has bytes. */
	u = xreallocarray(NULL, len + 1, sizeof *u);
	ulen = ucnv_toUChars(cnv, u, (int32_t)len + 1, src, (int32_t)len, &st);
	if (U_SUCCESS(st)) {
		buf_grow(out, st_mult((size_t)ulen, 3));
		u_strToUTF8WithSub(out->buf + out->len,
		    (int32_t)(out->alloc - out->len), &u8len, u, ulen,
		    0xFFFD, NULL, &st);
	}
	if (U_SUCCESS(st)) {
		buf_setlen(out, out->len + (size_t)u8len);
		if (!strict)
			for (int32_t i = 0; i < ulen; i++)
				*nbad += u[i] == 0xFFFD;
		ret = 0;
	}
	free(u);
out:
	ucnv_close(cnv);
	return ret;
}

/* Replace text's contents with out's. */
static void
take(struct buf *text, struct buf *out)
{
	buf_release(text);
	*text = *out;
	buf_init(out, 0);
}

/*
 * The byte-order marks of the wide encodings, longest first: the UTF-32LE
 * mark begins with the UTF-16LE one (a UTF-16LE file whose first character
 * is U+0000 would be refused for its NUL anyway).
 */
static const struct bom {
	const char *bytes;
	size_t len;
	const char *encoding;	/* ICU's name, and what *encoding is set to */
} boms[] = {
	{ "\xFF\xFE\0\0", 4, "UTF-32LE" },
	{ "\0\0\xFE\xFF", 4, "UTF-32BE" },
	{ "\xFF\xFE", 2, "UTF-16LE" },
	{ "\xFE\xFF", 2, "UTF-16BE" },
};

static const struct bom *
find_bom(const struct buf *text)
{
	for (size_t i = 0; i < sizeof boms / sizeof *boms; i++)
		if (text->len >= boms[i].len &&
		    memcmp(text->buf, boms[i].bytes, boms[i].len) == 0)
			return &boms[i];
	return NULL;
}

/* Decode text, which starts with bom, from that wide encoding. */
static int
decode_wide(struct buf *text, const struct bom *bom, const char **encoding,
    struct warnings *w, struct error *err)
{
	const char *src = text->buf + bom->len;
	size_t len = text->len - bom->len;
	struct buf out = BUF_INIT;
	size_t nbad;

	*encoding = bom->encoding;
	if (convert_to_utf8(*encoding, src, len, false, &out, &nbad) < 0) {
		/* ICU failed outright; keep going with what we have. */
		buf_reset(&out);
		utf8_sanitize(&out, src, len);
		nbad = 1;
	}
	if (memchr(out.buf, '\0', out.len)) {
		error_set(err, "not a text file (it contains NUL characters)");
		buf_release(&out);
		return -1;
	}
	buf_setlen(&out, charset_normalise_newlines(out.buf, out.len));
	take(text, &out);
	if (nbad)
		warnings_add(w, 0, "invalid %s (%zu units replaced with U+FFFD)",
		    *encoding, nbad);
	return 0;
}

int
charset_decode(struct buf *text, const char **encoding, struct warnings *w,
    struct error *err)
{
	const unsigned char *u = (const unsigned char *)text->buf;
	const struct bom *bom = find_bom(text);
	struct buf out = BUF_INIT;
	size_t ok, nbad;
	int line;

	*encoding = "UTF-8";
	if (bom)
		return decode_wide(text, bom, encoding, w, err);
	if (memchr(text->buf, '\0', text->len)) {
		error_set(err, "not a text file (it contains NUL bytes)");
		return -1;
	}
	if (text->len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		memmove(text->buf, text->buf + 3, text->len - 3);
		buf_setlen(text, text->len - 3);
	}
	buf_setlen(text, charset_normalise_newlines(text->buf, text->len));

	ok = valid_prefix(text->buf, text->len);
	if (ok == text->len)
		return 0;
	line = charset_line_of(text->buf, ok);
	if (convert_to_utf8("GB18030", text->buf, text->len, true, &out,
	    &nbad) == 0) {
		*encoding = "GB18030";
		take(text, &out);
		warnings_add(w, line, "not valid UTF-8; decoded as GB18030");
		return 0;
	}
	buf_reset(&out);
	utf8_sanitize(&out, text->buf, text->len);
	nbad = 0;
	for (size_t i = ok; i < text->len; ) {
		size_t n = valid_prefix(text->buf + i, text->len - i);
		i += n;
		if (i < text->len) {
			nbad++;
			i++;
		}
	}
	take(text, &out);
	warnings_add(w, line, "invalid UTF-8 (%zu %s replaced with U+FFFD)",
	    nbad, nbad == 1 ? "byte" : "bytes");
	return 0;
}
