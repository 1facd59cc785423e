/* fuzz_search.c: the search box, from what a visitor types to the rows SQLite returns. The text goes through
 * the ?q= validator (input_check, as the gate does) or, with the first byte odd, straight in; search_fts_query
 * builds the FTS5 query; then the server's own statements (search_public, search_snippet of
 * sql/queries.sql, through db_stmt) run it against an in-memory database made by the real migrations and
 * seed, with the app's tokenizer, plus a few items in other scripts.
 *
 * Properties: no memory error; the query is quoted terms (a word, or a phrase of words the visitor quoted)
 * of at most SEARCH_MAX_TERMS words in all, each of at most SEARCH_MAX_TERM bytes without a quote or space
 * inside, each term where search_fts_query says; and SQLite never fails on it: every step
 * gives a row or the end, never an FTS5 syntax error nor a search_rank() refusal of the document counts
 * search_rank_bind gave (one per phrase FTS5 keeps), whatever was typed, in every language or one
 * (search_match's expression, the language inside the index: 0017); a search in one language lists only
 * its items. And for every matching row, search_rank() is bm25() on the index without the language
 * (ref_fts, as 0009 made it) and search_snippet() is snippet(), to the bit. */
#include "fuzz.h"

#include <limits.h>
#include <sqlite3.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "input.h"
#include "search.h"
#include "search_rank.h"
#include "search_store.h"

static struct db *db;
static sqlite3_stmt *lang_of; /* ?1 id: the item's language */
static sqlite3_stmt *ours_and_fts5s; /* each row: our rank and snippet, then FTS5's */

/* Items beyond the demo content, in the scripts and forms people search for. */
static const char extra_items[] =
	"INSERT INTO item (kind, type, slug, title, teaser, body, signature, status, published_at, created_at, "
	"updated_at) VALUES "
	"('release', 'statement', 'zayavlenie', 'Заявление МИД России ru', 'О ситуации на Корейском полуострове',"
	" 'Ёлка, ёж и «кавычки»: заявление от 5 июля.', '', 'published', 0, 0, 0),"
	"('event', 'event', 'cafe', 'Café naïve résumé', 'Straße, ÆØÅ, İstanbul', 'Ǆ ǅ ǆ ﬁ ﬀ 𝐀 ½ Ⅻ', '',"
	" 'published', 1, 1, 1),"
	"('release', 'news', 'cjk', '東京 北京 서울', 'عربي עברית हिन्दी', 'emoji 😀 👍🏽 and ZWJ 👩‍👩‍👧', '',"
	" 'published', 2, 2, 2);"
	"UPDATE item SET lang = 'ru' WHERE slug = 'zayavlenie';"
	/* The reference index: item_fts as it was before the language joined it. */
	"CREATE VIRTUAL TABLE ref_fts USING fts5(title, teaser, body, content = 'item', content_rowid = 'id',"
	" tokenize = 'pressroom remove_diacritics 2');"
	"INSERT INTO ref_fts (ref_fts) VALUES ('rebuild');";

int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char err[512];
	db = db_open(":memory:", DB_CREATE, err, sizeof err);
	if (db == NULL || db_migrate(db, err, sizeof err) != 0 || db_seed(db, err, sizeof err) != 0) {
		fprintf(stderr, "fuzz_search: cannot make the database: %s\n", err);
		abort();
	}
	if (sqlite3_exec(db_handle(db), extra_items, NULL, NULL, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_search: %s\n", sqlite3_errmsg(db_handle(db)));
		abort();
	}
	if (sqlite3_prepare_v2(db_handle(db), "SELECT lang FROM item WHERE id = ?1", -1, &lang_of, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_search: %s\n", sqlite3_errmsg(db_handle(db)));
		abort();
	}
	if (sqlite3_prepare_v2(db_handle(db),
	                       "SELECT search_rank(item_fts, ?2, 10.0, 4.0, 1.0, 0.0), "
	                       "(SELECT bm25(ref_fts, 10.0, 4.0, 1.0) FROM ref_fts WHERE ref_fts MATCH ?3 AND rowid = f.rowid), "
	                       "search_snippet(item_fts, char(1), char(2), '…', 24), "
	                       "snippet(item_fts, -1, char(1), char(2), '…', 24) "
	                       "FROM item_fts f WHERE item_fts MATCH ?1",
	                       -1, &ours_and_fts5s, NULL) != SQLITE_OK) {
		fprintf(stderr, "fuzz_search: %s\n", sqlite3_errmsg(db_handle(db)));
		abort();
	}
	return 0;
}

/* Every row that matches fts as the app matches it: search_rank() and search_snippet() give what bm25() and
 * snippet() give. */
static void compare_with_fts5(const char *fts, const struct search_term *term, int terms)
{
	sqlite3_stmt *st = ours_and_fts5s;
	struct buf match = {0};
	CHECK(search_match(&match, fts, strlen(fts), NULL) == 0);
	sqlite3_bind_text(st, 1, buf_str(&match), -1, SQLITE_TRANSIENT);
	CHECK(search_rank_bind(db, st, 2, fts, term, terms, NULL) == 0);
	sqlite3_bind_text(st, 3, fts, -1, SQLITE_TRANSIENT);
	buf_free(&match);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		CHECK(sqlite3_column_double(st, 0) == sqlite3_column_double(st, 1));
		const char *ours = (const char *)sqlite3_column_text(st, 2);
		const char *fts5s = (const char *)sqlite3_column_text(st, 3);
		CHECK(ours != NULL && fts5s != NULL && strcmp(ours, fts5s) == 0);
	}
	CHECK(rc == SQLITE_DONE);
	sqlite3_reset(st);
}

