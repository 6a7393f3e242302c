/* SPDX-License-Identifier: MIT */
/*
 * ui: the screen manager and the event loop.
 *
 * One pass of the loop: wait in poll() for the terminal, a caught signal
 * or a wake-up from a background job; read every event that is waiting
 * and hand each to the prompt, the key tables or the mouse; then draw what
 * the handlers marked dirty (wnoutrefresh) and call doupdate() once. No
 * handler draws or refreshes; nothing calls clear() in the loop (Ctrl-L
 * asks curses to repaint through clearok()).
 */
#include "config.h"
#include "ui.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "collection.h"
#include "conf.h"
#include "quote.h"
#include "strvec.h"
#include "ui-categories.h"
#include "ui-clip.h"
#include "ui-keys.h"
#include "ui-layout.h"
#include "ui-list.h"
#include "ui-open.h"
#include "ui-pager.h"
#include "ui-pane.h"
#include "ui-prompt.h"
#include "ui-reader.h"
#include "ui-scan.h"
#include "ui-status.h"
#include "ui-term.h"
#include "ui-theme.h"
#include "url.h"
#include "xmalloc.h"

/* The loop's own state beside struct ui. */
struct loop {
	struct ui *ui;
	int count;		/* the count being typed, 0 when none */
	bool draw_all;		/* draw every pane and bar at the next update */
};

/* Lines the wheel scrolls per notch. */
#define WHEEL_LINES 3
/* While a scan runs: how often its progress is shown (ms), and how often
 * the lists follow what it has stored (s). */
#define SCAN_TICK_MS 200
#define SCAN_REFRESH_S 2.0
/* A scan's warnings shown one by one; the rest are counted. */
#define SCAN_WARNINGS_SHOWN 3

/* --- messages --- */

static void vpush(struct ui *ui, bool warning, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

static void
vpush(struct ui *ui, bool warning, const char *fmt, va_list ap)
{
	struct buf b = BUF_INIT;

	buf_vaddf(&b, fmt, ap);
	ui_status_push(ui->status, warning, b.buf);
	buf_release(&b);
}

void
ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpush(ui, false, fmt, ap);
	va_end(ap);
}

void
ui_warning(struct ui *ui, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vpush(ui, true, fmt, ap);
	va_end(ap);
}

void
ui_wake(struct ui *ui)
{
	char b = 1;

	/* Non-blocking: a full pipe already holds a wake-up. */
	if (ui->wake_pipe[1] >= 0)
		(void)!write(ui->wake_pipe[1], &b, 1);
}

/* Empty the wake-up pipe and run the wake handler; returns its flags. */
static int
handle_wake(struct ui *ui)
{
	char buf[256];
	int flags;

	while (read(ui->wake_pipe[0], buf, sizeof buf) > 0)
		;
	/* the reader's article, built on its own thread */
	flags = ui_reader_tick(ui->layout->panes[UI_PANE_READER], ui);
	return flags | (ui->on_wake ? ui->on_wake(ui->wake_ctx, ui) : 0);
}

int
ui_copy(struct ui *ui, const char *text)
{
	struct buf seq = BUF_INIT;

	if (!ui->osc52) {
		ui_warning(ui, "Copying is off (osc52: false in the config)");
	} else if (ui_clip_osc52(&seq, text, strlen(text)) < 0) {
		ui_warning(ui, "Too long to copy (%zu bytes; at most %u)",
		    strlen(text), UI_CLIP_MAX);
	} else {
		ui_term_queue(ui->term, seq.buf, seq.len);
		ui_message(ui, "Copied %s", text);
	}
	buf_release(&seq);
	return UI_HANDLED | UI_DIRTY_ALL;
}

/* The y/n answer to "copy this URL?"; ctx is the URL (owned). */
static int
copy_answer(void *ctx, struct ui *ui, const char *text)
{
	char *url = ctx;
	int flags = ui && text ? ui_copy(ui, url) : UI_DIRTY_ALL;

	free(url);
	return flags;
}

