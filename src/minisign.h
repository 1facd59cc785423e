/* minisign.h: Ed25519 keys, signatures and their files in minisign's formats, so that a reader checks our
 * signatures with Debian's minisign and nothing of ours (docs/authenticity.md, section 2). */
#ifndef PRESSROOM_MINISIGN_H
#define PRESSROOM_MINISIGN_H
#include <stddef.h>
#include "buf.h"

#define MINISIGN_ID_BYTES 8
#define MINISIGN_FINGERPRINT_LEN 16   /* hex digits, without the NUL */

/* A key pair; a public key read from its file has sk all zero. The owner wipes it with minisign_wipe. */
struct minisign_key {
	unsigned char id[MINISIGN_ID_BYTES];
	unsigned char pk[32];
	unsigned char sk[64];
};

/* A new key pair with a random id. */
void minisign_generate(struct minisign_key *k);
/* The key pair of a fixed seed and id: for known-answer tests. */
void minisign_from_seed(struct minisign_key *k, const unsigned char seed[32], const unsigned char id[MINISIGN_ID_BYTES]);
void minisign_wipe(struct minisign_key *k);

/* The key id as minisign shows it: upper-case hex of the id read as a little-endian number. */
void minisign_fingerprint(char out[MINISIGN_FINGERPRINT_LEN + 1], const struct minisign_key *k);

/* The two-line public key file, and minisign's unencrypted secret key file (as `minisign -G -W` writes). */
void minisign_public_file(struct buf *out, const struct minisign_key *k);
void minisign_secret_file(struct buf *out, const struct minisign_key *k);
/* Read those files back: 0, or -1 if malformed (a secret key also fails its checksum, or if encrypted). */
int minisign_read_public(struct minisign_key *k, const char *text);
int minisign_read_secret(struct minisign_key *k, const char *text);

/* The four-line .minisig of msg: a prehashed "ED" signature and the global signature over it and the
 * trusted comment (one line: any line break becomes a space). */
void minisign_sign(struct buf *out, const struct minisign_key *k, const void *msg, size_t len,
                   const char *trusted_comment);
/* Check a .minisig against msg and a public key, as `minisign -V` does ("ED", and legacy "Ed"): 0 if both
 * signatures hold; -1 otherwise. On success, *trusted (if given) points into sig at the trusted comment,
 * and *trusted_len is its length. */
int minisign_verify(const struct minisign_key *k, const void *msg, size_t len, const char *sig,
                    const char **trusted, size_t *trusted_len);
/* The fingerprint of the key a .minisig names (its key id, as minisign_fingerprint shows it): what a page
 * tells readers to compare with the office's published fingerprint. 0, or -1 if sig is malformed. */
int minisign_signature_fingerprint(char out[MINISIGN_FINGERPRINT_LEN + 1], const char *sig);

#endif
