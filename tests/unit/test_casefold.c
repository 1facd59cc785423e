/* test_casefold.c: the SQL function casefold (casefold.c) as db_open registers it: letters of every script in
 * lower case, everything else (spaces, punctuation, diacritics) as written, NULL as NULL. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "db.h"

static struct db *db;
static sqlite3_stmt *st;
static char folded[256];

/* casefold(text) as SQLite returns it, or "(null)". */
static const char *fold(const char *text)
{
	sqlite3_reset(st);
	if (text)
		sqlite3_bind_text(st, 1, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, 1);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	const unsigned char *s = sqlite3_column_text(st, 0);
	assert_true(s == NULL || strlen((const char *)s) < sizeof folded);
	strcpy(folded, s ? (const char *)s : "(null)");
	return folded;
}

static void ascii_letters_fold(void **state)
{
	(void)state;
	assert_string_equal(fold("Statement by the EMBASSY, No. 5 (100%_done)"), "statement by the embassy, no. 5 (100%_done)");
	assert_string_equal(fold(""), "");
}

static void cyrillic_letters_fold(void **state)
{
	(void)state;
	assert_string_equal(fold("ЗАЯВЛЕНИЕ МИД России"), "заявление мид россии");
	assert_string_equal(fold("Ёлка, ЁЖ и Ђ"), "ёлка, ёж и ђ");   /* ё stays ё: only case changes */
}

static void other_scripts_and_marks_are_kept_but_folded(void **state)
{
	(void)state;
	assert_string_equal(fold("ÉCOLE Straße ΑΘΗΝΑ"), "école straße αθηνα");
	assert_string_equal(fold("«Притяжение» — 2018…"), "«притяжение» — 2018…");
	assert_string_equal(fold("  two  spaces\tand a tab "), "  two  spaces\tand a tab ");
}

static void null_is_null(void **state)
{
	(void)state;
	assert_string_equal(fold(NULL), "(null)");
}

static int setup(void **state)
{
	(void)state;
	char err[256];
	db = db_open(":memory:", DB_CREATE, err, sizeof err);
	assert_non_null(db);
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT casefold(?1)", -1, &st, NULL), SQLITE_OK);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sqlite3_finalize(st);
	db_close(db);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ascii_letters_fold),
		cmocka_unit_test(cyrillic_letters_fold),
		cmocka_unit_test(other_scripts_and_marks_are_kept_but_folded),
		cmocka_unit_test(null_is_null),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
