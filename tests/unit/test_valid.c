/* test_valid.c: unit tests for the validators of valid.c (numbers, years, UTF-8, lines, id-slugs, words,
 * dates, times, and the UTF-8 cleaner). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "valid.h"

/* ---- valid_positive ---- */

static void positive_refuses_zero(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("0", 100, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_accepts_one(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("1", 100, &v), 1);
	assert_int_equal(v, 1);
}

static void positive_accepts_max(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("100000", 100000, &v), 1);
	assert_int_equal(v, 100000);
}

static void positive_refuses_max_plus_one(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("100001", 100000, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_refuses_leading_plus(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("+5", 100, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_refuses_leading_minus(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("-5", 100, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_refuses_spaces(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive(" 5", 100, &v), 0);
	assert_int_equal(valid_positive("5 ", 100, &v), 0);
	assert_int_equal(valid_positive("1 2", 100, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_accepts_18_digits(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("999999999999999999", LLONG_MAX, &v), 1);
	assert_int_equal(v, 999999999999999999LL);
}

static void positive_refuses_19_digits(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("1000000000000000000", LLONG_MAX, &v), 0);
	assert_int_equal(valid_positive("99999999999999999999999", LLONG_MAX, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_refuses_empty_and_null(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("", 100, &v), 0);
	assert_int_equal(valid_positive(NULL, 100, &v), 0);
	assert_int_equal(v, -7);
}

static void positive_refuses_non_digits(void **state)
{
	(void)state;
	long long v = -7;
	assert_int_equal(valid_positive("12a", 100, &v), 0);
	assert_int_equal(valid_positive("a12", 100, &v), 0);
	assert_int_equal(valid_positive("1.5", 100, &v), 0);
	assert_int_equal(valid_positive("0x10", 100, &v), 0);
	assert_int_equal(valid_positive("\xd9\xa3", 100, &v), 0); /* ARABIC-INDIC DIGIT THREE */
	assert_int_equal(v, -7);
}

/* ---- valid_year ---- */

static void year_refuses_1899(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("1899", &y), 0);
	assert_int_equal(y, -1);
}

static void year_accepts_1900(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("1900", &y), 1);
	assert_int_equal(y, 1900);
}

static void year_accepts_2200(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("2200", &y), 1);
	assert_int_equal(y, 2200);
}

static void year_refuses_2201(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("2201", &y), 0);
	assert_int_equal(y, -1);
}

static void year_refuses_three_digits(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("018", &y), 0);
	assert_int_equal(y, -1);
}

static void year_refuses_five_digits(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("20180", &y), 0);
	assert_int_equal(valid_year("02018", &y), 0);
	assert_int_equal(y, -1);
}

static void year_refuses_sign_and_empty(void **state)
{
	(void)state;
	int y = -1;
	assert_int_equal(valid_year("+201", &y), 0);
	assert_int_equal(valid_year("", &y), 0);
	assert_int_equal(valid_year(NULL, &y), 0);
	assert_int_equal(y, -1);
}

/* ---- valid_utf8 ---- */

static void utf8_accepts_ascii(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("Hello, world!", 13), 1);
}

static void utf8_accepts_empty(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("", 0), 1);
}

static void utf8_accepts_two_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xc3\xa9", 2), 1);     /* é U+00E9 */
	assert_int_equal(valid_utf8("\xc2\x80", 2), 1);     /* U+0080, smallest two-byte */
	assert_int_equal(valid_utf8("\xdf\xbf", 2), 1);     /* U+07FF, largest two-byte */
}

static void utf8_accepts_three_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xe2\x80\x99", 3), 1); /* ’ U+2019 */
	assert_int_equal(valid_utf8("\xe0\xa0\x80", 3), 1); /* U+0800, smallest three-byte */
	assert_int_equal(valid_utf8("\xef\xbf\xbf", 3), 1); /* U+FFFF */
}

static void utf8_accepts_four_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xf0\x9f\x98\x80", 4), 1); /* U+1F600 */
	assert_int_equal(valid_utf8("\xf4\x8f\xbf\xbf", 4), 1); /* U+10FFFF, the last code point */
}

static void utf8_refuses_overlong_two_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xc0\x80", 2), 0);
	assert_int_equal(valid_utf8("\xc1\xbf", 2), 0);
}

