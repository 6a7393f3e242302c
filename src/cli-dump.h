/*
 * cli-dump: `newsreader --dump ARTICLE [--width N] [--json]`: an article
 * printed exactly as the reading pane shows it (page.h): the header, a
 * blank line, the body, the numbered link list.
 *
 * ARTICLE is a file path, rendered directly with no database. Looking an
 * article up in the collection (by id, or by a path the collection holds)
 * belongs to the collection: it loads the article, then calls
 * cli_dump_article(), the same function the file path takes.
 */
#ifndef NR_CLI_DUMP_H
#define NR_CLI_DUMP_H

#include <stdbool.h>
#include <stdio.h>

struct article;

struct cli_dump_opts {
	unsigned width;		/* columns; 0: the terminal's, else 80 */
	bool json;		/* header fields, links and lines as JSON */
	/* styles as SGR sequences: -1 when stdout is a terminal, else 0/1 */
	int styles;
};

/* The width --dump uses when none is given: stdout's terminal, else 80. */
unsigned cli_dump_default_width(void);

/*
 * Print a to out at o->width (which must be set). Styles only when
 * o->styles > 0. Returns CLI_OK, or CLI_ERROR when writing fails.
 */
int cli_dump_article(FILE *out, const struct article *a,
    const struct cli_dump_opts *o);

/* --dump over the operands (one or more file paths), to stdout; the
 * articles' warnings go to stderr. Returns the exit status. */
int cli_dump(char **args, int nargs, const struct cli_dump_opts *o);

#endif
