/* auth.h: press officers' passwords (argon2id), sessions (a random token in a cookie, only its hash
 * stored), device cookies and sign-in throttling, the anti-forgery tokens of forms, and the names and
 * attributes of the cookies that carry them. Crypto is libsodium's. */
#ifndef PRESSROOM_AUTH_H
#define PRESSROOM_AUTH_H

#include <stddef.h>
#include <time.h>

struct req;
struct db;

enum {
	AUTH_TOKEN_HEX = 64,                 /* 256 random bits as hex */
	AUTH_HASH_MAX = 128,                 /* crypto_pwhash_STRBYTES */
	AUTH_THROTTLE_FAILURES = 5,          /* this many failures of one device cookie, or of unknown
	                                        browsers for one name from one address ... */
	AUTH_THROTTLE_ADDRESS_FAILURES = 20, /* ... or of unknown browsers from one address, any names ... */
	AUTH_THROTTLE_WINDOW = 15 * 60,      /* ... within this many seconds ... */
	AUTH_THROTTLE_LOCK = 15 * 60,        /* ... refuse further attempts of the same kind for this long */
	AUTH_DEVICE_LIFETIME = 365 * 24 * 3600, /* a device cookie is trusted for a year after the sign-in */
	AUTH_PASSWORD_MIN = 10,
};

/* The cookies' names over plain HTTP (development, tests). Over HTTPS each is named with the "__Host-"
 * prefix, which browsers accept only with Secure, Path=/ and no Domain, so that no other site on the
 * domain (a sibling subdomain, a plain-HTTP page) can plant or overwrite one; only that name is read then. */
#define AUTH_SESSION_COOKIE "pressroom_session"
#define AUTH_LOGIN_COOKIE "pressroom_login"   /* the sign-in form's anti-forgery token: no session yet */
#define AUTH_DEVICE_COOKIE "pressroom_device" /* "this browser has signed in as this officer before" */
#define AUTH_FORM_COOKIE "pressroom_form"     /* the public forms' anti-forgery token (subscribing): no session */
#define AUTH_HTTPS_COOKIE_PREFIX "__Host-"

/* A session unused for idle seconds has ended, and none lasts longer than max (defaults 2 h and 12 h;
 * session_idle and session_lifetime in the configuration). */
void auth_set_session_lifetimes(int idle, int max);

/* Initialise libsodium and check the stand-in hash that unknown names are checked against. 0 or -1. */
int auth_init(void);
/* Hash a password with argon2id (t=2, m=19 MiB: OWASP's recommendation) into out. 0 or -1. */
int auth_hash_password(const char *password, char out[AUTH_HASH_MAX]);
/* Does password match hash? 1 or 0. Takes the same time for a NULL hash (an unknown name). */
int auth_verify_password(const char *hash, const char *password);
/* 32 random bytes as 64 lower-case hex digits and a NUL. */
void auth_random_hex(char out[AUTH_TOKEN_HEX + 1]);
/* SHA-256 of a token: what the database stores instead of it. */
void auth_token_hash(const char *token, unsigned char out[32]);
/* Constant-time comparison of two NUL-terminated strings. 1 if equal. */
int auth_equal(const char *a, const char *b);
/* Is s a token as auth_random_hex makes them (AUTH_TOKEN_HEX lower-case hex digits)? 1 or 0. */
int auth_token_valid(const char *s);

/* The value of cookie base (AUTH_*_COOKIE) in r's Cookie header, under the name it has on r's scheme, in
 * r's arena; NULL if absent or given twice. */
const char *auth_cookie(struct req *r, const char *base);
/* The Set-Cookie value for cookie base with value: HttpOnly, SameSite=Strict, on path over HTTP; over
 * HTTPS named "__Host-"+base, Secure and on Path=/. max_age < 0: a browser-session cookie; 0: removes it.
 * In r's arena. */
const char *auth_cookie_header(struct req *r, const char *base, const char *value, const char *path,
                               long max_age);

/* Given the times of recent failures, newest first, until when are attempts refused? 0 if they are not.
 * Refused from the threshold-th failure within AUTH_THROTTLE_WINDOW, for AUTH_THROTTLE_LOCK. */
time_t auth_locked_until(const long long *failures, int n, int threshold, time_t now);

enum login_result { LOGIN_OK, LOGIN_BAD, LOGIN_LOCKED, LOGIN_BUSY, LOGIN_ERROR };

/* Check a sign-in. On LOGIN_OK a session is created and its token written to token (for the cookie), and
 * r->user and r->csrf are the new session's, as auth_session would set them on the next request;
 * failures are recorded and audited. On LOGIN_LOCKED *until says when attempts are taken again. LOGIN_BUSY:
 * every password-check slot is taken (slots.h); nothing was checked or recorded.
 * A browser whose device cookie belongs to the officer named is throttled by that cookie's failures alone;
 * any other browser by its failures for the name from its address, and from its address for any name. */
enum login_result auth_login(struct req *r, const char *name, const char *password,
                             char token[AUTH_TOKEN_HEX + 1], time_t *until);
/* Look up the session cookie: on 1, r->user and r->csrf are set. 0: no live session. -1: error. */
int auth_session(struct req *r);
/* Did this browser's officer get form token sent from one of their own sessions, now expired, ended or
 * replaced? The session the cookie names (whatever its state), or, with a live session, any session of
 * r->user. 1 yes, 0 no (or a token of the wrong shape), -1 error. A refused form that passes is shown
 * again rather than lost; one that does not is a forgery's, and refused. */
int auth_form_was_ours(struct req *r, const char *sent);
/* r->user changes their own password: current is checked (argon2id, in a password-check slot like a
 * sign-in), then new_password (AUTH_PASSWORD_MIN characters at least) is hashed and kept, every other
 * session of theirs ends and their device cookies are forgotten, audited, in one transaction.
 * LOGIN_OK done; LOGIN_BAD current is wrong (audited); LOGIN_BUSY no slot; LOGIN_ERROR (logged). */
enum login_result auth_change_password(struct req *r, const char *current, const char *new_password);
/* End the request's session server-side. */
int auth_logout(struct req *r);
/* The Set-Cookie value for the session token, or, with token NULL, one that removes the cookie. */
const char *auth_session_cookie(struct req *r, const char *token);
/* After LOGIN_OK: the Set-Cookie value of a new device cookie for r->user, or NULL if the browser already
 * has a live one for this officer (or the new one could not be stored: logged, the sign-in stands). */
const char *auth_device_cookie(struct req *r);

#endif
