/* alerts_outbox.c: the outbox and the WebSub pings, read and marked (alerts_outbox.h). */
#include "alerts_outbox.h"

#include "arena.h"
#include "db.h"
#include "log.h"

int outbox_take_due(struct db *db, struct arena *a, time_t now, struct outbox_row *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_DUE);
	if (st != NULL)
		sqlite3_bind_int64(st, 1, (long long)now);
	return db_take(st, a, DB_INT64(&out->id), DB_TEXT(&out->kind), DB_INT64(&out->item_id), DB_INT(&out->version),
	               DB_INT(&out->attempts), DB_INT64(&out->queued_at), DB_TEXT(&out->email),
	               DB_TEXT(&out->manage_token), DB_TEXT(&out->confirm_token), DB_INT64(&out->confirm_expires),
	               DB_INT(&out->confirmed), DB_TEXT(&out->lang));
}

int outbox_ping_due(struct db *db, struct arena *a, time_t now, struct outbox_ping *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_WEBSUB_DUE);
	if (st != NULL)
		sqlite3_bind_int64(st, 1, (long long)now);
	return db_take(st, a, DB_INT64(&out->id), DB_TEXT(&out->hub), DB_TEXT(&out->topic), DB_INT(&out->attempts),
	               DB_INT64(&out->queued_at));
}

long long outbox_next_attempt(time_t now, long long queued_at, int attempts)
{
	long long wait = OUTBOX_FIRST_RETRY;
	for (int i = 0; i < attempts && wait < OUTBOX_LONGEST_WAIT; i++)
		wait *= 2;
	if (wait > OUTBOX_LONGEST_WAIT)
		wait = OUTBOX_LONGEST_WAIT;
	long long next = (long long)now + wait;
	return next > queued_at + OUTBOX_GIVE_UP_AFTER ? 0 : next;
}

int outbox_record(struct db *db, int ping, long long id, enum outbox_result result, time_t now, long long queued_at,
                  int attempts, const char *answer)
{
	long long next = result == OUTBOX_RETRY ? outbox_next_attempt(now, queued_at, attempts) : 0;
	enum stmt s = result == OUTBOX_SENT ? (ping ? STMT_WEBSUB_SENT : STMT_OUTBOX_SENT)
	            : next ? (ping ? STMT_WEBSUB_RETRY : STMT_OUTBOX_RETRY)
	                   : (ping ? STMT_WEBSUB_FAILED : STMT_OUTBOX_FAILED);
	sqlite3_stmt *st = db_stmt(db, s);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	if (result == OUTBOX_SENT) {
		sqlite3_bind_int64(st, 2, (long long)now);
	} else if (next) {
		sqlite3_bind_int64(st, 2, next);
		sqlite3_bind_text(st, 3, answer, -1, SQLITE_TRANSIENT);
	} else {
		sqlite3_bind_text(st, 2, answer, -1, SQLITE_TRANSIENT);
	}
	return db_run(st);
}

long long outbox_next_at(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_OUTBOX_NEXT_AT);
	if (st == NULL)
		return 0;
	long long t = db_row(st) == 1 ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return t;
}
