/* SPDX-License-Identifier: MIT */
/*
 * ui-keys: key tables built from the configuration.
 *
 * Each table is a small array of (key, command) pairs, unsorted: a table
 * holds some dozens of keys and is searched once per key press, so a
 * linear scan costs nothing and keeps the binding order, which the help
 * screen shows. Rebinding a key replaces its entry in place; binding it to
 * "none" keeps the entry with UI_CMD_NONE: a mask, so that "list: r: none"
 * hides the global r in the list instead of letting it show through, and
 * so that the tables printed by --print-config say which defaults were
 * unbound.
 */
#include "config.h"
#include "ui-keys.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wchar.h>

#include "buf.h"
#include "conf.h"
#include "nearest.h"
#include "report.h"
#include "strvec.h"
#include "utf8.h"
#include "xmalloc.h"

static const char *const table_names[UI_KEYS_COUNT] = {
	[UI_KEYS_GLOBAL] = "global",
	[UI_KEYS_TREE] = "tree",
	[UI_KEYS_LIST] = "list",
	[UI_KEYS_READER] = "reader",
	[UI_KEYS_PAGER] = "pager",
};

static const char *const table_titles[UI_KEYS_COUNT] = {
	[UI_KEYS_GLOBAL] = "Everywhere",
	[UI_KEYS_TREE] = "Category tree",
	[UI_KEYS_LIST] = "Article list",
	[UI_KEYS_READER] = "Reader",
	[UI_KEYS_PAGER] = "Help and link list",
};

/* Named keys; the first name of a key is the one shown. */
static const struct {
	const char *name;
	ui_key key;
} key_names[] = {
	{ "Enter", '\r' },
	{ "Return", '\r' },
	{ "Space", ' ' },
	{ "Tab", '\t' },
	{ "BTab", UI_KEY_FN(KEY_BTAB) },
	{ "S-Tab", UI_KEY_FN(KEY_BTAB) },
	{ "Esc", 27 },
	{ "Escape", 27 },
	{ "Backspace", UI_KEY_FN(KEY_BACKSPACE) },
	{ "BSpace", UI_KEY_FN(KEY_BACKSPACE) },
	{ "Up", UI_KEY_FN(KEY_UP) },
	{ "Down", UI_KEY_FN(KEY_DOWN) },
	{ "Left", UI_KEY_FN(KEY_LEFT) },
	{ "Right", UI_KEY_FN(KEY_RIGHT) },
	{ "PgUp", UI_KEY_FN(KEY_PPAGE) },
	{ "PageUp", UI_KEY_FN(KEY_PPAGE) },
	{ "PgDn", UI_KEY_FN(KEY_NPAGE) },
	{ "PageDown", UI_KEY_FN(KEY_NPAGE) },
	{ "Home", UI_KEY_FN(KEY_HOME) },
	{ "End", UI_KEY_FN(KEY_END) },
	{ "Insert", UI_KEY_FN(KEY_IC) },
	{ "Delete", UI_KEY_FN(KEY_DC) },
	{ "DC", UI_KEY_FN(KEY_DC) },
};
#define N_KEY_NAMES (sizeof key_names / sizeof key_names[0])

struct binding {
	ui_key key;
	enum ui_cmd cmd;
};

struct table {
	struct binding *v;
	size_t nr, alloc;
};

struct ui_keys {
	struct table tables[UI_KEYS_COUNT];
};

int
ui_key_parse(const char *name, ui_key *out)
{
	size_t len = strlen(name);
	uint32_t cp;
	int n;

	for (size_t i = 0; i < N_KEY_NAMES; i++) {
		if (strcasecmp(name, key_names[i].name) == 0) {
			*out = key_names[i].key;
			return 0;
		}
	}
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && len == 3) {
		unsigned char c = (unsigned char)name[2];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    c == '[' || c == '\\' || c == ']' || c == '^' || c == '_') {
			*out = UI_KEY_CTRL(c);
			return 0;
		}
		return -1;
	}
	if ((name[0] == 'F' || name[0] == 'f') && len >= 2 && len <= 3) {
		char *end;
		long f = strtol(name + 1, &end, 10);

		if (!*end && f >= 1 && f <= 12) {
			*out = UI_KEY_FN(KEY_F(f));
			return 0;
		}
	}
	n = utf8_decode(name, len, &cp);
	if (n > 0 && (size_t)n == len && cp > ' ' && !utf8_is_control(cp)) {
		*out = cp;
		return 0;
	}
	return -1;
}

