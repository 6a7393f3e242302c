/* SPDX-License-Identifier: MIT */
/*
 * Tests for the parts of the ui-* family that need no terminal: key names
 * and tables, the command table, the layout's width rules, the line
 * editor, OSC 52, the link-opening decision and text widths.
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "conf.h"
#include "report.h"
#include "strvec.h"
#include "tap.h"
#include "ui-clip.h"
#include "ui-command.h"
#include "ui-draw.h"
#include "ui-keys.h"
#include "ui-layout.h"
#include "ui-open.h"
#include "ui-pane.h"
#include "ui-prompt.h"
#include "ui-scan.h"
#include "utf8.h"

static void
test_key_names(void)
{
	static const struct { const char *name; ui_key key; } cases[] = {
		{ "j", 'j' }, { "?", '?' }, { "中", 0x4E2D }, { "Enter", '\r' },
		{ "Space", ' ' }, { "C-l", 12 }, { "Tab", '\t' },
		{ "PgDn", UI_KEY_FN(KEY_NPAGE) }, { "Down", UI_KEY_FN(KEY_DOWN) },
		{ "F5", UI_KEY_FN(KEY_F(5)) }, { "Esc", 27 },
		{ "BTab", UI_KEY_FN(KEY_BTAB) },
	};
	static const char *const bad[] = { "", "jk", "C-1", "F13", "Nope", " " };
	ui_key k;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct buf b = BUF_INIT;

		k = 0;
		is_int(ui_key_parse(cases[i].name, &k), 0, "'%s' parses",
		    cases[i].name);
		is_int(k, cases[i].key, "'%s' is the right key", cases[i].name);
		ui_key_name(k, &b);
		ui_key parsed = 0;
		ok(ui_key_parse(b.buf, &parsed) == 0 && parsed == k,
		    "'%s' names itself back as '%s'", cases[i].name, b.buf);
		buf_release(&b);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		is_int(ui_key_parse(bad[i], &k), -1, "'%s' is not a key", bad[i]);
	is_int(ui_key_from_wch(OK, '\n'), '\r', "LF is Enter");
	is_int(ui_key_from_wch(KEY_CODE_YES, KEY_ENTER), '\r', "KEY_ENTER is Enter");
	is_int(ui_key_from_wch(OK, 127), UI_KEY_FN(KEY_BACKSPACE), "DEL is Backspace");
	is_int(ui_key_from_wch(OK, 0x7591), 0x7591, "a Chinese character is itself");
}

static void
test_commands(void)
{
	is_int(ui_command_find("next-unread"), UI_CMD_NEXT_UNREAD, "find by name");
	is_int(ui_command_find("nope"), UI_CMD_NONE, "an unknown name");
	for (int i = 1; i < UI_CMD_COUNT; i++) {
		const struct ui_command *c = ui_command_get(i);

		ok(c->name && c->help && ui_command_find(c->name) == i,
		    "command %d (%s) is in the table once", i,
		    c->name ? c->name : "?");
	}
}

static void
test_key_tables(void)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;
	const char *file = NULL;
	struct ui_keys *k;
	struct strvec help = STRVEC_INIT;
	static const char user[] =
	    "keys:\n"
	    "  reader:\n"
	    "    j: next-article\n"
	    "  global:\n"
	    "    x: quit\n"
	    "    Q: none\n"
	    "    C-1: quit\n"
	    "    y: frobnicate\n"
	    "  nowhere:\n"
	    "    a: quit\n";
	char *joined;

	conf_init(&c);
	k = ui_keys_new(&c, &w, &file);
	is_int(w.nr, 0, "the default bindings are all valid");
	is_int(ui_keys_lookup(k, UI_KEYS_LIST, 'j'), UI_CMD_DOWN,
	    "the list falls back to the global table");
	is_int(ui_keys_lookup(k, UI_KEYS_READER, 'J'), UI_CMD_NEXT_ARTICLE,
	    "the reader's own table");
	is_int(ui_keys_lookup(k, UI_KEYS_LIST, 'J'), UI_CMD_NONE,
	    "J means nothing in the list");
	is_int(ui_keys_lookup(k, UI_KEYS_TREE, UI_KEY_FN(KEY_DOWN)), UI_CMD_DOWN,
	    "arrows work");
	is_int(ui_keys_lookup(k, UI_KEYS_READER, 12), UI_CMD_REDRAW, "C-l redraws");
	ui_keys_help(k, NULL, &help, 0);
	joined = strvec_join(&help, "\n");
	ok(strstr(joined, "Everywhere\n") && strstr(joined, "\nReader\n"),
	    "the help has a heading per table");
	ok(strstr(joined, "  j, Down, C-n ") != NULL, "keys are listed in order");
	ok(strstr(joined, "next-unread") && strstr(joined, "next unread article"),
	    "with the command's name and help");
	free(joined);
	strvec_clear(&help);
	ui_keys_free(k);

	conf_parse(&c, "user.yaml", user, sizeof user - 1, &w);
	is_int(w.nr, 0, "the user's file is valid YAML with known tables");
	k = ui_keys_new(&c, &w, &file);
	is_int(ui_keys_lookup(k, UI_KEYS_READER, 'j'), UI_CMD_NEXT_ARTICLE,
	    "a pane's binding overrides the global one there");
	is_int(ui_keys_lookup(k, UI_KEYS_LIST, 'j'), UI_CMD_DOWN, "and only there");
	is_int(ui_keys_lookup(k, UI_KEYS_LIST, 'x'), UI_CMD_QUIT, "a new key");
	is_int(ui_keys_lookup(k, UI_KEYS_LIST, 'Q'), UI_CMD_NONE, "an unbound key");
	is_int(w.nr, 3, "three bad bindings");
	if (w.nr == 3) {
		ok(w.v[0].line == 7 && strstr(w.v[0].msg, "C-1: unknown key name"),
		    "a bad key name, at its line: %d %s", w.v[0].line, w.v[0].msg);
		ok(w.v[1].line == 8 &&
		    strstr(w.v[1].msg, "y: unknown command 'frobnicate'"),
		    "a bad command: %s", w.v[1].msg);
		ok(w.v[2].line == 9 && w.v[2].col == 3 && strstr(w.v[2].msg, "unknown key table"),
		    "a bad table: %s", w.v[2].msg);
	}
	is_str(file, "user.yaml", "the warnings name the user's file");
	ui_keys_free(k);
	warnings_release(&w);
	conf_release(&c);
}

/*
 * "none" in a pane's table hides the global binding there (the man
 * page's "list: r: none"); the printed tables say it, and read back over
 * the defaults build the same tables; the help names the config file and
 * lists its problems whole.
 */
