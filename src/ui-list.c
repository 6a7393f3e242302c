/*
 * ui-list: the article list. Until it is given a collection it shows that
 * there is nothing to list.
 */
#include "config.h"
#include "ui-list.h"

#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui-draw.h"
#include "ui-layout.h"
#include "ui-pane.h"
#include "ui-status.h"
#include "ui-theme.h"
#include "xmalloc.h"

struct list {
	struct ui_pane pane;	/* first: the layout sees this */
};

static void
list_draw(struct ui_pane *p, struct ui *ui)
{
	struct ui_look normal = ui_theme_look(ui->theme, CONF_STYLE_NORMAL);
	struct ui_look dim = ui_theme_look(ui->theme, CONF_STYLE_DIM);
	static const char empty[] = "No articles";

	werase(p->win);
	wmove(p->win, 0, 1);
	ui_draw_str(p->win, empty, p->w - 1, dim);
	(void)normal;
	if (p->focused)
		ui_status_set_position(ui->status, "");
}

static int
list_key(struct ui_pane *p, struct ui *ui, enum ui_cmd cmd, int count)
{
	(void)p;
	(void)count;
	if (cmd == UI_CMD_BACK) {
		ui_layout_focus(ui->layout, UI_PANE_TREE);
		return UI_HANDLED | UI_RELAYOUT;
	}
	return UI_UNHANDLED;
}

static void
list_resize(struct ui_pane *p, struct ui *ui)
{
	(void)p;
	(void)ui;
}

static void
list_free(struct ui_pane *p)
{
	free(p);
}

static const struct ui_pane_ops list_ops = {
	.name = "list",
	.draw = list_draw,
	.key = list_key,
	.resize = list_resize,
	.click = NULL,
	.free = list_free,
};

struct ui_pane *
ui_list_new(void)
{
	struct list *l = xcalloc(1, sizeof *l);

	l->pane.ops = &list_ops;
	return &l->pane;
}
