/* alerts_queue.c: what the sender queues (alerts_queue.h). */
#include "alerts_queue.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "item_public.h"
#include "log.h"

/* An item published longer ago than this when the sender first sees it (backdated, or published while
 * no sender ran) is not mailed: alerts are news. */
enum { ANNOUNCE_WINDOW = 24 * 3600 };

static long long state_get(struct db *db, const char *key)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_STATE_GET);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	long long v = db_row(st) == 1 ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return v;
}

static int state_put(struct db *db, enum stmt s, const char *key, long long value)
{
	sqlite3_stmt *st = db_stmt(db, s);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, value);
	return db_run(st);
}

int alerts_queue_start(struct db *db, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_VERSION_MAX);
	if (st == NULL)
		return -1;
	long long newest = db_row(st) == 1 ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (db_begin(db) != 0)
		return -1;
	if (state_put(db, STMT_ALERTS_STATE_INIT, "since", (long long)now) != 0 ||
	    state_put(db, STMT_ALERTS_STATE_INIT, "websub_version", newest) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db);
}

/* Queue a ping of each hub for the two feeds an item of kind and lang appears in (all kinds, its kind), in
 * its language's prefix. Inside the caller's transaction. 0 or -1. */
static int queue_pings(struct db *db, struct arena *a, time_t now, const struct alerts_setup *s, const char *kind,
                       const char *lang)
{
	const char *prefix = strcmp(lang, s->primary_lang) == 0 ? "" : arena_printf(a, "/%s", lang);
	const char *topics[2] = {
		arena_printf(a, "%s%s/feed.atom", s->base_url, prefix),
		arena_printf(a, "%s%s/%s/feed.atom", s->base_url, prefix, item_kind_segment(kind)),
	};
	for (int h = 0; h < s->nhubs; h++)
		for (int t = 0; t < 2; t++) {
			sqlite3_stmt *st = db_stmt(db, STMT_WEBSUB_QUEUE);
			if (st == NULL)
				return -1;
			sqlite3_bind_text(st, 1, s->hubs[h], -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, topics[t], -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, (long long)now);
			if (db_run(st) != 0)
				return -1;
		}
	return 0;
}

/* One item's (or correction's) rows, pings and mark, all or nothing. 0 or -1. */
static int announce(struct db *db, struct arena *a, time_t now, const struct alerts_setup *s, long long id,
                    int version, const char *kind, const char *lang)
{
	if (db_begin(db) != 0)
		return -1;
	if (s->mail) {
		sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_QUEUE_ITEM);
		if (st == NULL)
			goto fail;
		sqlite3_bind_text(st, 1, version == 1 ? "alert" : "correction", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, id);
		sqlite3_bind_int(st, 3, version);
		sqlite3_bind_int64(st, 4, (long long)now);
		if (db_run(st) != 0)
			goto fail;
	}
	int queued = sqlite3_changes(db_handle(db));
	if (version == 1 && queue_pings(db, a, now, s, kind, lang) != 0)
		goto fail;
	sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_MARK_ANNOUNCED);
	if (st == NULL)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, version);
	sqlite3_bind_int64(st, 3, (long long)now);
	if (db_run(st) != 0)
		goto fail;
	if (version > 1 && (st = db_stmt(db, STMT_ALERTS_CORRECTION_REQUEST_DONE)) != NULL) {
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, version);
		if (db_run(st) != 0)
			goto fail;
	}
	if (db_commit(db) != 0)
		return -1;
	if (s->mail)
		log_info("sender: item %lld version %d: %d alert%s queued", id, version, s->mail ? queued : 0,
		         queued == 1 ? "" : "s");
	return 0;
fail:
	log_error("sender: queueing item %lld version %d failed: %s", id, version, db_error(db));
	db_rollback(db);
	return -1;
}

struct pending {
	long long id;
	int version;
	const char *kind, *lang;
};

/* Read up to 50 rows of statement s into p (id, [version,] kind, lang). Returns how many, or -1. */
static int read_pending(sqlite3_stmt *st, struct arena *a, int with_version, struct pending *p)
{
	int n = 0, rc;
	while (n < 50 && (rc = db_row(st)) == 1) {
		int c = 0;
		p[n].id = sqlite3_column_int64(st, c++);
		p[n].version = with_version ? sqlite3_column_int(st, c++) : 1;
		p[n].kind = db_text_col(a, st, c++);
		p[n].lang = db_text_col(a, st, c++);
		n++;
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}

int alerts_queue_tick(struct db *db, struct arena *a, time_t now, const struct alerts_setup *s)
{
	struct pending p[50];
	int done = 0;
	long long since = state_get(db, "since");
	if (since < 0)
		return -1;
	if (since < (long long)now - ANNOUNCE_WINDOW)
		since = (long long)now - ANNOUNCE_WINDOW;

	sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_UNANNOUNCED);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)now);
	sqlite3_bind_int64(st, 2, since);
	int n = read_pending(st, a, 0, p);
	for (int i = 0; i < n; i++)
		if (announce(db, a, now, s, p[i].id, 1, p[i].kind, p[i].lang) == 0)
			done++;

	if ((st = db_stmt(db, STMT_ALERTS_CORRECTION_REQUESTS)) == NULL)
		return -1;
	n = read_pending(st, a, 1, p);
	for (int i = 0; i < n; i++)
		if (announce(db, a, now, s, p[i].id, p[i].version, p[i].kind, p[i].lang) == 0)
			done++;

	/* Corrections and withdrawals change the feeds too: the hubs hear of each. */
	long long mark = state_get(db, "websub_version");
	if (mark < 0 || (st = db_stmt(db, STMT_ALERTS_VERSIONS_AFTER)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, mark);
	n = read_pending(st, a, 0, p);
	if (n > 0) {
		if (db_begin(db) != 0)
			return -1;
		for (int i = 0; i < n; i++)
			if (queue_pings(db, a, now, s, p[i].kind, p[i].lang) != 0)
				goto fail;
		if (state_put(db, STMT_ALERTS_STATE_SET, "websub_version", p[n - 1].id) != 0 || db_commit(db) != 0)
			goto fail;
		done += n;
	}
	return n < 0 ? -1 : done;
fail:
	log_error("sender: queueing WebSub pings failed: %s", db_error(db));
	db_rollback(db);
	return -1;
}

const char *alerts_known_base_url(struct db *db, struct arena *a)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_KNOWN_URL);
	if (st == NULL || db_row(st) != 1)
		return NULL;
	const char *url = db_text_col(a, st, 0);
	sqlite3_reset(st);
	const char *host = strstr(url, "://");
	return host ? arena_strndup(a, url, (size_t)(host + 3 - url) + strcspn(host + 3, "/")) : NULL;
}

int alerts_request_correction(struct db *db, time_t now, long long item_id)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ALERTS_CORRECTION_REQUEST);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item_id);
	sqlite3_bind_int64(st, 2, (long long)now);
	return db_run(st);
}
