/* Tests for src/search.c: the tokenizer's two modes and the query compiler. */
#include "config.h"

#include <string.h>

#include "buf.h"
#include "report.h"
#include "search.h"
#include "tap.h"

static int
collect(void *ctx, enum search_token_kind kind, const char *tok, size_t len,
    size_t start, size_t end)
{
	struct buf *b = ctx;
	static const char *const kinds[] = { "w", "b", "c" };

	(void)start; (void)end;
	if (b->len)
		buf_addc(b, ' ');
	buf_addf(b, "%s:%.*s", kinds[kind], (int)len, tok);
	return 0;
}

static const char *
tokens(struct buf *b, const char *text, bool query)
{
	buf_reset(b);
	search_tokenize(text, strlen(text), query, collect, b);
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

int
main(void)
{
	struct buf b = BUF_INIT;
	int n = 0;

	/* Documents: one token per character of a CJK run. */
	is_str(tokens(&b, "疫情防控", false), "b:疫情 b:情防 b:防控 c:控",
	    "a CJK run gives its bigrams, then its last character alone");
	is_str(tokens(&b, "港", false), "c:港", "a one-character run");
	is_str(tokens(&b, "大连，疫情。", false), "b:大连 c:连 b:疫情 c:情",
	    "punctuation ends a run");
	is_str(tokens(&b, "Hello, WORLD_x 2021", false), "w:hello w:world_x w:2021",
	    "words are case-folded; '_' joins them");
	is_str(tokens(&b, "ＡＢＣ１２", false), "w:abc12",
	    "full-width letters and digits count as ASCII");
	is_str(tokens(&b, "Straße ÉCOLE", false), "w:straße w:école",
	    "non-ASCII letters are case-folded (simple folding)");
	is_str(tokens(&b, "COVID疫情", false), "w:covid b:疫情 c:情",
	    "a word and a CJK run next to each other");
	is_str(tokens(&b, "ひらがなカタカナー", false),
	    "b:ひら b:らが b:がな b:なカ b:カタ b:タカ b:カナ b:ナー c:ー",
	    "kana are CJK, with the long vowel mark");
	is_str(tokens(&b, "a\xff\xfe" "b", false), "w:a w:b",
	    "invalid bytes separate");
	is_str(tokens(&b, "", false), "", "empty text gives nothing");

	/* Queries: the last run may go on in a document. */
	is_str(tokens(&b, "疫情防控", true), "b:疫情 b:情防 b:防控",
	    "a query's last run gives only its bigrams");
	is_str(tokens(&b, "港", true), "c:港", "a one-character query");
	is_str(tokens(&b, "中国 美国", true), "b:中国 c:国 b:美国",
	    "a run that is not the last ends with its character");
	is_str(tokens(&b, "疫情，", true), "b:疫情",
	    "trailing punctuation does not end the query's last run");

	search_tokenize("a b c d", 7, false, stop_at_two, &n);
	is_int(search_tokenize("a b c d", 7, false, stop_at_two, &(int){ 0 }), 7,
	    "a callback's non-zero return stops and is returned");

	/* Compiling. */
	is_str(compile(&b, "疫情"), "(\"疫情\")", "a Chinese word");
	is_str(compile(&b, "港"), "(\"港\"*)", "one character is a prefix query");
	is_str(compile(&b, "vacc"), "(\"vacc\"*)", "a Latin word is a prefix");
	is_str(compile(&b, "疫情  COVID\xe3\x80\x80港"),
	    "(\"疫情\" AND \"COVID\"* AND \"港\"*)",
	    "terms are ANDed; the ideographic space separates");
	is_str(compile(&b, "\"covid vaccine\""), "(\"covid vaccine\")",
	    "a quoted phrase is exact");
	is_str(compile(&b, "\xe2\x80\x9c疫情防控\xe2\x80\x9d"), "(\"疫情防控\")",
	    "Chinese quotes make a phrase too");
	is_str(compile(&b, "\"a\"\"b\""), "(\"a\" AND \"b\")",
	    "adjacent quoted terms");
	is_str(compile(&b, "x\"y"), "(\"x\"* AND \"y\")",
	    "a quote inside a term starts a phrase");
	is_str(compile(&b, "AND OR NOT NEAR"),
	    "(\"AND\"* AND \"OR\"* AND \"NOT\"* AND \"NEAR\"*)",
	    "FTS5 operators are plain words");
	is_str(compile(&b, "a*b:c"), "(\"a*b:c\"*)",
	    "FTS5 syntax inside a term is quoted away");
	is_str(compile(&b, "，。 !!"),
	    "error: nothing to search for in '，。 !!'",
	    "a query of punctuation alone is an error");
	is_str(compile(&b, ""), "error: nothing to search for in ''",
	    "so is an empty one");

	buf_release(&b);
	return tap_done();
}