void
ui_key_name(ui_key key, struct buf *out)
{
	for (size_t i = 0; i < N_KEY_NAMES; i++) {
		if (key_names[i].key == key) {
			buf_adds(out, key_names[i].name);
			return;
		}
	}
	if (key >= 1 && key < 32) {
		buf_addf(out, "C-%c", (char)(key + 'a' - 1));
	} else if (UI_KEY_IS_FN(key) && key >= UI_KEY_FN(KEY_F(1)) &&
	    key <= UI_KEY_FN(KEY_F(12))) {
		buf_addf(out, "F%u", (unsigned)(key - UI_KEY_FN(KEY_F0)));
	} else if (UI_KEY_IS_FN(key)) {
		buf_addf(out, "key-%u", (unsigned)(key - UI_KEY_FN(0)));
	} else {
		utf8_add(out, key);
	}
}

ui_key
ui_key_from_wch(int ret, uint32_t wch)
{
	if (ret == KEY_CODE_YES) {
		if (wch == KEY_ENTER)
			return '\r';
		return UI_KEY_FN(wch);
	}
	if (wch == '\n')
		return '\r';
	if (wch == 127)
		return UI_KEY_FN(KEY_BACKSPACE);
	return wch;
}

int
ui_keys_table(const char *name)
{
	for (int i = 0; i < UI_KEYS_COUNT; i++)
		if (strcmp(table_names[i], name) == 0)
			return i;
	return -1;
}

static void
table_bind(struct table *t, ui_key key, enum ui_cmd cmd)
{
	for (size_t i = 0; i < t->nr; i++) {
		if (t->v[i].key == key) {
			t->v[i].cmd = cmd;
			return;
		}
	}
	ALLOC_GROW(t->v, t->nr + 1, t->alloc);
	t->v[t->nr].key = key;
	t->v[t->nr].cmd = cmd;
	t->nr++;
}

/* "; did you mean NAME?" for the command nearest to want, if one is near. */
static void
suggest_command(struct buf *out, const char *want)
{
	const char *names[UI_CMD_COUNT];
	const char *near;

	for (int i = 0; i < UI_CMD_COUNT; i++)
		names[i] = ui_command_get(i)->name;
	near = nearest_name(want, names, UI_CMD_COUNT);
	if (near)
		buf_addf(out, "; did you mean %s?", near);
}

/*
 * Check binding b: 0 with *table, *key and *cmd set, or -1 after a
 * warning on w (when w is not NULL) at the faulty word.
 */
static int
check_binding(const struct conf_binding *b, struct warnings *w, int *table,
    ui_key *key, enum ui_cmd *cmd)
{
	struct buf msg = BUF_INIT;
	const char *near;
	int line = b->line, col = b->col;

	*cmd = UI_CMD_NONE;
	if ((*table = ui_keys_table(b->table)) < 0) {
		buf_addf(&msg, "keys: %s: %s: unknown key table (global, tree, "
		    "list, reader, pager)", b->table, b->key);
		near = nearest_name(b->table, table_names, UI_KEYS_COUNT);
		if (near)
			buf_addf(&msg, "; did you mean %s?", near);
		line = b->table_line;
		col = b->table_col;
	} else if (ui_key_parse(b->key, key) < 0) {
		buf_addf(&msg, "keys: %s: %s: unknown key name", b->table, b->key);
	} else if (b->command &&
	    (*cmd = ui_command_find(b->command)) == UI_CMD_NONE) {
		buf_addf(&msg, "keys: %s: %s: unknown command '%s'", b->table,
		    b->key, b->command);
		suggest_command(&msg, b->command);
		col = b->command_col;
	}
	if (!msg.len)
		return 0;
	if (w)
		warnings_add_at(w, line, col, "%s", msg.buf);
	buf_release(&msg);
	return -1;
}

