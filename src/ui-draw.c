/* SPDX-License-Identifier: MIT */
/*
 * ui-draw: text into cells. A cluster is gathered into a wchar_t array
 * (base first, then up to CCHARW_MAX - 2 marks; more marks than a cell
 * can hold are dropped), then setcchar() + wadd_wch() write it.
 */
#include "config.h"
#include "ui-draw.h"

#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "utf8.h"

/* One grapheme-ish unit: a base and its zero-width followers. */
struct cluster {
	wchar_t wc[CCHARW_MAX];	/* NUL-terminated */
	int n;			/* characters in wc */
	int width;		/* cells: 1 or 2 (0: nothing to draw) */
	size_t bytes;		/* consumed from the input */
};

/*
 * Read the next cluster from s. Control characters are skipped (they
 * count as consumed bytes but give width 0 and n 0).
 */
static void
next_cluster(const char *s, size_t len, struct cluster *c)
{
	uint32_t cp;
	int n = utf8_decode(s, len, &cp);
	int w;

	c->n = 0;
	c->width = 0;
	c->bytes = n < 0 ? 1 : (size_t)n;
	if (utf8_is_control(cp) || utf8_is_bidi_control(cp))
		return;
	w = wcwidth((wchar_t)cp);
	if (w <= 0) {
		/* A lone mark or an unprintable character: show U+FFFD. */
		cp = UTF8_REPLACEMENT;
		w = 1;
	}
	c->wc[c->n++] = (wchar_t)cp;
	c->width = w;
	while (c->bytes < len) {
		int m = utf8_decode(s + c->bytes, len - c->bytes, &cp);

		if (m < 0 || utf8_is_control(cp) || wcwidth((wchar_t)cp) != 0)
			break;
		if (utf8_is_bidi_control(cp)) {
			c->bytes += (size_t)m;
			continue;
		}
		if (c->n < CCHARW_MAX - 1)
			c->wc[c->n++] = (wchar_t)cp;
		c->bytes += (size_t)m;
	}
	c->wc[c->n] = 0;
}

static void
put_cluster(WINDOW *w, const wchar_t *wc, struct ui_look look)
{
	cchar_t cc;

	if (setcchar(&cc, wc, look.attr, look.pair, NULL) == OK)
		wadd_wch(w, &cc);
}

/*
 * Untrusted text may hold whole escape sequences: the scrubber removes
 * them (not only their ESC) before anything is measured or drawn.
 */
static bool
scrub_if_needed(const char **s, size_t *len, struct buf *tmp)
{
	if (!utf8_scrub_needed(*s, *len))
		return false;
	utf8_scrub(tmp, *s, *len, UTF8_SCRUB_ONELINE);
	*s = tmp->buf;
	*len = tmp->len;
	return true;
}

int
ui_draw_text(WINDOW *w, const char *s, size_t len, int maxw,
    struct ui_look look, bool ellipsis)
{
	static const wchar_t dots[] = { 0x2026, 0 };
	struct buf tmp = BUF_INIT;
	int used = 0;

	if (scrub_if_needed(&s, &len, &tmp)) {
		used = ui_draw_text(w, s, len, maxw, look, ellipsis);
		buf_release(&tmp);
		return used;
	}
	if (ellipsis && ui_text_width(s, len) > maxw) {
		if (maxw <= 0)
			return 0;
		used = ui_draw_text(w, s, len, maxw - 1, look, false);
		put_cluster(w, dots, look);
		return used + 1;
	}
	while (len > 0) {
		struct cluster c;

		next_cluster(s, len, &c);
		s += c.bytes;
		len -= c.bytes;
		if (!c.n)
			continue;
		if (used + c.width > maxw)
			break;
		put_cluster(w, c.wc, look);
		used += c.width;
	}
	return used;
}

int
ui_draw_str(WINDOW *w, const char *s, int maxw, struct ui_look look)
{
	return ui_draw_text(w, s, strlen(s), maxw, look, false);
}

void
ui_draw_cluster(WINDOW *w, const char *s, size_t len, int width,
    struct ui_look look)
{
	struct cluster c;

	next_cluster(s, len, &c);
	if (!c.n || c.width != width) {
		/* Not what the layout measured: keep the columns right. */
		ui_draw_fill(w, width, look);
		return;
	}
	put_cluster(w, c.wc, look);
}

void
ui_draw_fill(WINDOW *w, int n, struct ui_look look)
{
	static const wchar_t space[] = { L' ', 0 };
	cchar_t cc;

	if (n <= 0 || setcchar(&cc, space, look.attr, look.pair, NULL) != OK)
		return;
	for (int i = 0; i < n; i++)
		wadd_wch(w, &cc);
}

int
ui_text_width(const char *s, size_t len)
{
	struct buf tmp = BUF_INIT;
	int width = 0;

	if (scrub_if_needed(&s, &len, &tmp)) {
		width = ui_text_width(s, len);
		buf_release(&tmp);
		return width;
	}
	while (len > 0) {
		struct cluster c;

		next_cluster(s, len, &c);
		s += c.bytes;
		len -= c.bytes;
		width += c.width;
	}
	return width;
}
