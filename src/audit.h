/* audit.h: the audit log: who did what, when, from where. Written in the same transaction as the change. */
#ifndef PRESSROOM_AUDIT_H
#define PRESSROOM_AUDIT_H

struct req;

/* Record action by r->user (or the anonymous visitor) on item_id (0 for none). 0 or -1. */
int audit_log(struct req *r, const char *action, long long item_id, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
