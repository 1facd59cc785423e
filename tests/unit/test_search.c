/* test_search.c: unit tests for search ranking and snippets (search_rank.c, search_snippet.c) and the terms
 * search_fts_query reports. A database file made by the real migrations through db.c, filled with a
 * generated corpus (varied term frequencies, columns, sentences, Cyrillic, two languages); search_rank()
 * must score and order as FTS5's bm25() does (after the items whose title holds every term, as a column
 * filter finds them), also after another connection adds items, and search_snippet() must return exactly
 * what snippet() does. The reference is bm25() on ref_fts, the index as it was before the language joined
 * it (0009's: title, teaser, body), the language filtered in SQL as search_public did before 0017: the app's
 * search, filtered inside the index, must find, score and order exactly as that did. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "search.h"
#include "search_rank.h"
#include "search_store.h"
#include "search_tokenizer.h"

enum { ITEMS = 400, NOW = 2000000000, MAX_ROWS = 1000 };

static char path[64];
static struct db *db;

/* Queries as visitors type them: one word, several, repeated, a word that is no token ("—"), two words
 * joined into one phrase ("beta—gamma"), a word in most items (its weight is FTS5's floor), Cyrillic. */
static const char *const queries[] = {
	"alpha", "beta gamma", "Alpha beta delta", "gamma", "сотрудничество beta", "alpha — beta",
	"beta beta", "beta—gamma", "delta-gamma", "the", "gamma сотрудничество delta", "ministry",
};

/* ---- the corpus ---- */

static unsigned long long seed = 1;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)(seed >> 33) % n;
}

/* A word: the query's words at different rates (alpha in some 15% of items, beta in 40%, gamma in nearly
 * all, so that its weight is FTS5's floor), the rest filler. */
static const char *word(void)
{
	static const char *const filler[] = {"the", "of", "and", "ministry", "talks", "embassy", "statement",
	                                     "minister", "visit", "said", "foreign", "press", "на", "и",
	                                     "министр", "заявление", "café", "naïve", "partners", "week"};
	unsigned r = rnd(10000);
	if (r < 5)
		return "alpha";
	if (r < 20)
		return "beta";
	if (r < 40)
		return "delta";
	if (r < 540)
		return "gamma";
	if (r < 560)
		return "сотрудничество";
	return filler[rnd(sizeof filler / sizeof *filler)];
}

/* Words in sentences: ". " or ": " now and then, so the snippet's sentence starts vary. */
static void text(struct buf *b, unsigned words)
{
	buf_reset(b);
	for (unsigned i = 0; i < words; i++) {
		if (i > 0)
			buf_puts(b, rnd(9) == 0 ? ". " : rnd(25) == 0 ? ":\n" : " ");
		buf_puts(b, word());
	}
	buf_putc(b, '.');
}

static void insert_in(struct db *to, const char *title, const char *teaser, const char *body, const char *status,
                      const char *lang)
{
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(to),
	                                    "INSERT INTO item (kind, type, slug, title, teaser, body, status, "
	                                    "published_at, created_at, updated_at, lang) VALUES ('release', "
	                                    "'statement', slugify(?1), ?1, ?2, ?3, ?4, ?5, ?5, ?5, ?6)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 6, lang, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, teaser, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, NOW - 1000000 + rnd(900000));
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
}

static void insert(struct db *to, const char *title, const char *teaser, const char *body, const char *status)
{
	insert_in(to, title, teaser, body, status, "en");
}

/* The reference: the index as 0009 made it, without the language, kept in step with item by its own trigger
 * (the tests only insert). */
static const char ref_fts[] =
	"CREATE VIRTUAL TABLE ref_fts USING fts5(title, teaser, body, content = 'item', content_rowid = 'id',"
	" tokenize = 'pressroom remove_diacritics 2');"
	"CREATE TRIGGER ref_fts_insert AFTER INSERT ON item BEGIN"
	" INSERT INTO ref_fts (rowid, title, teaser, body) VALUES (new.id, new.title, new.teaser, new.body); END;";

