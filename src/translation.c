/* translation.c: an item's language and its translation group, and the one rule of staleness (see
 * translation.h). */
#include "translation.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "log.h"

/* The state in columns 0..6 of item_translation_state's row (item_translation_states' too). */
static struct translation_state state_of_row(struct arena *a, sqlite3_stmt *st)
{
	struct translation_state t = {
		.lang = db_text_col(a, st, 0),
		.original = sqlite3_column_int64(st, 1),
		.is_translation = sqlite3_column_int(st, 2),
		.synced_at = sqlite3_column_int64(st, 3),
		.note = db_text_col(a, st, 4),
		.original_changed = sqlite3_column_int64(st, 5),
		.grouped = sqlite3_column_int(st, 6),
	};
	/* The rule: the original changed in public after the translation last caught up. */
	t.stale = t.is_translation && t.original_changed > 0 && t.original_changed > t.synced_at;
	return t;
}

int translation_state(struct db *db, struct arena *a, time_t now, long long id, struct translation_state *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_TRANSLATION_STATE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	int found = db_row(st);
	if (found != 1)
		return found;
	*out = state_of_row(a, st);
	sqlite3_reset(st);
	return 1;
}

int translation_states(struct db *db, struct arena *a, time_t now, const long long *ids, int n,
                       struct translation_state *out)
{
	for (int i = 0; i < n; i++)
		out[i] = (struct translation_state){0};
	if (n == 0)
		return 0;
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_TRANSLATION_STATES);
	if (st == NULL)
		return -1;
	db_bind_ids(st, 1, ids, n);
	sqlite3_bind_int64(st, 2, (long long)now);
	int rc;
	while ((rc = db_row(st)) == 1) {
		long long id = sqlite3_column_int64(st, 7);
		for (int i = 0; i < n; i++)   /* a page's fifty: a scan costs less than sorting */
			if (ids[i] == id)
				out[i] = state_of_row(a, st);
	}
	if (rc < 0)
		for (int i = 0; i < n; i++)
			out[i] = (struct translation_state){0};
	return rc < 0 ? -1 : 0;
}

int translation_group(struct db *db, struct arena *a, time_t now, long long original,
                      struct translation_version **out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_TRANSLATION_GROUP);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, original);
	sqlite3_bind_int64(st, 2, (long long)now);
	int n = 0, cap = 0, rc;
	struct translation_version *v = NULL;
	while ((rc = db_row(st)) == 1) {
		v = arena_grow(a, v, n, &cap, sizeof *v);
		v[n++] = (struct translation_version){
			.id = sqlite3_column_int64(st, 0),
			.kind = db_text_col(a, st, 1),
			.slug = db_text_col(a, st, 2),
			.title = db_text_col(a, st, 3),
			.lang = db_text_col(a, st, 4),
			.public = sqlite3_column_int(st, 5),
		};
	}
	*out = v;
	return rc < 0 ? -1 : n;
}

const struct translation_version *translation_find(const struct translation_version *v, int n, const char *lang)
{
	for (int i = 0; i < n; i++)
		if (strcmp(v[i].lang, lang) == 0)
			return &v[i];
	return NULL;
}

const struct translation_version *translation_default(const struct translation_version *v, int n,
                                                      const char *primary)
{
	const struct translation_version *in_primary = translation_find(v, n, primary);
	if (in_primary && in_primary->public)
		return in_primary;
	return n > 0 && v[0].public ? &v[0] : NULL;
}

int translation_grouped_in(struct db *db, struct arena *a, long long from, long long to, long long **ids,
                           long long **originals)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEMS_SITEMAP_TRANSLATED);
	*ids = *originals = NULL;
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	int n = 0, cap = 0, rc;
	while ((rc = db_row(st)) == 1) {
		int same_cap = cap; /* the two arrays grow together */
		*originals = arena_grow(a, *originals, n, &same_cap, sizeof **originals);
		*ids = arena_grow(a, *ids, n, &cap, sizeof **ids);
		(*ids)[n] = sqlite3_column_int64(st, 0);
		(*originals)[n] = sqlite3_column_int64(st, 1);
		n++;
	}
	return rc < 0 ? -1 : n;
}

int translation_lang_taken(struct db *db, struct arena *a, time_t now, long long original, const char *lang,
                           long long self)
{
	struct translation_version *v;
	int n = translation_group(db, a, now, original, &v);
	if (n < 0)
		return -1;
	const struct translation_version *got = translation_find(v, n, lang);
	return got != NULL && got->id != self;
}

int translation_set(struct db *db, time_t now, long long id, const char *lang, long long original)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_LANGUAGE_SET);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, lang);
	if (original > 0)
		sqlite3_bind_int64(st, 3, original);
	sqlite3_bind_int64(st, 4, (long long)now);
	if (db_run(st) != 0 || sqlite3_changes(db_handle(db)) != 1) {
		log_error("item %lld: language %s, original %lld refused: %s", id, lang, original, db_error(db));
		return -1;
	}
	return 0;
}

int translation_checked(struct db *db, time_t now, long long id, const char *note)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_TRANSLATION_CHECKED);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, (long long)now);
	db_bind_text(st, 3, note);
	if (db_run(st) != 0 || sqlite3_changes(db_handle(db)) != 1) {
		log_error("item %lld could not be marked checked: %s", id, db_error(db));
		return -1;
	}
	return 0;
}

/* Each language's own name for its version, and its English name. A site's languages beyond these show
 * their tags until they are added here. */
static const struct {
	const char *lang, *version, *name;
} languages[] = {
	{"en", "English version", "English"},
	{"ru", "Русская версия", "Russian"},
};

const char *translation_version_label(const char *lang)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
		if (strcmp(languages[i].lang, lang) == 0)
			return languages[i].version;
	return lang;
}

const char *translation_language_name(const char *lang)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
		if (strcmp(languages[i].lang, lang) == 0)
			return languages[i].name;
	return lang;
}
