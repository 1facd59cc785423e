/* share.h: preview links, the secret links that show a draft to a reviewer until they expire or are
 * revoked. Only the SHA-256 of a link's token is stored (auth_token_hash), so the table gives none away. */
#ifndef PRESSROOM_SHARE_H
#define PRESSROOM_SHARE_H

#include <time.h>

struct arena;
struct db;

/* Keep a link to item id, made by user at now, until expires. Inside the caller's transaction. 0 or -1. */
int share_create(struct db *db, const unsigned char hash[32], long long id, long long user, time_t now,
                 long long expires);
/* Revoke every live link to item id, as of now. 0 or -1. */
int share_revoke(struct db *db, long long id, time_t now);
/* The item a live link (by its token's hash) shows: its id, 0 when the link is unknown, expired or revoked,
 * -1 on error. */
long long share_lookup(struct db *db, const unsigned char hash[32], time_t now);

/* A live link: when it was made and when it expires. */
struct share_link {
	long long created_at, expires_at;
};
/* The live links to item id, newest first, into an array owned by a. Returns the count, or -1. */
int share_active(struct db *db, struct arena *a, long long id, time_t now, struct share_link **out);

#endif
