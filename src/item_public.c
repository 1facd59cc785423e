/* item_public.c: items as the public site reads them (lists, neighbours, feeds, sitemaps), their labels
 * and URLs, and the rule every per-worker cache of public items keeps to. */
#include "item_public.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "markup.h"
#include "req.h"

/* Every item query returns the same first ITEM_COLS columns, in this order; those in full two more. */
enum item_col {
	COL_ID, COL_KIND, COL_TYPE, COL_SLUG, COL_TITLE, COL_TEASER, COL_BODY, COL_SIGNATURE, COL_PUBLISHED_AT,
	COL_UPDATED_AT, COL_PUBLIC_UPDATED_AT, COL_UPDATE_NOTE, COL_BODY_HTML, COL_BODY_HTML_VERSION
};
_Static_assert((int)COL_BODY_HTML == (int)ITEM_COLS && (int)COL_BODY_HTML_VERSION + 1 == (int)ITEM_FULL_COLS,
               "item_public.h's ITEM_COLS and ITEM_FULL_COLS count the item columns");

void item_from_row(struct arena *a, sqlite3_stmt *st, struct item *it)
{
	it->id = sqlite3_column_int64(st, COL_ID);
	it->kind = db_text_col(a, st, COL_KIND);
	it->type = db_text_col(a, st, COL_TYPE);
	it->slug = db_text_col(a, st, COL_SLUG);
	it->title = db_text_col(a, st, COL_TITLE);
	it->teaser = db_text_col(a, st, COL_TEASER);
	it->body = db_text_col(a, st, COL_BODY);
	it->signature = db_text_col(a, st, COL_SIGNATURE);
	it->published_at = sqlite3_column_int64(st, COL_PUBLISHED_AT);
	it->updated_at = sqlite3_column_int64(st, COL_UPDATED_AT);
	it->public_updated_at = sqlite3_column_int64(st, COL_PUBLIC_UPDATED_AT);
	it->update_note = db_text_col(a, st, COL_UPDATE_NOTE);
	it->body_html = NULL;
}

void item_full_from_row(struct arena *a, sqlite3_stmt *st, struct item *it)
{
	item_from_row(a, st, it);
	/* Kept HTML is used only if this binary's renderer made it; else the page renders the source. */
	it->body_html = sqlite3_column_type(st, COL_BODY_HTML) == SQLITE_TEXT &&
	                sqlite3_column_int(st, COL_BODY_HTML_VERSION) == markup_version()
	                    ? db_text_col(a, st, COL_BODY_HTML)
	                    : NULL;
}

/* The first row of st into out. 1, 0 (no row) or -1; st is left reset. */
static int fetch_one(struct arena *a, sqlite3_stmt *st, struct item *out, int full)
{
	int found = db_row(st);
	if (found == 1) {
		(full ? item_full_from_row : item_from_row)(a, st, out);
		sqlite3_reset(st);
	}
	return found;
}

int item_get_public(struct db *db, struct arena *a, time_t now, long long id, struct item *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_PUBLIC_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	return fetch_one(a, st, out, 1);
}

int item_latest_full(struct db *db, struct arena *a, time_t now, const char *kind, const char *lang,
                     struct item *out)
{
	sqlite3_stmt *st = db_stmt(db, lang ? STMT_ITEM_LATEST_FULL_OF_KIND_LANG : STMT_ITEM_LATEST_FULL_OF_KIND);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, (long long)now);
	db_bind_text(st, 3, lang);
	return fetch_one(a, st, out, 1);
}

