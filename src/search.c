/* search.c: query building. Nothing typed reaches FTS5's query syntax: terms are quoted, all else dropped. */
#include "search.h"

#include <string.h>

/* ASCII letters and digits, and every byte of a multi-byte UTF-8 character, make up words; the tokenizer
 * inside the quotes then splits and folds them exactly as it did the indexed text. */
static int word_byte(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

int search_fts_query(const char *text, struct buf *out, struct search_term *terms)
{
	const unsigned char *p = (const unsigned char *)text;
	int n = 0;
	buf_reset(out);
	while (*p && n < SEARCH_MAX_TERMS) {
		while (*p && !word_byte(*p))
			p++;
		const unsigned char *start = p;
		while (*p && word_byte(*p))
			p++;
		size_t len = (size_t)(p - start);
		if (len == 0)
			break;
		if (len > SEARCH_MAX_TERM) {
			/* Cut at a character boundary, never inside a UTF-8 sequence. */
			len = SEARCH_MAX_TERM;
			while (len > 0 && (start[len] & 0xC0) == 0x80)
				len--;
			if (len == 0)
				continue; /* only continuation bytes, not UTF-8: no term, rather than an empty "" */
		}
		if (n)
			buf_putc(out, ' ');
		if (terms)
			terms[n] = (struct search_term){.off = out->len, .len = len + 2};
		buf_putc(out, '"');
		buf_append(out, (const char *)start, len);
		buf_putc(out, '"');
		n++;
	}
	return n;
}
