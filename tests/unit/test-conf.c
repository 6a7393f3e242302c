/* SPDX-License-Identifier: MIT */
/* Tests for src/conf.c: defaults, the user's file, and bad input. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "conf.h"
#include "nearest.h"
#include "report.h"
#include "tap.h"

static int
parse(struct conf *c, const char *text, struct warnings *w)
{
	return conf_parse(c, "test.yaml", text, strlen(text), w);
}

/* The last binding of key in table, as the key tables would see it. */
static const struct conf_binding *
binding(const struct conf *c, const char *table, const char *key)
{
	const struct conf_binding *found = NULL;

	for (size_t i = 0; i < c->nbindings; i++)
		if (!strcmp(c->bindings[i].table, table) &&
		    !strcmp(c->bindings[i].key, key))
			found = &c->bindings[i];
	return found;
}

static void
test_defaults(void)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;
	const struct conf_binding *b;

	conf_init(&c);
	ok(c.osc52 && c.mouse && c.margins && c.indent,
	    "osc52, mouse, margins and indent are on");
	is_int(c.measure, 80, "the reading measure is 80 cells");
	ok(c.timezone == NULL, "no time zone is forced");
	b = binding(&c, "global", "j");
	ok(b && b->command && !strcmp(b->command, "down"), "j is down");
	b = binding(&c, "global", "?");
	ok(b && b->command && !strcmp(b->command, "help"), "? is help");
	b = binding(&c, "reader", "J");
	ok(b && b->command && !strcmp(b->command, "next-article"),
	    "J reads the next article");
	is_int(c.styles[CONF_STYLE_SELECTED].bg, 6, "the selection is on cyan");
	is_int(c.styles[CONF_STYLE_NORMAL].bg, CONF_COLOR_DEFAULT,
	    "text keeps the terminal's background");
	is_int(c.styles[CONF_STYLE_SELECTED].mono, CONF_ATTR_REVERSE,
	    "without colour the selection is reverse video");
	is_int(c.styles[CONF_STYLE_UNREAD].mono, CONF_ATTR_BOLD,
	    "without colour unread is bold");
	/* The defaults text must itself be clean. */
	is_int(parse(&c, conf_default_text, &w), 0, "the defaults parse");
	is_int(w.nr, 0, "the defaults give no warnings");
	warnings_release(&w);
	conf_release(&c);
}

static void
test_user_file(void)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;
	const struct conf_binding *b;

	conf_init(&c);
	is_int(parse(&c,
	    "osc52: false\n"
	    "mouse: no\n"
	    "margins: false\n"
	    "measure: 66\n"
	    "indent: off\n"
	    "timezone: Asia/Shanghai\n"
	    "colors:\n"
	    "  selected: bold white on 4\n"
	    "  unread: bright-yellow\n"
	    "keys:\n"
	    "  list:\n"
	    "    x: toggle-read\n"
	    "  global:\n"
	    "    j: none\n", &w), 0, "a valid file parses");
	is_int(w.nr, 0, "with no warnings");
	ok(!c.osc52 && !c.mouse && !c.margins && !c.indent,
	    "booleans in either spelling");
	is_int(c.measure, 66, "measure");
	is_str(c.timezone, "Asia/Shanghai", "timezone");
	is_int(c.styles[CONF_STYLE_SELECTED].fg, 7, "a named foreground");
	is_int(c.styles[CONF_STYLE_SELECTED].bg, 4, "a numbered background");
	is_int(c.styles[CONF_STYLE_SELECTED].attrs, CONF_ATTR_BOLD, "an attribute");
	is_int(c.styles[CONF_STYLE_UNREAD].fg, 11, "a bright colour");
	b = binding(&c, "list", "x");
	ok(b && !strcmp(b->command, "toggle-read") && b->line == 12 &&
	    !strcmp(b->file, "test.yaml"), "a binding keeps its file and line");
	b = binding(&c, "global", "j");
	ok(b && b->command == NULL, "none unbinds, and wins over the default");
	warnings_release(&w);
	conf_release(&c);
}

