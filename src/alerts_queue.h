/* alerts_queue.h: publications into outbox rows, feed changes into WebSub pings (issue 16, docs/alerts.md).
 * The sender calls alerts_queue_tick every turn, so an item is announced when it becomes public, a
 * scheduled one at its time, with no page hit; each item's rows and its mark in `announced` are one
 * transaction, so a crash repeats or skips nothing. */
#ifndef PRESSROOM_ALERTS_QUEUE_H
#define PRESSROOM_ALERTS_QUEUE_H
#include <time.h>

struct arena;
struct db;

/* What the sender queues. */
struct alerts_setup {
	int mail;                       /* smtp_url is set: queue alerts (else only mark items announced) */
	const char *const *hubs;        /* WebSub hubs to ping when a feed changes */
	int nhubs;
	const char *base_url;           /* the site's scheme and host, for the feeds' URLs */
	const char *primary_lang;       /* whose feeds have no language prefix */
};

/* At the sender's start: remember when alerts began (the first start only: nothing public before is
 * mailed) and the newest version (no pings for the past). 0 or -1 (logged). */
int alerts_queue_start(struct db *db, time_t now);

/* Announce every item that became public since alerts began and within the last day and is not announced
 * yet, turn correction requests into rows, and queue pings for corrections and withdrawals. Returns how many
 * items or versions it handled, or -1 (logged). */
int alerts_queue_tick(struct db *db, struct arena *a, time_t now, const struct alerts_setup *s);

/* The site's scheme and host when no site_url is set: that of the newest published version's URL, which a
 * worker took from its request (nginx's PRESSROOM_BASE_URL or server block); NULL if none was published yet.
 * Owned by a. */
const char *alerts_known_base_url(struct db *db, struct arena *a);

/* The edit form's "notify subscribers of this correction", inside the correction's transaction: the
 * sender will send the item's newest version, if it is a correction, to its subscribers. 0 or -1. */
int alerts_request_correction(struct db *db, time_t now, long long item_id);

#endif
