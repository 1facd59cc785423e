/* db.h: the SQLite connection of one process: opening it with the right pragmas, the schema migrations,
 * and the named statements of sql/queries.sql, prepared once and reused. */
#ifndef PRESSROOM_DB_H
#define PRESSROOM_DB_H

#include <sqlite3.h>
#include <stddef.h>

/* One per statement in sql/queries.sql, in any order; db.c holds the names. */
enum stmt {
	STMT_SETTINGS,
	STMT_CLOCK_CITIES,
	STMT_SETTING_SET,
	STMT_SETTING_DELETE,
	STMT_CLOCK_CITIES_CLEAR,
	STMT_CLOCK_CITY_INSERT,
	STMT_ITEM_PUBLIC_BY_ID,
	STMT_ITEMS_PUBLIC_OF_KIND,
	STMT_ITEMS_PUBLIC_ALL,
	STMT_ITEM_LATEST_FULL_OF_KIND,
	STMT_USER_BY_NAME,
	STMT_USER_INSERT,
	STMT_USER_SET_PASSWORD,
	STMT_USER_DISABLE,
	STMT_USER_LIST,
	STMT_SESSION_INSERT,
	STMT_SESSION_LOOKUP,
	STMT_SESSION_TOUCH,
	STMT_SESSION_END,
	STMT_SESSION_END_USER,
	STMT_LOGIN_FAILURE_INSERT,
	STMT_LOGIN_FAILURES_BY_USERNAME_ADDRESS,
	STMT_LOGIN_FAILURES_BY_ADDRESS,
	STMT_LOGIN_FAILURES_BY_DEVICE,
	STMT_LOGIN_DEVICE_INSERT,
	STMT_LOGIN_DEVICE_LOOKUP,
	STMT_LOGIN_REFUSAL_COUNT,
	STMT_LOGIN_REFUSAL_INSERT,
	STMT_LOGIN_REFUSAL_PRUNE,
	STMT_SYNC_NORMAL,
	STMT_SYNC_FULL,
	STMT_AUDIT_INSERT,
	STMT_AUDIT_PAGE,
	STMT_ITEM_ADMIN_BY_ID,
	STMT_ITEMS_ADMIN_PAGE,
	STMT_ITEM_INSERT,
	STMT_ITEM_UPDATE,
	STMT_ITEM_SET_STATUS,
	STMT_ITEM_WITHDRAW,
	STMT_REVISION_INSERT,
	STMT_REVISIONS_OF_ITEM,
	STMT_ITEM_STATUS_BY_ID,
	STMT_PREVIEW_INSERT,
	STMT_PREVIEW_LOOKUP,
	STMT_PREVIEW_REVOKE_ITEM,
	STMT_PREVIEW_ACTIVE_OF_ITEM,
	STMT_SEARCH_PUBLIC,
	STMT_SEARCH_SNIPPET,
	STMT_SEARCH_PHRASE_DOCS,
	STMT_ITEMS_FEED,
	STMT_ITEMS_SITEMAP,
	STMT_ITEMS_PUBLIC_COUNT,
	STMT_ITEMS_PUBLIC_OLDEST,
	STMT_LAST_CHANGE,
	STMT_ITEM_PUBLIC_NEWER,
	STMT_ITEM_PUBLIC_OLDER,
	STMT_ITEM_KEYS_PUBLIC_OF_KIND,
	STMT_ITEM_KEYS_PUBLIC_ALL,
	STMT_ITEM_NEXT_PUBLIC_AT,
	STMT_SEARCH_INDEX_OPTIMIZE,
	STMT__MAX
};

struct db;

enum db_open_flags {
	DB_CREATE = 1,  /* create the file if it does not exist */
};

/* Open path. Returns the connection (free with db_close), or NULL with a message in err. */
struct db *db_open(const char *path, int flags, char *err, size_t errlen);
void db_close(struct db *db);
sqlite3 *db_handle(struct db *db);

/* The schema version of the open database (PRAGMA user_version), and the one this binary brings. */
int db_version(struct db *db);
int db_latest_version(void);
/* Apply every missing migration, each in its own transaction. Returns 0, or -1 with a message. */
int db_migrate(struct db *db, char *err, size_t errlen);
/* Load the demo content of sql/seed.sql in one transaction; refuses if the database holds items. */
int db_seed(struct db *db, char *err, size_t errlen);
/* Merge the full-text index into one segment (search_index_optimize). Safe while serving: readers go on,
 * a writer waits up to the busy timeout. 0, or -1 with err set. */
int db_optimize(struct db *db, char *err, size_t errlen);

/* The prepared statement for s, reset and with no bindings. Owned by the connection: do not finalize.
 * NULL if it cannot be prepared (logged). */
sqlite3_stmt *db_stmt(struct db *db, enum stmt s);
/* Transactions for the writes that must happen together (an item and its revision and audit line).
 * BEGIN IMMEDIATE takes the write lock at once, so a busy database waits here, not half-way. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);
/* The rowid of the last INSERT on this connection. */
long long db_last_id(struct db *db);
/* The last error message of the connection, for logs. */
const char *db_error(struct db *db);

/* Check that every enum stmt has its SQL and that it prepares against the current schema. */
int db_check_statements(struct db *db, char *err, size_t errlen);
/* Changes whenever any connection, this one included, changes the database: lets a worker keep caches
 * until the data moves. */
long long db_data_version(struct db *db);

/* One read transaction around a public page: every statement sees one snapshot, and the locks are taken
 * once instead of once per statement (two fcntl and an fstat each). Only for requests that do not write:
 * db_read_end is a no-op unless db_read_begin started a transaction, and ends it before any write. */
void db_read_begin(struct db *db);
void db_read_end(struct db *db);

#endif
