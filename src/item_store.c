/* item_store.c: items as press officers read and write them (any status, revisions, the list of all). */
#include "item_store.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "log.h"
#include "markup.h"
#include "req.h"

/* item_admin_by_id's columns after those of every item query. */
enum { COL_STATUS = ITEM_FULL_COLS, COL_CREATED_BY, COL_SUBMITTED_BY, COL_REVIEW_COMMENT, COL_WITHDRAWN_AT, COL_WITHDRAWAL_NOTE };

int store_get(struct db *db, struct arena *a, long long id, struct admin_item *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_ADMIN_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int found = db_row(st);
	if (found == 1) {
		item_full_from_row(a, st, &out->it);
		out->status = db_text_col(a, st, COL_STATUS);
		out->created_by = sqlite3_column_int64(st, COL_CREATED_BY);
		out->submitted_by = sqlite3_column_int64(st, COL_SUBMITTED_BY);
		out->review_comment = db_text_col(a, st, COL_REVIEW_COMMENT);
		out->withdrawn_at = sqlite3_column_int64(st, COL_WITHDRAWN_AT);
		out->withdrawal_note = db_text_col(a, st, COL_WITHDRAWAL_NOTE);
		sqlite3_reset(st);
	}
	return found;
}

static int admin_rows(struct arena *a, sqlite3_stmt *st, int limit, struct admin_row **out);

int store_list(struct db *db, struct arena *a, int limit, long long offset, struct admin_row **out)
{
	return admin_rows(a, db_page_stmt(db, STMT_ITEMS_ADMIN_PAGE, limit, offset), limit, out);
}

int store_list_filtered(struct db *db, struct arena *a, time_t now, const char *status, const char *words,
                        int limit, long long offset, struct admin_row **out)
{
	sqlite3_stmt *st = db_page_stmt(db, STMT_ITEMS_ADMIN_FILTERED, limit, offset);
	if (st != NULL) {
		sqlite3_bind_text(st, 3, status ? status : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, words ? words : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, (long long)now);
	}
	return admin_rows(a, st, limit, out);
}

/* The rows of a list statement (its first 8 columns: items_admin_page's), at most limit. */
static int admin_rows(struct arena *a, sqlite3_stmt *st, int limit, struct admin_row **out)
{
	struct admin_row *rows = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *rows);
	*out = rows;
	if (st == NULL)
		return -1;
	int n = 0, rc = 1;
	while (n < limit && (rc = db_row(st)) == 1)
		rows[n++] = (struct admin_row){
			.id = sqlite3_column_int64(st, 0),
			.kind = db_text_col(a, st, 1),
			.type = db_text_col(a, st, 2),
			.title = db_text_col(a, st, 3),
			.status = db_text_col(a, st, 4),
			.published_at = sqlite3_column_int64(st, 5),
			.updated_at = sqlite3_column_int64(st, 6),
			.author = db_text_col(a, st, 7),
		};
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}

int store_revisions(struct db *db, struct arena *a, long long id, struct revision **out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_REVISIONS_OF_ITEM);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int n = 0, cap = 0, rc;
	struct revision *revs = NULL;
	while ((rc = db_row(st)) == 1) {
		revs = arena_grow(a, revs, n, &cap, sizeof *revs);
		revs[n++] = (struct revision){
			.at = sqlite3_column_int64(st, 0),
			.who = db_text_col(a, st, 1),
			.action = db_text_col(a, st, 2),
			.status = db_text_col(a, st, 3),
			.note = db_text_col(a, st, 4),
			.id = sqlite3_column_int64(st, 5),
		};
	}
	*out = revs;
	return rc < 0 ? -1 : n;
}

const char *store_shown_status(const char *status, long long published_at, long long now)
{
	return strcmp(status, "published") == 0 && published_at > now ? "scheduled" : status;
}

/* Step a write statement; 0 if it ran and changed a row. */
static int done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		log_error("%s failed: %s", what, db_error(db));
		return -1;
	}
	return sqlite3_changes(db_handle(db)) > 0 ? 0 : -1;
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

/* Bind the body's HTML, rendered now by markup.c, and the renderer's version at param and param + 1, so the
 * public pages serve it instead of rendering on every read. The HTML is malloc'd: SQLITE_TRANSIENT copies it
 * and it is freed here. 0, or -1 if cmark fails (logged). */
