/* SPDX-License-Identifier: MIT */
/*
 * test-breaks: the break finder against Unicode's own conformance tests
 * (LineBreakTest.txt and GraphemeBreakTest.txt from the unicode-data
 * package) in its untailored mode, then the zh tailoring and the vetoes.
 *
 * The line test's known ICU failures (ICU-21097) are listed case by case
 * in tests/fixtures/unicode/linebreak-skip.txt; a case fails the test unless it is
 * listed there, and the list's size is checked on the ICU it was made on.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/uversion.h>

#include "breaks.h"
#include "buf.h"
#include "strvec.h"
#include "report.h"
#include "tap.h"
#include "utf8.h"
#include "walk.h"
#include "xmalloc.h"

/* ICU-21097: the line cases ICU 72 gets wrong, all in the skip list. */
#define SKIP_ICU_MAJOR 72
#define SKIP_COUNT 22

static const char *
unicode_dir(void)
{
	const char *d = getenv("NR_UNICODE_DIR");
	return d && *d ? d : "/usr/share/unicode/auxiliary";
}

/* The case part of a test line: "× 0023 ÷ 0020 ÷", without the comment. */
static void
case_of(const char *line, struct buf *out)
{
	const char *hash = strchr(line, '#');
	size_t len = hash ? (size_t)(hash - line) : strlen(line);

	buf_reset(out);
	buf_add(out, line, len);
	buf_trim(out);
}

static bool
in_list(const struct strvec *list, const char *c)
{
	for (size_t i = 0; i < list->nr; i++)
		if (strcmp(list->v[i], c) == 0)
			return true;
	return false;
}

static void
load_skips(struct strvec *skips)
{
	const char *top = getenv("top_srcdir");
	char *path = xasprintf("%s/tests/fixtures/unicode/linebreak-skip.txt",
	    top ? top : NR_BUILD_SRCDIR);
	FILE *fp = fopen(path, "r");
	char line[1024];
	struct buf c = BUF_INIT;

	if (!fp) {
		ok(0, "open %s", path);
		free(path);
		return;
	}
	while (fgets(line, sizeof line, fp)) {
		if (line[0] == '#' || line[0] == '\n')
			continue;
		case_of(line, &c);
		strvec_push(skips, c.buf);
	}
	fclose(fp);
	buf_release(&c);
	free(path);
}

/*
 * Run one conformance file. bit is the flag a "÷" means. Returns the number
 * of failing cases; those not in skips are reported.
 */
static size_t
run_file(const char *name, uint8_t bit, const struct strvec *skips,
    size_t *ncases, size_t *nskipped, size_t *nstale)
{
	char *path = xasprintf("%s/%s", unicode_dir(), name);
	FILE *fp = fopen(path, "r");
	struct breaks *br = breaks_new(false);
	struct buf text = BUF_INIT, c = BUF_INIT;
	char line[4096];
	size_t failed = 0, lineno = 0;
	uint8_t *flags = NULL;
	size_t flags_alloc = 0;

	*ncases = *nskipped = *nstale = 0;
	if (!fp) {
		ok(0, "open %s", path);
		free(path);
		breaks_free(br);
		return 1;
	}
	while (fgets(line, sizeof line, fp)) {
		/* expected[k]: "÷" before code point k (k == n: at the end) */
		bool expected[256];
		size_t offs[256], n = 0;
		bool good = true, listed;
		char *p = line;

		lineno++;
		if (line[0] == '#' || line[0] == '\n')
			continue;
		case_of(line, &c);
		buf_reset(&text);
		for (;;) {
			while (*p == ' ' || *p == '\t')
				p++;
			if (strncmp(p, "÷", strlen("÷")) == 0 ||
			    strncmp(p, "×", strlen("×")) == 0) {
				expected[n] = strncmp(p, "÷", strlen("÷")) == 0;
				p += strlen("÷");	/* both are 2 bytes */
				while (*p == ' ' || *p == '\t')
					p++;
				if (*p == '#' || *p == '\n' || *p == '\0')
					break;
				offs[n] = text.len;
				utf8_add(&text, (uint32_t)strtoul(p, &p, 16));
				if (++n >= 255)
					break;
			} else {
				break;
			}
		}
		(*ncases)++;
		ALLOC_GROW(flags, text.len + 1, flags_alloc);
		breaks_find(br, text.buf, text.len, flags);
		/* the boundary before each code point after the first, and
		 * the end; the start is "no break" for lines, "break" for
		 * clusters, by definition of the API */
		for (size_t k = 1; k <= n; k++) {
			size_t at = k < n ? offs[k] : text.len;
			if (((flags[at] & bit) != 0) != expected[k])
				good = false;
		}
		listed = skips && in_list(skips, c.buf);
		if (!good && listed) {
			(*nskipped)++;
		} else if (!good) {
			failed++;
			if (failed <= 40)
				tap_diag("%s:%zu: %s", name, lineno, c.buf);
		} else if (listed) {
			(*nstale)++;
			tap_diag("%s:%zu: passes, though skip-listed: %s", name,
			    lineno, c.buf);
		}
	}
	fclose(fp);
	free(flags);
	buf_release(&text);
	buf_release(&c);
	breaks_free(br);
	free(path);
	return failed;
}

