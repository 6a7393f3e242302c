/* SPDX-License-Identifier: MIT */
/*
 * ui-view: views as values. A view owns its strings; everything here is
 * copying, comparing and naming them.
 */
#include "config.h"
#include "ui-view.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "xmalloc.h"

/* The fixed views' names, by kind. */
static const char *const fixed_titles[] = {
	[UI_VIEW_ALL] = "全部 / All",
	[UI_VIEW_UNREAD] = "未读 / Unread",
	[UI_VIEW_STARRED] = "★ Starred",
};

static char *
dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void
ui_view_set(struct ui_view *v, enum ui_view_kind kind, const char *category)
{
	memset(v, 0, sizeof *v);
	v->kind = kind;
	v->category = dup_or_null(category);
}

void
ui_view_copy(struct ui_view *dst, const struct ui_view *src)
{
	dst->kind = src->kind;
	dst->category = dup_or_null(src->category);
	dst->search = dup_or_null(src->search);
	dst->tag = dup_or_null(src->tag);
	dst->author = dup_or_null(src->author);
	dst->starred = src->starred;
}

void
ui_view_release(struct ui_view *v)
{
	free(v->category);
	free(v->search);
	free(v->tag);
	free(v->author);
	memset(v, 0, sizeof *v);
}

static bool
same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

bool
ui_view_equal(const struct ui_view *a, const struct ui_view *b)
{
	return a->kind == b->kind && a->starred == b->starred &&
	    same_str(a->category, b->category) &&
	    same_str(a->search, b->search) && same_str(a->tag, b->tag) &&
	    same_str(a->author, b->author);
}

void
ui_view_query(const struct ui_view *v, const struct ui_view_base *base,
    bool unread_only, struct collection_view *out)
{
	memset(out, 0, sizeof *out);
	out->sort = base->sort;
	out->reverse = base->reverse;
	out->scope = base->scope;
	out->nscope = base->nscope;
	out->unread = unread_only || v->kind == UI_VIEW_UNREAD;
	out->starred = v->kind == UI_VIEW_STARRED ||
	    (v->kind == UI_VIEW_QUERY && v->starred);
	if (v->kind == UI_VIEW_CATEGORY || v->kind == UI_VIEW_QUERY)
		out->category = v->category;
	if (v->kind == UI_VIEW_QUERY) {
		out->search = v->search;
		out->tag = v->tag;
		out->author = v->author;
	}
	if (out->sort == COLLECTION_SORT_RANK && !out->search)
		out->sort = COLLECTION_SORT_DATE;
}

/* Append "a/b/c" as "a › b › c". */
static void
add_path(struct buf *out, const char *path)
{
	for (const char *s = path; *s; s++) {
		if (*s == '/')
			buf_adds(out, " › ");
		else
			buf_addc(out, *s);
	}
}

void
ui_view_title(const struct ui_view *v, struct buf *out)
{
	const struct {
		const char *label;
		const char *value;
	} parts[] = {
		{ "搜索: ", v->search },
		{ "标签: ", v->tag },
		{ "作者: ", v->author },
	};
	size_t start = out->len;

	switch (v->kind) {
	case UI_VIEW_ALL:
	case UI_VIEW_UNREAD:
	case UI_VIEW_STARRED:
		buf_adds(out, fixed_titles[v->kind]);
		return;
	case UI_VIEW_CATEGORY:
		add_path(out, v->category ? v->category : "");
		return;
	case UI_VIEW_QUERY:
		break;
	}
	if (v->category)
		add_path(out, v->category);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!parts[i].value)
			continue;
		if (out->len > start)
			buf_adds(out, " · ");
		buf_adds(out, parts[i].label);
		buf_adds(out, parts[i].value);
	}
	if (v->starred) {
		if (out->len > start)
			buf_adds(out, " · ");
		buf_adds(out, "★");
	}
}
