/* SPDX-License-Identifier: MIT */
/*
 * cli: option parsing and mode dispatch.
 *
 * cli_options[] is the single description of the command line: getopt_long's
 * table and the --help text are both generated from it. Parsing fills a
 * struct cli_opts; exactly one mode then runs.
 */
#include "config.h"
#include "cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli-collection.h"
#include "cli-dump.h"
#include "cli-list.h"
#include "cli-tui.h"
#include "conf.h"
#include "quote.h"
#include "report.h"
#include "ui-keys.h"
#include "xmalloc.h"

enum cli_mode {
	MODE_DEFAULT,
	MODE_HELP,
	MODE_VERSION,
	MODE_LIST,
	MODE_CATEGORIES,
	MODE_TAGS,
	MODE_AUTHORS,
	MODE_PRINT_CONFIG,
	/* the modes that take operands other than sources, from here on */
	MODE_MARK_READ,
	MODE_MARK_UNREAD,
	MODE_STAR,
	MODE_UNSTAR,
	MODE_FORGET,
	MODE_DUMP,
};

struct cli_opts {
	enum cli_mode mode;
	bool json;		/* --json: JSON Lines instead of text */
	unsigned width;		/* --width: columns for --dump; 0: default */
	char **args;		/* the operands (DIR, FILE, ID...) */
	int nargs;
	struct cli_collection_opts coll; /* --db, the filters, --sort... */
	const char *config;	/* --config FILE, or NULL: the default path */
	bool no_mouse;		/* --no-mouse */
};

enum opt_id {
	OPT_HELP = 'h',
	OPT_VERSION = 'V',
	OPT_LIST = 256,
	OPT_JSON,
	OPT_DUMP,
	OPT_WIDTH,
	OPT_DB,
	OPT_CATEGORIES,
	OPT_CATEGORY,
	OPT_TAG,
	OPT_AUTHOR,
	OPT_UNREAD,
	OPT_STARRED,
	OPT_SEARCH,
	OPT_SORT,
	OPT_REVERSE,
	OPT_NO_SCAN,
	OPT_VERBOSE,
	OPT_QUIET,
	OPT_FORGET,
	OPT_MARK_READ,
	OPT_MARK_UNREAD,
	OPT_STAR,
	OPT_UNSTAR,
	OPT_CONFIG,
	OPT_NO_MOUSE,
	OPT_PRINT_CONFIG,
	OPT_TAGS,
	OPT_AUTHORS,
};

struct cli_option {
	const char *name;
	int has_arg;		/* no_argument or required_argument */
	int id;			/* enum opt_id; a letter also gives -x */
	const char *arg;	/* the argument's name in --help, or NULL */
	const char *help;
};