static void
test_conformance(void)
{
	struct strvec skips = STRVEC_INIT;
	size_t n, skipped, stale, failed;

	load_skips(&skips);
	is_int(skips.nr, SKIP_COUNT, "the ICU-21097 skip list has %d cases",
	    SKIP_COUNT);

	failed = run_file("GraphemeBreakTest.txt", BREAKS_CLUSTER, NULL, &n,
	    &skipped, &stale);
	is_int(failed, 0, "GraphemeBreakTest.txt: all %zu cases pass", n);

	failed = run_file("LineBreakTest.txt", BREAKS_LINE, &skips, &n,
	    &skipped, &stale);
	is_int(failed, 0, "LineBreakTest.txt: %zu cases pass, %zu skipped "
	    "(ICU-21097)", n - skipped, skipped);
	if (U_ICU_VERSION_MAJOR_NUM == SKIP_ICU_MAJOR)
		is_int(skipped, skips.nr, "on ICU %d every skip-listed case "
		    "is a real failure", SKIP_ICU_MAJOR);
	else
		tap_skip("skip list made on ICU %d, this is ICU %s",
		    SKIP_ICU_MAJOR, U_ICU_VERSION);
	strvec_clear(&skips);
}

/* --- the zh tailoring and the vetoes --- */

/* Is there a line break opportunity before the first occurrence of at in
 * s? */
static bool
breaks_before(struct breaks *b, const char *s, const char *at)
{
	size_t len = strlen(s), off = (size_t)(strstr(s, at) - s);
	uint8_t *flags = xmalloc(len + 1);
	bool r;

	breaks_find(b, s, len, flags);
	r = (flags[off] & BREAKS_LINE) != 0;
	free(flags);
	return r;
}

static void
test_tailoring(void)
{
	struct breaks *root = breaks_new(false), *zh = breaks_new(true);
	static const char *const closing[] = { "，", "。", "、", "；", "：",
	    "？", "！", "）", "」", "』", "】", "》", "〉", "”", "’", "…", "%" };
	static const char *const opening[] = { "（", "「", "『", "【", "《",
	    "〈", "“", "‘" };
	bool all = true;
	char buf[64];

	/* ICU's own zh tailoring: “ ” open and close */
	ok(!breaks_before(root, "他说“你好”", "“"), "root: no break before “ "
	    "(UAX #14 QU)");
	ok(breaks_before(zh, "他说“你好”", "“"), "zh: a break before “, an "
	    "opening quote");
	ok(!breaks_before(zh, "他说“你好”", "你"), "zh: none after it");
	ok(!breaks_before(zh, "他说“你好”然后", "”"), "zh: none before ”");
	ok(breaks_before(zh, "他说“你好”然后", "然"), "zh: one after it");

	/* the vetoes, where ICU allows a break */
	ok(breaks_before(root, "马丁·路德", "·"), "ICU breaks before ·");
	ok(!breaks_before(zh, "马丁·路德", "·"), "the veto list does not");
	ok(breaks_before(zh, "马丁·路德", "路"), "but after it");
	ok(!breaks_before(zh, "中・文", "・"), "nor before ・");

	/* every closing mark after an ideograph, every opening one before */
	for (size_t i = 0; i < sizeof closing / sizeof closing[0]; i++) {
		snprintf(buf, sizeof buf, "中%s文", closing[i]);
		if (breaks_before(zh, buf, closing[i])) {
			tap_diag("a break before %s", closing[i]);
			all = false;
		}
	}
	ok(all, "no break before any closing punctuation");
	all = true;
	for (size_t i = 0; i < sizeof opening / sizeof opening[0]; i++) {
		snprintf(buf, sizeof buf, "中%s文", opening[i]);
		if (breaks_before(zh, buf, "文")) {
			tap_diag("a break after %s", opening[i]);
			all = false;
		}
	}
	ok(all, "no break after any opening punctuation");
	ok(!breaks_before(zh, "他说——不", "—不") &&
	    !breaks_before(zh, "不……是", "…是"), "—— and …… hold together");
	ok(breaks_before(zh, "第一行\n第二行", "第二"), "a hard break stays");
	breaks_free(root);
	breaks_free(zh);
}