static void utf8_refuses_overlong_three_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xe0\x80\x80", 3), 0);
	assert_int_equal(valid_utf8("\xe0\x9f\xbf", 3), 0); /* U+07FF in three bytes */
}

static void utf8_refuses_overlong_four_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xf0\x8f\xbf\xbf", 4), 0); /* U+FFFF in four bytes */
}

static void utf8_refuses_surrogates(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xed\xa0\x80", 3), 0); /* U+D800 */
	assert_int_equal(valid_utf8("\xed\xbf\xbf", 3), 0); /* U+DFFF */
	assert_int_equal(valid_utf8("\xed\x9f\xbf", 3), 1); /* U+D7FF, just below, is fine */
}

static void utf8_refuses_beyond_10ffff(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xf4\x90\x80\x80", 4), 0); /* U+110000 */
	assert_int_equal(valid_utf8("\xf5\x80\x80\x80", 4), 0);
	assert_int_equal(valid_utf8("\xff", 1), 0);
}

static void utf8_refuses_truncated_sequences(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xc3", 1), 0);
	assert_int_equal(valid_utf8("\xe2\x80", 2), 0);
	assert_int_equal(valid_utf8("\xf0\x9f\x98", 3), 0);
	assert_int_equal(valid_utf8("ab\xe2\x80", 4), 0);
}

static void utf8_refuses_truncated_by_len(void **state)
{
	(void)state;
	/* The bytes past len are not looked at: a sequence cut by len is cut. */
	assert_int_equal(valid_utf8("\xc3\xa9", 1), 0);
}

static void utf8_refuses_lead_followed_by_ascii(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\xc3" "a", 2), 0);
	assert_int_equal(valid_utf8("\xe2\x80" "a", 3), 0);
}

static void utf8_refuses_lone_continuation_byte(void **state)
{
	(void)state;
	assert_int_equal(valid_utf8("\x80", 1), 0);
	assert_int_equal(valid_utf8("a\xbf" "b", 3), 0);
}

/* ---- valid_line ---- */

static void line_accepts_plain_text(void **state)
{
	(void)state;
	assert_int_equal(valid_line("Заявление МИД России", 100), 1);
}

static void line_refuses_newline(void **state)
{
	(void)state;
	assert_int_equal(valid_line("a\nb", 100), 0);
	assert_int_equal(valid_line("a\rb", 100), 0);
}

static void line_refuses_tab(void **state)
{
	(void)state;
	assert_int_equal(valid_line("a\tb", 100), 0);
}

static void line_refuses_del(void **state)
{
	(void)state;
	assert_int_equal(valid_line("a\x7f" "b", 100), 0);
}

static void line_refuses_c1_control(void **state)
{
	(void)state;
	assert_int_equal(valid_line("a\xc2\x85" "b", 100), 0); /* U+0085 NEXT LINE */
	assert_int_equal(valid_line("\xc2\x80", 100), 0);        /* U+0080 */
	assert_int_equal(valid_line("\xc2\x9f", 100), 0);        /* U+009F */
}

static void line_accepts_no_break_space(void **state)
{
	(void)state;
	assert_int_equal(valid_line("a\xc2\xa0" "b", 100), 1); /* U+00A0, just past the C1 range */
}

static void line_accepts_exactly_max_bytes(void **state)
{
	(void)state;
	assert_int_equal(valid_line("abcde", 5), 1);
}

static void line_refuses_max_plus_one_bytes(void **state)
{
	(void)state;
	assert_int_equal(valid_line("abcdef", 5), 0);
}

static void line_counts_max_in_bytes(void **state)
{
	(void)state;
	assert_int_equal(valid_line("\xc3\xa9\xc3\xa9", 3), 0); /* "éé" is four bytes */
	assert_int_equal(valid_line("\xc3\xa9\xc3\xa9", 4), 1);
}

static void line_refuses_invalid_utf8(void **state)
{
	(void)state;
	assert_int_equal(valid_line("a\xc0\x80", 100), 0);
	assert_int_equal(valid_line("a\xff", 100), 0);
}

static void line_accepts_empty(void **state)
{
	(void)state;
	assert_int_equal(valid_line("", 0), 1);
}

/* ---- valid_id_slug ---- */

