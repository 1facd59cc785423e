/* alerts_outbox.h: the outbox and the WebSub pings as the sender reads and marks them (0016_alerts.sql), and
 * the one retry rule both follow: exponential backoff from a minute, for a day, then failed. */
#ifndef PRESSROOM_ALERTS_OUTBOX_H
#define PRESSROOM_ALERTS_OUTBOX_H
#include <time.h>

struct arena;
struct db;

enum { OUTBOX_GIVE_UP_AFTER = 24 * 3600, OUTBOX_FIRST_RETRY = 60, OUTBOX_LONGEST_WAIT = 3600 };

/* One message to send: an outbox row with its subscriber. Strings owned by the arena. */
struct outbox_row {
	long long id, item_id;         /* item_id 0 for a confirmation */
	const char *kind;              /* "confirm", "alert", "correction" */
	int version, attempts;
	long long queued_at;
	const char *email, *manage_token;
	const char *confirm_token;     /* "" once used or never set */
	long long confirm_expires;
	int confirmed;
	const char *lang;              /* the item's language; a confirmation's: the subscriber's only one, or "" */
};
/* The oldest row due at now: 1 and *out, 0 if none, -1 on error (logged). */
int outbox_take_due(struct db *db, struct arena *a, time_t now, struct outbox_row *out);

struct outbox_ping {
	long long id;
	const char *hub, *topic;
	int attempts;
	long long queued_at;
};
/* The oldest WebSub ping due at now: 1, 0 or -1 as outbox_take_due. */
int outbox_ping_due(struct db *db, struct arena *a, time_t now, struct outbox_ping *out);

/* What became of one attempt, and how it is recorded: each a committed transaction of its own. */
enum outbox_result { OUTBOX_SENT, OUTBOX_RETRY, OUTBOX_REJECTED };
/* Record the attempt at row id (a ping when ping is set) made at now: sent; rejected (failed at once); or to
 * be retried after the backoff unless a day has passed since queued_at (then failed). answer: the relay's
 * or hub's words, kept in the row's error column. 0, or -1 on error (logged). */
int outbox_record(struct db *db, int ping, long long id, enum outbox_result result, time_t now, long long queued_at,
                  int attempts, const char *answer);

/* When the next attempt after attempts failed ones, the last at now, may be made: 60 s doubled each time, at
 * most an hour; 0 when the row has waited a day since queued_at and is to be marked failed. */
long long outbox_next_attempt(time_t now, long long queued_at, int attempts);

/* The earliest next_at of anything queued (outbox or pings), or a far future when nothing is. */
long long outbox_next_at(struct db *db);

#endif
