/* test_search_tokenizer.c: the FTS5 tokenizer "pressroom" (search_tokenizer.c) as db_open registers it:
 * English and Russian words reduced to one stem per word, ё as е, the offsets those of the text as written,
 * and, for an auxiliary function (the snippets), unicode61's tokens unstemmed in the same places. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "db.h"

enum { MAX_TOKENS = 16 };

struct token {
	char text[64];
	int start, end;
};

struct tokens {
	int n;
	struct token t[MAX_TOKENS];
};

static struct db *db;
static fts5_tokenizer api;
static Fts5Tokenizer *tok;

static int collect(void *ctx, int flags, const char *text, int n, int start, int end)
{
	struct tokens *out = ctx;
	(void)flags;
	assert_true(out->n < MAX_TOKENS && n >= 0 && n < (int)sizeof out->t[0].text);
	struct token *t = &out->t[out->n++];
	memcpy(t->text, text, (size_t)n);
	t->text[n] = '\0';
	t->start = start;
	t->end = end;
	return SQLITE_OK;
}

static struct tokens tokenize(const char *text, int flags)
{
	struct tokens out = {0};
	assert_int_equal(api.xTokenize(tok, &out, flags, text, (int)strlen(text), collect), SQLITE_OK);
	return out;
}

/* The one token text makes, as a document; two calls in one assertion each get their own buffer. */
static const char *term(const char *text)
{
	static struct tokens t[2];
	static int next;
	struct tokens *out = &t[next++ % 2];
	*out = tokenize(text, FTS5_TOKENIZE_DOCUMENT);
	assert_int_equal(out->n, 1);
	return out->t[0].text;
}

static int setup(void **state)
{
	(void)state;
	char err[256];
	db = db_open(":memory:", DB_CREATE, err, sizeof err);
	assert_non_null(db);
	fts5_api *fts5 = NULL;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT fts5(?1)", -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_pointer(st, 1, &fts5, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	assert_non_null(fts5);
	void *user = NULL;
	assert_int_equal(fts5->xFindTokenizer(fts5, "pressroom", &user, &api), SQLITE_OK);
	const char *args[] = {"remove_diacritics", "2"};
	assert_int_equal(api.xCreate(user, args, 2, &tok), SQLITE_OK);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	api.xDelete(tok);
	db_close(db);
	return 0;
}

static void english_inflections_share_a_stem(void **state)
{
	(void)state;
	assert_string_equal(term("missiles"), term("missile"));
	assert_string_equal(term("Statements"), term("statement"));
	assert_string_equal(term("STATEMENT"), term("statement"));
	assert_string_equal(term("cooperation"), term("cooperating"));
	assert_string_not_equal(term("statement"), term("state"));
}

static void russian_inflections_share_a_stem(void **state)
{
	(void)state;
	assert_string_equal(term("заявления"), term("заявление"));
	assert_string_equal(term("ЗАЯВЛЕНИЯМИ"), term("заявление"));
	assert_string_equal(term("посольства"), term("посольство"));
	assert_string_not_equal(term("заявление"), term("посольство"));
}

static void yo_is_ye(void **state)
{
	(void)state;
	assert_string_equal(term("ёлке"), term("елке"));
	assert_string_equal(term("Ёлка"), term("елка"));
	assert_string_equal(term("ЁЖ"), term("еж"));
	assert_string_equal(term("ёлки"), term("елкой")); /* and then stemmed as one word */
}

static void other_words_are_kept(void **state)
{
	(void)state;
	assert_string_equal(term("2017"), "2017");
	assert_string_equal(term("café"), "cafe"); /* unicode61's folding, then an English stem of itself */
}

/* "Ёлка и Missiles": offsets in bytes of the text as written (Ё and л are two bytes each). */
static void offsets_are_those_of_the_text_as_written(void **state)
{
	(void)state;
	const char *text = "Ёлка и Missiles, 2017.";
	struct tokens t = tokenize(text, FTS5_TOKENIZE_DOCUMENT);
	assert_int_equal(t.n, 4);
	const int want[4][2] = {{0, 8}, {9, 11}, {12, 20}, {22, 26}};
	for (int i = 0; i < 4; i++) {
		assert_int_equal(t.t[i].start, want[i][0]);
		assert_int_equal(t.t[i].end, want[i][1]);
	}
	assert_memory_equal(text + t.t[2].start, "Missiles", 8);
	assert_string_equal(t.t[2].text, term("missile"));
	/* A query is tokenized the same way as a document. */
	struct tokens q = tokenize("Ёлка и Missiles, 2017.", FTS5_TOKENIZE_QUERY);
	assert_int_equal(q.n, 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(q.t[i].text, t.t[i].text);
}

/* The snippets need only where each token is: for them the stemming is skipped, the places unchanged. */
static void auxiliary_functions_get_the_same_places(void **state)
{
	(void)state;
	const char *text = "Ёлка и Missiles, 2017.";
	struct tokens doc = tokenize(text, FTS5_TOKENIZE_DOCUMENT);
	struct tokens aux = tokenize(text, FTS5_TOKENIZE_AUX);
	assert_int_equal(aux.n, doc.n);
	for (int i = 0; i < doc.n; i++) {
		assert_int_equal(aux.t[i].start, doc.t[i].start);
		assert_int_equal(aux.t[i].end, doc.t[i].end);
	}
	assert_string_equal(aux.t[2].text, "missiles");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(english_inflections_share_a_stem),
		cmocka_unit_test(russian_inflections_share_a_stem),
		cmocka_unit_test(yo_is_ye),
		cmocka_unit_test(other_words_are_kept),
		cmocka_unit_test(offsets_are_those_of_the_text_as_written),
		cmocka_unit_test(auxiliary_functions_get_the_same_places),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
