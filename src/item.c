/* item.c: reading items through the named statements. */
#include "item.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
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

/* When the next scheduled item becomes public: LLONG_MAX if none is scheduled, -1 on error. */
static long long next_public_at(struct db *db, long long now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_NEXT_PUBLIC_AT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	int rc = sqlite3_step(st);
	long long at = rc != SQLITE_ROW ? -1 : sqlite3_column_type(st, 0) == SQLITE_NULL ? LLONG_MAX
	                                                                                  : sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return at;
}

int item_stamp_check(struct db *db, long long now, struct item_stamp *s)
{
	/* The version is read first: a commit while the caller rebuilds makes the next check rebuild again. */
	long long version = db_data_version(db);
	if (version == s->version && now < s->until)
		return 1;
	long long until = next_public_at(db, now);
	if (until < 0) {
		*s = (struct item_stamp){0};
		return -1;
	}
	*s = (struct item_stamp){version, until};
	return 0;
}

/* ---- where a page of a list starts ----
 *
 * A page of a public list is an index seek below the key (published_at, id) of the last item of the page
 * before, so page 4,000 costs what page 1 costs. Finding that key is a walk down the index from the top
 * (keys only, no rows); the keys at every KEY_STRIDE items are kept per worker and per list, so each deep
 * page is walked once. They stay valid while no commit is seen (db_data_version) and no scheduled item has
 * become public (every item public now is older than the next scheduled one, so none moves until then). */

enum { KEY_STRIDE = 20, KEY_LISTS = 4 };

struct list_key {
	long long at, id;
};

static struct key_cache {
	char kind[8];                /* "release", "event" or "" for both */
	long long from, to;          /* the filter; to is LLONG_MAX for "until now" */
	struct item_stamp stamp;     /* what the keys were found under */
	long long n;                 /* keys known: keys[i] is the key of item (i + 1) * KEY_STRIDE */
	int complete;                /* the list ends before item (n + 1) * KEY_STRIDE */
	unsigned long used;          /* when last used (0: never), to choose the slot to reuse */
	struct list_key *keys;
	size_t cap;
} key_caches[KEY_LISTS];
static unsigned long key_clock;

/* The cache of f's keys, emptied if it is stale; NULL on error. */
static struct key_cache *key_cache_of(struct req *r, const struct item_filter *f)
{
	const char *kind = f->kind ? f->kind : "";
	long long to = f->to >= (long long)r->now ? LLONG_MAX : f->to;
	struct key_cache *c = &key_caches[0];
	int same = 0;
	for (int i = 0; i < KEY_LISTS && !same; i++) {
		struct key_cache *k = &key_caches[i];
		same = k->used && strcmp(k->kind, kind) == 0 && k->from == f->from && k->to == to;
		if (same || k->used < c->used)
			c = k;
	}
	c->used = ++key_clock;
	int current = item_stamp_check(r->db, (long long)r->now, &c->stamp);
	if (current < 0) {
		c->used = 0;
		return NULL;
	}
	if (same && current)
		return c;
	snprintf(c->kind, sizeof c->kind, "%s", kind);
	c->from = f->from;
	c->to = to;
	c->n = 0;
	c->complete = 0;
	return c;
}

static void keep_key(struct key_cache *c, const struct list_key *key)
{
	if ((size_t)c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct list_key *keys = realloc(c->keys, cap * sizeof *keys);
		if (keys == NULL) {
			log_error("out of memory");
			abort();
		}
		c->keys = keys;
		c->cap = cap;
	}
	c->keys[c->n++] = *key;
}

/* The statement all (or of_kind, when f has a kind) with its parameters bound: the kind, f's earliest
 * time, the key the rows start below, and how many rows. NULL on error. */
static sqlite3_stmt *below_key(struct req *r, const struct item_filter *f, enum stmt all, enum stmt of_kind,
                               const struct list_key *key, long long rows)
{
	sqlite3_stmt *st = db_stmt(r->db, f->kind ? of_kind : all);
	if (st == NULL)
		return NULL;
	int p = 1;
	if (f->kind)
		sqlite3_bind_text(st, p++, f->kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, p++, f->from);
	sqlite3_bind_int64(st, p++, key->at);
	sqlite3_bind_int64(st, p++, key->id);
	sqlite3_bind_int64(st, p++, rows);
	return st;
}