static void
test_key_masks(void)
{
	static const char user[] =
	    "keys:\n"
	    "  list:\n"
	    "    r: none\n"
	    "  global:\n"
	    "    Q: none\n"
	    "    PageDown: half-page-down\n";
	struct conf c, back;
	struct warnings w = WARNINGS_INIT, problems = WARNINGS_INIT;
	struct ui_keys *k, *k2;
	struct buf p1 = BUF_INIT, p2 = BUF_INIT;
	struct strvec help = STRVEC_INIT;
	struct ui_keys_help_conf hc = { "/x/config.yaml", true, &problems };
	char *joined;

	conf_init(&c);
	conf_parse(&c, "user.yaml", user, sizeof user - 1, &w);
	k = ui_keys_new(&c, &w, NULL);
	is_int(w.nr, 0, "no faults");
	is_int(ui_keys_lookup(k, UI_KEYS_LIST, 'r'), UI_CMD_NONE,
	    "list: r: none unbinds r in the list");
	is_int(ui_keys_lookup(k, UI_KEYS_TREE, 'r'), UI_CMD_TOGGLE_READ,
	    "and only there");
	is_int(ui_keys_lookup(k, UI_KEYS_READER, 'Q'), UI_CMD_NONE,
	    "global: Q: none unbinds it everywhere");
	ui_keys_print(k, &p1);
	ok(strstr(p1.buf, "  list:\n    r: none\n") != NULL,
	    "the printed tables keep the list's none");
	ok(strstr(p1.buf, "    PgDn: half-page-down\n") &&
	    !strstr(p1.buf, "PageDown"), "a key under its canonical name");
	conf_init(&back);
	conf_parse(&back, "printed.yaml", p1.buf, p1.len, &w);
	k2 = ui_keys_new(&back, &w, NULL);
	ui_keys_print(k2, &p2);
	is_int(w.nr, 0, "the printed tables read back without faults");
	is_str(p2.buf, p1.buf, "and print the same bytes");
	warnings_add_at(&problems, 3, 8, "keys: global: x: unknown command "
	    "'toggle-reed'; did you mean toggle-read?");
	ui_keys_help(k, &hc, &help, 40);
	joined = strvec_join(&help, "\n");
	ok(strstr(joined, "\n  /x/config.yaml\n") != NULL,
	    "the help names the config file in use");
	ok(strstr(joined, "  3:8: keys: global: x: unknown command\n") &&
	    strstr(joined, "toggle-read?"),
	    "and its problems, wrapped, not cut");
	free(joined);
	strvec_clear(&help);
	hc.found = false;
	ui_keys_help(k, &hc, &help, 0);
	joined = strvec_join(&help, "\n");
	ok(strstr(joined, "/x/config.yaml (absent)") != NULL,
	    "an absent file is said to be absent");
	free(joined);
	strvec_clear(&help);
	ui_keys_free(k);
	ui_keys_free(k2);
	buf_release(&p1);
	buf_release(&p2);
	warnings_release(&w);
	warnings_release(&problems);
	conf_release(&c);
	conf_release(&back);
}