static int setup(void **state)
{
	(void)state;
	char err[512];
	const char *tmp = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	snprintf(path, sizeof path, "%.40s/test_search.XXXXXX", tmp);
	int fd = mkstemp(path);
	if (fd < 0)
		return -1;
	close(fd);
	db = db_open(path, DB_CREATE, err, sizeof err);
	if (db == NULL || db_migrate(db, err, sizeof err) != 0 ||
	    sqlite3_exec(db_handle(db), ref_fts, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "test_search: %s %s\n", err, sqlite3_errmsg(db_handle(db)));
		return -1;
	}
	struct buf title = {0}, teaser = {0}, body = {0};
	sqlite3_exec(db_handle(db), "BEGIN", NULL, NULL, NULL);
	for (int i = 0; i < ITEMS; i++) {
		text(&title, 3 + rnd(8));
		text(&teaser, rnd(3) == 0 ? 0 : 10 + rnd(30));
		text(&body, 20 + rnd(600));
		insert_in(db, buf_str(&title), buf_str(&teaser), buf_str(&body), rnd(10) == 0 ? "draft" : "published",
		          i % 3 == 0 ? "ru" : "en");
	}
	sqlite3_exec(db_handle(db), "COMMIT", NULL, NULL, NULL);
	buf_free(&title);
	buf_free(&teaser);
	buf_free(&body);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char wal[80];
	db_close(db);
	unlink(path);
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
	return 0;
}

/* ---- helpers ---- */

struct query {
	struct buf fts;
	struct search_term terms[SEARCH_MAX_TERMS];
	int n;
};

static void query(struct query *q, const char *typed)
{
	q->fts = (struct buf){0};
	q->n = search_fts_query(typed, &q->fts, q->terms);
	assert_true(q->n > 0);
}

/* What the app matches for q in lang (NULL: every language): search_match's expression, in *match. */
static const char *match(struct buf *match, const struct query *q, const char *lang)
{
	*match = (struct buf){0};
	assert_int_equal(search_match(match, buf_str(&q->fts), q->fts.len, lang), 0);
	return buf_str(match);
}

/* The app's search (search_public, search_rank_bind) in lang, from offset 0: ids in the order shown. The
 * language checked in the index (search_match), or with in_sql as search_store.c does for few matches. */
static int app_order_lang(const char *typed, const char *lang, int in_sql, int candidates, long long *ids)
{
	struct query q;
	struct buf m;
	query(&q, typed);
	const char *in_index = in_sql ? NULL : lang;
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_PUBLIC);
	assert_non_null(st);
	assert_int_equal(search_rank_bind(db, st, 8, buf_str(&q.fts), q.terms, q.n, in_index), 0);
	sqlite3_bind_text(st, 1, match(&m, &q, in_index), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, in_sql ? lang : NULL, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, LLONG_MIN);
	sqlite3_bind_int64(st, 3, NOW);
	sqlite3_bind_int(st, 5, MAX_ROWS);
	sqlite3_bind_int64(st, 6, 0);
	sqlite3_bind_int(st, 7, candidates);
	sqlite3_bind_int(st, 9, SEARCH_FILTER_PHRASES(in_index));
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_ROWS)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	buf_free(&q.fts);
	buf_free(&m);
	assert_int_equal(rc, SQLITE_DONE);
	return n;
}

static int app_order_in(const char *typed, const char *lang, int candidates, long long *ids)
{
	return app_order_lang(typed, lang, 0, candidates, ids);
}

static int app_order(const char *typed, int candidates, long long *ids)
{
	return app_order_in(typed, NULL, candidates, ids);
}

/* The same search ranked by bm25() itself on the index without the language (ref_fts), the language
 * checked in SQL: as search_public was written before search_rank and before 0017. */