static void id_slug_accepts_bare_id(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("12", &id, &slug), 1);
	assert_int_equal(id, 12);
	assert_string_equal(slug, "");
}

static void id_slug_accepts_id_and_slug(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("12-joint-statement", &id, &slug), 1);
	assert_int_equal(id, 12);
	assert_string_equal(slug, "joint-statement");
}

static void id_slug_accepts_trailing_dash_with_empty_slug(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("12-", &id, &slug), 1);
	assert_int_equal(id, 12);
	assert_string_equal(slug, "");
}

static void id_slug_refuses_leading_dash(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("-12", &id, &slug), 0);
	assert_int_equal(id, -1);
	assert_null(slug);
}

static void id_slug_refuses_no_id(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("abc", &id, &slug), 0);
	assert_int_equal(valid_id_slug("", &id, &slug), 0);
	assert_int_equal(id, -1);
	assert_null(slug);
}

static void id_slug_refuses_zero(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("0", &id, &slug), 0);
	assert_int_equal(valid_id_slug("0-slug", &id, &slug), 0);
	assert_null(slug);
}

static void id_slug_refuses_letters_glued_to_id(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("12abc", &id, &slug), 0);
	assert_int_equal(valid_id_slug("12_abc", &id, &slug), 0);
	assert_null(slug);
}

static void id_slug_refuses_19_digits(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("1234567890123456789", &id, &slug), 0);
	assert_int_equal(valid_id_slug("1234567890123456789-slug", &id, &slug), 0);
	assert_null(slug);
}

static void id_slug_accepts_largest_safe_integer(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("9007199254740991", &id, &slug), 1);
	assert_int_equal(id, 9007199254740991LL);
}

static void id_slug_refuses_past_largest_safe_integer(void **state)
{
	(void)state;
	long long id = -1;
	const char *slug = NULL;
	assert_int_equal(valid_id_slug("9007199254740992", &id, &slug), 0);
	assert_int_equal(valid_id_slug("100000000000000000", &id, &slug), 0); /* 18 digits, past 2^53 */
	assert_null(slug);
}

/* ---- valid_word ---- */

static const char *const words[] = {"releases", "events", NULL};

static void word_finds_index(void **state)
{
	(void)state;
	int i = -1;
	assert_int_equal(valid_word("releases", words, &i), 1);
	assert_int_equal(i, 0);
	assert_int_equal(valid_word("events", words, &i), 1);
	assert_int_equal(i, 1);
}

static void word_is_case_sensitive(void **state)
{
	(void)state;
	int i = -1;
	assert_int_equal(valid_word("Events", words, &i), 0);
	assert_int_equal(i, -1);
}

static void word_refuses_prefix_and_extension(void **state)
{
	(void)state;
	int i = -1;
	assert_int_equal(valid_word("event", words, &i), 0);
	assert_int_equal(valid_word("eventsx", words, &i), 0);
	assert_int_equal(valid_word("", words, &i), 0);
	assert_int_equal(i, -1);
}

/* ---- valid_date ---- */

/* Calls valid_date with outputs preset to -1, and checks they are untouched when it refuses. */
static int date(const char *s, int *y, int *m, int *d)
{
	*y = *m = *d = -1;
	int ok = valid_date(s, y, m, d);
	if (!ok) {
		assert_int_equal(*y, -1);
		assert_int_equal(*m, -1);
		assert_int_equal(*d, -1);
	}
	return ok;
}

static void date_accepts_ordinary_date(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("2018-01-23", &y, &m, &d), 1);
	assert_int_equal(y, 2018);
	assert_int_equal(m, 1);
	assert_int_equal(d, 23);
}

static void date_accepts_29_february_in_leap_year(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("2024-02-29", &y, &m, &d), 1);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	assert_int_equal(date("2000-02-29", &y, &m, &d), 1);
}

static void date_refuses_29_february_outside_leap_year(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("2023-02-29", &y, &m, &d), 0);
	assert_int_equal(date("1900-02-29", &y, &m, &d), 0); /* divisible by 100, not by 400 */
}

static void date_refuses_days_past_month_end(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("2018-02-31", &y, &m, &d), 0);
	assert_int_equal(date("2018-04-31", &y, &m, &d), 0);
	assert_int_equal(date("2018-01-32", &y, &m, &d), 0);
	assert_int_equal(date("2018-01-00", &y, &m, &d), 0);
}

