/* search_store.c: running the public search (search_public, search_snippet of sql/queries.sql) and keeping
 * the document counts its ranking needs. A database client; search_rank.c, the FTS5 function that db.c
 * registers, is not, so db.c -> search_rank.c is one-way. */
#include "search_store.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "log.h"

static sqlite3_int64 docs_of(struct db *db, const char *phrase, size_t len);
static void cache_check(struct db *db);

/* A language filter with this many matches or fewer (the rarest term's documents) is checked in SQL, each
 * match's language read in the index of 0010: at most ~0.35M instructions. Above, in the search index
 * (search_match), where FTS5 seeks the language's long list of entries for each match: 0.3M for five
 * matches of "Kazoroev" among 100,000 English items (+22%), but a bounded cost however many matches are of
 * the other language, where SQL walked them all (245M for 70,000; docs/performance.md). */
enum { FEW_MATCHES = 100 };

/* The documents of the rarest of the query's terms (those in none left out), or -1 if none has any. */
static long long fewest_docs(struct db *db, const char *fts, const struct search_term *terms, int n)
{
	long long fewest = -1;
	for (int i = 0; i < n; i++) {
		sqlite3_int64 docs = docs_of(db, fts + terms[i].off, terms[i].len);
		if (docs > 0 && (fewest < 0 || docs < fewest))
			fewest = docs;
	}
	return fewest;
}

/* search_match(fts, len, lang) in a's memory; NULL (logged) for a language tag it refuses. */
static const char *match_of(struct arena *a, const char *fts, size_t len, const char *lang)
{
	struct buf b = {0};
	const char *match = NULL;
	if (search_match(&b, fts, len, lang) == 0)
		match = arena_strdup(a, buf_str(&b));
	else
		log_error("search: not a language tag: %s", lang ? lang : "");
	buf_free(&b);
	return match;
}

/* Where a search's language is checked: in the index (the language in the MATCH) or in SQL (lang_in_sql),
 * or nowhere (both NULL). */
struct lang_filter {
	const char *in_index, *in_sql;
};

/* What search_public and search_count share: ?1 the FTS5 expression (search_match: the visitor's terms,
 * the language in the index), ?2 and ?3 the published_at range, ?4 the kind, and the language checked in
 * SQL at lang_at (NULL binds NULL: every kind, every language). */
static void bind_query(sqlite3_stmt *st, const char *match, const struct item_filter *f, struct lang_filter lang,
                       int lang_at)
{
	db_bind_text(st, 1, match);
	sqlite3_bind_int64(st, 2, f->from);
	sqlite3_bind_int64(st, 3, f->to);
	db_bind_text(st, 4, f->kind);
	db_bind_text(st, lang_at, lang.in_sql);
}

/* The public matches of match and f, counted up to SEARCH_CANDIDATES; -1 on error (logged). */
static long long count_matches(struct db *db, const char *match, const struct item_filter *f,
                               struct lang_filter lang)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_COUNT);
	if (st == NULL)
		return -1;
	bind_query(st, match, f, lang, 6);
	sqlite3_bind_int(st, 5, SEARCH_CANDIDATES);
	long long n = db_row(st) == 1 ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return n;
}

/* search_total when the results fill more than one page. The documents per term are kept for the ranking
 * already: one term in SEARCH_CANDIDATES documents or more has run out of candidates, and its count (drafts
 * and withdrawn items too) is the estimate. Else the public matches are counted, up to the candidates. */
static int total_of(struct db *db, long long fewest, const char *match, int n, const struct item_filter *f,
                    struct lang_filter lang, struct search_total *total)
{
	if (n == 1 && fewest >= SEARCH_CANDIDATES) {
		*total = (struct search_total){.n = fewest, .about = 1};
		return 0;
	}
	long long counted = count_matches(db, match, f, lang);
	if (counted < 0)
		return -1;
	if (counted >= SEARCH_CANDIDATES)
		*total = (struct search_total){.n = fewest > counted ? fewest : counted, .about = 1};
	else
		*total = (struct search_total){.n = counted};
	return 0;
}

