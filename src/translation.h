/* translation.h: an item's language and its translation group (functions prefixed translation_): which
 * versions of one statement exist, and whether a translation is stale. Staleness is decided here and
 * nowhere else: pages and templates only show what translation_state says. */
#ifndef PRESSROOM_TRANSLATION_H
#define PRESSROOM_TRANSLATION_H

#include <time.h>

struct arena;
struct db;

/* An item's place in its group. */
struct translation_state {
	const char *lang;            /* the item's language (BCP 47) */
	long long original;          /* the group's original: the item's own id when it is an original */
	int is_translation;          /* 1 when the item translates original */
	long long synced_at;         /* a translation: when it last caught up (saved, or checked); 0 never */
	const char *note;            /* the note of its last "checked, still accurate", or "" */
	long long original_changed;  /* when the original last changed in public; 0 while it is not public */
	int stale;                   /* a translation whose original changed in public after synced_at */
	int grouped;                 /* the item has other versions (translation_group would list more than it) */
};
/* The state of item id at now into *out (strings owned by a). 1 found, 0 no such item, -1 error (logged). */
int translation_state(struct db *db, struct arena *a, time_t now, long long id, struct translation_state *out);
/* translation_state for each of the n items ids[i] into out[i], in one query (a list's page). An id that
 * does not exist, and every one on an error, leaves out[i] zeroed (lang NULL). Strings owned by a. Returns 0,
 * or -1 on an error (logged). */
int translation_states(struct db *db, struct arena *a, time_t now, const long long *ids, int n,
                       struct translation_state *out);

/* One version of a statement. */
struct translation_version {
	long long id;
	const char *kind, *slug, *title, *lang;
	int public;                  /* public at now */
};
/* Every version in the group of original (the original first, then by language), whatever its status,
 * into an array owned by a. Returns the count (0: no such item), or -1. */
int translation_group(struct db *db, struct arena *a, time_t now, long long original,
                      struct translation_version **out);
/* The version of lang in a group, or NULL. */
const struct translation_version *translation_find(const struct translation_version *v, int n, const char *lang);

/* The version for readers of other languages (hreflang="x-default"): the public one in primary (the site's
 * first language), else the original if it is public, else NULL. */
const struct translation_version *translation_default(const struct translation_version *v, int n,
                                                      const char *primary);

/* The items with ids in [from, to] that are in a translation group, whatever their status, in id order:
 * ids[i] and the original of its group originals[i], arrays owned by a. Returns the count, or -1. (One
 * sitemap file's range: it looks up only the public items it lists.) */
int translation_grouped_in(struct db *db, struct arena *a, long long from, long long to, long long **ids,
                           long long **originals);

/* Does another item than self in the group of original already have lang? 1 yes, 0 no, -1 error. */
int translation_lang_taken(struct db *db, struct arena *a, time_t now, long long original, const char *lang,
                           long long self);

/* Inside the caller's transaction, after item id is saved: set its language and, when original > 0, make it
 * the translation of original that caught up at now. 0, or -1 when original is missing, is itself a
 * translation, is in lang, or already has a version in lang (logged). */
int translation_set(struct db *db, time_t now, long long id, const char *lang, long long original);
/* "Checked, still accurate": translation id counts as caught up at now, with the officer's note. 0 or -1. */
int translation_checked(struct db *db, time_t now, long long id, const char *note);

/* The name of a language in that language, for the visible links between versions ("English version",
 * "Русская версия") and the admin: the tag itself when unknown. */
const char *translation_version_label(const char *lang);
/* The English name of a language, for the admin ("Russian"): the tag itself when unknown. */
const char *translation_language_name(const char *lang);

#endif
