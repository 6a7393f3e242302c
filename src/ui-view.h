/* SPDX-License-Identifier: MIT */
/*
 * ui-view: what the article list shows, and what it is called.
 *
 * A view is one row of the category tree: everything, the unread, the
 * starred, a category's subtree, or a query (a search, a tag, an author,
 * from "/" or the command line). Its strings are its own, so a view
 * outlives the tree row it came from. Turned into a collection_view
 * together with what applies to every view: the order, the scope (the
 * operands of the command line) and the "unread only" switch (U).
 */
#ifndef NR_UI_VIEW_H
#define NR_UI_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "collection.h"

struct buf;

enum ui_view_kind {
	UI_VIEW_ALL,
	UI_VIEW_UNREAD,
	UI_VIEW_STARRED,
	UI_VIEW_CATEGORY,	/* category and its subtree */
	UI_VIEW_QUERY,		/* the filters below, ANDed */
};

struct ui_view {
	enum ui_view_kind kind;
	char *category;		/* CATEGORY; for QUERY optional; owned */
	char *search;		/* QUERY: these are NULL when absent; owned */
	char *tag;
	char *author;
	bool starred;		/* QUERY */
};

/* What applies to every view. */
struct ui_view_base {
	enum collection_sort sort;
	bool reverse;
	const char *const *scope;	/* borrowed; nscope 0: everything */
	size_t nscope;
};

/* A view of kind, with copies of the strings given (any may be NULL). */
void ui_view_set(struct ui_view *v, enum ui_view_kind kind,
    const char *category);
void ui_view_copy(struct ui_view *dst, const struct ui_view *src);
void ui_view_release(struct ui_view *v);
bool ui_view_equal(const struct ui_view *a, const struct ui_view *b);

/*
 * The collection_view for v under base, unread only when unread_only.
 * out borrows v's and base's strings: keep both while it is used. The
 * rank order applies to searches alone; other views fall back to dates.
 */
void ui_view_query(const struct ui_view *v, const struct ui_view_base *base,
    bool unread_only, struct collection_view *out);

/*
 * v's name, as the title bar and the tree show it: "全部 / All",
 * "新媒体 › 趣头条", "搜索: 疫情", "标签: 科技 · 作者: 新华社". Appended to
 * out, not scrubbed (the drawing code scrubs).
 */
void ui_view_title(const struct ui_view *v, struct buf *out);

#endif