int search_items(struct db *db, struct arena *a, const char *fts, const struct search_term *terms, int n,
                 const struct item_filter *f, int limit, long long offset, struct item **out,
                 struct search_total *total)
{
	*total = (struct search_total){0};
	struct item *items = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *items);
	*out = items;
	cache_check(db);
	long long fewest = fewest_docs(db, fts, terms, n);
	struct lang_filter lang = {0};
	if (fewest > FEW_MATCHES)
		lang.in_index = f->lang;
	else
		lang.in_sql = f->lang;
	const char *match = match_of(a, fts, strlen(fts), lang.in_index);
	if (match == NULL)
		return -1;
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_PUBLIC);
	if (st == NULL || search_rank_bind(db, st, 8, fts, terms, n, lang.in_index) != 0)
		return -1;
	bind_query(st, match, f, lang, 10);
	sqlite3_bind_int(st, 5, limit);
	sqlite3_bind_int64(st, 6, offset);
	sqlite3_bind_int(st, 7, SEARCH_CANDIDATES);
	sqlite3_bind_int(st, 9, SEARCH_FILTER_PHRASES(lang.in_index));
	int got = 0, rc = 1;
	while (got < limit && (rc = db_row(st)) == 1)
		item_from_row(a, st, &items[got++]);
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	/* Fewer than asked for: the last page, so the total is known without counting. */
	if (got < limit)
		*total = (struct search_total){.n = got ? offset + got : 0};
	else if (total_of(db, fewest, match, n, f, lang, total) != 0)
		return -1;
	return got;
}

const char *search_passage(struct db *db, struct arena *a, const char *fts, long long id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_SNIPPET);
	if (st == NULL)
		return NULL;
	db_bind_text(st, 1, fts); /* without the language: nothing of it to mark */
	sqlite3_bind_int64(st, 2, id);
	if (db_row(st) != 1)
		return NULL;
	const char *passage = db_text_col(a, st, 0);
	sqlite3_reset(st);
	return passage;
}

/* ---- the document counts of search_rank(): per worker, kept while the data version stays ---- */

enum { CACHE_SIZE = 64 }; /* terms; a miss costs one walk of the term's index entries */

static struct {
	char phrase[SEARCH_MAX_TERM + 3]; /* quoted, NUL-terminated */
	sqlite3_int64 docs;
} cache[CACHE_SIZE];
static int cached, oldest;
static long long cache_version = -1;
static const struct db *cache_db; /* a worker has one connection; tests and tools may open more */

/* The documents that hold phrase (a quoted term, len bytes): the number bm25() would count. -1 on error. */
static sqlite3_int64 docs_of(struct db *db, const char *phrase, size_t len)
{
	for (int i = 0; i < cached; i++)
		if (strncmp(cache[i].phrase, phrase, len) == 0 && cache[i].phrase[len] == '\0')
			return cache[i].docs;
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_PHRASE_DOCS);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, phrase, (int)len, SQLITE_STATIC);
	sqlite3_int64 docs = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (docs < 0) {
		log_error("cannot count the documents of %.*s: %s", (int)len, phrase, db_error(db));
		return -1;
	}
	if (len < sizeof cache[0].phrase) {
		/* When full, the entry stored longest ago makes room. */
		memcpy(cache[oldest].phrase, phrase, len);
		cache[oldest].phrase[len] = '\0';
		cache[oldest].docs = docs;
		oldest = (oldest + 1) % CACHE_SIZE;
		if (cached < CACHE_SIZE)
			cached++;
	}
	return docs;
}

/* Forget the counts if the data changed since they were counted, or they are another connection's. */
static void cache_check(struct db *db)
{
	long long version = db_data_version(db);
	if (version < 0 || version != cache_version || db != cache_db) {
		cached = oldest = 0;
		cache_version = version;
		cache_db = db;
	}
}

int search_rank_bind(struct db *db, sqlite3_stmt *st, int param, const char *fts, const struct search_term *terms,
                     int n, const char *lang)
{
	cache_check(db);
	sqlite3_int64 counts[SEARCH_MAX_TERMS + 1];
	int kept = 0;
	for (int i = 0; i < n && i < SEARCH_MAX_TERMS; i++) {
		sqlite3_int64 docs = docs_of(db, fts + terms[i].off, terms[i].len);
		if (docs < 0)
			return -1;
		/* FTS5 drops a phrase with no token ("—" alone) from the query, so it must not count here either.
		 * Any other term in no document matches nothing, and then no row is ranked at all. */
		if (docs > 0)
			counts[kept++] = docs;
	}
	/* The language's phrase, last in search_match's expression: its column weighs 0.0 in search_rank(), so
	 * its frequency is 0 and its count, never counted, changes nothing. */
	for (int i = 0; i < SEARCH_FILTER_PHRASES(lang); i++)
		counts[kept++] = 0;
	return sqlite3_bind_blob(st, param, counts, kept * (int)sizeof *counts, SQLITE_TRANSIENT) == SQLITE_OK ? 0 : -1;
}
