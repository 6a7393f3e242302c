/* SPDX-License-Identifier: MIT */
/*
 * conf: the YAML settings file and the built-in defaults.
 *
 * The file is loaded as a libyaml document and walked once. The top-level
 * keys are a table (conf_keys[]) of name -> setter; each setter checks
 * its node and either writes the field or adds a warning at the node's
 * line. Bindings are appended in file order (defaults first), so the last
 * binding of a key in a table is the one in force; struct conf never
 * needs to merge.
 */
#include "config.h"
#include "conf.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <yaml.h>

#include "buf.h"
#include "nearest.h"
#include "page.h"
#include "xmalloc.h"

const char conf_default_text[] =
"# newsreader's defaults. Copy what you want to change into\n"
"# ~/.config/newsreader/config.yaml; a key bound to 'none' is unbound.\n"
"osc52: true\n"
"mouse: true\n"
"margins: true\n"
"measure: 80\n"
"indent: true\n"
"colors:\n"
"  normal: default\n"
"  title: reverse\n"
"  status: default\n"
"  selected: black on cyan\n"
"  selected-dim: reverse\n"
"  unread: bold\n"
"  dim: dim\n"
"  header: bold\n"
"  meta: dim\n"
"  link: cyan\n"
"  match: black on yellow\n"
"  warning: bold red\n"
"  border: dim\n"
"keys:\n"
"  global:\n"
"    j: down\n"
"    Down: down\n"
"    C-n: down\n"
"    k: up\n"
"    Up: up\n"
"    C-p: up\n"
"    Space: page-down\n"
"    PgDn: page-down\n"
"    f: page-down\n"
"    C-f: page-down\n"
"    b: page-up\n"
"    PgUp: page-up\n"
"    C-b: page-up\n"
"    d: half-page-down\n"
"    C-d: half-page-down\n"
"    u: half-page-up\n"
"    C-u: half-page-up\n"
"    g: top\n"
"    Home: top\n"
"    G: bottom\n"
"    End: bottom\n"
"    Enter: open\n"
"    l: open\n"
"    Right: open\n"
"    h: back\n"
"    Left: back\n"
"    q: back\n"
"    Tab: next-pane\n"
"    BTab: previous-pane\n"
"    n: next-unread\n"
"    N: previous-unread\n"
"    r: toggle-read\n"
"    A: mark-all-read\n"
"    s: toggle-star\n"
"    U: unread-only\n"
"    /: search\n"
"    o: open-link\n"
"    y: copy\n"
"    R: rescan\n"
"    C-l: redraw\n"
"    \"?\": help\n"
"    Q: quit\n"
"    C-c: quit\n"
"    C-z: suspend\n"
"  tree:\n"
"    Space: toggle-fold\n"
"  reader:\n"
"    J: next-article\n"
"    K: previous-article\n"
"    z: zoom\n"
"  pager:\n"
"    Esc: back\n";

/* --- styles --- */

static const char *const style_names[CONF_STYLE_COUNT] = {
	[CONF_STYLE_NORMAL] = "normal",
	[CONF_STYLE_TITLE] = "title",
	[CONF_STYLE_STATUS] = "status",
	[CONF_STYLE_SELECTED] = "selected",
	[CONF_STYLE_SELECTED_DIM] = "selected-dim",
	[CONF_STYLE_UNREAD] = "unread",
	[CONF_STYLE_DIM] = "dim",
	[CONF_STYLE_HEADER] = "header",
	[CONF_STYLE_META] = "meta",
	[CONF_STYLE_LINK] = "link",
	[CONF_STYLE_MATCH] = "match",
	[CONF_STYLE_WARNING] = "warning",
	[CONF_STYLE_BORDER] = "border",
};

/*
 * Without colour a style keeps only what bold and reverse can say: the
 * selections and the bars are reversed, the emphasised things bold.
 */
