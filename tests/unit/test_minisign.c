/* test_minisign.c: unit tests for minisign.c with known answers: a fixed seed and key id give exactly these
 * key files and this signature (checked once with Debian's minisign 0.11: `minisign -V` accepts the
 * signature, and `minisign -S` with our secret key file makes the same signature line), minisign's own
 * signature and -W key file are read, and any changed byte, comment or key fails. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "buf.h"
#include "minisign.h"

static const char text[] = "Pressroom statement\n";
static const char comment[] = "https://embassy.example/releases/7-joint-statement v2";

static const char public_file[] =
	"untrusted comment: minisign public key A7A6A5A4A3A2A1A0\n"
	"RWSgoaKjpKWmpwOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4\n";
static const char secret_file[] =
	"untrusted comment: pressroom secret key (minisign format, not encrypted)\n"
	"RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAoKGio6SlpqcAAQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHwOhB7/zzhC+HXDdGOdLwJln5NYwm6UNXx3chmQSVTG4jFZY9lVlu7vdE7wPUgjpNDrI4eIpDERHWpjw2UYeam0=\n";
static const char signature_file[] =
	"untrusted comment: signature from pressroom secret key A7A6A5A4A3A2A1A0\n"
	"RUSgoaKjpKWmpy712buTI+oEmvxDewg1/H3krK7YF06gtHoSjqhfH7vhWzaQ38JKv6bBOmw9Yk1bsmc31atH7o9uJx9ht3I1lAg=\n"
	"trusted comment: https://embassy.example/releases/7-joint-statement v2\n"
	"r4Z4/SeiffO/yFqLP7SKKNKpScTlzvyZ0QbCDXcYGOXuu2laBPDrg34r26ZsdvP4yCZcuzLTJ8wXdeImXlY/CQ==\n";
/* What `minisign -S -s <our secret key file> -t "tc here"` wrote for the same text. */
static const char minisign_made[] =
	"untrusted comment: signature from minisign secret key\n"
	"RUSgoaKjpKWmpy712buTI+oEmvxDewg1/H3krK7YF06gtHoSjqhfH7vhWzaQ38JKv6bBOmw9Yk1bsmc31atH7o9uJx9ht3I1lAg=\n"
	"trusted comment: tc here\n"
	"NbZScwZWzl68a6Rb48LQLwXwkadDa2kLCIiPf6bDVpyQFit4ytNTbhv9nXCc4a2ExQniPcQWHHKu4C6FrQ8BDA==\n";
/* A key pair made by `minisign -G -W` (its checksum is zero: minisign 0.11 writes none without a password). */
static const char minisign_secret[] =
	"untrusted comment: minisign encrypted secret key\n"
	"RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAApw+57YFleK3PlpbH4I4xwswCCtEK9IfbQVm9UPV2RTBg1kNNM6U4EPMBZNbDVakhpAlx2IiVF97h6lJEP9XTed8IlikLdxY3AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
static const char minisign_public[] =
	"untrusted comment: minisign public key AD786581EDB90FA7\n"
	"RWSnD7ntgWV4rfMBZNbDVakhpAlx2IiVF97h6lJEP9XTed8IlikLdxY3\n";

static void fixed_key(struct minisign_key *k)
{
	unsigned char seed[32], id[MINISIGN_ID_BYTES];
	for (int i = 0; i < 32; i++)
		seed[i] = (unsigned char)i;
	for (int i = 0; i < MINISIGN_ID_BYTES; i++)
		id[i] = (unsigned char)(0xa0 + i);
	minisign_from_seed(k, seed, id);
}

static void known_answer(void **state)
{
	(void)state;
	struct minisign_key k;
	struct buf b = {0};
	char fp[MINISIGN_FINGERPRINT_LEN + 1];
	fixed_key(&k);
	minisign_fingerprint(fp, &k);
	assert_string_equal(fp, "A7A6A5A4A3A2A1A0");
	minisign_public_file(&b, &k);
	assert_string_equal(buf_str(&b), public_file);
	buf_reset(&b);
	minisign_secret_file(&b, &k);
	assert_string_equal(buf_str(&b), secret_file);
	buf_reset(&b);
	minisign_sign(&b, &k, text, strlen(text), comment);
	assert_string_equal(buf_str(&b), signature_file);
	buf_free(&b);
	minisign_wipe(&k);
}

