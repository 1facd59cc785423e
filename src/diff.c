/* diff.c: a word-level diff (Myers 1986, "An O(ND) Difference Algorithm") for comparing item versions.
 * Debian 12 packages no C library for it (libgit2 and diffutils diff lines; dtl is C++ templates), so it
 * is written here: tokens, the common start and end set aside, the greedy forward search with its trace
 * kept for the walk back, then runs of equal words with the changes between them. */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* A word (its key: what is compared) and the spaces after it (shown, not compared). */
struct tok {
	const char *p;
	size_t len, keylen;
	uint64_t hash;
};

/* The code point at s (length in *n, at least 1, never past the NUL); a bad byte reads as itself. */
static uint32_t code_point(const unsigned char *s, size_t *n)
{
	uint32_t c = s[0];
	size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80) {
			*n = 1;
			return c;
		}
	*n = len;
	if (len == 1)
		return c;
	c &= 0x3Fu >> (len - 1);
	for (size_t i = 1; i < len; i++)
		c = (c << 6) | (s[i] & 0x3F);
	return c;
}

static int is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
	       (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x3000;
}

/* Letters and digits of any script; ASCII and typographic punctuation (quotes, dashes, guillemets) are
 * words of their own, so "statement," and "statement." differ only by the mark. */
static int is_word(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
	return !(c == 0xAB || c == 0xBB || (c >= 0x2010 && c <= 0x205E) || (c >= 0x3000 && c <= 0x303F));
}

/* Split s into tokens (malloc'd array, *n of them). Leading spaces are a token of their own. */
static struct tok *tokenize(const char *s, size_t *n)
{
	size_t cap = 16, count = 0;
	struct tok *t = malloc(cap * sizeof *t);
	if (t == NULL)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		const unsigned char *start = p;
		size_t len;
		uint32_t c = code_point(p, &len);
		if (is_word(c) && !is_space(c))
			while (*p && (c = code_point(p, &len), is_word(c) && !is_space(c)))
				p += len;
		else if (!is_space(c))
			p += len;
		size_t keylen = (size_t)(p - start);
		while (*p && (c = code_point(p, &len), is_space(c)))
			p += len;
		if (keylen == 0) /* spaces at the very start: compared as they are */
			keylen = (size_t)(p - start);
		if (count == cap) {
			struct tok *more = realloc(t, (cap *= 2) * sizeof *t);
			if (more == NULL) {
				free(t);
				return NULL;
			}
			t = more;
		}
		uint64_t h = 1469598103934665603u; /* FNV-1a */
		for (size_t i = 0; i < keylen; i++)
			h = (h ^ start[i]) * 1099511628211u;
		t[count++] = (struct tok){(const char *)start, (size_t)(p - start), keylen, h};
	}
	*n = count;
	return t;
}

static int same(const struct tok *a, const struct tok *b)
{
	return a->hash == b->hash && a->keylen == b->keylen && memcmp(a->p, b->p, a->keylen) == 0;
}

/* A pair of equal tokens on the path: index in old, index in new. */
struct match {
	size_t i, j;
};

/* Myers' forward search between a[0..n) and b[0..m), keeping each round's furthest points (round d's
 * 2d+1 of them start at d*d) so the walk back can find the path. Fills match[] (room for min(n, m)) in
 * order and returns how many, or -1 on no memory, or -2 when more than DIFF_MAX_EDITS edits are needed. */