static const unsigned style_mono[CONF_STYLE_COUNT] = {
	[CONF_STYLE_TITLE] = CONF_ATTR_REVERSE,
	[CONF_STYLE_SELECTED] = CONF_ATTR_REVERSE,
	[CONF_STYLE_SELECTED_DIM] = CONF_ATTR_REVERSE,
	[CONF_STYLE_UNREAD] = CONF_ATTR_BOLD,
	[CONF_STYLE_HEADER] = CONF_ATTR_BOLD,
	[CONF_STYLE_LINK] = CONF_ATTR_UNDERLINE,
	[CONF_STYLE_MATCH] = CONF_ATTR_REVERSE,
	[CONF_STYLE_WARNING] = CONF_ATTR_BOLD,
};

const char *
conf_style_name(enum conf_style_id id)
{
	if ((unsigned)id >= CONF_STYLE_COUNT)
		return NULL;
	return style_names[id];
}

static int
style_id(const char *name)
{
	for (int i = 0; i < CONF_STYLE_COUNT; i++)
		if (strcmp(style_names[i], name) == 0)
			return i;
	return -1;
}

static const struct {
	const char *name;
	unsigned attr;
} attr_names[] = {
	{ "bold", CONF_ATTR_BOLD },
	{ "dim", CONF_ATTR_DIM },
	{ "underline", CONF_ATTR_UNDERLINE },
	{ "reverse", CONF_ATTR_REVERSE },
	{ "italic", CONF_ATTR_ITALIC },
};

