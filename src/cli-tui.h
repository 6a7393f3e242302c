/* SPDX-License-Identifier: MIT */
/*
 * cli-tui: the default mode, the full-screen interface.
 */
#ifndef NR_CLI_TUI_H
#define NR_CLI_TUI_H

#include <stdbool.h>

#include "report.h"

struct cli_collection_opts;
struct cli_env;
struct conf;

struct cli_tui_args {
	const struct conf *conf;
	const char *conf_path;
	bool conf_found;	/* conf_path exists */
	const struct warnings *conf_warnings; /* the keys' included */
	bool no_mouse;
	/* --db, the sources, the first view (--category...), --sort... */
	const struct cli_collection_opts *coll;
};

/* Run the interface; returns the exit status (CLI_OK or CLI_ERROR). */
int cli_tui(const struct cli_tui_args *args, const struct cli_env *env);

#endif
