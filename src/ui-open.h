/* SPDX-License-Identifier: MIT */
/*
 * ui-open: opening a link in a browser, safely.
 *
 * Only http, https, ftp and mailto URLs are opened, and only clean ones
 * (see url.h): the caller puts a URL through url_scrub() first. Which
 * browser:
 *   - $BROWSER, on any terminal, over SSH too (where w3m and lynx are
 *     used): in the terminal, which the caller gives up while it runs and
 *     takes back after, as for C-z. It is a list of commands separated by
 *     ':', tried in order until one starts; a command is words separated
 *     by blanks, in which %s stands for the URL (%% for a %); without a
 *     %s the URL comes last. Never a shell: the words are execvp()'s
 *     argv, and the URL is always one argument of its own.
 *   - else, under a display (DISPLAY or WAYLAND_DISPLAY, and not over
 *     SSH), xdg-open, detached from the terminal;
 *   - else Debian's sensible-browser where it is installed (it picks
 *     www-browser, often a terminal browser), in the terminal;
 *   - else nothing runs: the caller shows the URL and offers to copy it.
 *
 * The decision and the commands are pure functions of the URL and the
 * environment, so they are tested without running anything.
 */
#ifndef NR_UI_OPEN_H
#define NR_UI_OPEN_H

#include <stdbool.h>
#include <sys/types.h>

enum ui_open_action {
	UI_OPEN_RUN_TERMINAL,	/* run $BROWSER or sensible-browser in the
				   terminal, and wait */
	UI_OPEN_RUN_DETACHED,	/* run xdg-open detached from the terminal */
	UI_OPEN_SHOW,		/* show the URL (SSH, or no browser) */
	UI_OPEN_REFUSE,		/* not a scheme we open */
	UI_OPEN_UNSAFE,		/* not url_scrub()bed: a space or control */
};

/* What the environment says, as read by ui_open_env(). */
struct ui_open_env {
	const char *browser;	/* $BROWSER, or NULL */
	bool display;		/* DISPLAY or WAYLAND_DISPLAY is set */
	bool ssh;		/* SSH_CONNECTION or SSH_TTY is set */
	bool have_xdg_open;	/* xdg-open is on PATH */
	bool have_sensible;	/* sensible-browser is on PATH */
};

/* Read the environment (and PATH for xdg-open and sensible-browser). */
void ui_open_env(struct ui_open_env *env);

/* True when url's scheme is http, https, ftp or mailto (any case). */
bool ui_open_allowed(const char *url);

/*
 * Decide what to do with url. *program is set to the commands to run for
 * the RUN actions, in $BROWSER's form (a pointer into env or a static
 * string).
 */
enum ui_open_action ui_open_decide(const char *url,
    const struct ui_open_env *env, const char **program);

/*
 * The commands of program (in $BROWSER's form) for url: a NULL-terminated
 * array of NULL-terminated argvs, in the order to try them; empty
 * commands are left out. Free with ui_open_commands_free().
 */
char ***ui_open_commands(const char *program, const char *url);
void ui_open_commands_free(char ***cmds);

/*
 * Run the first of program's commands that starts, with url. With wait,
 * the child has the terminal and this returns its exit status (the caller
 * has given the terminal up first); without, the child's standard streams
 * go to /dev/null and this returns 0 once it has started (reap it with
 * ui_open_reap()). Returns -1 when no command could be started.
 */
int ui_open_run(const char *program, const char *url, bool wait);

/* Collect detached children that have exited (non-blocking). */
void ui_open_reap(void);

#endif