static long myers(const struct tok *a, long n, const struct tok *b, long m, struct match *match,
                  struct diff_stats *st)
{
	long max = n + m < DIFF_MAX_EDITS ? n + m : DIFF_MAX_EDITS;
	long off = max + 1;
	long *v = calloc((size_t)(2 * max + 3), sizeof *v);
	int *trace = malloc((size_t)(max + 1) * (size_t)(max + 1) * sizeof *trace);
	long found = -1, count = 0;
	if (v == NULL || trace == NULL)
		goto out;
	for (long d = 0; d <= max && found < 0; d++) {
		for (long k = -d; k <= d; k += 2) {
			long x = (k == -d || (k != d && v[off + k - 1] < v[off + k + 1])) ? v[off + k + 1] : v[off + k - 1] + 1;
			long y = x - k;
			st->steps++;
			while (x < n && y < m && same(&a[x], &b[y])) {
				x++, y++;
				st->steps++;
			}
			v[off + k] = x;
			if (x >= n && y >= m)
				found = d;
		}
		for (long k = -d; k <= d; k++)
			trace[d * d + k + d] = (int)v[off + k];
	}
	if (found < 0) {
		found = -2;
		goto out;
	}
	st->edits = (int)found;
	/* Walk back from (n, m): round d ended with a diagonal run of matches that began one edit (a step
	 * right, deleting, or down, inserting) after round d-1's furthest point on the neighbouring diagonal. */
	long x = n, y = m;
	for (long d = found; d >= 0; d--) {
		long k = x - y, px = 0, py = 0, sx = 0;
		if (d > 0) {
			const int *prev = &trace[(d - 1) * (d - 1) + (d - 1)]; /* prev[k], k in -(d-1)..d-1 */
			long pk = (k == -d || (k != d && prev[k - 1] < prev[k + 1])) ? k + 1 : k - 1;
			px = prev[pk];
			py = px - pk;
			sx = pk == k + 1 ? px : px + 1;
		}
		while (x > sx) {
			x--, y--;
			match[count++] = (struct match){(size_t)x, (size_t)y};
		}
		x = px, y = py;
	}
	for (long i = 0; i < count / 2; i++) {
		struct match t = match[i];
		match[i] = match[count - 1 - i];
		match[count - 1 - i] = t;
	}
	found = count;
out:
	free(v);
	free(trace);
	return found;
}

/* The chunks being built, as spans of their source (copied into the arena at the end), a run merged
 * into the span before it when that is of its kind and ends where it starts. */
struct span {
	enum diff_op op;
	const char *start, *end;
};
struct chunks {
	struct span *s;
	size_t n, cap;
};

static int add(struct chunks *cs, enum diff_op op, const struct tok *t, size_t from, size_t to)
{
	if (from >= to)
		return 0;
	const char *start = t[from].p, *end = t[to - 1].p + t[to - 1].len;
	if (cs->n > 0 && cs->s[cs->n - 1].op == op && cs->s[cs->n - 1].end == start) {
		cs->s[cs->n - 1].end = end;
		return 0;
	}
	if (cs->n == cs->cap) {
		struct span *more = realloc(cs->s, (cs->cap = cs->cap ? cs->cap * 2 : 16) * sizeof *more);
		if (more == NULL)
			return -1;
		cs->s = more;
	}
	cs->s[cs->n++] = (struct span){op, start, end};
	return 0;
}

/* Does token t end a line (a line break in the spaces after it)? */
static int ends_line(const struct tok *t)
{
	return memchr(t->p + t->keylen, '\n', t->len - t->keylen) != NULL;
}

/* A run of changed words [s, e) may move to [s+1, e+1) when word s equals word e, the kept word after it
 * (or back, when word s-1 equals word e-1): the same words change, the run just starts and ends elsewhere.
 * Each run goes to the lowest such place that ends a line (or the text), else the lowest: so a moved
 * paragraph comes and goes whole, from its first word to its line break, rather than taking the first
 * word of the next one or the full stop of the one before. */
