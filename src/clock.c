/* clock.c: zone arithmetic over the tz database (tzdata).
 *
 * A zone's transitions are read from its TZif file (RFC 8536) once per process, so the offset in force at
 * any time up to the file's last transition is a binary search: no file read, no TZ switch. (A list page
 * dates twenty items, each in another season; through glibc that was a zone file opened per date.)
 * After the last transition the footer's POSIX rule applies, which glibc knows: there a lookup switches TZ,
 * which re-reads the zone file, so that offset is cached per quarter hour: every summer-time change in the
 * tz database falls on a quarter hour, so an offset cannot change inside one. */
#include "clock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* The msgids of the month names: alone (the archive) and inside a date (Russian takes the genitive there:
 * "23 января"), each translated in po/. */
static const char *const months[12] = {
	I18N_NOOP("January"), I18N_NOOP("February"), I18N_NOOP("March"),     I18N_NOOP("April"),
	I18N_NOOP("May"),     I18N_NOOP("June"),     I18N_NOOP("July"),      I18N_NOOP("August"),
	I18N_NOOP("September"), I18N_NOOP("October"), I18N_NOOP("November"), I18N_NOOP("December")};
static const char *const months_in_date[12] = {
	I18N_CNOOP("in a date", "January"), I18N_CNOOP("in a date", "February"), I18N_CNOOP("in a date", "March"),
	I18N_CNOOP("in a date", "April"),   I18N_CNOOP("in a date", "May"),      I18N_CNOOP("in a date", "June"),
	I18N_CNOOP("in a date", "July"),    I18N_CNOOP("in a date", "August"),   I18N_CNOOP("in a date", "September"),
	I18N_CNOOP("in a date", "October"), I18N_CNOOP("in a date", "November"), I18N_CNOOP("in a date", "December")};

enum { CACHE_SLOTS = 8, QUARTER = 900 };

static struct {
	char zone[64];
	time_t quarter;
	long gmtoff;
} cache[CACHE_SLOTS];
static int cache_next;

/* Make zone the C library's current zone. TZ=":Area/City" makes glibc read that file and nothing else. */
static int use_zone(const char *zone)
{
	char tz[80];
	if (strlen(zone) >= sizeof cache[0].zone || zone[0] == '/' || strstr(zone, "..") != NULL)
		return -1;
	snprintf(tz, sizeof tz, ":%s", zone);
	const char *cur = getenv("TZ");
	if (cur == NULL || strcmp(cur, tz) != 0) {
		setenv("TZ", tz, 1);
		tzset();
	}
	return 0;
}

int clock_zone_known(const char *zone)
{
	char path[160];
	if (strlen(zone) >= 64 || zone[0] == '/' || zone[0] == '\0' || strstr(zone, "..") != NULL)
		return 0;
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	/* A zone file, not a directory ("Europe") or one of the tables that sit beside the zones. */
	char magic[4];
	FILE *f = fopen(path, "rb");
	int known = f != NULL && fread(magic, 1, sizeof magic, f) == sizeof magic && memcmp(magic, "TZif", 4) == 0;
	if (f != NULL)
		fclose(f);
	return known;
}

/* ---- the transitions of a zone, from its file ---- */

enum { TABLES = 8, TZIF_MAX = 1 << 16 };

static struct zone_table {
	char zone[64];
	int n;               /* transitions; 0 with ok: the file has none (a fixed offset, or footer only) */
	long long *at;       /* when each happens, ascending */
	int *off;            /* the UTC offset from that moment */
	int first;           /* the offset before the first transition (time type 0) */
	int ok;              /* the file was read: else the glibc path decides */
} tables[TABLES];
static int table_next;

static long long be(const unsigned char *p, int bytes)
{
	unsigned long long v = 0;
	for (int i = 0; i < bytes; i++)
		v = v << 8 | p[i];
	return bytes == 4 ? (long long)(int)(unsigned)v : (long long)v;
}

