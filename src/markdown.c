/*
 * markdown: a thin wrapper over md4c-html. md4c calls back with pieces of
 * HTML; they are appended to the caller's buf as they come.
 */
#include "config.h"
#include "markdown.h"

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

/*
 * Character references are passed through as written, for libxml2 to
 * decode as it does in an HTML body: md4c-html's own table (as Debian
 * builds it) knows no named reference, so "&amp;" showed literally, and
 * one decoding for both kinds of body means document.c's scrubbing of a
 * reference to a control ("&#27;[31m" goes whole) covers Markdown too.
 */
#define MARKDOWN_RENDERER_FLAGS \
	(MD_HTML_FLAG_SKIP_UTF8_BOM | MD_HTML_FLAG_VERBATIM_ENTITIES)

int
markdown_to_html(const char *md, size_t len, struct buf *out)
{
	int ret;

	/* md4c sizes are unsigned; larger bodies are refused by article. */
	if (len > (MD_SIZE)-1)
		len = (MD_SIZE)-1;
	ret = md_html(md, (MD_SIZE)len, markdown_emit, out,
	    MARKDOWN_PARSER_FLAGS, MARKDOWN_RENDERER_FLAGS);
	return ret == 0 ? 0 : -1;
}
