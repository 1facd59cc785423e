/* slug.h: URL slugs from titles ("Joint statement by..." -> "joint-statement-by..."). */
#ifndef PRESSROOM_SLUG_H
#define PRESSROOM_SLUG_H

#include <stddef.h>

enum { SLUG_MAX = 80 };

/* Write the slug of title into out (size >= 2): lowercase ASCII letters and digits joined by single '-',
 * Cyrillic transliterated, everything else a separator, at most SLUG_MAX bytes, cut at a word boundary.
 * A title with nothing usable gives "item". Returns the slug's length. */
size_t slug_from_title(const char *title, char *out, size_t outlen);

#endif
