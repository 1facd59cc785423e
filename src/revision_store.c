/* revision_store.c: an item's kept revisions read whole, and its current version (revision_store.h). */
#include "revision_store.h"

#include "arena.h"
#include "db.h"

long long revision_latest(struct db *db, long long item_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_VERSION);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	long long v = -1;
	if (db_row(st) == 1) {
		v = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	return v;
}

int revision_get(struct db *db, struct arena *a, long long item_id, long long rev, struct revision_full *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_REVISION_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, rev);
	int found = db_row(st);
	if (found == 1) {
		*out = (struct revision_full){
			.id = sqlite3_column_int64(st, 0),
			.at = sqlite3_column_int64(st, 1),
			.who = db_text_col(a, st, 2),
			.action = db_text_col(a, st, 3),
			.status = db_text_col(a, st, 4),
			.title = db_text_col(a, st, 5),
			.teaser = db_text_col(a, st, 6),
			.body = db_text_col(a, st, 7),
			.signature = db_text_col(a, st, 8),
			.published_at = sqlite3_column_int64(st, 9),
			.note = db_text_col(a, st, 10),
			.kind = db_text_col(a, st, 11),
			.type = db_text_col(a, st, 12),
		};
		sqlite3_reset(st);
	}
	return found;
}

int revision_editing_open(struct db *db, long long item_id, long long user, long long now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_EDITING_OPEN);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, user);
	sqlite3_bind_int64(st, 3, now);
	return db_run(st);
}

int revision_editing_done(struct db *db, long long item_id, long long user)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_EDITING_DONE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, user);
	return db_run(st);
}

int revision_editing_others(struct db *db, struct arena *a, long long item_id, long long user, long long since,
                            struct editing **out)
{
	enum { MAX = 5 };
	struct editing *e = arena_alloc(a, MAX * sizeof *e);
	*out = e;
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_EDITING_OTHERS);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, user);
	sqlite3_bind_int64(st, 3, since);
	int n = 0, rc;
	while ((rc = db_row(st)) == 1) {
		if (n < MAX)
			e[n++] = (struct editing){db_text_col(a, st, 0), sqlite3_column_int64(st, 1)};
	}
	return rc < 0 ? -1 : n;
}
