/* test_slug.c: unit tests for slug_from_title in slug.c (lowercasing, transliteration, separators, length cut). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "slug.h"

/* The slug of title in a buffer of SLUG_MAX + 1 bytes; checks the returned length is the string's. */
static const char *slug(const char *title)
{
	static char out[SLUG_MAX + 1];
	size_t n = slug_from_title(title, out, sizeof out);
	assert_int_equal(n, strlen(out));
	return out;
}

/* A string of n copies of c, in a static buffer. */
static const char *repeat(char c, size_t n)
{
	static char s[512];
	assert_true(n < sizeof s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void seed_title_cut_at_word_boundary(void **state)
{
	(void)state;
	/* The full slug would be 98 bytes; "-peninsulas" would end at byte 86, so the cut falls after "korean". */
	assert_string_equal(slug("Joint statement by the Russian and Chinese foreign ministries on the Korean "
	                         "Peninsula\xe2\x80\x99s problems"),
	                    "joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean");
}

static void lowercases_ascii(void **state)
{
	(void)state;
	assert_string_equal(slug("Press Release NO 5"), "press-release-no-5");
}

static void cyrillic_is_transliterated(void **state)
{
	(void)state;
	assert_string_equal(slug("Заявление МИД России"), "zayavlenie-mid-rossii");
}

static void cyrillic_multiletter_transliterations(void **state)
{
	(void)state;
	assert_string_equal(slug("Щука Жук Хор Цех Чай Шум Юг"), "shchuka-zhuk-khor-tsekh-chay-shum-yug");
}

static void cyrillic_io_is_e(void **state)
{
	(void)state;
	assert_string_equal(slug("Ёлка ёж"), "elka-ezh");
}

static void cyrillic_hard_and_soft_signs_are_dropped(void **state)
{
	(void)state;
	assert_string_equal(slug("Объявление Мальчик"), "obyavlenie-malchik");
}

static void lone_hard_sign_between_words_leaves_one_dash(void **state)
{
	(void)state;
	/* A sign writes nothing: standing alone it must not write the dash before it either. */
	assert_string_equal(slug("a \xd1\x8a b"), "a-b"); /* "a ъ b" */
}

static void lone_soft_sign_at_end_leaves_no_dash(void **state)
{
	(void)state;
	assert_string_equal(slug("a \xd0\xac"), "a"); /* "a Ь" */
}

static void ascii_apostrophe_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(slug("Korea's future"), "koreas-future");
}

static void right_single_quote_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(slug("Korea\xe2\x80\x99s future"), "koreas-future");
}

static void all_punctuation_gives_item(void **state)
{
	(void)state;
	assert_string_equal(slug("!!! ??? ... ---"), "item");
}

static void empty_title_gives_item(void **state)
{
	(void)state;
	assert_string_equal(slug(""), "item");
}

static void untransliterated_script_gives_item(void **state)
{
	(void)state;
	assert_string_equal(slug("\xe4\xb8\xad\xe6\x96\x87"), "item"); /* 中文 */
}

static void only_apostrophes_gives_item(void **state)
{
	(void)state;
	assert_string_equal(slug("'\xe2\x80\x99'"), "item");
}

static void long_single_word_is_cut_at_max(void **state)
{
	(void)state;
	char title[201];
	memset(title, 'a', 200);
	title[200] = '\0';
	assert_string_equal(slug(title), repeat('a', SLUG_MAX));
}

static void word_of_exactly_max_is_kept(void **state)
{
	(void)state;
	char title[SLUG_MAX + 8];
	memset(title, 'a', SLUG_MAX);
	strcpy(title + SLUG_MAX, " b");
	assert_string_equal(slug(title), repeat('a', SLUG_MAX));
}

static void partial_last_word_is_dropped(void **state)
{
	(void)state;
	char title[128];
	memset(title, 'a', 70);
	strcpy(title + 70, " bbbbbbbbbbbbbbbbbb"); /* would end at byte 89 */
	assert_string_equal(slug(title), repeat('a', 70));
}

static void words_ending_exactly_at_max_are_kept(void **state)
{
	(void)state;
	/* 39 + '-' + 40 = 80 bytes exactly; the following word cannot fit, the two before it can. */
	char title[128], want[SLUG_MAX + 1];
	memset(title, 'a', 39);
	title[39] = ' ';
	memset(title + 40, 'b', 40);
	strcpy(title + 80, " c");
	memset(want, 'a', 39);
	want[39] = '-';
	memset(want + 40, 'b', 40);
	want[80] = '\0';
	assert_string_equal(slug(title), want);
}

static void leading_and_trailing_punctuation_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(slug("--\"Hello, World!\"--"), "hello-world");
}

static void runs_of_separators_become_one_dash(void **state)
{
	(void)state;
	assert_string_equal(slug("a  --  b\t\n/c"), "a-b-c");
}

