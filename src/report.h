/* SPDX-License-Identifier: MIT */
/*
 * report: errors that travel up, and the one place warnings are shown.
 *
 * A function that can fail returns -1 or NULL and fills a struct error the
 * caller owns. Problems with an article file are not failures: they are
 * collected as warnings (a line number and a message) on the article, and
 * later handed to a reporter, which the CLI points at stderr and the TUI at
 * its status line. The text form is always "newsreader: PATH:LINE: what",
 * or "newsreader: PATH: what" when no line applies, scrubbed of anything
 * that could drive a terminal.
 */
#ifndef NR_REPORT_H
#define NR_REPORT_H

#include <stdbool.h>
#include <stddef.h>

struct buf;

/* --- errors --- */

struct error {
	char *msg;	/* NULL while no error is set; owned */
};
#define ERROR_INIT { NULL }

/* Set (or replace) the message. */
void error_set(struct error *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void error_release(struct error *err);

/* --- warnings --- */

struct warning {
	int line;	/* 1-based line in the file, or 0 when none applies */
	int col;	/* 1-based column on that line, or 0 when none applies */
	char *msg;	/* lowercase, no full stop; owned */
};

struct warnings {
	struct warning *v;
	size_t nr, alloc;
};
#define WARNINGS_INIT { NULL, 0, 0 }

void warnings_add(struct warnings *w, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The same with a column (for a config file, whose faults have one). */
void warnings_add_at(struct warnings *w, int line, int col,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void warnings_release(struct warnings *w);

/* --- reporting --- */

struct reporter {
	/* Show one warning about path. */
	void (*fn)(void *ctx, const char *path, int line, const char *msg);
	void *ctx;
	/*
	 * Also what is skipped on purpose, through fn (--verbose): files
	 * and folders whose names begin with '.', which a walk leaves out.
	 */
	bool verbose;
};

/* Hand every warning in w about path to r. */
void report_warnings(const struct reporter *r, const char *path,
    const struct warnings *w);
/* Format "newsreader: PATH:LINE: MSG" (scrubbed, one line) into out. */
void report_format(struct buf *out, const char *path, int line,
    const char *msg);
/* The same, "newsreader: PATH:LINE:COL: MSG" when col > 0. */
void report_format_at(struct buf *out, const char *path, int line, int col,
    const char *msg);
/* A reporter function that writes report_format()'s line to stderr. */
void report_to_stderr(void *ctx, const char *path, int line, const char *msg);

#endif
