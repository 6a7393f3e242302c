/* SPDX-License-Identifier: MIT */
/*
 * cli-dump: `newsreader --dump ARTICLE [--width N] [--json]`: an article
 * printed exactly as the reading pane shows it (page.h): the header, a
 * blank line, the body, the numbered link list.
 *
 * It follows the config as the pane does: the paragraph indent, and the
 * measure when no --width is given (--width N always means N columns).
 *
 * ARTICLE is a file path, rendered directly with no database, or the id
 * of an article in the collection (as --list --json gives it), whose file
 * is then read. Both end in cli_dump_article(), which takes an article
 * however it was found.
 */
#ifndef NR_CLI_DUMP_H
#define NR_CLI_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "page.h"

struct article;

struct cli_dump_opts {
	unsigned width;		/* columns; 0: the default width */
	bool json;		/* header fields, links and lines as JSON */
	/* styles as SGR sequences: -1 when stdout is a terminal, else 0/1 */
	int styles;
	const char *db;		/* --db FILE for ids, or NULL: the default */
	/* What the config says, as the reading pane takes it: the paragraph
	 * indent, and the measure (cells, 0: none) that caps the default
	 * width as it caps the pane's text. */
	struct page_options page;
	unsigned measure;
};

/*
 * The width --dump uses when none is given: stdout's terminal, else 80,
 * and no more than measure (when not 0), as the reading pane would.
 */
unsigned cli_dump_default_width(unsigned measure);

/*
 * Print a to out at o->width (which must be set). Styles only when
 * o->styles > 0. Returns CLI_OK, or CLI_ERROR when writing fails.
 */
int cli_dump_article(FILE *out, const struct article *a,
    const struct cli_dump_opts *o);

/* --dump over the operands (file paths or ids), to stdout; the articles'
 * warnings go to stderr. The collection is opened only for an operand
 * that is no file but all digits, and never created. Returns the exit
 * status: 1 when an operand could not be shown. */
int cli_dump(char **args, int nargs, const struct cli_dump_opts *o);

#endif
