/* SPDX-License-Identifier: MIT */
/*
 * fuzz-config: a fuzz target for conf.c, the user's config file (YAML:
 * settings, colours, key tables).
 *
 * The input is a config file's text, applied over the defaults. Whatever
 * it holds, the settings stay in their ranges, and every binding has a
 * table and a key. Its first line is also read as a style ("bold red on
 * 8").
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "conf.h"
#include "fuzz.h"
#include "xmalloc.h"

static void
check_conf(const struct conf *c)
{
	FUZZ_ASSERT(c->measure >= CONF_MEASURE_MIN);
	FUZZ_ASSERT(c->measure <= CONF_MEASURE_MAX);
	for (int i = 0; i < CONF_STYLE_COUNT; i++) {
		const struct conf_style *st = &c->styles[i];

		FUZZ_ASSERT(st->fg >= CONF_COLOR_DEFAULT && st->fg <= 255);
		FUZZ_ASSERT(st->bg >= CONF_COLOR_DEFAULT && st->bg <= 255);
	}
	for (size_t i = 0; i < c->nbindings; i++) {
		FUZZ_ASSERT(c->bindings[i].table && c->bindings[i].key);
		FUZZ_ASSERT(c->bindings[i].line >= 1);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct conf c;
	struct warnings w = WARNINGS_INIT;
	struct conf_style st;
	const char *why;
	size_t n = 0;
	char *line;

	conf_init(&c);
	conf_parse(&c, "fuzz.yaml", (const char *)data, size, &w);
	check_conf(&c);
	conf_release(&c);
	warnings_release(&w);

	while (n < size && data[n] != '\n' && data[n] != '\0')
		n++;
	line = xmalloc(n + 1);
	memcpy(line, data, n);
	line[n] = '\0';
	if (conf_parse_style(&st, line, &why) == 0) {
		FUZZ_ASSERT(st.fg >= CONF_COLOR_DEFAULT && st.fg <= 255);
		FUZZ_ASSERT(st.bg >= CONF_COLOR_DEFAULT && st.bg <= 255);
	} else {
		FUZZ_ASSERT(why != NULL);
	}
	free(line);
	return 0;
}

#ifndef NR_LIBFUZZER
static const char *const seeds[] = {
	conf_default_text,
	"osc52: true\nmouse: false\nmargins: yes\nmeasure: 72\nindent: off\n"
	"timezone: Asia/Shanghai\n",
	"colors:\n  selected: black on cyan\n  unread: bold\n"
	"  match: underline reverse 200 on bright-black\n  dim: 256\n",
	"keys:\n  list:\n    j: down\n    x: none\n  reader:\n    C-l: redraw\n"
	"    PgDn: page-down\n  nosuch:\n    q: quit\n",
	"measure: 5\nkeys: [a, b]\ncolors: red\n? [complex]\n: key\n",
	"a: &x {b: *x}\nkeys: {global: {q: *x}}\n",
	"bold bright-red on 8\n",
};

/* Bytes that matter to YAML and to the settings, for insertion. */
static const char *const tokens[] = {
	"\n", "  ", ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "'", "\"",
	"#", "keys:\n", "colors:\n", "measure: ", "timezone: ", "list:\n",
	"global:\n", "none", "true", "on ", "bright-", "default", "255",
	"-1", "99999999999", "C-", "M-", "\t", "\xFF", "",
};

int
main(int argc, char **argv)
{
	static const struct fuzz_target t = {
		"config", seeds, sizeof seeds / sizeof *seeds,
		tokens, sizeof tokens / sizeof *tokens, NULL,
	};

	return fuzz_main(&t, argc, argv);
}
#endif
