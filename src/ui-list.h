/* SPDX-License-Identifier: MIT */
/*
 * ui-list: the article list pane (middle).
 *
 * One row per article of the view the tree selected: an unread marker, a
 * star, the date (MM-DD this year, YYYY-MM-DD before), the title, and,
 * when the view spans several categories, each article's category,
 * dimmed. Rows come from ui-rows, a screenful at a time by keyset, so a
 * million-article category opens and scrolls as fast as a small one.
 *
 * The list is also where an article's state changes: opening one (which
 * marks it read), r, s and A all go through here, are written to the
 * collection at once, and update the tree's counts.
 */
#ifndef NR_UI_LIST_H
#define NR_UI_LIST_H

#include <stdbool.h>
#include <stdint.h>

struct ui;
struct ui_pane;
struct ui_view;

/* A new list pane; the layout frees it. */
struct ui_pane *ui_list_new(void);

/*
 * Show v (copied) from its first row. total is v's count as the list
 * shows it (with "unread only" when that is on), when the caller has it,
 * else -1 and the list counts. Returns flags.
 */
int ui_list_show(struct ui_pane *p, struct ui *ui, const struct ui_view *v,
    int64_t total);

/*
 * The collection changed under the list (a scan): fetch the rows again
 * around the selected article, which stays selected when it is still in
 * the view. Returns flags.
 */
int ui_list_reload(struct ui_pane *p, struct ui *ui);

/* "Unread only" (U) for every view; takes effect at the next show. */
void ui_list_set_unread_only(struct ui_pane *p, bool on);
bool ui_list_unread_only(const struct ui_pane *p);

/*
 * From the reader: select the article after (dir 1) or before (dir -1)
 * the one with id from_id (or the selection, when from_id is not in the
 * view), the next unread one when unread, and open it in the reader.
 * Says so when there is none. Returns flags.
 */
int ui_list_step(struct ui_pane *p, struct ui *ui, int64_t from_id, int dir,
    bool unread);

enum ui_list_state {
	UI_LIST_READ,
	UI_LIST_STARRED,
};

/*
 * Set (on 1, off 0) or toggle (-1) an article's read or starred state,
 * written to the collection at once; the row and the tree's counts
 * follow. Returns flags.
 */
int ui_list_set_state(struct ui_pane *p, struct ui *ui, int64_t id,
    enum ui_list_state what, int on);

/* A: ask, then mark every article of the view read. Returns flags. */
int ui_list_mark_all(struct ui_pane *p, struct ui *ui);

/* The view's name and count, as the title bar shows it. */
const char *ui_list_title(const struct ui_pane *p);

#endif
