/* SPDX-License-Identifier: MIT */
/*
 * arena: a bump allocator for many small objects freed together.
 *
 * The front matter's node tree is built from an arena, so parsing an
 * article makes a handful of malloc calls instead of one per node, and
 * freeing it is one walk over the chunks. Memory comes from xmalloc.h, so
 * allocation never fails. Every pointer handed out lives until
 * arena_release().
 */
#ifndef NR_ARENA_H
#define NR_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;	/* the chunk being filled, or NULL */
	size_t used;			/* bytes used in head */
	size_t cap;			/* bytes available in head */
};
#define ARENA_INIT { NULL, 0, 0 }

void arena_init(struct arena *a);
/* Free every chunk; a is left empty and can be used again. */
void arena_release(struct arena *a);
/* size bytes aligned for any object; contents undefined. */
void *arena_alloc(struct arena *a, size_t size);
/* size bytes of zeros. */
void *arena_zalloc(struct arena *a, size_t size);
/* A NUL-terminated copy of len bytes of s. */
char *arena_strndup(struct arena *a, const char *s, size_t len);

#endif