/* --- the fast paths against ICU --- */

/* Do the shortcuts agree with ICU at every boundary of s? */
static bool
same_as_icu(struct breaks *fast, struct breaks *slow, const char *s,
    size_t len, uint8_t **f1, uint8_t **f2, size_t *alloc)
{
	ALLOC_GROW(*f1, len + 1, *alloc);
	*f2 = xreallocarray(*f2, *alloc, 1);
	breaks_find(fast, s, len, *f1);
	breaks_find(slow, s, len, *f2);
	return memcmp(*f1, *f2, len + 1) == 0;
}

static uint32_t rnd_state = 20211203;

static uint32_t
rnd(void)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return rnd_state >> 8;
}

static void
test_shortcuts(bool tailored)
{
	/* what meets at the edges of the fast paths: ideographs beside
	 * punctuation, quotes, numbers, spaces, marks, joiners, emoji,
	 * kana, Hangul, Thai (dictionary), controls */
	static const uint32_t pool[] = {
		0x4E00, 0x4E2D, 0x6587, 0x9FA5, 0x3400, 0xFF0C, 0x3002, 0x3001,
		0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF08, 0xFF09, 0x300C, 0x300D,
		0x300A, 0x300B, 0x201C, 0x201D, 0x2018, 0x2019, 0x2026, 0x2014,
		0x00B7, 0x30FB, '%', 'a', 'Z', '1', '9', ' ', '\t', '\n', '-',
		'/', '.', ',', '(', ')', '[', ']', '\'', '"', '$', 0x0301, 0x200D,
		0x200B, 0x2060, 0x00A0, 0x3041, 0x30A1, 0x30FC, 0x1F600,
		0x1F469, 0x1F1E8, 0xFE0F, 0xAC00, 0x1100, 0x3000, 0x2028, '\r',
		0x00AD, 0x0E01, 0x0E32, 0x0E40, 0x1F3FB, 0x20AC, 0x3005, 0x30F6,
		0x302A, 0x3099, 0xFF9E, 0x0600, 0x1160,
	};
	const size_t npool = sizeof pool / sizeof pool[0];
	struct breaks *fast = breaks_new(tailored), *slow = breaks_new(tailored);
	uint8_t *f1 = NULL, *f2 = NULL;
	size_t alloc = 0, bad = 0;
	struct buf s = BUF_INIT;

	breaks_set_shortcuts(slow, false);
	for (int i = 0; i < 20000; i++) {
		size_t n = 1 + rnd() % 24;

		buf_reset(&s);
		for (size_t k = 0; k < n; k++) {
			/* runs of ideographs, as in real text */
			uint32_t cp = rnd() % 3 == 0 ? 0x4E00 + rnd() % 0x5000 :
			    pool[rnd() % npool];
			utf8_add(&s, cp);
		}
		if (!same_as_icu(fast, slow, s.buf, s.len, &f1, &f2, &alloc) &&
		    bad++ < 5)
			tap_diag("differs from ICU: %s", s.buf);
	}
	is_int(bad, 0, "%s: the fast paths agree with ICU on 20,000 random "
	    "strings", tailored ? "zh tailored" : "untailored");
	buf_release(&s);
	free(f1);
	free(f2);
	breaks_free(fast);
	breaks_free(slow);
}

/* The vetoes over random text: at no break does a closing mark follow or
 * an opening one (spaces aside) precede, nor does —— or …… split. */
