/* revision_store.h: an item's kept revisions read whole, and the version check that stops a stale form
 * from overwriting a newer save (functions prefixed revision_). An item's version is the id of its newest
 * revision: every save and every state change keeps one (item_store.c), so a form that carries the
 * version it was loaded from can tell whether anything happened since. */
#ifndef PRESSROOM_REVISION_STORE_H
#define PRESSROOM_REVISION_STORE_H

struct arena;
struct db;

/* A revision as it was saved. */
struct revision_full {
	long long id, at, published_at;
	const char *who, *action, *status, *note, *kind, *type;
	const char *title, *teaser, *body, *signature;
};

/* The current version of item id: its newest revision's id, 0 if it has none yet; -1 on error. Read it
 * inside the write transaction (db_begin) that depends on it, so nothing can come between. */
long long revision_latest(struct db *db, long long item_id);
/* Revision rev of item item_id into *out (strings owned by a). 1 found, 0 not (or of another item), -1. */
int revision_get(struct db *db, struct arena *a, long long item_id, long long rev, struct revision_full *out);

/* Who else has the form open: "NAME opened this form at 10:42" (an officer's last opening, cleared by
 * their save). revision_editing_open records that user opened item_id's form at now, revision_editing_done
 * that they saved it (0 or -1 each); revision_editing_others lists up to 5 other officers who opened it
 * after since, newest first, into an array owned by a (count or -1). */
struct editing {
	const char *who;
	long long opened_at;
};
int revision_editing_open(struct db *db, long long item_id, long long user, long long now);
int revision_editing_done(struct db *db, long long item_id, long long user);
int revision_editing_others(struct db *db, struct arena *a, long long item_id, long long user, long long since,
                            struct editing **out);

#endif
