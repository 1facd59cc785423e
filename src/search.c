/* search.c: query building. Nothing typed reaches FTS5's query syntax: words are quoted, all else dropped. */
#include "search.h"

#include <string.h>

#include "search_tokenizer.h"

/* ASCII letters and digits, and every byte of a multi-byte UTF-8 character, make up words; the tokenizer
 * inside the quotes then splits and folds them exactly as it did the indexed text. */
static int word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* The length of the quote mark at p, or 0: " and the typographic « » (Russian) and „ “ ” (English,
 * German). Any one closes a phrase any other opened: visitors mix them. */
static size_t quote_mark(const unsigned char *p)
{
	if (p[0] == '"')
		return 1;
	if (p[0] == 0xC2 && (p[1] == 0xAB || p[1] == 0xBB))
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && (p[2] == 0x9C || p[2] == 0x9D || p[2] == 0x9E))
		return 3;
	return 0;
}

/* Skip what is neither a word nor a quote mark. */
static const unsigned char *skip_separators(const unsigned char *p)
{
	while (*p && !word_byte(*p) && !quote_mark(p))
		p++;
	return p;
}

/* The word at p (p stops after it), its length cut to SEARCH_MAX_TERM at a character boundary; 0 for a
 * run of UTF-8 continuation bytes alone, which is no word. */
static size_t next_word(const unsigned char **pp)
{
	const unsigned char *start = *pp, *p = start;
	while (*p && word_byte(*p) && !quote_mark(p))
		p++;
	*pp = p;
	size_t len = (size_t)(p - start);
	if (len > SEARCH_MAX_TERM) {
		len = SEARCH_MAX_TERM;
		while (len > 0 && (start[len] & 0xC0) == 0x80)
			len--;
	}
	return len;
}

/* Whether a quote mark follows somewhere in p: a phrase is only a phrase once it is closed. */
static int quote_follows(const unsigned char *p)
{
	for (; *p; p++)
		if (quote_mark(p))
			return 1;
	return 0;
}

int search_fts_query(const char *text, struct buf *out, struct search_term *terms)
{
	const unsigned char *p = (const unsigned char *)text;
	int n = 0, words = 0;
	buf_reset(out);
	while (words < SEARCH_MAX_TERMS) {
		p = skip_separators(p);
		if (*p == '\0')
			break;
		size_t quote = quote_mark(p);
		int phrase = 0;
		if (quote) {
			p += quote;
			phrase = quote_follows(p);
			if (!phrase)
				continue; /* a lone quote mark: its words are plain terms */
		}
		size_t mark = out->len; /* where this term starts, to take it back if it has no word */
		if (n)
			buf_putc(out, ' ');
		size_t off = out->len;
		buf_putc(out, '"');
		int inside = 0;
		while (words < SEARCH_MAX_TERMS) {
			p = skip_separators(p);
			if ((quote = quote_mark(p)) != 0) {
				if (phrase)
					p += quote; /* the closing one; for a single word, the next phrase's opening one */
				break;
			}
			if (*p == '\0')
				break;
			const unsigned char *start = p;
			size_t len = next_word(&p);
			if (len == 0) {
				/* Only continuation bytes, not UTF-8: no word, rather than an empty "". */
				if (!phrase)
					break;
				continue;
			}
			if (inside)
				buf_putc(out, ' ');
			buf_append(out, (const char *)start, len);
			inside++;
			words++;
			if (!phrase)
				break;
		}
		if (inside == 0) {
			out->len = mark; /* "" or a phrase of no word: nothing to search for */
			out->data[mark] = '\0';
			continue;
		}
		buf_putc(out, '"');
		if (terms)
			terms[n] = (struct search_term){.off = off, .len = out->len - off};
		n++;
	}
	return n;
}

int search_match(struct buf *out, const char *fts, size_t len, const char *lang)
{
	/* The tag goes between quotes, and must make the tokenizer's one language token: a character that
	 * could end the quotes would be FTS5 syntax. Tags are checked at the gate (valid_lang_tag); this keeps
	 * the promise here too. */
	if (lang != NULL && (lang[0] == '\0' || lang[strspn(lang, "abcdefghijklmnopqrstuvwxyz"
	                                                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")] != '\0'))
		return -1;
	buf_reset(out);
	buf_append(out, fts, len);
	if (lang != NULL)
		buf_printf(out, " \"" SEARCH_LANG_MARK "%s\"", lang);
	return 0;
}
