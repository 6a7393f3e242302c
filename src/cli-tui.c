/*
 * cli-tui: hands the command line's settings to ui_main() and turns a
 * failure to start into a message and an exit status.
 */
#include "config.h"
#include "cli-tui.h"

#include <stdio.h>

#include "cli.h"
#include "ui.h"

int
cli_tui(const struct cli_tui_args *args, const struct cli_env *env)
{
	struct error err = ERROR_INIT;
	struct ui_options o = {
		.conf = args->conf,
		.conf_path = args->conf_path,
		.conf_warnings = args->conf_warnings,
		.no_mouse = args->no_mouse,
		.locale_fallback = env->locale_fallback,
		.lang = env->lang,
	};

	if (ui_main(&o, &err) < 0) {
		fprintf(stderr, "newsreader: %s\n", err.msg);
		error_release(&err);
		return CLI_ERROR;
	}
	return CLI_OK;
}
