/* SPDX-License-Identifier: MIT */
/*
 * search: the tokenizer behind the full-text index and the compiler of
 * user queries into FTS5 MATCH expressions; see search.h for the rules.
 *
 * The tokenizer is one pass over the code points; its only state is the
 * word being collected (case-folded, at most SEARCH_MAX_WORD bytes). It
 * allocates nothing, so FTS5 can call it for every document in a scan.
 * It runs for every character a scan indexes, so classes come from
 * tables: ASCII's written out, the rest of the Basic Multilingual Plane's
 * computed once from the rules (classify()); the two- and three-byte
 * forms are decoded inline.
 */
#include "config.h"
#include "search.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <unicode/uchar.h>

#include "buf.h"
#include "report.h"
#include "utf8.h"

enum cls {
	CLS_SPACE,	/* white space, controls, invalid bytes */
	CLS_WORD,	/* letters, digits, marks, '_' */
	CLS_CJK,
	CLS_OTHER,	/* punctuation, symbols: a token each */
};

/* Blocks of the scripts written without spaces between words. */
static const struct {
	uint32_t lo, hi;
} cjk_ranges[] = {
	{ 0x0E00, 0x0EFF },	/* Thai, Lao */
	{ 0x1000, 0x109F },	/* Myanmar */
	{ 0x1100, 0x11FF },	/* Hangul Jamo */
	{ 0x1780, 0x17FF },	/* Khmer */
	{ 0x2E80, 0x2FDF },	/* CJK radicals, Kangxi radicals */
	{ 0x3005, 0x3007 },	/* 々 〆 〇 */
	{ 0x3021, 0x3029 },	/* Hangzhou numerals */
	{ 0x3031, 0x3035 },	/* kana repeat marks */
	{ 0x3041, 0x30FF },	/* Hiragana, Katakana (with ー) */
	{ 0x3105, 0x312F },	/* Bopomofo */
	{ 0x3131, 0x318F },	/* Hangul compatibility Jamo */
	{ 0x31A0, 0x31BF },	/* Bopomofo extended */
	{ 0x31F0, 0x31FF },	/* Katakana phonetic extensions */
	{ 0x3400, 0x4DBF },	/* CJK extension A */
	{ 0x4E00, 0x9FFF },	/* CJK unified ideographs */
	{ 0xA960, 0xA97F },	/* Hangul Jamo extended A */
	{ 0xAC00, 0xD7FF },	/* Hangul syllables, Jamo extended B */
	{ 0xF900, 0xFAFF },	/* CJK compatibility ideographs */
	{ 0xFF66, 0xFFDC },	/* half-width Katakana and Hangul */
	{ 0x1B000, 0x1B16F },	/* kana supplement, extended */
	{ 0x20000, 0x323AF },	/* CJK extensions B to H */
};

static bool
is_cjk(uint32_t cp)
{
	size_t lo = 0, hi = sizeof cjk_ranges / sizeof cjk_ranges[0];

	if (cp < 0x0E00)
		return false;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < cjk_ranges[mid].lo)
			hi = mid;
		else if (cp > cjk_ranges[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Full-width ASCII letters and digits (U+FF10..) as ASCII, else cp. */
static uint32_t
narrow(uint32_t cp)
{
	if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A))
		return cp - 0xFF00 + 0x20;
	return cp;
}

