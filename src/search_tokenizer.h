/* search_tokenizer.h: the full-text tokenizer "pressroom": unicode61 folding, then ё as е, then the Snowball
 * stem of each word (English for Latin words, Russian for Cyrillic ones), so "missiles" finds "missile" and
 * "заявления" finds "заявление". docs/search.md says why the stemmer follows the word's script. */
#ifndef PRESSROOM_SEARCH_TOKENIZER_H
#define PRESSROOM_SEARCH_TOKENIZER_H

#include <sqlite3.h>

/* Add the tokenizer "pressroom" to a connection's FTS5 (db_open does, before anything touches item_fts).
 * Its arguments are unicode61's ("remove_diacritics 2"). The stemmers are made here, once per connection,
 * and freed when the connection closes. Returns SQLITE_OK or an SQLite error code. */
int search_tokenizer_register(fts5_api *fts5);

/* The mark before an item's language tag in the index (0017_search_lang_index.sql: the column lang holds
 * "\x1e" and the tag). A text that is the mark and a tag (letters, digits, hyphens) is one token, as it is:
 * a term no visitor's query can hold (search.c lets only letters and digits between its quotes, and the
 * gate drops control characters), so the word "ru" never finds the language, and the language's phrase
 * (search_match) finds nothing else. No stored text is that. */
#define SEARCH_LANG_MARK "\x1e"

#endif
