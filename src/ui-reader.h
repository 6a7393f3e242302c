/* SPDX-License-Identifier: MIT */
/*
 * ui-reader: the reading pane (right).
 *
 * It shows the lines page.h makes of an article (the same lines --dump
 * prints), at the pane's width or the configured measure, whichever is
 * less, centred when the pane is wider. It scrolls by page positions, so
 * a long article is laid out only as far as it is read; after a resize
 * the line that holds the old top line's first character is at the top.
 * "/" searches the article (as in less: matches highlighted, n and N
 * step); o and y open and copy its links.
 */
#ifndef NR_UI_READER_H
#define NR_UI_READER_H

#include <stdint.h>

struct collection_item;
struct ui;
struct ui_pane;

/* A new reader pane; the layout frees it. */
struct ui_pane *ui_reader_new(void);

/*
 * Show the article it names, read from its file (when the file cannot be
 * read, its header alone, with a warning). A big file is read and built
 * on a thread of its own, its header shown meanwhile: ui_reader_tick()
 * puts the rest in. Returns flags.
 */
int ui_reader_open(struct ui_pane *p, struct ui *ui,
    const struct collection_item *it);

/* After a wake-up: show the article built on its thread, once it is
 * done. Returns flags (0 when nothing changed). */
int ui_reader_tick(struct ui_pane *p, struct ui *ui);

/* The id of the article shown, 0 when none. */
int64_t ui_reader_id(const struct ui_pane *p);

#endif
