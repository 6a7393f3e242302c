/* SPDX-License-Identifier: MIT */
/*
 * cli-tui: the default mode. Opens the collection as the other modes do
 * (cli_collection_prepare: the database, the sources, the scope), but
 * leaves the scan to the interface, which runs it in a thread of its own
 * once the screen is drawn; then hands everything to ui_main() and turns
 * a failure to start into a message and an exit status.
 */
#include "config.h"
#include "cli-tui.h"

#include <stdio.h>

#include "cli.h"
#include "cli-collection.h"
#include "collection.h"
#include "ui.h"

/*
 * The rescan, run in the interface's scan thread: a connection of its
 * own on the same database, as collection.h asks of threads.
 */
static int
run_scan(void *ctx, const struct reporter *rep, struct scan_progress *progress,
    struct scan_stats *stats, struct error *err)
{
	const struct cli_collection_plan *plan = ctx;
	struct collection *c = collection_open(plan->db_path, err);
	int r;

	if (!c)
		return -1;
	r = cli_collection_scan(c, plan, rep, progress, stats, err);
	collection_free(c);
	return r;
}

int
cli_tui(const struct cli_tui_args *args, const struct cli_env *env)
{
	const struct cli_collection_opts *co = args->coll;
	struct error err = ERROR_INIT;
	struct cli_collection_plan plan;
	struct collection_view start = co->view;
	struct collection *c;
	struct ui_options o = {
		.conf = args->conf,
		.conf_path = args->conf_path,
		.conf_found = args->conf_found,
		.conf_warnings = args->conf_warnings,
		.no_mouse = args->no_mouse,
		.locale_fallback = env->locale_fallback,
		.lang = env->lang,
	};
	int rc = CLI_OK;

	if (cli_collection_prepare(co, &c, &plan) != CLI_OK)
		return CLI_ERROR;
	if (plan.missing) {
		/* Reported on stderr; a screen would hide it. */
		collection_free(c);
		cli_collection_plan_release(&plan);
		return CLI_ERROR;
	}
	o.coll = c;
	o.base.sort = co->view.sort;
	o.base.reverse = co->view.reverse;
	o.base.scope = (const char *const *)plan.scope.v;
	o.base.nscope = plan.scope.nr;
	o.start = &start;
	o.scan = run_scan;
	o.scan_ctx = &plan;
	o.read_only = collection_read_only(c) != NULL;
	o.scan_at_start = !co->no_scan && !o.read_only;
	if (ui_main(&o, &err) < 0) {
		fprintf(stderr, "newsreader: %s\n", err.msg);
		error_release(&err);
		rc = CLI_ERROR;
	}
	collection_free(c);
	cli_collection_plan_release(&plan);
	return rc;
}
