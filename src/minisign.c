/* minisign.c: minisign's key, secret key and signature formats over libsodium (docs/authenticity.md,
 * section 2; minisign's own source is the reference). No file or process work here: callers read and write
 * the files, so the signer and the tests use the same bytes. */
#include "minisign.h"

#include <sodium.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define B64 sodium_base64_VARIANT_ORIGINAL
#define SIG_BYTES crypto_sign_ed25519_BYTES   /* 64 */

/* The layouts, byte for byte: public key "Ed" id pk; signature alg id sig; secret key below. */
enum { PUB_BYTES = 2 + MINISIGN_ID_BYTES + 32, SIGLINE_BYTES = 2 + MINISIGN_ID_BYTES + SIG_BYTES,
       SEC_BYTES = 2 + 2 + 2 + 32 + 8 + 8 + MINISIGN_ID_BYTES + 64 + 32 };

static void init(void)
{
	if (sodium_init() < 0)
		abort();
}

void minisign_generate(struct minisign_key *k)
{
	init();
	randombytes_buf(k->id, sizeof k->id);
	crypto_sign_ed25519_keypair(k->pk, k->sk);
}

void minisign_from_seed(struct minisign_key *k, const unsigned char seed[32], const unsigned char id[MINISIGN_ID_BYTES])
{
	init();
	memcpy(k->id, id, sizeof k->id);
	crypto_sign_ed25519_seed_keypair(k->pk, k->sk, seed);
}

void minisign_wipe(struct minisign_key *k)
{
	sodium_memzero(k, sizeof *k);
}

void minisign_fingerprint(char out[MINISIGN_FINGERPRINT_LEN + 1], const struct minisign_key *k)
{
	static const char hex[] = "0123456789ABCDEF";
	for (int i = 0; i < MINISIGN_ID_BYTES; i++) {
		unsigned char b = k->id[MINISIGN_ID_BYTES - 1 - i];
		out[2 * i] = hex[b >> 4];
		out[2 * i + 1] = hex[b & 15];
	}
	out[MINISIGN_FINGERPRINT_LEN] = '\0';
}

static void put_base64(struct buf *out, const unsigned char *bin, size_t len)
{
	char b64[256];
	sodium_bin2base64(b64, sizeof b64, bin, len, B64);
	buf_puts(out, b64);
	buf_putc(out, '\n');
}

/* The second line of a file: its Base64 decoded to exactly want bytes, else -1. line ends at LF or NUL. */
static int get_base64(unsigned char *bin, size_t want, const char *line)
{
	size_t n = strcspn(line, "\r\n"), got = 0;
	if (n == 0 || n > 400)
		return -1;
	if (sodium_base642bin(bin, want, line, n, NULL, &got, NULL, B64) != 0 || got != want)
		return -1;
	return 0;
}

/* The text after the first line, if that line starts with prefix. */
static const char *after_first_line(const char *text, const char *prefix)
{
	if (strncmp(text, prefix, strlen(prefix)) != 0)
		return NULL;
	const char *nl = strchr(text, '\n');
	return nl ? nl + 1 : NULL;
}

void minisign_public_file(struct buf *out, const struct minisign_key *k)
{
	char fp[MINISIGN_FINGERPRINT_LEN + 1];
	unsigned char bin[PUB_BYTES];
	minisign_fingerprint(fp, k);
	memcpy(bin, "Ed", 2);
	memcpy(bin + 2, k->id, MINISIGN_ID_BYTES);
	memcpy(bin + 2 + MINISIGN_ID_BYTES, k->pk, 32);
	buf_printf(out, "untrusted comment: minisign public key %s\n", fp);
	put_base64(out, bin, sizeof bin);
}

int minisign_read_public(struct minisign_key *k, const char *text)
{
	unsigned char bin[PUB_BYTES];
	const char *line = after_first_line(text, "untrusted comment: ");
	if (!line || get_base64(bin, sizeof bin, line) != 0 || memcmp(bin, "Ed", 2) != 0)
		return -1;
	memset(k, 0, sizeof *k);
	memcpy(k->id, bin + 2, MINISIGN_ID_BYTES);
	memcpy(k->pk, bin + 2 + MINISIGN_ID_BYTES, 32);
	return 0;
}

