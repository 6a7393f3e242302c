/*
 * ui-open: opening a link in a browser, safely.
 *
 * Only http, https, ftp and mailto URLs are opened, and only clean ones
 * (see url.h): the caller puts a URL through url_scrub() first. The browser is
 * $BROWSER (a single program name, as newsboat and others take it) or
 * else xdg-open, run with fork/execvp and the URL as its one argument:
 * never through a shell. Over SSH (SSH_CONNECTION set, or no DISPLAY nor
 * WAYLAND_DISPLAY) or when no browser can be found, nothing is run: the
 * caller shows the URL and offers to copy it.
 *
 * The decision is a pure function of the URL and the environment, so it
 * is tested without running anything.
 */
#ifndef NR_UI_OPEN_H
#define NR_UI_OPEN_H

#include <stdbool.h>
#include <sys/types.h>

enum ui_open_action {
	UI_OPEN_RUN_TERMINAL,	/* run $BROWSER in the terminal, and wait */
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
};

/* Read the environment (and PATH for xdg-open). */
void ui_open_env(struct ui_open_env *env);

/* True when url's scheme is http, https, ftp or mailto (any case). */
bool ui_open_allowed(const char *url);

/*
 * Decide what to do with url. *program is set to the program to run for
 * the RUN actions (a pointer into env or a static string).
 */
enum ui_open_action ui_open_decide(const char *url,
    const struct ui_open_env *env, const char **program);

/*
 * Run program with url as its only argument. With wait, the child has
 * the terminal and this returns its exit status (the caller has given the
 * terminal up first); without, the child's standard streams go to
 * /dev/null and this returns 0 at once (reap it with ui_open_reap()).
 * Returns -1 when it could not be started.
 */
int ui_open_run(const char *program, const char *url, bool wait);

/* Collect detached children that have exited (non-blocking). */
void ui_open_reap(void);

#endif