struct ui_keys *
ui_keys_new(const struct conf *c, struct warnings *w, const char **warn_file)
{
	struct ui_keys *k = xcalloc(1, sizeof *k);

	for (size_t i = 0; i < c->nbindings; i++) {
		const struct conf_binding *b = &c->bindings[i];
		enum ui_cmd cmd;
		ui_key key;
		int t;

		if (check_binding(b, w, &t, &key, &cmd) < 0) {
			if (warn_file)
				*warn_file = b->file;
			continue;
		}
		table_bind(&k->tables[t], key, cmd);
	}
	return k;
}

void
ui_keys_print(const struct ui_keys *k, struct buf *out)
{
	struct buf name = BUF_INIT;

	buf_adds(out, "keys:\n");
	for (int t = 0; t < UI_KEYS_COUNT; t++) {
		const struct table *tab = &k->tables[t];

		if (!tab->nr)
			continue;
		buf_addf(out, "  %s:\n", table_names[t]);
		for (size_t i = 0; i < tab->nr; i++) {
			buf_reset(&name);
			ui_key_name(tab->v[i].key, &name);
			buf_adds(out, "    ");
			conf_yaml_scalar(out, name.buf);
			buf_addf(out, ": %s\n", ui_command_get(tab->v[i].cmd)->name);
		}
	}
	buf_release(&name);
}

void
ui_keys_free(struct ui_keys *k)
{
	if (!k)
		return;
	for (int i = 0; i < UI_KEYS_COUNT; i++)
		free(k->tables[i].v);
	free(k);
}

/* key's entry in t (its command may be UI_CMD_NONE: a mask), or NULL. */
static const struct binding *
table_lookup(const struct table *t, ui_key key)
{
	for (size_t i = 0; i < t->nr; i++)
		if (t->v[i].key == key)
			return &t->v[i];
	return NULL;
}

enum ui_cmd
ui_keys_lookup(const struct ui_keys *k, enum ui_keytable table, ui_key key)
{
	const struct binding *b = NULL;

	if ((unsigned)table < UI_KEYS_COUNT)
		b = table_lookup(&k->tables[table], key);
	/* A pane's own entry, even "none", hides the global one. */
	if (!b && table != UI_KEYS_GLOBAL)
		b = table_lookup(&k->tables[UI_KEYS_GLOBAL], key);
	return b ? b->cmd : UI_CMD_NONE;
}

/* Display width of ASCII-or-CJK key names: wcwidth per code point. */
static int
text_width(const char *s)
{
	int w = 0;
	size_t len = strlen(s);

	while (len) {
		uint32_t cp;
		int n = utf8_decode(s, len, &cp);
		int cw;

		if (n < 0)
			n = 1;
		cw = wcwidth((wchar_t)cp);
		w += cw > 0 ? cw : 0;
		s += n;
		len -= (size_t)n;
	}
	return w;
}

#define HELP_KEYS_WIDTH 22	/* cells for the keys column */
#define HELP_CMD_WIDTH 16	/* and the command's name */
/* Where the description starts: "  KEYS  COMMAND DESCRIPTION". */
#define HELP_DESC_COL (2 + HELP_KEYS_WIDTH + 2 + HELP_CMD_WIDTH + 1)
/* Narrower than this beside the names, a description goes under them. */
#define HELP_DESC_MIN 24
/* Its indent there. */
#define HELP_UNDER_COL 6

/*
 * Append text (ASCII words, our own) to lines, wrapped at width cells:
 * the first line starts with first, the others with indent spaces. A
 * word longer than a line stays whole. width <= 0: one line.
 */