/* minisign's checksum of a secret key: BLAKE2b-256 of "Ed", the id and the secret key. */
static void secret_checksum(unsigned char chk[32], const struct minisign_key *k)
{
	crypto_generichash_state st;
	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, (const unsigned char *)"Ed", 2);
	crypto_generichash_update(&st, k->id, MINISIGN_ID_BYTES);
	crypto_generichash_update(&st, k->sk, 64);
	crypto_generichash_final(&st, chk, 32);
}

/* "Ed", no KDF (two zero bytes), "B2", salt and KDF limits unused (zero), id, secret key, checksum. */
void minisign_secret_file(struct buf *out, const struct minisign_key *k)
{
	unsigned char bin[SEC_BYTES] = {0};
	unsigned char *p = bin + 2 + 2 + 2 + 32 + 8 + 8;
	init();
	memcpy(bin, "Ed", 2);
	memcpy(bin + 4, "B2", 2);
	memcpy(p, k->id, MINISIGN_ID_BYTES);
	memcpy(p + MINISIGN_ID_BYTES, k->sk, 64);
	secret_checksum(p + MINISIGN_ID_BYTES + 64, k);
	buf_puts(out, "untrusted comment: pressroom secret key (minisign format, not encrypted)\n");
	put_base64(out, bin, sizeof bin);
	sodium_memzero(bin, sizeof bin);
}

int minisign_read_secret(struct minisign_key *k, const char *text)
{
	unsigned char bin[SEC_BYTES], chk[32];
	const unsigned char *p = bin + 2 + 2 + 2 + 32 + 8 + 8;
	const char *line = after_first_line(text, "untrusted comment: ");
	int ok = line && get_base64(bin, sizeof bin, line) == 0 && memcmp(bin, "Ed", 2) == 0 &&
	         bin[2] == 0 && bin[3] == 0 && memcmp(bin + 4, "B2", 2) == 0;
	if (ok) {
		init();
		memcpy(k->id, p, MINISIGN_ID_BYTES);
		memcpy(k->sk, p + MINISIGN_ID_BYTES, 64);
		crypto_sign_ed25519_sk_to_pk(k->pk, k->sk);
		secret_checksum(chk, k);
		/* minisign 0.11's `-G -W` writes a zero checksum; the key's own consistency (its public half
		 * derived again from its seed) then still catches a damaged file. */
		unsigned char zero[32] = {0}, seed[32], pk[32], sk[64];
		ok = sodium_memcmp(chk, p + MINISIGN_ID_BYTES + 64, 32) == 0 ||
		     sodium_memcmp(zero, p + MINISIGN_ID_BYTES + 64, 32) == 0;
		crypto_sign_ed25519_sk_to_seed(seed, k->sk);
		crypto_sign_ed25519_seed_keypair(pk, sk, seed);
		ok = ok && sodium_memcmp(pk, k->pk, 32) == 0;
		sodium_memzero(seed, sizeof seed);
		sodium_memzero(sk, sizeof sk);
		if (!ok)
			minisign_wipe(k);
	}
	sodium_memzero(bin, sizeof bin);
	return ok ? 0 : -1;
}

static void prehash(unsigned char h[crypto_generichash_BYTES_MAX], const void *msg, size_t len)
{
	crypto_generichash(h, crypto_generichash_BYTES_MAX, msg, len, NULL, 0);
}