/* Parse the version-2 (64-bit) data of a TZif file into t. Returns 0, or -1 if it is not one. */
static int parse_tzif(const unsigned char *d, size_t len, struct zone_table *t)
{
	/* Header: magic, version, 15 unused, then isutcnt isstdcnt leapcnt timecnt typecnt charcnt. */
	if (len < 44 || memcmp(d, "TZif", 4) != 0 || d[4] < '2')
		return -1;
	size_t v1 = (size_t)be(d + 32, 4) * 5 + (size_t)be(d + 36, 4) * 6 + (size_t)be(d + 40, 4) +
	            (size_t)be(d + 28, 4) * 8 + (size_t)be(d + 24, 4) + (size_t)be(d + 20, 4);
	if (44 + v1 + 44 > len)
		return -1;
	const unsigned char *h = d + 44 + v1;
	long long timecnt = be(h + 32, 4), typecnt = be(h + 36, 4);
	const unsigned char *times = h + 44, *idx = times + timecnt * 8, *types = idx + timecnt;
	if (memcmp(h, "TZif", 4) != 0 || typecnt < 1 || timecnt < 0 ||
	    (size_t)(types + typecnt * 6 - d) > len)
		return -1;
	t->at = malloc(((size_t)timecnt + 1) * sizeof *t->at);
	t->off = malloc(((size_t)timecnt + 1) * sizeof *t->off);
	if (t->at == NULL || t->off == NULL)
		return -1;
	for (long long i = 0; i < timecnt; i++) {
		if (idx[i] >= typecnt)
			return -1;
		t->at[i] = be(times + i * 8, 8);
		t->off[i] = (int)be(types + idx[i] * 6, 4);
	}
	t->n = (int)timecnt;
	t->first = (int)be(types, 4);
	return 0;
}

/* The table of zone, read on first use. NULL for a name that cannot be a zone or a file that is none. */
static struct zone_table *zone_table(const char *zone)
{
	for (int i = 0; i < TABLES; i++)
		if (tables[i].zone[0] && strcmp(tables[i].zone, zone) == 0)
			return tables[i].ok ? &tables[i] : NULL;
	if (!clock_zone_known(zone))
		return NULL;
	struct zone_table *t = &tables[table_next];
	table_next = (table_next + 1) % TABLES;
	free(t->at);
	free(t->off);
	memset(t, 0, sizeof *t);
	snprintf(t->zone, sizeof t->zone, "%s", zone);
	char path[160];
	snprintf(path, sizeof path, "/usr/share/zoneinfo/%s", zone);
	unsigned char *d = malloc(TZIF_MAX);
	FILE *f = fopen(path, "rb");
	size_t len = f && d ? fread(d, 1, TZIF_MAX, f) : 0;
	if (f)
		fclose(f);
	t->ok = len > 0 && len < TZIF_MAX && parse_tzif(d, len, t) == 0;
	free(d);
	return t->ok ? t : NULL;
}

/* ---- offsets ---- */

static int offset_of(const char *zone, time_t t, long *gmtoff)
{
	struct zone_table *z = zone_table(zone);
	if (z && z->n > 0 && (long long)t < z->at[z->n - 1]) {
		int lo = 0, hi = z->n; /* the first transition after t is at[lo] */
		while (lo < hi) {
			int mid = lo + (hi - lo) / 2;
			if (z->at[mid] <= (long long)t)
				lo = mid + 1;
			else
				hi = mid;
		}
		*gmtoff = lo == 0 ? z->first : z->off[lo - 1];
		return 0;
	}
	time_t quarter = t - (t % QUARTER + QUARTER) % QUARTER;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		if (cache[i].quarter == quarter && strcmp(cache[i].zone, zone) == 0) {
			*gmtoff = cache[i].gmtoff;
			return 0;
		}
	}
	if (!clock_zone_known(zone) || use_zone(zone) != 0)
		return -1;
	struct tm tm;
	if (localtime_r(&quarter, &tm) == NULL)
		return -1;
	int slot = cache_next;
	cache_next = (cache_next + 1) % CACHE_SLOTS;
	snprintf(cache[slot].zone, sizeof cache[slot].zone, "%s", zone);
	cache[slot].quarter = quarter;
	cache[slot].gmtoff = tm.tm_gmtoff;
	*gmtoff = tm.tm_gmtoff;
	return 0;
}

int clock_local(const char *zone, time_t t, struct tm *out)
{
	long off = 0;
	int rc = offset_of(zone, t, &off);
	time_t shifted = t + (rc == 0 ? off : 0);
	gmtime_r(&shifted, out);
	out->tm_gmtoff = rc == 0 ? off : 0;
	return rc;
}

