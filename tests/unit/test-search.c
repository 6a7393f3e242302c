/* SPDX-License-Identifier: MIT */
/* Tests for src/search.c: the tokenizer's two modes and the query compiler. */
#include "config.h"

#include <string.h>
#include <unicode/uchar.h>

#include "buf.h"
#include "report.h"
#include "search.h"
#include "tap.h"
#include "utf8.h"

static int
collect(void *ctx, enum search_token_kind kind, const char *tok, size_t len,
    size_t start, size_t end)
{
	struct buf *b = ctx;
	static const char *const kinds[] = { "w", "c", "p", "s" };

	(void)start; (void)end;
	if (b->len)
		buf_addc(b, ' ');
	buf_addf(b, "%s:%.*s", kinds[kind], (int)len, tok);
	return 0;
}

static const char *
tokens(struct buf *b, const char *text)
{
	buf_reset(b);
	search_tokenize(text, strlen(text), collect, b);
	return b->buf;
}

static const char *
compile(struct buf *b, const char *q)
{
	struct error err = ERROR_INIT;

	buf_reset(b);
	if (search_compile(q, b, &err) < 0) {
		buf_reset(b);
		buf_addf(b, "error: %s", err.msg);
	}
	error_release(&err);
	return b->buf;
}

static int
stop_at_two(void *ctx, enum search_token_kind kind, const char *tok,
    size_t len, size_t start, size_t end)
{
	int *n = ctx;

	(void)kind; (void)tok; (void)len; (void)start; (void)end;
	return ++*n == 2 ? 7 : 0;
}

/*
 * The rules of search.h for one code point, written out plainly with ICU:
 * the tokenizer's tables must agree with them everywhere.
 */
static const struct {
	uint32_t lo, hi;
} cjk[] = {
	{ 0x0E00, 0x0EFF }, { 0x1000, 0x109F }, { 0x1100, 0x11FF },
	{ 0x1780, 0x17FF }, { 0x2E80, 0x2FDF }, { 0x3005, 0x3007 },
	{ 0x3021, 0x3029 }, { 0x3031, 0x3035 }, { 0x3041, 0x30FF },
	{ 0x3105, 0x312F }, { 0x3131, 0x318F }, { 0x31A0, 0x31BF },
	{ 0x31F0, 0x31FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA960, 0xA97F }, { 0xAC00, 0xD7FF }, { 0xF900, 0xFAFF },
	{ 0xFF66, 0xFFDC }, { 0x1B000, 0x1B16F }, { 0x20000, 0x323AF },
};

static char
rule(uint32_t cp)
{
	if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
	    (cp >= 0xFF41 && cp <= 0xFF5A))
		return 'w';
	for (size_t i = 0; i < sizeof cjk / sizeof cjk[0]; i++)
		if (cp >= cjk[i].lo && cp <= cjk[i].hi)
			return 'c';
	if (cp == '_' || u_isalnum((UChar32)cp))
		return 'w';
	switch (u_charType((UChar32)cp)) {
	case U_NON_SPACING_MARK:
	case U_COMBINING_SPACING_MARK:
	case U_ENCLOSING_MARK:
		return 'w';
	case U_CONTROL_CHAR:
	case U_FORMAT_CHAR:
	case U_SPACE_SEPARATOR:
	case U_LINE_SEPARATOR:
	case U_PARAGRAPH_SEPARATOR:
	case U_SURROGATE:
	case U_UNASSIGNED:
		return 's';
	default:
		return 'p';
	}
}

static int
first_kind(void *ctx, enum search_token_kind kind, const char *tok,
    size_t len, size_t start, size_t end)
{
	static const char kinds[] = { 'w', 'c', 'p', 's' };

	(void)tok; (void)len; (void)start; (void)end;
	*(char *)ctx = kinds[kind];
	return 1;
}

/* Every code point alone is tokenized as the rules say. */
static void
test_every_code_point(void)
{
	uint32_t bad = 0, first = 0;

	for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
		char text[4], got = 's', want;
		int n;

		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = utf8_encode(cp, text);
		search_tokenize(text, (size_t)n, first_kind, &got);
		want = rule(cp);
		if (got != want && bad++ == 0)
			first = cp;
	}
	ok(bad == 0, "every code point is classed as the rules say (%u differ, "
	    "the first U+%04X)", bad, first);
}