static int bm25_order(const char *typed, const char *lang, int candidates, long long *ids)
{
	struct query q;
	query(&q, typed);
	sqlite3_stmt *st = NULL;
	assert_int_equal(
		sqlite3_prepare_v2(db_handle(db),
	                           "SELECT i.id FROM (SELECT f.rowid AS id, bm25(ref_fts, 10.0, 4.0, 1.0) AS score,"
	                           "  f.rowid IN (SELECT rowid FROM ref_fts WHERE ref_fts MATCH 'title : (' || ?1 || ')')"
	                           "   AS in_title"
	                           "  FROM ref_fts f JOIN item c ON c.id = f.rowid"
	                           " WHERE ref_fts MATCH ?1 AND c.status = 'published' AND c.published_at <= ?2"
	                           "   AND (?4 IS NULL OR c.lang = ?4)"
	                           " ORDER BY f.rowid DESC LIMIT ?3) hits JOIN item i ON i.id = hits.id"
	                           " ORDER BY hits.in_title DESC, hits.score, i.published_at DESC, i.id DESC",
	                           -1, &st, NULL),
		SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_str(&q.fts), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, NOW);
	sqlite3_bind_int(st, 3, candidates);
	sqlite3_bind_text(st, 4, lang, -1, SQLITE_STATIC);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MAX_ROWS)
		ids[n++] = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	buf_free(&q.fts);
	assert_int_equal(rc, SQLITE_DONE);
	return n;
}

/* Every row that matches typed in lang (NULL: all), public or not: search_rank() on item_fts (search_match's
 * expression) and bm25() on ref_fts (the query as typed, the language checked in SQL) find the same rows
 * and agree within 1e-9. Returns rows. */
static int check_scores_in(const char *typed, const char *lang)
{
	struct query q;
	struct buf m;
	query(&q, typed);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
	                                    "SELECT r.rowid, bm25(ref_fts, 10.0, 4.0, 1.0), "
	                                    "(SELECT search_rank(item_fts, ?2, 10.0, 4.0, 1.0, 0.0) FROM item_fts "
	                                    "  WHERE item_fts MATCH ?3 AND rowid = r.rowid) "
	                                    "FROM ref_fts r JOIN item c ON c.id = r.rowid "
	                                    "WHERE ref_fts MATCH ?1 AND (?4 IS NULL OR c.lang = ?4)",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, buf_str(&q.fts), -1, SQLITE_TRANSIENT);
	assert_int_equal(search_rank_bind(db, st, 2, buf_str(&q.fts), q.terms, q.n, lang), 0);
	sqlite3_bind_text(st, 3, match(&m, &q, lang), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, lang, -1, SQLITE_STATIC);
	int rows = 0, rc;
	char diff[256] = "";
	while (!diff[0] && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		double bm25 = sqlite3_column_double(st, 1), ours = sqlite3_column_double(st, 2);
		if (sqlite3_column_type(st, 2) == SQLITE_NULL)
			snprintf(diff, sizeof diff, "[%s] row %lld: bm25 finds it, the app's expression does not", typed,
			         sqlite3_column_int64(st, 0));
		else if (!(fabs(bm25 - ours) <= 1e-9 * fabs(bm25)))
			snprintf(diff, sizeof diff, "[%s] row %lld: bm25 %.17g, search_rank %.17g", typed,
			         sqlite3_column_int64(st, 0), bm25, ours);
		rows++;
	}
	sqlite3_finalize(st); /* before failing: a statement left open would hold its snapshot for the next test */
	/* And nothing more: the app's expression matches as many rows. */
	long long theirs = -1;
	if (!diff[0]) {
		assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT count(*) FROM item_fts WHERE item_fts MATCH ?1",
		                                    -1, &st, NULL),
		                 SQLITE_OK);
		sqlite3_bind_text(st, 1, buf_str(&m), -1, SQLITE_TRANSIENT);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		theirs = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	buf_free(&q.fts);
	buf_free(&m);
	if (diff[0])
		fail_msg("%s", diff);
	assert_int_equal(rc, SQLITE_DONE);
	assert_int_equal(theirs, rows);
	return rows;
}

