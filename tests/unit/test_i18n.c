/* test_i18n.c: unit tests for i18n.c through the real catalogue the build compiled from po/ru.po and glibc's
 * gettext: switching language per request, Russian plural forms from the catalogue's Plural-Forms, dates
 * with genitive month names (clock.c), the language's digit grouping, and English as the fallback. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"

static int setup(void **state)
{
	(void)state;
	/* The build tree's catalogues, as a binary run from the build folder finds them (config.c). */
	return i18n_init(PRESSROOM_LOCALE_BUILD_DIR);
}

static const char *messages(unsigned long n, char *out, size_t len)
{
	char number[32];
	snprintf(out, len, i18n_plural("%s message", "%s messages", n), i18n_number((long long)n, number, sizeof number));
	return out;
}

static void russian_plural_forms_come_from_the_catalogue(void **state)
{
	(void)state;
	char s[64];
	i18n_use("ru");
	assert_string_equal(messages(1, s, sizeof s), "1 сообщение");
	assert_string_equal(messages(2, s, sizeof s), "2 сообщения");
	assert_string_equal(messages(5, s, sizeof s), "5 сообщений");
	assert_string_equal(messages(11, s, sizeof s), "11 сообщений");
	assert_string_equal(messages(21, s, sizeof s), "21 сообщение");
	assert_string_equal(messages(22, s, sizeof s), "22 сообщения");
	assert_string_equal(messages(25, s, sizeof s), "25 сообщений");
	assert_string_equal(messages(111, s, sizeof s), "111 сообщений");
	i18n_use("en");
}

static void english_has_two_forms(void **state)
{
	(void)state;
	char s[64];
	i18n_use("en");
	assert_string_equal(messages(1, s, sizeof s), "1 message");
	assert_string_equal(messages(2, s, sizeof s), "2 messages");
	assert_string_equal(messages(21, s, sizeof s), "21 messages");
}

/* One worker serves one language after another: each request's words are its own language's. */
static void language_switches_back_and_forth(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		i18n_use("ru");
		assert_string_equal(i18n_lang(), "ru");
		assert_string_equal(i18n_text("Search"), "Поиск");
		i18n_use("en");
		assert_string_equal(i18n_lang(), "en");
		assert_string_equal(i18n_text("Search"), "Search");
	}
}

/* i18n.c keeps each word it found per language, by its text: a buffer that holds one word and then another
 * gets each one's translation, in each language, however often it is asked. */
static void words_are_kept_by_their_text_per_language(void **state)
{
	(void)state;
	char word[32];
	for (int i = 0; i < 3; i++) {
		i18n_use("ru");
		strcpy(word, "Search");
		assert_string_equal(i18n_text(word), "Поиск");
		strcpy(word, "Events");
		assert_string_equal(i18n_text(word), "События");
		assert_string_equal(i18n_ctext("the name of this language in itself", "English"), "Русский");
		i18n_use("en");
		assert_string_equal(i18n_text(word), "Events");
		strcpy(word, "Search");
		assert_string_equal(i18n_text(word), "Search");
		assert_string_equal(i18n_ctext("the name of this language in itself", "English"), "English");
	}
}

static void a_language_without_catalogue_reads_english(void **state)
{
	(void)state;
	i18n_use("de");
	assert_string_equal(i18n_text("Search"), "Search");
	assert_string_equal(i18n_plural("%s message", "%s messages", 5), "%s messages");
	i18n_use("en");
}

static void long_dates_take_the_genitive_in_russian(void **state)
{
	(void)state;
	char s[64];
	struct tm tm = {.tm_mday = 23, .tm_mon = 0, .tm_year = 2018 - 1900};
	i18n_use("ru");
	assert_string_equal(clock_fmt_long_date(&tm, s, sizeof s), "23 января 2018 г.");
	tm.tm_mon = 2;
	tm.tm_mday = 8;
	assert_string_equal(clock_fmt_long_date(&tm, s, sizeof s), "8 марта 2018 г.");
	tm.tm_mon = 4;
	assert_string_equal(clock_fmt_long_date(&tm, s, sizeof s), "8 мая 2018 г.");
	/* Alone (the archive), a month keeps the nominative. */
	assert_string_equal(clock_month_name(1), "Январь");
	assert_string_equal(clock_month_name(5), "Май");
	i18n_use("en");
	tm.tm_mon = 0;
	tm.tm_mday = 23;
	assert_string_equal(clock_fmt_long_date(&tm, s, sizeof s), "23 January 2018");
	assert_string_equal(clock_month_name(1), "January");
}

static void numbers_are_grouped_as_the_language_groups_them(void **state)
{
	(void)state;
	char s[32];
	i18n_use("en");
	assert_string_equal(i18n_number(1240, s, sizeof s), "1,240");
	assert_string_equal(i18n_number(999, s, sizeof s), "999");
	assert_string_equal(i18n_number(1234567, s, sizeof s), "1,234,567");
	assert_string_equal(i18n_number(-1000, s, sizeof s), "-1,000");
	i18n_use("ru");
	assert_string_equal(i18n_number(1240, s, sizeof s), "1\u00a0240"); /* a no-break space */
	assert_string_equal(i18n_number(100000, s, sizeof s), "100\u00a0000");
	i18n_use("en");
}

static void language_names_are_in_their_own_language(void **state)
{
	(void)state;
	i18n_use("ru");
	assert_string_equal(i18n_language_name("en"), "English");
	assert_string_equal(i18n_language_name("ru"), "Русский");
	assert_string_equal(i18n_lang(), "ru"); /* asking leaves the language in use as it was */
	assert_string_equal(i18n_text("Search"), "Поиск");
	i18n_use("en");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(russian_plural_forms_come_from_the_catalogue),
		cmocka_unit_test(english_has_two_forms),
		cmocka_unit_test(language_switches_back_and_forth),
		cmocka_unit_test(words_are_kept_by_their_text_per_language),
		cmocka_unit_test(a_language_without_catalogue_reads_english),
		cmocka_unit_test(long_dates_take_the_genitive_in_russian),
		cmocka_unit_test(numbers_are_grouped_as_the_language_groups_them),
		cmocka_unit_test(language_names_are_in_their_own_language),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
