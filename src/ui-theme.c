/* SPDX-License-Identifier: MIT */
/*
 * ui-theme: styles -> attributes and colour pairs.
 */
#include "config.h"
#include "ui-theme.h"

#include <curses.h>

static attr_t
attrs_of(unsigned a)
{
	static const struct { unsigned conf; attr_t curses; } map[] = {
		{ CONF_ATTR_BOLD, A_BOLD },
		{ CONF_ATTR_DIM, A_DIM },
		{ CONF_ATTR_UNDERLINE, A_UNDERLINE },
		{ CONF_ATTR_REVERSE, A_REVERSE },
		{ CONF_ATTR_ITALIC, A_ITALIC },
	};
	attr_t out = A_NORMAL;

	for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
		if (a & map[i].conf)
			out |= map[i].curses;
	return out;
}

/* A colour the terminal can show: bright colours fold onto the eight. */
static int
fit_color(int c)
{
	if (c < 0 || c < COLORS)
		return c;
	return c < 16 ? c - 8 : CONF_COLOR_DEFAULT;
}

void
ui_theme_init(struct ui_theme *t, const struct conf *c, bool want_color)
{
	t->color = want_color && has_colors() && start_color() == OK;
	if (t->color && use_default_colors() != OK)
		t->color = false;	/* pairs with -1 would be wrong */
	for (int i = 0; i < CONF_STYLE_COUNT; i++) {
		const struct conf_style *st = &c->styles[i];

		t->look[i].pair = 0;
		if (!t->color) {
			t->look[i].attr = attrs_of(st->mono);
			continue;
		}
		t->look[i].attr = attrs_of(st->attrs);
		if (st->fg != CONF_COLOR_DEFAULT || st->bg != CONF_COLOR_DEFAULT) {
			short pair = (short)(i + 1);

			if (init_pair(pair, (short)fit_color(st->fg),
			    (short)fit_color(st->bg)) == OK)
				t->look[i].pair = pair;
		}
	}
}