static void slide(const struct tok *t, unsigned char *kept, size_t n)
{
	for (size_t s = 0; s < n; s++) {
		if (kept[s])
			continue;
		size_t e = s;
		while (e < n && !kept[e])
			e++;
		while (s > 0 && kept[s - 1] && same(&t[s - 1], &t[e - 1])) {
			kept[--s] = 0;
			kept[--e] = 1;
		}
		size_t best = s;
		int at_line = e == n || ends_line(&t[e - 1]);
		while (e < n && kept[e] && (e + 1 >= n || kept[e + 1]) && same(&t[s], &t[e])) {
			kept[s++] = 1;
			kept[e++] = 0;
			if (e == n || ends_line(&t[e - 1])) {
				best = s;
				at_line = 1;
			} else if (!at_line) {
				best = s;
			}
		}
		while (s > best) {
			kept[--s] = 0;
			kept[--e] = 1;
		}
		s = e;
	}
}

int diff_words(struct arena *a, const char *old, const char *new_text, struct diff_chunk **out,
               struct diff_stats *stats)
{
	struct diff_stats local;
	struct diff_stats *st = stats ? stats : &local;
	*st = (struct diff_stats){0};
	*out = NULL;
	size_t n = 0, m = 0;
	struct tok *ta = tokenize(old ? old : "", &n);
	struct tok *tb = tokenize(new_text ? new_text : "", &m);
	struct match *match = NULL;
	unsigned char *kept_a = NULL, *kept_b = NULL;
	struct chunks cs = {0};
	int result = -1;
	if (ta == NULL || tb == NULL)
		goto out;
	size_t pre = 0, suf = 0;
	while (pre < n && pre < m && same(&ta[pre], &tb[pre]))
		pre++;
	while (suf < n - pre && suf < m - pre && same(&ta[n - 1 - suf], &tb[m - 1 - suf]))
		suf++;
	long mn = (long)(n - pre - suf), mm = (long)(m - pre - suf);
	st->old_tokens = (size_t)mn;
	st->new_tokens = (size_t)mm;
	match = malloc((size_t)(mn < mm ? mn : mm) * sizeof *match + 1);
	if (match == NULL)
		goto out;
	long nmatch = myers(ta + pre, mn, tb + pre, mm, match, st);
	if (nmatch == -1)
		goto out;
	if (nmatch == -2) { /* too different to be worth aligning: the middle goes and comes whole */
		st->gave_up = 1;
		st->edits = (int)(mn + mm);
		nmatch = 0;
	}
	/* Which words are kept, then each changed run slid as far down as equal words allow, so a moved
	 * paragraph comes and goes whole instead of taking the full stop of the one before. */
	kept_a = calloc(n + 1, 1);
	kept_b = calloc(m + 1, 1);
	if (kept_a == NULL || kept_b == NULL)
		goto out;
	memset(kept_a, 1, pre), memset(kept_a + n - suf, 1, suf);
	memset(kept_b, 1, pre), memset(kept_b + m - suf, 1, suf);
	for (long k = 0; k < nmatch; k++)
		kept_a[pre + match[k].i] = kept_b[pre + match[k].j] = 1;
	slide(ta, kept_a, n);
	slide(tb, kept_b, m);
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		size_t i0 = i, j0 = j;
		while (i < n && !kept_a[i])
			i++;
		while (j < m && !kept_b[j])
			j++;
		if (add(&cs, DIFF_DEL, ta, i0, i) != 0 || add(&cs, DIFF_INS, tb, j0, j) != 0)
			goto out;
		if (i < n && j < m) { /* kept on both sides: shown as the new text has it */
			if (add(&cs, DIFF_SAME, tb, j, j + 1) != 0)
				goto out;
			i++, j++;
		}
	}
	struct diff_chunk *c = arena_alloc(a, (cs.n ? cs.n : 1) * sizeof *c);
	for (size_t k = 0; k < cs.n; k++)
		c[k] = (struct diff_chunk){cs.s[k].op, arena_strndup(a, cs.s[k].start, (size_t)(cs.s[k].end - cs.s[k].start))};
	*out = cs.n ? c : NULL;
	result = (int)cs.n;
out:
	free(ta);
	free(tb);
	free(match);
	free(kept_a);
	free(kept_b);
	free(cs.s);
	return result;
}