static int bind_html(sqlite3_stmt *st, int param, const char *body)
{
	char *html = markup_html_new(body);
	if (html == NULL) {
		log_error("rendering an item's body failed");
		return -1;
	}
	sqlite3_bind_text(st, param, html, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(st, param + 1, markup_version());
	free(html);
	return 0;
}

long long store_create(struct db *db, time_t now, long long user, const struct item_fields *f, const char *status)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_INSERT);
	if (st == NULL)
		return -1;
	bind_fields(st, 1, f);
	sqlite3_bind_text(st, 7, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, f->published_at);
	sqlite3_bind_int64(st, 9, (long long)now);
	sqlite3_bind_int64(st, 10, user);
	if (bind_html(st, 11, f->body) != 0)
		return -1;
	return done(db, st, "item insert") == 0 ? db_last_id(db) : -1;
}

int store_update(struct db *db, time_t now, long long id, const struct item_fields *f, const char *note)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_UPDATE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	bind_fields(st, 2, f);
	sqlite3_bind_int64(st, 8, f->published_at);
	sqlite3_bind_int64(st, 9, (long long)now);
	if (note) {
		sqlite3_bind_int64(st, 10, (long long)now);
		sqlite3_bind_text(st, 11, note, -1, SQLITE_STATIC);
	}
	if (bind_html(st, 12, f->body) != 0)
		return -1;
	return done(db, st, "item update");
}

int store_set_status(struct db *db, time_t now, long long user, long long id, const char *status,
                     const char *comment)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_SET_STATUS);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_text(st, 2, status, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, (long long)now);
	if (strcmp(status, "submitted") == 0)
		sqlite3_bind_int64(st, 4, user);
	if (comment)
		sqlite3_bind_text(st, 5, comment, -1, SQLITE_STATIC);
	return done(db, st, "item status");
}

int store_withdraw(struct db *db, time_t now, long long id, const char *note)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_WITHDRAW);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	sqlite3_bind_text(st, 3, note, -1, SQLITE_STATIC);
	return done(db, st, "item withdrawal");
}

int store_revision(struct db *db, time_t now, long long user, long long id, const char *action, const char *note)
{
	sqlite3_stmt *st = db_stmt(db, STMT_REVISION_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, user);
	sqlite3_bind_int64(st, 3, (long long)now);
	sqlite3_bind_text(st, 4, action, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, note ? note : "", -1, SQLITE_STATIC);
	return done(db, st, "revision insert");
}

int store_fill_html(struct db *db)
{
	enum { BATCH = 200 };
	int version = markup_version(), filled = 0;
	long long after = 0;
	for (;;) {
		if (db_begin(db) != 0)
			return -1;
		sqlite3_stmt *pick = db_stmt(db, STMT_ITEM_HTML_MISSING);
		if (pick == NULL)
			goto fail;
		sqlite3_bind_int(pick, 1, version);
		sqlite3_bind_int64(pick, 2, after);
		sqlite3_bind_int(pick, 3, BATCH);
		long long ids[BATCH];
		char *html[BATCH];
		int n = 0, rc = 0;
		while (n < BATCH && (rc = db_row(pick)) == 1) {
			ids[n] = sqlite3_column_int64(pick, 0);
			const char *body = (const char *)sqlite3_column_text(pick, 1);
			if ((html[n] = markup_html_new(body ? body : "")) == NULL) {
				log_error("rendering the body of item %lld failed", ids[n]);
				rc = -1;
				break;
			}
			n++;
		}
		sqlite3_reset(pick);
		int bad = rc < 0;
		sqlite3_stmt *set = bad ? NULL : db_stmt(db, STMT_ITEM_HTML_SET);
		for (int i = 0; i < n; i++) {
			if (!bad && set) {
				sqlite3_bind_int64(set, 1, ids[i]);
				sqlite3_bind_text(set, 2, html[i], -1, SQLITE_STATIC);
				sqlite3_bind_int(set, 3, version);
				bad = db_run(set) != 0;
			}
			free(html[i]);
		}
		if (rc < 0 || bad || (n > 0 && set == NULL))
			goto fail;
		if (db_commit(db) != 0)
			return -1;
		filled += n;
		if (n < BATCH)
			return filled;
		after = ids[n - 1];
	}
fail:
	db_rollback(db);
	return -1;
}
