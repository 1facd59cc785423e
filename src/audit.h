/* audit.h: the audit log: who did what, when, from where. Written in the same transaction as the change. */
#ifndef PRESSROOM_AUDIT_H
#define PRESSROOM_AUDIT_H

struct req;

/* Record action by r->user (or the anonymous visitor) on item_id (0 for none). 0 or -1. */
int audit_log(struct req *r, const char *action, long long item_id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* One line of the log as publishers read it; item_id 0 (and item_title "") when it names no item. */
struct audit_entry {
	long long at, item_id, count;  /* count: how many times the line happened (refused sign-ins of a lock) */
	const char *who, *address, *action, *detail, *item_title;
};
struct arena;
struct db;
/* Up to limit lines, newest first, after skipping offset, into an array owned by a. Count or -1. */
int audit_page(struct db *db, struct arena *a, int limit, long long offset, struct audit_entry **out);

#endif
