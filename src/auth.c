/* auth.c: passwords, sessions, device cookies and throttling. Every secret comparison is constant-time;
 * every failure looks the same from outside (same message, same argon2 work for unknown names). */
#include "auth.h"

#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "db.h"
#include "log.h"
#include "req.h"
#include "slots.h"

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
/* Set by serve_run from the configuration; the defaults live in config.c alone. */
static int session_idle, session_max;

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

int auth_token_valid(const char *s)
{
	size_t i;
	for (i = 0; i < AUTH_TOKEN_HEX; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[i] == '\0';
}

const char *auth_cookie(struct req *r, const char *base)
{
	if (!r->https)
		return req_cookie(r->arena, r->cookie, base);
	char name[64];
	snprintf(name, sizeof name, "%s%s", AUTH_HTTPS_COOKIE_PREFIX, base);
	return req_cookie(r->arena, r->cookie, name);
}

const char *auth_cookie_header(struct req *r, const char *base, const char *value, const char *path,
                               long max_age)
{
	char age[32] = "";
	if (max_age >= 0)
		snprintf(age, sizeof age, "; Max-Age=%ld", max_age);
	if (r->https)
		return arena_printf(r->arena, "%s%s=%s; Path=/; HttpOnly; SameSite=Strict; Secure%s",
		                    AUTH_HTTPS_COOKIE_PREFIX, base, value, age);
	return arena_printf(r->arena, "%s=%s; Path=%s; HttpOnly; SameSite=Strict%s", base, value, path, age);
}

time_t auth_locked_until(const long long *failures, int n, int threshold, time_t now)
{
	time_t until = 0;
	for (int i = 0; i + threshold - 1 < n; i++) {
		long long newest = failures[i], oldest = failures[i + threshold - 1];
		if (newest - oldest <= AUTH_THROTTLE_WINDOW && newest + AUTH_THROTTLE_LOCK > now &&
		    newest + AUTH_THROTTLE_LOCK > until)
			until = (time_t)(newest + AUTH_THROTTLE_LOCK);
	}
	return until;
}

/* Until when the failures that st (a login_failures_by_* statement, its keys bound from ?2) selects lock
 * attempts out; 0 if they do not. A database error locks nothing: the write that follows fails loudly. */
static time_t locked_by(struct req *r, sqlite3_stmt *st, int threshold)
{
	long long times[64];
	int n = 0;
	sqlite3_bind_int64(st, 1, (long long)r->now - AUTH_THROTTLE_WINDOW - AUTH_THROTTLE_LOCK);
	while (n < 64 && sqlite3_step(st) == SQLITE_ROW)
		times[n++] = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n > 0 ? auth_locked_until(times, n, threshold, r->now) : 0;
}

/* Until when attempts at lname from this browser are refused. device: the hash of the browser's device
 * cookie when it belongs to this officer, else NULL (an unknown browser). An unknown browser is never
 * throttled by failures for the name from elsewhere: that would let anyone lock an officer out by name. */
static time_t locked_until(struct req *r, const char *lname, const unsigned char *device)
{
	sqlite3_stmt *st;
	time_t a = 0, b = 0;
	if (device) {
		if ((st = db_stmt(r->db, STMT_LOGIN_FAILURES_BY_DEVICE)) != NULL) {
			sqlite3_bind_blob(st, 2, device, 32, SQLITE_TRANSIENT);
			a = locked_by(r, st, AUTH_THROTTLE_FAILURES);
		}
		return a;
	}
	if ((st = db_stmt(r->db, STMT_LOGIN_FAILURES_BY_USERNAME_ADDRESS)) != NULL) {
		sqlite3_bind_text(st, 2, lname, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, r->remote_addr, -1, SQLITE_STATIC);
		a = locked_by(r, st, AUTH_THROTTLE_FAILURES);
	}
	if ((st = db_stmt(r->db, STMT_LOGIN_FAILURES_BY_ADDRESS)) != NULL) {
		sqlite3_bind_text(st, 2, r->remote_addr, -1, SQLITE_STATIC);
		b = locked_by(r, st, AUTH_THROTTLE_ADDRESS_FAILURES);
	}
	return a > b ? a : b;
}

static int record_failure(struct req *r, const char *lname, const unsigned char *device)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_LOGIN_FAILURE_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)r->now);
	sqlite3_bind_text(st, 2, lname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, r->remote_addr, -1, SQLITE_STATIC);
	if (device)
		sqlite3_bind_blob(st, 4, device, 32, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int step_done(struct db *db, enum stmt s)
{
	sqlite3_stmt *st = db_stmt(db, s);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Audit one more refused attempt at lname from this address, in the lock that ends at until. A flood of
 * refusals (cheap: no argon2) must neither bury the log nor queue an fsync each: the first refusal of a
 * lock inserts one login-refused row, and each later one adds 1 to that row's count. Those counts are
 * committed with synchronous=NORMAL: written to the WAL, not synced. A crash of the process loses none;
 * a power cut can lose the counts since the last synced commit (any sign-in, save or checkpoint), never
 * the row of a lock that a synced commit followed. Errors are logged: the attempt is refused anyway. */
static void record_refusal(struct req *r, const char *lname, time_t until)
{
	if (step_done(r->db, STMT_SYNC_NORMAL) != 0 || db_begin(r->db) != 0)
		goto fail;
	sqlite3_stmt *st = db_stmt(r->db, STMT_LOGIN_REFUSAL_COUNT);
	if (st == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, lname, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, r->remote_addr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (long long)until);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE) { /* the lock's first refusal */
		if ((st = db_stmt(r->db, STMT_LOGIN_REFUSAL_PRUNE)) == NULL)
			goto fail;
		sqlite3_bind_int64(st, 1, (long long)r->now);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE || audit_log(r, "login-refused", 0, "throttled: %s", lname) != 0 ||
		    (st = db_stmt(r->db, STMT_LOGIN_REFUSAL_INSERT)) == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, lname, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, r->remote_addr, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, (long long)until);
		rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			goto fail;
	} else if (rc != SQLITE_ROW) {
		goto fail;
	}
	if (db_commit(r->db) != 0)
		goto fail;
	step_done(r->db, STMT_SYNC_FULL);
	return;
fail:
	log_error("a refused sign-in could not be audited: %s", db_error(r->db));
	db_rollback(r->db);
	if (step_done(r->db, STMT_SYNC_FULL) != 0)
		log_error("synchronous=FULL could not be restored: %s", db_error(r->db));
}

