/* SPDX-License-Identifier: MIT */
/*
 * layout-table: a table block's lines. A table whose cells each fit on
 * one line, and whose columns fit the width side by side, is a grid:
 * columns apart by " │ ", a rule under a header row, columns of numbers
 * flush right. Any other is set row by row: for each row a group of
 * "header: value" lines (the header repeated as a label, styled
 * DOCUMENT_STYLE_LABEL; "：" in Chinese and Japanese), or values alone
 * when there is no header row, groups apart by blank lines.
 */
#include "config.h"
#include "layout-internal.h"

#include <stdlib.h>
#include <string.h>

#include "breaks.h"
#include "xmalloc.h"

struct tcell {
	size_t from, to;	/* its shaped cells */
	unsigned width;		/* natural width on one line */
	bool multiline;		/* holds a hard break */
	bool numeric;
};

static bool
is_numeric_cell(const struct layout_shaped *sh, size_t from, size_t to)
{
	bool digit = false;

	for (size_t k = from; k < to; k++) {
		uint32_t c = sh[k].cp;

		if (c >= '0' && c <= '9')
			digit = true;
		else if (!strchr("+-.,% ", (int)c) || c == 0)
			return false;
	}
	return digit;
}

static void
table_grid(struct layout_build *bd, const struct document_table *t,
    const struct tcell *tc, const unsigned *colw,
    const struct layout_shaped *sh)
{
	uint16_t dim = DOCUMENT_STYLE_DIM;
	bool *numeric = xcalloc(t->ncols, sizeof *numeric);

	/* a column of numbers (below its header) is set flush right, the
	 * header with it */
	for (size_t c = 0; c < t->ncols; c++) {
		numeric[c] = true;
		for (size_t r = t->header_row ? 1 : 0; r < t->nrows; r++) {
			const struct tcell *x = &tc[r * t->ncols + c];
			if (x->to > x->from && !x->numeric)
				numeric[c] = false;
		}
	}
	for (size_t r = 0; r < t->nrows; r++) {
		layout_line_begin(bd);
		layout_add_prefix(bd, r == 0 ? LAYOUT_PFX_FIRST : LAYOUT_PFX_REST);
		for (size_t c = 0; c < t->ncols; c++) {
			const struct tcell *x = &tc[r * t->ncols + c];
			bool right = numeric[c];
			unsigned pad = colw[c] - x->width;

			if (c > 0) {
				layout_add_gen(bd, " ", 1, dim);
				layout_add_gen(bd, "│", 1, dim);
				layout_add_gen(bd, " ", 1, dim);
			}
			if (right)
				layout_add_gen_spaces(bd, pad, 0);
			for (size_t k = x->from; k < x->to; k++)
				layout_add_shaped(bd, &sh[k]);
			if (!right && c + 1 < t->ncols)
				layout_add_gen_spaces(bd, pad, 0);
		}
		if (r == 0 && t->header_row) {
			layout_line_begin(bd);
			layout_add_prefix(bd, LAYOUT_PFX_REST);
			for (size_t c = 0; c < t->ncols; c++) {
				if (c > 0) {
					layout_add_gen(bd, "─", 1, dim);
					layout_add_gen(bd, "┼", 1, dim);
					layout_add_gen(bd, "─", 1, dim);
				}
				for (unsigned i = 0; i < colw[c]; i++)
					layout_add_gen(bd, "─", 1, dim);
			}
		}
	}
	free(numeric);
}

