/* SPDX-License-Identifier: MIT */
/*
 * search: what a word is, for the full-text index and for queries.
 *
 * Text splits into tokens, each at its own position:
 *   - every CJK character (Han, kana, Hangul, Bopomofo, and the other
 *     scripts written without spaces: Thai, Lao, Khmer, Myanmar);
 *   - a run of letters, digits, marks and '_': one case-folded word
 *     (full-width ASCII letters and digits count as ASCII);
 *   - every other visible character (punctuation, symbols);
 *   - a run of white space (and controls) between two tokens: one " ".
 * Documents and queries tokenize alike.
 *
 * So a Chinese string of any length is found from the index: a character
 * is a token, and n characters are the phrase of n tokens at consecutive
 * positions, which FTS5 answers from its position lists. Because
 * punctuation and spaces hold positions too, a phrase matches exactly the
 * text it spells, as grep -F would (but for case and runs of white space):
 * 大连疫情 does not match 大连，疫情. One token per character is half what a
 * unigram+bigram index writes, over a vocabulary of a few thousand, which
 * keeps imports fast and the index small. (Measured on the generated
 * corpus: twice as fast to import as a bigram index, a quarter smaller, and
 * as fast to query.)
 *
 * The query language (search_compile): terms separated by white space are
 * ANDed; a "quoted phrase" (or “…”, 「…」) is one term and may hold spaces.
 * A term matches where its text occurs. Chinese matches any substring; a
 * Latin word matches case-insensitively, as a prefix when it ends an
 * unquoted term (vacc finds vaccine) and exactly otherwise. FTS5 syntax
 * means nothing: every term is quoted before FTS5 sees it.
 */
#ifndef NR_SEARCH_H
#define NR_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct error;

enum search_token_kind {
	SEARCH_WORD,		/* a case-folded word of letters and digits */
	SEARCH_CJK,		/* one CJK character */
	SEARCH_OTHER,		/* one punctuation mark or symbol */
	SEARCH_SPACE,		/* " ", for a run of white space */
};

/*
 * Called for each token, in order. tok (len bytes, not NUL-terminated) is
 * only valid during the call; start and end are byte offsets of the text it
 * came from. Return non-zero to stop; search_tokenize() returns that value.
 */
typedef int (*search_token_fn)(void *ctx, enum search_token_kind kind,
    const char *tok, size_t len, size_t start, size_t end);

/* Longest word kept, in bytes; a longer word is cut there. */
#define SEARCH_MAX_WORD 64

/*
 * Tokenize text (len bytes of UTF-8; invalid bytes separate), a document
 * or a term of a query alike. Returns 0, or what fn returned to stop.
 */
int search_tokenize(const char *text, size_t len, search_token_fn fn,
    void *ctx);

/*
 * Compile the user's query into an FTS5 MATCH expression in out (appended).
 * Returns 0, or -1 with err set when the query is empty or white space.
 */
int search_compile(const char *query, struct buf *out, struct error *err);

#endif
