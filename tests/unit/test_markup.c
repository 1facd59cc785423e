/* test_markup.c: unit tests for markup.c: CommonMark to HTML with raw HTML off, and the per-worker cache of
 * rendered bodies, which must never answer one source with another's HTML, however it is filled. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "markup.h"

static struct arena arena;

static const char *html(const char *source)
{
	return markup_html_text(&arena, source, NULL);
}

static void renders_commonmark_without_raw_html(void **state)
{
	(void)state;
	assert_string_equal(html("Hello *world*"), "<p>Hello <em>world</em></p>\n");
	assert_null(strstr(html("<script>alert(1)</script>\n\n[x](javascript:alert(1))"), "<script"));
	assert_null(strstr(html("[x](javascript:alert(1))"), "javascript:"));
}

static void same_source_same_html_and_an_edit_is_seen(void **state)
{
	(void)state;
	assert_string_equal(html("First version."), "<p>First version.</p>\n");
	assert_string_equal(html("First version."), "<p>First version.</p>\n");
	assert_string_equal(html("First version, corrected."), "<p>First version, corrected.</p>\n");
	assert_string_equal(html("First version."), "<p>First version.</p>\n");
}

/* What XML cannot carry (a noncharacter, a control), in a body written by SQL, is mended where the HTML is
 * made, kept or not: pages set it as it is. */
static void what_xml_cannot_carry_is_mended(void **state)
{
	(void)state;
	const char *source = "a\xEF\xBF\xBF" "b\x0b" "c \xD0\xB4";
	const char *want = "<p>a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c \xD0\xB4</p>\n";
	assert_string_equal(html(source), want);
	char *kept = markup_html_new(source);
	assert_string_equal(kept, want);
	free(kept);
}

/* More sources than the cache has slots, and more bytes than its budget: each answer is still its own. */
static void every_source_its_own_html_through_eviction(void **state)
{
	(void)state;
	char *source = malloc(12000), expected[64];
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 600; i++) {
			int n = snprintf(source, 12000, "Item %d.", i);
			if (i % 3 == 0) { /* some long bodies, to pass the byte budget before the slot count */
				memset(source + n, 'x', 9000);
				source[n + 9000] = '\0';
			}
			const char *out = html(source);
			snprintf(expected, sizeof expected, "<p>Item %d.", i);
			assert_memory_equal(out, expected, strlen(expected));
			assert_int_equal(strlen(out), strlen(source) + strlen("<p></p>\n"));
		}
	}
	free(source);
}

/* A body larger than a quarter of the cache is rendered each time, and does not disturb what is kept. */
static void a_huge_body_is_rendered_right(void **state)
{
	(void)state;
	size_t big = 600 * 1024;
	char *source = malloc(big + 1);
	memset(source, 'y', big);
	source[big] = '\0';
	assert_string_equal(html("Kept."), "<p>Kept.</p>\n");
	for (int i = 0; i < 2; i++) {
		const char *out = html(source);
		assert_int_equal(strlen(out), big + strlen("<p></p>\n"));
	}
	assert_string_equal(html("Kept."), "<p>Kept.</p>\n");
	free(source);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(renders_commonmark_without_raw_html),
		cmocka_unit_test(same_source_same_html_and_an_edit_is_seen),
		cmocka_unit_test(every_source_its_own_html_through_eviction),
		cmocka_unit_test(a_huge_body_is_rendered_right),
		cmocka_unit_test(what_xml_cannot_carry_is_mended),
	};
	int failed = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(&arena);
	return failed;
}
