/* SPDX-License-Identifier: MIT */
/*
 * ui-pager: an overlay pane that shows lines of text and scrolls like
 * less: the help screen, and (with a selection) the numbered link list.
 *
 * Without a selection, down/up scroll the text. With one, down/up move a
 * highlighted row, and "open" and "copy" hand the row's index to the
 * owner's callback. "back" closes the pager.
 */
#ifndef NR_UI_PAGER_H
#define NR_UI_PAGER_H

#include <stdbool.h>
#include <stddef.h>

#include "ui-command.h"

struct strvec;
struct ui;
struct ui_pane;

/*
 * Called with the selected row's index and the command (UI_CMD_OPEN or
 * UI_CMD_COPY) when the user opens or copies it. Returns enum ui_result
 * flags (UI_CLOSE closes the pager).
 */
typedef int ui_pager_open_fn(void *ctx, struct ui *ui, size_t index,
    enum ui_cmd cmd);

/*
 * A pager over lines (taken: the strvec is left empty). title names it in
 * the title bar. With open set, rows are selectable. Give the pane to
 * ui_layout_set_overlay().
 */
struct ui_pane *ui_pager_new(const char *title, struct strvec *lines,
    ui_pager_open_fn *open, void *ctx);

/* Append the lines to show in a window width cells wide. */
typedef void ui_pager_fill_fn(void *ctx, int width, struct strvec *lines);

/*
 * A pager whose lines are made for its width, again at each resize (the
 * help, wrapped to the screen), by fill with ctx (kept).
 */
struct ui_pane *ui_pager_new_filled(const char *title, ui_pager_fill_fn *fill,
    void *ctx);

/* The pager's title. */
const char *ui_pager_title(const struct ui_pane *p);

#endif
