/* auth.c: passwords, sessions and throttling. Every secret comparison is constant-time; every failure
 * looks the same from outside (same message, same argon2 work for unknown names). */
#include "auth.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "log.h"
#include "req.h"

/* OWASP's argon2id parameters: 2 passes over 19 MiB. Stored inside each hash, so they can be raised later
 * without invalidating existing passwords. */
#define PW_OPSLIMIT 2
#define PW_MEMLIMIT (19u * 1024 * 1024)

/* What a sign-in with an unknown name is checked against, so that it costs what a known name costs: the
 * hash of a random password that was not kept, made with PW_OPSLIMIT and PW_MEMLIMIT. A constant, because
 * computing one at each start was 40 of the 100 ms in which `pressroom serve` must be ready; auth_init
 * refuses to start if the parameters change without it (then make a new one the same way). */
static const char stand_in_hash[AUTH_HASH_MAX] = "$argon2id$v=19$m=19456,t=2,p=1$baI1n/kuvZNySZVk+DnxEQ$"
                                                 "GgrKncGdSSGtCoEWDsSpL5hSVrJf5EAN+1YL33ZNyzU";
static int session_idle = 2 * 3600, session_max = 12 * 3600;

void auth_set_session_lifetimes(int idle, int max)
{
	session_idle = idle;
	session_max = max;
}

int auth_init(void)
{
	if (sodium_init() < 0)
		return -1;
	if (crypto_pwhash_str_needs_rehash(stand_in_hash, PW_OPSLIMIT, PW_MEMLIMIT) != 0) {
		log_error("auth.c: the stand-in hash does not have the current argon2id parameters");
		return -1;
	}
	return 0;
}