/* ui_open_url() with url scrubbed. */
static int
open_clean(struct ui *ui, const char *url)
{
	struct ui_open_env env;
	const char *prog;
	struct buf q = BUF_INIT;
	int st;

	ui_open_env(&env);
	switch (ui_open_decide(url, &env, &prog)) {
	case UI_OPEN_REFUSE:
		ui_warning(ui, "Not opened: only http, https, ftp and mailto links "
		    "are opened");
		return UI_DIRTY_ALL;
	case UI_OPEN_UNSAFE:
		ui_warning(ui, "Not opened: the URL holds a space or a control "
		    "character");
		return UI_DIRTY_ALL;
	case UI_OPEN_RUN_TERMINAL:
		/* The browser has the terminal, as the shell has after C-z;
		 * the screen is drawn again, whole, when it returns. */
		ui_term_suspend(ui->term);
		st = ui_open_run(prog, url, true);
		ui_term_resume(ui->term);
		ui->redraw_screen = true;
		if (st >= 0)
			return UI_DIRTY_ALL;
		ui_warning(ui, "Cannot run %s%s", prog, env.browser ?
		    " ($BROWSER)" : "");
		return UI_DIRTY_ALL;
	case UI_OPEN_RUN_DETACHED:
		if (ui_open_run(prog, url, false) == 0) {
			ui_message(ui, "Opening %s", url);
			return UI_DIRTY_ALL;
		}
		break;
	case UI_OPEN_SHOW:
		break;
	}
	if (!ui->osc52) {
		ui_message(ui, "%s", url);
		return UI_DIRTY_ALL;
	}
	buf_addf(&q, "%s  copy? (y/n)", url);
	ui_prompt_ask(ui->prompt, q.buf, copy_answer, xstrdup(url));
	buf_release(&q);
	return UI_DIRTY_ALL;
}

int
ui_open_url(struct ui *ui, const char *url)
{
	struct buf clean = BUF_INIT;
	int flags;

	/* A document's links are scrubbed already; this keeps the browser's
	 * argv and the clipboard one clean line whoever calls. */
	url_scrub(&clean, url, strlen(url));
	flags = open_clean(ui, clean.buf);
	buf_release(&clean);
	return flags;
}

int
ui_copy_path(struct ui *ui, const char *path)
{
	struct buf q = BUF_INIT;
	int flags;

	quote_add(&q, path, strlen(path));
	flags = ui_copy(ui, q.buf);
	buf_release(&q);
	return flags;
}

int
ui_copy_url(struct ui *ui, const char *url)
{
	struct buf clean = BUF_INIT;
	int flags;

	url_scrub(&clean, url, strlen(url));
	flags = ui_copy(ui, clean.buf);
	buf_release(&clean);
	return flags;
}

/* --- the collection and its scans --- */

int
ui_collection_changed(struct ui *ui)
{
	int flags = ui_categories_load(ui->layout->panes[UI_PANE_TREE], ui,
	    false);

	return flags | ui_list_reload(ui->layout->panes[UI_PANE_LIST], ui);
}

static void
wake_from_scan(void *ctx)
{
	ui_wake(ctx);
}

/* Start a scan; asked: the user pressed R (say when it ends). */
static int
start_scan(struct ui *ui, bool asked)
{
	struct error err = ERROR_INIT;

	ui->scan_pending = false;
	if (ui_refuse_write(ui))
		return UI_DIRTY_ALL;
	if (!ui->scan_fn) {
		ui_message(ui, "Nothing to rescan");
		return UI_DIRTY_ALL;
	}
	if (ui->scan) {
		ui_message(ui, "A scan is running already");
		return UI_DIRTY_ALL;
	}
	ui->scan = ui_scan_start(ui->scan_fn, ui->scan_ctx, wake_from_scan, ui,
	    &err);
	if (!ui->scan) {
		ui_warning(ui, "%s", err.msg);
		error_release(&err);
		return UI_DIRTY_ALL;
	}
	ui->scan_asked = asked;
	ui->scan_shown = 0;
	ui->scan_shown_warnings = ui->scan_unshown = 0;
	ui->scan_refreshed = date_monotonic();
	return UI_DIRTY_ALL;
}

bool
ui_refuse_write(struct ui *ui)
{
	if (!ui->read_only)
		return false;
	ui_message(ui, "The collection is read-only");
	return true;
}

int
ui_rescan(struct ui *ui)
{
	return start_scan(ui, true);
}

/*
 * Show a line report_format() made, without the program's name (the
 * screen is ours), as a warning.
 */
static void
push_report(struct ui *ui, const char *line)
{
	static const char prefix[] = "newsreader: ";

	if (strncmp(line, prefix, sizeof prefix - 1) == 0)
		line += sizeof prefix - 1;
	ui_status_push(ui->status, true, line);
}

/*
 * Show the scan's first few warnings (each stays until a key is pressed)
 * and count the rest, said once the scan ends.
 */
static void
scan_warnings(struct ui *ui)
{
	struct strvec w = STRVEC_INIT;

	ui->scan_unshown += ui_scan_take_warnings(ui->scan, &w);
	for (size_t i = 0; i < w.nr; i++) {
		if (ui->scan_shown_warnings < SCAN_WARNINGS_SHOWN) {
			push_report(ui, w.v[i]);
			ui->scan_shown_warnings++;
		} else {
			ui->scan_unshown++;
		}
	}
	strvec_clear(&w);
}

