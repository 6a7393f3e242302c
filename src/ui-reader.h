/*
 * ui-reader: the reading pane (right).
 */
#ifndef NR_UI_READER_H
#define NR_UI_READER_H

struct ui_pane;

/* A new reader pane; the layout frees it. */
struct ui_pane *ui_reader_new(void);

#endif
