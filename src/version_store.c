/* version_store.c: published versions frozen as canonical texts, the hash-chained history, and their
 * signatures (docs/authenticity.md). The texts are made here, once, from the saved revision, so what is
 * signed and hashed never depends on how a page renders later. */
#include "version_store.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "canonical.h"
#include "db.h"
#include "item_public.h"
#include "key_store.h"
#include "log.h"
#include "minisign.h"

enum { HEX = 2 * crypto_hash_sha256_BYTES + 1 };

static long long recorded;   /* the last version recorded, until version_take_recorded */

long long version_take_recorded(void)
{
	long long id = recorded;
	recorded = 0;
	return id;
}

static void sha256_hex(char out[HEX], const char *data, size_t len)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)data, len);
	sodium_bin2hex(out, HEX, h, sizeof h);
}

/* Does the header line at p say only which version this is, its change word or its note? */
static int bookkeeping(const char *p)
{
	return strncmp(p, "version: ", 9) == 0 || strncmp(p, "change: ", 8) == 0 || strncmp(p, "note: ", 6) == 0;
}

/* Do two canonical texts say the same to a reader: every header line but the bookkeeping ones (kind, type,
 * language, time and files among them) and everything after the headers? Equal here, two versions differ only
 * in number, change word or note: not a new version. */
static int same_content(const char *a, const char *b)
{
	for (;;) {
		while (*a != '\n' && bookkeeping(a) && strchr(a, '\n'))
			a = strchr(a, '\n') + 1;
		while (*b != '\n' && bookkeeping(b) && strchr(b, '\n'))
			b = strchr(b, '\n') + 1;
		if (*a == '\n' || *b == '\n')
			return *a == '\n' && *b == '\n' && strcmp(a, b) == 0; /* the blank line, then the sections */
		const char *ea = strchr(a, '\n'), *eb = strchr(b, '\n');
		if (ea == NULL || eb == NULL || ea - a != eb - b || memcmp(a, b, (size_t)(ea - a)) != 0)
			return 0;
		a = ea + 1;
		b = eb + 1;
	}
}

/* The revision's files, ordered as the canonical text lists them. */
static size_t files_of(struct db *db, struct arena *a, long long revision, struct canon_file **out)
{
	size_t n = 0, cap = 0;
	struct canon_file *f = NULL;
	sqlite3_stmt *st = db_stmt(db, STMT_VERSION_FILES);
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, revision);
	while (db_row(st) == 1) {
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			struct canon_file *bigger = arena_alloc(a, cap * sizeof *bigger);
			if (n)
				memcpy(bigger, f, n * sizeof *f);
			f = bigger;
		}
		f[n].sha256 = db_text_col(a, st, 0);
		f[n].format = db_text_col(a, st, 1);
		f[n].width = sqlite3_column_int(st, 2);
		n++;
	}
	*out = f;
	return n;
}

/* An entry's line (docs/authenticity.md, section 3), appended to out. */
static void entry_line(struct buf *out, long long seq, long long at, const char *change, int version,
                       const char *text_sha256, const char *prev, const char *url)
{
	char when[32];
	time_t t = (time_t)at;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_printf(out, "%lld %s %s %d %s %s %s", seq, when, change, version, text_sha256, prev, url);
}

/* The hash of an entry: the SHA-256 of its line. */
static void entry_hash(char out[HEX], long long seq, long long at, const char *change, int version,
                       const char *text_sha256, const char *prev, const char *url)
{
	struct buf line = {0};
	entry_line(&line, seq, at, change, version, text_sha256, prev, url);
	sha256_hex(out, line.data, line.len);
	buf_free(&line);
}

/* Append the history entry of version (id vid): its line's hash chains it to the entry before. */
static int append_history(struct db *db, time_t now, long long visible, long long vid, const char *url,
                          int version, const char *change, const char *text_sha256)
{
	char prev[HEX], hash[HEX];
	long long seq = 1;
	memset(prev, '0', HEX - 1);
	prev[HEX - 1] = '\0';
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_HEAD);
	if (st == NULL)
		return -1;
	int rc = db_row(st);
	if (rc < 0)
		return -1;
	if (rc == 1) {
		seq = sqlite3_column_int64(st, 0) + 1;
		snprintf(prev, sizeof prev, "%s", (const char *)sqlite3_column_text(st, 1));
		sqlite3_reset(st);
	}
	entry_hash(hash, seq, (long long)now, change, version, text_sha256, prev, url);

	if ((st = db_stmt(db, STMT_HISTORY_INSERT)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, seq);
	sqlite3_bind_int64(st, 2, (long long)now);
	sqlite3_bind_int64(st, 3, visible);
	sqlite3_bind_int64(st, 4, vid);
	sqlite3_bind_text(st, 5, url, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 6, version);
	sqlite3_bind_text(st, 7, change, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, text_sha256, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 9, prev, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 10, hash, -1, SQLITE_TRANSIENT);
	return db_run(st);
}

