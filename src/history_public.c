/* history_public.c: the public history a page at a time (history_public.h). */
#include "history_public.h"

#include <string.h>

#include "arena.h"
#include "db.h"
#include "i18n.h"

static struct history_words words_at(struct arena *a, sqlite3_stmt *st, int col)
{
	return (struct history_words){db_text_col(a, st, col), db_text_col(a, st, col + 1),
	                              db_text_col(a, st, col + 2), db_text_col(a, st, col + 3)};
}

int history_page(struct db *db, struct arena *a, time_t now, long long page, int per, long long *total,
                 struct history_entry **out)
{
	*total = 0;
	*out = NULL;
	int rc = db_take(db_stmt(db, STMT_HISTORY_HEAD), a, DB_INT64(total));
	if (rc <= 0)
		return rc;

	long long from = *total - (page - 1) * per;
	if (from < 1)
		return 0;
	sqlite3_stmt *st = db_stmt(db, STMT_HISTORY_PAGE);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int(st, 2, per);
	sqlite3_bind_int64(st, 3, (long long)now);
	struct history_entry *e = arena_alloc(a, (size_t)per * sizeof *e);
	int n = 0;
	while (n < per && (rc = db_row(st)) == 1) {
		struct history_entry *h = &e[n++];
		memset(h, 0, sizeof *h);
		h->seq = sqlite3_column_int64(st, 0);
		h->hash = db_text_col(a, st, 6);
		if (!sqlite3_column_int(st, 2)) {
			h->sealed = 1;   /* as /history.txt: the hash alone until the item's time */
			continue;
		}
		h->at = sqlite3_column_int64(st, 1);
		h->change = db_text_col(a, st, 3);
		h->version = sqlite3_column_int(st, 4);
		h->text_sha256 = db_text_col(a, st, 5);
		h->item_id = sqlite3_column_int64(st, 7);
		h->kind = db_text_col(a, st, 8);
		h->slug = db_text_col(a, st, 9);
		h->words = words_at(a, st, 10);
		h->note = h->version > 1 ? db_text_col(a, st, 14) : "";
		h->has_before = sqlite3_column_int(st, 15);
		if (h->has_before)
			h->before = words_at(a, st, 16);
	}
	if (n == per && rc == 1)
		sqlite3_reset(st);
	if (rc < 0)
		return -1;
	*out = e;
	return n;
}

const char *history_change_label(const char *change)
{
	if (strcmp(change, "corrected") == 0)
		return i18n_text("Corrected");
	if (strcmp(change, "withdrawn") == 0)
		return i18n_text("Withdrawn");
	return i18n_text("Published");
}
