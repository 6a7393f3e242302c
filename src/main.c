/* SPDX-License-Identifier: MIT */
/*
 * main: process set-up and the only exit. Chooses a UTF-8 locale (falling
 * back to C.UTF-8 when the user's is not UTF-8, as over SSH without LANG),
 * then hands over to cli_main() and exits with what it returns.
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"

static bool
codeset_is_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);
	return cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

int
main(int argc, char **argv)
{
	struct cli_env env = { false, getenv("LANG") };

	setlocale(LC_ALL, "");
	if (!codeset_is_utf8()) {
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL || !codeset_is_utf8()) {
			fprintf(stderr, "newsreader: no UTF-8 locale is available "
			    "(LANG=%s); install the 'locales' package or set LANG "
			    "to a UTF-8 locale such as C.UTF-8\n",
			    env.lang ? env.lang : "");
			exit(1);
		}
		env.locale_fallback = true;
	}
	exit(cli_main(argc, argv, &env));
}