static const struct cli_option cli_options[] = {
	{ "help", no_argument, OPT_HELP, NULL, "show this help and exit" },
	{ "version", no_argument, OPT_VERSION, NULL, "show the version and exit" },
	{ "list", no_argument, OPT_LIST, NULL,
	    "print one line per article, newest first, ending in its id" },
	{ "json", no_argument, OPT_JSON, NULL,
	    "with --list: JSON Lines with every field, id, read and starred; "
	    "with --dump: one JSON object" },
	{ "dump", no_argument, OPT_DUMP, NULL,
	    "print ARTICLE (a file) as the reading pane shows it" },
	{ "width", required_argument, OPT_WIDTH, "N",
	    "with --dump: lines of N columns (default: the terminal's, "
	    "else 80, at most the config's measure)" },
	{ "categories", no_argument, OPT_CATEGORIES, NULL,
	    "print the category tree: PATH, articles, unread (TAB-separated)" },
	{ "tags", no_argument, OPT_TAGS, NULL,
	    "print the tags: TAG, articles, unread (TAB-separated)" },
	{ "authors", no_argument, OPT_AUTHORS, NULL,
	    "print the authors: NAME, articles, unread (TAB-separated)" },
	{ "category", required_argument, OPT_CATEGORY, "PATH",
	    "only the articles in category PATH (a/b) and below" },
	{ "tag", required_argument, OPT_TAG, "TAG", "only the articles tagged TAG" },
	{ "author", required_argument, OPT_AUTHOR, "NAME",
	    "only the articles by NAME" },
	{ "unread", no_argument, OPT_UNREAD, NULL, "only the unread articles" },
	{ "starred", no_argument, OPT_STARRED, NULL, "only the starred articles" },
	{ "search", required_argument, OPT_SEARCH, "QUERY",
	    "only the articles matching QUERY (words ANDed, \"a phrase\")" },
	{ "sort", required_argument, OPT_SORT, "KEY",
	    "order by date (newest first), title, path or rank (with --search)" },
	{ "reverse", no_argument, OPT_REVERSE, NULL, "the opposite order" },
	{ "db", required_argument, OPT_DB, "FILE",
	    "the collection database (default: $XDG_DATA_HOME/newsreader/newsreader.db)" },
	{ "no-scan", no_argument, OPT_NO_SCAN, NULL,
	    "do not rescan the sources; use the collection as it is" },
	{ "verbose", no_argument, OPT_VERBOSE, NULL,
	    "report what the scan did on stderr, and the hidden files and "
	    "folders it left out" },
	{ "quiet", no_argument, OPT_QUIET, NULL,
	    "no progress line while a scan runs (shown only when stderr is "
	    "a terminal)" },
	{ "forget", no_argument, OPT_FORGET, NULL,
	    "forget the source DIRs given and their articles" },
	{ "mark-read", no_argument, OPT_MARK_READ, NULL,
	    "mark the articles ID... read (an id from --list, or a path)" },
	{ "mark-unread", no_argument, OPT_MARK_UNREAD, NULL,
	    "mark the articles ID... unread" },
	{ "star", no_argument, OPT_STAR, NULL, "star the articles ID..." },
	{ "unstar", no_argument, OPT_UNSTAR, NULL, "unstar the articles ID..." },
	{ "config", required_argument, OPT_CONFIG, "FILE",
	  "read settings from FILE (default: $NEWSREADER_CONFIG, else "
	  "~/.config/newsreader/config.yaml)" },
	{ "print-config", no_argument, OPT_PRINT_CONFIG, NULL,
	  "print the settings in effect (the defaults and the file) as YAML" },
	{ "no-mouse", no_argument, OPT_NO_MOUSE, NULL,
	  "do not use the mouse in the full-screen interface" },
};

/* What each of the modes MODE_MARK_READ..MODE_UNSTAR does, in order. */
static const enum cli_mark mark_modes[] = {
	CLI_MARK_READ, CLI_MARK_UNREAD, CLI_MARK_STAR, CLI_MARK_UNSTAR,
};

/* --sort's keys. */
static const struct {
	const char *name;
	enum collection_sort sort;
} sort_keys[] = {
	{ "date", COLLECTION_SORT_DATE },
	{ "title", COLLECTION_SORT_TITLE },
	{ "path", COLLECTION_SORT_PATH },
	{ "rank", COLLECTION_SORT_RANK },
};

/* The options that choose a mode, and the mode each chooses. */
static const struct {
	int opt;
	enum cli_mode mode;
} mode_options[] = {
	{ OPT_LIST, MODE_LIST },
	{ OPT_CATEGORIES, MODE_CATEGORIES },
	{ OPT_TAGS, MODE_TAGS },
	{ OPT_AUTHORS, MODE_AUTHORS },
	{ OPT_PRINT_CONFIG, MODE_PRINT_CONFIG },
	{ OPT_MARK_READ, MODE_MARK_READ },
	{ OPT_MARK_UNREAD, MODE_MARK_UNREAD },
	{ OPT_STAR, MODE_STAR },
	{ OPT_UNSTAR, MODE_UNSTAR },
	{ OPT_FORGET, MODE_FORGET },
	{ OPT_DUMP, MODE_DUMP },
};
#define N_OPTIONS (sizeof cli_options / sizeof cli_options[0])

#define HELP_INDENT 29	/* the column option descriptions start in */
#define HELP_WIDTH 79	/* --help fits an 80-column terminal */

/*
 * Print text (ASCII) from column HELP_INDENT, wrapped at spaces so that no
 * line passes HELP_WIDTH.
 */
static void
usage_wrap(FILE *fp, const char *text)
{
	size_t room = HELP_WIDTH - HELP_INDENT;

	while (strlen(text) > room) {
		size_t cut = room;

		while (cut > 0 && text[cut] != ' ')
			cut--;
		if (cut == 0)
			break;
		fprintf(fp, "%.*s\n%*s", (int)cut, text, HELP_INDENT, "");
		text += cut + 1;
	}
	fprintf(fp, "%s\n", text);
}

