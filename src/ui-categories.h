/*
 * ui-categories: the category tree pane (left).
 *
 * It starts with the three views every collection has, "全部 / All",
 * "未读 / Unread" and "★ Starred", then the category hierarchy with
 * subtree counts (unread/total); nodes fold and unfold.
 */
#ifndef NR_UI_CATEGORIES_H
#define NR_UI_CATEGORIES_H

struct ui_pane;

/* A new tree pane; the layout frees it. */
struct ui_pane *ui_categories_new(void);

#endif
