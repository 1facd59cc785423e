/* share.c: preview links through the named statements of sql/queries.sql (preview_*). */
#include "share.h"

#include <string.h>

#include "arena.h"
#include "db.h"

int share_create(struct db *db, const unsigned char hash[32], long long id, long long user, time_t now,
                 long long expires)
{
	sqlite3_stmt *st = db_stmt(db, STMT_PREVIEW_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, id);
	sqlite3_bind_int64(st, 3, user);
	sqlite3_bind_int64(st, 4, (long long)now);
	sqlite3_bind_int64(st, 5, expires);
	return db_run(st);
}

int share_revoke(struct db *db, long long id, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_PREVIEW_REVOKE_ITEM);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	return db_run(st);
}

long long share_lookup(struct db *db, const unsigned char hash[32], time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_PREVIEW_LOOKUP);
	if (st == NULL)
		return -1;
	sqlite3_bind_blob(st, 1, hash, 32, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (long long)now);
	int found = db_row(st);
	if (found != 1)
		return found;
	long long id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return id;
}

int share_active(struct db *db, struct arena *a, long long id, time_t now, struct share_link **out)
{
	*out = NULL;
	sqlite3_stmt *st = db_stmt(db, STMT_PREVIEW_ACTIVE_OF_ITEM);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	int n = 0, cap = 0, rc;
	struct share_link *links = NULL;
	while ((rc = db_row(st)) == 1) {
		links = arena_grow(a, links, n, &cap, sizeof *links);
		links[n++] = (struct share_link){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
	}
	*out = links;
	return rc < 0 ? -1 : n;
}