int version_record(struct db *db, struct arena *a, time_t now, long long item_id, const char *base_url)
{
	sqlite3_stmt *st = db_stmt(db, STMT_VERSION_LATEST_REVISION);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	if (db_row(st) != 1)
		return -1;
	long long revision = sqlite3_column_int64(st, 0), published_at = sqlite3_column_int64(st, 8);
	const char *status = db_text_col(a, st, 1);
	struct canon_version v = {
		.kind = db_text_col(a, st, 2), .type = db_text_col(a, st, 3), .title = db_text_col(a, st, 4),
		.teaser = db_text_col(a, st, 5), .body = db_text_col(a, st, 6), .signature = db_text_col(a, st, 7),
		.published_at = published_at, .note = db_text_col(a, st, 9), .lang = db_text_col(a, st, 10),
	};
	const char *slug = db_text_col(a, st, 11);
	sqlite3_reset(st);
	int withdrawn = strcmp(status, "withdrawn") == 0;
	if (!withdrawn && strcmp(status, "published") != 0)
		return 0;

	int last = 0;
	const char *last_change = "", *last_text = "";
	if ((st = db_stmt(db, STMT_VERSION_LAST_OF_ITEM)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	if (db_take(st, a, DB_INT(&last), DB_TEXT(&last_change), DB_TEXT(&last_text)) < 0)
		return -1;
	if (strcmp(last_change, "withdrawn") == 0)
		return 0;   /* a withdrawal is the last word */
	v.change = withdrawn ? "withdrawn" : last ? "corrected" : "published";
	if (!last)
		v.note = "";
	v.version = last + 1;
	v.site = base_url;
	v.url = arena_printf(a, "%s/%s/%lld-%s", base_url, item_kind_segment(v.kind), item_id, slug);
	v.nfiles = files_of(db, a, revision, (struct canon_file **)&v.files);

	struct buf text = {0};
	canonical_text(&text, &v);
	if (last && !withdrawn && same_content(last_text, buf_str(&text))) {
		buf_free(&text);
		return 0;   /* saved again without a change the reader would see ("checked, still accurate") */
	}
	char text_sha256[HEX];
	sha256_hex(text_sha256, text.data, text.len);
	long long visible = !last ? published_at : published_at > (long long)now ? published_at : (long long)now;

	int rc = -1;
	if ((st = db_stmt(db, STMT_VERSION_INSERT)) != NULL) {
		sqlite3_bind_int64(st, 1, item_id);
		sqlite3_bind_int(st, 2, v.version);
		sqlite3_bind_int64(st, 3, revision);
		sqlite3_bind_text(st, 4, v.change, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, visible);
		sqlite3_bind_text(st, 6, v.url, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, text.data, (int)text.len, SQLITE_STATIC);
		sqlite3_bind_text(st, 8, text_sha256, -1, SQLITE_STATIC);
		rc = db_run(st);
	}
	long long vid = rc == 0 ? db_last_id(db) : 0;
	if (rc == 0)
		rc = append_history(db, now, visible, vid, v.url, v.version, v.change, text_sha256);
	if (rc == 0)
		recorded = vid;   /* the worker wakes the signer with it once the transaction is committed */
	buf_free(&text);
	if (rc != 0)
		log_error("recording version %d of item %lld failed: %s", v.version, item_id, db_error(db));
	return rc;
}

int version_record_archive(struct db *db, time_t now, const char *base_url)
{
	struct arena a = {0};
	int n = 0;
	if (db_begin(db) != 0)
		return -1;
	/* A batch at a time: each batch's items have a version afterwards, so the next query skips them; a batch
	 * not full was the last. */
	long long ids[64];
	for (int got = (int)(sizeof ids / sizeof ids[0]); got == (int)(sizeof ids / sizeof ids[0]) && n >= 0; ) {
		got = 0;
		sqlite3_stmt *st = db_stmt(db, STMT_VERSION_UNVERSIONED_ITEMS);
		if (st == NULL) {
			n = -1;
			break;
		}
		sqlite3_bind_int(st, 1, (int)(sizeof ids / sizeof ids[0]));
		int rc;
		while ((rc = db_row(st)) == 1)
			ids[got++] = sqlite3_column_int64(st, 0);
		if (rc < 0)
			n = -1;
		for (int i = 0; i < got && n >= 0; i++) {
			arena_reset(&a);
			/* version_record freezes the item's newest revision; these items have none, so one is made of
			 * the item as it stands, by no officer. */
			if ((st = db_stmt(db, STMT_REVISION_INSERT)) == NULL) {
				n = -1;
				break;
			}
			sqlite3_bind_int64(st, 1, ids[i]);
			sqlite3_bind_null(st, 2);
			sqlite3_bind_int64(st, 3, (long long)now);
			sqlite3_bind_text(st, 4, "publish", -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 5, "", -1, SQLITE_STATIC);
			if (db_run(st) != 0 || version_record(db, &a, now, ids[i], base_url) != 0)
				n = -1;
			else
				n++;
		}
	}
	arena_free(&a);
	if (n < 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	(void)version_take_recorded();   /* the caller signs everything pending itself */
	return n;
}

int version_public(struct db *db, struct arena *a, time_t now, long long id, const char *kind, int n,
                   struct version_text *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_VERSION_PUBLIC);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, n);
	sqlite3_bind_int64(st, 4, (long long)now);
	int rc = db_row(st);
	if (rc != 1)
		return rc;
	out->text = db_text_col(a, st, 0);
	out->signature = sqlite3_column_type(st, 1) == SQLITE_NULL ? NULL : db_text_col(a, st, 1);
	out->version = sqlite3_column_int(st, 2);
	sqlite3_reset(st);
	return 1;
}

/* After new entries: sign "the log had N entries, and this head" (docs/authenticity.md, section 3). */
static int sign_checkpoint(struct db *db, const struct minisign_key *k)
{
	sqlite3_stmt *st = db_stmt(db, STMT_CHECKPOINT_DUE);
	if (st == NULL)
		return -1;
	int rc = db_row(st);
	if (rc <= 0)
		return rc;
	long long seq = sqlite3_column_int64(st, 0);
	struct buf text = {0}, sig = {0};
	buf_printf(&text, "pressroom-history: 1\nentries: %lld\nhead: %s\n", seq, (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	minisign_sign(&sig, k, text.data, text.len, "pressroom history checkpoint");
	rc = -1;
	if ((st = db_stmt(db, STMT_CHECKPOINT_INSERT)) != NULL) {
		sqlite3_bind_int64(st, 1, seq);
		sqlite3_bind_text(st, 2, buf_str(&text), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, buf_str(&sig), -1, SQLITE_STATIC);
		rc = db_run(st);
	}
	buf_free(&text);
	buf_free(&sig);
	return rc;
}

/* The text /history.txt serves at now when nothing was signed yet, or when the last signed text is out
 * of date (an entry appended, or a sealed one opened since): sign it and note which text it was (its last
 * entry and now), so the server can rebuild the same bytes from the rows, which never change. */
static int sign_history_text(struct db *db, const struct minisign_key *k, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_HEAD);
	if (st == NULL)
		return -1;
	int rc = db_row(st);
	if (rc <= 0)
		return rc;   /* an empty log: nothing to sign */
	long long head = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	struct arena a = {0};
	long long seq, as_of;
	const char *signature;
	rc = version_history_signed(db, &a, &seq, &as_of, &signature);
	if (rc == 1 && seq == head) {
		if ((st = db_stmt(db, STMT_HISTORY_OPENINGS)) == NULL) {
			arena_free(&a);
			return -1;
		}
		sqlite3_bind_int64(st, 1, seq);
		sqlite3_bind_int64(st, 2, as_of);
		sqlite3_bind_int64(st, 3, (long long)now);
		rc = db_row(st);
		long long opened = rc == 1 ? sqlite3_column_int64(st, 0) : 0;
		if (rc == 1)
			sqlite3_reset(st);
		if (rc < 0 || opened == 0) {
			arena_free(&a);
			return rc < 0 ? -1 : 0;   /* the text signed last is the text served now */
		}
	} else if (rc < 0) {
		arena_free(&a);
		return -1;
	}
	struct buf text = {0}, sig = {0};
	char when[32];
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	rc = version_history_text(db, &a, now, head, &text);
	if (rc == 0) {
		minisign_sign(&sig, k, text.data, text.len,
		              arena_printf(&a, "pressroom history: %lld entries as of %s", head, when));
		rc = -1;
		if ((st = db_stmt(db, STMT_HISTORY_TEXT_SIGNATURE_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, head);
			sqlite3_bind_int64(st, 2, (long long)now);
			sqlite3_bind_text(st, 3, buf_str(&sig), -1, SQLITE_STATIC);
			rc = db_run(st);
		}
	}
	buf_free(&text);
	buf_free(&sig);
	arena_free(&a);
	return rc;
}

int version_history_signed(struct db *db, struct arena *a, long long *seq, long long *as_of, const char **signature)
{
	return db_take(db_stmt(db, STMT_HISTORY_TEXT_SIGNATURE_LATEST), a, DB_INT64(seq), DB_INT64(as_of),
	               DB_TEXT(signature));
}

long long version_next_opening(struct db *db, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_NEXT_OPENING);
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, (long long)now);
	if (db_row(st) != 1)
		return 0;
	long long at = sqlite3_column_int64(st, 0);   /* NULL (none waits) reads as 0 */
	sqlite3_reset(st);
	return at;
}

int version_checkpoint(struct db *db, struct arena *a, const char **text, const char **signature)
{
	return db_take(db_stmt(db, STMT_CHECKPOINT_LATEST), a, DB_TEXT(text), DB_TEXT(signature));
}

int version_sign_pending(struct db *db, const struct minisign_key *k)
{
	/* One write transaction, so that a rotation (which takes it too) falls wholly before or after: a key
	 * the record has just retired never signs an entry made after its retirement. */
	if (db_begin(db) != 0)
		return -1;
	int n = key_store_may_sign(db, k, time(NULL));
	if (n == 1)
		n = version_sign_pending_locked(db, k);
	else if (n == 0)
		n = -1;
	if (n < 0 || db_commit(db) != 0) {
		db_rollback(db);
		return -1;
	}
	return n;
}

int version_sign_pending_locked(struct db *db, const struct minisign_key *k)
{
	struct arena a = {0};
	int signed_now = 0;
	for (;;) {
		arena_reset(&a);
		sqlite3_stmt *st = db_stmt(db, STMT_VERSION_UNSIGNED);
		if (st == NULL)
			break;
		int rc = db_row(st);
		if (rc <= 0) {
			if (rc < 0)
				signed_now = -1;
			break;
		}
		long long id = sqlite3_column_int64(st, 0);
		const char *url = db_text_col(&a, st, 1), *text = db_text_col(&a, st, 3);
		int version = sqlite3_column_int(st, 2);
		size_t len = (size_t)sqlite3_column_bytes(st, 3);
		sqlite3_reset(st);

		struct buf sig = {0};
		minisign_sign(&sig, k, text, len, arena_printf(&a, "%s v%d", url, version));
		if ((st = db_stmt(db, STMT_VERSION_SIGN)) == NULL) {
			buf_free(&sig);
			signed_now = -1;
			break;
		}
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_text(st, 2, buf_str(&sig), -1, SQLITE_STATIC);
		rc = db_run(st);
		buf_free(&sig);
		if (rc != 0) {
			signed_now = -1;
			break;
		}
		signed_now++;
	}
	arena_free(&a);
	/* The log's text first, then the checkpoint: a reader who sees a checkpoint of N entries finds them
	 * in /history.txt too. */
	if (signed_now >= 0 && (sign_history_text(db, k, time(NULL)) != 0 || sign_checkpoint(db, k) != 0))
		signed_now = -1;
	return signed_now;
}

int version_check_history(sqlite3 *h, struct buf *problems)
{
	struct arena a = {0};
	char prev[HEX], hash[HEX], text_hash[HEX];
	memset(prev, '0', HEX - 1);
	prev[HEX - 1] = '\0';
	long long expect = 1;
	int bad = 0, rc;
	sqlite3_stmt *st = db_prepare_raw(h, STMT_HISTORY_ALL);   /* db check's read-only handle */
	if (st == NULL)
		return 0;   /* a database from before 0015 (an old backup) has no history to walk */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		arena_reset(&a);
		long long seq = sqlite3_column_int64(st, 0), at = sqlite3_column_int64(st, 1);
		const char *change = db_text_col(&a, st, 2), *text_sha256 = db_text_col(&a, st, 4);
		const char *link = db_text_col(&a, st, 5), *url = db_text_col(&a, st, 6), *stored = db_text_col(&a, st, 7);
		int version = sqlite3_column_int(st, 3);
		if (seq != expect)
			buf_printf(problems, "history entry %lld: expected entry %lld here (an entry is missing)\n", seq, expect), bad++;
		if (strcmp(link, prev) != 0)
			buf_printf(problems, "history entry %lld: its link is not the hash of the entry before\n", seq), bad++;
		entry_hash(hash, seq, at, change, version, text_sha256, link, url);
		if (strcmp(hash, stored) != 0)
			buf_printf(problems, "history entry %lld: its hash is not that of its line (the entry was altered)\n", seq), bad++;
		if (sqlite3_column_type(st, 8) == SQLITE_NULL) {
			buf_printf(problems, "history entry %lld: the version it names is missing\n", seq), bad++;
		} else {
			sha256_hex(text_hash, (const char *)sqlite3_column_text(st, 8), (size_t)sqlite3_column_bytes(st, 8));
			if (strcmp(text_hash, text_sha256) != 0)
				buf_printf(problems, "history entry %lld: the version's text does not have the hash it records\n", seq), bad++;
			if (strcmp(db_text_col(&a, st, 9), url) != 0 || sqlite3_column_int(st, 10) != version ||
			    strcmp(db_text_col(&a, st, 11), change) != 0)
				buf_printf(problems, "history entry %lld: its URL, number or change differ from its version's\n", seq), bad++;
		}
		snprintf(prev, sizeof prev, "%s", stored);
		expect = seq + 1;
	}
	sqlite3_finalize(st);
	arena_free(&a);
	return rc != SQLITE_DONE ? -1 : bad;
}