static void
test_layout(void)
{
	struct ui_layout_state st = { UI_PANE_TREE, UI_PANE_LIST, false, false };
	struct ui_rect r[UI_PANE_COUNT];
	int sep[2];

	is_int(ui_layout_compute(40, 132, &st, r, sep), UI_LAYOUT_THREE,
	    "132 columns: three panes");
	ok(r[0].w > 0 && r[1].w > 0 && r[2].w > 0, "all three shown");
	is_int(r[0].w + r[1].w + r[2].w + 2, 132, "they fill the width with two rules");
	ok(sep[0] == r[0].w && r[1].x == sep[0] + 1 && sep[1] == r[1].x + r[1].w &&
	    r[2].x == sep[1] + 1, "rules sit between the panes");
	ok(r[0].y == 1 && r[0].h == 38, "below the title bar, above the status line");
	is_int(ui_layout_compute(24, 120, &st, r, sep), UI_LAYOUT_THREE,
	    "120 columns: three panes");
	is_int(ui_layout_compute(24, 119, &st, r, sep), UI_LAYOUT_SPLIT,
	    "119 columns: split");
	ok(r[UI_PANE_TREE].w > 0 && r[UI_PANE_LIST].w > 0 && r[UI_PANE_READER].w == 0,
	    "tree and list");
	st.reader_open = true;
	st.focus = UI_PANE_READER;
	ui_layout_compute(24, 80, &st, r, sep);
	ok(r[UI_PANE_TREE].w > 0 && r[UI_PANE_LIST].w == 0 &&
	    r[UI_PANE_READER].w > 0, "reading at 80: tree and reader");
	is_int(r[UI_PANE_TREE].w + 1 + r[UI_PANE_READER].w, 80, "filling the width");
	st.focus = UI_PANE_TREE;
	st.right = UI_PANE_READER;
	ui_layout_compute(24, 80, &st, r, sep);
	ok(r[UI_PANE_READER].w > 0, "the right side stays the reader from the tree");
	is_int(ui_layout_compute(24, 60, &st, r, sep), UI_LAYOUT_SPLIT,
	    "60 columns: split");
	is_int(ui_layout_compute(24, 59, &st, r, sep), UI_LAYOUT_SINGLE,
	    "59 columns: one pane");
	ok(r[UI_PANE_TREE].w == 59 && r[UI_PANE_LIST].w == 0 &&
	    sep[0] == -1, "the focused one, full width, no rules");
	is_int(ui_layout_compute(6, 20, &st, r, sep), UI_LAYOUT_SINGLE,
	    "20x6 is big enough");
	is_int(ui_layout_compute(5, 20, &st, r, sep), UI_LAYOUT_TOO_SMALL,
	    "20x5 is too small");
	is_int(ui_layout_compute(6, 19, &st, r, sep), UI_LAYOUT_TOO_SMALL,
	    "19x6 is too small");
	st.focus = UI_PANE_READER;
	st.reader_open = false;
	ui_layout_compute(24, 40, &st, r, sep);
	ok(r[UI_PANE_LIST].w == 40 && r[UI_PANE_READER].w == 0,
	    "no article: the reader cannot be shown");
	st.reader_open = true;
	st.zoom = true;
	ui_layout_compute(40, 132, &st, r, sep);
	ok(r[UI_PANE_READER].w == 132 && r[UI_PANE_TREE].w == 0 && sep[0] == -1,
	    "zoom: the reader fills the width");
	for (int cols = 20; cols <= 300; cols++) {
		int total = 0, shown = 0;

		st.zoom = false;
		st.focus = UI_PANE_LIST;
		ui_layout_compute(24, cols, &st, r, sep);
		for (int i = 0; i < UI_PANE_COUNT; i++) {
			total += r[i].w;
			shown += r[i].w > 0;
		}
		if (total + (sep[0] >= 0) + (sep[1] >= 0) != cols) {
			ok(0, "at %d columns the panes fill the width", cols);
			return;
		}
	}
	ok(1, "from 20 to 300 columns the panes always fill the width");
}

