/* search.h: turning what a visitor typed into a safe FTS5 query, and splitting a highlighted snippet. */
#ifndef PRESSROOM_SEARCH_H
#define PRESSROOM_SEARCH_H

#include <stddef.h>

#include "buf.h"

enum {
	SEARCH_MAX_TERMS = 12,   /* words in all: more add nothing but work; so also at most 12 terms */
	SEARCH_MAX_TERM = 64,    /* bytes in one word */
	SEARCH_CANDIDATES = 1000 /* matches ranked per query: see docs/search.md */
};

/* Where one term of a query stands in its text: the quoted word or phrase, quotes included, itself a valid
 * query. */
struct search_term {
	size_t off, len;
};

/* Build an FTS5 query from free text: every run of letters and digits (any script) is a word; the words
 * between a pair of quote marks (" or « » „ “ ”) become one quoted phrase ("joint statement": those words
 * in that order), every other word its own quoted term, and the terms are ANDed. A quote mark without a
 * partner is dropped. Operators, parentheses and stars typed by the visitor are separators, and only
 * letters and digits ever stand inside the quotes, so the result is always valid FTS5 syntax. If terms is
 * not NULL (room for SEARCH_MAX_TERMS), each term's place in out is written there, in query order (the
 * ranking counts documents per term: search_rank.h). Returns the number of terms (0: nothing to search
 * for). */
int search_fts_query(const char *text, struct buf *out, struct search_term *terms);

/* The FTS5 expression search_public and search_count match (sql/queries.sql): the query fts (len bytes,
 * from search_fts_query), and with lang (a BCP 47 tag, or NULL for every language) the item's language as
 * the index holds it (SEARCH_LANG_MARK and the tag) ANDed after it, so that FTS5 itself skips the other
 * languages' items (docs/search.md). That phrase is then the query's last: SEARCH_FILTER_PHRASES(lang) of
 * them follow the visitor's. Returns 0, or -1 for a tag of other characters than letters, digits and
 * hyphens (nothing written). */
int search_match(struct buf *out, const char *fts, size_t len, const char *lang);
#define SEARCH_FILTER_PHRASES(lang) ((lang) != NULL ? 1 : 0)

/* The markers that search_snippet() puts around a matched term (control characters never stored in text). */
#define SEARCH_HIT_OPEN "\x01"
#define SEARCH_HIT_CLOSE "\x02"

#endif
