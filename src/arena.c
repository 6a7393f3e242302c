/* SPDX-License-Identifier: MIT */
/*
 * arena: chunked bump allocation; see arena.h.
 *
 * Chunks form a singly linked list, newest first. A request larger than a
 * quarter of the default chunk gets a chunk of its own, so a big string
 * never wastes the rest of a chunk.
 */
#include "config.h"
#include "arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

#define ARENA_CHUNK 8192	/* bytes of payload in an ordinary chunk */

struct arena_chunk {
	struct arena_chunk *next;
	alignas(max_align_t) unsigned char data[];
};

void
arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = a->cap = 0;
}

void
arena_release(struct arena *a)
{
	while (a->head) {
		struct arena_chunk *next = a->head->next;
		free(a->head);
		a->head = next;
	}
	arena_init(a);
}

void *
arena_alloc(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct arena_chunk *c;

	size = (st_add(size, align - 1)) & ~(align - 1);
	if (size > a->cap - a->used || a->head == NULL) {
		if (size > ARENA_CHUNK / 4) {
			/* Its own chunk, behind the head so the head stays. */
			c = xmalloc(st_add(sizeof *c, size));
			if (a->head) {
				c->next = a->head->next;
				a->head->next = c;
			} else {
				c->next = NULL;
				a->head = c;
				a->used = a->cap = size;
			}
			return c->data;
		}
		c = xmalloc(sizeof *c + ARENA_CHUNK);
		c->next = a->head;
		a->head = c;
		a->used = 0;
		a->cap = ARENA_CHUNK;
	}
	a->used += size;
	return a->head->data + a->used - size;
}

void *
arena_zalloc(struct arena *a, size_t size)
{
	void *p = arena_alloc(a, size);
	memset(p, 0, size);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, st_add(len, 1));
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}