/* --- the prompt --- */

static char *done_text;
static int done_calls;

static int
on_done(void *ctx, struct ui *ui, const char *text)
{
	(void)ctx;
	(void)ui;
	free(done_text);
	done_text = text ? strdup(text) : NULL;
	done_calls++;
	return 0;
}

static void
type(struct ui_prompt *p, const char *s)
{
	size_t len = strlen(s);
	uint32_t cp;
	int n;

	while (len && (n = utf8_decode(s, len, &cp)) > 0) {
		ui_prompt_key(p, NULL, cp);
		s += n;
		len -= (size_t)n;
	}
}

static void
test_prompt(void)
{
	struct ui_prompt p;
	char *t;

	ui_prompt_init(&p);
	ui_prompt_start(&p, "/", on_done, NULL);
	type(&p, "疫情防控");
	t = ui_prompt_text(&p);
	is_str(t, "疫情防控", "Chinese text is taken whole");
	free(t);
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_LEFT));
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_LEFT));
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_BACKSPACE));
	t = ui_prompt_text(&p);
	is_str(t, "疫防控", "Backspace deletes before the cursor");
	free(t);
	ui_prompt_key(&p, NULL, UI_KEY_CTRL('a'));
	type(&p, "新");
	ui_prompt_key(&p, NULL, UI_KEY_CTRL('e'));
	type(&p, "e\xCC\x81");	/* e + combining acute */
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_BACKSPACE));
	t = ui_prompt_text(&p);
	is_str(t, "新疫防控", "C-a, C-e, and a mark goes with its base");
	free(t);
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_HOME));
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_DC));
	ui_prompt_key(&p, NULL, UI_KEY_CTRL('k'));
	t = ui_prompt_text(&p);
	is_str(t, "", "Delete, then C-k to the end");
	free(t);
	type(&p, "one two");
	ui_prompt_key(&p, NULL, UI_KEY_CTRL('w'));
	t = ui_prompt_text(&p);
	is_str(t, "one ", "C-w deletes a word");
	free(t);
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_F(3)));	/* a function key: ignored */
	ui_prompt_key(&p, NULL, 0x9B);		/* C1 CSI: ignored */
	ui_prompt_key(&p, NULL, 0x202E);	/* RLO: ignored */
	ui_prompt_key(&p, NULL, '\r');
	ok(!p.active && done_calls == 1, "Enter accepts");
	is_str(done_text, "one ", "and hands over the line, controls left out");

	ui_prompt_start(&p, "/", on_done, NULL);
	type(&p, "疫情");
	ui_prompt_key(&p, NULL, '\r');
	ui_prompt_start(&p, "/", on_done, NULL);
	type(&p, "draft");
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_UP));
	t = ui_prompt_text(&p);
	is_str(t, "疫情", "Up recalls the last line");
	free(t);
	ui_prompt_key(&p, NULL, UI_KEY_CTRL('p'));
	t = ui_prompt_text(&p);
	is_str(t, "one ", "and the one before");
	free(t);
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_DOWN));
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_DOWN));
	t = ui_prompt_text(&p);
	is_str(t, "draft", "Down comes back to the draft");
	free(t);
	ui_prompt_key(&p, NULL, 27);
	ok(!p.active && done_text == NULL && done_calls == 3, "Esc cancels");
	ui_prompt_start(&p, "/", on_done, NULL);
	ui_prompt_key(&p, NULL, UI_KEY_FN(KEY_BACKSPACE));
	ok(!p.active && done_text == NULL, "Backspace on an empty line cancels");

	ui_prompt_ask(&p, "Mark all read? (y/n)", on_done, NULL);
	ui_prompt_key(&p, NULL, 'y');
	is_str(done_text, "y", "y answers yes");
	ui_prompt_ask(&p, "Mark all read? (y/n)", on_done, NULL);
	ui_prompt_key(&p, NULL, 'j');
	ok(done_text == NULL && !p.active, "anything else answers no");
	is_int(p.history.nr, 2, "questions stay out of the history");
	free(done_text);
	done_text = NULL;
	ui_prompt_release(&p);
}

