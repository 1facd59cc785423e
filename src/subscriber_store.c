/* subscriber_store.c: subscribers through the named statements of sql/queries.sql (subscriber_*, outbox_*,
 * subscribe_attempt*). */
#include "subscriber_store.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "db.h"

void subscriber_client_key(const char *address, char out[SUBSCRIBER_KEY_MAX])
{
	struct in6_addr a6;
	char text[INET6_ADDRSTRLEN];
	if (inet_pton(AF_INET6, address, &a6) == 1) {
		if (IN6_IS_ADDR_V4MAPPED(&a6)) {
			inet_ntop(AF_INET, &a6.s6_addr[12], out, SUBSCRIBER_KEY_MAX);
			return;
		}
		memset(&a6.s6_addr[8], 0, 8);
		inet_ntop(AF_INET6, &a6, text, sizeof text);
		snprintf(out, SUBSCRIBER_KEY_MAX, "%s/64", text);
		return;
	}
	snprintf(out, SUBSCRIBER_KEY_MAX, "%s", address);
}

/* The per-address throttle of the subscribe form: a sliding window of SUBSCRIBER_FORM_WINDOW seconds.
 * Attempts live in their own table, subscribe_attempt (migration 0021). 1 refused (*retry_after set),
 * 0 recorded, -1 error. */
static int throttled(struct db *db, time_t now, const char *address, long *retry_after)
{
	long long since = (long long)now - SUBSCRIBER_FORM_WINDOW;
	char key[SUBSCRIBER_KEY_MAX];
	subscriber_client_key(address, key);
	address = key;
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBE_ATTEMPTS);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	db_bind_text(st, 2, address);
	if (db_row(st) != 1)
		return -1;
	long long n = sqlite3_column_int64(st, 0), oldest = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if (n >= SUBSCRIBER_FORM_POSTS) {
		*retry_after = (long)(oldest + SUBSCRIBER_FORM_WINDOW - (long long)now);
		if (*retry_after < 1)
			*retry_after = 1;
		return 1;
	}
	if ((st = db_stmt(db, STMT_SUBSCRIBE_ATTEMPTS_PRUNE)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	if (db_run(st) != 0 || (st = db_stmt(db, STMT_SUBSCRIBE_ATTEMPT_INSERT)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)now);
	db_bind_text(st, 2, address);
	return db_run(st);
}

static int set_languages(struct db *db, long long id, const struct subscriber_prefs *p)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_LANGUAGES_CLEAR);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (db_run(st) != 0)
		return -1;
	for (int i = 0; i < p->nlangs; i++) {
		if ((st = db_stmt(db, STMT_SUBSCRIBER_LANGUAGE_ADD)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, id);
		db_bind_text(st, 2, p->langs[i]);
		if (db_run(st) != 0)
			return -1;
	}
	return 0;
}

static int queue_confirmation(struct db *db, long long id, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_QUEUE_CONFIRM);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	return db_run(st);
}

/* The work of subscriber_request inside its transaction: the same results. */
static enum subscribe_result request(struct db *db, time_t now, const char *email, const struct subscriber_prefs *p)
{
	char token[AUTH_TOKEN_HEX + 1], manage[AUTH_TOKEN_HEX + 1];
	auth_random_hex(token);
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_PRUNE_PENDING);
	if (st == NULL)
		return SUBSCRIBE_ERROR;
	sqlite3_bind_int64(st, 1, (long long)now - SUBSCRIBER_PENDING_KEPT);
	if (db_run(st) != 0 || (st = db_stmt(db, STMT_SUBSCRIBER_BY_EMAIL)) == NULL)
		return SUBSCRIBE_ERROR;
	db_bind_text(st, 1, email);
	int found = db_row(st);
	if (found < 0)
		return SUBSCRIBE_ERROR;
	if (found == 1) {
		long long id = sqlite3_column_int64(st, 0);
		int confirmed = sqlite3_column_type(st, 1) != SQLITE_NULL;
		long long sent = sqlite3_column_int64(st, 2);
		sqlite3_reset(st);
		/* Confirmed: nothing (the outbox has no kind for a reminder, and a form anyone can post must not
		 * mail a subscriber). Pending: one confirmation an hour at most. */
		if (confirmed || sent > (long long)now - SUBSCRIBER_CONFIRM_INTERVAL)
			return SUBSCRIBE_QUIET;
		if ((st = db_stmt(db, STMT_SUBSCRIBER_RENEW_CONFIRMATION)) == NULL)
			return SUBSCRIBE_ERROR;
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, p->releases);
		sqlite3_bind_int(st, 3, p->events);
		db_bind_text(st, 4, token);
		sqlite3_bind_int64(st, 5, (long long)now + SUBSCRIBER_CONFIRM_LIFETIME);
		sqlite3_bind_int64(st, 6, (long long)now);
		if (db_run(st) != 0 || set_languages(db, id, p) != 0 || queue_confirmation(db, id, now) != 0)
			return SUBSCRIBE_ERROR;
		return SUBSCRIBE_QUEUED;
	}
	auth_random_hex(manage);
	if ((st = db_stmt(db, STMT_SUBSCRIBER_INSERT)) == NULL)
		return SUBSCRIBE_ERROR;
	db_bind_text(st, 1, email);
	sqlite3_bind_int(st, 2, p->releases);
	sqlite3_bind_int(st, 3, p->events);
	sqlite3_bind_int64(st, 4, (long long)now);
	db_bind_text(st, 5, token);
	sqlite3_bind_int64(st, 6, (long long)now + SUBSCRIBER_CONFIRM_LIFETIME);
	db_bind_text(st, 7, manage);
	if (db_run(st) != 0)
		return SUBSCRIBE_ERROR;
	long long id = db_last_id(db);
	if (set_languages(db, id, p) != 0 || queue_confirmation(db, id, now) != 0)
		return SUBSCRIBE_ERROR;
	return SUBSCRIBE_QUEUED;
}

