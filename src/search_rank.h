/* search_rank.h: ranking search results. BM25 exactly as FTS5's bm25() computes it, except that the number
 * of documents holding each term comes from a per-worker cache (search_store.c) instead of being counted on every query
 * (bm25() walks every match of every term for it: 70,000 documents for a common word). */
#ifndef PRESSROOM_SEARCH_RANK_H
#define PRESSROOM_SEARCH_RANK_H

#include <sqlite3.h>

/* Add the FTS5 function search_rank(fts, counts, weight...) to a connection (db_open does, before any
 * statement is prepared): counts is what search_rank_bind (search_store.h) binds, then one weight per
 * column. Its value is bm25(fts, weight...)'s, except that a column weighed 0.0 (the language) counts in
 * neither the item's length nor the average: the value is bm25()'s on an index without that column.
 * Returns SQLITE_OK or an SQLite error code. */
int search_rank_register(fts5_api *fts5);
/* It adds search_in_title(fts, skip) too: 1 when the row's title holds every term of the query but the
 * last skip phrases (the language filter's: SEARCH_FILTER_PHRASES), else 0; the search ranks those items
 * first (docs/search.md). */

#endif
