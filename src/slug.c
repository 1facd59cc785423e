/* slug.c: slugs. Russian is transliterated so that a Russian title still gives a readable URL. */
#include "slug.h"

#include <string.h>

/* Transliteration of U+0430..U+044F (а..я) and ё, after the common passport scheme, without signs. */
static const char *const cyrillic_lower[32] = {
	"a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
	"r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya",
};

/* Decode one UTF-8 sequence at s; return its code point and advance *len, or U+FFFD for a bad byte. */
static unsigned decode(const unsigned char *s, size_t *len)
{
	unsigned c = s[0];
	if (c < 0x80) {
		*len = 1;
		return c;
	}
	static const unsigned least[5] = {0, 0, 0x80, 0x800, 0x10000};
	size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
	unsigned cp = n == 1 ? 0xFFFD : c & (0x7F >> n);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = i;
			return 0xFFFD;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	*len = n;
	/* An overlong form (C1 A1 for 'a') is not UTF-8: a separator like any bad byte, never a letter. */
	return cp < least[n] ? 0xFFFD : cp;
}

static const char *latin_of(unsigned cp, char *one)
{
	if (cp >= 'A' && cp <= 'Z')
		cp += 'a' - 'A';
	if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
		one[0] = (char)cp;
		one[1] = '\0';
		return one;
	}
	if (cp >= 0x410 && cp <= 0x42F)
		cp += 0x20;
	if (cp >= 0x430 && cp <= 0x44F)
		return cyrillic_lower[cp - 0x430];
	if (cp == 0x401 || cp == 0x451)
		return "e";
	return NULL;
}

size_t slug_from_title(const char *title, char *out, size_t outlen)
{
	size_t max = outlen - 1 < SLUG_MAX ? outlen - 1 : SLUG_MAX;
	size_t o = 0, last_word_end = 0;
	int pending_dash = 0;
	const unsigned char *s = (const unsigned char *)title;
	while (*s) {
		size_t len;
		unsigned cp = decode(s, &len);
		s += len;
		char one[2];
		const char *lat = latin_of(cp, one);
		if (cp == '\'' || cp == 0x2019)
			continue; /* "Korea's" -> "koreas", not "korea-s" */
		if (lat == NULL) {
			pending_dash = o > 0;
			continue;
		}
		if (lat[0] == '\0')
			continue; /* a hard or soft sign writes nothing, not even the dash before it */
		size_t add = strlen(lat) + (pending_dash ? 1 : 0);
		if (o + add > max) {
			/* Before a dash o is a word's end already; inside a word, go back to the last one. */
			if (!pending_dash && last_word_end)
				o = last_word_end;
			break;
		}
		if (pending_dash) {
			last_word_end = o;
			out[o++] = '-';
			pending_dash = 0;
		}
		memcpy(out + o, lat, strlen(lat));
		o += strlen(lat);
	}
	if (o == 0) {
		/* Nothing usable (all punctuation, or a script we do not transliterate). */
		o = outlen - 1 < 4 ? outlen - 1 : 4;
		memcpy(out, "item", o);
	}
	out[o] = '\0';
	return o;
}