/* Follow a running scan: progress, warnings, refreshes, its end. */
static int
scan_tick(struct ui *ui)
{
	struct buf progress = BUF_INIT;
	struct scan_stats st;
	struct error err = ERROR_INIT;
	int flags = 0;

	if (!ui->scan)
		return 0;
	scan_warnings(ui);
	if (!ui_scan_done(ui->scan)) {
		size_t parsed = ui_scan_parsed(ui->scan);

		ui_scan_progress(ui->scan, &progress);
		ui_status_set_progress(ui->status, progress.buf);
		buf_release(&progress);
		if (parsed != ui->scan_shown &&
		    date_monotonic() - ui->scan_refreshed >= SCAN_REFRESH_S) {
			ui->scan_shown = parsed;
			ui->scan_refreshed = date_monotonic();
			flags |= ui_collection_changed(ui);
		}
		return flags;
	}
	if (ui->scan_unshown)
		ui_warning(ui, "and %zu more warnings about files (newsreader "
		    "--list --json shows each article's)", ui->scan_unshown);
	if (ui_scan_finish(ui->scan, &st, &err) < 0)
		ui_warning(ui, "The scan failed: %s", err.msg);
	else if (ui->scan_asked)
		ui_message(ui, "Scanned %zu files: %zu new or changed, %zu removed",
		    st.scanned, st.parsed, st.removed);
	error_release(&err);
	ui_scan_free(ui->scan);
	ui->scan = NULL;
	ui_status_set_progress(ui->status, "");
	return flags | UI_DIRTY_ALL | ui_collection_changed(ui);
}

/* The help's lines at a width (a ui_pager_fill_fn; ctx: the keys). */
static void
help_fill(void *ctx, int width, struct strvec *lines)
{
	struct ui *ui = ctx;

	ui_keys_help(ui->keys, &ui->help_conf, lines, width);
}

int
ui_show_help(struct ui *ui)
{
	ui_layout_set_overlay(ui->layout, ui_pager_new_filled("Help", help_fill,
	    ui));
	return UI_HANDLED | UI_RELAYOUT;
}

/* --- drawing --- */

static void
update(struct loop *lp)
{
	struct ui *ui = lp->ui;
	struct ui_layout *l = ui->layout;
	bool small = l->mode == UI_LAYOUT_TOO_SMALL;

	if (ui->redraw_screen) {
		clearok(curscr, TRUE);
		ui->redraw_screen = false;
		lp->draw_all = true;
	}
	ui_layout_draw(l, ui, lp->draw_all);
	if (!small && (lp->draw_all || ui->status->dirty || ui->prompt->active))
		ui_status_draw(ui->status, ui, ui->prompt->active);
	if (!small && ui->prompt->active) {
		ui_prompt_draw(ui->prompt, ui, ui->status->line_win,
		    ui->status->cols);
		curs_set(1);
	} else {
		curs_set(0);
	}
	/* The cursor is shown only at the prompt: elsewhere it is left where
	 * the last cell was written, not moved to a place nobody sees. */
	leaveok(newscr, !(!small && ui->prompt->active));
	ui_term_before_update(ui->term);
	doupdate();
	ui_term_flush(ui->term);
	lp->draw_all = false;
}

static void
relayout(struct loop *lp)
{
	struct ui *ui = lp->ui;
	int lines, cols;

	getmaxyx(stdscr, lines, cols);
	ui_layout_apply(ui->layout, ui, lines, cols);
	ui_status_place(ui->status, lines, cols,
	    ui->layout->mode == UI_LAYOUT_TOO_SMALL);
	lp->draw_all = true;
}

/* --- dispatch --- */

static int
run_command(struct ui *ui, struct ui_pane *pane, enum ui_cmd cmd, int count)
{
	const struct ui_command *c = ui_command_get(cmd);
	int flags;

	if (c->exec)
		return c->exec(ui, count);
	flags = pane->ops->key(pane, ui, cmd, count);
	if (flags == UI_UNHANDLED && cmd == UI_CMD_BACK &&
	    ui_layout_id(ui->layout, pane) == UI_PANE_TREE)
		return UI_QUIT;		/* q at the top level */
	if (flags == UI_UNHANDLED && pane == ui->layout->overlay &&
	    cmd != UI_CMD_NONE)
		return UI_HANDLED;	/* the overlay swallows the rest */
	return flags;
}

