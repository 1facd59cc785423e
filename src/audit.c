/* audit.c: audit lines. */
#include "audit.h"

#include <stdarg.h>

#include "arena.h"
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

int audit_page(struct db *db, struct arena *a, int limit, long long offset, struct audit_entry **out)
{
	struct audit_entry *e = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *e);
	*out = e;
	sqlite3_stmt *st = db_page_stmt(db, STMT_AUDIT_PAGE, limit, offset);
	if (st == NULL)
		return -1;
	int n = 0, rc = 1;
	while (n < limit && (rc = db_row(st)) == 1)
		e[n++] = (struct audit_entry){
			.at = sqlite3_column_int64(st, 0),
			.who = db_text_col(a, st, 1),
			.address = db_text_col(a, st, 2),
			.action = db_text_col(a, st, 3),
			.item_id = sqlite3_column_int64(st, 4), /* NULL reads as 0, and no item has id 0 */
			.detail = db_text_col(a, st, 5),
			.item_title = db_text_col(a, st, 6),
			.count = sqlite3_column_int64(st, 7),
		};
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}