static const char *const color_names[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

/* A colour word -> 0..255 or CONF_COLOR_DEFAULT; -2 when it is not one. */
static int
parse_color(const char *w)
{
	char *end;
	long n;

	if (strcasecmp(w, "default") == 0)
		return CONF_COLOR_DEFAULT;
	for (int i = 0; i < 8; i++) {
		if (strcasecmp(w, color_names[i]) == 0)
			return i;
		if (strncasecmp(w, "bright", 6) == 0) {
			const char *rest = w + 6 + (w[6] == '-');
			if (strcasecmp(rest, color_names[i]) == 0)
				return i + 8;
		}
	}
	if (*w >= '0' && *w <= '9') {
		errno = 0;
		n = strtol(w, &end, 10);
		if (!*end && !errno && n >= 0 && n <= 255)
			return (int)n;
	}
	return -2;
}

/* A colour as parse_color() reads it back. */
static void
format_color(int col, struct buf *out)
{
	if (col == CONF_COLOR_DEFAULT)
		buf_adds(out, "default");
	else if (col < 8)
		buf_adds(out, color_names[col]);
	else if (col < 16)
		buf_addf(out, "bright-%s", color_names[col - 8]);
	else
		buf_addf(out, "%d", col);
}

int
conf_parse_style(struct conf_style *st, const char *spec, const char **why)
{
	struct conf_style out = { CONF_COLOR_DEFAULT, CONF_COLOR_DEFAULT,
		0, st->mono };
	char *copy = xstrdup(spec), *save = NULL, *w;
	bool want_bg = false, have_fg = false;
	int ret = 0;

	for (w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		size_t i;
		int col;

		if (strcasecmp(w, "on") == 0) {
			if (want_bg) {
				*why = "'on' twice";
				ret = -1;
				break;
			}
			want_bg = true;
			continue;
		}
		for (i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
			if (strcasecmp(w, attr_names[i].name) == 0)
				break;
		if (i < sizeof attr_names / sizeof attr_names[0] && !want_bg) {
			out.attrs |= attr_names[i].attr;
			continue;
		}
		col = parse_color(w);
		if (col == -2) {
			*why = "not a colour or attribute";
			ret = -1;
			break;
		}
		if (want_bg) {
			out.bg = col;
		} else if (have_fg) {
			*why = "two foreground colours";
			ret = -1;
			break;
		} else {
			out.fg = col;
			have_fg = true;
		}
	}
	if (ret == 0 && want_bg && out.bg == CONF_COLOR_DEFAULT &&
	    !strstr(spec, "default")) {
		*why = "'on' without a colour";
		ret = -1;
	}
	free(copy);
	if (ret == 0)
		*st = out;
	return ret;
}

void
conf_style_format(const struct conf_style *st, struct buf *out)
{
	size_t start = out->len;

	for (size_t i = 0; i < sizeof attr_names / sizeof attr_names[0]; i++)
		if (st->attrs & attr_names[i].attr)
			buf_addf(out, "%s%s", out->len > start ? " " : "",
			    attr_names[i].name);
	/* The foreground is said when set, or when "on" needs a word before
	 * it to be read as a background ("default on cyan"). */
	if (st->fg != CONF_COLOR_DEFAULT || (st->bg != CONF_COLOR_DEFAULT &&
	    out->len == start) || (st->attrs == 0 && st->bg == CONF_COLOR_DEFAULT)) {
		if (out->len > start)
			buf_addc(out, ' ');
		format_color(st->fg, out);
	}
	if (st->bg != CONF_COLOR_DEFAULT) {
		buf_adds(out, " on ");
		format_color(st->bg, out);
	}
}

/* --- walking the document --- */

struct walk {
	struct conf *c;
	yaml_document_t *doc;
	const char *name;
	struct warnings *w;
};

static int
line_of(const yaml_node_t *n)
{
	return (int)n->start_mark.line + 1;
}

static int
col_of(const yaml_node_t *n)
{
	return (int)n->start_mark.column + 1;
}

/* A warning at node n's line and column. */
#define warn_at(wk, n, ...) \
	warnings_add_at((wk)->w, line_of(n), col_of(n), __VA_ARGS__)

/* "; did you mean NAME?" when one of names[0..n) is near want. */
static void
add_suggestion(struct buf *out, const char *want, const char *const *names,
    size_t n)
{
	const char *near = want ? nearest_name(want, names, n) : NULL;

	if (near)
		buf_addf(out, "; did you mean %s?", near);
}

/* The node's text when it is a scalar, else NULL. */
static const char *
scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value
	    : NULL;
}

/* YAML 1.1 and 1.2 booleans as people write them; -1 when not one. */
static int
parse_bool(const char *s)
{
	static const struct { const char *word; int val; } words[] = {
		{ "true", 1 }, { "yes", 1 }, { "on", 1 },
		{ "false", 0 }, { "no", 0 }, { "off", 0 },
	};

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (s && strcasecmp(s, words[i].word) == 0)
			return words[i].val;
	return -1;
}

static void
set_bool(struct walk *wk, yaml_node_t *n, const char *key, bool *out)
{
	int v = parse_bool(scalar(n));

	if (v < 0)
		warn_at(wk, n, "%s: expected true or false", key);
	else
		*out = v;
}

static void
set_osc52(struct walk *wk, yaml_node_t *n, const char *key)
{
	set_bool(wk, n, key, &wk->c->osc52);
}

static void
set_mouse(struct walk *wk, yaml_node_t *n, const char *key)
{
	set_bool(wk, n, key, &wk->c->mouse);
}

static void
set_margins(struct walk *wk, yaml_node_t *n, const char *key)
{
	set_bool(wk, n, key, &wk->c->margins);
}

static void
set_indent(struct walk *wk, yaml_node_t *n, const char *key)
{
	set_bool(wk, n, key, &wk->c->indent);
}

static void
set_measure(struct walk *wk, yaml_node_t *n, const char *key)
{
	const char *s = scalar(n);
	char *end;
	long v;

	errno = 0;
	v = s ? strtol(s, &end, 10) : 0;
	if (!s || !*s || *end || errno || v < CONF_MEASURE_MIN ||
	    v > CONF_MEASURE_MAX) {
		warn_at(wk, n, "%s: expected a width from %d to %d",
		    key, CONF_MEASURE_MIN, CONF_MEASURE_MAX);
		return;
	}
	wk->c->measure = (int)v;
}

/*
 * Whether tz is a POSIX rule ("CST-8", "<+08>-8", "EST5EDT,M3.2.0,M11.1.0"):
 * a name of three or more letters (or <...>), then an offset. Only the
 * start is checked; the C library reads the rest.
 */
static bool
tz_is_rule(const char *tz)
{
	size_t n;

	if (*tz == '<') {
		n = strcspn(tz, ">");
		if (tz[n] != '>' || n < 4)
			return false;
		n++;
	} else {
		n = 0;
		while ((tz[n] >= 'A' && tz[n] <= 'Z') || (tz[n] >= 'a' && tz[n] <= 'z'))
			n++;
		if (n < 3)
			return false;
	}
	if (tz[n] == '+' || tz[n] == '-')
		n++;
	return tz[n] >= '0' && tz[n] <= '9';
}

/*
 * Whether tz names a zone the C library can load: a file under $TZDIR
 * (else /usr/share/zoneinfo), or a POSIX rule. Without a file the C
 * library would silently use UTC, which is exactly the surprise an
 * unknown name must not give; UTC and GMT themselves need no file.
 */
static bool
tz_known(const char *tz)
{
	const char *dir = getenv("TZDIR");
	struct stat st;
	char *path;
	bool found;

	if (*tz == ':')
		tz++;
	if (strcmp(tz, "UTC") == 0 || strcmp(tz, "GMT") == 0)
		return true;
	if (tz_is_rule(tz))
		return true;
	if (!*tz || strstr(tz, ".."))
		return false;
	if (*tz == '/')
		path = xstrdup(tz);
	else
		path = xasprintf("%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo",
		    tz);
	found = stat(path, &st) == 0 && S_ISREG(st.st_mode);
	free(path);
	return found;
}

static void
set_timezone(struct walk *wk, yaml_node_t *n, const char *key)
{
	const char *s = scalar(n);

	/* A TZ value is a zone name or a POSIX rule: printable, no spaces. */
	for (const char *p = s; p && *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f)
			s = NULL;
	if (!s || !*s) {
		warn_at(wk, n, "%s: expected a zone name such as "
		    "Asia/Shanghai", key);
		return;
	}
	if (!tz_known(s)) {
		warn_at(wk, n, "%s: unknown time zone '%s' (not in the zone "
		    "database, nor a rule such as CST-8); the local time stays "
		    "as it was", key, s);
		return;
	}
	free(wk->c->timezone);
	wk->c->timezone = xstrdup(s);
}

static void
set_colors(struct walk *wk, yaml_node_t *n, const char *key)
{
	if (n->type != YAML_MAPPING_NODE) {
		warn_at(wk, n, "%s: expected a mapping of "
		    "element: style", key);
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(wk->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(wk->doc, p->value);
		const char *name = scalar(k), *spec = scalar(v), *why = NULL;
		int id = name ? style_id(name) : -1;

		if (id < 0) {
			struct buf hint = BUF_INIT;

			add_suggestion(&hint, name, style_names, CONF_STYLE_COUNT);
			warn_at(wk, k, "colors: unknown element '%s'%s",
			    name ? name : "?", hint.buf);
			buf_release(&hint);
			continue;
		}
		if (!spec || conf_parse_style(&wk->c->styles[id], spec, &why) < 0)
			warn_at(wk, v, "colors: %s: bad style '%s'%s%s",
			    name, spec ? spec : "", why ? ": " : "", why ? why : "");
	}
}

static void
add_binding(struct walk *wk, yaml_node_t *t, yaml_node_t *k, yaml_node_t *v)
{
	const char *table = scalar(t), *key = scalar(k), *command = scalar(v);
	struct conf *c = wk->c;
	struct conf_binding *b;

	ALLOC_GROW(c->bindings, c->nbindings + 1, c->alloc);
	b = &c->bindings[c->nbindings++];
	b->table = xstrdup(table);
	b->key = xstrdup(key);
	b->command = command && strcmp(command, "none") != 0 ? xstrdup(command)
	    : NULL;
	b->file = xstrdup(wk->name);
	b->line = line_of(k);
	b->col = col_of(k);
	b->table_line = line_of(t);
	b->table_col = col_of(t);
	b->command_col = col_of(v);
}

static void
set_keys(struct walk *wk, yaml_node_t *n, const char *key)
{
	if (n->type != YAML_MAPPING_NODE) {
		warn_at(wk, n, "%s: expected a mapping of "
		    "table: bindings", key);
		return;
	}
	for (yaml_node_pair_t *p = n->data.mapping.pairs.start;
	    p < n->data.mapping.pairs.top; p++) {
		yaml_node_t *t = yaml_document_get_node(wk->doc, p->key);
		yaml_node_t *m = yaml_document_get_node(wk->doc, p->value);
		const char *table = scalar(t);

		if (!table) {
			warn_at(wk, t, "keys: a table name must be "
			    "a plain word");
			continue;
		}
		if (m->type == YAML_SCALAR_NODE && !*scalar(m))
			continue;	/* "list:" with nothing under it */
		if (m->type != YAML_MAPPING_NODE) {
			warn_at(wk, m, "keys: %s: expected a "
			    "mapping of key: command", table);
			continue;
		}
		for (yaml_node_pair_t *q = m->data.mapping.pairs.start;
		    q < m->data.mapping.pairs.top; q++) {
			yaml_node_t *k = yaml_document_get_node(wk->doc, q->key);
			yaml_node_t *v = yaml_document_get_node(wk->doc, q->value);
			const char *kname = scalar(k), *cmd = scalar(v);

			if (!kname || !*kname || !cmd || !*cmd) {
				warn_at(wk, k, "keys: %s: expected "
				    "KEY: COMMAND", table);
				continue;
			}
			add_binding(wk, t, k, v);
		}
	}
}

typedef void conf_setter(struct walk *, yaml_node_t *, const char *);

static const struct {
	const char *name;
	conf_setter *set;
} conf_keys[] = {
	{ "osc52", set_osc52 },
	{ "mouse", set_mouse },
	{ "margins", set_margins },
	{ "measure", set_measure },
	{ "indent", set_indent },
	{ "timezone", set_timezone },
	{ "colors", set_colors },
	{ "keys", set_keys },
};

static void
walk_root(struct walk *wk, yaml_node_t *root)
{
	if (root->type == YAML_SCALAR_NODE && !*scalar(root))
		return;		/* an empty file */
	if (root->type != YAML_MAPPING_NODE) {
		warn_at(wk, root, "expected a mapping of "
		    "setting: value");
		return;
	}
	for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
	    p < root->data.mapping.pairs.top; p++) {
		yaml_node_t *k = yaml_document_get_node(wk->doc, p->key);
		yaml_node_t *v = yaml_document_get_node(wk->doc, p->value);
		const char *name = scalar(k);
		size_t i;

		for (i = 0; i < sizeof conf_keys / sizeof conf_keys[0]; i++)
			if (name && strcmp(name, conf_keys[i].name) == 0)
				break;
		if (i == sizeof conf_keys / sizeof conf_keys[0]) {
			const char *names[sizeof conf_keys / sizeof conf_keys[0]];
			struct buf hint = BUF_INIT;

			for (i = 0; i < sizeof names / sizeof names[0]; i++)
				names[i] = conf_keys[i].name;
			add_suggestion(&hint, name, names, i);
			warn_at(wk, k, "unknown setting '%s'%s", name ? name : "?",
			    hint.buf);
			buf_release(&hint);
			continue;
		}
		conf_keys[i].set(wk, v, name);
	}
}

int
conf_parse(struct conf *c, const char *name, const char *data, size_t len,
    struct warnings *w)
{
	yaml_parser_t parser;
	yaml_document_t doc;
	yaml_node_t *root;
	struct walk wk = { c, &doc, name, w };
	int ret = 0;

	if (!yaml_parser_initialize(&parser)) {
		warnings_add(w, 0, "cannot start the YAML parser");
		return -1;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &doc)) {
		struct buf msg = BUF_INIT;

		buf_adds(&msg, parser.problem ? parser.problem : "a syntax error");
		if (parser.context)
			buf_addf(&msg, " %s", parser.context);
		warnings_add_at(w, (int)parser.problem_mark.line + 1,
		    (int)parser.problem_mark.column + 1, "not valid YAML, so the defaults are used: %s", msg.buf);
		buf_release(&msg);
		yaml_parser_delete(&parser);
		return -1;
	}
	root = yaml_document_get_root_node(&doc);
	if (root)
		walk_root(&wk, root);
	yaml_document_delete(&doc);
	yaml_parser_delete(&parser);
	return ret;
}

