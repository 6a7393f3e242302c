/*
 * ui-list: the article list pane (middle).
 */
#ifndef NR_UI_LIST_H
#define NR_UI_LIST_H

struct ui_pane;

/* A new list pane; the layout frees it. */
struct ui_pane *ui_list_new(void);

#endif