int clock_to_utc(const char *zone, int year, int month, int day, int hour, int min, time_t *out)
{
	static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
	if (month < 1 || month > 12 || day < 1 || day > mdays[month - 1] || (month == 2 && day == 29 && !leap) ||
	    hour < 0 || hour > 23 || min < 0 || min > 59)
		return -1;
	/* Not mktime: which reading of a time that happens twice it picks depends on its previous call. Instead,
	 * the wall-clock time read as UTC, less the offset in force a day before or a day after it. */
	struct tm tm = {0};
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_hour = hour;
	tm.tm_min = min;
	time_t wall = timegm(&tm);
	long before, after, off;
	if (wall == (time_t)-1 || offset_of(zone, wall - 86400, &before) != 0 ||
	    offset_of(zone, wall + 86400, &after) != 0)
		return -1;
	/* The larger offset gives the earlier instant: try it first, so a time that happens twice is the first. */
	long first = before > after ? before : after, second = before > after ? after : before;
	if (offset_of(zone, wall - first, &off) == 0 && off == first)
		*out = wall - first;
	else if (offset_of(zone, wall - second, &off) == 0 && off == second)
		*out = wall - second;
	else
		*out = wall - before; /* in a gap: the clock reads as if it had moved on, so the time after it */
	return 0;
}

int clock_month_range(const char *zone, int year, int month, long long *first, long long *last)
{
	/* The next month's (or year's) first second, less one: months and years differ in length, and a
	 * summer-time change may fall inside. */
	int y1 = month == 0 || month == 12 ? year + 1 : year, m1 = month == 0 || month == 12 ? 1 : month + 1;
	time_t start, end;
	if (clock_to_utc(zone, year, month ? month : 1, 1, 0, 0, &start) != 0 ||
	    clock_to_utc(zone, y1, m1, 1, 0, 0, &end) != 0)
		return -1;
	*first = (long long)start;
	*last = (long long)end - 1;
	return 0;
}

const char *clock_month_name(int month)
{
	return i18n_text(months[(month + 11) % 12]);
}

time_t clock_minute(time_t t)
{
	return t - (t % 60 + 60) % 60;
}

/* The formats below write their digits themselves: a list page formats some forty dates, and snprintf or
 * strftime cost over a thousand instructions each. Out of the range they are written for (years 0 to 9999,
 * or too little room), they fall back on the C library, which writes the same. */
static char *digits(char *p, int v, int width)
{
	for (int i = width - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + width;
}

static int year_fits(const struct tm *tm)
{
	return tm->tm_year >= -1900 && tm->tm_year <= 9999 - 1900;
}

static int day_fits(const struct tm *tm)
{
	return tm->tm_mday >= 1 && tm->tm_mday <= 31 && tm->tm_mon >= 0 && tm->tm_mon <= 11;
}

char *clock_fmt_long_date(const struct tm *tm, char *out, size_t len)
{
	const char *month = i18n_ctext("in a date", months_in_date[tm->tm_mon % 12]);
	/* TRANSLATORS: a long date: %1$d the day, %2$s the month (in a date), %3$d the year. */
	snprintf(out, len, i18n_text("%1$d %2$s %3$d"), tm->tm_mday, month, tm->tm_year + 1900);
	return out;
}

char *clock_fmt_dotted_date(const struct tm *tm, char *out, size_t len)
{
	if (len < 11 || !year_fits(tm) || !day_fits(tm)) {
		snprintf(out, len, "%02d.%02d.%04d", tm->tm_mday, tm->tm_mon + 1, tm->tm_year + 1900);
		return out;
	}
	char *p = digits(out, tm->tm_mday, 2);
	*p++ = '.';
	p = digits(p, tm->tm_mon + 1, 2);
	*p++ = '.';
	p = digits(p, tm->tm_year + 1900, 4);
	*p = '\0';
	return out;
}

char *clock_fmt_hhmm(const struct tm *tm, char *out, size_t len)
{
	if (len < 6 || tm->tm_hour < 0 || tm->tm_hour > 99 || tm->tm_min < 0 || tm->tm_min > 99) {
		snprintf(out, len, "%02d:%02d", tm->tm_hour, tm->tm_min);
		return out;
	}
	char *p = digits(out, tm->tm_hour, 2);
	*p++ = ':';
	p = digits(p, tm->tm_min, 2);
	*p = '\0';
	return out;
}

char *clock_fmt_iso_utc(time_t t, char *out, size_t len)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	if (len < 21 || !year_fits(&tm)) {
		strftime(out, len, "%Y-%m-%dT%H:%M:%SZ", &tm);
		return out;
	}
	char *p = digits(out, tm.tm_year + 1900, 4);
	*p++ = '-';
	p = digits(p, tm.tm_mon + 1, 2);
	*p++ = '-';
	p = digits(p, tm.tm_mday, 2);
	*p++ = 'T';
	p = digits(p, tm.tm_hour, 2);
	*p++ = ':';
	p = digits(p, tm.tm_min, 2);
	*p++ = ':';
	p = digits(p, tm.tm_sec, 2);
	*p++ = 'Z';
	*p = '\0';
	return out;
}
