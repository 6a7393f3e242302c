/* SPDX-License-Identifier: MIT */
/*
 * ui-categories: the category tree pane (left).
 *
 * It starts with the three views every collection has, "全部 / All",
 * "未读 / Unread" and "★ Starred", then (after a search, or when the
 * command line asks for one) a query row such as "搜索: 疫情", then the
 * category hierarchy with subtree counts (unread/total); nodes fold and
 * unfold. The list follows the tree: whenever the selected row changes,
 * the list shows that row's view.
 */
#ifndef NR_UI_CATEGORIES_H
#define NR_UI_CATEGORIES_H

#include <stdbool.h>

struct collection_view;
struct ui;
struct ui_pane;
struct ui_view;

/* A new tree pane; the layout frees it. */
struct ui_pane *ui_categories_new(void);

/*
 * Read the categories and the counts again, keeping the selection (by
 * view) and the folds. With state_only (only read or starred state
 * changed) the query row's count, which cannot have changed, is kept. A
 * --category still waiting for a scan is looked for again. Returns flags.
 */
int ui_categories_load(struct ui_pane *p, struct ui *ui, bool state_only);

/*
 * Select what the command line asked for (start's category, search, tag,
 * author, unread, starred) and focus the list. A category that is not in
 * the tree waits for the scan; when there is none to wait for, a warning
 * names the nearest categories and the tree stays on "全部 / All".
 * Returns flags.
 */
int ui_categories_start(struct ui_pane *p, struct ui *ui,
    const struct collection_view *start);

/* Show v (taken over: v is left empty) as the query row, selected. */
int ui_categories_set_query(struct ui_pane *p, struct ui *ui,
    struct ui_view *v);

/* Ask for a search of the collection ("/"); the result becomes the query
 * row and the list is focused. Returns flags. */
int ui_categories_search(struct ui *ui);

#endif
