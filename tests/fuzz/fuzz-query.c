/* SPDX-License-Identifier: MIT */
/*
 * fuzz-query: a fuzz target for search.c, the search box's language and
 * the tokenizer the full-text index shares with it.
 *
 * The input is a query as typed (up to its first NUL). What compiles must
 * mean nothing to FTS5 but quoted strings: "(" then terms joined by
 * " AND ", each a double-quoted string with its quotes doubled and
 * perhaps a "*", then ")". The input is also tokenized as document text,
 * and every token must lie inside it, in order.
 */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "fuzz.h"
#include "report.h"
#include "search.h"
#include "xmalloc.h"

/* Check the shape of a compiled query, as the comment above says. */
static void
check_match(const char *s, size_t len)
{
	size_t i = 0;

	FUZZ_ASSERT(len >= 2 && s[0] == '(' && s[len - 1] == ')');
	i = 1;
	for (;;) {
		FUZZ_ASSERT(s[i] == '"');
		for (i++; i < len - 1; i++) {
			if (s[i] != '"')
				continue;
			if (s[i + 1] != '"')
				break;
			i++;
		}
		FUZZ_ASSERT(s[i] == '"');
		i++;
		if (s[i] == '*')
			i++;
		if (i == len - 1)
			return;
		FUZZ_ASSERT(len - 1 - i > 5 && memcmp(s + i, " AND ", 5) == 0);
		i += 5;
	}
}

struct token_check {
	size_t len;	/* of the text */
	size_t end;	/* where the last token ended */
};

static int
check_token(void *ctx, enum search_token_kind kind, const char *tok,
    size_t len, size_t start, size_t end)
{
	struct token_check *tc = ctx;

	(void)tok;
	FUZZ_ASSERT(start >= tc->end && start < end && end <= tc->len);
	FUZZ_ASSERT(len >= 1);
	FUZZ_ASSERT(kind != SEARCH_WORD || len <= SEARCH_MAX_WORD);
	tc->end = end;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *query = xmalloc(size + 1);
	struct buf out = BUF_INIT;
	struct error err = ERROR_INIT;
	struct token_check tc = { size, 0 };

	memcpy(query, data, size);
	query[size] = '\0';
	if (search_compile(query, &out, &err) == 0)
		check_match(out.buf, out.len);
	else
		FUZZ_ASSERT(out.len == 0 && err.msg != NULL);
	search_tokenize((const char *)data, size, check_token, &tc);
	buf_release(&out);
	error_release(&err);
	free(query);
	return 0;
}

#ifndef NR_LIBFUZZER
static const char *const seeds[] = {
	"疫情 大连",
	"\"cold chain\" vacc",
	"“大连，疫情” 「新媒体」 COVID-19",
	"a\"b \"\" \"unclosed",
	"NEAR(a b) OR c* AND -d ^e:f",
	"Ｆｕｌｌ　ｗｉｄｔｈ ÉCOLE straße ﬁ",
	"ไทย ພາສາ ខ្មែរ 한국어 かな",
	"   \t\n",
};

/* Bytes that matter to the query language, for insertion. */
static const char *const tokens[] = {
	"\"", "“", "”", "「", "」", " ", "\t", "　", "*", "(", ")", ":",
	"^", "-", "AND", "OR", "NOT", "中", "a", "_", "\xCC\x81", "\xFF",
	"\xE3\x80", "\xF0\x9F", "😀",
};

int
main(int argc, char **argv)
{
	static const struct fuzz_target t = {
		"query", seeds, sizeof seeds / sizeof *seeds,
		tokens, sizeof tokens / sizeof *tokens, NULL,
	};

	return fuzz_main(&t, argc, argv);
}
#endif