static void invalid_byte_is_separator(void **state)
{
	(void)state;
	assert_string_equal(slug("abc\xff\xfe" "def"), "abc-def");
}

static void lone_continuation_byte_is_separator(void **state)
{
	(void)state;
	assert_string_equal(slug("abc\x80" "def"), "abc-def");
}

static void lead_byte_before_ascii_keeps_the_ascii(void **state)
{
	(void)state;
	assert_string_equal(slug("abc\xd0" "def"), "abc-def");
}

static void truncated_sequence_at_end_is_dropped(void **state)
{
	(void)state;
	assert_string_equal(slug("abc\xe2\x80"), "abc");
}

static void overlong_encoding_is_separator(void **state)
{
	(void)state;
	/* C1 A1 and E0 90 B0 are overlong spellings of 'a' and 'а': not UTF-8, so not letters. */
	assert_string_equal(slug("x\xc1\xa1y"), "x-y");
	assert_string_equal(slug("x\xe0\x90\xb0y"), "x-y");
}

static void small_buffer_cuts_at_word_boundary(void **state)
{
	(void)state;
	char out[8];
	assert_int_equal(slug_from_title("Hello world", out, sizeof out), 5);
	assert_string_equal(out, "hello");
}

static void small_buffer_cuts_item(void **state)
{
	(void)state;
	char out[3];
	assert_int_equal(slug_from_title("!!!", out, sizeof out), 2);
	assert_string_equal(out, "it");
}

/* Checks the promises every slug keeps: 1..SLUG_MAX bytes of [a-z0-9-], no '-' first, last or doubled. */
static void assert_well_formed(const char *s)
{
	size_t n = strlen(s);
	assert_in_range(n, 1, SLUG_MAX);
	assert_int_not_equal(s[0], '-');
	assert_int_not_equal(s[n - 1], '-');
	assert_null(strstr(s, "--"));
	for (size_t i = 0; i < n; i++)
		assert_true((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-');
}

static void random_titles_give_well_formed_slugs(void **state)
{
	(void)state;
	/* Bytes drawn from a mix of ASCII letters, punctuation, Cyrillic and stray high bytes. */
	static const char *const parts[] = {
		"a", "Z", "7", " ", "-", "'", ".", "\xe2\x80\x99", "\xd0\x96", "\xd1\x89", "\xd0\xaa", "\xff", "\x80",
		"\xc3", "\xe4\xb8\xad", "Peninsula", "shch", "\xd0\xa9\xd0\xb8",
	};
	unsigned long long seed = 42;
	for (int t = 0; t < 5000; t++) {
		char title[60 * 16];
		size_t o = 0;
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		size_t nparts = (size_t)(seed >> 33) % 60;
		for (size_t i = 0; i < nparts; i++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			const char *p = parts[(seed >> 33) % (sizeof parts / sizeof parts[0])];
			memcpy(title + o, p, strlen(p));
			o += strlen(p);
		}
		title[o] = '\0';
		assert_well_formed(slug(title));
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seed_title_cut_at_word_boundary),
		cmocka_unit_test(lowercases_ascii),
		cmocka_unit_test(cyrillic_is_transliterated),
		cmocka_unit_test(cyrillic_multiletter_transliterations),
		cmocka_unit_test(cyrillic_io_is_e),
		cmocka_unit_test(cyrillic_hard_and_soft_signs_are_dropped),
		cmocka_unit_test(lone_hard_sign_between_words_leaves_one_dash),
		cmocka_unit_test(lone_soft_sign_at_end_leaves_no_dash),
		cmocka_unit_test(ascii_apostrophe_is_dropped),
		cmocka_unit_test(right_single_quote_is_dropped),
		cmocka_unit_test(all_punctuation_gives_item),
		cmocka_unit_test(empty_title_gives_item),
		cmocka_unit_test(untransliterated_script_gives_item),
		cmocka_unit_test(only_apostrophes_gives_item),
		cmocka_unit_test(long_single_word_is_cut_at_max),
		cmocka_unit_test(word_of_exactly_max_is_kept),
		cmocka_unit_test(partial_last_word_is_dropped),
		cmocka_unit_test(words_ending_exactly_at_max_are_kept),
		cmocka_unit_test(leading_and_trailing_punctuation_is_dropped),
		cmocka_unit_test(runs_of_separators_become_one_dash),
		cmocka_unit_test(invalid_byte_is_separator),
		cmocka_unit_test(lone_continuation_byte_is_separator),
		cmocka_unit_test(lead_byte_before_ascii_keeps_the_ascii),
		cmocka_unit_test(truncated_sequence_at_end_is_dropped),
		cmocka_unit_test(overlong_encoding_is_separator),
		cmocka_unit_test(small_buffer_cuts_at_word_boundary),
		cmocka_unit_test(small_buffer_cuts_item),
		cmocka_unit_test(random_titles_give_well_formed_slugs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
