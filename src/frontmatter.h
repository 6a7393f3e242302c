/* SPDX-License-Identifier: MIT */
/*
 * frontmatter: splitting an article into front matter and body, and the
 * front matter's YAML or JSON into a small node tree.
 *
 * The forms, as Hexo reads them (text is decoded UTF-8 with LF line ends):
 *   - an opening separator line of 3 or more '-' (YAML) or ';' (JSON),
 *     possibly after blank lines, closed by the same separator line;
 *   - the closing-only form: data from the top of the file, then a
 *     separator line, taken as front matter only when the data parses
 *     cleanly as a non-empty mapping (else the '---' is a Markdown rule);
 *   - no front matter: the whole text is the body.
 * An opening separator that is never closed makes the whole text the body,
 * with a warning. JSON data is Hexo's: the members of an object without
 * the braces; it is read by the same YAML parser (JSON is YAML's flow
 * style). Leading tabs in YAML lines count as two spaces each, as in Hexo.
 *
 * A YAML error keeps everything that parsed: the data is then re-read one
 * top-level key at a time, so one broken key costs only itself, and a
 * broken one-line value is kept as plain text. Each error is one warning
 * with its line in the file. Nesting depth and the nodes made by alias
 * expansion are capped (FRONTMATTER_MAX_DEPTH, FRONTMATTER_MAX_NODES).
 *
 * Only this module (and later config) calls libyaml.
 */
#ifndef NR_FRONTMATTER_H
#define NR_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

struct warnings;

#define FRONTMATTER_MAX_DEPTH 64	/* nested collections */
#define FRONTMATTER_MAX_NODES 20000	/* per front matter, aliases copied */
/*
 * Bytes of text that aliases may copy, per front matter. A copied string
 * is shared, but whatever prints the front matter (its JSON, kept with
 * the article) writes every copy: 554 bytes of YAML, a string of 80
 * bytes copied 20,000 times, made 4.8 MB of JSON, and a long anchored
 * string copied as often would make gigabytes (found by fuzz-article).
 */
#define FRONTMATTER_MAX_COPIED (1u << 20)

enum frontmatter_kind {
	FRONTMATTER_SCALAR,
	FRONTMATTER_SEQ,
	FRONTMATTER_MAP,
};

struct frontmatter_node {
	enum frontmatter_kind kind;
	int line;		/* 1-based line in the file */
	bool quoted;		/* scalar: quoted, block or tagged: a string,
				   never null, a boolean or a number */
	const char *text;	/* scalar: NUL-terminated UTF-8; "" otherwise */
	size_t len;		/* scalar: bytes in text */
	struct frontmatter_node **v; /* SEQ: n items; MAP: n/2 pairs as
				   v[2i] key, v[2i+1] value */
	size_t n;
};

enum frontmatter_syntax {
	FRONTMATTER_NONE,
	FRONTMATTER_YAML,
	FRONTMATTER_JSON,
};

/* Where the front matter is; offsets into the text, lines 1-based. */
struct frontmatter_split {
	enum frontmatter_syntax syntax;	/* NONE: no candidate block */
	bool closing_only;	/* no opening separator (must still parse) */
	bool unterminated;	/* opened at open_line, never closed */
	int open_line;		/* the opening separator's line, or 0 */
	size_t data_off, data_len; /* the block's data */
	int data_line;		/* the line data starts on */
	size_t body_off;	/* where the body starts */
	int body_line;
};

struct frontmatter {
	struct frontmatter_node *map;	/* the mapping; NULL without one */
	enum frontmatter_syntax syntax;	/* NONE when map is NULL */
	size_t body_off;	/* offset of the body in the text */
	int body_line;		/* the line the body starts on */
	struct arena arena;	/* owns every node and string */
	size_t nodes;		/* nodes made so far (capped) */
	size_t copied;		/* bytes of text aliases copied (capped) */
};

/* --- lifecycle --- */
void frontmatter_init(struct frontmatter *fm);
void frontmatter_release(struct frontmatter *fm);

/* --- splitting and parsing --- */

/* Find the candidate block in text; no parsing, no warnings. */
void frontmatter_split(const char *text, size_t len,
    struct frontmatter_split *sp);

/*
 * Split and parse text into fm (initialised by the caller). Never fails:
 * problems become warnings on w, and fm->map is NULL when the text has no
 * front matter. Strings in the tree point into fm->arena, not into text.
 */
void frontmatter_parse(struct frontmatter *fm, const char *text, size_t len,
    struct warnings *w);

/*
 * Parse YAML data (len bytes, first line first_line in its file) into a
 * node tree allocated from fm's arena; for other YAML files (config).
 * Returns the root, or NULL for an empty document; errors are warnings
 * and the partial tree is returned.
 */
struct frontmatter_node *frontmatter_parse_yaml(struct frontmatter *fm,
    const char *data, size_t len, int first_line, struct warnings *w);

/* --- reading the tree --- */

/* The value of key in map (a MAP node), or NULL. The last one wins. */
const struct frontmatter_node *frontmatter_get(
    const struct frontmatter_node *map, const char *key);
/* A plain scalar null (~, null, empty) or a NULL node. */
bool frontmatter_is_null(const struct frontmatter_node *n);
/* A plain scalar true or false (YAML 1.2 core): 1 or 0; else -1. */
int frontmatter_bool(const struct frontmatter_node *n);
/* A plain scalar that is a JSON number. */
bool frontmatter_is_number(const struct frontmatter_node *n);

#endif