/* The officer whose live device cookie the request carries, with the cookie's hash in hash; 0 if it
 * carries none (or a dead, malformed or unknown one). */
static long long device_user(struct req *r, unsigned char hash[32])
{
	const char *token = auth_cookie(r, AUTH_DEVICE_COOKIE);
	if (token == NULL || !auth_token_valid(token))
		return 0;
	auth_token_hash(token, hash);
	sqlite3_stmt *st = db_stmt(r->db, STMT_LOGIN_DEVICE_LOOKUP);
	if (st == NULL)
		return 0;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)r->now - AUTH_DEVICE_LIFETIME);
	long long id = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return id;
}

const char *auth_device_cookie(struct req *r)
{
	unsigned char hash[32];
	if (r->user.id == 0 || device_user(r, hash) == r->user.id)
		return NULL;
	char token[AUTH_TOKEN_HEX + 1];
	auth_random_hex(token);
	auth_token_hash(token, hash);
	sqlite3_stmt *st = db_stmt(r->db, STMT_LOGIN_DEVICE_INSERT);
	if (st == NULL)
		return NULL;
	sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, r->user.id);
	sqlite3_bind_int64(st, 3, (long long)r->now);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		log_error("a device cookie could not be stored: %s", db_error(r->db));
		return NULL;
	}
	return auth_cookie_header(r, AUTH_DEVICE_COOKIE, token, "/admin/login", AUTH_DEVICE_LIFETIME);
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
	if (rc != SQLITE_DONE)
		return -1;
	r->csrf = arena_strdup(r->arena, csrf); /* a page shown at once (a form carried through sign-in) needs it */
	return 0;
}

enum login_result auth_login(struct req *r, const char *name, const char *password,
                             char token[AUTH_TOKEN_HEX + 1], time_t *until)
{
	char lname[256];
	size_t i;
	for (i = 0; name[i] && i + 1 < sizeof lname; i++)
		lname[i] = (char)tolower((unsigned char)name[i]);
	lname[i] = '\0';

	char hash[AUTH_HASH_MAX] = "";
	long long user_id = 0;
	int disabled = 1, publisher = 0;
	sqlite3_stmt *st = db_stmt(r->db, STMT_USER_BY_NAME);
	if (st == NULL)
		return LOGIN_ERROR;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		user_id = sqlite3_column_int64(st, 0);
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(st, 3));
		disabled = sqlite3_column_int(st, 4);
		publisher = strcmp((const char *)sqlite3_column_text(st, 2), "publisher") == 0;
	}
	sqlite3_reset(st);

	unsigned char device_hash[32];
	const unsigned char *device = user_id && device_user(r, device_hash) == user_id ? device_hash : NULL;
	*until = locked_until(r, lname, device);
	if (*until > r->now) {
		sodium_memzero(hash, sizeof hash);
		record_refusal(r, lname, *until);
		return LOGIN_LOCKED;
	}

	/* An argon2id check holds a worker for tens of milliseconds: a flood of them must not hold every
	 * worker (slots.h). A refused attempt is not checked, so it is neither a failure nor audited. */
	if (!slots_take(SLOTS_PASSWORD)) {
		sodium_memzero(hash, sizeof hash);
		return LOGIN_BUSY;
	}
	/* Always one argon2 verification, so an unknown name takes as long as a wrong password. */
	int ok = auth_verify_password(user_id ? hash : NULL, password) && !disabled;
	slots_give(SLOTS_PASSWORD);
	sodium_memzero(hash, sizeof hash);

	if (db_begin(r->db) != 0)
		return LOGIN_ERROR;
	if (!ok) {
		if (record_failure(r, lname, device) != 0 ||
		    audit_log(r, "login-failed", 0, "name: %s", lname) != 0 || db_commit(r->db) != 0)
			goto fail;
		return LOGIN_BAD;
	}
	r->user.id = user_id;
	r->user.name = arena_strdup(r->arena, name);
	r->user.role = publisher ? ROLE_PUBLISHER : ROLE_EDITOR;
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
	const char *token = auth_cookie(r, AUTH_SESSION_COOKIE);
	if (token == NULL || !auth_token_valid(token))
		return 0;
	auth_token_hash(token, hash);
	return 1;
}

