/* SPDX-License-Identifier: MIT */
/*
 * conf: the user's settings, read from a YAML file.
 *
 * The file is the one --config or $NEWSREADER_CONFIG names (cli.c), else
 * $XDG_CONFIG_HOME/newsreader/config.yaml (by default
 * ~/.config/newsreader/config.yaml). Every setting has a default, and the
 * default key bindings are themselves written in the config file's syntax
 * (conf_default_text) and read by the same parser, so what a user writes
 * and what ships are one language:
 *
 *     osc52: true          # copy with OSC 52 (works over SSH)
 *     mouse: true          # wheel scrolls, a click selects
 *     margins: true        # scroll a pane between left and right margins,
 *                          # where the terminal says it has them
 *     measure: 80          # reading width in cells
 *     indent: true         # indent Chinese paragraphs
 *     timezone: Asia/Shanghai
 *     colors:
 *       selected: black on cyan
 *       unread: bold
 *     keys:
 *       list:
 *         j: down
 *         x: none          # unbind
 *
 * A file that is not valid YAML changes nothing: its first fault is
 * reported with its line and column and the defaults stay. A bad entry in
 * a valid file is reported and skipped; the other entries apply. Messages
 * are warnings on a struct warnings (line, column, text) about the file's
 * path, for the caller to show; an unknown name is followed by the
 * nearest known one ("did you mean timezone?").
 */
#ifndef NR_CONF_H
#define NR_CONF_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

struct buf;
struct page_options;

/* --- styles (the "colors" section) --- */

enum conf_style_id {
	CONF_STYLE_NORMAL,	/* text */
	CONF_STYLE_TITLE,	/* the title bar */
	CONF_STYLE_STATUS,	/* the status line */
	CONF_STYLE_SELECTED,	/* the selection in the focused pane */
	CONF_STYLE_SELECTED_DIM, /* the selection in another pane */
	CONF_STYLE_UNREAD,	/* unread articles and categories */
	CONF_STYLE_DIM,	/* secondary text: counts, categories */
	CONF_STYLE_HEADER,	/* the reader's title */
	CONF_STYLE_META,	/* the reader's date, author, tags line */
	CONF_STYLE_LINK,	/* link numbers in the text */
	CONF_STYLE_MATCH,	/* search matches */
	CONF_STYLE_WARNING,	/* warnings in the status line */
	CONF_STYLE_BORDER,	/* lines between panes */
	CONF_STYLE_COUNT
};

#define CONF_COLOR_DEFAULT (-1)	/* the terminal's own colour */

enum conf_attr {
	CONF_ATTR_BOLD = 1 << 0,
	CONF_ATTR_DIM = 1 << 1,
	CONF_ATTR_UNDERLINE = 1 << 2,
	CONF_ATTR_REVERSE = 1 << 3,
	CONF_ATTR_ITALIC = 1 << 4,
};

struct conf_style {
	int fg, bg;		/* 0..255, or CONF_COLOR_DEFAULT */
	unsigned attrs;		/* enum conf_attr bits */
	unsigned mono;		/* attrs to use without colour (NO_COLOR) */
};

/* The style's name in the file ("selected"), or NULL for a bad id. */
const char *conf_style_name(enum conf_style_id id);

/*
 * Parse a style: "[ATTR...] [FG] [on BG]", where a colour is a name
 * (black, red, green, yellow, blue, magenta, cyan, white, their bright-
 * forms, default) or a number 0-255 and ATTR is bold, dim, underline,
 * reverse or italic. Returns 0, or -1 with *why naming the bad word (a
 * static string).
 */
int conf_parse_style(struct conf_style *st, const char *spec,
    const char **why);

/*
 * Append st in the form conf_parse_style() reads ("bold red on black");
 * reading it back gives the same style.
 */
void conf_style_format(const struct conf_style *st, struct buf *out);

/* --- key bindings (the "keys" section) --- */

struct conf_binding {
	char *table;		/* "global", "tree", "list", "reader", ... */
	char *key;		/* the key's name as written: "j", "C-l", "PgDn" */
	char *command;		/* a command name, or NULL: unbound */
	char *file;		/* where it was written, for messages */
	int line, col;		/* the key's, 1-based */
	int table_line, table_col; /* the table name's */
	int command_col;	/* the command's (on line) */
};

/* --- the configuration --- */

#define CONF_MEASURE_MIN 20
#define CONF_MEASURE_MAX 1000
/* A config file is some hundreds of bytes; past this it is not one. */
#define CONF_FILE_MAX (1024 * 1024)

struct conf {
	bool osc52;		/* copy with OSC 52 */
	bool mouse;		/* report the mouse */
	bool margins;		/* use the terminal's left and right margins */
	bool indent;		/* indent Chinese paragraphs */
	int measure;		/* reading width, cells; MIN..MAX */
	char *timezone;		/* a TZ value, or NULL: leave TZ alone */
	struct conf_style styles[CONF_STYLE_COUNT];
	/* In the order read: defaults first, so a later entry wins. */
	struct conf_binding *bindings;
	size_t nbindings, alloc;
};

/* The defaults, written in the file's syntax. */
extern const char conf_default_text[];

/* Fill c with the defaults (conf_default_text, parsed). */
void conf_init(struct conf *c);
void conf_release(struct conf *c);

/*
 * Apply the YAML text in data (len bytes) to c; name is the file name used
 * in bindings and messages. Problems go on w. Returns 0 when the text was
 * valid YAML (even if some entries were skipped), -1 when nothing could be
 * applied.
 */
int conf_parse(struct conf *c, const char *name, const char *data,
    size_t len, struct warnings *w);

/*
 * Read the file at path into c. Returns 0 when it was read, 1 when it does
 * not exist (nothing changes: whether that is an error is the caller's
 * call), -1 with err set when it exists but cannot be read. Warnings
 * about its content go on w.
 */
int conf_load(struct conf *c, const char *path, struct warnings *w,
    struct error *err);

/*
 * The settings as YAML, every one of them, without the keys (ui-keys
 * prints those: it knows their canonical names): read back with
 * conf_parse(), they give the same struct conf.
 */
void conf_print(const struct conf *c, struct buf *out);
/* Append s as a YAML scalar: plain when it is a word, else quoted. */
void conf_yaml_scalar(struct buf *out, const char *s);

/* The user's config file path ($XDG_CONFIG_HOME or ~/.config); caller frees. */
char *conf_default_path(void);

/*
 * Make the C library's local time the configured zone (sets TZ and calls
 * tzset), so dates print in it. Does nothing when no timezone is set.
 */
void conf_apply_timezone(const struct conf *c);

/*
 * How c says an article is set (the paragraph indent): the reading pane
 * and --dump both take their page options from here, so they agree.
 */
void conf_page_options(const struct conf *c, struct page_options *out);

#endif
