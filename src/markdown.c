/* SPDX-License-Identifier: MIT */
/*
 * markdown: a thin wrapper over md4c-html. md4c calls back with pieces of
 * HTML; they are appended to the caller's buf as they come. Before that,
 * markdown_limit_nesting() can flatten lines that open too many containers,
 * looking at each line's start only (and at code fences, to leave code as
 * it is).
 */
#include "config.h"
#include "markdown.h"

#include <stdbool.h>
#include <string.h>

#include <md4c-html.h>

#include "buf.h"

/* CommonMark + tables, strikethrough, autolinks; raw HTML stays allowed. */
#define MARKDOWN_PARSER_FLAGS \
	(MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_PERMISSIVEAUTOLINKS)

static void
markdown_emit(const MD_CHAR *text, MD_SIZE size, void *ctx)
{
	buf_add(ctx, text, size);
}

int
markdown_to_html(const char *md, size_t len, struct buf *out)
{
	int ret;

	/* md4c sizes are unsigned; larger bodies are refused by article. */
	if (len > (MD_SIZE)-1)
		len = (MD_SIZE)-1;
	ret = md_html(md, (MD_SIZE)len, markdown_emit, out,
	    MARKDOWN_PARSER_FLAGS, MD_HTML_FLAG_SKIP_UTF8_BOM);
	return ret == 0 ? 0 : -1;
}

/* The end of a container marker at md[q] (e: the line's end), or 0. */
static size_t
marker_end(const char *md, size_t q, size_t e)
{
	size_t r = q;

	if (md[q] == '>')
		return q + 1;
	if ((md[q] == '-' || md[q] == '+' || md[q] == '*') && q + 1 < e &&
	    (md[q + 1] == ' ' || md[q + 1] == '\t'))
		return q + 1;
	/* CommonMark: at most 9 digits, then "." or ")", then a blank */
	while (r < e && r - q < 9 && md[r] >= '0' && md[r] <= '9')
		r++;
	if (r > q && r + 1 < e && (md[r] == '.' || md[r] == ')') &&
	    (md[r + 1] == ' ' || md[r + 1] == '\t'))
		return r + 1;
	return 0;
}

/*
 * The fence that the line [s, e) opens or closes: its character and
 * length, when it starts with at most 3 spaces and 3 or more backticks or
 * tildes, else 0. *bare: nothing but blanks follows (a closing fence).
 */
static size_t
fence_len(const char *md, size_t s, size_t e, char *ch, bool *bare)
{
	size_t i = s, n = 0;

	while (i < e && i - s < 3 && md[i] == ' ')
		i++;
	if (i >= e || (md[i] != '`' && md[i] != '~'))
		return 0;
	*ch = md[i];
	while (i + n < e && md[i + n] == *ch)
		n++;
	*bare = true;
	for (size_t k = i + n; k < e; k++)
		if (md[k] != ' ' && md[k] != '\t')
			*bare = false;
	return n >= 3 ? n : 0;
}

int
markdown_limit_nesting(const char *md, size_t len, unsigned max,
    struct buf *out)
{
	size_t copied = 0, fence = 0;
	char fence_ch = 0;
	int line = 0, first = 0;

	for (size_t s = 0; s < len; line++) {
		const char *nl = memchr(md + s, '\n', len - s);
		size_t e = nl ? (size_t)(nl - md) : len;
		size_t p = s, keep = s, last = s, f;
		unsigned count = 0;
		bool bare = false;
		char ch = 0;

		f = fence_len(md, s, e, &ch, &bare);
		if (fence) {
			/* a closing fence: as long at least, nothing after */
			if (f >= fence && ch == fence_ch && bare)
				fence = 0;
			s = e + 1;
			continue;
		}
		if (f) {
			fence = f;
			fence_ch = ch;
			s = e + 1;
			continue;
		}
		for (;;) {
			size_t q = p, m;

			while (q < e && (md[q] == ' ' || md[q] == '\t'))
				q++;
			if (q >= e || (m = marker_end(md, q, e)) == 0)
				break;
			if (++count == max)
				keep = m;
			last = p = m;
		}
		if (count > max) {
			if (!first) {
				first = line + 1;
				buf_grow(out, len);
			}
			buf_add(out, md + copied, keep - copied);
			copied = last;
		}
		s = e + 1;
	}
	if (first)
		buf_add(out, md + copied, len - copied);
	return first;
}
