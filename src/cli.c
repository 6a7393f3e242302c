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
#include "cli-dump.h"
#include "cli-list.h"
#include "cli-tui.h"
#include "conf.h"
#include "report.h"
#include "xmalloc.h"

enum cli_mode {
	MODE_DEFAULT,
	MODE_HELP,
	MODE_VERSION,
	MODE_LIST,
	MODE_DUMP,
};

struct cli_opts {
	enum cli_mode mode;
	bool json;		/* --json: JSON Lines instead of text */
	unsigned width;		/* --width: columns for --dump; 0: default */
	char **args;		/* the operands (DIR, FILE, ID...) */
	int nargs;
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
	OPT_CONFIG,
	OPT_NO_MOUSE,
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
	    "print one line per article in DIR or FILE, newest first" },
	{ "json", no_argument, OPT_JSON, NULL,
	    "with --list: JSON Lines with every field; with --dump: one "
	    "JSON object" },
	{ "dump", no_argument, OPT_DUMP, NULL,
	    "print ARTICLE (a file) as the reading pane shows it" },
	{ "width", required_argument, OPT_WIDTH, "N",
	    "with --dump: lines of N columns (default: the terminal's, "
	    "else 80)" },
	{ "config", required_argument, OPT_CONFIG, "FILE",
	  "read settings from FILE (default ~/.config/newsreader/config.yaml)" },
	{ "no-mouse", no_argument, OPT_NO_MOUSE, NULL,
	  "do not use the mouse in the full-screen interface" },
};
#define N_OPTIONS (sizeof cli_options / sizeof cli_options[0])

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
		fprintf(fp, "%-28s %s\n", b.buf, o->help);
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
			if (opts->mode == MODE_DEFAULT)
				opts->mode = MODE_LIST;
			break;
		case OPT_JSON:
			opts->json = true;
			break;
		case OPT_DUMP:
			if (opts->mode == MODE_DEFAULT)
				opts->mode = MODE_DUMP;
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
		case OPT_CONFIG:
			opts->config = optarg;
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
	if (ret == 0 && opts->mode == MODE_LIST && opts->nargs == 0) {
		fprintf(stderr, "newsreader: --list needs a DIR or FILE\n");
		ret = CLI_USAGE;
	}
	if (ret)
		fprintf(stderr, "Try 'newsreader --help' for more information.\n");
	return ret;
}

/*
 * Load the settings every mode shares: the config file (a bad one is
 * reported and the defaults are used) and its time zone, which the
 * parser's dates follow. The caller releases conf and w and frees *path.
 */
static void
load_conf(const struct cli_opts *opts, struct conf *conf, char **path,
    struct warnings *w)
{
	struct error err = ERROR_INIT;

	conf_init(conf);
	*path = opts->config ? xstrdup(opts->config) : conf_default_path();
	if (conf_load(conf, *path, w, &err) < 0) {
		warnings_add(w, 0, "%s", err.msg);
		error_release(&err);
	}
	conf_apply_timezone(conf);
}

/* Print the config's warnings for a mode that has no status line. */
static void
report_conf(const char *path, const struct warnings *w)
{
	struct reporter r = { report_to_stderr, NULL };

	report_warnings(&r, path, w);
}

int
cli_main(int argc, char **argv, const struct cli_env *env)
{
	struct cli_opts opts = { MODE_DEFAULT, false, 0, NULL, 0, NULL, false };
	struct conf conf;
	struct warnings conf_warnings = WARNINGS_INIT;
	char *conf_path = NULL;
	int ret;

	if ((ret = parse_args(argc, argv, &opts)) != 0)
		return ret;
	switch (opts.mode) {
	case MODE_HELP:
		usage(stdout);
		return CLI_OK;
	case MODE_VERSION:
		printf("newsreader %s\n", PACKAGE_VERSION);
		return CLI_OK;
	default:
		break;
	}
	load_conf(&opts, &conf, &conf_path, &conf_warnings);
	switch (opts.mode) {
	case MODE_LIST:
		report_conf(conf_path, &conf_warnings);
		ret = cli_list(opts.args, opts.nargs, opts.json);
		break;
	case MODE_DUMP: {
		struct cli_dump_opts d = { opts.width, opts.json, -1 };

		report_conf(conf_path, &conf_warnings);
		ret = cli_dump(opts.args, opts.nargs, &d);
		break;
	}
	default: {
		struct cli_tui_args ta = { &conf, conf_path, &conf_warnings,
			opts.no_mouse };

		ret = cli_tui(&ta, env);
		/* The screen could not show them: say them here. */
		if (ret == CLI_ERROR)
			report_conf(conf_path, &conf_warnings);
		break;
	}
	}
	warnings_release(&conf_warnings);
	conf_release(&conf);
	free(conf_path);
	return ret;
}