static void
usage(FILE *fp)
{
	fprintf(fp, "Usage: newsreader [OPTION]... [DIR|FILE]...\n"
	    "A terminal reader for directories of Hexo-style article files.\n\n");
	for (size_t i = 0; i < N_OPTIONS; i++) {
		const struct cli_option *o = &cli_options[i];
		struct buf b = BUF_INIT;

		if (o->id < 128)
			buf_addf(&b, "  -%c, --%s", o->id, o->name);
		else
			buf_addf(&b, "      --%s", o->name);
		if (o->arg)
			buf_addf(&b, " %s", o->arg);
		if (b.len >= HELP_INDENT)
			fprintf(fp, "%s\n%*s", b.buf, HELP_INDENT, "");
		else
			fprintf(fp, "%-*s", HELP_INDENT, b.buf);
		usage_wrap(fp, o->help);
		buf_release(&b);
	}
	fprintf(fp, "\nExit status: 0 ok, 1 error, 2 usage.\n");
}

/* Build getopt_long's tables from cli_options[]; the caller frees *longs. */
static void
build_getopt(struct option **longs, char *shorts, size_t shorts_size)
{
	size_t ns = 0;

	*longs = xcalloc(N_OPTIONS + 1, sizeof **longs);
	shorts[ns++] = ':';
	for (size_t i = 0; i < N_OPTIONS; i++) {
		const struct cli_option *o = &cli_options[i];

		(*longs)[i].name = o->name;
		(*longs)[i].has_arg = o->has_arg;
		(*longs)[i].val = o->id;
		if (o->id < 128 && ns + 3 < shorts_size) {
			shorts[ns++] = (char)o->id;
			if (o->has_arg == required_argument)
				shorts[ns++] = ':';
		}
	}
	shorts[ns] = '\0';
}

/* Choose the mode of option opt; two different modes are a usage error. */
static int
set_mode(struct cli_opts *opts, int opt)
{
	for (size_t i = 0; i < sizeof mode_options / sizeof mode_options[0]; i++) {
		if (mode_options[i].opt != opt)
			continue;
		if (opts->mode != MODE_DEFAULT && opts->mode != mode_options[i].mode &&
		    opts->mode != MODE_HELP && opts->mode != MODE_VERSION) {
			fprintf(stderr, "newsreader: choose one of --list, "
			    "--categories, --tags, --authors, --print-config, "
			    "--mark-read, --mark-unread, --star, --unstar, "
			    "--forget, --dump\n");
			return CLI_USAGE;
		}
		if (opts->mode == MODE_DEFAULT)
			opts->mode = mode_options[i].mode;
	}
	return 0;
}

static int
set_sort(struct cli_opts *opts, const char *key)
{
	for (size_t i = 0; i < sizeof sort_keys / sizeof sort_keys[0]; i++) {
		if (strcmp(sort_keys[i].name, key) == 0) {
			opts->coll.view.sort = sort_keys[i].sort;
			return 0;
		}
	}
	fprintf(stderr, "newsreader: --sort takes date, title, path or rank, "
	    "not '%s'\n", key);
	return CLI_USAGE;
}

