/* SPDX-License-Identifier: MIT */
/*
 * cli: the command line. Parses the options (one table drives getopt_long
 * and --help), then runs one mode: a non-interactive output on stdout or,
 * later, the TUI. Returns the exit status; main() alone exits.
 *
 * Exit status: 0 ok, 1 error (a DIR that does not exist, an unreadable
 * database), 2 usage.
 */
#ifndef NR_CLI_H
#define NR_CLI_H

#include <stdbool.h>

enum {
	CLI_OK = 0,
	CLI_ERROR = 1,
	CLI_USAGE = 2,
};

/* What main() learnt about the process before handing over. */
struct cli_env {
	bool locale_fallback;	/* LC_CTYPE was switched to C.UTF-8 */
	const char *lang;	/* the LANG the user had, or NULL */
};

int cli_main(int argc, char **argv, const struct cli_env *env);

#endif
