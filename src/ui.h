/* SPDX-License-Identifier: MIT */
/*
 * ui: the full-screen interface. ui_main() takes the terminal, runs the
 * event loop until the user quits (or a signal asks it to), and gives the
 * terminal back.
 *
 * This header is also what the ui-* family shares: struct ui ties the
 * screen's parts together and is handed to every pane. It names curses
 * things only through pointers, so cli.c can include it without curses.
 */
#ifndef NR_UI_H
#define NR_UI_H

#include <stdarg.h>
#include <stdbool.h>

#include "report.h"
#include "ui-keys.h"
#include "ui-scan.h"
#include "ui-view.h"

struct collection;
struct conf;
struct ui_layout;
struct ui_prompt;
struct ui_status;
struct ui_term;
struct ui_theme;

/* --- the entry point --- */

struct ui_options {
	const struct conf *conf;	/* the settings; not NULL */
	const char *conf_path;		/* the file they came from, for messages */
	bool conf_found;		/* conf_path exists (else: defaults) */
	/* About conf_path, keys included; may be NULL. Shown in the status
	 * line, and in full on the help screen. */
	const struct warnings *conf_warnings;
	bool no_mouse;			/* --no-mouse */
	bool locale_fallback;		/* main() switched LC_CTYPE to C.UTF-8 */
	const char *lang;		/* the user's LANG, or NULL */
	struct collection *coll;	/* the UI thread's connection; borrowed */
	struct ui_view_base base;	/* order and scope of every view */
	/* What the command line asked to see first (--category, --search,
	 * --tag, --author, --unread, --starred); strings borrowed. */
	const struct collection_view *start;
	ui_scan_fn *scan;		/* the rescan (R); NULL: none */
	void *scan_ctx;
	bool scan_at_start;		/* rescan once the screen is drawn */
	bool read_only;			/* the collection cannot be written */
};

/*
 * Run the interface. Returns 0 when the user quit (or SIGTERM/SIGHUP/
 * SIGINT ended it in order), or -1 with err set when it could not start:
 * stdout is not a terminal, TERM=dumb, no usable terminal description.
 */
int ui_main(const struct ui_options *opts, struct error *err);

/* --- shared by the ui-* family --- */

struct ui {
	const struct conf *conf;
	struct ui_term *term;
	struct ui_theme *theme;
	struct ui_keys *keys;
	struct ui_keys_help_conf help_conf; /* what ? says of the config file */
	struct ui_layout *layout;
	struct ui_status *status;
	struct ui_prompt *prompt;
	bool osc52;			/* copying with OSC 52 is allowed */
	bool redraw_screen;		/* clear and repaint at the next update */
	int wake_pipe[2];		/* ui_wake() writes, the loop reads */
	int (*on_wake)(void *ctx, struct ui *ui); /* run after a wake-up */
	void *wake_ctx;
	/* The collection. */
	struct collection *coll;	/* borrowed from the caller */
	struct ui_view_base base;
	ui_scan_fn *scan_fn;		/* NULL: rescans are not possible */
	void *scan_ctx;
	struct ui_scan *scan;		/* the running scan, or NULL */
	size_t scan_shown;		/* articles parsed at the last refresh */
	double scan_refreshed;		/* when the screen last followed it, s */
	bool scan_asked;		/* the user asked for it (R): report the end */
	size_t scan_shown_warnings;	/* its warnings shown so far */
	size_t scan_unshown;		/* and those only counted */
	bool scan_pending;		/* one starts once the screen is drawn */
	/* The collection cannot be written: no scan, no state changes
	 * (the status line says so; asking for one is answered). */
	bool read_only;
};

/*
 * Wake the event loop from another thread (a background scan): safe to
 * call from any thread, and cheap; wake-ups that come faster than the
 * loop runs are merged. The loop then calls ui->on_wake on its own thread,
 * which returns flags like a handler.
 */
void ui_wake(struct ui *ui);

/*
 * Start a rescan in the background, unless one is running or rescans are
 * not possible (says so). Returns flags.
 */
int ui_rescan(struct ui *ui);

/*
 * The collection changed (a state change, a scan): reload the tree's
 * counts and the list, keeping the selections. Returns flags.
 */
int ui_collection_changed(struct ui *ui);

/* Open the help screen (generated from the key tables); returns flags. */
int ui_show_help(struct ui *ui);

/*
 * When the collection is read-only, say so in the status line and return
 * true (a command that would change it stops there); else false.
 */
bool ui_refuse_write(struct ui *ui);

/* Show a message, or a warning, in the status line until the next key. */
void ui_message(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ui_warning(struct ui *ui, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/*
 * Open url as ui-open decides: in $BROWSER (the terminal is handed over
 * while it runs), with xdg-open (detached), or, over SSH and when there
 * is no browser, by showing the URL and asking whether to copy it. The
 * URL is put through url_scrub() first (see url.h). A URL whose scheme is
 * not allowed is refused with a message. Returns flags.
 */
int ui_open_url(struct ui *ui, const char *url);

/*
 * Copy text to the clipboard with OSC 52, written after the next screen
 * update, and say so; or say why not (off in the config, too long).
 * Returns flags.
 */
int ui_copy(struct ui *ui, const char *text);
/*
 * ui_copy() of path quoted as --list prints it, when it must be (see
 * quote.h): one line, which --dump takes back.
 */
int ui_copy_path(struct ui *ui, const char *path);
/* ui_copy() of url put through url_scrub(). */
int ui_copy_url(struct ui *ui, const char *url);

#endif
