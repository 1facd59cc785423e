/* test_diff.c: unit tests for diff_words in diff.c: the hard cases of a word diff (identical and empty
 * texts, Cyrillic, punctuation, moved paragraphs, texts with nothing in common, a 50 KB body) and that the
 * chunks always rebuild both texts. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diff.h"

static struct arena arena;

/* The chunks as one string: kept text as is, deletions as [-x-], insertions as {+x+}. */
static const char *show(const char *old, const char *new_text, struct diff_stats *st)
{
	struct diff_chunk *c;
	int n = diff_words(&arena, old, new_text, &c, st);
	assert_true(n >= 0);
	size_t len = 1;
	for (int i = 0; i < n; i++)
		len += strlen(c[i].text) + 4;
	char *s = arena_alloc(&arena, len), *p = s;
	for (int i = 0; i < n; i++)
		p += sprintf(p, c[i].op == DIFF_DEL ? "[-%s-]" : c[i].op == DIFF_INS ? "{+%s+}" : "%s", c[i].text);
	return s;
}

/* Kept and deleted chunks rebuild the old text's words, kept and inserted the new one exactly; no two
 * neighbours are of one kind, and no chunk is empty. */
static void check_rebuilds(const char *old, const char *new_text)
{
	struct diff_chunk *c;
	int n = diff_words(&arena, old, new_text, &c, NULL);
	assert_true(n >= 0);
	struct buf a = {0}, b = {0};
	for (int i = 0; i < n; i++) {
		assert_true(c[i].text[0] != '\0');
		if (i > 0)
			assert_true(c[i].op != c[i - 1].op);
		if (c[i].op != DIFF_INS)
			buf_puts(&a, c[i].text);
		if (c[i].op != DIFF_DEL)
			buf_puts(&b, c[i].text);
	}
	assert_string_equal(buf_str(&b), new_text);
	/* Kept words are shown with the new text's spacing, so compare the old side without spaces. */
	char *x = arena_strdup(&arena, buf_str(&a)), *y = arena_strdup(&arena, old);
	for (char *p = x, *q = x; ; p++)
		if (*p != ' ' && *p != '\n' && (*q++ = *p) == '\0')
			break;
	for (char *p = y, *q = y; ; p++)
		if (*p != ' ' && *p != '\n' && (*q++ = *p) == '\0')
			break;
	assert_string_equal(x, y);
	buf_free(&a);
	buf_free(&b);
}

static void identical_texts_are_one_kept_chunk(void **state)
{
	(void)state;
	struct diff_stats st;
	assert_string_equal(show("The same words.", "The same words.", &st), "The same words.");
	assert_int_equal(st.edits, 0);
}

static void empty_sides(void **state)
{
	(void)state;
	struct diff_chunk *c;
	assert_int_equal(diff_words(&arena, "", "", &c, NULL), 0);
	assert_int_equal(diff_words(&arena, NULL, NULL, &c, NULL), 0);
	assert_string_equal(show("", "New text here.", NULL), "{+New text here.+}");
	assert_string_equal(show("Old text here.", "", NULL), "[-Old text here.-]");
	assert_string_equal(show(NULL, "x", NULL), "{+x+}");
}

static void one_word_changed(void **state)
{
	(void)state;
	struct diff_stats st;
	assert_string_equal(show("The embassy condemns the attack.", "The embassy welcomes the attack.", &st),
	                    "The embassy [-condemns -]{+welcomes +}the attack.");
	assert_int_equal(st.edits, 2);
}

static void punctuation_is_its_own_word(void **state)
{
	(void)state;
	assert_string_equal(show("We agree, fully.", "We agree; fully.", NULL), "We agree[-, -]{+; +}fully.");
	assert_string_equal(show("«Да»", "«Нет»", NULL), "«[-Да-]{+Нет+}»");
}

static void cyrillic_words_are_whole(void **state)
{
	(void)state;
	struct diff_stats st;
	assert_string_equal(show("Посольство России в Великобритании", "Посольство Российской Федерации в Великобритании", &st),
	                    "Посольство [-России -]{+Российской Федерации +}в Великобритании");
	assert_int_equal(st.edits, 3);
	/* A change inside a word replaces the word: no UTF-8 sequence is ever cut. */
	assert_string_equal(show("заявление", "заявления", NULL), "[-заявление-]{+заявления+}");
	check_rebuilds("Совместное заявление министров.\n\nВторой абзац.", "Совместное заявление.\n\nТретий абзац, новый.");
}

static void spacing_alone_is_no_change(void **state)
{
	(void)state;
	struct diff_stats st;
	assert_string_equal(show("one two", "one\n\ntwo", &st), "one\n\ntwo");
	assert_int_equal(st.edits, 0);
}

static void moved_paragraph_is_deleted_and_inserted_once(void **state)
{
	(void)state;
	const char *a = "Alpha paragraph one.\n\nBravo paragraph two.\n\nCharlie paragraph three.";
	const char *b = "Bravo paragraph two.\n\nCharlie paragraph three.\n\nAlpha paragraph one.";
	struct diff_stats st;
	/* The moved paragraph goes whole and comes whole (its full stop too); the others are kept. */
	assert_string_equal(show(a, b, &st), "[-Alpha paragraph one.\n\n-]Bravo paragraph two.\n\n"
	                                     "Charlie paragraph three.\n\n{+Alpha paragraph one.+}");
	assert_int_equal(st.edits, 8);
	check_rebuilds(a, b);
}