static void
test_bad_entries(void)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;

	conf_init(&c);
	is_int(parse(&c,
	    "measure: 5\n"
	    "osc52: maybe\n"
	    "colour: red\n"
	    "colors:\n"
	    "  selected: purple\n"
	    "  nothing: red\n"
	    "timezone: \"Asia/Shang hai\"\n"
	    "indent: true\n", &w), 0, "a file with bad entries still applies");
	is_int(w.nr, 6, "one warning per bad entry");
	if (w.nr == 6) {
		is_int(w.v[0].line, 1, "measure's line");
		ok(strstr(w.v[0].msg, "measure: expected a width from 20 to 1000") != NULL,
		    "measure out of range: %s", w.v[0].msg);
		ok(strstr(w.v[1].msg, "osc52: expected true or false") != NULL,
		    "a bad boolean: %s", w.v[1].msg);
		ok(strstr(w.v[2].msg, "unknown setting 'colour'") != NULL,
		    "an unknown setting: %s", w.v[2].msg);
		is_int(w.v[3].line, 5, "a bad style's line");
		ok(strstr(w.v[3].msg, "bad style 'purple'") != NULL,
		    "a bad colour: %s", w.v[3].msg);
		ok(strstr(w.v[4].msg, "unknown element 'nothing'") != NULL,
		    "an unknown element: %s", w.v[4].msg);
		ok(strstr(w.v[5].msg, "timezone") != NULL, "a bad zone: %s",
		    w.v[5].msg);
	}
	is_int(c.measure, 80, "a bad measure keeps the default");
	ok(c.osc52, "a bad boolean keeps the default");
	is_int(c.styles[CONF_STYLE_SELECTED].bg, 6, "a bad style keeps the default");
	warnings_release(&w);
	conf_release(&c);

	conf_init(&c);
	is_int(parse(&c, "measure: 60\nkeys: [unclosed\n", &w), -1,
	    "invalid YAML is refused whole");
	is_int(c.measure, 80, "and nothing in it applies");
	ok(w.nr == 1 && w.v[0].line == 3 &&
	    strstr(w.v[0].msg, "not valid YAML, so the defaults are used"),
	    "one warning with the line: %d %s", w.nr ? w.v[0].line : 0,
	    w.nr ? w.v[0].msg : "");
	warnings_release(&w);
	is_int(parse(&c, "", &w), 0, "an empty file is fine");
	is_int(parse(&c, "- a\n- b\n", &w), 0, "a list is valid YAML");
	ok(w.nr == 1 && strstr(w.v[0].msg, "expected a mapping"),
	    "but not a config");
	warnings_release(&w);
	conf_release(&c);
}

static void
test_styles(void)
{
	struct conf_style st = { 0, 0, 0, 0 };
	const char *why = NULL;

	is_int(conf_parse_style(&st, "default on default", &why), 0,
	    "default on default");
	ok(st.fg == CONF_COLOR_DEFAULT && st.bg == CONF_COLOR_DEFAULT,
	    "both are the terminal's");
	is_int(conf_parse_style(&st, "underline reverse 200 on bright-black", &why),
	    0, "attributes, a 256-colour number and a bright background");
	ok(st.fg == 200 && st.bg == 8 &&
	    st.attrs == (CONF_ATTR_UNDERLINE | CONF_ATTR_REVERSE), "all read");
	is_int(conf_parse_style(&st, "red green", &why), -1, "two foregrounds");
	is_int(conf_parse_style(&st, "red on", &why), -1, "on without a colour");
	is_int(conf_parse_style(&st, "256", &why), -1, "256 is out of range");
}

