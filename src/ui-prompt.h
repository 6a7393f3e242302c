/* SPDX-License-Identifier: MIT */
/*
 * ui-prompt: the line editor in the status line ("/" search) and the y/n
 * question (mark all read).
 *
 * The prompt never blocks: the event loop hands it each key while it is
 * active, so the screen (and a background scan's progress) keeps
 * updating. Text is held as code points; the cursor moves by character,
 * a base and its zero-width marks together, and the line scrolls
 * sideways to keep the cursor in view. Input comes from get_wch(), so
 * anything the terminal sends as UTF-8, a Chinese input method's commits
 * included, is taken whole.
 *
 * Keys: Left/C-b, Right/C-f, Home/C-a, End/C-e, Backspace/C-h, Delete/C-d,
 * C-u (delete to the start), C-k (to the end), C-w (the word before),
 * Up/C-p and Down/C-n (history), Enter (accept), Esc/C-c/C-g (cancel);
 * Backspace on an empty line cancels, as in less.
 */
#ifndef NR_UI_PROMPT_H
#define NR_UI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <curses.h>

#include "strvec.h"
#include "ui-keys.h"

struct ui;

/*
 * Called exactly once when the prompt ends: text is the accepted line (for
 * a question, "y"), or NULL when it was cancelled. When the program ends
 * with the prompt open, it is called with ui and text NULL (to free ctx). Returns enum ui_result
 * flags.
 */
typedef int ui_prompt_done_fn(void *ctx, struct ui *ui, const char *text);

struct ui_prompt {
	bool active;
	bool question;		/* one key answers: y or anything else */
	char *label;		/* "/", or the question; owned */
	uint32_t *text;		/* len code points; no controls */
	size_t len, alloc;
	size_t cursor;		/* 0..len, never inside a cluster */
	size_t scroll;		/* the first code point shown */
	struct strvec history;	/* accepted lines, oldest first */
	size_t hist_at;		/* browsing history[hist_at]; nr: the new line */
	char *draft;		/* the new line, kept while browsing; owned */
	ui_prompt_done_fn *done;
	void *ctx;
};

void ui_prompt_init(struct ui_prompt *p);
void ui_prompt_release(struct ui_prompt *p);

/* Start editing a line after label. */
void ui_prompt_start(struct ui_prompt *p, const char *label,
    ui_prompt_done_fn *done, void *ctx);
/* Ask a y/n question. */
void ui_prompt_ask(struct ui_prompt *p, const char *question,
    ui_prompt_done_fn *done, void *ctx);

/* Handle one key; returns enum ui_result flags (the done callback's too). */
int ui_prompt_key(struct ui_prompt *p, struct ui *ui, ui_key key);

/* The line as UTF-8; the caller frees. */
char *ui_prompt_text(const struct ui_prompt *p);

/*
 * Draw the prompt over the whole of win (one row, cols wide), leaving the
 * terminal's cursor at the editing position.
 */
void ui_prompt_draw(struct ui_prompt *p, struct ui *ui, WINDOW *win, int cols);

#endif