/* When the next scheduled item becomes public: LLONG_MAX if none is scheduled, -1 on error. */
static long long next_public_at(struct db *db, long long now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_NEXT_PUBLIC_AT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)now);
	if (db_row(st) != 1)
		return -1;
	long long at = sqlite3_column_type(st, 0) == SQLITE_NULL ? LLONG_MAX : sqlite3_column_int64(st, 0);
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
	char lang[16];               /* the language, or "" for all */
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
static struct key_cache *key_cache_of(struct db *db, time_t now, const struct item_filter *f)
{
	const char *kind = f->kind ? f->kind : "", *lang = f->lang ? f->lang : "";
	long long to = f->to >= (long long)now ? LLONG_MAX : f->to;
	struct key_cache *c = &key_caches[0];
	int same = 0;
	for (int i = 0; i < KEY_LISTS && !same; i++) {
		struct key_cache *k = &key_caches[i];
		same = k->used && strcmp(k->kind, kind) == 0 && strcmp(k->lang, lang) == 0 && k->from == f->from &&
		       k->to == to;
		if (same || k->used < c->used)
			c = k;
	}
	c->used = ++key_clock;
	int current = item_stamp_check(db, (long long)now, &c->stamp);
	if (current < 0) {
		c->used = 0;
		return NULL;
	}
	if (same && current)
		return c;
	snprintf(c->kind, sizeof c->kind, "%s", kind);
	snprintf(c->lang, sizeof c->lang, "%s", lang);
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

/* A list's statements: every kind or one, every language or one (a language seeks its own index). */
struct list_stmts {
	enum stmt all, of_kind, all_lang, of_kind_lang;
};
static const struct list_stmts list_keys = {STMT_ITEM_KEYS_PUBLIC_ALL, STMT_ITEM_KEYS_PUBLIC_OF_KIND,
                                            STMT_ITEM_KEYS_PUBLIC_ALL_LANG, STMT_ITEM_KEYS_PUBLIC_OF_KIND_LANG};
static const struct list_stmts list_rows = {STMT_ITEMS_PUBLIC_ALL, STMT_ITEMS_PUBLIC_OF_KIND, STMT_ITEMS_PUBLIC_ALL_LANG,
                                            STMT_ITEMS_PUBLIC_OF_KIND_LANG};

/* The statement of l that fits f, with its parameters bound: the kind, f's earliest time, the key the rows
 * start below, how many rows and the language. NULL on error. */
static sqlite3_stmt *below_key(struct db *db, const struct item_filter *f, const struct list_stmts *l,
                               const struct list_key *key, long long rows)
{
	sqlite3_stmt *st = db_stmt(db, f->lang ? (f->kind ? l->of_kind_lang : l->all_lang)
	                                       : (f->kind ? l->of_kind : l->all));
	if (st == NULL)
		return NULL;
	int p = 1;
	if (f->kind)
		db_bind_text(st, p++, f->kind);
	sqlite3_bind_int64(st, p++, f->from);
	sqlite3_bind_int64(st, p++, key->at);
	sqlite3_bind_int64(st, p++, key->id);
	sqlite3_bind_int64(st, p++, rows);
	db_bind_text(st, p++, f->lang);
	return st;
}

/* Step through up to count keys of f below *key, leaving *key at the last one; every KEY_STRIDE-th is
 * kept in c when c is given (so *key must then be a multiple of KEY_STRIDE from the top). Returns how many
 * keys there were, or -1. */
static long long walk_keys(struct db *db, const struct item_filter *f, struct list_key *key, long long count,
                           struct key_cache *c)
{
	sqlite3_stmt *st = below_key(db, f, &list_keys, key, count);
	if (st == NULL)
		return -1;
	long long n = 0;
	int rc;
	while ((rc = db_row(st)) == 1) {
		key->at = sqlite3_column_int64(st, 0);
		key->id = sqlite3_column_int64(st, 1);
		if (++n % KEY_STRIDE == 0 && c)
			keep_key(c, key);
	}
	return rc < 0 ? -1 : n;
}

/* The key the list f starts below after skipping skip items. Returns 1, 0 (the list is shorter) or -1. */
static int list_start(struct db *db, time_t now, const struct item_filter *f, long long skip, struct list_key *key)
{
	*key = (struct list_key){f->to, LLONG_MAX};
	if (skip <= 0)
		return 1;
	struct key_cache *c = key_cache_of(db, now, f);
	if (c == NULL)
		return -1;
	long long stride = skip / KEY_STRIDE, rest = skip % KEY_STRIDE;
	if (stride > c->n && !c->complete) {
		struct list_key from = c->n ? c->keys[c->n - 1] : *key;
		long long want = (stride - c->n) * KEY_STRIDE, got = walk_keys(db, f, &from, want, c);
		if (got < 0)
			return -1;
		c->complete = got < want;
	}
	if (stride > c->n)
		return 0;
	if (stride > 0)
		*key = c->keys[stride - 1];
	if (rest > 0) {
		long long got = walk_keys(db, f, key, rest, NULL);
		if (got < 0)
			return -1;
		if (got < rest)
			return 0;
	}
	return 1;
}

int item_list(struct db *db, struct arena *a, time_t now, const struct item_filter *f, int limit, long long offset,
              struct item **out)
{
	struct item *items = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *items);
	struct list_key start;
	*out = items;
	int found = list_start(db, now, f, offset, &start);
	if (found <= 0)
		return found;
	sqlite3_stmt *st = below_key(db, f, &list_rows, &start, limit);
	if (st == NULL)
		return -1;