static void
test_files(void)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;
	struct error err = ERROR_INIT;
	char dir[] = "/tmp/nrconfXXXXXX", *path;
	FILE *fp;

	if (!mkdtemp(dir)) {
		tap_skip("no temporary directory");
		return;
	}
	path = conf_default_path();
	free(path);
	setenv("XDG_CONFIG_HOME", dir, 1);
	path = conf_default_path();
	ok(strncmp(path, dir, strlen(dir)) == 0 &&
	    !strcmp(path + strlen(dir), "/newsreader/config.yaml"),
	    "the path follows XDG_CONFIG_HOME: %s", path);
	conf_init(&c);
	is_int(conf_load(&c, path, &w, &err), 1,
	    "a missing file: 1, for the caller to judge");
	free(path);
	path = malloc(strlen(dir) + 16);
	sprintf(path, "%s/c.yaml", dir);
	fp = fopen(path, "w");
	fputs("timezone: UTC\nmeasure: 72\n", fp);
	fclose(fp);
	is_int(conf_load(&c, path, &w, &err), 0, "a file loads");
	is_int(c.measure, 72, "and applies");
	conf_apply_timezone(&c);
	is_str(getenv("TZ"), "UTC", "the time zone reaches TZ");
	/* CONF_FILE_MAX bytes (a comment) load; one more is refused. */
	fp = fopen(path, "w");
	fputs("measure: 70\n#", fp);
	for (long i = 13; i < CONF_FILE_MAX; i++)
		fputc('x', fp);
	fclose(fp);
	is_int(conf_load(&c, path, &w, &err), 0, "a file of CONF_FILE_MAX bytes loads");
	is_int(c.measure, 70, "and applies");
	fp = fopen(path, "a");
	fputc('x', fp);
	fclose(fp);
	is_int(conf_load(&c, path, &w, &err), -1, "one byte more is refused");
	ok(err.msg && strstr(err.msg, "larger than 1024 KiB"), "saying why: %s",
	    err.msg ? err.msg : "");
	remove(path);
	rmdir(dir);
	free(path);
	setenv("XDG_CONFIG_HOME", "relative", 1);
	setenv("HOME", "/home/someone", 1);
	path = conf_default_path();
	is_str(path, "/home/someone/.config/newsreader/config.yaml",
	    "a relative XDG_CONFIG_HOME is ignored");
	free(path);
	conf_release(&c);
	warnings_release(&w);
	error_release(&err);
}

/* The first warning whose message contains text, or NULL. */
static const struct warning *
warning_with(const struct warnings *w, const char *text)
{
	for (size_t i = 0; i < w->nr; i++)
		if (strstr(w->v[i].msg, text))
			return &w->v[i];
	return NULL;
}

static void
test_nearest(void)
{
	static const char *const names[] = { "toggle-read", "toggle-star",
		"timezone", "selected", "list" };

	is_int((int)nearest_distance("", ""), 0, "nothing to nothing");
	is_int((int)nearest_distance("kitten", "sitting"), 3,
	    "kitten/sitting: 3");
	is_int((int)nearest_distance("lsit", "list"), 1,
	    "two letters swapped are one edit");
	is_int((int)nearest_distance("新媒体", "新媒休"), 1,
	    "a Chinese character is one edit, not three bytes");
	is_str(nearest_name("toggle-red", names, 5), "toggle-read",
	    "toggle-red: toggle-read");
	is_str(nearest_name("tmezone", names, 5), "timezone", "tmezone: timezone");
	is_str(nearest_name("lsit", names, 5), "list", "lsit: list");
	ok(nearest_name("frobnicate", names, 5) == NULL,
	    "nothing near frobnicate");
	ok(nearest_name("x", names, 5) == NULL, "nor near x");
}