/* After a label, "：" in Chinese and Japanese text, ": " in others. */
static void
add_label_colon(struct layout *l, struct layout_build *bd)
{
	bool cjk = bd->doc->lang != DOCUMENT_LANG_OTHER;
	const char *const parts[2] = { cjk ? "\uFF1A" : ":", cjk ? NULL : " " };

	for (int i = 0; i < 2 && parts[i]; i++) {
		struct layout_shaped *s = layout_new_shaped(l);

		s->off = (uint32_t)bd->arena.len;
		buf_adds(&bd->arena, parts[i]);
		s->len = (uint8_t)strlen(parts[i]);
		s->width = cjk ? 2 : 1;
		s->ncp = 1;
		s->cp = cjk ? 0xFF1A : (uint32_t)parts[i][0];
		s->pos = LAYOUT_NO_POS;
		s->style = DOCUMENT_STYLE_GEN | DOCUMENT_STYLE_DIM;
		s->kind = parts[i][0] == ' ' ? LAYOUT_SH_SPACE : LAYOUT_SH_TEXT;
	}
}

/* The row-by-row form: for each row, "header: value" lines (or values
 * alone when there is no header row), rows apart by blank lines. */
static void
table_rows(struct layout *l, struct layout_build *bd,
    const struct document_table *t, const struct tcell *tc)
{
	struct layout_flow fl = { false, 2, true };
	bool any = false;

	for (size_t r = t->header_row ? 1 : 0; r < t->nrows; r++) {
		bool started = false;

		for (size_t c = 0; c < t->ncols; c++) {
			const struct tcell *v = &tc[r * t->ncols + c];
			size_t from = l->nsh;

			/* an empty value still shows its label, so every
			 * header is read at least once */
			if (v->to == v->from && !(t->header_row &&
			    tc[c].to > tc[c].from))
				continue;
			if (!started && any) {
				layout_line_begin(bd);
				layout_add_prefix(bd, LAYOUT_PFX_BLANK);
			}
			started = any = true;
			if (t->header_row && tc[c].to > tc[c].from) {
				/* the label: the header again, then ": " */
				for (size_t k = tc[c].from; k < tc[c].to; k++) {
					struct layout_shaped *s = layout_new_shaped(l);
					*s = l->sh[k];
					s->label = true;
					s->style |= DOCUMENT_STYLE_LABEL;
				}
				add_label_colon(l, bd);
			}
			for (size_t k = v->from; k < v->to; k++) {
				struct layout_shaped *s = layout_new_shaped(l);
				*s = l->sh[k];
				if (k == v->from && l->nsh - 1 > from)
					s->brk |= BREAKS_LINE;	/* after ": " */
			}
			fl.first_is_block = bd->nlines == 0 ||
			    (bd->nlines == 1 && bd->lines[0].ncells == 0);
			layout_fill_flow(l, bd, from, l->nsh, &fl);
		}
	}
	if (!any) {
		layout_line_begin(bd);
		layout_add_prefix(bd, LAYOUT_PFX_FIRST);
	}
}

void
layout_table(struct layout *l, struct layout_build *bd)
{
	const struct document_table *t = bd->b->table;
	size_t n = t->nrows * t->ncols;
	struct tcell *tc = xcalloc(n, sizeof *tc);
	unsigned *colw = xcalloc(t->ncols, sizeof *colw);
	bool grid = true;
	size_t total = 0;

	for (size_t i = 0; i < n; i++) {
		const struct document_cell *dc = &t->cells[i];

		tc[i].from = layout_shape(l, bd, dc->start, dc->end, false);
		tc[i].to = l->nsh;
		for (size_t k = tc[i].from; k < tc[i].to; k++) {
			if (l->sh[k].kind == LAYOUT_SH_HARD)
				tc[i].multiline = true;
			tc[i].width += l->sh[k].width;
		}
		tc[i].numeric = is_numeric_cell(l->sh, tc[i].from, tc[i].to);
		if (tc[i].multiline)
			grid = false;
		if (tc[i].width > colw[i % t->ncols])
			colw[i % t->ncols] = tc[i].width;
	}
	for (size_t c = 0; c < t->ncols; c++)
		total += colw[c] + (c ? 3 : 0);
	if (grid && total <= bd->avail)
		table_grid(bd, t, tc, colw, l->sh);
	else
		table_rows(l, bd, t, tc);
	free(tc);
	free(colw);
}

