/* housekeeping.c: see housekeeping.h. The ages come from the rules they serve: a device cookie's lifetime
 * (auth.h), the throttles' window, the longest a session can stay open. */
#include "housekeeping.h"

#include <stdio.h>

#include "auth.h"
#include "db.h"
#include "subscriber_store.h"

_Static_assert((int)HOUSEKEEPING_FAILURE_AGE > (int)AUTH_THROTTLE_WINDOW, "a failure must outlive its throttle window");

static int delete_before(struct db *db, enum stmt id, long long before, int *removed)
{
	sqlite3_stmt *st = db_stmt(db, id);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, before);
	if (db_run(st) != 0)
		return -1;
	*removed = sqlite3_changes(db_handle(db));
	return 0;
}

int housekeeping_run(struct db *db, time_t now, struct housekeeping *out, char *err, size_t errlen)
{
	*out = (struct housekeeping){0};
	long long t = (long long)now;
	if (db_begin(db) != 0 ||
	    delete_before(db, STMT_HOUSEKEEPING_SESSIONS, t - HOUSEKEEPING_SESSION_AGE, &out->sessions) != 0 ||
	    delete_before(db, STMT_HOUSEKEEPING_LOGIN_FAILURES, t - HOUSEKEEPING_FAILURE_AGE, &out->login_failures) != 0 ||
	    delete_before(db, STMT_HOUSEKEEPING_LOGIN_DEVICES, t - AUTH_DEVICE_LIFETIME, &out->login_devices) != 0 ||
	    /* also done on each subscribe post; nightly too, for a site whose form nobody uses for weeks */
	    delete_before(db, STMT_SUBSCRIBER_PRUNE_PENDING, t - SUBSCRIBER_PENDING_KEPT, &out->pending_subscribers) != 0 ||
	    delete_before(db, STMT_SUBSCRIBE_ATTEMPTS_PRUNE, t - SUBSCRIBER_FORM_WINDOW, &out->subscribe_attempts) != 0 ||
	    db_commit(db) != 0) {
		snprintf(err, errlen, "removing expired rows failed: %s", db_error(db));
		db_rollback(db);
		return -1;
	}
	return 0;
}