int
main(void)
{
	struct buf b = BUF_INIT;
	int n = 0;

	/* One token per CJK character, one per word. */
	is_str(tokens(&b, "疫情防控"), "c:疫 c:情 c:防 c:控",
	    "each CJK character is a token");
	is_str(tokens(&b, "大连，疫情。"), "c:大 c:连 p:， c:疫 c:情 p:。",
	    "each punctuation mark is a token");
	is_str(tokens(&b, "Hello, WORLD_x \t\n 2021"),
	    "w:hello p:, s:  w:world_x s:  w:2021",
	    "words are case-folded, '_' joins them, a run of white space is one token");
	is_str(tokens(&b, "  中 \x1e国\xe3\x80\x80 "), "c:中 s:  c:国",
	    "no space token at the ends; controls and U+3000 are white space");
	is_str(tokens(&b, "ＡＢＣ１２"), "w:abc12",
	    "full-width letters and digits count as ASCII");
	is_str(tokens(&b, "Straße ÉCOLE"), "w:straße s:  w:école",
	    "non-ASCII letters are case-folded (simple folding)");
	is_str(tokens(&b, "COVID疫情"), "w:covid c:疫 c:情",
	    "a word and CJK text next to each other");
	is_str(tokens(&b, "ひらカナー한글"), "c:ひ c:ら c:カ c:ナ c:ー c:한 c:글",
	    "kana (with the long vowel mark) and Hangul are CJK");
	is_str(tokens(&b, "𠀀x"), "c:𠀀 w:x", "a supplementary-plane ideograph");
	is_str(tokens(&b, "a\xff\xfe" "b"), "w:a s:  w:b", "invalid bytes are white space");
	is_str(tokens(&b, ""), "", "empty text gives nothing");
	{
		char longword[SEARCH_MAX_WORD + 20];

		memset(longword, 'x', sizeof longword - 1);
		longword[sizeof longword - 1] = '\0';
		ok(strlen(tokens(&b, longword)) == 2 + SEARCH_MAX_WORD,
		    "a long word is cut at SEARCH_MAX_WORD bytes");
	}

	is_int(search_tokenize("a b c d", 7, stop_at_two, &n), 7,
	    "a callback's non-zero return stops and is returned");
	test_every_code_point();
	is_str(tokens(&b, "\xe0\x80\x80x\xed\xa0\x80y\xe4\xb8"),
	    "w:x s:  w:y", "overlong forms, surrogates and a cut sequence "
	    "are white space");
	is_str(tokens(&b, "䷀中"), "p:䷀ c:中",
	    "a hexagram (U+4DC0) between the CJK blocks is a symbol");

	/* Compiling. */
	is_str(compile(&b, "疫情"), "(\"疫情\")", "a Chinese word");
	is_str(compile(&b, "港"), "(\"港\")", "one character");
	is_str(compile(&b, "vacc"), "(\"vacc\"*)", "a Latin word is a prefix");
	is_str(compile(&b, "疫情  COVID\xe3\x80\x80港"),
	    "(\"疫情\" AND \"COVID\"* AND \"港\")",
	    "terms are ANDed; the ideographic space separates");
	is_str(compile(&b, "\"covid vaccine\""), "(\"covid vaccine\")",
	    "a quoted phrase is exact");
	is_str(compile(&b, "\xe2\x80\x9c疫情防控\xe2\x80\x9d"), "(\"疫情防控\")",
	    "Chinese quotes make a phrase too");
	is_str(compile(&b, "\"a\"\"b\""), "(\"a\" AND \"b\")",
	    "adjacent quoted terms");
	is_str(compile(&b, "\"covid 疫\""), "(\"covid 疫\")",
	    "a phrase ending in Chinese");
	is_str(compile(&b, "x\"y"), "(\"x\"* AND \"y\")",
	    "a quote inside a term starts a phrase");
	is_str(compile(&b, "AND OR NOT NEAR"),
	    "(\"AND\"* AND \"OR\"* AND \"NOT\"* AND \"NEAR\"*)",
	    "FTS5 operators are plain words");
	is_str(compile(&b, "a*b:c"), "(\"a*b:c\"*)",
	    "FTS5 syntax inside a term is quoted away");
	is_str(compile(&b, "，。 !!"), "(\"，。\" AND \"!!\")",
	    "punctuation is searched for too");
	is_str(compile(&b, " \t"), "error: nothing to search for in ' \t'",
	    "a query of white space is an error");
	is_str(compile(&b, ""), "error: nothing to search for in ''",
	    "so is an empty one");

	buf_release(&b);
	return tap_done();
}