/* Step through up to count keys of f below *key, leaving *key at the last one; every KEY_STRIDE-th is
 * kept in c when c is given (so *key must then be a multiple of KEY_STRIDE from the top). Returns how many
 * keys there were, or -1. */
static long long walk_keys(struct req *r, const struct item_filter *f, struct list_key *key, long long count,
                           struct key_cache *c)
{
	sqlite3_stmt *st = below_key(r, f, STMT_ITEM_KEYS_PUBLIC_ALL, STMT_ITEM_KEYS_PUBLIC_OF_KIND, key, count);
	if (st == NULL)
		return -1;
	long long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		key->at = sqlite3_column_int64(st, 0);
		key->id = sqlite3_column_int64(st, 1);
		if (++n % KEY_STRIDE == 0 && c)
			keep_key(c, key);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		log_error("item keys failed: %s", sqlite3_errstr(rc));
		return -1;
	}
	return n;
}

/* The key the list f starts below after skipping skip items. Returns 1, 0 (the list is shorter) or -1. */
static int list_start(struct req *r, const struct item_filter *f, long long skip, struct list_key *key)
{
	*key = (struct list_key){f->to, LLONG_MAX};
	if (skip <= 0)
		return 1;
	struct key_cache *c = key_cache_of(r, f);
	if (c == NULL)
		return -1;
	long long stride = skip / KEY_STRIDE, rest = skip % KEY_STRIDE;
	if (stride > c->n && !c->complete) {
		struct list_key from = c->n ? c->keys[c->n - 1] : *key;
		long long want = (stride - c->n) * KEY_STRIDE, got = walk_keys(r, f, &from, want, c);
		if (got < 0)
			return -1;
		c->complete = got < want;
	}
	if (stride > c->n)
		return 0;
	if (stride > 0)
		*key = c->keys[stride - 1];
	if (rest > 0) {
		long long got = walk_keys(r, f, key, rest, NULL);
		if (got < 0)
			return -1;
		if (got < rest)
			return 0;
	}
	return 1;
}

int item_list(struct req *r, const struct item_filter *f, int limit, long long offset, struct item **out)
{
	struct item *items = arena_alloc(r->arena, (size_t)(limit > 0 ? limit : 1) * sizeof *items);
	struct list_key start;
	*out = items;
	int found = list_start(r, f, offset, &start);
	if (found <= 0)
		return found;
	sqlite3_stmt *st = below_key(r, f, STMT_ITEMS_PUBLIC_ALL, STMT_ITEMS_PUBLIC_OF_KIND, &start, limit);
	if (st == NULL)
		return -1;

	int n = 0, rc = SQLITE_DONE;
	while (n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
		item_from_row(r, st, &items[n++]);
	if (n < limit && rc != SQLITE_DONE) {
		log_error("item list failed: %s", sqlite3_errstr(rc));
		n = -1;
	}
	sqlite3_reset(st);
	return n;
}

/* The kinds and their words: the one place that names them (input.c's validators list the same words). */
static const struct {
	const char *kind, *segment, *label[4]; /* label[ITEM_LABEL_MANY | ITEM_LABEL_LOWER] */
} kinds[] = {
	{"release", "releases", {"Press release", "Press releases", "press release", "press releases"}},
	{"event", "events", {"Event", "Events", "event", "events"}},
};

/* Anything but "event" is a release, as the schema's CHECK leaves no third kind. */
static size_t kind_index(const char *kind)
{
	return strcmp(kind, "event") == 0 ? 1 : 0;
}

const char *item_kind_segment(const char *kind)
{
	return kinds[kind_index(kind)].segment;
}

const char *item_kind_label(const char *kind, int form)
{
	return kinds[kind_index(kind)].label[form & 3];
}

const char *item_path(struct req *r, const struct item *it)
{
	return arena_printf(r->arena, "/%s/%lld-%s", item_kind_segment(it->kind), it->id, it->slug);
}

const char *item_admin_path(struct arena *a, long long id, const char *done)
{
	return done ? arena_printf(a, "/admin/items/%lld?done=%s", id, done) : arena_printf(a, "/admin/items/%lld", id);
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
