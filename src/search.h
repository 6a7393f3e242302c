/*
 * search: what a word is, for the full-text index and for queries.
 *
 * Text splits into runs. A run of CJK characters (Han, kana, Hangul,
 * Bopomofo, and the other scripts written without spaces: Thai, Lao,
 * Khmer, Myanmar) gives one token per character: the bigram of that
 * character and the next, or the character alone when it ends the run.
 * A run of letters, digits, marks and '_' gives one case-folded word
 * (full-width ASCII letters and digits count as ASCII). Everything else
 * separates. So every character of a document has exactly one position,
 * and a substring of a CJK run of length n >= 2 is the phrase of its n-1
 * bigrams; a single character c is the prefix query c*, which matches the
 * bigrams that start with c and the lone c at a run's end.
 *
 * A query tokenizes the same way except at the end of its text: the last
 * run, when it is CJK, gives only its bigrams (or its one character), so
 * that a document run may go on past it. search_compile() turns what a
 * user types into an FTS5 MATCH expression built on that rule.
 *
 * The query language: words separated by white space are ANDed; a
 * "quoted phrase" is one term and matches its words in sequence. A Latin
 * word matches case-insensitively as a prefix (vacc finds vaccine), except
 * as the last word of a quoted phrase, where it is exact. Chinese matches
 * any substring. Punctuation inside a term separates its words like a
 * space, and a phrase ignores the punctuation between its words.
 */
#ifndef NR_SEARCH_H
#define NR_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct error;

enum search_token_kind {
	SEARCH_WORD,		/* a case-folded word of letters and digits */
	SEARCH_BIGRAM,		/* two CJK characters */
	SEARCH_CJK_CHAR,	/* one CJK character */
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
 * Tokenize text (len bytes of UTF-8; invalid bytes separate) as a document
 * (query false) or as one term of a query (query true). Returns 0, or what
 * fn returned to stop.
 */
int search_tokenize(const char *text, size_t len, bool query,
    search_token_fn fn, void *ctx);

/*
 * Compile the user's query into an FTS5 MATCH expression in out (appended).
 * Returns 0, or -1 with err set when the query has no word to search for.
 */
int search_compile(const char *query, struct buf *out, struct error *err);

#endif