static void
test_positions(void)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;
	const struct warning *wn;

	conf_init(&c);
	parse(&c, "measure: 72\n"
	    "tmezone: UTC\n"
	    "colors:\n"
	    "  selectd: red\n"
	    "  unread:   purple\n"
	    "timezone: Mars/Olympus\n"
	    "osc52: maybe\n", &w);
	wn = warning_with(&w, "unknown setting 'tmezone'");
	ok(wn && wn->line == 2 && wn->col == 1 &&
	    strstr(wn->msg, "; did you mean timezone?"),
	    "an unknown setting at 2:1, naming the nearest: %s",
	    wn ? wn->msg : "none");
	wn = warning_with(&w, "unknown element 'selectd'");
	ok(wn && wn->line == 4 && wn->col == 3 &&
	    strstr(wn->msg, "; did you mean selected?"),
	    "an unknown colour element at 4:3, naming the nearest: %s",
	    wn ? wn->msg : "none");
	wn = warning_with(&w, "bad style 'purple'");
	ok(wn && wn->line == 5 && wn->col == 13, "a bad style at its value, 5:13");
	wn = warning_with(&w, "Mars/Olympus");
	ok(wn && wn->line == 6 && wn->col == 11 &&
	    strstr(wn->msg, "unknown time zone 'Mars/Olympus'"),
	    "an unknown time zone is named, at 6:11: %s", wn ? wn->msg : "none");
	ok(c.timezone == NULL, "and is not applied (no silent UTC)");
	wn = warning_with(&w, "osc52");
	ok(wn && wn->line == 7 && wn->col == 8, "a bad boolean at 7:8");
	warnings_release(&w);
	conf_release(&c);

	/* A zone name in the database, a POSIX rule, UTC: all known. */
	conf_init(&c);
	parse(&c, "timezone: CST-8\n", &w);
	is_str(c.timezone, "CST-8", "a POSIX rule is a zone");
	parse(&c, "timezone: <+08>-8\n", &w);
	is_str(c.timezone, "<+08>-8", "so is one with a quoted name");
	parse(&c, "timezone: UTC\n", &w);
	is_str(c.timezone, "UTC", "UTC needs no file");
	is_int(w.nr, 0, "no warnings for known zones");
	setenv("TZDIR", "/nonexistent", 1);
	parse(&c, "timezone: Asia/Shanghai\n", &w);
	ok(w.nr == 1 && strstr(w.v[0].msg, "'Asia/Shanghai'"),
	    "a name is looked up under $TZDIR");
	unsetenv("TZDIR");
	warnings_release(&w);
	conf_release(&c);

	/* YAML syntax errors have a column too. */
	conf_init(&c);
	parse(&c, "measure: 72\nkeys: [a, b\n", &w);
	ok(w.nr == 1 && w.v[0].line == 3 && w.v[0].col == 1,
	    "a syntax error at its line and column: %d:%d",
	    w.nr ? w.v[0].line : 0, w.nr ? w.v[0].col : 0);
	warnings_release(&w);
	conf_release(&c);
}

static void
test_print(void)
{
	static const char user[] =
	    "osc52: no\n"
	    "measure: 66\n"
	    "timezone: Asia/Shanghai\n"
	    "colors:\n"
	    "  selected: bold underline 200 on bright-black\n"
	    "  normal: default on blue\n"
	    "  dim: italic\n";
	struct conf a, b;
	struct warnings w = WARNINGS_INIT;
	struct buf p1 = BUF_INIT, p2 = BUF_INIT;

	conf_init(&a);
	parse(&a, user, &w);
	is_int(w.nr, 0, "the user's file is valid");
	conf_print(&a, &p1);
	ok(strstr(p1.buf, "osc52: false\n") && strstr(p1.buf, "measure: 66\n"),
	    "the settings are printed as they are in effect");
	ok(strstr(p1.buf, "  selected: bold underline 200 on bright-black\n") &&
	    strstr(p1.buf, "  normal: default on blue\n"),
	    "styles in the form the parser reads");
	ok(strstr(p1.buf, "  title: reverse\n") != NULL,
	    "defaults the file did not change are printed too");
	conf_init(&b);
	parse(&b, p1.buf, &w);
	is_int(w.nr, 0, "the printed text reads back without warnings");
	conf_print(&b, &p2);
	is_str(p2.buf, p1.buf, "and prints the same bytes");
	ok(memcmp(a.styles, b.styles, sizeof a.styles) == 0 &&
	    a.osc52 == b.osc52 && a.measure == b.measure &&
	    !strcmp(a.timezone, b.timezone), "and is the same configuration");
	for (int i = 0; i < 256; i++) {
		struct conf_style st = { i, 255 - i, (unsigned)i & 31, 0 }, back;
		struct buf f = BUF_INIT;
		const char *why = NULL;

		st.fg = i % 17 == 16 ? CONF_COLOR_DEFAULT : i;
		back.mono = 0;
		conf_style_format(&st, &f);
		if (conf_parse_style(&back, f.buf, &why) < 0 ||
		    back.fg != st.fg || back.bg != st.bg || back.attrs != st.attrs) {
			ok(0, "style %d reads back: '%s' %s", i, f.buf,
			    why ? why : "");
			buf_release(&f);
			break;
		}
		buf_release(&f);
		if (i == 255)
			ok(1, "every colour and attribute set reads back as printed");
	}
	buf_release(&p1);
	buf_release(&p2);
	warnings_release(&w);
	conf_release(&a);
	conf_release(&b);
}

int
main(void)
{
	test_nearest();
	test_positions();
	test_print();
	test_defaults();
	test_user_file();
	test_bad_entries();
	test_styles();
	test_files();
	return tap_done();
}