static int check_scores(const char *typed)
{
	return check_scores_in(typed, NULL);
}

static void assert_same_order_in(const char *typed, const char *lang, int candidates)
{
	static long long ours[MAX_ROWS], theirs[MAX_ROWS];
	int n = bm25_order(typed, lang, candidates, theirs);
	for (int in_sql = 0; in_sql < (lang != NULL ? 2 : 1); in_sql++) {
		assert_int_equal(app_order_lang(typed, lang, in_sql, candidates, ours), n);
		for (int i = 0; i < n; i++)
			if (ours[i] != theirs[i])
				fail_msg("[%s] %s, place %d: search_rank gives %lld, bm25 %lld", typed,
				         in_sql ? "in SQL" : "in the index", i + 1, ours[i], theirs[i]);
	}
}

static void assert_same_order(const char *typed, int candidates)
{
	assert_same_order_in(typed, NULL, candidates);
}

/* ---- search_fts_query's terms ---- */

static void each_term_is_a_quoted_phrase_of_the_query(void **state)
{
	(void)state;
	struct query q;
	query(&q, "Alpha, (beta)* -gamma \"x\"");
	assert_string_equal(buf_str(&q.fts), "\"Alpha\" \"beta\" \"gamma\" \"x\"");
	assert_int_equal(q.n, 4);
	const char *want[] = {"\"Alpha\"", "\"beta\"", "\"gamma\"", "\"x\""};
	for (int i = 0; i < q.n; i++) {
		assert_int_equal(q.terms[i].len, strlen(want[i]));
		assert_memory_equal(buf_str(&q.fts) + q.terms[i].off, want[i], q.terms[i].len);
	}
	buf_free(&q.fts);
}

/* Quoted words are one phrase (typographic quotes too); a lone quote is dropped; 12 words in all. */
static void quoted_words_make_a_phrase(void **state)
{
	(void)state;
	struct query q;
	query(&q, "\"Joint  statement\" korea \u00abсовместное, заявление\u00bb \u201cx\u201d \"\" \"lone");
	assert_string_equal(buf_str(&q.fts), "\"Joint statement\" \"korea\" \"совместное заявление\" \"x\" \"lone\"");
	assert_int_equal(q.n, 5);
	const char *want[] = {"\"Joint statement\"", "\"korea\"", "\"совместное заявление\"", "\"x\"", "\"lone\""};
	for (int i = 0; i < q.n; i++) {
		assert_int_equal(q.terms[i].len, strlen(want[i]));
		assert_memory_equal(buf_str(&q.fts) + q.terms[i].off, want[i], q.terms[i].len);
	}
	buf_free(&q.fts);
	query(&q, "\"a b c d e f g h i j k l m n\" o");
	assert_string_equal(buf_str(&q.fts), "\"a b c d e f g h i j k l\"");
	assert_int_equal(q.n, 1);
	buf_free(&q.fts);
}

/* ---- search_rank ---- */

static void rank_scores_every_match_as_bm25_does(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
		assert_true(check_scores(queries[i]) > 0);
}

static void search_orders_results_as_bm25_does(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
		assert_same_order(queries[i], SEARCH_CANDIDATES);
		assert_same_order(queries[i], 25); /* the newest 25 candidates only */
	}
}

/* Filtered inside the index (0017), a search in one language finds, scores and orders what the search of
 * every language filtered in SQL afterwards did, the newest candidates of that language included; and only
 * items of that language. So does search_public's check in SQL, which search_store.c keeps for few matches. */