void minisign_sign(struct buf *out, const struct minisign_key *k, const void *msg, size_t len,
                   const char *trusted_comment)
{
	unsigned char h[crypto_generichash_BYTES_MAX], line[SIGLINE_BYTES], global[SIG_BYTES];
	struct buf signed_part = {0};
	char fp[MINISIGN_FINGERPRINT_LEN + 1];

	init();
	prehash(h, msg, len);
	memcpy(line, "ED", 2);
	memcpy(line + 2, k->id, MINISIGN_ID_BYTES);
	crypto_sign_ed25519_detached(line + 2 + MINISIGN_ID_BYTES, NULL, h, sizeof h, k->sk);

	/* The global signature covers the signature and the comment exactly as the file carries it. */
	buf_append(&signed_part, (const char *)line + 2 + MINISIGN_ID_BYTES, SIG_BYTES);
	size_t comment_at = signed_part.len;
	buf_puts(&signed_part, trusted_comment ? trusted_comment : "");
	for (size_t i = comment_at; i < signed_part.len; i++)
		if (signed_part.data[i] == '\n' || signed_part.data[i] == '\r')
			signed_part.data[i] = ' ';
	crypto_sign_ed25519_detached(global, NULL, (const unsigned char *)signed_part.data, signed_part.len, k->sk);

	minisign_fingerprint(fp, k);
	buf_printf(out, "untrusted comment: signature from pressroom secret key %s\n", fp);
	put_base64(out, line, sizeof line);
	buf_puts(out, "trusted comment: ");
	buf_append(out, signed_part.data + comment_at, signed_part.len - comment_at);
	buf_putc(out, '\n');
	put_base64(out, global, sizeof global);
	buf_free(&signed_part);
}

int minisign_verify(const struct minisign_key *k, const void *msg, size_t len, const char *sig,
                    const char **trusted, size_t *trusted_len)
{
	static const char tc[] = "trusted comment: ";
	unsigned char line[SIGLINE_BYTES], global[SIG_BYTES], h[crypto_generichash_BYTES_MAX];
	const char *l2 = after_first_line(sig, "untrusted comment: ");
	const char *l3 = l2 ? strchr(l2, '\n') : NULL;
	if (!l3 || get_base64(line, sizeof line, l2) != 0 || strncmp(++l3, tc, sizeof tc - 1) != 0)
		return -1;
	const char *comment = l3 + sizeof tc - 1, *l4 = strchr(comment, '\n');
	if (!l4 || get_base64(global, sizeof global, l4 + 1) != 0)
		return -1;
	size_t comment_len = (size_t)(l4 - comment);
	if (comment_len && comment[comment_len - 1] == '\r')
		comment_len--;
	if (memcmp(line + 2, k->id, MINISIGN_ID_BYTES) != 0)
		return -1;

	init();
	const unsigned char *s = line + 2 + MINISIGN_ID_BYTES;
	int ok;
	if (memcmp(line, "ED", 2) == 0) {
		prehash(h, msg, len);
		ok = crypto_sign_ed25519_verify_detached(s, h, sizeof h, k->pk) == 0;
	} else if (memcmp(line, "Ed", 2) == 0) {
		ok = crypto_sign_ed25519_verify_detached(s, msg, len, k->pk) == 0;
	} else {
		return -1;
	}
	if (!ok)
		return -1;

	struct buf signed_part = {0};
	buf_append(&signed_part, (const char *)s, SIG_BYTES);
	buf_append(&signed_part, comment, comment_len);
	ok = crypto_sign_ed25519_verify_detached(global, (const unsigned char *)signed_part.data, signed_part.len,
	                                         k->pk) == 0;
	buf_free(&signed_part);
	if (!ok)
		return -1;
	if (trusted)
		*trusted = comment;
	if (trusted_len)
		*trusted_len = comment_len;
	return 0;
}

int minisign_signature_fingerprint(char out[MINISIGN_FINGERPRINT_LEN + 1], const char *sig)
{
	unsigned char bin[2 + MINISIGN_ID_BYTES + 64];
	const char *line = after_first_line(sig, "untrusted comment: ");
	if (!line || get_base64(bin, sizeof bin, line) != 0 || (memcmp(bin, "ED", 2) != 0 && memcmp(bin, "Ed", 2) != 0))
		return -1;
	struct minisign_key k = {0};
	memcpy(k.id, bin + 2, MINISIGN_ID_BYTES);
	minisign_fingerprint(out, &k);
	return 0;
}
