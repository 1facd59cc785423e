/* fuzz_alerts_address.c: alerts_address_check on any bytes (the subscribe form's email field, NULs too),
 * in a heap block of exactly their size.
 *
 * Properties: no memory error; a refusal gives a reason and an empty address; an accepted address is the
 * input with its domain lower-cased: at most 254 bytes, one '@', a local part of 1 to 64 bytes, printable
 * ASCII without a space (so no CR, LF or NUL can reach a header), and checking it again accepts it as is. */
#include "fuzz.h"

#include "alerts_address.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *typed = malloc(size ? size : 1);
	CHECK(typed != NULL);
	memcpy(typed, data, size);
	char out[ALERTS_ADDRESS_MAX + 1], again[ALERTS_ADDRESS_MAX + 1];
	const char *why = alerts_address_check(typed, size, out);
	if (why != NULL) {
		CHECK(why[0] != '\0' && out[0] == '\0');
	} else {
		size_t n = strlen(out);
		CHECK(n == size && n <= ALERTS_ADDRESS_MAX);
		const char *at = strchr(out, '@');
		CHECK(at != NULL && strchr(at + 1, '@') == NULL);
		CHECK(at > out && at - out <= ALERTS_LOCAL_MAX);
		CHECK(memcmp(out, typed, (size_t)(at - out)) == 0);
		for (size_t i = 0; i < n; i++) {
			CHECK(out[i] > ' ' && out[i] < 0x7F);
			CHECK(i <= (size_t)(at - out) || !(out[i] >= 'A' && out[i] <= 'Z'));
		}
		CHECK(alerts_address_check(out, n, again) == NULL && strcmp(out, again) == 0);
	}
	free(typed);
	return 0;
}