static void
set_pending(struct loop *lp)
{
	char num[24] = "";

	if (lp->count)
		snprintf(num, sizeof num, "%d", lp->count);
	ui_status_set_pending(lp->ui->status, num);
}

static int
handle_key(struct loop *lp, ui_key key)
{
	struct ui *ui = lp->ui;
	struct ui_pane *pane;
	enum ui_cmd cmd;
	int table, count, flags;

	ui_status_key(ui->status);
	if (ui->prompt->active)
		return ui_prompt_key(ui->prompt, ui, key);
	if (ui->layout->mode == UI_LAYOUT_TOO_SMALL)
		return key == 'Q' || key == UI_KEY_CTRL('c') ? UI_QUIT : 0;
	pane = ui_layout_focused(ui->layout);
	table = ui_keys_table(pane->ops->name);
	cmd = ui_keys_lookup(ui->keys, table, key);
	if (cmd == UI_CMD_NONE && key >= '0' && key <= '9' &&
	    (key != '0' || lp->count)) {
		if (lp->count < 100000)
			lp->count = lp->count * 10 + (int)(key - '0');
		set_pending(lp);
		return 0;
	}
	count = lp->count;
	lp->count = 0;
	set_pending(lp);
	if (cmd == UI_CMD_NONE) {
		struct buf name = BUF_INIT;

		if (key == 27)
			return 0;	/* a stray Esc cancels a count */
		ui_key_name(key, &name);
		ui_message(ui, "%s is not bound here; ? shows the keys", name.buf);
		buf_release(&name);
		return 0;
	}
	flags = run_command(ui, pane, cmd, count);
	if (flags & UI_DIRTY)
		ui_pane_touch(pane);
	if ((flags & UI_CLOSE) && pane == ui->layout->overlay) {
		ui_layout_set_overlay(ui->layout, NULL);
		flags |= UI_RELAYOUT;
	}
	return flags;
}

static int
handle_mouse(struct loop *lp, const struct ui_mouse *m)
{
	struct ui *ui = lp->ui;
	int y = m->y, x = m->x, flags = 0;
	struct ui_pane *pane;
	int id;

	ui_status_key(ui->status);
	if (ui->prompt->active)
		return 0;
	pane = ui_layout_pane_at(ui->layout, &y, &x);
	if (!pane)
		return 0;
	id = ui_layout_id(ui->layout, pane);
	if (m->what == UI_MOUSE_CLICK) {
		if (id >= 0 && !pane->focused) {
			ui_layout_focus(ui->layout, (enum ui_pane_id)id);
			flags |= UI_RELAYOUT;
		}
		if (pane->ops->click)
			flags |= pane->ops->click(pane, ui, y, x);
	} else {
		flags |= pane->ops->key(pane, ui, m->what == UI_MOUSE_WHEEL_UP ?
		    UI_CMD_UP : UI_CMD_DOWN, WHEEL_LINES);
	}
	if (flags & UI_DIRTY)
		ui_pane_touch(pane);
	return flags;
}

/* Read and handle everything waiting; returns the handlers' flags. */
static int
drain_input(struct loop *lp)
{
	int flags = 0;

	for (;;) {
		ui_key key;
		struct ui_mouse m;

		switch (ui_term_read(lp->ui->term, &key, &m)) {
		case UI_TERM_NONE:
			return flags;
		case UI_TERM_KEY:
			flags |= handle_key(lp, key);
			break;
		case UI_TERM_MOUSE:
			flags |= handle_mouse(lp, &m);
			break;
		case UI_TERM_RESIZE:
			flags |= UI_RELAYOUT;
			break;
		}
		if (flags & UI_QUIT)
			return flags;
		if (flags & UI_RELAYOUT) {
			relayout(lp);
			flags &= ~UI_RELAYOUT;
		}
	}
}

static void
run(struct loop *lp)
{
	struct ui *ui = lp->ui;

	for (;;) {
		struct pollfd fds[3] = {
			{ ui_term_fd(ui->term), POLLIN, 0 },
			{ ui_term_signal_fd(ui->term), POLLIN, 0 },
			{ ui->wake_pipe[0], POLLIN, 0 },
		};
		int flags = 0;

		update(lp);
		/* Scan after the first paint: the screen never waits for it. */
		if (ui->scan_pending)
			lp->draw_all |= start_scan(ui, false) != 0;
		if (poll(fds, 3, ui->scan ? SCAN_TICK_MS : -1) < 0 &&
		    errno != EINTR)
			return;
		if (ui_term_signal(ui->term))
			return;		/* SIGTERM, SIGHUP, SIGINT: leave in order */
		if (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL))
			return;		/* the terminal went away */
		if (fds[2].revents & POLLIN)
			flags |= handle_wake(ui);
		flags |= scan_tick(ui);
		flags |= drain_input(lp);
		if (flags & UI_RELAYOUT)
			relayout(lp);
		if (flags & UI_QUIT)
			return;
		if (flags & UI_DIRTY_ALL)
			lp->draw_all = true;
		ui_open_reap();
	}
}

