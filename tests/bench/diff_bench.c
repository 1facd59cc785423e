/* diff_bench.c: how long diff_words takes on a 50 KB statement body (issue 12 asks for under 50 ms), for
 * a few edits, a moved paragraph and two unrelated bodies. Not a test: build with
 * `cmake --build build --target diff_bench` and run build/tests/diff_bench. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "diff.h"

/* About 50 KB of paragraphs; variant 1 changes a word in every tenth, 2 moves the first paragraph to the
 * end, 3 writes other words throughout. */
static char *body(int variant)
{
	struct buf b = {0};
	for (int p = 0; p < 120; p++) {
		int q = variant == 2 ? (p + 1) % 120 : p;
		for (int s = 0; s < 6; s++)
			buf_printf(&b, "%s %d of paragraph %d says what the ministry %s about item %d. ",
			           variant == 3 ? "Line" : "Sentence", s, q,
			           variant == 1 && q % 10 == 3 && s == 2 ? "announced today" : "stated", q * 7 + s);
		buf_puts(&b, "\n\n");
	}
	char *s = strdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static double ms(struct timespec a, struct timespec b)
{
	return (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

int main(void)
{
	static const char *const names[] = {"", "a word in every tenth paragraph", "the first paragraph moved",
	                                    "every sentence changed"};
	struct arena arena = {0};
	char *base = body(0);
	for (int v = 1; v <= 3; v++) {
		char *other = body(v);
		double best = 1e9;
		struct diff_stats st = {0};
		for (int run = 0; run < 20; run++) {
			struct diff_chunk *c;
			struct timespec t0, t1;
			clock_gettime(CLOCK_MONOTONIC, &t0);
			if (diff_words(&arena, base, other, &c, &st) < 0)
				return 1;
			clock_gettime(CLOCK_MONOTONIC, &t1);
			if (ms(t0, t1) < best)
				best = ms(t0, t1);
			arena_reset(&arena);
		}
		printf("%zu bytes, %s: %.2f ms (best of 20), %d edits%s, %ld steps\n", strlen(base), names[v], best,
		       st.edits, st.gave_up ? " (gave up aligning)" : "", st.steps);
		free(other);
	}
	free(base);
	arena_free(&arena);
	return 0;
}
