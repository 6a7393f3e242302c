/* SPDX-License-Identifier: MIT */
/*
 * cli-list: the lines of `newsreader --list [--json]`, one per article
 * (cli-collection.c runs the listing over the collection).
 *
 * The line formats are functions of one article; the text line also of
 * its fields alone, as a listing reads them from the collection.
 */
#ifndef NR_CLI_LIST_H
#define NR_CLI_LIST_H

#include <stdbool.h>
#include <stdint.h>

struct article;
struct buf;

/*
 * Append the text line, without its newline: local date "YYYY-MM-DD
 * HH:MM", the first category path joined with '/', the title and the
 * path, separated by TABs. The title is scrubbed to one line of text; the
 * category and the path are quote_add()ed (see quote.h), so that they name
 * their category and file exactly. Either way no TAB, newline or control
 * sequence comes from the article.
 */
void cli_list_text(struct buf *out, const struct article *a);
/* The same line from its fields (category: the path joined with '/'). */
void cli_list_line(struct buf *out, int64_t date, const char *category,
    const char *title, const char *path);

/*
 * Append the JSON members (no braces) of an article: title, date,
 * updated, categories, tags, author, headimg, thumbnail, cover, excerpt,
 * permalink, lang, comments, published, path (and path_quoted, the
 * quote_add() form, when the path is not UTF-8 and "path" could only
 * carry it with U+FFFD), format, extra, warnings.
 * Callers may add members of their own before closing the object.
 */
void cli_list_json_members(struct buf *out, const struct article *a);
/* The whole JSON object, without its newline. */
void cli_list_json(struct buf *out, const struct article *a);

#endif
