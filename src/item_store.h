/* item_store.h: items as press officers read and write them (functions prefixed store_). Each write is one
 * statement; callers wrap a change, its revision and its audit line in one transaction (db_begin/db_commit),
 * so either all happen or none. */
#ifndef PRESSROOM_ITEM_STORE_H
#define PRESSROOM_ITEM_STORE_H

#include <time.h>

#include "item_public.h"

struct req;

/* An item as press officers see it: the public fields and the workflow around them. */
struct admin_item {
	struct item it;
	const char *status;        /* draft, submitted, published, withdrawn */
	long long created_by, submitted_by;
	const char *review_comment;
	long long withdrawn_at;
	const char *withdrawal_note;
};

/* What a form sets. */
struct item_fields {
	const char *kind, *type, *title, *teaser, *body, *signature;
	long long published_at;
};

struct arena;
struct db;

/* Item id, whatever its status, into *out (strings owned by a). 1 found, 0 not, -1 error. */
int store_get(struct db *db, struct arena *a, long long id, struct admin_item *out);

/* One line of the officers' list of every item. */
struct admin_row {
	long long id;
	const char *kind, *type, *title, *status, *author;
	long long published_at, updated_at;
};
/* Up to limit items whatever their status, newest first, after skipping offset, into an array owned by a.
 * Returns the count, or -1. */
int store_list(struct db *db, struct arena *a, int limit, long long offset, struct admin_row **out);

/* The same, narrowed to status ("" or NULL: any; "scheduled" as store_shown_status says at now) and to
 * titles containing words (NULL or "": any; in any case and script, casefold.c). */
int store_list_filtered(struct db *db, struct arena *a, time_t now, const char *status, const char *words,
                        int limit, long long offset, struct admin_row **out);

/* One kept revision of an item: when, by whom, what was done, the status it left and the note. */
struct revision {
	long long at;
	const char *who, *action, *status, *note;
	long long id;
};
/* The latest revisions of item id (at most 50), newest first, into an array owned by a. Count or -1. */
int store_revisions(struct db *db, struct arena *a, long long id, struct revision **out);
/* The status shown to officers: "scheduled" for a published item whose time (published_at) has not come
 * at now, else the stored status. The one place "scheduled" is worked out. */
const char *store_shown_status(const char *status, long long published_at, long long now);

/* The writes: now is when they happen, user the officer who makes them (the session's user id). */
/* Insert a new item; returns its id, or -1. */
long long store_create(struct db *db, time_t now, long long user, const struct item_fields *f, const char *status);
/* Change the content. With note non-NULL the public page will say "Updated <now>: note". 0 or -1. */
int store_update(struct db *db, time_t now, long long id, const struct item_fields *f, const char *note);
/* Move to status; submitted records user as the submitter; comment (may be NULL) is the reviewer's. */
int store_set_status(struct db *db, time_t now, long long user, long long id, const char *status,
                     const char *comment);
/* Withdraw a published item with a note for the public. 0, or -1 (also when it was not published). */
int store_withdraw(struct db *db, time_t now, long long id, const char *note);
/* Keep a revision of the item as it now stands, labelled with action and note. 0 or -1. */
int store_revision(struct db *db, time_t now, long long user, long long id, const char *action, const char *note);

/* Render and keep the HTML of every item body that has none from this binary's renderer (migrated rows,
 * sql/seed.sql, rows written by SQL), a transaction per batch so serving workers wait only briefly. Run by
 * `pressroom db init|migrate|seed|optimize`, never on a request. Returns how many it filled, or -1 (logged). */
int store_fill_html(struct db *db);

#endif