/* Step st to its end: each step must give a row or the end. Returns the ids of the first column, up to max. */
static int step_all(sqlite3_stmt *st, const char *fts, long long *ids, int max)
{
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (ids != NULL && n < max)
			ids[n++] = sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "SQLite failed (%d: %s) on the FTS5 query [%s]\n", rc, sqlite3_errmsg(db_handle(db)), fts);
		abort();
	}
	sqlite3_reset(st);
	return n;
}

static void check_query(const char *fts, int terms)
{
	CHECK(terms >= 0 && terms <= SEARCH_MAX_TERMS);
	if (terms == 0) {
		CHECK(fts[0] == '\0');
		return;
	}
	/* "w1" "w2 w3" ...: quoted terms one space apart, each one word or a phrase of words one space apart,
	 * no word empty, longer than SEARCH_MAX_TERM or holding a quote; SEARCH_MAX_TERMS words in all. */
	const char *p = fts;
	int words = 0;
	for (int t = 0; t < terms; t++) {
		if (t > 0)
			CHECK(*p++ == ' ');
		CHECK(*p++ == '"');
		do {
			size_t len = strcspn(p, "\" ");
			CHECK(len >= 1 && len <= SEARCH_MAX_TERM);
			p += len;
			words++;
		} while (*p == ' ' && p++);
		CHECK(*p++ == '"');
	}
	CHECK(*p == '\0');
	CHECK(words <= SEARCH_MAX_TERMS);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	int raw = data[0] & 1, kind = (data[0] >> 1) & 1;
	const char *lang = (data[0] >> 2) & 1 ? "ru" : NULL;
	struct arena a = {0};
	struct buf fts = {0};
	char *typed = fuzz_string(data + 1, size - 1);
	const char *text = typed;
	struct input q = {0};
	if (!raw) {
		CHECK(input_check(&a, KEY_Q, typed, &q));
		text = q.s;
	}
	struct search_term term[SEARCH_MAX_TERMS];
	int terms = search_fts_query(text, &fts, term);
	check_query(buf_str(&fts), terms);
	for (int t = 0; t < terms; t++)
		CHECK(fts.data[term[t].off] == '"' && fts.data[term[t].off + term[t].len - 1] == '"');
	if (terms > 0) {
		/* As search_items binds them: every date, one kind or all, one language or all, the first page. */
		struct buf match = {0}, plain = {0};
		CHECK(search_match(&match, buf_str(&fts), fts.len, lang) == 0);
		CHECK(search_match(&plain, buf_str(&fts), fts.len, NULL) == 0);
		sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_PUBLIC);
		CHECK(st != NULL);
		CHECK(search_rank_bind(db, st, 8, buf_str(&fts), term, terms, lang) == 0);
		sqlite3_bind_text(st, 1, buf_str(&match), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 9, SEARCH_FILTER_PHRASES(lang));
		sqlite3_bind_int64(st, 2, LLONG_MIN);
		sqlite3_bind_int64(st, 3, LLONG_MAX);
		if (kind)
			sqlite3_bind_text(st, 4, "release", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, 21);
		sqlite3_bind_int64(st, 6, 0);
		sqlite3_bind_int(st, 7, SEARCH_CANDIDATES);
		long long ids[21];
		int n = step_all(st, buf_str(&match), ids, 21);
		for (int i = 0; i < n; i++) {
			sqlite3_stmt *sn = db_stmt(db, STMT_SEARCH_SNIPPET);
			CHECK(sn != NULL);
			sqlite3_bind_text(sn, 1, buf_str(&plain), -1, SQLITE_TRANSIENT);
			sqlite3_bind_int64(sn, 2, ids[i]);
			step_all(sn, buf_str(&plain), NULL, 0);
			if (lang != NULL) { /* a search in Russian lists Russian items only */
				sqlite3_bind_int64(lang_of, 1, ids[i]);
				CHECK(sqlite3_step(lang_of) == SQLITE_ROW);
				CHECK(strcmp((const char *)sqlite3_column_text(lang_of, 0), lang) == 0);
				sqlite3_reset(lang_of);
			}
		}
		buf_free(&match);
		buf_free(&plain);
		compare_with_fts5(buf_str(&fts), term, terms);
	}
	free(typed);
	buf_free(&fts);
	arena_free(&a);
	return 0;
}
