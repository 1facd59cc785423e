/* db.c: opening the database, migrations, seeding and the prepared-statement cache. */
#include "db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "casefold.h"
#include "log.h"
#include "search_rank.h"
#include "search_snippet.h"
#include "search_tokenizer.h"
#include "slug.h"
#include "sql_files.h"
#include "sql_stmts.h"

struct db {
	sqlite3 *h;
	sqlite3_stmt *stmts[STMT__MAX];
	sqlite3_stmt *data_version;
	sqlite3_stmt *read_begin, *read_end;
	int reading;               /* inside a transaction db_read_begin started */
};


/* slugify(text): the URL slug of a title, so seed and migrations make the same slugs as the C code. */
static void sql_slugify(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	const unsigned char *title = sqlite3_value_text(argv[0]);
	char slug[SLUG_MAX + 1];
	slug_from_title(title ? (const char *)title : "", slug, sizeof slug);
	sqlite3_result_text(ctx, slug, -1, SQLITE_TRANSIENT);
}

/* The connection's FTS5 API (SQLite hands it out only through a query), NULL if it has none. */
static fts5_api *fts5_of(sqlite3 *h)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(h, "SELECT fts5(?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_pointer(st, 1, &api, "fts5_api_ptr", NULL);
		sqlite3_step(st);
	}
	sqlite3_finalize(st);
	return api;
}

/* Find "-- name: NAME\n" in queries.sql; return the statement text after it and its length. */
static const char *query_text(const char *name, size_t *len)
{
	const char *marker = "-- name: ";
	size_t nlen = strlen(name);
	for (const char *p = strstr(sql_queries, marker); p; p = strstr(p + 1, marker)) {
		const char *n = p + strlen(marker);
		if (strncmp(n, name, nlen) != 0 || (n[nlen] != '\n' && n[nlen] != '\r'))
			continue;
		const char *start = n + nlen;
		const char *end = strstr(start, marker);
		*len = end ? (size_t)(end - start) : strlen(start);
		return start;
	}
	return NULL;
}

