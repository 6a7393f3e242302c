/* SPDX-License-Identifier: MIT */
/*
 * ui-status: the two bars. They are drawn whole when dirty: a bar is one
 * row, and curses sends only the cells that changed.
 */
#include "config.h"
#include "ui-status.h"

#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "ui-draw.h"
#include "ui-theme.h"
#include "xmalloc.h"

void
ui_status_init(struct ui_status *s)
{
	memset(s, 0, sizeof *s);
	buf_init(&s->title, 0);
	buf_init(&s->position, 0);
	buf_init(&s->progress, 0);
	buf_init(&s->pending, 0);
	buf_init(&s->mode, 0);
	s->dirty = true;
}

void
ui_status_release(struct ui_status *s)
{
	if (s->title_win)
		delwin(s->title_win);
	if (s->line_win)
		delwin(s->line_win);
	buf_release(&s->title);
	buf_release(&s->position);
	buf_release(&s->progress);
	buf_release(&s->pending);
	buf_release(&s->mode);
	for (size_t i = 0; i < s->nmsgs; i++)
		free(s->msgs[i].text);
	free(s->msgs);
	memset(s, 0, sizeof *s);
}

void
ui_status_place(struct ui_status *s, int lines, int cols, bool too_small)
{
	if (s->title_win)
		delwin(s->title_win);
	if (s->line_win)
		delwin(s->line_win);
	s->title_win = s->line_win = NULL;
	s->cols = cols;
	if (!too_small) {
		s->title_win = newwin(1, cols, 0, 0);
		s->line_win = newwin(1, cols, lines - 1, 0);
	}
	s->dirty = true;
}

static void
set(struct ui_status *s, struct buf *b, const char *text)
{
	if (!text)
		text = "";
	if (strcmp(b->buf, text) == 0)
		return;
	buf_reset(b);
	buf_adds(b, text);
	s->dirty = true;
}

void
ui_status_set_title(struct ui_status *s, const char *title)
{
	set(s, &s->title, title);
}

void
ui_status_set_position(struct ui_status *s, const char *pos)
{
	set(s, &s->position, pos);
}

void
ui_status_set_progress(struct ui_status *s, const char *progress)
{
	set(s, &s->progress, progress);
}

void
ui_status_set_pending(struct ui_status *s, const char *pending)
{
	set(s, &s->pending, pending);
}

void
ui_status_set_mode(struct ui_status *s, const char *mode)
{
	set(s, &s->mode, mode);
}

void
ui_status_push(struct ui_status *s, bool warning, const char *text)
{
	ALLOC_GROW(s->msgs, s->nmsgs + 1, s->alloc);
	s->msgs[s->nmsgs].text = xstrdup(text);
	s->msgs[s->nmsgs].warning = warning;
	if (s->nmsgs++ == 0)
		s->shown = false;
	s->dirty = true;
}

void
ui_status_key(struct ui_status *s)
{
	if (!s->nmsgs || !s->shown)
		return;
	free(s->msgs[0].text);
	memmove(s->msgs, s->msgs + 1, (s->nmsgs - 1) * sizeof s->msgs[0]);
	s->nmsgs--;
	s->shown = false;
	s->dirty = true;
}

const char *
ui_status_current(const struct ui_status *s)
{
	return s->nmsgs ? s->msgs[0].text : NULL;
}

static void
draw_title(struct ui_status *s, struct ui *ui)
{
	struct ui_look look = ui_theme_look(ui->theme, CONF_STYLE_TITLE);
	static const char name[] = "newsreader";
	int cols = s->cols, right = (int)sizeof name - 1 + 1;
	int used;

	wmove(s->title_win, 0, 0);
	ui_draw_fill(s->title_win, 1, look);
	used = 1 + ui_draw_text(s->title_win, s->title.buf, s->title.len,
	    cols - 1 - (cols > 40 ? right + 1 : 0), look, true);
	if (cols > 40) {
		ui_draw_fill(s->title_win, cols - used - right, look);
		ui_draw_str(s->title_win, name, right, look);
		used = cols - 1;
	}
	ui_draw_fill(s->title_win, cols - used, look);
	wnoutrefresh(s->title_win);
}

static void
draw_line(struct ui_status *s, struct ui *ui)
{
	struct ui_look look = ui_theme_look(ui->theme, CONF_STYLE_STATUS);
	const struct ui_status_msg *m = s->nmsgs ? &s->msgs[0] : NULL;
	struct buf right = BUF_INIT;
	int rw, used = 0;

	if (s->pending.len)
		buf_addf(&right, "%s  ", s->pending.buf);
	if (s->mode.len)
		buf_addf(&right, "%s  ", s->mode.buf);
	if (s->progress.len)
		buf_addf(&right, "%s  ", s->progress.buf);
	buf_addbuf(&right, &s->position);
	rw = ui_text_width(right.buf, right.len);
	if (rw > s->cols / 2)
		rw = s->cols / 2;
	wmove(s->line_win, 0, 0);
	if (m) {
		used = ui_draw_text(s->line_win, m->text, strlen(m->text),
		    s->cols - rw - 1, m->warning ?
		    ui_theme_look(ui->theme, CONF_STYLE_WARNING) : look, true);
		s->shown = true;
	}
	ui_draw_fill(s->line_win, s->cols - rw - used, look);
	wmove(s->line_win, 0, s->cols - rw);
	used = ui_draw_text(s->line_win, right.buf, right.len, rw, look, true);
	ui_draw_fill(s->line_win, rw - used, look);
	buf_release(&right);
	wnoutrefresh(s->line_win);
}

void
ui_status_draw(struct ui_status *s, struct ui *ui, bool prompt_active)
{
	if (!s->title_win || !s->line_win)
		return;
	draw_title(s, ui);
	if (!prompt_active)
		draw_line(s, ui);
	s->dirty = false;
}
