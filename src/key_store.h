/* key_store.h: the office's signing keys on record (0019_signing_keys.sql, docs/authenticity.md, section 6):
 * which key may sign now, a rotation (the new key endorsed by the old, the old retired by the new), and the
 * list /signing-keys serves. The secret halves never reach the database: only public key files and the
 * signatures that link them. */
#ifndef PRESSROOM_KEY_STORE_H
#define PRESSROOM_KEY_STORE_H
#include <time.h>

struct arena;
struct db;
struct minisign_key;

/* A key on record. endorsement is NULL for the first key; valid_until 0, last_entry 0 and retirement NULL
 * while it is the current one. */
struct signing_key_row {
	const char *key_id, *public_file, *endorsement, *retirement;
	time_t valid_from, valid_until;
	long long first_entry, last_entry;
};

/* Whether k may sign now, inside the caller's write transaction: 1 if it is the current key on record, or,
 * none being on record yet, once it is recorded as the first (valid from entry 1); 0 (logged) if the record
 * retired it or names another key: a retired key signs nothing more, and a key file swapped by hand signs
 * nothing until `pressroom key rotate` records it; -1 on error. */
int key_store_may_sign(struct db *db, const struct minisign_key *k, time_t now);

/* Inside the caller's write transaction, once old has signed everything pending: retire old at now (its last
 * entry: the log's head), signed by next, and record next as current from now (the next entry), endorsed by
 * old. 0, or -1 (logged). */
int key_store_rotate(struct db *db, const struct minisign_key *old, const struct minisign_key *next, time_t now);

/* The trusted comments of the two signatures a rotation makes (what a reader's minisign prints), in a. */
const char *key_store_endorsement_comment(struct arena *a, const char *next_id, time_t from, long long first,
                                          const char *old_id);
const char *key_store_retirement_comment(struct arena *a, const char *old_id, time_t until, long long last,
                                         const char *next_id);

/* Every key on record, oldest first, in a: their number (*out set), or -1. */
int key_store_list(struct db *db, struct arena *a, struct signing_key_row **out);

/* The n keys as /signing-keys shows them (docs/authenticity.md, section 6), appended to out. */
struct buf;
void key_store_list_text(struct buf *out, const struct signing_key_row *keys, int n);

/* `pressroom db check`: the record's signatures on db check's read-only handle, checked as a reader's
 * `pressroom verify` checks them from the newest key: each problem one line in problems. Returns the number
 * of problems (0 for a database without the record), or -1 if unreadable. */
struct sqlite3;
int key_store_check(struct sqlite3 *h, struct buf *problems);

#endif
