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
