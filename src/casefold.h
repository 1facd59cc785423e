/* casefold.h: the SQL function casefold(text): the text with every letter in lower case, in any script, as
 * FTS5's unicode61 tokenizer folds it for search. SQLite's LIKE and lower() fold ASCII only, so the admin
 * list's title search used them to miss "Заявление" when asked for "заявление". */
#ifndef PRESSROOM_CASEFOLD_H
#define PRESSROOM_CASEFOLD_H

#include <sqlite3.h>

/* Add casefold(text) to connection h, with a unicode61 tokenizer of fts5 (no diacritics removed: only case
 * changes) made here and freed when h closes. NULL gives NULL; everything but letters and digits is kept as
 * written. Returns SQLITE_OK or an SQLite error code. */
int casefold_register(sqlite3 *h, fts5_api *fts5);

#endif
