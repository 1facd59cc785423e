/* store.c: item writes through the named statements. */
#include "store.h"

#include <string.h>

#include "db.h"
#include "log.h"
#include "req.h"

static const char *text_col(struct req *r, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return arena_strdup(r->arena, s ? (const char *)s : "");
}

int store_get(struct req *r, long long id, struct admin_item *out)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_ADMIN_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	if (found == 1) {
		item_from_row(r, st, &out->it);
		out->status = text_col(r, st, 12);
		out->created_by = sqlite3_column_int64(st, 13);
		out->submitted_by = sqlite3_column_int64(st, 14);
		out->review_comment = text_col(r, st, 15);
		out->withdrawn_at = sqlite3_column_int64(st, 16);
		out->withdrawal_note = text_col(r, st, 17);
	}
	sqlite3_reset(st);
	return found;
}

const char *store_shown_status(const char *status, long long published_at, long long now)
{
	return strcmp(status, "published") == 0 && published_at > now ? "scheduled" : status;
}

/* Step a write statement; 0 if it ran and changed a row. */
static int done(struct req *r, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		log_error("%s failed: %s", what, db_error(r->db));
		return -1;
	}
	return sqlite3_changes(db_handle(r->db)) > 0 ? 0 : -1;
}

static void bind_fields(sqlite3_stmt *st, int first, const struct item_fields *f)
{
	sqlite3_bind_text(st, first, f->kind, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 1, f->type, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 2, f->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 3, f->teaser, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 4, f->body, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, first + 5, f->signature, -1, SQLITE_STATIC);
}

long long store_create(struct req *r, const struct item_fields *f, const char *status)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_INSERT);
	if (st == NULL)
		return -1;
	bind_fields(st, 1, f);
	sqlite3_bind_text(st, 7, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, f->published_at);
	sqlite3_bind_int64(st, 9, (long long)r->now);
	sqlite3_bind_int64(st, 10, r->user.id);
	return done(r, st, "item insert") == 0 ? db_last_id(r->db) : -1;
}

int store_update(struct req *r, long long id, const struct item_fields *f, const char *note)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_UPDATE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_fields(st, 2, f);
	sqlite3_bind_int64(st, 8, f->published_at);
	sqlite3_bind_int64(st, 9, (long long)r->now);
	if (note) {
		sqlite3_bind_int64(st, 10, (long long)r->now);
		sqlite3_bind_text(st, 11, note, -1, SQLITE_STATIC);
	}
	return done(r, st, "item update");
}

int store_set_status(struct req *r, long long id, const char *status, const char *comment)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_SET_STATUS);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (long long)r->now);
	if (strcmp(status, "submitted") == 0)
		sqlite3_bind_int64(st, 4, r->user.id);
	if (comment)
		sqlite3_bind_text(st, 5, comment, -1, SQLITE_STATIC);
	return done(r, st, "item status");
}

int store_withdraw(struct req *r, long long id, const char *note)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_WITHDRAW);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)r->now);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	return done(r, st, "item withdrawal");
}

int store_revision(struct req *r, long long id, const char *action, const char *note)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_REVISION_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, r->user.id);
	sqlite3_bind_int64(st, 3, (long long)r->now);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, note ? note : "", -1, SQLITE_STATIC);
	return done(r, st, "revision insert");
}
