/* item_public.h: press releases and events as the public site reads them. */
#ifndef PRESSROOM_ITEM_PUBLIC_H
#define PRESSROOM_ITEM_PUBLIC_H

#include <stddef.h>
#include <time.h>

struct req;

struct item {
	long long id;
	const char *kind;       /* "release" or "event" */
	const char *type;       /* "statement", "comment", ... */
	const char *slug;
	const char *title;
	const char *teaser;
	const char *body;       /* CommonMark; "" in lists */
	const char *signature;  /* "" in lists */
	long long published_at;
	long long updated_at;
	long long public_updated_at; /* when a published item was last edited; 0 if never */
	const char *update_note;     /* what that edit changed, shown with "Updated" */
	const char *body_html;       /* body as markup.c rendered it when written; NULL when none was kept, when
	                              * it was kept by another renderer version (markup_version), and in lists */
};

/* What /messages shows: all kinds or one, every year or one, one page of them. */
struct item_filter {
	const char *kind;       /* NULL for all */
	long long from, to;     /* published_at range, inclusive */
	const char *lang;       /* the items' language (BCP 47), NULL for all */
};

/* Reading items. Like every store module these take the connection, the arena that owns the strings they
 * return (the request's) and the time that decides what is public; they never see a request and never
 * answer one: the pages turn what they return into a template or a status. */
struct arena;
struct db;

/* The public item id into *out. Returns 1 found, 0 not found, -1 error (logged). */
int item_get_public(struct db *db, struct arena *a, time_t now, long long id, struct item *out);
/* The newest public item of kind in lang (NULL: any language), in full. Returns 1, 0 or -1 as above. */
int item_latest_full(struct db *db, struct arena *a, time_t now, const char *kind, const char *lang,
                     struct item *out);
/* Up to limit public items matching f, newest first, skipping offset, into an array owned by a.
 * Returns the count, or -1 on error. However large offset is, this is an index seek: the keys where deep
 * pages start are found once and kept (see item_public.c). */
int item_list(struct db *db, struct arena *a, time_t now, const struct item_filter *f, int limit, long long offset,
              struct item **out);
/* The public item just newer (newer=1) or older than it. Returns 1, 0 (none) or -1. */
int item_neighbour(struct db *db, struct arena *a, time_t now, const struct item *it, int newer, struct item *out);

/* The rule every per-worker cache of public items keeps to: what was built from them stays current while no
 * commit is seen (db_data_version) and no scheduled item has become public (until then the public items are
 * those public now). A zeroed stamp is stale. */
struct item_stamp {
	long long version, until;
};
/* 1 if what was built under *s is current at now; 0 after stamping *s with the present (the caller rebuilds,
 * and what it builds now is current under the new stamp); -1 on error, *s left stale. */
int item_stamp_check(struct db *db, long long now, struct item_stamp *s);

/* Why an item id that is not public is not: withdrawn (1, with the notice in *out), or a draft, a scheduled
 * item or no item at all (0), which the public may not tell apart. -1 on error. */
struct item_withdrawal {
	const char *title;
	long long at;
	const char *note;  /* "" when none was given */
};
int item_withdrawal(struct db *db, struct arena *a, long long id, struct item_withdrawal *out);

/* The newest limit public items in full (of kind, or all when NULL; in lang, or all when NULL), with when
 * each was created, for the feeds. Returns the count, or -1. */
struct item_entry {
	struct item it;
	long long created_at;
};
int item_feed(struct db *db, struct arena *a, time_t now, const char *kind, const char *lang, int limit,
              struct item_entry **out);
/* The statements of kind (NULL: all) in lang (NULL: all) withdrawn from since to now that the public had
 * seen, newest first, at most limit: it has only id, kind and slug set. For the feeds' tombstones
 * (RFC 6721). Returns the count, or -1. */
struct item_tombstone {
	struct item it;
	long long created_at, withdrawn_at;
	const char *note;   /* "" when none was given */
};
int item_feed_withdrawn(struct db *db, struct arena *a, time_t now, const char *kind, const char *lang,
                        time_t since, int limit, struct item_tombstone **out);
/* How many items are public now, or -1. */
long long item_public_count(struct db *db, time_t now);
/* Public items [offset, offset + limit) in id order, with only id, kind, slug and updated_at (the later of
 * the edit and the publication) set, for the sitemaps. Returns the count, or -1. */
int item_sitemap(struct db *db, struct arena *a, time_t now, int limit, long long offset, struct item **out);

/* Fill it from the current row of st, whose first ITEM_COLS columns are those of sql/queries.sql's item
 * statements; body_html is NULL. Strings are copied into a. */
enum { ITEM_COLS = 12, ITEM_FULL_COLS = ITEM_COLS + 2 };
struct sqlite3_stmt;
void item_from_row(struct arena *a, struct sqlite3_stmt *st, struct item *it);
/* The same for a statement that returns the body in full: ITEM_FULL_COLS columns, the last two the kept HTML
 * and its renderer version, handed on in body_html only when that version is markup_version(). */
void item_full_from_row(struct arena *a, struct sqlite3_stmt *st, struct item *it);

/* The canonical URL path of an item: /releases/<id>-<slug> or /events/<id>-<slug>, owned by the request. */
const char *item_path(struct req *r, const struct item *it);
/* The admin page of item id: /admin/items/<id>, or /admin/items/<id>?done=<done> (the notice after a change)
 * when done is not NULL. Owned by a. */
struct arena;
const char *item_admin_path(struct arena *a, long long id, const char *done);
/* The words a visitor reads for a type: "statement" -> "Statement", "press-release" -> "Press release". */
const char *item_type_label(const char *type);
/* "release" -> "releases", "event" -> "events": the first segment of the item's URLs. */
const char *item_kind_segment(const char *kind);
/* The words a visitor reads for a kind, in the form asked: ITEM_LABEL_MANY for the plural, ITEM_LABEL_LOWER
 * inside a sentence. "release" -> "Press release", "Press releases", "press release", "press releases". */
enum { ITEM_LABEL_ONE = 0, ITEM_LABEL_MANY = 1, ITEM_LABEL_LOWER = 2 };
const char *item_kind_label(const char *kind, int form);

#endif
