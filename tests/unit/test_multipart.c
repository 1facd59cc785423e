/* test_multipart.c: unit tests for media_multipart.c (boundaries, parts, files across chunk borders, limits,
 * malformed bodies). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "media_multipart.h"

/* A sink that keeps each file's bytes in a buf. */
struct kept {
	struct buf bytes;
	int kept, removed;
};

static void *k_open(void *ctx, const struct mp_part *p)
{
	(void)p;
	return arena_alloc(ctx, sizeof(struct kept));
}

static int k_put(void *ctx, void *file, const char *data, size_t n)
{
	(void)ctx;
	buf_append(&((struct kept *)file)->bytes, data, n);
	return 0;
}

static void k_close(void *ctx, void *file, int keep)
{
	(void)ctx;
	struct kept *k = file;
	if (keep) {
		k->kept = 1;
	} else {
		k->removed = 1;
		buf_free(&k->bytes); /* as the real sink removes its file */
	}
}

static struct arena a;
static struct mp_part *parts;
static size_t nparts;
static const char *why;

/* Parse body fed chunk bytes at a time; the result of mp_finish. */
static int parse(const char *body, size_t chunk, size_t file_max)
{
	struct mp_limits lim = {.text_max = 1000, .file_max = file_max};
	struct mp_sink sink = {k_open, k_put, k_close, &a};
	struct mp *p = mp_new(&a, "b0und", &lim, &sink);
	size_t len = strlen(body);
	why = NULL;
	for (size_t i = 0; i < len; i += chunk)
		if (mp_feed(p, body + i, len - i < chunk ? len - i : chunk, &why) != 0)
			break;
	return mp_finish(p, &parts, &nparts, &why);
}

static const char form[] = "--b0und\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nA title\r\n"
                           "--b0und\r\nContent-Disposition: form-data; name=\"media_1_file\"; filename=\"p.jpg\"\r\n"
                           "Content-Type: image/jpeg\r\n\r\n\xff\xd8 bytes\r\n--b0un almost\r\n\r\n-- end\r\n"
                           "--b0und--\r\n";

static void boundary_from_content_type(void **state)
{
	(void)state;
	assert_string_equal(mp_boundary(&a, "multipart/form-data; boundary=----WebKitFormBoundaryX1"),
	                    "----WebKitFormBoundaryX1");
	assert_string_equal(mp_boundary(&a, "multipart/form-data; charset=utf-8; boundary=\"a b\""), "a b");
	assert_null(mp_boundary(&a, "multipart/mixed; boundary=x"));
	assert_null(mp_boundary(&a, "multipart/form-data"));
	assert_null(mp_boundary(&a, "multipart/form-data; boundary="));
	assert_null(mp_boundary(&a, "multipart/form-data; boundary=a\rb"));
	assert_null(mp_boundary(&a, "multipart/form-data; boundary=01234567890123456789012345678901234567890123456789"
	                            "012345678901234567890"));
}

static void text_and_file_in_every_chunking(void **state)
{
	(void)state;
	for (size_t chunk = 1; chunk <= sizeof form; chunk++) {
		assert_int_equal(parse(form, chunk, 1000), 0);
		assert_int_equal(nparts, 2);
		assert_string_equal(parts[0].name, "title");
		assert_null(parts[0].filename);
		assert_string_equal(parts[0].value, "A title");
		assert_string_equal(parts[1].filename, "p.jpg");
		struct kept *k = parts[1].file;
		assert_true(k->kept && !k->removed);
		const char want[] = "\xff\xd8 bytes\r\n--b0un almost\r\n\r\n-- end";
		assert_int_equal(k->bytes.len, sizeof want - 1);
		assert_memory_equal(k->bytes.data, want, sizeof want - 1);
		buf_free(&k->bytes);
	}
}

static void a_file_over_the_limit_is_dropped_and_parsing_goes_on(void **state)
{
	(void)state;
	assert_int_equal(parse(form, 7, 5), 0);
	assert_int_equal(nparts, 2);
	assert_true(parts[1].too_large);
	assert_null(parts[1].file);
	assert_string_equal(parts[0].value, "A title");
}

static void malformed_bodies_are_refused(void **state)
{
	(void)state;
	assert_int_equal(parse("--b0und\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", 4, 100), -1);
	assert_non_null(why);
	assert_int_equal(parse("--b0und\r\nContent-Type: text/plain\r\n\r\nx\r\n--b0und--", 4, 100), -1);
	assert_int_equal(parse("--b0und\r\nContent-Disposition: form-data; name=\"\"\r\n\r\nx\r\n--b0und--", 4, 100), -1);
	assert_int_equal(parse("--b0undXX", 4, 100), -1);
}

static void a_failed_body_removes_its_files(void **state)
{
	(void)state;
	static const char cut[] = "--b0und\r\nContent-Disposition: form-data; name=\"f\"; filename=\"x\"\r\n\r\nabc\r\n"
	                          "--b0und\r\nContent-Disposition: form-data; name=\"g\"; filename=\"y\"\r\n\r\nde";
	assert_int_equal(parse(cut, 3, 100), -1);
	assert_int_equal(nparts, 2);
	assert_null(parts[0].file);
	assert_null(parts[1].file);
}

static void text_over_its_limit_is_refused(void **state)
{
	(void)state;
	char body[2000] = "--b0und\r\nContent-Disposition: form-data; name=\"body\"\r\n\r\n";
	size_t n = strlen(body);
	memset(body + n, 'x', 1200);
	strcpy(body + n + 1200, "\r\n--b0und--\r\n");
	assert_int_equal(parse(body, 64, 100), -1);
	assert_string_equal(why, "The form's text is larger than this site accepts.");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(boundary_from_content_type),
		cmocka_unit_test(text_and_file_in_every_chunking),
		cmocka_unit_test(a_file_over_the_limit_is_dropped_and_parsing_goes_on),
		cmocka_unit_test(malformed_bodies_are_refused),
		cmocka_unit_test(a_failed_body_removes_its_files),
		cmocka_unit_test(text_over_its_limit_is_refused),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(&a);
	return rc;
}
