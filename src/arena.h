/* arena.h: request-scoped memory. Everything a request allocates hangs off its arena and is freed at once
 * when the request ends, so a long-lived worker cannot leak across requests. */
#ifndef PRESSROOM_ARENA_H
#define PRESSROOM_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
};

/* Zeroed memory of n bytes owned by the arena. Never NULL (allocation failure aborts). */
void *arena_alloc(struct arena *a, size_t n);
/* A copy of s (or of its first n bytes), NUL-terminated, owned by the arena. */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* An array of n elements of size bytes with room for one more: array itself while n < *cap, else a copy
 * in a twice as long (*cap updated). For lists read row by row: list = arena_grow(a, list, n, &cap, sizeof *list). */
void *arena_grow(struct arena *a, void *array, int n, int *cap, size_t size);
/* The first n bytes of s, then t, as one string owned by the arena: the paths and URLs a page joins by the
 * dozen, without a format to parse. */
char *arena_concat(struct arena *a, const char *s, size_t n, const char *t);
/* printf into a string owned by the arena: one call where format-then-copy took three. */
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Free every block but the first, and clear it, ready for the next request. */
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

#endif