enum subscribe_result subscriber_request(struct db *db, time_t now, const char *address, const char *email,
                                         const struct subscriber_prefs *p, long *retry_after)
{
	if (db_begin(db) != 0)
		return SUBSCRIBE_ERROR;
	int t = throttled(db, now, address, retry_after);
	enum subscribe_result res = t < 0 ? SUBSCRIBE_ERROR : t ? SUBSCRIBE_THROTTLED : request(db, now, email, p);
	if (res == SUBSCRIBE_ERROR || res == SUBSCRIBE_THROTTLED) {
		db_rollback(db);
		return res;
	}
	return db_commit(db) == 0 ? res : SUBSCRIBE_ERROR;
}

enum subscriber_token subscriber_confirm_state(struct db *db, const char *token, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_CONFIRM_EXPIRES);
	if (st == NULL)
		return SUBSCRIBER_TOKEN_ERROR;
	db_bind_text(st, 1, token);
	int found = db_row(st);
	if (found != 1)
		return found == 0 ? SUBSCRIBER_TOKEN_UNKNOWN : SUBSCRIBER_TOKEN_ERROR;
	long long expires = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return expires > (long long)now ? SUBSCRIBER_TOKEN_LIVE : SUBSCRIBER_TOKEN_EXPIRED;
}

int subscriber_confirm(struct db *db, struct arena *a, time_t now, const char *token, const char **manage_token)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_CONFIRM);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token);
	sqlite3_bind_int64(st, 2, (long long)now);
	int found = db_row(st);
	if (found != 1)
		return found;
	*manage_token = db_text_col(a, st, 0);
	if (sqlite3_step(st) != SQLITE_DONE) { /* finish the UPDATE ... RETURNING */
		sqlite3_reset(st);
		return -1;
	}
	sqlite3_reset(st);
	return 1;
}

int subscriber_by_manage_token(struct db *db, struct arena *a, const char *token, struct subscriber *out)
{
	*out = (struct subscriber){0};
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_BY_MANAGE_TOKEN);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, token);
	int found = db_row(st);
	if (found != 1)
		return found;
	out->id = sqlite3_column_int64(st, 0);
	out->email = db_text_col(a, st, 1);
	out->prefs.releases = sqlite3_column_int(st, 2);
	out->prefs.events = sqlite3_column_int(st, 3);
	out->confirmed_at = sqlite3_column_int64(st, 4);
	sqlite3_reset(st);
	if ((st = db_stmt(db, STMT_SUBSCRIBER_LANGUAGES)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, out->id);
	int rc;
	while ((rc = db_row(st)) == 1)
		if (out->prefs.nlangs < SUBSCRIBER_MAX_LANGS)
			out->prefs.langs[out->prefs.nlangs++] = db_text_col(a, st, 0);
	return rc < 0 ? -1 : 1;
}

int subscriber_set_prefs(struct db *db, long long id, const struct subscriber_prefs *p)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_SET_KINDS);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, p->releases);
	sqlite3_bind_int(st, 3, p->events);
	if (db_run(st) != 0)
		return -1;
	return set_languages(db, id, p);
}

int subscriber_delete(struct db *db, const char *manage_token)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_DELETE);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, manage_token);
	int found = db_row(st);
	if (found != 1)
		return found;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 1 : -1;
}

int subscriber_counts(struct db *db, struct arena *a, struct subscriber_count **out, long long *confirmed,
                      long long *pending)
{
	*out = NULL;
	*confirmed = *pending = 0;
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_TOTALS);
	if (st == NULL || db_row(st) != 1)
		return -1;
	*confirmed = sqlite3_column_int64(st, 0);
	*pending = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	if ((st = db_stmt(db, STMT_SUBSCRIBER_COUNTS)) == NULL)
		return -1;
	int n = 0, cap = 0, rc;
	struct subscriber_count *c = NULL;
	while ((rc = db_row(st)) == 1) {
		c = arena_grow(a, c, n, &cap, sizeof *c);
		c[n++] = (struct subscriber_count){db_text_col(a, st, 0), sqlite3_column_int64(st, 1),
		                                   sqlite3_column_int64(st, 2), sqlite3_column_int64(st, 3),
		                                   sqlite3_column_int64(st, 4)};
	}
	*out = c;
	return rc < 0 ? -1 : n;
}

int subscriber_export(struct db *db, struct arena *a, struct subscriber_export **out)
{
	*out = NULL;
	sqlite3_stmt *st = db_stmt(db, STMT_SUBSCRIBER_EXPORT);
	if (st == NULL)
		return -1;
	int n = 0, cap = 0, rc;
	struct subscriber_export *e = NULL;
	while ((rc = db_row(st)) == 1) {
		e = arena_grow(a, e, n, &cap, sizeof *e);
		e[n++] = (struct subscriber_export){db_text_col(a, st, 0), db_text_col(a, st, 4), sqlite3_column_int(st, 1),
		                                    sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3)};
	}
	*out = e;
	return rc < 0 ? -1 : n;
}

int subscriber_item_alerts(struct db *db, long long item_id, struct alerts_counts *out)
{
	*out = (struct alerts_counts){0};
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_ITEM_COUNTS);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	if (db_row(st) != 1)
		return -1;
	*out = (struct alerts_counts){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1),
	                              sqlite3_column_int64(st, 2)};
	sqlite3_reset(st);
	return 0;
}
