/* housekeeping.h: the rows nothing needs any more, removed by `pressroom db optimize` (run nightly with the
 * backup), so the sign-in and subscription tables do not grow for ever. */
#ifndef PRESSROOM_HOUSEKEEPING_H
#define PRESSROOM_HOUSEKEEPING_H

#include <time.h>

struct db;

enum {
	HOUSEKEEPING_SESSION_AGE = 30 * 86400, /* a session unused or ended this long ago is deleted */
	HOUSEKEEPING_FAILURE_AGE = 86400,      /* sign-in failures are kept a day (throttles look back minutes) */
};

struct housekeeping {
	int sessions, login_failures, login_devices; /* rows removed */
	int pending_subscribers, subscribe_attempts;  /* addresses never confirmed, past throttle rows */
};

/* Remove what has expired at now, in one transaction. 0, or -1 with the reason in err. */
int housekeeping_run(struct db *db, time_t now, struct housekeeping *out, char *err, size_t errlen);

#endif