static void a_search_in_one_language_is_the_old_filter_in_the_index(void **state)
{
	(void)state;
	static const char *const langs[] = {"en", "ru", "de"};
	for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
		for (size_t i = 0; i < sizeof queries / sizeof *queries; i++) {
			assert_same_order_in(queries[i], langs[l], SEARCH_CANDIDATES);
			assert_same_order_in(queries[i], langs[l], 25);
			int rows = check_scores_in(queries[i], langs[l]);
			assert_true(strcmp(langs[l], "de") == 0 ? rows == 0 : rows > 0);
		}
	static long long ids[MAX_ROWS];
	int n = app_order_in("gamma", "ru", SEARCH_CANDIDATES, ids);
	assert_true(n > 10);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db), "SELECT lang FROM item WHERE id = ?1", -1, &st, NULL), SQLITE_OK);
	for (int i = 0; i < n; i++) {
		sqlite3_bind_int64(st, 1, ids[i]);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		assert_string_equal((const char *)sqlite3_column_text(st, 0), "ru");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
}

/* The language is matched only where search_match puts it: "ru" typed is a word (no item's text has it),
 * though the index holds the language ru (SEARCH_LANG_MARK "ru", one token) for a third of the items. */
static void a_typed_language_is_a_word(void **state)
{
	(void)state;
	long long ids[MAX_ROWS];
	static const char *const typed[] = {"ru", "en", "lang:ru", "{lang} : ru", "lang ru"};
	for (size_t i = 0; i < sizeof typed / sizeof *typed; i++) {
		assert_int_equal(app_order_in(typed[i], NULL, SEARCH_CANDIDATES, ids), 0);
		assert_int_equal(app_order_in(typed[i], "ru", SEARCH_CANDIDATES, ids), 0);
	}
	/* The test can fail: the language's token is there to be found, by the phrase search_match writes. */
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
	                                    "SELECT count(*) FROM item_fts WHERE item_fts MATCH '\"' || char(30) || 'ru\"'",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_true(sqlite3_column_int64(st, 0) > ITEMS / 4);
	sqlite3_finalize(st);
	/* A tag that could close its quotes is refused, not matched. */
	struct buf b = {0};
	assert_int_equal(search_match(&b, "\"x\"", 3, "ru\" OR \"x"), -1);
	assert_int_equal(search_match(&b, "\"x\"", 3, ""), -1);
	assert_int_equal(search_match(&b, "\"x\"", 3, "zh-Hant"), 0);
	assert_string_equal(buf_str(&b), "\"x\" \"" SEARCH_LANG_MARK "zh-Hant\"");
	assert_int_equal(search_match(&b, "\"x\"", 3, NULL), 0);
	assert_string_equal(buf_str(&b), "\"x\"");
	buf_free(&b);
}

static void a_word_in_no_document_finds_nothing(void **state)
{
	(void)state;
	long long ids[MAX_ROWS];
	assert_int_equal(app_order("alpha zyzzyva", SEARCH_CANDIDATES, ids), 0);
	assert_int_equal(app_order("—", SEARCH_CANDIDATES, ids), 0);
}

/* Two items that hold both words, each one of them three times: the rarer word decides which ranks first.
 * Another connection (a press officer's) then publishes items with the first word only, which makes it
 * the commoner: the ranking must turn, as bm25()'s does, though the worker's counts were cached. */
static void ranking_follows_new_items(void **state)
{
	(void)state;
	char err[512];
	long long ids[MAX_ROWS];
	insert(db, "Quokka report", "", "quokka quokka quokka wombat embassy", "published");
	long long a = db_last_id(db);
	insert(db, "Wombat report", "", "wombat wombat wombat quokka embassy", "published");
	long long b = db_last_id(db);
	for (int i = 0; i < 20; i++)
		insert(db, "Notes", "", "wombat notes", "published");

	for (int pass = 0; pass < 2; pass++) { /* the second from the cache */
		assert_int_equal(app_order("quokka wombat", SEARCH_CANDIDATES, ids), 2);
		assert_true(ids[0] == a && ids[1] == b);
		assert_same_order("quokka wombat", SEARCH_CANDIDATES);
		check_scores("quokka wombat");
	}

	struct db *writer = db_open(path, 0, err, sizeof err);
	assert_non_null(writer);
	sqlite3_exec(db_handle(writer), "BEGIN", NULL, NULL, NULL);
	for (int i = 0; i < 60; i++)
		insert(writer, "Notes", "", "quokka notes", "published");
	assert_int_equal(sqlite3_exec(db_handle(writer), "COMMIT", NULL, NULL, NULL), SQLITE_OK);
	db_close(writer);

	assert_int_equal(app_order("quokka wombat", SEARCH_CANDIDATES, ids), 2);
	assert_true(ids[0] == b && ids[1] == a);
	assert_same_order("quokka wombat", SEARCH_CANDIDATES);
	check_scores("quokka wombat");
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
		check_scores(queries[i]);
}

