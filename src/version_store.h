/* version_store.h: an item's published versions as signed texts, and the public history that chains them
 * (0015_authenticity.sql, docs/authenticity.md). Every published version is recorded in the same transaction
 * as the publication, correction or withdrawal that made it. */
#ifndef PRESSROOM_VERSION_STORE_H
#define PRESSROOM_VERSION_STORE_H
#include <stddef.h>
#include <time.h>

struct arena;
struct db;
struct minisign_key;

/* After an item's revision is saved (and its files copied to it), inside the caller's transaction: if that
 * revision is public (published or withdrawn) and differs from the item's last version, freeze its canonical
 * text as the next version and append its history entry. base_url: the site's scheme and host. Returns 0
 * (recorded, or nothing to record) or -1 (logged; the caller rolls back). */
int version_record(struct db *db, struct arena *a, time_t now, long long item_id, const char *base_url);

/* For each published item that has no version yet (seeded by `db seed`, or published before migration 0015),
 * a revision of it as it stands and its first version from that, in one transaction (`key sign-versions
 * --archive`). Returns how many were recorded, or -1 (logged, nothing recorded). */
int version_record_archive(struct db *db, time_t now, const char *base_url);

/* The id of the version version_record last recorded (0 if none since the last call), and forget it: the
 * worker wakes the signer with it after the request's commit. */
long long version_take_recorded(void);

/* A version as the public reads it: its canonical text, its .minisig (NULL until signed) and number. */
struct version_text {
	const char *text, *signature;
	int version;
};
/* Version n (0: the newest) of item id of kind, if visible at now: 1 and *out, 0 if none, -1 on error. */
int version_public(struct db *db, struct arena *a, time_t now, long long id, const char *kind, int n,
                   struct version_text *out);

/* The history's entries 1..upto as /history.txt shows them at now (docs/authenticity.md, section 3),
 * appended to out: each entry's line, or "<seq> sealed <hash>" for one not yet visible. 0, or -1 on error. */
struct buf;
int version_history_text(struct db *db, struct arena *a, time_t now, long long upto, struct buf *out);
/* The newest signature of /history.txt (0018_history_signature.sql): 1 with the text it signs (entries
 * 1..*seq as at *as_of: version_history_text(db, a, *as_of, *seq, out)) and its .minisig, 0 if none yet,
 * -1 on error. */
int version_history_signed(struct db *db, struct arena *a, long long *seq, long long *as_of, const char **signature);
/* When the next sealed entry opens after now (its visible_at), or 0 if none waits: the signer signs
 * /history.txt again then. */
long long version_next_opening(struct db *db, time_t now);

/* The published version whose canonical text is text (len bytes), if one is visible at now: found by its
 * SHA-256 through an index, never by reading the texts. */
struct version_match {
	long long item_id, visible_at;
	int version;
	const char *change, *kind, *slug, *title;
};
/* 1 and *out, 0 if no version visible at now has that text, -1 on error. */
int version_find_text(struct db *db, struct arena *a, time_t now, const char *text, size_t len,
                      struct version_match *out);

/* The log's head: 1 with the number of entries and the newest entry's hash (sealed or not: /history.txt shows
 * it either way), 0 when the log is empty, -1 on error. For the feeds, which carry it. */
int version_history_head(struct db *db, struct arena *a, long long *entries, const char **hash);

/* Sign every version still unsigned with k (trusted comment "<url> v<N>"), then, if the log grew or a
 * sealed entry opened, /history.txt as it reads now, then, if the log grew, a new checkpoint of it, in one
 * write transaction, if the record lets k sign (key_store_may_sign): the number of versions signed, or -1
 * (an error, or a key the record retired or does not know; logged). */
int version_sign_pending(struct db *db, const struct minisign_key *k);
/* The same inside the caller's write transaction, without the record's check (`key rotate`, which has
 * made it). */
int version_sign_pending_locked(struct db *db, const struct minisign_key *k);
/* The newest signed checkpoint ("pressroom-history: 1", "entries: N", "head: HASH"): 1 with its text and
 * .minisig, 0 if there is none yet, -1 on error. */
int version_checkpoint(struct db *db, struct arena *a, const char **text, const char **signature);

/* Walk the history from its first entry: numbers without gaps, each link the hash of the entry before, each
 * hash that of its line, each text's SHA-256 and fields those of the version it names. Each problem, naming
 * its entry, is appended to problems as one line. Returns the number of problems, or -1 if unreadable. */
struct sqlite3;
int version_check_history(struct sqlite3 *h, struct buf *problems);

#endif
