/* SPDX-License-Identifier: MIT */
/* Tests for src/buf.c and src/strvec.c. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "strvec.h"
#include "tap.h"

static void
test_empty(void)
{
	struct buf b = BUF_INIT;

	ok(b.buf != NULL && b.buf[0] == '\0' && b.len == 0,
	    "an initial buf is an empty string");
	buf_reset(&b);
	ok(b.alloc == 0, "resetting an empty buf does not allocate");
	buf_trim(&b);
	is_str(b.buf, "", "trimming an empty buf leaves it empty");
	buf_release(&b);
	char *s = buf_detach(&b, NULL);
	is_str(s, "", "detaching an empty buf gives an allocated empty string");
	free(s);
}

static void
test_add(void)
{
	struct buf b = BUF_INIT;
	size_t len;

	buf_adds(&b, "新闻");
	buf_addc(&b, ' ');
	buf_addf(&b, "%d/%s", 42, "x");
	is_str(b.buf, "新闻 42/x", "adds, addc and addf append in order");
	is_int(b.len, strlen("新闻 42/x"), "len counts bytes");
	for (int i = 0; i < 1000; i++)
		buf_addf(&b, "%04d", i);
	is_int(b.len, strlen("新闻 42/x") + 4000, "growing keeps every byte");
	ok(memcmp(b.buf + b.len - 4, "0999", 4) == 0 && b.buf[b.len] == '\0',
	    "the end is right and NUL-terminated");
	buf_setlen(&b, 2);
	buf_add(&b, "\0z", 2);
	is_int(b.len, 4, "embedded NUL bytes count in len");
	char *s = buf_detach(&b, &len);
	is_int(len, 4, "detach reports the length");
	ok(b.len == 0 && b.buf[0] == '\0', "detach leaves the buf empty");
	free(s);
}

static void
test_trim(void)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, " \t 分类\n ");
	buf_trim(&b);
	is_str(b.buf, "分类", "trim removes ASCII space at both ends");
	buf_release(&b);
}

static void
test_strvec(void)
{
	struct strvec sv = STRVEC_INIT;

	ok(sv.v[0] == NULL, "an empty strvec is NULL-terminated");
	strvec_push(&sv, "新媒体");
	strvec_pushf(&sv, "%s", "趣头条");
	strvec_push(&sv, "分类");
	is_int(sv.nr, 3, "three strings pushed");
	ok(sv.v[3] == NULL, "still NULL-terminated");
	char *j = strvec_join(&sv, "/");
	is_str(j, "新媒体/趣头条/分类", "join with a separator");
	free(j);
	strvec_clear(&sv);
	is_int(sv.nr, 0, "clear empties it");
	j = strvec_join(&sv, "/");
	is_str(j, "", "joining nothing gives the empty string");
	free(j);
}

int
main(void)
{
	test_empty();
	test_add();
	test_trim();
	test_strvec();
	return tap_done();
}
