/* subscriber_store.h: email alerts' subscribers as the subscribe pages, the admin and the command line read
 * and write them (issue 16; the schema is migration 0016, the sender that mails the outbox is another
 * module). Double opt-in: a new address is pending until its confirmation token comes back; the tokens are
 * auth_random_hex's 64 hex digits. Strings returned are owned by the arena given. */
#ifndef PRESSROOM_SUBSCRIBER_STORE_H
#define PRESSROOM_SUBSCRIBER_STORE_H

#include <time.h>

struct arena;
struct db;

enum {
	SUBSCRIBER_CONFIRM_LIFETIME = 48 * 3600, /* a confirmation link works this long */
	SUBSCRIBER_CONFIRM_INTERVAL = 3600,      /* at most one confirmation per address this often */
	SUBSCRIBER_FORM_WINDOW = 3600,           /* the subscribe form takes SUBSCRIBER_FORM_POSTS accepted */
	SUBSCRIBER_FORM_POSTS = 10,              /* posts from one client address per SUBSCRIBER_FORM_WINDOW */
	SUBSCRIBER_MAX_LANGS = 8,
	SUBSCRIBER_PENDING_KEPT = 7 * 24 * 3600, /* an unconfirmed address is deleted this long after its link
	                                            expired (its expired link says so until then: 410) */
};

/* What a subscriber receives. */
struct subscriber_prefs {
	int releases, events;                    /* at least one is 1 */
	const char *langs[SUBSCRIBER_MAX_LANGS]; /* the site's language tags, at least one */
	int nlangs;
};

/* The key the per-address throttle counts a client by: an IPv4 address as it is (an IPv4-mapped IPv6 one
 * as its IPv4), an IPv6 one by its /64 ("2001:db8:1:2::/64": one line or host is given a whole /64, and
 * counting each of its addresses apart would count nothing), anything else as it is (cut to fit). */
enum { SUBSCRIBER_KEY_MAX = 64 };
void subscriber_client_key(const char *address, char out[SUBSCRIBER_KEY_MAX]);

enum subscribe_result {
	SUBSCRIBE_QUEUED,    /* a confirmation was queued (a new address, or a pending one after the interval) */
	SUBSCRIBE_QUIET,     /* nothing queued: pending within the interval, or already confirmed */
	SUBSCRIBE_THROTTLED, /* the client address has posted the form too often: *retry_after seconds */
	SUBSCRIBE_ERROR,     /* logged */
};

/* A subscribe form's post from client address for email (as alerts_address_check stores it), in one
 * transaction: the per-address throttle, the deletion of addresses never confirmed (SUBSCRIBER_PENDING_KEPT),
 * then a new pending subscriber and its confirmation (an outbox
 * row kind 'confirm'), or a pending one's new token and confirmation if its last is over an hour old, or
 * nothing for a confirmed one. The visitor's answer must not tell these apart. */
enum subscribe_result subscriber_request(struct db *db, time_t now, const char *address, const char *email,
                                         const struct subscriber_prefs *p, long *retry_after);

enum subscriber_token { SUBSCRIBER_TOKEN_UNKNOWN, SUBSCRIBER_TOKEN_EXPIRED, SUBSCRIBER_TOKEN_LIVE,
                        SUBSCRIBER_TOKEN_ERROR = -1 };
/* Whether a confirmation token may still confirm at now. */
enum subscriber_token subscriber_confirm_state(struct db *db, const char *token, time_t now);
/* Confirm by token at now, once. 1 done (*manage_token set, in a), 0 the token is not live (ask
 * subscriber_confirm_state why), -1 error. */
int subscriber_confirm(struct db *db, struct arena *a, time_t now, const char *token, const char **manage_token);

struct subscriber {
	long long id, confirmed_at;              /* confirmed_at 0: pending */
	const char *email;
	struct subscriber_prefs prefs;
};
/* The subscriber whose manage token this is: 1, 0 none, -1 error. */
int subscriber_by_manage_token(struct db *db, struct arena *a, const char *token, struct subscriber *out);
/* Replace what subscriber id receives, inside the caller's transaction. 0 or -1. */
int subscriber_set_prefs(struct db *db, long long id, const struct subscriber_prefs *p);
/* Delete the subscriber whose manage token this is (its languages and unsent messages go with it), inside
 * the caller's transaction: 1 deleted, 0 no such subscriber, -1 error. */
int subscriber_delete(struct db *db, const char *manage_token);

/* The subscribers of one language: releases and events, confirmed and pending. */
struct subscriber_count {
	const char *lang;
	long long releases, releases_pending, events, events_pending;
};
/* Per language into an array owned by a: the count, or -1. *confirmed and *pending: subscribers in all. */
int subscriber_counts(struct db *db, struct arena *a, struct subscriber_count **out, long long *confirmed,
                      long long *pending);

/* A confirmed subscriber as the data controller's export lists it (pressroom subscribers export). */
struct subscriber_export {
	const char *email, *langs;               /* langs: tags separated by spaces */
	int releases, events;
	long long confirmed_at;
};
/* Every confirmed subscriber, by address, into an array owned by a: the count, or -1. */
int subscriber_export(struct db *db, struct arena *a, struct subscriber_export **out);

/* An item's alerts in the outbox: queued, sent, failed. 0 or -1. */
struct alerts_counts {
	long long queued, sent, failed;
};
int subscriber_item_alerts(struct db *db, long long item_id, struct alerts_counts *out);

#endif
