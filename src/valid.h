/* valid.h: validators for everything that arrives from outside. Each reads raw text and either fills a
 * typed value and returns 1, or returns 0 and leaves the output alone. None of them allocates. */
#ifndef PRESSROOM_VALID_H
#define PRESSROOM_VALID_H

#include <stddef.h>

/* A decimal integer 1..max: digits only, no sign, no spaces, at most 18 digits. */
int valid_positive(const char *s, long long max, long long *out);
/* A four-digit year from 1900 to 2200. */
int valid_year(const char *s, int *out);
/* Well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF) of exactly len bytes. */
int valid_utf8(const char *s, size_t len);
/* The length of the one well-formed UTF-8 sequence that starts s (of at most len bytes), its code point in
 * *cp; 0 if s does not start with one. */
size_t valid_utf8_char(const char *s, size_t len, unsigned *cp);
/* May text hold code point cp? Not a C0 control (TAB, LF and CR excepted), DEL, a C1 control, a surrogate, a
 * noncharacter (U+FDD0..U+FDEF, U+xFFFE and U+xFFFF in every plane) or past U+10FFFF. This covers every
 * code point XML 1.0 forbids, so text made only of these can go into a feed. */
int valid_char(unsigned cp);
/* One line of text: valid UTF-8, at most max bytes, no control characters at all. */
int valid_line(const char *s, size_t max);
/* The largest item id: 2^53 - 1, exact in a double, so in JSON too. */
#define VALID_ID_MAX 9007199254740991LL
/* "<id>" or "<id>-<slug>" as in /releases/12-joint-statement: the id, and the slug part (or "") in *slug. */
int valid_id_slug(const char *s, long long *id, const char **slug);
/* s is one of the NULL-terminated words; *out is its index. */
int valid_word(const char *s, const char *const *words, int *out);
/* Is s a language tag as Pressroom takes them (a subset of BCP 47): 2 or 3 lower-case letters, optionally
 * '-' and 2 to 8 letters or digits ("en", "ru", "pt-BR", "sr-Latn")? */
int valid_lang_tag(const char *s);

/* A date as YYYY-MM-DD that exists on the calendar (no 31 February), years 1900..2200. */
int valid_date(const char *s, int *year, int *month, int *day);
/* A time of day as HH:MM, 00:00..23:59. */
int valid_time(const char *s, int *hour, int *minute);
/* Replace every byte of s that is not part of well-formed UTF-8 with '?', in place, so text can be shown
 * back to the person who sent it. */
void valid_clean_utf8(char *s);
/* The offset of the first byte of s that is not well-formed UTF-8 or starts a code point valid_char
 * refuses; strlen(s) if there is none. */
size_t valid_text_span(const char *s);
/* s with every byte that is not UTF-8 and every character valid_char refuses, from offset good on (where
 * valid_text_span stopped), replaced by U+FFFD: malloc'd, the caller frees it; NULL without memory. Rows
 * stored before the gate refused them (or written by SQL) must not make a page or a feed unparseable. */
char *valid_text_mended(const char *s, size_t good);

#endif