	int n = 0, rc = 1;
	while (n < limit && (rc = db_row(st)) == 1)
		item_from_row(a, st, &items[n++]);
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}

/* The kinds and their words: the one place that names them (input.c's validators list the same words). */
static const struct {
	const char *kind, *segment, *label[4]; /* label[ITEM_LABEL_MANY | ITEM_LABEL_LOWER] */
} kinds[] = {
	{"release", "releases", {I18N_NOOP("Press release"), I18N_NOOP("Press releases"), I18N_NOOP("press release"),
	                         I18N_NOOP("press releases")}},
	{"event", "events", {I18N_NOOP("Event"), I18N_NOOP("Events"), I18N_NOOP("event"), I18N_NOOP("events")}},
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
	return i18n_text(kinds[kind_index(kind)].label[form & 3]);
}

const char *item_path(struct req *r, const struct item *it)
{
	/* "/%s/%lld-%s" written out: a list page makes twenty of these, and vsnprintf cost some 1,300 each. */
	const char *seg = item_kind_segment(it->kind), *slug = it->slug ? it->slug : "";
	char digits[24], *d = digits + sizeof digits;
	unsigned long long id = it->id < 0 ? 0 : (unsigned long long)it->id;
	do
		*--d = (char)('0' + id % 10);
	while ((id /= 10) != 0);
	size_t nseg = strlen(seg), ndig = (size_t)(digits + sizeof digits - d), nslug = strlen(slug);
	char *p = arena_alloc(r->arena, 1 + nseg + 1 + ndig + 1 + nslug + 1), *o = p;
	*o++ = '/';
	memcpy(o, seg, nseg);
	o += nseg;
	*o++ = '/';
	memcpy(o, d, ndig);
	o += ndig;
	*o++ = '-';
	memcpy(o, slug, nslug + 1);
	return p;
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
		{"press-release", I18N_NOOP("Press release")}, {"statement", I18N_NOOP("Statement")},
		{"comment", I18N_NOOP("Comment")},             {"interview", I18N_NOOP("Interview")},
		{"news", I18N_NOOP("News")},                   {"speech", I18N_NOOP("Speech")},
		{"briefing", I18N_NOOP("Briefing")},           {"event", I18N_NOOP("Event")},
	};
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i].type, type) == 0)
			return i18n_text(labels[i].label);
	return type;
}

