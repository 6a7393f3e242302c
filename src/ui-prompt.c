/* SPDX-License-Identifier: MIT */
/*
 * ui-prompt: editing a line of code points.
 *
 * Invariant: text[0..len) holds no control characters; cursor and scroll
 * are at cluster starts (never on a zero-width character that follows a
 * base), so the cursor never splits a character from its marks.
 */
#include "config.h"
#include "ui-prompt.h"

#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "ui.h"
#include "ui-draw.h"
#include "ui-pane.h"
#include "ui-theme.h"
#include "utf8.h"
#include "xmalloc.h"

#define HISTORY_MAX 100

void
ui_prompt_init(struct ui_prompt *p)
{
	memset(p, 0, sizeof *p);
	strvec_init(&p->history);
}

void
ui_prompt_release(struct ui_prompt *p)
{
	if (p->active && p->done)
		p->done(p->ctx, NULL, NULL);	/* ended unanswered */
	free(p->label);
	free(p->text);
	free(p->draft);
	strvec_clear(&p->history);
	memset(p, 0, sizeof *p);
}

static int
cp_width(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

static bool
is_mark(const struct ui_prompt *p, size_t i)
{
	return i > 0 && i < p->len && wcwidth((wchar_t)p->text[i]) == 0;
}

static size_t
next_stop(const struct ui_prompt *p, size_t i)
{
	if (i < p->len)
		i++;
	while (is_mark(p, i))
		i++;
	return i;
}

static size_t
prev_stop(const struct ui_prompt *p, size_t i)
{
	if (i > 0)
		i--;
	while (is_mark(p, i))
		i--;
	return i;
}

static void
set_text(struct ui_prompt *p, const char *s)
{
	size_t len = strlen(s);

	p->len = 0;
	while (len) {
		uint32_t cp;
		int n = utf8_decode(s, len, &cp);

		if (n < 0)
			n = 1;
		if (!utf8_is_control(cp)) {
			ALLOC_GROW(p->text, p->len + 1, p->alloc);
			p->text[p->len++] = cp;
		}
		s += n;
		len -= (size_t)n;
	}
	p->cursor = p->len;
	p->scroll = 0;
}

char *
ui_prompt_text(const struct ui_prompt *p)
{
	struct buf b = BUF_INIT;

	for (size_t i = 0; i < p->len; i++)
		utf8_add(&b, p->text[i]);
	return buf_detach(&b, NULL);
}

static void
begin(struct ui_prompt *p, const char *label, bool question,
    ui_prompt_done_fn *done, void *ctx)
{
	free(p->label);
	p->label = xstrdup(label);
	p->active = true;
	p->question = question;
	p->len = p->cursor = p->scroll = 0;
	p->hist_at = p->history.nr;
	free(p->draft);
	p->draft = NULL;
	p->done = done;
	p->ctx = ctx;
}

void
ui_prompt_start(struct ui_prompt *p, const char *label, ui_prompt_done_fn *done,
    void *ctx)
{
	begin(p, label, false, done, ctx);
}

void
ui_prompt_ask(struct ui_prompt *p, const char *question, ui_prompt_done_fn *done,
    void *ctx)
{
	begin(p, question, true, done, ctx);
}

static void
delete_range(struct ui_prompt *p, size_t from, size_t to)
{
	memmove(p->text + from, p->text + to, (p->len - to) * sizeof p->text[0]);
	p->len -= to - from;
	p->cursor = from;
	if (p->scroll > p->cursor)
		p->scroll = p->cursor;
}

static void
insert(struct ui_prompt *p, uint32_t cp)
{
	ALLOC_GROW(p->text, p->len + 1, p->alloc);
	memmove(p->text + p->cursor + 1, p->text + p->cursor,
	    (p->len - p->cursor) * sizeof p->text[0]);
	p->text[p->cursor] = cp;
	p->len++;
	p->cursor = next_stop(p, p->cursor);
}

static void
remember(struct ui_prompt *p, const char *line)
{
	if (!*line)
		return;
	for (size_t i = 0; i < p->history.nr; i++) {
		if (strcmp(p->history.v[i], line) != 0)
			continue;
		/* Move a repeated line to the end. */
		free(p->history.v[i]);
		memmove(p->history.v + i, p->history.v + i + 1,
		    (p->history.nr - i) * sizeof p->history.v[0]);
		p->history.nr--;
		break;
	}
	if (p->history.nr == HISTORY_MAX) {
		free(p->history.v[0]);
		memmove(p->history.v, p->history.v + 1,
		    p->history.nr * sizeof p->history.v[0]);
		p->history.nr--;
	}
	strvec_push(&p->history, line);
}

static void
browse(struct ui_prompt *p, int dir)
{
	size_t to;

	if (dir < 0 && p->hist_at == 0)
		return;
	if (dir > 0 && p->hist_at >= p->history.nr)
		return;
	to = dir < 0 ? p->hist_at - 1 : p->hist_at + 1;
	if (p->hist_at == p->history.nr) {
		free(p->draft);
		p->draft = ui_prompt_text(p);
	}
	p->hist_at = to;
	set_text(p, to == p->history.nr ? (p->draft ? p->draft : "")
	    : p->history.v[to]);
}

static int
finish(struct ui_prompt *p, struct ui *ui, bool accept)
{
	char *line = accept ? ui_prompt_text(p) : NULL;
	ui_prompt_done_fn *done = p->done;
	void *ctx = p->ctx;
	int flags;

	p->active = false;
	if (line && !p->question)
		remember(p, line);
	flags = done ? done(ctx, ui, line) : 0;
	free(line);
	return flags | UI_HANDLED | UI_DIRTY_ALL;
}

static int
question_key(struct ui_prompt *p, struct ui *ui, ui_key key)
{
	if (key == 'y' || key == 'Y') {
		set_text(p, "y");
		return finish(p, ui, true);
	}
	return finish(p, ui, false);
}

int
ui_prompt_key(struct ui_prompt *p, struct ui *ui, ui_key key)
{
	if (!p->active)
		return UI_UNHANDLED;
	if (p->question)
		return question_key(p, ui, key);
	switch (key) {
	case '\r':
		return finish(p, ui, true);
	case 27: case UI_KEY_CTRL('c'): case UI_KEY_CTRL('g'):
		return finish(p, ui, false);
	case UI_KEY_FN(KEY_LEFT): case UI_KEY_CTRL('b'):
		p->cursor = prev_stop(p, p->cursor);
		break;
	case UI_KEY_FN(KEY_RIGHT): case UI_KEY_CTRL('f'):
		p->cursor = next_stop(p, p->cursor);
		break;
	case UI_KEY_FN(KEY_HOME): case UI_KEY_CTRL('a'):
		p->cursor = 0;
		break;
	case UI_KEY_FN(KEY_END): case UI_KEY_CTRL('e'):
		p->cursor = p->len;
		break;
	case UI_KEY_FN(KEY_BACKSPACE): case UI_KEY_CTRL('h'):
		if (p->len == 0)
			return finish(p, ui, false);
		if (p->cursor > 0)
			delete_range(p, prev_stop(p, p->cursor), p->cursor);
		break;
	case UI_KEY_FN(KEY_DC): case UI_KEY_CTRL('d'):
		if (p->cursor < p->len)
			delete_range(p, p->cursor, next_stop(p, p->cursor));
		break;
	case UI_KEY_CTRL('u'):
		delete_range(p, 0, p->cursor);
		break;
	case UI_KEY_CTRL('k'):
		p->len = p->cursor;
		break;
	case UI_KEY_CTRL('w'): {
		size_t i = p->cursor;

		while (i > 0 && p->text[i - 1] == ' ')
			i--;
		while (i > 0 && p->text[i - 1] != ' ')
			i--;
		delete_range(p, i, p->cursor);
		break;
	}
	case UI_KEY_FN(KEY_UP): case UI_KEY_CTRL('p'):
		browse(p, -1);
		break;
	case UI_KEY_FN(KEY_DOWN): case UI_KEY_CTRL('n'):
		browse(p, 1);
		break;
	default:
		if (UI_KEY_IS_FN(key) || key < ' ' || utf8_is_control(key) ||
		    utf8_is_bidi_control(key))
			return UI_HANDLED;	/* swallowed: nothing to type */
		insert(p, key);
		break;
	}
	return UI_HANDLED | UI_DIRTY;
}

static int
span_width(const struct ui_prompt *p, size_t from, size_t to)
{
	int w = 0;

	for (size_t i = from; i < to; i++)
		w += is_mark(p, i) ? 0 : cp_width(p->text[i]);
	return w;
}

void
ui_prompt_draw(struct ui_prompt *p, struct ui *ui, WINDOW *win, int cols)
{
	struct ui_look look = ui_theme_look(ui->theme, CONF_STYLE_STATUS);
	struct buf shown = BUF_INIT;
	int lw, avail, used, cx;
	size_t end;

	werase(win);
	wmove(win, 0, 0);
	lw = ui_draw_text(win, p->label, strlen(p->label), cols - 2, look, true);
	avail = cols - lw - 1;
	/* Keep the cursor in view, with a little context to its left. */
	if (p->cursor < p->scroll)
		p->scroll = p->cursor > 4 ? prev_stop(p, p->cursor - 4) : 0;
	while (span_width(p, p->scroll, p->cursor) > avail && p->scroll < p->cursor)
		p->scroll = next_stop(p, p->scroll);
	for (end = p->scroll; end < p->len; ) {
		size_t nx = next_stop(p, end);

		if (span_width(p, p->scroll, nx) > avail)
			break;
		end = nx;
	}
	for (size_t i = p->scroll; i < end; i++)
		utf8_add(&shown, p->text[i]);
	used = ui_draw_text(win, shown.buf, shown.len, avail, look, false);
	ui_draw_fill(win, cols - lw - used, look);
	buf_release(&shown);
	cx = lw + span_width(p, p->scroll, p->cursor);
	wmove(win, 0, cx < cols ? cx : cols - 1);
	wnoutrefresh(win);
}