static void
wrap(struct strvec *lines, const char *first, const char *text, int indent,
    int width)
{
	struct buf line = BUF_INIT;
	int used = text_width(first);
	bool fresh = true;	/* no word on this line yet */

	buf_adds(&line, first);
	while (*text) {
		size_t n = strcspn(text, " ");

		if (!fresh && width > 0 && used + 1 + (int)n > width) {
			strvec_push(lines, line.buf);
			buf_reset(&line);
			buf_addf(&line, "%*s", indent, "");
			used = indent;
			fresh = true;
		}
		if (!fresh) {
			buf_addc(&line, ' ');
			used++;
		}
		buf_add(&line, text, n);
		used += (int)n;	/* ASCII */
		fresh = false;
		text += n;
		text += strspn(text, " ");
	}
	strvec_push(lines, line.buf);
	buf_release(&line);
}

/*
 * The lines on the config file: the one in use (or that none is), and
 * each of its problems in full, which the status line may have cut.
 */
static void
help_conf(const struct ui_keys_help_conf *hc, struct strvec *lines, int width)
{
	struct buf b = BUF_INIT;

	if (!hc || !hc->path) {
		wrap(lines, "", "Keys are set in the config file (see "
		    "newsreader.conf(5)).", 0, width);
		return;
	}
	/* The path is one word to wrap: it is never broken. */
	wrap(lines, "", hc->found ? "Settings and keys are read from" :
	    "No config file; the defaults are in use. Settings and keys would "
	    "be read from", 0, width);
	buf_addf(&b, "%s%s", hc->path, hc->found ? "" : " (absent)");
	wrap(lines, "  ", b.buf, 2, 0);
	for (size_t i = 0; hc->warnings && i < hc->warnings->nr; i++) {
		const struct warning *wn = &hc->warnings->v[i];

		buf_reset(&b);
		if (wn->line > 0 && wn->col > 0)
			buf_addf(&b, "%d:%d: ", wn->line, wn->col);
		else if (wn->line > 0)
			buf_addf(&b, "%d: ", wn->line);
		buf_adds(&b, wn->msg);
		if (i == 0)
			wrap(lines, "", "Its problems:", 0, width);
		wrap(lines, "  ", b.buf, 4, width);
	}
	buf_release(&b);
}

void
ui_keys_help(const struct ui_keys *k, const struct ui_keys_help_conf *hc,
    struct strvec *lines, int width)
{
	wrap(lines, "", "newsreader: keys (q closes this screen)", 0, width);
	strvec_push(lines, "");
	wrap(lines, "", "A number before a key repeats it; 3o opens link 3.",
	    0, width);
	help_conf(hc, lines, width);
	for (int t = 0; t < UI_KEYS_COUNT; t++) {
		const struct table *tab = &k->tables[t];
		bool heading = false;

		for (int c = 1; c < UI_CMD_COUNT; c++) {
			const struct ui_command *cmd = ui_command_get(c);
			struct buf keys = BUF_INIT, line = BUF_INIT;

			for (size_t i = 0; i < tab->nr; i++) {
				if (tab->v[i].cmd != (enum ui_cmd)c)
					continue;
				if (keys.len)
					buf_adds(&keys, ", ");
				ui_key_name(tab->v[i].key, &keys);
			}
			if (!keys.len)
				continue;
			if (!heading) {
				strvec_push(lines, "");
				strvec_push(lines, table_titles[t]);
				heading = true;
			}
			buf_addf(&line, "  %s", keys.buf);
			for (int pad = text_width(keys.buf); pad < HELP_KEYS_WIDTH;
			    pad++)
				buf_addc(&line, ' ');
			buf_addf(&line, "  %-*s ", HELP_CMD_WIDTH, cmd->name);
			if (width <= 0 || width - HELP_DESC_COL >= HELP_DESC_MIN) {
				wrap(lines, line.buf, cmd->help, HELP_DESC_COL, width);
			} else {
				/* too narrow beside the names: under them */
				while (line.len && line.buf[line.len - 1] == ' ')
					line.buf[--line.len] = '\0';
				strvec_push(lines, line.buf);
				buf_reset(&line);
				buf_addf(&line, "%*s", HELP_UNDER_COL, "");
				wrap(lines, line.buf, cmd->help, HELP_UNDER_COL,
				    width);
			}
			buf_release(&line);
			buf_release(&keys);
		}
	}
}