static void
test_clip(void)
{
	struct buf b = BUF_INIT;
	static const struct { const char *in, *out; } b64[] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "新", "5paw" },
	};
	char *big;

	for (size_t i = 0; i < sizeof b64 / sizeof b64[0]; i++) {
		buf_reset(&b);
		ui_clip_base64(&b, b64[i].in, strlen(b64[i].in));
		is_str(b.buf, b64[i].out, "base64 of '%s'", b64[i].in);
	}
	buf_reset(&b);
	is_int(ui_clip_osc52(&b, "https://a.cn/\x1b]x", 16), 0, "OSC 52 made");
	is_str(b.buf, "\033]52;c;aHR0cHM6Ly9hLmNuLxtdeA==\a",
	    "the text is base64: no byte of it reaches the terminal raw");
	big = calloc(1, UI_CLIP_MAX + 2);
	memset(big, 'a', UI_CLIP_MAX + 1);
	buf_reset(&b);
	is_int(ui_clip_osc52(&b, big, UI_CLIP_MAX + 1), -1, "too much is refused");
	is_int(b.len, 0, "and nothing is written");
	free(big);
	buf_release(&b);
}

static void
test_open(void)
{
	struct ui_open_env local = { .display = true, .have_xdg_open = true };
	struct ui_open_env ssh = { .browser = "w3m", .display = true,
	    .ssh = true, .have_xdg_open = true };
	struct ui_open_env nodisplay = { .browser = "lynx",
	    .have_xdg_open = true };
	struct ui_open_env browser = { .browser = "w3m", .display = true,
	    .have_xdg_open = true };
	struct ui_open_env none = { .display = true };
	struct ui_open_env ssh_plain = { .display = true, .ssh = true,
	    .have_xdg_open = true };
	struct ui_open_env sensible = { .ssh = true, .have_sensible = true };
	struct ui_open_env both = { .display = true, .have_xdg_open = true,
	    .have_sensible = true };
	const char *prog;
	char ***cmds;

	ok(ui_open_allowed("https://example.com/a?b=c"), "https");
	ok(ui_open_allowed("HTTP://example.com"), "HTTP in capitals");
	ok(ui_open_allowed("ftp://x/y") && ui_open_allowed("mailto:a@b.cn"),
	    "ftp and mailto");
	ok(!ui_open_allowed("javascript:alert(1)"), "javascript: refused");
	ok(!ui_open_allowed("file:///etc/passwd"), "file: refused");
	ok(!ui_open_allowed("data:text/html,x"), "data: refused");
	ok(!ui_open_allowed("/etc/passwd") && !ui_open_allowed("example.com"),
	    "no scheme refused");
	is_int(ui_open_decide("https://a.cn/ x", &local, &prog), UI_OPEN_UNSAFE,
	    "a space is refused, for what it is (not as a scheme)");
	is_int(ui_open_decide("https://a.cn/\n--help", &local, &prog),
	    UI_OPEN_UNSAFE, "so is a control");
	is_int(ui_open_decide("https://a.cn/\xe2\x80\xa8x", &local, &prog),
	    UI_OPEN_UNSAFE, "and U+2028");
	is_int(ui_open_decide("https://a.cn/%20x", &local, &prog),
	    UI_OPEN_RUN_DETACHED, "the percent-encoded form is opened");
	ok(!ui_open_allowed("-https://x"), "an option is not a URL");
	is_int(ui_open_decide("https://a.cn", &local, &prog), UI_OPEN_RUN_DETACHED,
	    "local, no $BROWSER: xdg-open, detached");
	is_str(prog, "xdg-open", "xdg-open");
	is_int(ui_open_decide("https://a.cn", &browser, &prog),
	    UI_OPEN_RUN_TERMINAL, "$BROWSER runs in the terminal");
	is_str(prog, "w3m", "$BROWSER is the program");
	is_int(ui_open_decide("https://a.cn", &ssh, &prog),
	    UI_OPEN_RUN_TERMINAL, "over SSH, $BROWSER runs in the terminal");
	is_str(prog, "w3m", "the same $BROWSER");
	is_int(ui_open_decide("https://a.cn", &nodisplay, &prog),
	    UI_OPEN_RUN_TERMINAL, "on a console (no display) too");
	is_int(ui_open_decide("https://a.cn", &ssh_plain, &prog), UI_OPEN_SHOW,
	    "over SSH with no $BROWSER nor sensible-browser: show the URL");
	is_int(ui_open_decide("https://a.cn", &sensible, &prog),
	    UI_OPEN_RUN_TERMINAL, "no $BROWSER, no display: sensible-browser");
	is_str(prog, "sensible-browser", "in the terminal");
	is_int(ui_open_decide("https://a.cn", &both, &prog),
	    UI_OPEN_RUN_DETACHED, "under a display xdg-open comes first");
	is_int(ui_open_decide("https://a.cn", &none, &prog), UI_OPEN_SHOW,
	    "no browser: show the URL");

	/* $BROWSER's forms: a list tried in order, %s, the URL one word. */
	cmds = ui_open_commands("lynx -nopause %s:w3m", "https://a.cn/x y");
	ok(cmds[0] && cmds[1] && !cmds[2], "two commands");
	is_str(cmds[0][0], "lynx", "the first's program");
	is_str(cmds[0][1], "-nopause", "its option");
	is_str(cmds[0][2], "https://a.cn/x y", "%%s is the URL, one argument");
	ok(!cmds[0][3], "and nothing after");
	is_str(cmds[1][0], "w3m", "the second");
	is_str(cmds[1][1], "https://a.cn/x y", "without %%s the URL comes last");
	ui_open_commands_free(cmds);
	cmds = ui_open_commands("  :open --url=%s --x=100%%  ::", "u;rm");
	ok(cmds[0] && !cmds[1], "empty commands are left out");
	is_str(cmds[0][1], "--url=u;rm", "%%s inside a word");
	is_str(cmds[0][2], "--x=100%", "%%%% is a %%");
	ok(!cmds[0][3], "the URL is not added again");
	ui_open_commands_free(cmds);
	is_int(ui_open_run("nr-no-such-browser:nr-nor-this:true", "https://a.cn",
	    true), 0, "the first command that starts runs");
	is_int(ui_open_decide("javascript:x", &local, &prog), UI_OPEN_REFUSE,
	    "a bad scheme is refused before anything else");
	is_int(ui_open_run("true", "https://a.cn", true), 0, "a program runs");
	is_int(ui_open_run("nr-no-such-browser", "https://a.cn", true), -1,
	    "a missing one is reported");
	/* sh takes the URL as a script's name and fails; it never runs "exit 3". */
	ok(ui_open_run("sh", "https://a.cn/;exit 3", true) != 3,
	    "the URL is one argument, never shell code");
}

