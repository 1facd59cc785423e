/* arena.c: a bump allocator over a chain of blocks. */
#include "arena.h"

#include "log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct arena_block {
	struct arena_block *next;
	size_t size, used;
	_Alignas(16) unsigned char data[];
};

enum { ARENA_BLOCK = 16384 };

static struct arena_block *block_new(size_t size)
{
	struct arena_block *b = malloc(sizeof *b + size);
	if (b == NULL) {
		log_error("out of memory");
		abort();
	}
	b->next = NULL;
	b->size = size;
	b->used = 0;
	return b;
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct arena_block *b = a->head;
	if (b == NULL || b->size - b->used < n) {
		struct arena_block *nb = block_new(n > ARENA_BLOCK ? n : ARENA_BLOCK);
		if (b != NULL && n > ARENA_BLOCK) {
			/* A large one-off goes behind the current block, which keeps its free space. */
			nb->next = b->next;
			b->next = nb;
			nb->used = n;
			return memset(nb->data, 0, n);
		}
		nb->next = b;
		a->head = b = nb;
	}
	void *p = b->data + b->used;
	b->used += n;
	return memset(p, 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_reset(struct arena *a)
{
	struct arena_block *keep = a->head;
	if (keep == NULL)
		return;
	/* Keep the block with the most room so a steady load allocates nothing. */
	struct arena_block *b = keep->next;
	keep->next = NULL;
	while (b) {
		struct arena_block *next = b->next;
		if (b->size > keep->size) {
			free(keep);
			keep = b;
			keep->next = NULL;
		} else {
			free(b);
		}
		b = next;
	}
	keep->used = 0;
	a->head = keep;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
}
