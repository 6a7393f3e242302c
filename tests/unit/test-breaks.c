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

/* The same over every real post and sample, whole files. */
static int
corpus_file(void *ctx, const char *path, const struct stat *st)
{
	size_t *counts = ctx;	/* files, differing */
	FILE *fp;
	struct buf text = BUF_INIT;
	char chunk[8192];
	size_t n;
	static struct breaks *fast, *slow;	/* made once: ICU is slow to open */
	static uint8_t *f1, *f2;
	static size_t alloc;

	(void)st;
	if (!path) {	/* the end: free what was made */
		breaks_free(fast);
		breaks_free(slow);
		free(f1);
		free(f2);
		return 0;
	}
	if (!fast) {
		fast = breaks_new(true);
		slow = breaks_new(true);
		breaks_set_shortcuts(slow, false);
	}
	if (!(fp = fopen(path, "r")))	/* after the NULL end marker */
		return 0;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&text, chunk, n);
	fclose(fp);
	counts[0]++;
	if (!same_as_icu(fast, slow, text.buf, text.len, &f1, &f2, &alloc)) {
		counts[1]++;
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
	struct reporter rep = { report_to_stderr, NULL };
	size_t counts[2] = { 0, 0 };
	char *data = xasprintf("%s/data", top ? top : NR_BUILD_SRCDIR);
	struct walk w;

	walk_init(&w, corpus_file, counts, &rep);
	walk_path(&w, data);
	if (corpus && *corpus && access(corpus, R_OK) == 0)
		walk_path(&w, corpus);
	walk_release(&w);
	corpus_file(NULL, NULL, NULL);
	ok(counts[0] > 0 && counts[1] == 0, "the fast paths agree with ICU "
	    "on all %zu files of data/ and the corpus, whole", counts[0]);
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
	test_shortcuts(false);
	test_shortcuts(true);
	test_shortcuts_corpus();
	return tap_done();
}