static void date_refuses_month_0_and_13(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("2018-00-10", &y, &m, &d), 0);
	assert_int_equal(date("2018-13-10", &y, &m, &d), 0);
}

static void date_refuses_years_outside_1900_2200(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("1899-12-31", &y, &m, &d), 0);
	assert_int_equal(date("2201-01-01", &y, &m, &d), 0);
}

static void date_refuses_other_shapes(void **state)
{
	(void)state;
	int y, m, d;
	assert_int_equal(date("2018-1-23", &y, &m, &d), 0);
	assert_int_equal(date("2018/01/23", &y, &m, &d), 0);
	assert_int_equal(date("23-01-2018", &y, &m, &d), 0);
	assert_int_equal(date("2018-01-23 ", &y, &m, &d), 0);
	assert_int_equal(date("2018-0a-23", &y, &m, &d), 0);
	assert_int_equal(date("", &y, &m, &d), 0);
}

/* ---- valid_time ---- */

static void time_accepts_midnight(void **state)
{
	(void)state;
	int h = -1, m = -1;
	assert_int_equal(valid_time("00:00", &h, &m), 1);
	assert_int_equal(h, 0);
	assert_int_equal(m, 0);
}

static void time_accepts_last_minute(void **state)
{
	(void)state;
	int h = -1, m = -1;
	assert_int_equal(valid_time("23:59", &h, &m), 1);
	assert_int_equal(h, 23);
	assert_int_equal(m, 59);
}

static void time_refuses_hour_24_and_minute_60(void **state)
{
	(void)state;
	int h = -1, m = -1;
	assert_int_equal(valid_time("24:00", &h, &m), 0);
	assert_int_equal(valid_time("12:60", &h, &m), 0);
	assert_int_equal(h, -1);
	assert_int_equal(m, -1);
}

static void time_refuses_other_shapes(void **state)
{
	(void)state;
	int h = -1, m = -1;
	assert_int_equal(valid_time("9:05", &h, &m), 0);
	assert_int_equal(valid_time("09:5", &h, &m), 0);
	assert_int_equal(valid_time("09-05", &h, &m), 0);
	assert_int_equal(valid_time("09:05:00", &h, &m), 0);
	assert_int_equal(valid_time("0a:05", &h, &m), 0);
	assert_int_equal(valid_time("", &h, &m), 0);
	assert_int_equal(h, -1);
	assert_int_equal(m, -1);
}

/* ---- valid_clean_utf8 ---- */

static void clean_keeps_valid_text(void **state)
{
	(void)state;
	char s[] = "ascii \xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80 \xd0\x97";
	valid_clean_utf8(s);
	assert_string_equal(s, "ascii \xc3\xa9 \xe2\x80\x99 \xf0\x9f\x98\x80 \xd0\x97");
}

static void clean_replaces_invalid_byte(void **state)
{
	(void)state;
	char s[] = "a\xff" "b\x80" "c";
	valid_clean_utf8(s);
	assert_string_equal(s, "a?b?c");
}

static void clean_replaces_each_byte_of_overlong(void **state)
{
	(void)state;
	char s[] = "\xc0\x80x\xe0\x80\x80";
	valid_clean_utf8(s);
	assert_string_equal(s, "??x???");
}

static void clean_replaces_surrogate(void **state)
{
	(void)state;
	char s[] = "\xed\xa0\x80!";
	valid_clean_utf8(s);
	assert_string_equal(s, "?\?\?!"); /* escaped: "??!" is a trigraph */
}

static void clean_replaces_truncated_sequence_at_end(void **state)
{
	(void)state;
	char s[] = "ab\xe2\x80";
	valid_clean_utf8(s);
	assert_string_equal(s, "ab??");
}

static void clean_keeps_ascii_after_cut_sequence(void **state)
{
	(void)state;
	char s[] = "\xc3" "a\xe2\x80" "b";
	valid_clean_utf8(s);
	assert_string_equal(s, "?a??b");
}