/* Returns 0, or CLI_USAGE after printing what is wrong. */
static int
parse_args(int argc, char **argv, struct cli_opts *opts)
{
	struct option *longs;
	char shorts[2 * N_OPTIONS + 2];
	int c, ret = 0;

	build_getopt(&longs, shorts, sizeof shorts);
	opterr = 0;
	while (ret == 0 && (c = getopt_long(argc, argv, shorts, longs, NULL)) != -1) {
		switch (c) {
		case OPT_HELP:
			opts->mode = MODE_HELP;
			break;
		case OPT_VERSION:
			opts->mode = MODE_VERSION;
			break;
		case OPT_LIST:
		case OPT_CATEGORIES:
		case OPT_TAGS:
		case OPT_AUTHORS:
		case OPT_PRINT_CONFIG:
		case OPT_MARK_READ:
		case OPT_MARK_UNREAD:
		case OPT_STAR:
		case OPT_UNSTAR:
		case OPT_FORGET:
		case OPT_DUMP:
			ret = set_mode(opts, c);
			break;
		case OPT_JSON:
			opts->json = true;
			break;
		case OPT_WIDTH: {
			char *end;
			long v = strtol(optarg, &end, 10);

			if (*optarg == '\0' || *end != '\0' || v < 1 || v > 10000) {
				fprintf(stderr, "newsreader: --width wants a "
				    "number of columns from 1 to 10000, not "
				    "'%s'\n", optarg);
				ret = CLI_USAGE;
			}
			opts->width = (unsigned)v;
			break;
		}
		case OPT_DB:
			opts->coll.db = quote_arg(optarg, true);
			break;
		case OPT_CATEGORY:
			opts->coll.view.category = quote_arg(optarg, false);
			break;
		case OPT_TAG:
			opts->coll.view.tag = quote_arg(optarg, false);
			break;
		case OPT_AUTHOR:
			opts->coll.view.author = quote_arg(optarg, false);
			break;
		case OPT_SEARCH:
			opts->coll.view.search = optarg;
			break;
		case OPT_UNREAD:
			opts->coll.view.unread = true;
			break;
		case OPT_STARRED:
			opts->coll.view.starred = true;
			break;
		case OPT_SORT:
			ret = set_sort(opts, optarg);
			break;
		case OPT_REVERSE:
			opts->coll.view.reverse = true;
			break;
		case OPT_NO_SCAN:
			opts->coll.no_scan = true;
			break;
		case OPT_VERBOSE:
			opts->coll.verbose = true;
			break;
		case OPT_QUIET:
			opts->coll.quiet = true;
			break;
		case OPT_CONFIG:
			opts->config = quote_arg(optarg, true);
			break;
		case OPT_NO_MOUSE:
			opts->no_mouse = true;
			break;
		case ':':
			fprintf(stderr, "newsreader: option '%s' needs an argument\n",
			    argv[optind - 1]);
			ret = CLI_USAGE;
			break;
		default:
			fprintf(stderr, "newsreader: unknown option '%s'\n",
			    argv[optind - 1]);
			ret = CLI_USAGE;
			break;
		}
	}
	free(longs);
	opts->args = argv + optind;
	opts->nargs = argc - optind;
	/* Names as --list and --categories print them are taken back. */
	for (int i = 0; i < opts->nargs; i++)
		quote_arg(opts->args[i], true);
	if (ret == 0 && opts->json && opts->mode == MODE_DEFAULT) {
		fprintf(stderr, "newsreader: --json goes with --list or --dump\n");
		ret = CLI_USAGE;
	}
	if (ret == 0 && opts->width && opts->mode != MODE_DUMP) {
		fprintf(stderr, "newsreader: --width goes with --dump\n");
		ret = CLI_USAGE;
	}
	if (ret == 0 && opts->mode == MODE_DUMP && opts->nargs == 0) {
		fprintf(stderr, "newsreader: --dump needs an ARTICLE\n");
		ret = CLI_USAGE;
	}
	if (ret == 0 && opts->mode >= MODE_MARK_READ && opts->nargs == 0) {
		fprintf(stderr, "newsreader: %s needs an operand\n",
		    opts->mode == MODE_FORGET ? "--forget DIR" : "an ID");
		ret = CLI_USAGE;
	}
	if (ret == 0 && opts->coll.view.sort == COLLECTION_SORT_RANK &&
	    !opts->coll.view.search) {
		fprintf(stderr, "newsreader: --sort rank goes with --search\n");
		ret = CLI_USAGE;
	}
	/* The environment fills in what the command line left out. */
	if (!opts->coll.db && getenv("NEWSREADER_DB") && *getenv("NEWSREADER_DB"))
		opts->coll.db = getenv("NEWSREADER_DB");
	opts->coll.args = opts->args;
	opts->coll.nargs = opts->nargs;
	opts->coll.json = opts->json;
	if (ret)
		fprintf(stderr, "Try 'newsreader --help' for more information.\n");
	return ret;
}

/*
 * Load the settings every mode shares: the config file (a bad one is
 * reported and the defaults are used), its key bindings checked (so that
 * a fault in them is said in every mode, not only where keys are used)
 * and its time zone, which the parser's dates follow. The file is
 * --config's, else $NEWSREADER_CONFIG's, else the default path; only the
 * default path may be absent. Returns 0, or CLI_USAGE after saying that
 * the file named is not there. The caller releases conf, w and *keys (when
 * not NULL) and frees *path.
 */
static int
load_conf(const struct cli_opts *opts, struct conf *conf, char **path,
    bool *found, struct ui_keys **keys, struct warnings *w)
{
	struct error err = ERROR_INIT;
	const char *env = getenv("NEWSREADER_CONFIG");
	const char *named = opts->config ? opts->config : env && *env ? env : NULL;
	int r;

	conf_init(conf);
	*keys = NULL;
	*path = named ? xstrdup(named) : conf_default_path();
	r = conf_load(conf, *path, w, &err);
	*found = r == 0;
	if (r < 0) {
		warnings_add(w, 0, "%s", err.msg);
		error_release(&err);
	} else if (r == 1 && named) {
		fprintf(stderr, "newsreader: %s: no such config file (named by "
		    "%s)\n", *path, opts->config ? "--config" : "NEWSREADER_CONFIG");
		return CLI_USAGE;
	}
	*keys = ui_keys_new(conf, w, NULL);
	conf_apply_timezone(conf);
	return 0;
}