int item_withdrawal(struct db *db, struct arena *a, long long id, struct item_withdrawal *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_STATUS_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int found = db_row(st);
	if (found != 1)
		return found;
	int withdrawn = strcmp((const char *)sqlite3_column_text(st, 4), "withdrawn") == 0;
	if (withdrawn)
		*out = (struct item_withdrawal){.title = db_text_col(a, st, 3), .at = sqlite3_column_int64(st, 6),
		                                .note = db_text_col(a, st, 7)};
	sqlite3_reset(st);
	return withdrawn;
}

int item_neighbour(struct db *db, struct arena *a, time_t now, const struct item *it, int newer, struct item *out)
{
	sqlite3_stmt *st = db_stmt(db, newer ? STMT_ITEM_PUBLIC_NEWER : STMT_ITEM_PUBLIC_OLDER);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, it->published_at);
	sqlite3_bind_int64(st, 2, it->id);
	if (newer)
		sqlite3_bind_int64(st, 3, (long long)now);
	return fetch_one(a, st, out, 0);
}

int item_feed(struct db *db, struct arena *a, time_t now, const char *kind, const char *lang, int limit,
              struct item_entry **out)
{
	sqlite3_stmt *st = db_stmt(db, lang ? STMT_ITEMS_FEED_LANG : STMT_ITEMS_FEED);
	if (st == NULL)
		return -1;
	struct item_entry *e = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *e);
	*out = e;
	if (kind)
		db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, (long long)now);
	sqlite3_bind_int(st, 3, limit);
	db_bind_text(st, 4, lang);
	int n = 0, rc = 1;
	while (n < limit && (rc = db_row(st)) == 1) {
		item_full_from_row(a, st, &e[n].it);
		e[n++].created_at = sqlite3_column_int64(st, ITEM_FULL_COLS);
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}

int item_feed_withdrawn(struct db *db, struct arena *a, time_t now, const char *kind, const char *lang,
                        time_t since, int limit, struct item_tombstone **out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEMS_FEED_WITHDRAWN);
	if (st == NULL)
		return -1;
	struct item_tombstone *t = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *t);
	*out = t;
	if (kind)
		db_bind_text(st, 1, kind);
	sqlite3_bind_int64(st, 2, (long long)since);
	sqlite3_bind_int64(st, 3, (long long)now);
	if (lang)
		db_bind_text(st, 4, lang);
	sqlite3_bind_int(st, 5, limit);
	int n = 0, rc = 1;
	while (n < limit && (rc = db_row(st)) == 1) {
		memset(&t[n], 0, sizeof t[n]);
		t[n].it.id = sqlite3_column_int64(st, 0);
		t[n].it.kind = db_text_col(a, st, 1);
		t[n].it.slug = db_text_col(a, st, 2);
		t[n].created_at = sqlite3_column_int64(st, 3);
		t[n].withdrawn_at = sqlite3_column_int64(st, 4);
		t[n++].note = db_text_col(a, st, 5);
	}
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}

long long item_public_count(struct db *db, time_t now)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEMS_PUBLIC_COUNT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, LLONG_MIN);
	sqlite3_bind_int64(st, 2, (long long)now);
	if (db_row(st) != 1)
		return -1;
	long long n = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return n;
}

int item_sitemap(struct db *db, struct arena *a, time_t now, int limit, long long offset, struct item **out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEMS_SITEMAP);
	if (st == NULL)
		return -1;
	struct item *items = arena_alloc(a, (size_t)(limit > 0 ? limit : 1) * sizeof *items);
	*out = items;
	sqlite3_bind_int64(st, 1, (long long)now);
	sqlite3_bind_int(st, 2, limit);
	sqlite3_bind_int64(st, 3, offset);
	int n = 0, rc = 1;
	while (n < limit && (rc = db_row(st)) == 1)
		items[n++] = (struct item){.id = sqlite3_column_int64(st, 0), .kind = db_text_col(a, st, 1),
		                           .slug = db_text_col(a, st, 2), .updated_at = sqlite3_column_int64(st, 3)};
	sqlite3_reset(st);
	return rc < 0 ? -1 : n;
}