int auth_hash_password(const char *password, char out[AUTH_HASH_MAX])
{
	return crypto_pwhash_str_alg(out, password, strlen(password), PW_OPSLIMIT, PW_MEMLIMIT,
	                             crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int auth_verify_password(const char *hash, const char *password)
{
	int ok = crypto_pwhash_str_verify(hash ? hash : stand_in_hash, password, strlen(password)) == 0;
	return hash != NULL && ok;
}

void auth_random_hex(char out[AUTH_TOKEN_HEX + 1])
{
	unsigned char raw[AUTH_TOKEN_HEX / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, AUTH_TOKEN_HEX + 1, raw, sizeof raw);
	sodium_memzero(raw, sizeof raw);
}

void auth_token_hash(const char *token, unsigned char out[32])
{
	crypto_hash_sha256(out, (const unsigned char *)token, strlen(token));
}

int auth_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return 0;
	return sodium_memcmp(a, b, la) == 0;
}

time_t auth_locked_until(const long long *failures, int n, time_t now)
{
	time_t until = 0;
	for (int i = 0; i + AUTH_THROTTLE_FAILURES - 1 < n; i++) {
		long long newest = failures[i], oldest = failures[i + AUTH_THROTTLE_FAILURES - 1];
		if (newest - oldest <= AUTH_THROTTLE_WINDOW && newest + AUTH_THROTTLE_LOCK > now &&
		    newest + AUTH_THROTTLE_LOCK > until)
			until = (time_t)(newest + AUTH_THROTTLE_LOCK);
	}
	return until;
}

/* The recent failures for one name or one address, newest first. Returns the count, or -1. */
static int recent_failures(struct req *r, enum stmt s, const char *key, long long *out, int max)
{
	sqlite3_stmt *st = db_stmt(r->db, s);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (long long)r->now - AUTH_THROTTLE_WINDOW - AUTH_THROTTLE_LOCK);
	int n = 0, rc;
	while (n < max && (rc = sqlite3_step(st)) == SQLITE_ROW)
		out[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

static time_t locked_until(struct req *r, const char *lname)
{
	long long times[64];
	int n = recent_failures(r, STMT_LOGIN_FAILURES_BY_USERNAME, lname, times, 64);
	time_t a = n > 0 ? auth_locked_until(times, n, r->now) : 0;
	n = recent_failures(r, STMT_LOGIN_FAILURES_BY_ADDRESS, r->remote_addr, times, 64);
	time_t b = n > 0 ? auth_locked_until(times, n, r->now) : 0;
	return a > b ? a : b;
}

static int record_failure(struct req *r, const char *lname)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_LOGIN_FAILURE_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)r->now);
	sqlite3_bind_text(st, 2, lname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->remote_addr, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int create_session(struct req *r, long long user_id, char token[AUTH_TOKEN_HEX + 1])
{
	char csrf[AUTH_TOKEN_HEX + 1];
	unsigned char hash[32];
	auth_random_hex(token);
	auth_random_hex(csrf);
	auth_token_hash(token, hash);
	sqlite3_stmt *st = db_stmt(r->db, STMT_SESSION_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_text(st, 3, csrf, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, r->remote_addr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, (long long)r->now);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

enum login_result auth_login(struct req *r, const char *name, const char *password,
                             char token[AUTH_TOKEN_HEX + 1], time_t *until)
{
	char lname[256];
	size_t i;
	for (i = 0; name[i] && i + 1 < sizeof lname; i++)
		lname[i] = (char)tolower((unsigned char)name[i]);
	lname[i] = '\0';

	*until = locked_until(r, lname);
	if (*until > r->now) {
		audit_log(r, "login-refused", 0, "throttled: %s", lname);
		return LOGIN_LOCKED;
	}

	char hash[AUTH_HASH_MAX] = "";
	long long user_id = 0;
	int disabled = 1;
	sqlite3_stmt *st = db_stmt(r->db, STMT_USER_BY_NAME);
	if (st == NULL)
		return LOGIN_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		user_id = sqlite3_column_int64(st, 0);
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(st, 3));
		disabled = sqlite3_column_int(st, 4);
	}
	sqlite3_reset(st);

	/* Always one argon2 verification, so an unknown name takes as long as a wrong password. */
	int ok = auth_verify_password(user_id ? hash : NULL, password) && !disabled;
	sodium_memzero(hash, sizeof hash);

	if (db_begin(r->db) != 0)
		return LOGIN_ERROR;
	if (!ok) {
		if (record_failure(r, lname) != 0 || audit_log(r, "login-failed", 0, "name: %s", lname) != 0 ||
		    db_commit(r->db) != 0)
			goto fail;
		return LOGIN_BAD;
	}
	r->user.id = user_id;
	r->user.name = arena_strdup(r->arena, name);
	if (create_session(r, user_id, token) != 0 || audit_log(r, "login", 0, "%s", "") != 0 ||
	    db_commit(r->db) != 0)
		goto fail;
	return LOGIN_OK;
fail:
	log_error("sign-in could not be recorded: %s", db_error(r->db));
	db_rollback(r->db);
	return LOGIN_ERROR;
}

/* The hash of the request's session cookie; 0 if it carries none of the right shape. */
static int cookie_token_hash(struct req *r, unsigned char hash[32])
{
	const char *token = req_cookie(r->arena, r->cookie, AUTH_SESSION_COOKIE);
	if (token == NULL || strlen(token) != AUTH_TOKEN_HEX)
		return 0;
	auth_token_hash(token, hash);
	return 1;
}

int auth_session(struct req *r)
{
	unsigned char hash[32];
	if (!cookie_token_hash(r, hash))
		return 0;
	sqlite3_stmt *st = db_stmt(r->db, STMT_SESSION_LOOKUP);
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)r->now - session_idle);
	sqlite3_bind_int64(st, 3, (long long)r->now - session_max);
	int rc = sqlite3_step(st), found = 0;
	long long last_seen = 0;
	if (rc == SQLITE_ROW) {
		found = 1;
		r->user.id = sqlite3_column_int64(st, 0);
		r->user.name = arena_strdup(r->arena, (const char *)sqlite3_column_text(st, 1));
		r->user.role = strcmp((const char *)sqlite3_column_text(st, 2), "publisher") == 0 ? ROLE_PUBLISHER
		                                                                                 : ROLE_EDITOR;
		r->csrf = arena_strdup(r->arena, (const char *)sqlite3_column_text(st, 3));
		last_seen = sqlite3_column_int64(st, 4);
	} else if (rc != SQLITE_DONE) {
		found = -1;
	}
	sqlite3_reset(st);
	/* Keep the idle clock running, but write at most once a minute per session. */
	if (found == 1 && r->now - last_seen >= 60 && (st = db_stmt(r->db, STMT_SESSION_TOUCH)) != NULL) {
		sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
		sqlite3_bind_int64(st, 2, (long long)r->now);
		sqlite3_step(st);
		sqlite3_reset(st);
	}
	return found;
}

int auth_logout(struct req *r)
{
	unsigned char hash[32];
	if (!cookie_token_hash(r, hash))
		return 0;
	sqlite3_stmt *st = db_stmt(r->db, STMT_SESSION_END);
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)r->now);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

const char *auth_session_cookie(struct req *r, const char *token)
{
	struct buf b = {0};
	if (token)
		buf_printf(&b, "%s=%s; Path=/admin; HttpOnly; SameSite=Strict%s", AUTH_SESSION_COOKIE, token,
		           r->https ? "; Secure" : "");
	else
		buf_printf(&b, "%s=; Path=/admin; HttpOnly; SameSite=Strict; Max-Age=0%s", AUTH_SESSION_COOKIE,
		           r->https ? "; Secure" : "");
	const char *s = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return s;
}
