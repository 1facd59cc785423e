/* audit.c: audit lines. */
#include "audit.h"

#include <stdarg.h>

#include "buf.h"
#include "db.h"
#include "req.h"

int audit_log(struct req *r, const char *action, long long item_id, const char *fmt, ...)
{
	struct buf detail = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&detail, fmt, ap);
	va_end(ap);

	int rc = -1;
	sqlite3_stmt *st = db_stmt(r->db, STMT_AUDIT_INSERT);
	if (st != NULL) {
		sqlite3_bind_int64(st, 1, (long long)r->now);
		if (r->user.id)
			sqlite3_bind_int64(st, 2, r->user.id);
		sqlite3_bind_text(st, 3, r->user.name ? r->user.name : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, r->remote_addr ? r->remote_addr : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, action, -1, SQLITE_STATIC);
		if (item_id)
			sqlite3_bind_int64(st, 6, item_id);
		sqlite3_bind_text(st, 7, buf_str(&detail), -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
		sqlite3_reset(st);
	}
	buf_free(&detail);
	return rc;
}