void
conf_init(struct conf *c)
{
	struct warnings w = WARNINGS_INIT;

	memset(c, 0, sizeof *c);
	c->osc52 = true;
	c->mouse = true;
	c->margins = true;
	c->indent = true;
	c->measure = 80;
	for (int i = 0; i < CONF_STYLE_COUNT; i++) {
		c->styles[i].fg = c->styles[i].bg = CONF_COLOR_DEFAULT;
		c->styles[i].mono = style_mono[i];
	}
	conf_parse(c, "(defaults)", conf_default_text,
	    sizeof conf_default_text - 1, &w);
	/* The defaults are ours: a fault in them is a bug, caught by tests. */
	warnings_release(&w);
}

void
conf_release(struct conf *c)
{
	for (size_t i = 0; i < c->nbindings; i++) {
		free(c->bindings[i].table);
		free(c->bindings[i].key);
		free(c->bindings[i].command);
		free(c->bindings[i].file);
	}
	free(c->bindings);
	free(c->timezone);
	memset(c, 0, sizeof *c);
}

int
conf_load(struct conf *c, const char *path, struct warnings *w,
    struct error *err)
{
	FILE *fp = fopen(path, "rb");
	struct buf b = BUF_INIT;
	char chunk[8192];
	size_t n;

	if (!fp) {
		if (errno == ENOENT || errno == ENOTDIR)
			return 1;
		error_set(err, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		if (b.len + n > CONF_FILE_MAX) {
			error_set(err, "%s: larger than %d KiB; not a config file",
			    path, CONF_FILE_MAX / 1024);
			fclose(fp);
			buf_release(&b);
			return -1;
		}
		buf_add(&b, chunk, n);
	}
	if (ferror(fp)) {
		error_set(err, "%s: %s", path, strerror(errno));
		fclose(fp);
		buf_release(&b);
		return -1;
	}
	fclose(fp);
	conf_parse(c, path, b.buf, b.len, w);
	buf_release(&b);
	return 0;
}

char *
conf_default_path(void)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (xdg && *xdg == '/')
		return xasprintf("%s/newsreader/config.yaml", xdg);
	return xasprintf("%s/.config/newsreader/config.yaml",
	    home && *home ? home : ".");
}