static void clean_always_gives_valid_utf8(void **state)
{
	(void)state;
	unsigned long long seed = 7;
	for (int t = 0; t < 20000; t++) {
		char s[24];
		for (size_t i = 0; i < sizeof s - 1; i++) {
			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			unsigned b = (unsigned)(seed >> 56);
			s[i] = (char)(b == 0 ? 0x80 : b); /* no NUL inside */
		}
		s[sizeof s - 1] = '\0';
		valid_clean_utf8(s);
		assert_int_equal(strlen(s), sizeof s - 1);
		assert_int_equal(valid_utf8(s, strlen(s)), 1);
	}
}

/* ---- valid_char, valid_utf8_char, valid_text_span: what XML and the gate accept ---- */

static void char_refuses_noncharacters_in_every_plane(void **state)
{
	(void)state;
	for (unsigned cp = 0xFDD0; cp <= 0xFDEF; cp++)
		assert_int_equal(valid_char(cp), 0);
	for (unsigned plane = 0; plane <= 0x10; plane++) {
		assert_int_equal(valid_char(plane << 16 | 0xFFFE), 0);
		assert_int_equal(valid_char(plane << 16 | 0xFFFF), 0);
		assert_int_equal(valid_char(plane << 16 | 0xFFFD), 1);
	}
	assert_int_equal(valid_char(0xFDCF), 1);
	assert_int_equal(valid_char(0xFDF0), 1);
}

static void char_refuses_what_xml_forbids_and_keeps_tab_lf_cr(void **state)
{
	(void)state;
	for (unsigned cp = 0; cp < 0x20; cp++)
		assert_int_equal(valid_char(cp), cp == '\t' || cp == '\n' || cp == '\r');
	assert_int_equal(valid_char(0x7F), 0);
	assert_int_equal(valid_char(0x85), 0);
	assert_int_equal(valid_char(0xA0), 1);
	assert_int_equal(valid_char(0xD800), 0);
	assert_int_equal(valid_char(0xDFFF), 0);
	assert_int_equal(valid_char(0x110000), 0);
	assert_int_equal(valid_char(' '), 1);
	assert_int_equal(valid_char(0x1F600), 1);
}

