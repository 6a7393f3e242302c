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

#include <unicode/uversion.h>

#include "breaks.h"
#include "buf.h"
#include "strvec.h"
#include "tap.h"
#include "utf8.h"
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
	return tap_done();
}
