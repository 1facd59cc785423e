/* signing_key.h: the office's secret signing key file (minisign's format, minisign.h): made once with mode
 * 0600, read back only if no one else may read it, and never from inside the data folder the workers may
 * write (docs/authenticity.md). */
#ifndef PRESSROOM_SIGNING_KEY_H
#define PRESSROOM_SIGNING_KEY_H
#include <stddef.h>
#include "minisign.h"

/* Write k's secret key file at path, which must not exist yet (O_EXCL), mode 0600, synced to disk.
 * Returns 0, or -1 with the reason in err. */
int signing_key_write(const char *path, const struct minisign_key *k, char *err, size_t errlen);
/* Read the secret key file at path into k. Refused (-1, reason in err) if it is not a regular file, if its
 * group or others may read it, or if it is not a minisign secret key we can use. */
int signing_key_read(const char *path, struct minisign_key *k, char *err, size_t errlen);
/* Whether path lies in folder or below it (both resolved; path's parent must exist): the key must not
 * be where the workers may write. */
int signing_key_inside(const char *path, const char *folder);

/* The public key file (two lines) of the key the server started with, for /signing-key.pub; NULL when no
 * key is configured. Set once in the supervisor before the workers fork. */
const char *signing_key_public_file(void);
/* Read the configured key at path (NULL: none) and keep only its public half; the secret is wiped at once.
 * Returns 0, or -1 with the reason in err (the server then refuses to start: a configured key must work). */
int signing_key_load_public(const char *path, char *err, size_t errlen);

#endif
