/*
 * ui-reader: the reading pane. Until an article is opened it shows that
 * there is nothing to read.
 */
#include "config.h"
#include "ui-reader.h"

#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui-draw.h"
#include "ui-layout.h"
#include "ui-pane.h"
#include "ui-status.h"
#include "ui-theme.h"
#include "xmalloc.h"

struct reader {
	struct ui_pane pane;	/* first: the layout sees this */
};

static void
reader_draw(struct ui_pane *p, struct ui *ui)
{
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);
	struct ui_look dim = ui_theme_look(ui->theme, CONF_STYLE_DIM);
	static const char empty[] = "No article open";

	werase(p->win);
	wmove(p->win, 0, 1);
	ui_draw_str(p->win, empty, p->w - 1, dim);
	(void)normal;
	if (p->focused)
		ui_status_set_position(ui->status, "");
}

static int
reader_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	(void)p;
	(void)count;
	if (cmd == UI_CMD_BACK) {
		ui_layout_focus(ui->layout, UI_PANE_LIST);
		return UI_HANDLED | UI_RELAYOUT;
	}
	return UI_UNHANDLED;
}

static void
reader_resize(struct ui_pane *p, struct ui *ui)
{
	(void)p;
	(void)ui;
}

static void
reader_free(struct ui_pane *p)
{
	free(p);
}

static const struct ui_pane_ops reader_ops = {
	.name = "reader",
	.draw = reader_draw,
	.key = reader_key,
	.resize = reader_resize,
	.click = NULL,
	.free = reader_free,
};

struct ui_pane *
ui_reader_new(void)
{
	struct reader *l = xcalloc(1, sizeof *l);

	l->pane.ops = &reader_ops;
	return &l->pane;
}
