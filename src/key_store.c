/* key_store.c: the signing keys on record (key_store.h). Validity is kept both as a time, for people, and as
 * a stretch of history entries, for the verifier: a rotation happens inside one write transaction that
 * first signs everything pending with the old key, so every entry up to the head is the old key's and every
 * later one the new key's, exactly, whatever the clocks of the requests in flight said. */
#include "key_store.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "clock.h"
#include "db.h"
#include "key_set.h"
#include "log.h"
#include "minisign.h"

const char *key_store_endorsement_comment(struct arena *a, const char *next_id, time_t from, long long first,
                                          const char *old_id)
{
	char when[32];
	return arena_printf(a, "pressroom signing key %s valid from %s (history entry %lld), endorsed by %s", next_id,
	                    clock_fmt_iso_utc(from, when, sizeof when), first, old_id);
}

const char *key_store_retirement_comment(struct arena *a, const char *old_id, time_t until, long long last,
                                         const char *next_id)
{
	char when[32];
	return arena_printf(a, "pressroom signing key %s valid until %s (history entry %lld), retired by %s", old_id,
	                    clock_fmt_iso_utc(until, when, sizeof when), last, next_id);
}

/* The log's head number and its first entry's time (now when the log is empty). */
static int extent(struct db *db, time_t now, long long *head, time_t *first_at)
{
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_EXTENT);
	if (st == NULL || db_row(st) != 1)
		return -1;
	*head = sqlite3_column_int64(st, 0);
	*first_at = sqlite3_column_type(st, 1) == SQLITE_NULL ? now : (time_t)sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return 0;
}

static int insert(struct db *db, const struct minisign_key *k, time_t from, long long first, const char *endorsement)
{
	char id[MINISIGN_FINGERPRINT_LEN + 1];
	struct buf pub = {0};
	minisign_fingerprint(id, k);
	minisign_public_file(&pub, k);
	sqlite3_stmt *st = db_stmt(db, STMT_SIGNING_KEY_INSERT);
	int rc = -1;
	if (st != NULL) {
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 2, buf_str(&pub), -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 3, (long long)from);
		sqlite3_bind_int64(st, 4, first);
		if (endorsement)
			sqlite3_bind_text(st, 5, endorsement, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(st, 5);
		rc = db_run(st);
	}
	buf_free(&pub);
	return rc;
}

int key_store_may_sign(struct db *db, const struct minisign_key *k, time_t now)
{
	char id[MINISIGN_FINGERPRINT_LEN + 1];
	minisign_fingerprint(id, k);
	sqlite3_stmt *st = db_stmt(db, STMT_SIGNING_KEY_STATE);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	if (db_row(st) != 1)
		return -1;
	long long keys = sqlite3_column_int64(st, 0);
	int known = sqlite3_column_type(st, 1) != SQLITE_NULL, current = sqlite3_column_int(st, 1);
	sqlite3_reset(st);
	if (known && current)
		return 1;
	if (keys == 0) {
		long long head;
		time_t first_at;
		/* The site's first key signs from the first entry on, made before this row or not. */
		if (extent(db, now, &head, &first_at) != 0 || insert(db, k, first_at, 1, NULL) != 0)
			return -1;
		log_info("signing key %s recorded as the site's first", id);
		return 1;
	}
	if (known)
		log_error("signing key %s was retired by `pressroom key rotate`: it signs nothing more; restart the "
		          "server so that it signs with the new key", id);
	else
		log_error("signing key %s is not the key on record: a key file replaced by hand signs nothing; "
		          "use `pressroom key rotate`", id);
	return 0;
}

int key_store_rotate(struct db *db, const struct minisign_key *old, const struct minisign_key *next, time_t now)
{
	char old_id[MINISIGN_FINGERPRINT_LEN + 1], next_id[MINISIGN_FINGERPRINT_LEN + 1];
	struct arena a = {0};
	struct buf old_pub = {0}, next_pub = {0}, endorsement = {0}, retirement = {0};
	long long head;
	time_t first_at;
	int rc = -1;
	minisign_fingerprint(old_id, old);
	minisign_fingerprint(next_id, next);
	minisign_public_file(&old_pub, old);
	minisign_public_file(&next_pub, next);
	if (extent(db, now, &head, &first_at) != 0)
		goto out;
	/* Each signs the other's public key file, so trust passes both ways: a reader who holds the old key
	 * checks the new one, and one who holds the new key checks the old, and neither can be forged from
	 * public key files alone. */
	minisign_sign(&endorsement, old, next_pub.data, next_pub.len,
	              key_store_endorsement_comment(&a, next_id, now, head + 1, old_id));
	minisign_sign(&retirement, next, old_pub.data, old_pub.len,
	              key_store_retirement_comment(&a, old_id, now, head, next_id));
	sqlite3_stmt *st = db_stmt(db, STMT_SIGNING_KEY_RETIRE);
	if (st == NULL)
		goto out;
	sqlite3_bind_text(st, 1, old_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)now);
	sqlite3_bind_int64(st, 3, head);
	sqlite3_bind_text(st, 4, buf_str(&retirement), -1, SQLITE_TRANSIENT);
	if (db_run(st) != 0 || sqlite3_changes(db_handle(db)) != 1 ||
	    insert(db, next, now, head + 1, buf_str(&endorsement)) != 0) {
		log_error("rotating signing key %s: the record did not take the new key %s", old_id, next_id);
		goto out;
	}
	rc = 0;
