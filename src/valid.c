/* valid.c: the validators. Pure functions, unit-tested and fuzzed. */
#include "valid.h"

#include <stdlib.h>
#include <string.h>

int valid_positive(const char *s, long long max, long long *out)
{
	long long v = 0;
	size_t n = 0;
	if (s == NULL || *s == '\0')
		return 0;
	for (; s[n]; n++) {
		if (s[n] < '0' || s[n] > '9' || n >= 18)
			return 0;
		v = v * 10 + (s[n] - '0');
	}
	if (v < 1 || v > max)
		return 0;
	*out = v;
	return 1;
}

int valid_year(const char *s, int *out)
{
	long long v;
	if (s == NULL || strlen(s) != 4 || !valid_positive(s, 2200, &v) || v < 1900)
		return 0;
	*out = (int)v;
	return 1;
}

size_t valid_utf8_char(const char *str, size_t len, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c = len ? s[0] : 0;
	size_t need;
	unsigned min;
	if (len == 0)
		return 0;
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		need = 1, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3, min = 0x10000;
	} else {
		return 0;
	}
	if (len - 1 < need)
		return 0;
	unsigned v = c & (0x3F >> need);
	for (size_t k = 1; k <= need; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[k] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return need + 1;
}

int valid_utf8(const char *s, size_t len)
{
	unsigned cp;
	for (size_t i = 0, n; i < len; i += n)
		if ((n = valid_utf8_char(s + i, len - i, &cp)) == 0)
			return 0;
	return 1;
}

int valid_char(unsigned cp)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F))
		return 0;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 0;
	if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE)
		return 0;
	return cp <= 0x10FFFF;
}

/* Does the word hold a byte that is not printable ASCII (below 0x20, 0x7F, or 0x80 and up)? The tests
 * are exact: the borrow of a subtraction only runs into bytes above one that already answers yes. */
static int word_not_plain(unsigned long long w)
{
	const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	unsigned long long below_space = (w - ones * 0x20) & ~w, del = ((w ^ (ones * 0x7F)) - ones) & ~(w ^ (ones * 0x7F));
	return ((below_space | del | w) & highs) != 0;
}

/* How much of the word, 8 bytes or 7, is printable ASCII and whole two-byte sequences with a lead byte
 * from C4 to DF (U+0100 to U+07FF: Cyrillic, Greek, Hebrew, Arabic; none of them a character valid_char
 * refuses); 0 if not all of it. Flags sit in bit 7 of each byte; a lead's byte must be followed by a
 * continuation byte, and each continuation byte must follow a lead. A lead in the last byte (its
 * continuation starts the next word; in Russian text with spaces, half the words end so) leaves 7. Byte
 * order matters (a lead's next byte is the next higher one), so other machines take the byte-at-a-time path. */
static size_t word_two_byte(unsigned long long w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	const unsigned long long ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
	unsigned long long bit6 = (w << 1) & highs, bit5 = (w << 2) & highs, high = w & highs;
	unsigned long long lead = high & bit6, cont = high & ~bit6;
	unsigned long long above_c3 = (((w & (ones * 0x1C)) | highs) - ones) & highs; /* bits 4..2 not all 0 */
	unsigned long long x = w ^ (ones * 0x7F);
	unsigned long long controls = ((w - ones * 0x20) & ~w & highs) | ((x - ones) & ~x & highs);
	if (controls != 0 || (lead & bit5) != 0 || (lead & ~above_c3) != 0 || cont != lead << 8)
		return 0;
	return lead >> 63 ? 7 : 8;
#else
	(void)w;
	return 0;
#endif
}

/* How many of the 16 bytes at u, from the first, are printable ASCII, tab, newline or carriage return (16 if
 * all): an English page's text and markup are nearly all such, and a vector of 16 is tested in a few
 * instructions (SSE2 on x86-64, NEON on ARM, which every such CPU has). Other byte orders say 0. */
static size_t plain_prefix16(const unsigned char *u)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	typedef unsigned char bytes16 __attribute__((vector_size(16)));
	bytes16 v;
	memcpy(&v, u, 16);
	bytes16 bad = (bytes16)((v < 0x20) & (v != '\t') & (v != '\n') & (v != '\r')) | (bytes16)(v >= 0x7F);
	unsigned long long lo, hi;
	memcpy(&lo, &bad, 8);
	memcpy(&hi, (const unsigned char *)&bad + 8, 8);
	if (lo != 0)
		return (size_t)__builtin_ctzll(lo) / 8;
	return hi != 0 ? 8 + (size_t)__builtin_ctzll(hi) / 8 : 16;
#else
	(void)u;
	return 0;
#endif
}

/* Every value a page shows passes through here (tpl.h), a rendered body of 10 KB among them, so the common
 * cases are quick: ASCII sixteen bytes at a time, text with two-byte sequences (Cyrillic) eight (or seven)
 * bytes at a time while it lasts, and a word with something else in it a byte at a time without a call.
 * Anything else is decoded and checked one character at a time. */