static void rank_refuses_counts_that_do_not_fit(void **state)
{
	(void)state;
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
	                                    "SELECT search_rank(item_fts, ?2, 10.0, 4.0, 1.0) FROM item_fts "
	                                    "WHERE item_fts MATCH ?1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_int64 one = 5;
	sqlite3_bind_text(st, 1, "\"alpha\" \"beta\"", -1, SQLITE_STATIC);
	sqlite3_bind_blob(st, 2, &one, sizeof one, SQLITE_STATIC);
	assert_int_equal(sqlite3_step(st), SQLITE_ERROR);
	sqlite3_finalize(st);
}

/* ---- search_snippet ---- */

/* For every row matching typed: search_snippet() is snippet(item_fts, -1, ...), byte for byte. */
static void check_snippets(const char *typed, int tokens)
{
	struct query q;
	struct buf m;
	query(&q, typed);
	sqlite3_stmt *st = NULL;
	assert_int_equal(sqlite3_prepare_v2(db_handle(db),
	                                    "SELECT rowid, snippet(item_fts, -1, char(1), char(2), '…', ?2), "
	                                    "search_snippet(item_fts, char(1), char(2), '…', ?2) FROM item_fts "
	                                    "WHERE item_fts MATCH ?1",
	                                    -1, &st, NULL),
	                 SQLITE_OK);
	sqlite3_bind_text(st, 1, match(&m, &q, NULL), -1, SQLITE_TRANSIENT); /* as search_passage matches */
	sqlite3_bind_int(st, 2, tokens);
	int rc;
	struct buf diff = {0};
	while (diff.len == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *theirs = (const char *)sqlite3_column_text(st, 1);
		const char *ours = (const char *)sqlite3_column_text(st, 2);
		if (theirs == NULL || ours == NULL || strcmp(theirs, ours) != 0)
			buf_printf(&diff, "[%s] %d tokens, row %lld:\nsnippet:        %s\nsearch_snippet: %s", typed,
			           tokens, sqlite3_column_int64(st, 0), theirs ? theirs : "NULL", ours ? ours : "NULL");
	}
	sqlite3_finalize(st);
	buf_free(&q.fts);
	buf_free(&m);
	if (diff.len)
		fail_msg("%s", buf_str(&diff)); /* (the buffer is left to the failing test) */
	assert_int_equal(rc, SQLITE_DONE);
}

static void snippet_is_the_same_text_as_fts5s(void **state)
{
	(void)state;
	static const int tokens[] = {24, 1, 2, 5, 64};
	for (size_t i = 0; i < sizeof queries / sizeof *queries; i++)
		for (size_t t = 0; t < sizeof tokens / sizeof *tokens; t++)
			check_snippets(queries[i], tokens[t]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(each_term_is_a_quoted_phrase_of_the_query),
		cmocka_unit_test(quoted_words_make_a_phrase),
		cmocka_unit_test(rank_scores_every_match_as_bm25_does),
		cmocka_unit_test(search_orders_results_as_bm25_does),
		cmocka_unit_test(a_search_in_one_language_is_the_old_filter_in_the_index),
		cmocka_unit_test(a_typed_language_is_a_word),
		cmocka_unit_test(a_word_in_no_document_finds_nothing),
		cmocka_unit_test(rank_refuses_counts_that_do_not_fit),
		cmocka_unit_test(snippet_is_the_same_text_as_fts5s),
		cmocka_unit_test(ranking_follows_new_items),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