out:
	buf_free(&old_pub);
	buf_free(&next_pub);
	buf_free(&endorsement);
	buf_free(&retirement);
	arena_free(&a);
	return rc;
}

/* The rows of st (STMT_SIGNING_KEY_ALL), stepped by step: their number, or -1. */
static int rows_of(struct arena *a, sqlite3_stmt *st, int (*step)(sqlite3_stmt *), struct signing_key_row **out)
{
	struct signing_key_row *rows = NULL;
	int n = 0, cap = 0, rc;
	while ((rc = step(st)) == 1) {
		if (n == cap)
			rows = arena_grow(a, rows, n, &cap, sizeof *rows);
		struct signing_key_row *k = &rows[n++];
		k->key_id = db_text_col(a, st, 0);
		k->public_file = db_text_col(a, st, 1);
		k->valid_from = (time_t)sqlite3_column_int64(st, 2);
		k->first_entry = sqlite3_column_int64(st, 3);
		k->endorsement = sqlite3_column_type(st, 4) == SQLITE_NULL ? NULL : db_text_col(a, st, 4);
		k->valid_until = (time_t)sqlite3_column_int64(st, 5);
		k->last_entry = sqlite3_column_int64(st, 6);
		k->retirement = sqlite3_column_type(st, 7) == SQLITE_NULL ? NULL : db_text_col(a, st, 7);
	}
	*out = rows;
	return rc < 0 ? -1 : n;
}

int key_store_list(struct db *db, struct arena *a, struct signing_key_row **out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SIGNING_KEY_ALL);
	return st == NULL ? -1 : rows_of(a, st, db_row, out);
}

/* sqlite3_step as db_row answers: 1 for a row, 0 at the end, -1 on an error. */
static int raw_row(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* "[name bytes]", the text and its line end: the sections of a canonical text, so each file splits out byte
 * for byte. */
static void section(struct buf *out, const char *name, const char *text)
{
	buf_printf(out, "[%s %zu]\n%s", name, strlen(text), text);
}

void key_store_list_text(struct buf *out, const struct signing_key_row *keys, int n)
{
	char when[32];
	buf_puts(out, "pressroom-signing-keys: 1\n");
	for (int i = 0; i < n; i++) {
		const struct signing_key_row *k = &keys[i];
		buf_printf(out, "\nkey: %s\nvalid-from: %s (history entry %lld)\n", k->key_id,
		           clock_fmt_iso_utc(k->valid_from, when, sizeof when), k->first_entry);
		if (k->retirement)
			buf_printf(out, "valid-until: %s (history entry %lld)\n",
			           clock_fmt_iso_utc(k->valid_until, when, sizeof when), k->last_entry);
		else
			buf_puts(out, "valid-until: current\n");
		section(out, "public-key", k->public_file);
		if (k->endorsement)
			section(out, "endorsement", k->endorsement);
		if (k->retirement)
			section(out, "retirement", k->retirement);
	}
}

int key_store_check(sqlite3 *h, struct buf *problems)
{
	sqlite3_stmt *st = db_prepare_raw(h, STMT_SIGNING_KEY_ALL);
	if (st == NULL)
		return 0;   /* a database from before 0019 (an old backup) has no record to check */
	struct arena a = {0};
	struct signing_key_row *keys;
	int n = rows_of(&a, st, raw_row, &keys), bad = n < 0 ? -1 : 0;
	sqlite3_finalize(st);
	if (n > 0) {
		/* From the newest key, as a reader holding today's /signing-key.pub: every older key must be reached
		 * by the signatures, each for the entries its row records. */
		static struct key_set set;
		struct buf text = {0};
		key_store_list_text(&text, keys, n);
		if (key_set_init(&set, keys[n - 1].public_file) != 0) {
			buf_printf(problems, "signing key %s: its public key file is damaged\n", keys[n - 1].key_id);
			bad = 1;
		} else {
			bad = key_set_add_list(&set, buf_str(&text), problems);
			for (int i = 0; i < set.n; i++)
				for (int j = 0; j < n; j++)
					if (strcmp(set.keys[i].id, keys[j].key_id) == 0 &&
					    (set.keys[i].first != keys[j].first_entry ||
					     set.keys[i].last != (keys[j].retirement ? keys[j].last_entry : LLONG_MAX))) {
						buf_printf(problems, "signing key %s: its signatures give it other entries (from %lld) "
						                     "than its record (%lld to %lld)\n", keys[j].key_id, set.keys[i].first,
						           keys[j].first_entry, keys[j].last_entry);
						bad++;
					}
		}
		buf_free(&text);
	}
	arena_free(&a);
	return bad;
}
