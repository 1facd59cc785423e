/* key_set.h: the keys a reader trusts when checking a downloaded copy (`pressroom verify`): the key file they
 * hold, and each key of the site's /signing-keys that a trusted key vouches for by a rotation's signature,
 * with the stretch of history entries it may sign (docs/authenticity.md, section 6). Files only: no database,
 * nothing taken on the list's word but what its signatures prove. */
#ifndef PRESSROOM_KEY_SET_H
#define PRESSROOM_KEY_SET_H
#include <limits.h>
#include <stddef.h>
#include "buf.h"
#include "minisign.h"

#define KEY_SET_MAX 64

struct key_set {
	int n;
	struct trusted_key {
		struct minisign_key k;
		char id[MINISIGN_FINGERPRINT_LEN + 1];
		long long first, last;   /* the entries it may sign: first..last; last LLONG_MAX: no end proven (a key
		                          * retired before the first entry has last 0 and signs none) */
	} keys[KEY_SET_MAX];
};

/* Start from a public key file's text, trusted for every entry until the list proves its stretch. 0, or -1
 * if it is not a minisign public key. */
int key_set_init(struct key_set *s, const char *public_file);
/* Read /signing-keys' text: a key whose endorsement (its public key file signed by the key before it) or
 * retirement (signed by the key after it) a trusted key made becomes trusted, for the entries those
 * signatures' trusted comments name. Each key the list holds that no trusted key vouches for, or whose
 * signatures do not hold, is one line in problems. Returns the number of such problems. */
int key_set_add_list(struct key_set *s, const char *text, struct buf *problems);
/* Check a .minisig over msg: 1 if a trusted key made it and entry (0: none to check) lies in that key's
 * stretch; -1 if a trusted key made it outside its stretch; 0 if no trusted key made it. *who (if given) is
 * the key's id when one made it. */
int key_set_verify(const struct key_set *s, const void *msg, size_t len, const char *sig, long long entry,
                   const char **who);

#endif