enum login_result auth_change_password(struct req *r, const char *current, const char *new_password)
{
	char hash[AUTH_HASH_MAX] = "", fresh[AUTH_HASH_MAX];
	unsigned char session[32];
	enum login_result result = LOGIN_ERROR;
	sqlite3_stmt *st = db_stmt(r->db, STMT_USER_BY_NAME);
	if (st == NULL || !cookie_token_hash(r, session))
		return LOGIN_ERROR;
	sqlite3_bind_text(st, 1, r->user.name, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(hash, sizeof hash, "%s", (const char *)sqlite3_column_text(st, 3));
	sqlite3_reset(st);
	if (!slots_take(SLOTS_PASSWORD))
		return LOGIN_BUSY;
	int ok = hash[0] && auth_verify_password(hash, current);
	int hashed = ok && auth_hash_password(new_password, fresh) == 0;
	slots_give(SLOTS_PASSWORD);
	sodium_memzero(hash, sizeof hash);
	if (db_begin(r->db) != 0)
		return LOGIN_ERROR;
	if (!ok) {
		if (audit_log(r, "password-change-refused", 0, "%s", "the current password was wrong") != 0 ||
		    db_commit(r->db) != 0)
			goto fail;
		return LOGIN_BAD;
	}
	if (!hashed)
		goto fail;
	if ((st = db_stmt(r->db, STMT_USER_SET_PASSWORD)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, r->user.name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, fresh, -1, SQLITE_STATIC);
	if (db_run(st) != 0 || (st = db_stmt(r->db, STMT_SESSION_END_USER_OTHERS)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, r->user.id);
	sqlite3_bind_blob(st, 2, session, sizeof session, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 3, (long long)r->now);
	if (db_run(st) != 0 || (st = db_stmt(r->db, STMT_LOGIN_DEVICE_FORGET_USER)) == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, r->user.id);
	if (db_run(st) != 0 ||
	    audit_log(r, "password-change", 0, "%s", "other sessions ended, device cookies forgotten") != 0 ||
	    db_commit(r->db) != 0)
		goto fail;
	result = LOGIN_OK;
	goto out;
fail:
	log_error("changing the password of %s failed: %s", r->user.name, db_error(r->db));
	db_rollback(r->db);
out:
	sodium_memzero(fresh, sizeof fresh);
	return result;
}

int auth_form_was_ours(struct req *r, const char *sent)
{
	if (sent == NULL || !auth_token_valid(sent))
		return 0;
	unsigned char hash[32];
	int ours = 0;
	sqlite3_stmt *st;
	if (cookie_token_hash(r, hash)) {
		if ((st = db_stmt(r->db, STMT_SESSION_CSRF_ANY)) == NULL)
			return -1;
		sqlite3_bind_blob(st, 1, hash, sizeof hash, SQLITE_TRANSIENT);
		if (sqlite3_step(st) == SQLITE_ROW) {
			const char *csrf = (const char *)sqlite3_column_text(st, 0);
			ours = csrf && auth_token_valid(csrf) && auth_equal(sent, csrf);
		}
		sqlite3_reset(st);
	}
	if (!ours && r->user.id) {
		if ((st = db_stmt(r->db, STMT_SESSION_CSRF_OF_USER)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, r->user.id);
		sqlite3_bind_text(st, 2, sent, -1, SQLITE_TRANSIENT);
		ours = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	return ours;
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
	return auth_cookie_header(r, AUTH_SESSION_COOKIE, token ? token : "", "/admin", token ? -1 : 0);
}