static enum cls
classify(uint32_t cp)
{
	if (cp < 0x80) {
		if ((cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
		    (cp >= 'A' && cp <= 'Z') || cp == '_')
			return CLS_WORD;
		return cp <= ' ' || cp == 0x7F ? CLS_SPACE : CLS_OTHER;
	}
	if (cp >= 0x4E00 && cp <= 0x9FFF)	/* the common case, first */
		return CLS_CJK;
	if (is_cjk(cp))
		return CLS_CJK;
	if (u_isalnum((UChar32)cp))
		return CLS_WORD;
	switch (u_charType((UChar32)cp)) {
	case U_NON_SPACING_MARK:
	case U_COMBINING_SPACING_MARK:
	case U_ENCLOSING_MARK:
		return CLS_WORD;
	case U_CONTROL_CHAR:
	case U_FORMAT_CHAR:
	case U_SPACE_SEPARATOR:
	case U_LINE_SEPARATOR:
	case U_PARAGRAPH_SEPARATOR:
	case U_SURROGATE:
	case U_UNASSIGNED:
		return CLS_SPACE;
	default:
		return CLS_OTHER;
	}
}

/* ASCII's classes: S white space and controls, W word, O other. */
static const char ascii_class[129] =
	"SSSSSSSSSSSSSSSS"	/* 0x00 */
	"SSSSSSSSSSSSSSSS"	/* 0x10 */
	"SOOOOOOOOOOOOOOO"	/* 0x20 space !"#$%&'()*+,-./ */
	"WWWWWWWWWWOOOOOO"	/* 0x30 0-9 :;<=>? */
	"OWWWWWWWWWWWWWWW"	/* 0x40 @ A-O */
	"WWWWWWWWWWWOOOOW"	/* 0x50 P-Z [ backslash ] ^ _ */
	"OWWWWWWWWWWWWWWW"	/* 0x60 ` a-o */
	"WWWWWWWWWWWOOOOS";	/* 0x70 p-z {|}~ DEL */

static enum cls
ascii_cls(unsigned char c)
{
	switch (ascii_class[c]) {
	case 'W':
		return CLS_WORD;
	case 'O':
		return CLS_OTHER;
	default:
		return CLS_SPACE;
	}
}

/*
 * classify(narrow(cp)) for every BMP code point, two bits each, filled
 * once. A static that must exist: computing it costs two ICU lookups a
 * character, for every character a scan indexes; ICU's properties do not
 * change while the program runs.
 */
static uint8_t bmp_class[0x10000 / 4];
static pthread_once_t bmp_once = PTHREAD_ONCE_INIT;

static void
bmp_fill(void)
{
	for (uint32_t cp = 0; cp < 0x10000; cp++)
		bmp_class[cp >> 2] |= (uint8_t)(classify(narrow(cp)) << ((cp & 3) * 2));
}

static enum cls
bmp_cls(uint32_t cp)
{
	return (enum cls)((bmp_class[cp >> 2] >> ((cp & 3) * 2)) & 3);
}

/*
 * Decode at s[i] into *cp (not yet narrowed) and its class; returns the
 * length. An invalid byte is a one-byte separator.
 */
static size_t
next_cp(const unsigned char *s, size_t len, size_t i, uint32_t *cp,
    enum cls *cls)
{
	unsigned char c = s[i];
	int n;

	if (c < 0x80) {
		*cp = c;
		*cls = ascii_cls(c);
		return 1;
	}
	if (c >= 0xE1 && c <= 0xEF && c != 0xED && len - i >= 3 &&
	    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
		/* U+1000..U+FFFF but the surrogates: every form valid */
		*cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[i + 1] & 0x3F) << 6 |
		    (s[i + 2] & 0x3F);
		*cls = bmp_cls(*cp);
		return 3;
	}
	n = utf8_decode((const char *)s + i, len - i, cp);
	if (n < 0) {
		*cls = CLS_SPACE;
		return 1;
	}
	*cls = *cp < 0x10000 ? bmp_cls(*cp) : classify(narrow(*cp));
	return (size_t)n;
}

struct tok_state {
	search_token_fn fn;
	void *ctx;
	/* The word being collected: folded bytes, and where it started. */
	char word[SEARCH_MAX_WORD];
	size_t word_len;
	bool in_word;
	size_t word_start, word_end;
	bool emitted;		/* a token has been given */
	bool space;		/* white space since the last token */
	size_t space_start, space_end;
};

/* Give a token, after the white space before it as one " " token. */
static inline int
emit(struct tok_state *st, enum search_token_kind kind, const char *tok,
    size_t len, size_t start, size_t end)
{
	int rc;

	if (st->space && st->emitted && (rc = st->fn(st->ctx, SEARCH_SPACE,
	    " ", 1, st->space_start, st->space_end)) != 0)
		return rc;
	st->space = false;
	st->emitted = true;
	return st->fn(st->ctx, kind, tok, len, start, end);
}

static int
flush_word(struct tok_state *st)
{
	if (!st->in_word)
		return 0;
	st->in_word = false;
	return emit(st, SEARCH_WORD, st->word, st->word_len, st->word_start,
	    st->word_end);
}

static void
add_word_char(struct tok_state *st, uint32_t cp, size_t start, size_t end)
{
	char enc[4];
	int n;

	if (!st->in_word) {
		st->in_word = true;
		st->word_len = 0;
		st->word_start = start;
	}
	st->word_end = end;
	if (cp < 0x80) {
		if (st->word_len < sizeof st->word)
			st->word[st->word_len++] = (char)((cp >= 'A' && cp <= 'Z') ?
			    cp + 32 : cp);
		return;
	}
	cp = (uint32_t)u_foldCase((UChar32)cp, U_FOLD_CASE_DEFAULT);
	n = utf8_encode(cp, enc);
	if (st->word_len + (size_t)n <= sizeof st->word) {
		memcpy(st->word + st->word_len, enc, (size_t)n);
		st->word_len += (size_t)n;
	}
}

