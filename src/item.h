/* item.h: press releases and events as the public site reads them. */
#ifndef PRESSROOM_ITEM_H
#define PRESSROOM_ITEM_H

#include <stddef.h>

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
};

/* What /messages shows: all kinds or one, every year or one, one page of them. */
struct item_filter {
	const char *kind;       /* NULL for all */
	long long from, to;     /* published_at range, inclusive */
};

/* The public item id into *out, strings owned by the request. Returns 1 found, 0 not found, -1 error. */
int item_get_public(struct req *r, long long id, struct item *out);
/* The newest public item of kind, in full. Returns 1, 0 or -1 as above. */
int item_latest_full(struct req *r, const char *kind, struct item *out);
/* Up to limit public items matching f, newest first, skipping offset; the array belongs to the request.
 * Returns the count, or -1 on error. However large offset is, this is an index seek: the keys where deep
 * pages start are found once and kept (see item.c). */
int item_list(struct req *r, const struct item_filter *f, int limit, long long offset, struct item **out);

/* The rule every per-worker cache of public items keeps to: what was built from them stays current while no
 * commit is seen (db_data_version) and no scheduled item has become public (until then the public items are
 * those public now). A zeroed stamp is stale. */
struct item_stamp {
	long long version, until;
};
/* 1 if what was built under *s is current at now; 0 after stamping *s with the present (the caller rebuilds,
 * and what it builds now is current under the new stamp); -1 on error, *s left stale. */
struct db;
int item_stamp_check(struct db *db, long long now, struct item_stamp *s);

/* Fill it from the current row of st, whose first twelve columns are those of sql/queries.sql's item
 * statements. Strings are copied into the request. */
struct sqlite3_stmt;
void item_from_row(struct req *r, struct sqlite3_stmt *st, struct item *it);

/* Answer for an item id that is not public: 410 with the withdrawal notice if it was withdrawn, else 404
 * (a draft or a scheduled item does not exist for the public yet). */
void item_not_public(struct req *r, long long id);

/* The public item just newer (newer=1) or older than it. Returns 1, 0 (none) or -1. */
int item_neighbour(struct req *r, const struct item *it, int newer, struct item *out);

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
