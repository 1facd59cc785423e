/* fuzz.h: what the libFuzzer harnesses of tests/fuzz share: the entry point, a NUL-terminated copy of the
 * input in a heap block of exactly its size (so AddressSanitizer sees a read past its end), and CHECK, which
 * turns a broken property into a crash that libFuzzer saves. */
#ifndef PRESSROOM_FUZZ_H
#define PRESSROOM_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(cond)                                                                          \
	do {                                                                                 \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: property broken: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                             \
		}                                                                            \
	} while (0)

/* The input up to its first NUL as a C string, in a block of exactly that size; freed by the caller. */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
	const uint8_t *nul = memchr(data, 0, size);
	size_t n = nul ? (size_t)(nul - data) : size;
	char *s = malloc(n + 1);
	CHECK(s != NULL);
	memcpy(s, data, n);
	s[n] = '\0';
	return s;
}

#endif