void
conf_yaml_scalar(struct buf *out, const char *s)
{
	bool plain = *s != '\0';

	/* Plain when it is a word YAML cannot read as anything else. */
	for (const char *p = s; *p && plain; p++)
		plain = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || (*p == '-' && p > s) ||
		    (*p == '/' && p > s) || (*p == '_' && p > s);
	if (plain) {
		buf_adds(out, s);
		return;
	}
	buf_addc(out, '"');
	for (const char *p = s; *p; p++) {
		if (*p == '"' || *p == '\\')
			buf_addc(out, '\\');
		buf_addc(out, *p);
	}
	buf_addc(out, '"');
}

void
conf_print(const struct conf *c, struct buf *out)
{
	buf_addf(out, "osc52: %s\n", c->osc52 ? "true" : "false");
	buf_addf(out, "mouse: %s\n", c->mouse ? "true" : "false");
	buf_addf(out, "margins: %s\n", c->margins ? "true" : "false");
	buf_addf(out, "measure: %d\n", c->measure);
	buf_addf(out, "indent: %s\n", c->indent ? "true" : "false");
	if (c->timezone) {
		buf_adds(out, "timezone: ");
		conf_yaml_scalar(out, c->timezone);
		buf_addc(out, '\n');
	}
	buf_adds(out, "colors:\n");
	for (int i = 0; i < CONF_STYLE_COUNT; i++) {
		buf_addf(out, "  %s: ", style_names[i]);
		conf_style_format(&c->styles[i], out);
		buf_addc(out, '\n');
	}
}

void
conf_apply_timezone(const struct conf *c)
{
	if (!c->timezone)
		return;
	setenv("TZ", c->timezone, 1);
	tzset();
}

void
conf_page_options(const struct conf *c, struct page_options *out)
{
	out->indent = c->indent ? PAGE_INDENT_AUTO : PAGE_INDENT_OFF;
}
