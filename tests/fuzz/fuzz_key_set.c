/* fuzz_key_set.c: key_set_add_list on any /signing-keys text (a reader downloads it; `pressroom verify`
 * parses it), trusting a fixed key, then key_set_verify of a fixed signature at the entry picked by the first
 * byte.
 *
 * Properties: no memory error; problems are reported exactly when counted; the list never makes a key
 * trusted, nor changes the fixed key's stretch, without a signature by the fixed key, which a fuzzer cannot
 * forge: the fixed key stays the only one, for every entry. */
#include "fuzz.h"

#include "buf.h"
#include "key_set.h"
#include "minisign.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct key_set s;
	static struct minisign_key k;
	static struct buf pub, sig;
	if (pub.data == NULL) {
		unsigned char seed[32] = {1}, id[MINISIGN_ID_BYTES] = {2};
		minisign_from_seed(&k, seed, id);
		minisign_public_file(&pub, &k);
		minisign_sign(&sig, &k, "text", 4, "fuzz");
	}
	if (size < 1)
		return 0;
	char *text = fuzz_string(data + 1, size - 1);
	struct buf problems = {0};
	CHECK(key_set_init(&s, buf_str(&pub)) == 0);
	int bad = key_set_add_list(&s, text, &problems);
	CHECK(bad >= 0 && (bad == 0) == (problems.len == 0));
	CHECK(s.n >= 1 && s.n <= KEY_SET_MAX);
	CHECK(s.n == 1);   /* every other key needs a signature by the fixed key */
	CHECK(s.keys[0].first == 1 && s.keys[0].last == LLONG_MAX);   /* its stretch needs its own signature to change */
	CHECK(key_set_verify(&s, "text", 4, buf_str(&sig), data[0], NULL) == 1);
	buf_free(&problems);
	free(text);
	return 0;
}