/* Print the config's warnings, FILE:LINE:COL: what, on stderr. */
static void
report_conf(const char *path, const struct warnings *w)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < w->nr; i++) {
		buf_reset(&b);
		report_format_at(&b, path, w->v[i].line, w->v[i].col, w->v[i].msg);
		buf_addc(&b, '\n');
		fwrite(b.buf, 1, b.len, stderr);
	}
	buf_release(&b);
}

/* --print-config: the settings in effect, as a config file says them. */
static int
print_config(const struct conf *conf, const struct ui_keys *keys)
{
	struct buf b = BUF_INIT;
	int rc = CLI_OK;

	conf_print(conf, &b);
	ui_keys_print(keys, &b);
	if (fwrite(b.buf, 1, b.len, stdout) != b.len || fflush(stdout) != 0) {
		fprintf(stderr, "newsreader: cannot write the settings\n");
		rc = CLI_ERROR;
	}
	buf_release(&b);
	return rc;
}

int
cli_main(int argc, char **argv, const struct cli_env *env)
{
	struct cli_opts opts = { .mode = MODE_DEFAULT };
	struct conf conf;
	struct warnings conf_warnings = WARNINGS_INIT;
	char *conf_path = NULL;
	struct ui_keys *keys = NULL;
	bool conf_found = false;
	int ret;

	if ((ret = parse_args(argc, argv, &opts)) != 0)
		return ret;
	switch (opts.mode) {
	case MODE_HELP:
		usage(stdout);
		return CLI_OK;
	case MODE_VERSION:
		/* As GNU tools print it: the version, the copyright, the licence. */
		printf("newsreader %s\n"
		    "Copyright (C) 2026 the newsreader authors\n"
		    "License MIT: the terms are in the file COPYING, and at\n"
		    "<https://opensource.org/license/mit>.\n"
		    "This is free software: you are free to change and "
		    "redistribute it.\n"
		    "There is NO WARRANTY, to the extent permitted by law.\n",
		    PACKAGE_VERSION);
		return CLI_OK;
	default:
		break;
	}
	if ((ret = load_conf(&opts, &conf, &conf_path, &conf_found, &keys,
	    &conf_warnings)) != 0)
		goto out;
	/* Said in full on stderr in every mode; the interface's status line
	 * says them again, and its help screen lists them, but the line is
	 * as wide as the screen and this text stays once the screen is gone. */
	report_conf(conf_path, &conf_warnings);
	switch (opts.mode) {
	case MODE_PRINT_CONFIG:
		ret = print_config(&conf, keys);
		break;
	case MODE_LIST:
		ret = cli_collection_list(&opts.coll);
		break;
	case MODE_CATEGORIES:
		ret = cli_collection_categories(&opts.coll);
		break;
	case MODE_TAGS:
		ret = cli_collection_names(&opts.coll, CLI_NAMES_TAGS);
		break;
	case MODE_AUTHORS:
		ret = cli_collection_names(&opts.coll, CLI_NAMES_AUTHORS);
		break;
	case MODE_MARK_READ:
	case MODE_MARK_UNREAD:
	case MODE_STAR:
	case MODE_UNSTAR:
		ret = cli_collection_mark(&opts.coll, mark_modes[opts.mode -
		    MODE_MARK_READ]);
		break;
	case MODE_FORGET:
		ret = cli_collection_forget(&opts.coll);
		break;
	case MODE_DUMP: {
		struct cli_dump_opts d = { opts.width, opts.json, -1,
			opts.coll.db, PAGE_OPTIONS_INIT, (unsigned)conf.measure };

		conf_page_options(&conf, &d.page);
		ret = cli_dump(opts.args, opts.nargs, &d);
		break;
	}
	default: {
		struct cli_tui_args ta = { &conf, conf_path, conf_found,
			&conf_warnings, opts.no_mouse, &opts.coll };

		ret = cli_tui(&ta, env);
		break;
	}
	}
out:
	ui_keys_free(keys);
	warnings_release(&conf_warnings);
	conf_release(&conf);
	free(conf_path);
	return ret;
}
