/* archive.c: counts per year and month. Each count is a range count on the public index, so the whole
 * archive costs one pass over that index (75 ms at 100,000 items); the result is kept per worker until the
 * data changes: a commit, or a scheduled item becoming public. (Rebuilt every minute, it was a 75 ms stall
 * per worker per minute, the p99 of /messages.) */
#include "archive.h"

#include <stdlib.h>

#include "clock.h"
#include "db.h"
#include "item_public.h"
#include "log.h"
#include "req.h"
#include "site.h"

enum { MAX_YEARS = 200 };

static struct archive_year cache[MAX_YEARS];
static int cached_n = -1;
static struct item_stamp stamp;

static int count_range(struct req *r, long long from, long long to, long long *out)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEMS_PUBLIC_COUNT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, from);
	sqlite3_bind_int64(st, 2, to);
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

static int build(struct req *r)
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
			if (start <= to && count_range(r, start, to, &ay->months[m - 1]) != 0)
				return -1;
			ay->count += ay->months[m - 1];
		}
		if (ay->count > 0)
			n++;
	}
	return n;
}

int archive_years(struct req *r, const struct archive_year **years)
{
	int current = item_stamp_check(r->db, (long long)r->now, &stamp);
	if (current <= 0 || cached_n < 0) {
		int n = current < 0 ? -1 : build(r);
		if (n < 0) {
			log_error("archive counts failed: %s", db_error(r->db));
			stamp = (struct item_stamp){0};
			cached_n = -1;
			return -1;
		}
		cached_n = n;
	}
	*years = cache;
	return cached_n;
}
