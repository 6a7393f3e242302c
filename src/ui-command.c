/* SPDX-License-Identifier: MIT */
/*
 * ui-command: the table of commands and the program-level ones' code.
 *
 * The order of ui_commands[] is the order of the help screen.
 */
#include "config.h"
#include "ui-command.h"

#include <signal.h>
#include <string.h>

#include "ui.h"
#include "ui-layout.h"
#include "ui-pane.h"
#include "ui-term.h"

static int
cmd_next_pane(struct ui *ui, int count)
{
	for (int i = 0; i < UI_COUNT(count); i++)
		ui_layout_focus_next(ui->layout, 1);
	return UI_RELAYOUT;
}

static int
cmd_previous_pane(struct ui *ui, int count)
{
	for (int i = 0; i < UI_COUNT(count); i++)
		ui_layout_focus_next(ui->layout, -1);
	return UI_RELAYOUT;
}

static int
cmd_rescan(struct ui *ui, int count)
{
	(void)count;
	return ui_rescan(ui);
}

static int
cmd_redraw(struct ui *ui, int count)
{
	(void)count;
	ui->redraw_screen = true;
	return UI_DIRTY_ALL;
}

static int
cmd_help(struct ui *ui, int count)
{
	(void)count;
	return ui_show_help(ui);
}

static int
cmd_zoom(struct ui *ui, int count)
{
	(void)count;
	ui_layout_toggle_zoom(ui->layout);
	return UI_RELAYOUT;
}

static int
cmd_suspend(struct ui *ui, int count)
{
	(void)count;
	/* curses stops the process in order and repaints on SIGCONT; the
	 * shell gets the whole screen back first, and no margins' mode. */
	ui_term_give_back(ui->term);
	raise(SIGTSTP);
	ui_term_take_back(ui->term);
	ui->redraw_screen = true;
	return UI_DIRTY_ALL;
}

static int
cmd_quit(struct ui *ui, int count)
{
	(void)ui;
	(void)count;
	return UI_QUIT;
}

static const struct ui_command ui_commands[UI_CMD_COUNT] = {
	[UI_CMD_NONE] = { "none", "do nothing (unbinds a key)", NULL },
	[UI_CMD_DOWN] = { "down", "move down a line", NULL },
	[UI_CMD_UP] = { "up", "move up a line", NULL },
	[UI_CMD_PAGE_DOWN] = { "page-down", "move down a page", NULL },
	[UI_CMD_PAGE_UP] = { "page-up", "move up a page", NULL },
	[UI_CMD_HALF_PAGE_DOWN] = { "half-page-down", "move down half a page", NULL },
	[UI_CMD_HALF_PAGE_UP] = { "half-page-up", "move up half a page", NULL },
	[UI_CMD_TOP] = { "top", "go to the top", NULL },
	[UI_CMD_BOTTOM] = { "bottom", "go to the bottom", NULL },
	[UI_CMD_OPEN] = { "open", "open the selection", NULL },
	[UI_CMD_BACK] = { "back", "back out (quits at the top level)", NULL },
	[UI_CMD_TOGGLE_FOLD] = { "toggle-fold", "fold or unfold a category", NULL },
	[UI_CMD_NEXT_PANE] = { "next-pane", "focus the next pane", cmd_next_pane },
	[UI_CMD_PREVIOUS_PANE] = { "previous-pane", "focus the previous pane",
		cmd_previous_pane },
	[UI_CMD_NEXT_ARTICLE] = { "next-article", "read the next article", NULL },
	[UI_CMD_PREVIOUS_ARTICLE] = { "previous-article",
		"read the previous article", NULL },
	[UI_CMD_NEXT_UNREAD] = { "next-unread",
		"next unread article (next match while searching)", NULL },
	[UI_CMD_PREVIOUS_UNREAD] = { "previous-unread",
		"previous unread article (previous match while searching)", NULL },
	[UI_CMD_TOGGLE_READ] = { "toggle-read", "mark read or unread", NULL },
	[UI_CMD_MARK_ALL_READ] = { "mark-all-read",
		"mark the whole category read (asks first)", NULL },
	[UI_CMD_TOGGLE_STAR] = { "toggle-star", "star or unstar", NULL },
	[UI_CMD_UNREAD_ONLY] = { "unread-only", "show unread articles only, or all",
		NULL },
	[UI_CMD_SEARCH] = { "search",
		"search the collection (in the reader: the article)", NULL },
	[UI_CMD_OPEN_LINK] = { "open-link",
		"open link N (3o), or list the links", NULL },
	[UI_CMD_COPY] = { "copy", "copy the link or the article's path", NULL },
	[UI_CMD_RESCAN] = { "rescan", "look for new and changed files",
		cmd_rescan },
	[UI_CMD_REDRAW] = { "redraw", "draw the whole screen again", cmd_redraw },
	[UI_CMD_HELP] = { "help", "show this help", cmd_help },
	[UI_CMD_ZOOM] = { "zoom", "let the pane fill the screen, or not", cmd_zoom },
	[UI_CMD_SUSPEND] = { "suspend", "stop newsreader and go back to the shell",
		cmd_suspend },
	[UI_CMD_QUIT] = { "quit", "quit from anywhere", cmd_quit },
};

const struct ui_command *
ui_command_get(enum ui_cmd cmd)
{
	return &ui_commands[cmd];
}

enum ui_cmd
ui_command_find(const char *name)
{
	for (int i = 1; i < UI_CMD_COUNT; i++)
		if (strcmp(ui_commands[i].name, name) == 0)
			return (enum ui_cmd)i;
	return UI_CMD_NONE;
}