size_t valid_text_span(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t len = strlen(s), i = 0, n;
	unsigned cp;
	unsigned long long w;
	while (i < len) {
		if (i + 16 <= len) {
			size_t plain = plain_prefix16(u + i);
			i += plain;
			if (plain == 16)
				continue;
		}
		size_t from = i;
		while (i + 8 <= len) {
			memcpy(&w, u + i, 8);
			if ((n = word_two_byte(w)) == 0)
				break;
			i += n;
		}
		if (i != from)
			continue;
		if (i + 8 <= len) {
			memcpy(&w, u + i, 8);
			if (!word_not_plain(w)) {
				i += 8;
				continue;
			}
		}
		/* A word with something else in it: its bytes one at a time (the last character may run past). */
		for (size_t end = i + 8 < len ? i + 8 : len; i < end;) {
			unsigned char c = u[i];
			if (c >= 0x20 && c < 0x7F) {
				i++;
			} else if (c >= 0xC2 && c <= 0xDF && (u[i + 1] & 0xC0) == 0x80) {
				if (c == 0xC2 && u[i + 1] < 0xA0) /* U+0080..U+009F, the C1 controls */
					return i;
				i += 2;
			} else if ((n = valid_utf8_char(s + i, len - i, &cp)) != 0 && valid_char(cp)) {
				i += n;
			} else {
				return i;
			}
		}
	}
	return i;
}

char *valid_text_mended(const char *s, size_t good)
{
	size_t len = strlen(s), o = good, n;
	char *out = malloc(good + 3 * (len - good) + 1); /* each bad byte becomes three */
	if (out == NULL)
		return NULL;
	memcpy(out, s, good);
	for (size_t i = good; i < len; i += n) {
		unsigned cp;
		n = valid_utf8_char(s + i, len - i, &cp);
		if (n != 0 && valid_char(cp)) {
			memcpy(out + o, s + i, n);
			o += n;
		} else {
			memcpy(out + o, "\xEF\xBF\xBD", 3);
			o += 3;
			n = n ? n : 1;
		}
	}
	out[o] = '\0';
	return out;
}

int valid_line(const char *s, size_t max)
{
	size_t len = strlen(s);
	if (len > max || !valid_utf8(s, len))
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 || c == 0x7F)
			return 0;
		/* C1 controls U+0080..U+009F are encoded C2 80..C2 9F. */
		if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] < 0xA0)
			return 0;
	}
	return 1;
}

int valid_id_slug(const char *s, long long *id, const char **slug)
{
	char digits[19];
	size_t n = strspn(s, "0123456789");
	if (n == 0 || n >= sizeof digits)
		return 0;
	if (s[n] != '\0' && s[n] != '-')
		return 0;
	memcpy(digits, s, n);
	digits[n] = '\0';
	if (!valid_positive(digits, VALID_ID_MAX, id))
		return 0;
	*slug = s[n] == '-' ? s + n + 1 : s + n;
	return 1;
}

int valid_word(const char *s, const char *const *words, int *out)
{
	for (int i = 0; words[i]; i++) {
		if (strcmp(s, words[i]) == 0) {
			*out = i;
			return 1;
		}
	}
	return 0;
}

static int two_digits(const char *s, int *out)
{
	if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
		return 0;
	*out = (s[0] - '0') * 10 + (s[1] - '0');
	return 1;
}

int valid_date(const char *s, int *year, int *month, int *day)
{
	char y[5];
	int yv, m, d;
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	memcpy(y, s, 4);
	y[4] = '\0';
	if (!valid_year(y, &yv) || !two_digits(s + 5, &m) || !two_digits(s + 8, &d))
		return 0;
	static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	int leap = (yv % 4 == 0 && yv % 100 != 0) || yv % 400 == 0;
	if (m == 2 && d == 29 && !leap)
		return 0;
	*year = yv;
	*month = m;
	*day = d;
	return 1;
}

int valid_time(const char *s, int *hour, int *minute)
{
	int h, m;
	if (strlen(s) != 5 || s[2] != ':' || !two_digits(s, &h) || !two_digits(s + 3, &m) || h > 23 || m > 59)
		return 0;
	*hour = h;
	*minute = m;
	return 1;
}

void valid_clean_utf8(char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		/* The longest prefix that is well-formed, one sequence at a time. */
		size_t n = 1;
		unsigned char c = (unsigned char)s[i];
		if (c >= 0xC2 && c <= 0xDF)
			n = 2;
		else if (c >= 0xE0 && c <= 0xEF)
			n = 3;
		else if (c >= 0xF0 && c <= 0xF4)
			n = 4;
		if (i + n <= len && valid_utf8(s + i, n)) {
			i += n;
		} else {
			s[i] = '?';
			i++;
		}
	}
}

int valid_lang_tag(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz");
	if (n < 2 || n > 3)
		return 0;
	if (s[n] == '\0')
		return 1;
	if (s[n] != '-')
		return 0;
	const char *sub = s + n + 1;
	size_t m = strspn(sub, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
	return m >= 2 && m <= 8 && sub[m] == '\0';
}
