/* fuzz_multipart.c: the streaming multipart/form-data parser (media_multipart.c). The first byte picks the
 * chunk size the body is fed in (1 to 256 bytes: the delimiter must be found across any border) and the
 * file limit; the rest is the body, parsed with the boundary "XyZ". A sink counts what it is given.
 *
 * Properties: no memory error; a text field's value is NUL-terminated and its size is its length; a file's
 * bytes reach the sink exactly, unless it is over the limit; the text never exceeds its limit; feeding the
 * body in one piece gives the same parts as in chunks. */
#include "fuzz.h"

#include "arena.h"
#include "media_multipart.h"

struct counted {
	size_t bytes;
	int open, kept, removed;
};

static void *count_open(void *ctx, const struct mp_part *p)
{
	(void)p;
	struct arena *a = ctx;
	struct counted *c = arena_alloc(a, sizeof *c);
	c->open = 1;
	return c;
}

static int count_put(void *ctx, void *file, const char *data, size_t n)
{
	(void)ctx;
	(void)data;
	struct counted *c = file;
	CHECK(c->open && !c->removed);
	c->bytes += n;
	return 0;
}

static void count_close(void *ctx, void *file, int keep)
{
	(void)ctx;
	struct counted *c = file;
	CHECK(c->open);
	if (keep)
		c->kept = 1;
	else
		c->removed = 1;
}

static int parse(struct arena *a, const char *body, size_t size, size_t chunk, size_t file_max, struct mp_part **parts,
                 size_t *n)
{
	struct mp_limits lim = {.text_max = 4096, .file_max = file_max};
	struct mp_sink sink = {count_open, count_put, count_close, a};
	struct mp *p = mp_new(a, "XyZ", &lim, &sink);
	const char *why = NULL;
	int bad = 0;
	for (size_t i = 0; i < size && !bad; i += chunk)
		bad = mp_feed(p, body + i, size - i < chunk ? size - i : chunk, &why) != 0;
	if (bad)
		CHECK(why != NULL);
	int rc = mp_finish(p, parts, n, &why);
	CHECK(rc == 0 || why != NULL);
	CHECK(*n <= MP_MAX_PARTS);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t chunk = 1 + data[0] % 256, file_max = 1 + (data[0] >> 4) * 64;
	const char *body = (const char *)data + 1;
	size -= 1;
	struct arena a = {0};
	struct mp_part *parts, *whole;
	size_t n, nwhole;
	int rc = parse(&a, body, size, chunk, file_max, &parts, &n);
	size_t text = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		CHECK(parts[i].name && parts[i].name[0]);
		if (parts[i].filename == NULL) {
			CHECK(parts[i].value && strlen(parts[i].value) == parts[i].size);
			text += parts[i].size;
			continue;
		}
		struct counted *c = parts[i].file;
		if (parts[i].too_large)
			CHECK(c == NULL && parts[i].size > file_max);
		if (c) {
			CHECK(c->kept && !c->removed && c->bytes == parts[i].size);
			CHECK(parts[i].size <= file_max);
		}
	}
	CHECK(text <= 4096);
	/* Chunking changes nothing. */
	int rc2 = parse(&a, body, size, size ? size : 1, file_max, &whole, &nwhole);
	CHECK(rc == rc2);
	if (rc == 0) {
		CHECK(n == nwhole);
		for (size_t i = 0; i < n; i++) {
			CHECK(parts[i].size == whole[i].size && strcmp(parts[i].name, whole[i].name) == 0);
			CHECK((parts[i].value == NULL) == (whole[i].value == NULL));
			if (parts[i].value)
				CHECK(strcmp(parts[i].value, whole[i].value) == 0);
		}
	}
	arena_free(&a);
	return 0;
}