static void verifies(void **state)
{
	(void)state;
	struct minisign_key pub;
	const char *tc;
	size_t tc_len;
	assert_int_equal(minisign_read_public(&pub, public_file), 0);
	assert_int_equal(minisign_verify(&pub, text, strlen(text), signature_file, &tc, &tc_len), 0);
	assert_int_equal(tc_len, strlen(comment));
	assert_memory_equal(tc, comment, tc_len);
	/* minisign's own signature with our key file. */
	assert_int_equal(minisign_verify(&pub, text, strlen(text), minisign_made, &tc, &tc_len), 0);
	assert_int_equal(tc_len, 7);
}

/* One changed byte of the text, of the comment, or another key: each fails. */
static void refuses(void **state)
{
	(void)state;
	struct minisign_key pub, other;
	char changed[sizeof text];
	memcpy(changed, text, sizeof text);
	changed[0] = 'p';
	assert_int_equal(minisign_read_public(&pub, public_file), 0);
	assert_int_equal(minisign_verify(&pub, changed, strlen(changed), signature_file, NULL, NULL), -1);
	assert_int_equal(minisign_verify(&pub, text, strlen(text) - 1, signature_file, NULL, NULL), -1);

	char forged[sizeof signature_file];
	memcpy(forged, signature_file, sizeof signature_file);
	char *v2 = strstr(forged, " v2\n");
	v2[2] = '1';
	assert_int_equal(minisign_verify(&pub, text, strlen(text), forged, NULL, NULL), -1);

	assert_int_equal(minisign_read_public(&other, minisign_public), 0);
	assert_int_equal(minisign_verify(&other, text, strlen(text), signature_file, NULL, NULL), -1);
	assert_int_equal(minisign_verify(&pub, text, strlen(text), "untrusted comment: x\nnot base64\n", NULL, NULL), -1);
	assert_int_equal(minisign_verify(&pub, text, strlen(text), "", NULL, NULL), -1);
}

/* Our secret key file and minisign's -W one read back to their key pairs; a damaged one is refused. */
static void secret_keys(void **state)
{
	(void)state;
	struct minisign_key k, pub;
	struct buf b = {0};
	assert_int_equal(minisign_read_secret(&k, secret_file), 0);
	minisign_public_file(&b, &k);
	assert_string_equal(buf_str(&b), public_file);
	buf_reset(&b);
	assert_int_equal(minisign_read_secret(&k, minisign_secret), 0);
	minisign_public_file(&b, &k);
	assert_string_equal(buf_str(&b), minisign_public);
	buf_reset(&b);
	/* Signing with minisign's key verifies with its public key file. */
	minisign_sign(&b, &k, text, strlen(text), "x\ny");
	assert_non_null(strstr(buf_str(&b), "trusted comment: x y\n"));
	assert_int_equal(minisign_read_public(&pub, minisign_public), 0);
	assert_int_equal(minisign_verify(&pub, text, strlen(text), buf_str(&b), NULL, NULL), 0);
	buf_free(&b);

	char damaged[sizeof secret_file];
	memcpy(damaged, secret_file, sizeof secret_file);
	char *p = strchr(damaged, '\n') + 1 + 100;   /* a Base64 digit inside the secret key */
	*p = *p == 'A' ? 'B' : 'A';
	assert_int_equal(minisign_read_secret(&k, damaged), -1);
	assert_int_equal(minisign_read_secret(&k, public_file), -1);
	minisign_wipe(&k);
}

/* Two generated keys differ and each signs what the other cannot verify. */
static void generated(void **state)
{
	(void)state;
	struct minisign_key a, b;
	struct buf s = {0};
	minisign_generate(&a);
	minisign_generate(&b);
	assert_memory_not_equal(a.pk, b.pk, 32);
	minisign_sign(&s, &a, text, strlen(text), comment);
	assert_int_equal(minisign_verify(&a, text, strlen(text), buf_str(&s), NULL, NULL), 0);
	assert_int_equal(minisign_verify(&b, text, strlen(text), buf_str(&s), NULL, NULL), -1);
	buf_free(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(known_answer),
		cmocka_unit_test(verifies),
		cmocka_unit_test(refuses),
		cmocka_unit_test(secret_keys),
		cmocka_unit_test(generated),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
