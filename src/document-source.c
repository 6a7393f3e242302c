/* SPDX-License-Identifier: MIT */
/*
 * document-source: a body's source before it is parsed. Checking and
 * cleaning it (valid UTF-8, no terminal control, no escape sequence, also
 * when written as a character reference), and cutting it where a body
 * has more elements than is worth a parse tree: the rest is read as plain
 * text, in one pass, without libxml2.
 */
#include "config.h"
#include "document-source.h"

#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "entity.h"
#include "utf8.h"

/*
 * Is s clean: valid UTF-8 with nothing for the scrubber to remove? One
 * pass, with printable ASCII and the three-byte sequences of CJK text
 * (E3..EC, EE, EF: no overlong form, no surrogate, no control) checked
 * inline; anything else goes to utf8.c's functions. With refs, a numeric
 * reference to a control or to a non-ASCII character is not clean either
 * (see document_source_scrub()).
 */
bool
document_source_clean(const char *str, size_t len, bool refs)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < len) {
		unsigned char c = s[i];

		if (c == '&' && refs) {
			uint32_t cp;
			size_t n = entity_numeric(str + i, len - i, &cp);

			if (n > 0 && (cp >= 0x80 || utf8_is_control(cp)))
				return false;
			i += n > 0 ? n : 1;
		} else if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
			i++;
		} else if (c >= 0xE3 && c != 0xED && c <= 0xEF && i + 2 < len &&
		    (s[i + 1] & 0xC0) == 0x80 && (s[i + 2] & 0xC0) == 0x80) {
			i += 3;
		} else {
			size_t n = len - i < 4 ? len - i : 4;
			size_t ok = utf8_valid_prefix(str + i, n);
			uint32_t cp;

			if (ok == 0)
				return false;
			/* the one character at i */
			ok = (size_t)utf8_decode(str + i, ok, &cp);
			if (utf8_scrub_needed(str + i, ok))
				return false;
			i += ok;
		}
	}
	return true;
}

/*
 * Remove terminal controls and whole escape sequences from the source
 * before it is parsed. libxml2 would drop a bare ESC itself but keep the
 * "[31m" after it; scrubbing first takes the whole sequence, as layout
 * does. Line and paragraph separators stay.
 *
 * With refs (HTML, not a Markdown source, where "&#27;" in a code span is
 * text), a numeric character reference is fed to the same scrubber as the
 * character it names: libxml2 drops "&#27;" (not an XML character) but
 * keeps the "[31m" after it, so an escape written as a reference goes
 * whole, exactly as a raw one. A reference to a kept character stays as
 * written, for libxml2 to decode ("&#60;" must not become markup), except
 * that one to a non-ASCII character is written out in UTF-8: libxml2 would
 * read &#150; as the C1 control U+0096, HTML (and entity.c) as '-'.
 */
void
document_source_scrub(struct buf *out, const char *s, size_t len, bool refs)
{
	struct utf8_scrub st = UTF8_SCRUB_INIT;

	buf_grow(out, len);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t ref = refs && s[i] == '&' ?
		    entity_numeric(s + i, len - i, &cp) : 0;
		int n;

		if (ref > 0) {
			if (cp == '\r' || utf8_scrub_feed(&st, cp)) {
				if (cp < 0x80)
					buf_add(out, s + i, ref);
				else
					utf8_add(out, cp);
			}
			i += ref;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		n = n < 0 ? 1 : n;
		if (cp == '\r' || utf8_scrub_feed(&st, cp))
			utf8_add(out, cp);
		i += (size_t)n;
	}
}

/* --- past MARKDOWN_MAX_LINES --- */

size_t
document_source_lines(const char *s, size_t len, size_t max_lines,
    size_t max_bytes)
{
	const char *p = s, *nl;
	size_t cut = len;

	for (size_t n = 0; n < max_lines; n++) {
		if (!(p = memchr(p, '\n', len - (size_t)(p - s))))
			break;
		p++;
	}
	if (p)
		cut = (size_t)(p - s);
	if (cut <= max_bytes)
		return cut;
	cut = max_bytes;
	for (nl = s + cut; nl > s && nl[-1] != '\n'; nl--)
		;
	if (nl == s)	/* no line break: after a blank, not inside a word */
		for (nl = s + cut; nl > s && nl[-1] != ' ' && nl[-1] != '\t'; nl--)
			;
	if (nl > s)
		return (size_t)(nl - s);
	while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
		cut--;		/* not inside a character */
	return cut;
}

void
document_source_escape(struct buf *out, const char *s, size_t len)
{
	size_t from = 0;

	buf_grow(out, len);
	for (size_t i = 0; i < len; i++) {
		const char *ref = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" :
		    s[i] == '>' ? "&gt;" : NULL;

		if (ref) {
			buf_add(out, s + from, i - from);
			buf_adds(out, ref);
			from = i + 1;
		}
	}
	buf_add(out, s + from, len - from);
}

/* --- past DOCUMENT_MAX_ELEMENTS --- */

/* Does s[i] begin a start tag ("<" and a letter)? */
static bool
start_tag(const char *s, size_t len, size_t i)
{
	return s[i] == '<' && i + 1 < len &&
	    ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z');
}

size_t
document_source_cut(const char *html, size_t len, size_t max)
{
	size_t n = 0;

	for (const char *p = html; (p = memchr(p, '<', len - (size_t)(p - html)));
	    p++) {
		size_t i = (size_t)(p - html);

		if (start_tag(html, len, i) && ++n > max)
			return i;
		if (i + 1 >= len)
			break;
	}
	return len;
}

void
document_source_text(struct buf *out, const char *html, size_t len,
    bool (*block)(const char *name, size_t len))
{
	struct buf text = BUF_INIT;
	size_t i = 0;

	buf_grow(&text, len / 2);
	while (i < len) {
		const char *lt = memchr(html + i, '<', len - i), *gt;
		size_t name, n;

		if (!lt) {
			buf_add(&text, html + i, len - i);
			break;
		}
		buf_add(&text, html + i, (size_t)(lt - html) - i);
		i = (size_t)(lt - html);
		if (len - i >= 4 && memcmp(lt, "<!--", 4) == 0) {
			const char *end = memmem(lt + 4, len - i - 4, "-->", 3);

			i = end ? (size_t)(end - html) + 3 : len;
			continue;
		}
		gt = memchr(lt, '>', len - i);
		if (!gt || (!start_tag(html, len, i) && !(i + 2 < len &&
		    lt[1] == '/'))) {
			buf_addc(&text, '<');	/* not a tag: text */
			i++;
			continue;
		}
		name = lt[1] == '/' ? 2 : 1;
		n = strcspn(lt + name, " \t\n\r/>");
		if (lt + name + n > gt)
			n = (size_t)(gt - lt) - name;
		if (block(lt + name, n))
			buf_addc(&text, '\n');
		i = (size_t)(gt - html) + 1;
	}
	entity_decode(out, text.buf, text.len);
	buf_release(&text);
}
