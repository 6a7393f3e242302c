/* SPDX-License-Identifier: MIT */
/*
 * ui-clip: copying to the clipboard with OSC 52.
 *
 * The terminal (or tmux, or the terminal at the other end of SSH) sets its
 * clipboard from "ESC ] 52 ; c ; BASE64 BEL". newsreader writes the
 * sequence itself, after a screen update, so it works wherever the
 * terminal allows it; the config's "osc52: false" turns it off.
 */
#ifndef NR_UI_CLIP_H
#define NR_UI_CLIP_H

#include <stddef.h>

struct buf;

/* The longest text copied, in bytes; terminals refuse much more. */
#define UI_CLIP_MAX (74u * 1024u)

/* Append standard base64 (with padding) of data to out. */
void ui_clip_base64(struct buf *out, const void *data, size_t len);

/*
 * Append the OSC 52 sequence that puts text (len bytes) on the clipboard
 * to out. Returns 0, or -1 (out unchanged) when text is over UI_CLIP_MAX.
 */
int ui_clip_osc52(struct buf *out, const char *text, size_t len);

#endif