/* --- start and end --- */

/* Append path with the home directory written ~, as the screen shows it. */
static void
shown_path(struct buf *out, const char *path)
{
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;

	if (hl > 1 && strncmp(path, home, hl) == 0 && path[hl] == '/')
		buf_addf(out, "~%s", path + hl);
	else
		buf_adds(out, path);
}

/*
 * A warning about a file, as the CLI would print it but without the
 * program's name (the screen is ours) and with the home directory as ~.
 */
static void
push_file_warning(struct ui *ui, const char *path, const struct warning *w)
{
	struct buf shown = BUF_INIT, b = BUF_INIT;

	shown_path(&shown, path);
	report_format_at(&b, shown.buf, w->line, w->col, w->msg);
	push_report(ui, b.buf);
	buf_release(&b);
	buf_release(&shown);
}

static void
startup_messages(struct ui *ui, const struct ui_options *o)
{
	if (ui->term->warning)
		ui_warning(ui, "%s", ui->term->warning);
	if (o->locale_fallback && (!o->lang || !*o->lang))
		ui_warning(ui, "LANG is not set; using C.UTF-8");
	else if (o->locale_fallback)
		ui_warning(ui, "LANG=%s is not a UTF-8 locale; using C.UTF-8",
		    o->lang);
	if (o->conf_warnings)
		for (size_t i = 0; i < o->conf_warnings->nr; i++)
			push_file_warning(ui, o->conf_path,
			    &o->conf_warnings->v[i]);
}

static bool
no_color_requested(void)
{
	const char *nc = getenv("NO_COLOR");
	return nc && *nc;
}

int
ui_main(const struct ui_options *o, struct error *err)
{
	struct ui_term term;
	struct ui_theme theme;
	struct ui_layout layout;
	struct ui_status status;
	struct ui_prompt prompt;
	struct buf conf_shown = BUF_INIT;
	struct ui ui = {
		.conf = o->conf, .term = &term, .theme = &theme,
		.layout = &layout, .status = &status, .prompt = &prompt,
		.osc52 = o->conf->osc52, .wake_pipe = { -1, -1 },
		.coll = o->coll, .base = o->base, .scan_fn = o->scan,
		.scan_ctx = o->scan_ctx, .scan_pending = o->scan_at_start &&
		    o->scan && !o->read_only, .read_only = o->read_only,
	};
	int flags;
	struct loop lp = { &ui, 0, true };

	if (ui_term_open(&term, o->conf->mouse && !o->no_mouse,
	    o->conf->margins, err) < 0)
		return -1;
	if (pipe2(ui.wake_pipe, O_CLOEXEC | O_NONBLOCK) < 0) {
		error_set(err, "cannot make a pipe: %s", strerror(errno));
		ui_term_close(&term);
		return -1;
	}
	/* The caller has checked the bindings, and o->conf_warnings says
	 * what is wrong with them. */
	ui.keys = ui_keys_new(o->conf, NULL, NULL);
	if (o->conf_path)
		shown_path(&conf_shown, o->conf_path);
	ui.help_conf.path = o->conf_path ? conf_shown.buf : NULL;
	ui.help_conf.found = o->conf_found;
	ui.help_conf.warnings = o->conf_warnings;
	ui_theme_init(&theme, o->conf, !no_color_requested());
	ui_status_init(&status);
	if (o->read_only)
		ui_status_set_mode(&status, "read-only");
	ui_prompt_init(&prompt);
	ui_layout_init(&layout, ui_categories_new(), ui_list_new(),
	    ui_reader_new());
	startup_messages(&ui, o);
	relayout(&lp);
	flags = ui_categories_load(layout.panes[UI_PANE_TREE], &ui, false);
	if (o->start)
		flags |= ui_categories_start(layout.panes[UI_PANE_TREE], &ui,
		    o->start);
	if (flags & UI_RELAYOUT)
		relayout(&lp);
	run(&lp);
	ui_scan_free(ui.scan);
	ui_prompt_release(&prompt);	/* before the panes its callback may use */
	ui_layout_release(&layout);
	ui_status_release(&status);
	ui_keys_free(ui.keys);
	buf_release(&conf_shown);
	ui_term_close(&term);
	close(ui.wake_pipe[0]);
	close(ui.wake_pipe[1]);
	return 0;
}
