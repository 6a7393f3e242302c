/* SPDX-License-Identifier: MIT */
/*
 * json: writing JSON text into a buf.
 *
 * Strings are escaped so that no control character, C1 control, bidi
 * control or line/paragraph separator appears raw in the output; invalid
 * UTF-8 becomes U+FFFD. Structure is written by the caller; json_key() and
 * json_sep() insert the comma unless the value opens an object or array.
 */
#ifndef NR_JSON_H
#define NR_JSON_H

#include <stddef.h>
#include <stdint.h>

struct buf;

/* Append s (len bytes) as a quoted JSON string. */
void json_add_string(struct buf *out, const char *s, size_t len);
/* Append a C string, or null when s is NULL. */
void json_add_str(struct buf *out, const char *s);
void json_add_int(struct buf *out, int64_t v);
void json_add_bool(struct buf *out, int v);
/* Write a separating comma unless out ends with '{' or '['. */
void json_sep(struct buf *out);
/* json_sep(), then "key": */
void json_key(struct buf *out, const char *key);

#endif
