/* SPDX-License-Identifier: MIT */
/*
 * ui-draw: putting text into curses windows, one cell at a time.
 *
 * All text reaches the screen through here. Each grapheme's base character
 * and the zero-width characters after it (combining marks, variation
 * selectors, ZWJ) become one cchar_t, built with setcchar() and written
 * with wadd_wch(); waddwstr() would split a wide character from its marks.
 * Control characters never reach the terminal: text that holds any is
 * scrubbed first (utf8_scrub: whole escape sequences go, not only their
 * ESC, so "\033[31mtitle" draws as "title"), tabs and newlines become
 * spaces. Characters
 * the C library cannot measure are drawn as U+FFFD.
 */
#ifndef NR_UI_DRAW_H
#define NR_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <curses.h>

/* A look: curses attributes plus a colour pair. */
struct ui_look {
	attr_t attr;
	short pair;
};

/*
 * Draw s (len bytes of UTF-8) at the cursor of w, at most maxw cells.
 * A wide character that does not fit is left out. With ellipsis, text that
 * does not fit ends in "…" within maxw. Returns the cells drawn.
 */
int ui_draw_text(WINDOW *w, const char *s, size_t len, int maxw,
    struct ui_look look, bool ellipsis);
/* Same, for a NUL-terminated string. */
int ui_draw_str(WINDOW *w, const char *s, int maxw, struct ui_look look);

/*
 * Draw one cell that a layout made: the UTF-8 cluster s (len bytes, a base
 * and its zero-width marks), which occupies width (1 or 2) cells.
 */
void ui_draw_cluster(WINDOW *w, const char *s, size_t len, int width,
    struct ui_look look);

/* Write n blank cells in look at the cursor. */
void ui_draw_fill(WINDOW *w, int n, struct ui_look look);

/* The cells s (len bytes) would take, measured as ui_draw_text() draws. */
int ui_text_width(const char *s, size_t len);

#endif
