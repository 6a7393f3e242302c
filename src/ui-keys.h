/* SPDX-License-Identifier: MIT */
/*
 * ui-keys: key names and the per-pane key tables.
 *
 * A key is a ui_key: a Unicode code point for a character, or
 * UI_KEY_FN(KEY_x) for a curses function key (those live above U+10FFFF so
 * the two never collide). Input is normalised before lookup: Enter arrives
 * as '\r' (also from '\n' and KEY_ENTER), Backspace as UI_KEY_FN(
 * KEY_BACKSPACE) (also from DEL).
 *
 * The tables are built from the bindings in struct conf, defaults first
 * and the user's after, so the user's win. A key is looked up in the
 * focused pane's table, then in "global" unless the pane's table has the
 * key bound to "none". Bad bindings (unknown table, key or command) become
 * warnings at their file:line:col and are skipped.
 */
#ifndef NR_UI_KEYS_H
#define NR_UI_KEYS_H

#include <stdbool.h>
#include <stdint.h>

#include "ui-command.h"

struct buf;
struct conf;
struct strvec;
struct warnings;

typedef uint32_t ui_key;

#define UI_KEY_FN(k) ((ui_key)(0x110000u + (unsigned)(k)))
#define UI_KEY_IS_FN(k) ((k) >= 0x110000u)
#define UI_KEY_CTRL(c) ((ui_key)((c) & 0x1f))

/* The tables there are, in the help screen's order. */
enum ui_keytable {
	UI_KEYS_GLOBAL,
	UI_KEYS_TREE,
	UI_KEYS_LIST,
	UI_KEYS_READER,
	UI_KEYS_PAGER,		/* the help screen and the link list */
	UI_KEYS_COUNT
};

struct ui_keys;

/*
 * Build the tables from c's bindings. Warnings about bad bindings go on w
 * (unless NULL) with their line and column, naming the nearest command or
 * table; *warn_file (if not NULL) is set to the file they are about, or
 * left alone when there are none (it points into c). Free with
 * ui_keys_free().
 */
struct ui_keys *ui_keys_new(const struct conf *c, struct warnings *w,
    const char **warn_file);
void ui_keys_free(struct ui_keys *k);

/*
 * Append the "keys:" section as YAML, every table's keys under their
 * canonical names, the unbound ones as "none": read back over the
 * defaults, it builds the same tables.
 */
void ui_keys_print(const struct ui_keys *k, struct buf *out);

/* The table a pane uses, by the pane's name ("tree"); -1 if none. */
int ui_keys_table(const char *name);

/* The command key has in table, falling back to "global"; or UI_CMD_NONE. */
enum ui_cmd ui_keys_lookup(const struct ui_keys *k, enum ui_keytable table,
    ui_key key);

/*
 * Parse a key name: a single character ("j", "?", "中"), C-x for a control
 * key, or a named key (Enter, Space, Tab, BTab, Esc, Backspace, Up, Down,
 * Left, Right, PgUp, PgDn, Home, End, Insert, Delete, F1-F12). Returns 0,
 * or -1 when the name is none of these.
 */
int ui_key_parse(const char *name, ui_key *out);
/* Append key's name, as ui_key_parse() reads it, to out. */
void ui_key_name(ui_key key, struct buf *out);
/* Normalise a key from get_wch(): ret is its return (OK or KEY_CODE_YES). */
ui_key ui_key_from_wch(int ret, uint32_t wch);

/*
 * The help screen's text, one line per string, for a screen width cells
 * wide (<= 0: any): a few lines on keys and on the config file hc says
 * is in use (and its problems, in full), then for each table a heading
 * and a line per bound command ("  j, Down, C-n   down   move down a
 * line"), its description wrapped under itself, or under the names when
 * the screen is too narrow beside them.
 */
struct ui_keys_help_conf {
	const char *path;	/* the config file in use, or NULL */
	bool found;		/* it exists (else the defaults are in use) */
	const struct warnings *warnings; /* its problems, or NULL */
};
void ui_keys_help(const struct ui_keys *k, const struct ui_keys_help_conf *hc,
    struct strvec *lines, int width);

#endif
