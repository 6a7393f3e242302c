/* SPDX-License-Identifier: MIT */
/*
 * ui-command: every user action, by name.
 *
 * A command is one row of ui_commands[]: its name (what key tables and the
 * config file bind to), a line of help, and, for the commands that belong
 * to the program rather than to a pane (quit, help, redraw, next-pane...),
 * the function that runs it. A command without a function goes to the
 * focused pane's key handler, which decides what it means there: "down"
 * moves the selection in a list and scrolls the text in the reader.
 */
#ifndef NR_UI_COMMAND_H
#define NR_UI_COMMAND_H

struct ui;

enum ui_cmd {
	UI_CMD_NONE,
	UI_CMD_DOWN,
	UI_CMD_UP,
	UI_CMD_PAGE_DOWN,
	UI_CMD_PAGE_UP,
	UI_CMD_HALF_PAGE_DOWN,
	UI_CMD_HALF_PAGE_UP,
	UI_CMD_TOP,
	UI_CMD_BOTTOM,
	UI_CMD_OPEN,
	UI_CMD_BACK,
	UI_CMD_TOGGLE_FOLD,
	UI_CMD_NEXT_PANE,
	UI_CMD_PREVIOUS_PANE,
	UI_CMD_NEXT_ARTICLE,
	UI_CMD_PREVIOUS_ARTICLE,
	UI_CMD_NEXT_UNREAD,
	UI_CMD_PREVIOUS_UNREAD,
	UI_CMD_TOGGLE_READ,
	UI_CMD_MARK_ALL_READ,
	UI_CMD_TOGGLE_STAR,
	UI_CMD_UNREAD_ONLY,
	UI_CMD_SEARCH,
	UI_CMD_OPEN_LINK,
	UI_CMD_COPY,
	UI_CMD_RESCAN,
	UI_CMD_REDRAW,
	UI_CMD_HELP,
	UI_CMD_ZOOM,
	UI_CMD_SUSPEND,
	UI_CMD_QUIT,
	UI_CMD_COUNT
};

/*
 * Runs a program-level command with its count (1 when none was typed).
 * Returns enum ui_result flags (ui-pane.h).
 */
typedef int ui_command_fn(struct ui *ui, int count);

struct ui_command {
	const char *name;	/* "next-unread": lowercase words and hyphens */
	const char *help;	/* one line for the help screen */
	ui_command_fn *exec;	/* NULL: the focused pane handles it */
};

/* The command's row; cmd must be below UI_CMD_COUNT. */
const struct ui_command *ui_command_get(enum ui_cmd cmd);

/* The command called name, or UI_CMD_NONE. */
enum ui_cmd ui_command_find(const char *name);

#endif