int
search_tokenize(const char *text, size_t len, search_token_fn fn, void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	struct tok_state st;
	size_t i = 0;
	int rc;

	pthread_once(&bmp_once, bmp_fill);
	memset(&st, 0, sizeof st);
	st.fn = fn;
	st.ctx = ctx;
	while (i < len) {
		uint32_t cp;
		enum cls cls;
		size_t n = next_cp(s, len, i, &cp, &cls);

		if (cls == CLS_WORD) {
			add_word_char(&st, narrow(cp), i, i + n);
		} else {
			if ((rc = flush_word(&st)) != 0)
				return rc;
			if (cls == CLS_SPACE) {
				if (!st.space)
					st.space_start = i;
				st.space = true;
				st.space_end = i + n;
			} else if ((rc = emit(&st, cls == CLS_CJK ? SEARCH_CJK :
			    SEARCH_OTHER, text + i, n, i, i + n)) != 0) {
				return rc;
			}
		}
		i += n;
	}
	return flush_word(&st);
}

/* --- queries --- */

struct term_info {
	size_t ntokens;
	enum search_token_kind last;
};

static int
note_token(void *ctx, enum search_token_kind kind, const char *tok, size_t len,
    size_t start, size_t end)
{
	struct term_info *ti = ctx;

	(void)tok; (void)len; (void)start; (void)end;
	ti->ntokens++;
	ti->last = kind;
	return 0;
}

/*
 * Append one term as an FTS5 string: a phrase of its tokens. A term that
 * ends in a word becomes a prefix query, unless it was quoted.
 */
static void
add_term(struct buf *out, const char *s, size_t len, bool quoted)
{
	struct term_info ti = { 0, SEARCH_WORD };

	search_tokenize(s, len, note_token, &ti);
	if (ti.ntokens == 0)
		return;
	if (out->len > 0 && out->buf[out->len - 1] != '(')
		buf_adds(out, " AND ");
	buf_addc(out, '"');
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '"')
			buf_addc(out, '"');
		buf_addc(out, s[i]);
	}
	buf_addc(out, '"');
	if (ti.last == SEARCH_WORD && !quoted)
		buf_addc(out, '*');
}

/* The quote characters that open a phrase, and their closers. */
static const struct {
	const char *open, *close;
} quotes[] = {
	{ "\"", "\"" },
	{ "\xe2\x80\x9c", "\xe2\x80\x9d" },	/* “ ” */
	{ "\xe3\x80\x8c", "\xe3\x80\x8d" },	/* 「 」 */
};

static bool
is_space_at(const char *s, size_t *n)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\v' || *s == '\f') {
		*n = 1;
		return true;
	}
	if (strncmp(s, "\xe3\x80\x80", 3) == 0) {	/* ideographic space */
		*n = 3;
		return true;
	}
	return false;
}

static int
quote_at(const char *s, size_t *n)
{
	for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++) {
		size_t ql = strlen(quotes[i].open);

		if (strncmp(s, quotes[i].open, ql) == 0) {
			*n = ql;
			return (int)i;
		}
	}
	return -1;
}

int
search_compile(const char *query, struct buf *out, struct error *err)
{
	const char *p = query;
	size_t start_len = out->len;
	size_t n;
	int q;

	buf_addc(out, '(');
	while (*p) {
		if (is_space_at(p, &n)) {
			p += n;
		} else if ((q = quote_at(p, &n)) >= 0) {
			const char *end;

			p += n;
			end = strstr(p, quotes[q].close);
			if (!end)
				end = p + strlen(p);
			add_term(out, p, (size_t)(end - p), true);
			p = *end ? end + strlen(quotes[q].close) : end;
		} else {
			const char *s = p;

			while (*p && !is_space_at(p, &n) && quote_at(p, &n) < 0)
				p++;
			add_term(out, s, (size_t)(p - s), false);
		}
	}
	if (out->buf[out->len - 1] == '(') {
		buf_setlen(out, start_len);
		error_set(err, "nothing to search for in '%s'", query);
		return -1;
	}
	buf_addc(out, ')');
	return 0;
}
