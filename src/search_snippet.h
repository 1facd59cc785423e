/* search_snippet.h: the highlighted passage of a search result, as FTS5's snippet() makes it but reading
 * only as much of the text as the passage needs. */
#ifndef PRESSROOM_SEARCH_SNIPPET_H
#define PRESSROOM_SEARCH_SNIPPET_H

#include <sqlite3.h>

/* Add the FTS5 function search_snippet(fts, open, close, ellipsis, tokens) to a connection (db_open does):
 * the same text as snippet(fts, -1, open, close, ellipsis, tokens). Returns SQLITE_OK or an error code. */
int search_snippet_register(fts5_api *fts5);

#endif
