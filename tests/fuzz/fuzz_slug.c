/* fuzz_slug.c: slug_from_title on any title (a press officer's form field, and the slugify() SQL function),
 * into an output buffer of 2 to SLUG_MAX + 10 bytes picked by the first byte, allocated to exactly that size.
 *
 * Properties: no memory error; the slug is its returned length, at most SLUG_MAX and within the buffer, not
 * empty, and made of a-z, 0-9 and single dashes that neither start nor end it. */
#include "fuzz.h"

#include "slug.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	size_t outlen = 2 + data[0] % (SLUG_MAX + 9);
	char *title = fuzz_string(data + 1, size - 1);
	char *out = malloc(outlen);
	CHECK(out != NULL);
	size_t n = slug_from_title(title, out, outlen);
	CHECK(n == strlen(out));
	CHECK(n >= 1 && n <= SLUG_MAX && n < outlen);
	CHECK(strspn(out, "abcdefghijklmnopqrstuvwxyz0123456789-") == n);
	CHECK(out[0] != '-' && out[n - 1] != '-' && strstr(out, "--") == NULL);
	free(out);
	free(title);
	return 0;
}
