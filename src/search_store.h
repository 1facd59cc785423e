/* search_store.h: the public search as the pages read it: ranked results and their highlighted passages,
 * and the per-worker document counts the ranking needs (search_rank.h is the FTS5 function itself). */
#ifndef PRESSROOM_SEARCH_STORE_H
#define PRESSROOM_SEARCH_STORE_H

#include <sqlite3.h>

#include "item_public.h"
#include "search.h"

struct arena;
struct db;

/* Bind to parameter param of st the document counts that search_rank() needs for the query fts, whose
 * terms are terms[0..n-1] (from search_fts_query), matched as search_match(fts, lang) builds it: each from
 * the cache, or counted (one index walk) and kept until the data changes; the language phrase after them,
 * weighed 0.0, gets a count that is never used. Returns 0, or -1 (logged). */
int search_rank_bind(struct db *db, sqlite3_stmt *st, int param, const char *fts, const struct search_term *terms,
                     int n, const char *lang);

/* How many results a search has in all. Exact (about 0) when fewer than SEARCH_CANDIDATES matched, all of
 * them ranked; else only the newest SEARCH_CANDIDATES were ranked and n is an estimate (about 1): the
 * documents of the index that hold the rarest term, drafts included, at least the candidates. Counting
 * every match would cost what ranking them all would (docs/search.md). */
struct search_total {
	long long n;
	int about;
};

/* The public items matching the FTS5 query fts (its n terms, from search_fts_query) and f (its language
 * checked inside the index, search_match, or for a query with few matches in SQL), best first:
 * up to limit of them after skipping offset, among the SEARCH_CANDIDATES newest matches, in an array owned
 * by a (strings too; body and signature are ""), and *total. Returns the count, or -1 (logged). */
int search_items(struct db *db, struct arena *a, const char *fts, const struct search_term *terms, int n,
                 const struct item_filter *f, int limit, long long offset, struct item **out,
                 struct search_total *total);
/* The best passage of item id for fts, its matches between SEARCH_HIT_OPEN and SEARCH_HIT_CLOSE, owned
 * by a; NULL if there is none or on error. */
const char *search_passage(struct db *db, struct arena *a, const char *fts, long long id);

#endif