int version_history_head(struct db *db, struct arena *a, long long *entries, const char **hash)
{
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_HEAD);
	if (st == NULL)
		return -1;
	int rc = db_row(st);
	if (rc == 1) {
		*entries = sqlite3_column_int64(st, 0);
		*hash = db_text_col(a, st, 1);
		sqlite3_reset(st);
	}
	return rc;
}

int version_history_text(struct db *db, struct arena *a, time_t now, long long upto, struct buf *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_PUBLIC);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)now);
	sqlite3_bind_int64(st, 2, upto);
	int rc;
	while ((rc = db_row(st)) == 1) {
		long long seq = sqlite3_column_int64(st, 0);
		if (!sqlite3_column_int(st, 8)) {
			/* Sealed: its hash alone keeps the chain checkable; its line appears at the item's time. */
			buf_printf(out, "%lld sealed %s\n", seq, db_text_col(a, st, 7));
			continue;
		}
		entry_line(out, seq, sqlite3_column_int64(st, 1), db_text_col(a, st, 2), sqlite3_column_int(st, 3),
		           db_text_col(a, st, 4), db_text_col(a, st, 5), db_text_col(a, st, 6));
		buf_putc(out, '\n');
	}
	return rc < 0 ? -1 : 0;
}

int version_find_text(struct db *db, struct arena *a, time_t now, const char *text, size_t len,
                      struct version_match *out)
{
	char hash[HEX];
	sha256_hex(hash, text, len);
	sqlite3_stmt *st = db_stmt(db, STMT_VERSION_BY_SHA256);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, hash, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)now);
	int rc = db_row(st);
	if (rc != 1)
		return rc;
	out->item_id = sqlite3_column_int64(st, 0);
	out->version = sqlite3_column_int(st, 1);
	out->change = db_text_col(a, st, 2);
	out->visible_at = sqlite3_column_int64(st, 3);
	out->kind = db_text_col(a, st, 4);
	out->slug = db_text_col(a, st, 5);
	out->title = db_text_col(a, st, 6);
	sqlite3_reset(st);
	return 1;
}
