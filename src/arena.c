/* arena.c: a bump allocator over a chain of blocks. */
#include "arena.h"

#include "log.h"

#include <sanitizer/asan_interface.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Under AddressSanitizer (the sanitizer and fuzzing builds) what the arena has not handed out is poisoned,
 * and each allocation is followed by a poisoned gap: reading or writing past an allocation, or into memory
 * of a request that has ended, is reported as it would be for malloc. In other builds the macros do nothing. */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_REDZONE 16
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_REDZONE 16
#endif
#endif
#ifndef ARENA_REDZONE
#define ARENA_REDZONE 0
#endif

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
	ASAN_POISON_MEMORY_REGION(b->data, size);
	return b;
}

void *arena_grow(struct arena *a, void *array, int n, int *cap, size_t size)
{
	if (n < *cap)
		return array;
	*cap = *cap ? *cap * 2 : 16;
	void *more = arena_alloc(a, (size_t)*cap * size);
	if (n)
		memcpy(more, array, (size_t)n * size);
	return more;
}

void *arena_alloc(struct arena *a, size_t want)
{
	size_t n = ((want + 15) & ~(size_t)15) + ARENA_REDZONE;
	struct arena_block *b = a->head;
	if (b == NULL || b->size - b->used < n) {
		struct arena_block *nb = block_new(n > ARENA_BLOCK ? n : ARENA_BLOCK);
		if (b != NULL && n > ARENA_BLOCK) {
			/* A large one-off goes behind the current block, which keeps its free space. */
			nb->next = b->next;
			b->next = nb;
			nb->used = n;
			ASAN_UNPOISON_MEMORY_REGION(nb->data, want);
			return memset(nb->data, 0, want);
		}
		nb->next = b;
		a->head = b = nb;
	}
	void *p = b->data + b->used;
	b->used += n;
	ASAN_UNPOISON_MEMORY_REGION(p, want);
	return memset(p, 0, want);
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

char *arena_concat(struct arena *a, const char *s, size_t n, const char *t)
{
	size_t m = strlen(t);
	char *p = arena_alloc(a, n + m + 1); /* zeroed: terminated */
	memcpy(p, s, n);
	memcpy(p + n, t, m);
	return p;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	/* Most are short (a path, a URL): formatted once on the stack and copied, where measuring first and
	 * formatting again cost two vsnprintf calls, half of each call. */
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < sizeof small)
		return arena_strndup(a, small, (size_t)n);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		log_error("arena_printf: bad format %s", fmt);
		abort();
	}
	char *p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
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
	ASAN_POISON_MEMORY_REGION(keep->data, keep->size);
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