static void
test_widths(void)
{
	is_int(ui_text_width("abc", 3), 3, "ASCII");
	is_int(ui_text_width("疫情", 6), 4, "Chinese is two cells a character");
	is_int(ui_text_width("e\xCC\x81", 3), 1, "a mark adds nothing");
	is_int(ui_text_width("a\x1b[31mb", 7), 2,
	    "an escape sequence goes whole, not only its ESC");
	is_int(ui_text_width("a\x1b]0;title\x07" "b\tc", 14), 4,
	    "an OSC string goes whole; a tab is a space");
	is_int(ui_text_width("\xff", 1), 1, "a bad byte is one replacement");
	is_int(ui_text_width("\xE2\x80\xAE", 3), 0, "a bidi override is dropped");
}

/* A scan that reports warnings and counts, for ui-scan. */
static int
fake_scan(void *ctx, const struct reporter *rep, struct scan_progress *pr,
    struct scan_stats *st, struct error *err)
{
	int nwarn = *(int *)ctx;

	for (int i = 0; i < nwarn; i++)
		rep->fn(rep->ctx, "/news/a.md", i + 1, "bad \033[31mdate");
	atomic_store(&pr->seen, 123456);
	atomic_store(&pr->total, 2500);
	atomic_store(&pr->parsed, 1234);
	st->scanned = 123456;
	if (nwarn == 0) {
		error_set(err, "database is locked");
		return -1;
	}
	return 0;
}

