/* archive.c: counts per year and month. Each count is a range count on the public index, so the whole
 * archive costs one pass over that index (75 ms at 100,000 items); the result is kept per worker until the
 * data changes: a commit, or a scheduled item becoming public. (Rebuilt every minute, it was a 75 ms stall
 * per worker per minute, the p99 of /messages.) One archive is kept per language asked for, and one for all. */
#include "archive.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clock.h"
#include "db.h"
#include "item_public.h"
#include "log.h"
#include "req.h"
#include "site.h"

enum { MAX_YEARS = 200, LISTS = 4 };

/* One archive per language asked for (and one for all), the least recently used making room. */
static struct archive {
	char lang[16];          /* "" for every language */
	struct archive_year years[MAX_YEARS];
	int n;                  /* -1: not built */
	struct item_stamp stamp;
	unsigned long used;
} lists[LISTS];
static unsigned long clock_used;

static int count_range(struct req *r, const char *lang, long long from, long long to, long long *out)
{
	sqlite3_stmt *st = db_stmt(r->db, lang ? STMT_ITEMS_PUBLIC_COUNT_LANG : STMT_ITEMS_PUBLIC_COUNT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	if (lang)
		db_bind_text(st, 3, lang);
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int build(struct req *r, const char *lang, struct archive_year *cache)
{
	const char *zone = r->site->zone;
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEMS_PUBLIC_OLDEST);
	if (st == NULL)
		return -1;
	int rc = sqlite3_step(st);
	int empty = rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL;
	long long oldest = empty ? 0 : sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return -1;
	if (empty)
		return 0;
	struct tm first, last;
	clock_local(zone, (time_t)oldest, &first);
	clock_local(zone, r->now, &last);
	int n = 0;
	for (int y = last.tm_year + 1900; y >= first.tm_year + 1900 && n < MAX_YEARS; y--) {
		struct archive_year *ay = &cache[n];
		ay->year = y;
		ay->count = 0;
		for (int m = 1; m <= 12; m++) {
			long long start, to;
			if (clock_month_range(zone, y, m, &start, &to) != 0)
				return -1;
			if (to > (long long)r->now)
				to = (long long)r->now;
			ay->months[m - 1] = 0;
			if (start <= to && count_range(r, lang, start, to, &ay->months[m - 1]) != 0)
				return -1;
			ay->count += ay->months[m - 1];
		}
		if (ay->count > 0)
			n++;
	}
	return n;
}

int archive_years(struct req *r, const char *lang, const struct archive_year **years)
{
	const char *key = lang ? lang : "";
	struct archive *a = &lists[0];
	int same = 0;
	for (int i = 0; i < LISTS && !same; i++) {
		same = lists[i].used && strcmp(lists[i].lang, key) == 0;
		if (same || lists[i].used < a->used)
			a = &lists[i];
	}
	if (!same) {
		snprintf(a->lang, sizeof a->lang, "%s", key);
		a->stamp = (struct item_stamp){0};
		a->n = -1;
	}
	a->used = ++clock_used;
	int current = item_stamp_check(r->db, (long long)r->now, &a->stamp);
	if (current <= 0 || a->n < 0) {
		int n = current < 0 ? -1 : build(r, lang, a->years);
		if (n < 0) {
			log_error("archive counts failed: %s", db_error(r->db));
			a->stamp = (struct item_stamp){0};
			a->n = -1;
			return -1;
		}
		a->n = n;
	}
	*years = a->years;
	return a->n;
}
