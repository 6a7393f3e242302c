/* SPDX-License-Identifier: MIT */
/*
 * ui-theme: the configured styles as curses looks.
 *
 * With colour, each style gets a colour pair (pair number = style + 1)
 * over the terminal's default colours (use_default_colors), plus its
 * attributes. Without colour (NO_COLOR set, or a terminal that has none)
 * each style falls back to its mono attributes: bold and reverse only.
 */
#ifndef NR_UI_THEME_H
#define NR_UI_THEME_H

#include <stdbool.h>

#include "conf.h"
#include "ui-draw.h"

struct ui_theme {
	struct ui_look look[CONF_STYLE_COUNT];
	bool color;		/* colour pairs are in use */
};

/*
 * Set up the looks from c. want_color is false when NO_COLOR asks for
 * none; colour is then used only if the terminal has it too. Call after
 * the screen is initialised.
 */
void ui_theme_init(struct ui_theme *t, const struct conf *c, bool want_color);

static inline struct ui_look
ui_theme_look(const struct ui_theme *t, enum conf_style_id id)
{
	return t->look[id];
}

#endif