static void
count_wake(void *ctx)
{
	++*(int *)ctx;
}

static void
test_scan(void)
{
	struct strvec w = STRVEC_INIT;
	struct scan_stats st;
	struct error err = ERROR_INIT;
	struct buf b = BUF_INIT;
	int nwarn = UI_SCAN_MAX_WARNINGS + 7, wakes = 0;
	struct ui_scan *s = ui_scan_start(fake_scan, &nwarn, count_wake, &wakes,
	    &err);

	ok(s != NULL, "a scan thread starts");
	if (!s)
		return;
	is_int(ui_scan_finish(s, &st, &err), 0, "its result comes back");
	ok(ui_scan_done(s), "it is done");
	is_int(wakes, 1, "it woke the loop once, at the end");
	is_int(st.scanned, 123456, "its stats come back");
	ui_scan_progress(s, &b);
	is_str(b.buf, "扫描 1,234/2,500", "progress: parsed of total, with commas");
	is_int(ui_scan_parsed(s), 1234, "parsed so far");
	is_int(ui_scan_take_warnings(s, &w), 7, "warnings past the cap are counted");
	is_int(w.nr, UI_SCAN_MAX_WARNINGS, "the first ones are kept");
	is_str(w.v[0], "newsreader: /news/a.md:1: bad date",
	    "formatted as the CLI prints them, scrubbed");
	strvec_clear(&w);
	is_int(ui_scan_take_warnings(s, &w), 0, "taken once");
	is_int(w.nr, 0, "and then gone");
	ui_scan_free(s);

	nwarn = 0;
	s = ui_scan_start(fake_scan, &nwarn, NULL, NULL, &err);
	is_int(ui_scan_finish(s, &st, &err), -1, "a failed scan says so");
	is_str(err.msg, "database is locked", "with its error");
	ui_scan_free(s);
	error_release(&err);
	buf_release(&b);
}

int
main(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		return tap_skip_all("no C.UTF-8 locale");
	test_key_names();
	test_commands();
	test_key_tables();
	test_key_masks();
	test_layout();
	test_prompt();
	test_clip();
	test_open();
	test_widths();
	test_scan();
	return tap_done();
}