static int exec(struct db *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

struct db *db_open(const char *path, int flags, char *err, size_t errlen)
{
	struct db *db = calloc(1, sizeof *db);
	if (db == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	/* A new database is 0640 whatever the caller's umask (readable by the group for backups, never by
	 * others); SQLite gives its -wal and -shm files the same mode. An empty file is an empty database. */
	int fd = (flags & DB_CREATE) && path[0] != '\0' && path[0] != ':' ? open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640) : -1;
	if (fd >= 0) {
		int mode_rc = fchmod(fd, 0640);
		close(fd);
		if (mode_rc != 0) {
			snprintf(err, errlen, "cannot set the mode of %s: %s", path, strerror(errno));
			goto fail;
		}
	}
	int oflags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | ((flags & DB_CREATE) ? SQLITE_OPEN_CREATE : 0);
	if (sqlite3_open_v2(path, &db->h, oflags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open database %s: %s", path,
		         db->h ? sqlite3_errmsg(db->h) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	/* Wait for a writer rather than fail; publishing takes milliseconds. */
	sqlite3_busy_timeout(db->h, 5000);
	/* WAL lets readers go on while a press officer publishes. synchronous=FULL syncs the WAL on every
	 * commit, so a statement that was reported published survives a power cut, not just a crash. */
	/* temp_store=MEMORY: sorting never needs a file outside the data folder (workers may not open one). */
	/* mmap_size: pages are read through a memory map of the database (up to SQLite's limit, 2 GiB here),
	 * not copied by a pread each: a detail page read some nine pages through system calls, which cost the
	 * most on a sandboxed kernel (docs/performance.md). Writes still go through the WAL as before; the
	 * mapped pages are the kernel's page cache, shared by every worker. */
	if (exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; "
	             "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=2147418112;", err, errlen) != 0)
		goto fail;
	if (sqlite3_create_function(db->h, "slugify", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_slugify,
	                            NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot register slugify: %s", sqlite3_errmsg(db->h));
		goto fail;
	}
	/* Before any statement is prepared: search_public and search_snippet call them, and item_fts (its
	 * triggers on item too) cannot be read or written without its tokenizer. items_admin_filtered calls
	 * casefold. */
	fts5_api *fts5 = fts5_of(db->h);
	if (search_rank_register(fts5) != SQLITE_OK || search_snippet_register(fts5) != SQLITE_OK ||
	    search_tokenizer_register(fts5) != SQLITE_OK || casefold_register(db->h, fts5) != SQLITE_OK) {
		snprintf(err, errlen, "cannot register the search functions: %s", sqlite3_errmsg(db->h));
		goto fail;
	}
	return db;
fail:
	db_close(db);
	return NULL;
}

void db_close(struct db *db)
{
	if (db == NULL)
		return;
	for (int i = 0; i < STMT__MAX; i++)
		sqlite3_finalize(db->stmts[i]);
	sqlite3_finalize(db->data_version);
	sqlite3_finalize(db->read_begin);
	sqlite3_finalize(db->read_end);
	sqlite3_close(db->h);
	free(db);
}

sqlite3 *db_handle(struct db *db)
{
	return db->h;
}

int db_version(struct db *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;
	if (sqlite3_prepare_v2(db->h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

int db_latest_version(void)
{
	return sql_migrations_count == 0 ? 0 : atoi(sql_migrations[sql_migrations_count - 1].name);
}

int db_migrate(struct db *db, char *err, size_t errlen)
{
	int have = db_version(db);
	if (have < 0) {
		snprintf(err, errlen, "cannot read the schema version: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	if (have > db_latest_version()) {
		snprintf(err, errlen, "the database is at schema version %d, newer than this binary's %d", have,
		         db_latest_version());
		return -1;
	}
	for (int i = 0; i < sql_migrations_count; i++) {
		int version = atoi(sql_migrations[i].name);
		if (version <= have)
			continue;
		char msg[512], bump[64];
		snprintf(bump, sizeof bump, "PRAGMA user_version=%d;", version);
		if (exec(db, "BEGIN IMMEDIATE;", msg, sizeof msg) != 0 ||
		    exec(db, sql_migrations[i].text, msg, sizeof msg) != 0 ||
		    exec(db, bump, msg, sizeof msg) != 0 || exec(db, "COMMIT;", msg, sizeof msg) != 0) {
			sqlite3_exec(db->h, "ROLLBACK;", NULL, NULL, NULL);
			snprintf(err, errlen, "migration %s failed: %s", sql_migrations[i].name, msg);
			return -1;
		}
		log_info("applied migration %s", sql_migrations[i].name);
	}
	return 0;
}

int db_exec(struct db *db, const char *sql, char *err, size_t errlen)
{
	return exec(db, sql, err, errlen);
}

int db_optimize(struct db *db, char *err, size_t errlen)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SEARCH_INDEX_OPTIMIZE);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	if (st)
		sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		snprintf(err, errlen, "merging the search index failed: %s", sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

int db_seed(struct db *db, char *err, size_t errlen)
{
	sqlite3_stmt *st = NULL;
	int count = -1;
	if (sqlite3_prepare_v2(db->h, "SELECT count(*) FROM item", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		count = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (count < 0) {
		snprintf(err, errlen, "cannot read the database (has it been migrated?): %s", sqlite3_errmsg(db->h));
		return -1;
	}
	if (count > 0) {
		snprintf(err, errlen, "the database already holds %d items; seed only an empty one", count);
		return -1;
	}
	char msg[512];
	if (exec(db, "BEGIN IMMEDIATE;", msg, sizeof msg) != 0 || exec(db, sql_seed, msg, sizeof msg) != 0 ||
	    exec(db, "COMMIT;", msg, sizeof msg) != 0) {
		sqlite3_exec(db->h, "ROLLBACK;", NULL, NULL, NULL);
		snprintf(err, errlen, "seeding failed: %s", msg);
		return -1;
	}
	return 0;
}

static int prepare(struct db *db, enum stmt s, char *err, size_t errlen)
{
	size_t len;
	const char *sql = sql_stmt_names[s] ? query_text(sql_stmt_names[s], &len) : NULL;
	if (sql == NULL) {
		snprintf(err, errlen, "statement %d (%s) is not in sql/queries.sql", (int)s,
		         sql_stmt_names[s] ? sql_stmt_names[s] : "unnamed");
		return -1;
	}
	if (sqlite3_prepare_v3(db->h, sql, (int)len, SQLITE_PREPARE_PERSISTENT, &db->stmts[s], NULL) != SQLITE_OK) {
		snprintf(err, errlen, "statement %s does not prepare: %s", sql_stmt_names[s], sqlite3_errmsg(db->h));
		return -1;
	}
	return 0;
}

sqlite3_stmt *db_prepare_raw(sqlite3 *h, enum stmt s)
{
	size_t len;
	const char *sql = sql_stmt_names[s] ? query_text(sql_stmt_names[s], &len) : NULL;
	sqlite3_stmt *st = NULL;
	if (sql == NULL || sqlite3_prepare_v2(h, sql, (int)len, &st, NULL) != SQLITE_OK)
		return NULL;
	return st;
}

sqlite3_stmt *db_stmt(struct db *db, enum stmt s)
{
	if (db->stmts[s] == NULL) {
		char err[512];
		if (prepare(db, s, err, sizeof err) != 0) {
			log_error("%s", err);
			return NULL;
		}
	} else {
		sqlite3_reset(db->stmts[s]);
		sqlite3_clear_bindings(db->stmts[s]);
	}
	return db->stmts[s];
}

sqlite3_stmt *db_page_stmt(struct db *db, enum stmt s, int limit, long long offset)
{
	sqlite3_stmt *st = db_stmt(db, s);
	if (st != NULL) {
		sqlite3_bind_int(st, 1, limit);
		sqlite3_bind_int64(st, 2, offset);
	}
	return st;
}

int db_row(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		log_error("query failed: %s (%s)", sqlite3_errmsg(sqlite3_db_handle(st)), sqlite3_sql(st));
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int db_run(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		log_error("statement failed: %s (%s)", sqlite3_errmsg(sqlite3_db_handle(st)), sqlite3_sql(st));
	sqlite3_reset(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW ? 0 : -1;
}

const char *db_text_col(struct arena *a, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return arena_strdup(a, s ? (const char *)s : "");
}

int db_take_cols(sqlite3_stmt *st, struct arena *a, const struct db_col *cols, int n)
{
	if (st == NULL)
		return -1;   /* db_stmt has logged why */
	int rc = db_row(st);
	if (rc != 1)
		return rc;
	for (int i = 0; i < n; i++) {
		switch (cols[i].type) {
		case DB_COL_INT:
			*cols[i].to.i = sqlite3_column_int(st, i);
			break;
		case DB_COL_INT64:
			*cols[i].to.i64 = sqlite3_column_int64(st, i);
			break;
		case DB_COL_TEXT:
			*cols[i].to.text = db_text_col(a, st, i);
			break;
		}
	}
	sqlite3_reset(st);
	return 1;
}

int db_bind_ids(sqlite3_stmt *st, int param, const long long *ids, int n)
{
	struct buf json = {0};
	buf_putc(&json, '[');
	for (int i = 0; i < n; i++) {
		if (i)
			buf_putc(&json, ',');
		buf_put_int(&json, ids[i]); /* not buf_printf: the feed lists fifty */
	}
	buf_putc(&json, ']');
	int rc = sqlite3_bind_text(st, param, json.data, (int)json.len, SQLITE_TRANSIENT);
	buf_free(&json);
	return rc;
}

int db_bind_text(sqlite3_stmt *st, int param, const char *text)
{
	return sqlite3_bind_text(st, param, text, -1, SQLITE_STATIC);
}

int db_ping(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEMS_PUBLIC_OLDEST);
	return st != NULL && db_run(st) == 0;
}

int db_check_statements(struct db *db, char *err, size_t errlen)
{
	int named = 0;
	for (const char *p = strstr(sql_queries, "-- name: "); p; p = strstr(p + 1, "-- name: "))
		named++;
	if (named != STMT__MAX) {
		snprintf(err, errlen, "sql/queries.sql names %d statements but enum stmt has %d", named, STMT__MAX);
		return -1;
	}
	for (int s = 0; s < STMT__MAX; s++)
		if (db->stmts[s] == NULL && prepare(db, (enum stmt)s, err, errlen) != 0)
			return -1;
	return 0;
}

long long db_data_version(struct db *db)
{
	if (db->data_version == NULL &&
	    sqlite3_prepare_v3(db->h, "PRAGMA data_version", -1, SQLITE_PREPARE_PERSISTENT, &db->data_version,
	                       NULL) != SQLITE_OK)
		return -1;
	long long v = -1;
	if (sqlite3_step(db->data_version) == SQLITE_ROW)
		v = sqlite3_column_int64(db->data_version, 0);
	sqlite3_reset(db->data_version);
	/* data_version moves only for other connections' commits; add this connection's own changes. */
	return v < 0 ? -1 : (v << 32) + (sqlite3_total_changes64(db->h) & 0xFFFFFFFF);
}

/* Run a statement prepared once on this connection (BEGIN, COMMIT). Returns 0 or -1. */
static int run_once_prepared(struct db *db, sqlite3_stmt **st, const char *sql)
{
	if (*st == NULL && sqlite3_prepare_v3(db->h, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(*st);
	sqlite3_reset(*st);
	return rc == SQLITE_DONE ? 0 : -1;
}

void db_read_begin(struct db *db)
{
	if (db->reading || !sqlite3_get_autocommit(db->h))
		return;
	/* Deferred: the snapshot starts at the first read. If BEGIN fails each statement reads on its own. */
	db->reading = run_once_prepared(db, &db->read_begin, "BEGIN") == 0;
}

void db_read_end(struct db *db)
{
	if (!db->reading)
		return;
	db->reading = 0;
	if (run_once_prepared(db, &db->read_end, "COMMIT") != 0) {
		log_error("cannot end a read transaction: %s", sqlite3_errmsg(db->h));
		db_rollback(db);
	}
}

int db_begin(struct db *db)
{
	char err[256];
	if (exec(db, "BEGIN IMMEDIATE;", err, sizeof err) != 0) {
		log_error("cannot begin a transaction: %s", err);
		return -1;
	}
	return 0;
}

int db_commit(struct db *db)
{
	char err[256];
	if (exec(db, "COMMIT;", err, sizeof err) != 0) {
		log_error("commit failed: %s", err);
		db_rollback(db);
		return -1;
	}
	return 0;
}

void db_rollback(struct db *db)
{
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK;", NULL, NULL, NULL);
}

long long db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->h);
}

const char *db_error(struct db *db)
{
	return sqlite3_errmsg(db->h);
}