static void utf8_char_decodes_one_sequence(void **state)
{
	(void)state;
	unsigned cp = 0;
	assert_int_equal(valid_utf8_char("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(valid_utf8_char("\xEF\xBF\xBFx", 4, &cp), 3);
	assert_int_equal(cp, 0xFFFF);
	assert_int_equal(valid_utf8_char("\xF4\x8F\xBF\xBF", 4, &cp), 4);
	assert_int_equal(cp, 0x10FFFF);
	assert_int_equal(valid_utf8_char("\xEF\xBF", 2, &cp), 0);        /* cut short */
	assert_int_equal(valid_utf8_char("\xC0\x80", 2, &cp), 0);        /* overlong */
	assert_int_equal(valid_utf8_char("\xED\xA0\x80", 3, &cp), 0);    /* surrogate */
	assert_int_equal(valid_utf8_char("", 0, &cp), 0);
}

static void text_span_stops_at_the_first_bad_character(void **state)
{
	(void)state;
	assert_int_equal(valid_text_span("plain text\twith tab\n"), 20);
	assert_int_equal(valid_text_span("ab\xEF\xBF\xBF" "cd"), 2);
	assert_int_equal(valid_text_span("ab\xEF\xB7\x90"), 2);          /* U+FDD0 */
	assert_int_equal(valid_text_span("ab\xF0\x9F\xBF\xBE"), 2);      /* U+1FFFE */
	assert_int_equal(valid_text_span("ab\x0b"), 2);
	assert_int_equal(valid_text_span("ab\xC2\x85"), 2);              /* C1 NEL */
	assert_int_equal(valid_text_span("ab\xFF"), 2);
	assert_int_equal(valid_text_span("caf\xC3\xA9" " \xF0\x9F\x98\x80"), 10);
	/* Russian with spaces: words that end on a character's lead byte; then one that is not followed by its
	 * continuation byte, right at such an end. */
	const char *ru = "Посольство России в Лондоне, заявление для прессы";
	assert_int_equal(valid_text_span(ru), strlen(ru));
	assert_int_equal(valid_text_span("abcdefg\xD0" "abcdefgh"), 7);
	assert_int_equal(valid_text_span("abcdef\xD0\xB4\xD0" "\xD0\xB4" "abcdefgh"), 8);
}

/* The old one-character-at-a-time loop, which the quick paths of valid_text_span must agree with. */
static size_t text_span_slowly(const char *s)
{
	size_t len = strlen(s), i = 0, n;
	unsigned cp;
	while (i < len && (n = valid_utf8_char(s + i, len - i, &cp)) != 0 && valid_char(cp))
		i += n;
	return i;
}

static void text_span_agrees_with_one_character_at_a_time(void **state)
{
	(void)state;
	char s[96];
	/* Every one- and two-byte sequence, at every offset in a sixteen-byte block, after plain ASCII (with
	 * newlines or not) or two-byte characters, followed by text long enough for a whole block after it. */
	for (int pre = 0; pre < 34; pre++) {
		for (int fill = 0; fill < 5; fill++) {
			for (unsigned a = 1; a < 256; a++) {
				for (unsigned b = 0; b < 256; b++) {
					size_t o = 0;
					for (int k = 0; k < pre; k++) {
						static const char two[5][3] = {"", "\xD0\xB4", "\xC3\xA9", "\xDF\xBF", "a\n"}; /* д é ߿ */
						if (fill && k + 1 < pre) {
							s[o++] = two[fill][0], s[o++] = two[fill][1];
							k++;
						} else {
							s[o++] = 'a';
						}
					}
					s[o++] = (char)a;
					s[o++] = (char)b;
					memcpy(s + o, "\xE2\x80\x94 tail of it, long enough\xEF\xBF\xBFz", 31);
					s[o + 31] = '\0';
					assert_int_equal(valid_text_span(s), text_span_slowly(s));
				}
			}
		}
	}
}

static void text_mended_replaces_what_xml_cannot_carry(void **state)
{
	(void)state;
	const char *s = "ok \xD0\xB4\xEF\xBF\xBF" "x\x0b\xFF" "y\xC2\x85" "z\xF0\x9F\x98\x80";
	char *m = valid_text_mended(s, valid_text_span(s));
	assert_string_equal(m, "ok \xD0\xB4\xEF\xBF\xBD" "x\xEF\xBF\xBD\xEF\xBF\xBD" "y\xEF\xBF\xBD" "z\xF0\x9F\x98\x80");
	assert_int_equal(valid_text_span(m), strlen(m));
	free(m);
	m = valid_text_mended("all good", 8);
	assert_string_equal(m, "all good");
	free(m);
}

/* Language tags as the lang key and the /<lang>/ prefix take them (a subset of BCP 47). */
static void lang_tag_accepts_language_and_region_or_script(void **state)
{
	(void)state;
	const char *good[] = {"en", "ru", "fil", "pt-BR", "sr-Latn", "zh-Hant", "es-419", "de-1996abcd"};
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
		assert_true(valid_lang_tag(good[i]));
}

static void lang_tag_refuses_what_is_not_one(void **state)
{
	(void)state;
	const char *bad[] = {"", "e", "engl", "EN", "Ru", "en-", "en-B", "en-123456789", "en_GB", "en-GB-x", "../",
	                     "ru ", "all1", "\xd1\x80\xd1\x83"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(valid_lang_tag(bad[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lang_tag_accepts_language_and_region_or_script),
		cmocka_unit_test(lang_tag_refuses_what_is_not_one),
		cmocka_unit_test(positive_refuses_zero),
		cmocka_unit_test(positive_accepts_one),
		cmocka_unit_test(positive_accepts_max),
		cmocka_unit_test(positive_refuses_max_plus_one),
		cmocka_unit_test(positive_refuses_leading_plus),
		cmocka_unit_test(positive_refuses_leading_minus),
		cmocka_unit_test(positive_refuses_spaces),
		cmocka_unit_test(positive_accepts_18_digits),
		cmocka_unit_test(positive_refuses_19_digits),
		cmocka_unit_test(positive_refuses_empty_and_null),
		cmocka_unit_test(positive_refuses_non_digits),
		cmocka_unit_test(year_refuses_1899),
		cmocka_unit_test(year_accepts_1900),
		cmocka_unit_test(year_accepts_2200),
		cmocka_unit_test(year_refuses_2201),
		cmocka_unit_test(year_refuses_three_digits),
		cmocka_unit_test(year_refuses_five_digits),
		cmocka_unit_test(year_refuses_sign_and_empty),
		cmocka_unit_test(utf8_accepts_ascii),
		cmocka_unit_test(utf8_accepts_empty),
		cmocka_unit_test(utf8_accepts_two_byte),
		cmocka_unit_test(utf8_accepts_three_byte),
		cmocka_unit_test(utf8_accepts_four_byte),
		cmocka_unit_test(utf8_refuses_overlong_two_byte),
		cmocka_unit_test(utf8_refuses_overlong_three_byte),
		cmocka_unit_test(utf8_refuses_overlong_four_byte),
		cmocka_unit_test(utf8_refuses_surrogates),
		cmocka_unit_test(utf8_refuses_beyond_10ffff),
		cmocka_unit_test(utf8_refuses_truncated_sequences),
		cmocka_unit_test(utf8_refuses_truncated_by_len),
		cmocka_unit_test(utf8_refuses_lead_followed_by_ascii),
		cmocka_unit_test(utf8_refuses_lone_continuation_byte),
		cmocka_unit_test(line_accepts_plain_text),
		cmocka_unit_test(line_refuses_newline),
		cmocka_unit_test(line_refuses_tab),
		cmocka_unit_test(line_refuses_del),
		cmocka_unit_test(line_refuses_c1_control),
		cmocka_unit_test(line_accepts_no_break_space),
		cmocka_unit_test(line_accepts_exactly_max_bytes),
		cmocka_unit_test(line_refuses_max_plus_one_bytes),
		cmocka_unit_test(line_counts_max_in_bytes),
		cmocka_unit_test(line_refuses_invalid_utf8),
		cmocka_unit_test(line_accepts_empty),
		cmocka_unit_test(id_slug_accepts_bare_id),
		cmocka_unit_test(id_slug_accepts_id_and_slug),
		cmocka_unit_test(id_slug_accepts_trailing_dash_with_empty_slug),
		cmocka_unit_test(id_slug_refuses_leading_dash),
		cmocka_unit_test(id_slug_refuses_no_id),
		cmocka_unit_test(id_slug_refuses_zero),
		cmocka_unit_test(id_slug_refuses_letters_glued_to_id),
		cmocka_unit_test(id_slug_refuses_19_digits),
		cmocka_unit_test(id_slug_accepts_largest_safe_integer),
		cmocka_unit_test(id_slug_refuses_past_largest_safe_integer),
		cmocka_unit_test(word_finds_index),
		cmocka_unit_test(word_is_case_sensitive),
		cmocka_unit_test(word_refuses_prefix_and_extension),
		cmocka_unit_test(date_accepts_ordinary_date),
		cmocka_unit_test(date_accepts_29_february_in_leap_year),
		cmocka_unit_test(date_refuses_29_february_outside_leap_year),
		cmocka_unit_test(date_refuses_days_past_month_end),
		cmocka_unit_test(date_refuses_month_0_and_13),
		cmocka_unit_test(date_refuses_years_outside_1900_2200),
		cmocka_unit_test(date_refuses_other_shapes),
		cmocka_unit_test(time_accepts_midnight),
		cmocka_unit_test(time_accepts_last_minute),
		cmocka_unit_test(time_refuses_hour_24_and_minute_60),
		cmocka_unit_test(time_refuses_other_shapes),
		cmocka_unit_test(clean_keeps_valid_text),
		cmocka_unit_test(clean_replaces_invalid_byte),
		cmocka_unit_test(clean_replaces_each_byte_of_overlong),
		cmocka_unit_test(clean_replaces_surrogate),
		cmocka_unit_test(clean_replaces_truncated_sequence_at_end),
		cmocka_unit_test(clean_keeps_ascii_after_cut_sequence),
		cmocka_unit_test(clean_always_gives_valid_utf8),
		cmocka_unit_test(char_refuses_noncharacters_in_every_plane),
		cmocka_unit_test(char_refuses_what_xml_forbids_and_keeps_tab_lf_cr),
		cmocka_unit_test(utf8_char_decodes_one_sequence),
		cmocka_unit_test(text_span_stops_at_the_first_bad_character),
		cmocka_unit_test(text_span_agrees_with_one_character_at_a_time),
		cmocka_unit_test(text_mended_replaces_what_xml_cannot_carry),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
