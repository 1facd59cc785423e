/* item.c: reading items through the named statements. */
#include "item.h"

#include <stdio.h>
#include <string.h>

#include "db.h"
#include "log.h"
#include "req.h"
#include "resp.h"
#include "site.h"
#include "clock.h"

static const char *text_col(struct req *r, sqlite3_stmt *st, int col)
{
	const unsigned char *s = sqlite3_column_text(st, col);
	return arena_strdup(r->arena, s ? (const char *)s : "");
}

/* Every item query returns the same first twelve columns, in this order. */
void item_from_row(struct req *r, sqlite3_stmt *st, struct item *it)
{
	it->id = sqlite3_column_int64(st, 0);
	it->kind = text_col(r, st, 1);
	it->type = text_col(r, st, 2);
	it->slug = text_col(r, st, 3);
	it->title = text_col(r, st, 4);
	it->teaser = text_col(r, st, 5);
	it->body = text_col(r, st, 6);
	it->signature = text_col(r, st, 7);
	it->published_at = sqlite3_column_int64(st, 8);
	it->updated_at = sqlite3_column_int64(st, 9);
	it->public_updated_at = sqlite3_column_int64(st, 10);
	it->update_note = text_col(r, st, 11);
}

static int fetch_one(struct req *r, sqlite3_stmt *st, struct item *out)
{
	int rc = sqlite3_step(st);
	int found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
	if (found == 1)
		item_from_row(r, st, out);
	if (found < 0)
		log_error("item query failed: %s", sqlite3_errstr(rc));
	sqlite3_reset(st);
	return found;
}

int item_get_public(struct req *r, long long id, struct item *out)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_PUBLIC_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)r->now);
	return fetch_one(r, st, out);
}

int item_latest_full(struct req *r, const char *kind, struct item *out)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_LATEST_FULL_OF_KIND);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (long long)r->now);
	return fetch_one(r, st, out);
}

int item_list(struct req *r, const struct item_filter *f, int limit, long long offset, struct item **out)
{
	sqlite3_stmt *st = db_stmt(r->db, f->kind ? STMT_ITEMS_PUBLIC_OF_KIND : STMT_ITEMS_PUBLIC_ALL);
	if (st == NULL)
		return -1;
	int p = 1;
	if (f->kind)
		sqlite3_bind_text(st, p++, f->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, p++, f->from);
	sqlite3_bind_int64(st, p++, f->to);
	sqlite3_bind_int(st, p++, limit);
	sqlite3_bind_int64(st, p++, offset);

	struct item *items = arena_alloc(r->arena, (size_t)(limit > 0 ? limit : 1) * sizeof *items);
	int n = 0, rc = SQLITE_DONE;
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		item_from_row(r, st, &items[n++]);
	if (n < limit && rc != SQLITE_DONE) {
		log_error("item list failed: %s", sqlite3_errstr(rc));
		n = -1;
	}
	sqlite3_reset(st);
	*out = items;
	return n;
}

const char *item_kind_segment(const char *kind)
{
	return strcmp(kind, "event") == 0 ? "events" : "releases";
}

const char *item_path(struct req *r, const struct item *it)
{
	struct buf b = {0};
	buf_printf(&b, "/%s/%lld-%s", item_kind_segment(it->kind), it->id, it->slug);
	char *path = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return path;
}

const char *item_type_label(const char *type)
{
	static const struct {
		const char *type, *label;
	} labels[] = {
		{"press-release", "Press release"}, {"statement", "Statement"}, {"comment", "Comment"},
		{"interview", "Interview"},         {"news", "News"},           {"speech", "Speech"},
		{"briefing", "Briefing"},           {"event", "Event"},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].type, type) == 0)
			return labels[i].label;
	return type;
}

void item_not_public(struct req *r, long long id)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEM_STATUS_BY_ID);
	if (st == NULL) {
		resp_error(r, 500, "This item could not be read. The error has been logged.");
		return;
	}
	sqlite3_bind_int64(st, 1, id);
	int withdrawn = 0;
	struct buf msg = {0};
	if (sqlite3_step(st) == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 4), "withdrawn") == 0) {
		char date[64];
		struct tm tm;
		withdrawn = 1;
		clock_local(r->site->zone, (time_t)sqlite3_column_int64(st, 6), &tm);
		buf_printf(&msg, "“%s” was withdrawn on %s.", (const char *)sqlite3_column_text(st, 3),
		           clock_fmt_long_date(&tm, date, sizeof date));
		const char *note = (const char *)sqlite3_column_text(st, 7);
		if (note && *note)
			buf_printf(&msg, " %s", note);
	}
	sqlite3_reset(st);
	if (withdrawn)
		resp_error(r, 410, buf_str(&msg));
	else
		resp_error(r, 404, "There is no press release or event with this number.");
	buf_free(&msg);
}

int item_neighbour(struct req *r, const struct item *it, int newer, struct item *out)
{
	sqlite3_stmt *st = db_stmt(r->db, newer ? STMT_ITEM_PUBLIC_NEWER : STMT_ITEM_PUBLIC_OLDER);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->published_at);
	sqlite3_bind_int64(st, 2, it->id);
	if (newer)
		sqlite3_bind_int64(st, 3, (long long)r->now);
	return fetch_one(r, st, out);
}
