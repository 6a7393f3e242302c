/* SPDX-License-Identifier: MIT */
/*
 * ui-clip: base64 and the OSC 52 sequence.
 */
#include "config.h"
#include "ui-clip.h"

#include "buf.h"

void
ui_clip_base64(struct buf *out, const void *data, size_t len)
{
	static const char digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = data;

	buf_grow(out, (len + 2) / 3 * 4);
	for (; len >= 3; p += 3, len -= 3) {
		buf_addc(out, digits[p[0] >> 2]);
		buf_addc(out, digits[(p[0] & 3) << 4 | p[1] >> 4]);
		buf_addc(out, digits[(p[1] & 15) << 2 | p[2] >> 6]);
		buf_addc(out, digits[p[2] & 63]);
	}
	if (len) {
		buf_addc(out, digits[p[0] >> 2]);
		if (len == 1) {
			buf_addc(out, digits[(p[0] & 3) << 4]);
			buf_addc(out, '=');
		} else {
			buf_addc(out, digits[(p[0] & 3) << 4 | p[1] >> 4]);
			buf_addc(out, digits[(p[1] & 15) << 2]);
		}
		buf_addc(out, '=');
	}
}

int
ui_clip_osc52(struct buf *out, const char *text, size_t len)
{
	if (len > UI_CLIP_MAX)
		return -1;
	buf_adds(out, "\033]52;c;");
	ui_clip_base64(out, text, len);
	buf_addc(out, '\a');
	return 0;
}