static void
test_vetoes_random(void)
{
	static const uint32_t pool[] = {
		0x4E2D, 0x6587, 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F,
		0xFF01, 0xFF08, 0xFF09, 0x300C, 0x300D, 0x300E, 0x300F, 0x3010,
		0x3011, 0x300A, 0x300B, 0x3008, 0x3009, 0x201C, 0x201D, 0x2018,
		0x2019, 0x2026, 0x2014, 0x00B7, 0x30FB, '%', 'a', '1', ' ', '-',
		'(', ')', 0x3042, 0x30A2, 0xAC00, 0x1F600,
	};
	struct breaks *zh = breaks_new(true);
	struct buf s = BUF_INIT;
	uint8_t *flags = NULL;
	size_t alloc = 0, bad = 0;

	for (int i = 0; i < 20000; i++) {
		uint32_t cps[32];
		size_t offs[32], n = 2 + rnd() % 20;

		buf_reset(&s);
		for (size_t k = 0; k < n; k++) {
			cps[k] = pool[rnd() % (sizeof pool / sizeof pool[0])];
			offs[k] = s.len;
			utf8_add(&s, cps[k]);
		}
		ALLOC_GROW(flags, s.len + 1, alloc);
		breaks_find(zh, s.buf, s.len, flags);
		for (size_t k = 1; k < n; k++) {
			uint32_t before = 0;

			if (!(flags[offs[k]] & BREAKS_LINE))
				continue;
			for (size_t j = k; j-- > 0;)
				if (cps[j] != ' ') {
					before = cps[j];
					break;
				}
			if (breaks_is_closing(cps[k]) ||
			    breaks_is_opening(before) || cps[k] == 0xB7 ||
			    cps[k] == 0x30FB || (cps[k] == cps[k - 1] &&
			    (cps[k] == 0x2014 || cps[k] == 0x2026))) {
				if (bad++ < 5)
					tap_diag("a break at %zu in %s", k, s.buf);
				break;
			}
		}
	}
	is_int(bad, 0, "the vetoes hold on 20,000 random strings");
	free(flags);
	buf_release(&s);
	breaks_free(zh);
}
/* What the corpus walk carries from file to file. */
struct corpus_ctx {
	struct breaks *fast, *slow;	/* made once: ICU is slow to open */
	uint8_t *f1, *f2;		/* break flags of each, alloc bytes */
	size_t alloc;
	size_t files, differing;
};

/* The same over every real post and sample, whole files. */
static int
corpus_file(void *arg, const char *path, const struct stat *st)
{
	struct corpus_ctx *cx = arg;
	FILE *fp = fopen(path, "r");
	struct buf text = BUF_INIT;
	char chunk[8192];
	size_t n;

	(void)st;
	if (!fp)
		return 0;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&text, chunk, n);
	fclose(fp);
	cx->files++;
	if (!same_as_icu(cx->fast, cx->slow, text.buf, text.len, &cx->f1,
	    &cx->f2, &cx->alloc)) {
		cx->differing++;
		tap_diag("%s: the fast paths differ from ICU", path);
	}
	buf_release(&text);
	return 0;
}

static void
test_shortcuts_corpus(void)
{
	const char *corpus = getenv("NR_CORPUS");
	const char *top = getenv("top_srcdir");
	struct reporter rep = { .fn = report_to_stderr };
	struct corpus_ctx cx = { NULL, NULL, NULL, NULL, 0, 0, 0 };
	char *data = xasprintf("%s/data", top ? top : NR_BUILD_SRCDIR);
	struct walk w;

	cx.fast = breaks_new(true);
	cx.slow = breaks_new(true);
	breaks_set_shortcuts(cx.slow, false);
	walk_init(&w, corpus_file, &cx, &rep);
	walk_path(&w, data);
	if (corpus && *corpus && access(corpus, R_OK) == 0)
		walk_path(&w, corpus);
	walk_release(&w);
	ok(cx.files > 0 && cx.differing == 0, "the fast paths agree with ICU "
	    "on all %zu files of data/ and the corpus, whole", cx.files);
	breaks_free(cx.fast);
	breaks_free(cx.slow);
	free(cx.f1);
	free(cx.f2);
	free(data);
}

int
main(void)
{
	char *path;
	FILE *fp;

	setlocale(LC_ALL, "C.UTF-8");
	path = xasprintf("%s/LineBreakTest.txt", unicode_dir());
	fp = fopen(path, "r");
	free(path);
	if (!fp)
		return tap_skip_all("no Unicode test data in %s (Debian "
		    "package unicode-data)", unicode_dir());
	fclose(fp);
	test_conformance();
	test_tailoring();
	test_vetoes_random();
	test_shortcuts(false);
	test_shortcuts(true);
	test_shortcuts_corpus();
	return tap_done();
}