static void moved_paragraph_of_alike_paragraphs_keeps_its_line_breaks(void **state)
{
	(void)state;
	/* Twenty paragraphs that all start with the same word; the first moves to the end. The run still
	 * starts at the paragraph's first word and ends at its line break. */
	struct buf a = {0}, b = {0};
	for (int i = 0; i < 20; i++)
		buf_printf(&a, "%sItem %d says what it says.", i ? "\n\n" : "", i);
	for (int i = 1; i <= 20; i++)
		buf_printf(&b, "%sItem %d says what it says.", i > 1 ? "\n\n" : "", i % 20);
	const char *d = show(buf_str(&a), buf_str(&b), NULL);
	assert_true(strncmp(d, "[-Item 0 says what it says.\n\n-]Item 1 says", 40) == 0);
	size_t n = strlen(d), tail = strlen("Item 19 says what it says.\n\n{+Item 0 says what it says.+}");
	assert_true(n > tail);
	assert_string_equal(d + n - tail, "Item 19 says what it says.\n\n{+Item 0 says what it says.+}");
	check_rebuilds(buf_str(&a), buf_str(&b));
	buf_free(&a);
	buf_free(&b);
}

static void nothing_in_common(void **state)
{
	(void)state;
	assert_string_equal(show("a b c", "x y z", NULL), "[-a b c-]{+x y z+}");
	check_rebuilds("first second third", "fourth fifth");
}

static void many_small_cases_rebuild(void **state)
{
	(void)state;
	static const char *const texts[] = {
		"", "a", "a b", "b a", "a b c d", "a c d b", "x a b", "a b x", "  leading spaces", "trailing  ",
		"Один, два; три.", "one, two; three.", "a a a a", "a b a b a", "1. Point.\n2. Point.",
	};
	size_t n = sizeof texts / sizeof texts[0];
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++)
			check_rebuilds(texts[i], texts[j]);
}

/* A body of about 50 KB: n paragraphs of numbered sentences. */
static char *long_body(int variant)
{
	struct buf b = {0};
	for (int p = 0; p < 120; p++) {
		for (int s = 0; s < 6; s++)
			buf_printf(&b, "Sentence %d of paragraph %d says what the ministry %s about item %d. ", s, p,
			           variant && p % 10 == 3 && s == 2 ? "announced today" : "stated", p * 7 + s);
		buf_puts(&b, "\n\n");
	}
	char *s = strdup(buf_str(&b));
	buf_free(&b);
	return s;
}

static void long_body_work_is_bounded(void **state)
{
	(void)state;
	char *a = long_body(0), *b = long_body(1);
	assert_true(strlen(a) > 50000);
	struct diff_stats st;
	struct diff_chunk *c;
	int n = diff_words(&arena, a, b, &c, &st);
	assert_true(n > 0);
	/* Twelve one-word changes become two-word insertions: 36 edits, found without trying every pair. */
	assert_int_equal(st.edits, 36);
	assert_int_equal(st.gave_up, 0);
	assert_true(st.steps < 20 * (long)(st.old_tokens + st.new_tokens));
	check_rebuilds(a, b);
	free(a);
	free(b);
}

static void too_different_gives_up_cleanly(void **state)
{
	(void)state;
	struct buf a = {0}, b = {0};
	for (int i = 0; i < 1200; i++) {
		buf_printf(&a, "old%d ", i);
		buf_printf(&b, "new%d ", i);
	}
	struct diff_stats st;
	struct diff_chunk *c;
	int n = diff_words(&arena, buf_str(&a), buf_str(&b), &c, &st);
	assert_int_equal(n, 2);
	assert_int_equal(st.gave_up, 1);
	assert_int_equal(c[0].op, DIFF_DEL);
	assert_int_equal(c[1].op, DIFF_INS);
	check_rebuilds(buf_str(&a), buf_str(&b));
	buf_free(&a);
	buf_free(&b);
}

static int teardown(void **state)
{
	(void)state;
	arena_reset(&arena);
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(identical_texts_are_one_kept_chunk, teardown),
		cmocka_unit_test_teardown(empty_sides, teardown),
		cmocka_unit_test_teardown(one_word_changed, teardown),
		cmocka_unit_test_teardown(punctuation_is_its_own_word, teardown),
		cmocka_unit_test_teardown(cyrillic_words_are_whole, teardown),
		cmocka_unit_test_teardown(spacing_alone_is_no_change, teardown),
		cmocka_unit_test_teardown(moved_paragraph_is_deleted_and_inserted_once, teardown),
		cmocka_unit_test_teardown(moved_paragraph_of_alike_paragraphs_keeps_its_line_breaks, teardown),
		cmocka_unit_test_teardown(nothing_in_common, teardown),
		cmocka_unit_test_teardown(many_small_cases_rebuild, teardown),
		cmocka_unit_test_teardown(long_body_work_is_bounded, teardown),
		cmocka_unit_test_teardown(too_different_gives_up_cleanly, teardown),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	arena_free(&arena);
	return rc;
}
