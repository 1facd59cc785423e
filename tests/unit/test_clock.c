/* test_clock.c: unit tests for clock.c (local time in named zones, summer-time edges and the offset cache,
 * local wall-clock time to UTC, zone names, date formats). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"

/* Instants used below, as seconds since the epoch (checked with date -u -d ... +%s). */
enum {
	T_2018_01_23_1550 = 1516722600,   /* 2018-01-23T15:50:00Z */
	T_2018_07_01_1200 = 1530446400,   /* 2018-07-01T12:00:00Z */
	T_2018_07_01_0900 = 1530435600,   /* 2018-07-01T09:00:00Z */
	T_2018_01_01_0900 = 1514797200,   /* 2018-01-01T09:00:00Z */
	T_2024_03_31_004500 = 1711845900, /* 2024-03-31T00:45:00Z */
	T_2024_03_31_005959 = 1711846799, /* 2024-03-31T00:59:59Z, the last second of GMT */
	T_2024_03_31_010000 = 1711846800, /* 2024-03-31T01:00:00Z, the first second of BST */
	T_2024_03_31_011459 = 1711847699, /* 2024-03-31T01:14:59Z */
	T_2024_10_27_003000 = 1729989000, /* 2024-10-27T00:30:00Z */
	T_2024_10_27_005959 = 1729990799, /* 2024-10-27T00:59:59Z, the last second of BST */
	T_2024_10_27_010000 = 1729990800, /* 2024-10-27T01:00:00Z, the first second of GMT */
	T_2024_10_27_013000 = 1729992600, /* 2024-10-27T01:30:00Z */
	T_2024_10_05_152959 = 1728142199, /* 2024-10-05T15:29:59Z, Lord Howe's last second at +10:30 */
	T_2024_10_05_153000 = 1728142200, /* 2024-10-05T15:30:00Z, Lord Howe's first second at +11 */
};

/* Local time of t in zone as "YYYY-MM-DD HH:MM:SS +offset", to compare in one assertion. */
static const char *local(const char *zone, time_t t)
{
	static char s[64];
	struct tm tm;
	memset(&tm, 0x55, sizeof tm);
	assert_int_equal(clock_local(zone, t, &tm), 0);
	snprintf(s, sizeof s, "%04d-%02d-%02d %02d:%02d:%02d %+ld", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
	         tm.tm_hour, tm.tm_min, tm.tm_sec, (long)tm.tm_gmtoff);
	return s;
}

/* ---- clock_local ---- */

static void london_in_winter_is_utc(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2018_01_23_1550), "2018-01-23 15:50:00 +0");
}

static void moscow_in_winter_is_utc_plus_3(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/Moscow", T_2018_01_23_1550), "2018-01-23 18:50:00 +10800");
}

static void london_in_summer_is_utc_plus_1(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2018_07_01_1200), "2018-07-01 13:00:00 +3600");
}

static void moscow_in_summer_is_still_utc_plus_3(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/Moscow", T_2018_07_01_1200), "2018-07-01 15:00:00 +10800");
}

static void same_instant_differs_by_zone(void **state)
{
	(void)state;
	/* Same quarter hour, two zones, alternately: the cache must key on the zone too. */
	assert_string_equal(local("Europe/London", T_2018_01_23_1550), "2018-01-23 15:50:00 +0");
	assert_string_equal(local("Europe/Moscow", T_2018_01_23_1550), "2018-01-23 18:50:00 +10800");
	assert_string_equal(local("Europe/London", T_2018_01_23_1550 + 1), "2018-01-23 15:50:01 +0");
	assert_string_equal(local("Europe/Moscow", T_2018_01_23_1550 + 1), "2018-01-23 18:50:01 +10800");
}

static void london_last_second_before_spring_change(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2024_03_31_005959), "2024-03-31 00:59:59 +0");
}

static void london_first_second_after_spring_change(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2024_03_31_010000), "2024-03-31 02:00:00 +3600");
}

static void london_last_second_before_autumn_change(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2024_10_27_005959), "2024-10-27 01:59:59 +3600");
}

static void london_first_second_after_autumn_change(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2024_10_27_010000), "2024-10-27 01:00:00 +0");
}

static void spring_change_survives_any_lookup_order(void **state)
{
	(void)state;
	/* After first, then before, then the rest of each quarter hour: a cache keyed on anything coarser than
	 * the quarter hour, or filled from the wrong instant, answers one of these with the other's offset. */
	assert_string_equal(local("Europe/London", T_2024_03_31_010000), "2024-03-31 02:00:00 +3600");
	assert_string_equal(local("Europe/London", T_2024_03_31_005959), "2024-03-31 00:59:59 +0");
	assert_string_equal(local("Europe/London", T_2024_03_31_011459), "2024-03-31 02:14:59 +3600");
	assert_string_equal(local("Europe/London", T_2024_03_31_004500), "2024-03-31 00:45:00 +0");
	assert_string_equal(local("Europe/London", T_2024_03_31_010000), "2024-03-31 02:00:00 +3600");
	assert_string_equal(local("Europe/London", T_2024_03_31_005959), "2024-03-31 00:59:59 +0");
}

static void autumn_change_survives_any_lookup_order(void **state)
{
	(void)state;
	assert_string_equal(local("Europe/London", T_2024_10_27_013000), "2024-10-27 01:30:00 +0");
	assert_string_equal(local("Europe/London", T_2024_10_27_003000), "2024-10-27 01:30:00 +3600");
	assert_string_equal(local("Europe/London", T_2024_10_27_010000), "2024-10-27 01:00:00 +0");
	assert_string_equal(local("Europe/London", T_2024_10_27_005959), "2024-10-27 01:59:59 +3600");
	assert_string_equal(local("Europe/London", T_2024_10_27_013000), "2024-10-27 01:30:00 +0");
}

static void every_quarter_across_a_change_is_right_after_evictions(void **state)
{
	(void)state;
	/* Twenty quarter hours either side of the spring change, forwards and then backwards: more lookups
	 * than the cache has slots, so entries are evicted and refilled. */
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < 40; k++) {
			int q = pass == 0 ? k - 20 : 19 - k;
			time_t t = (time_t)T_2024_03_31_010000 + q * 900 + 450;
			struct tm tm;
			assert_int_equal(clock_local("Europe/London", t, &tm), 0);
			assert_int_equal(tm.tm_gmtoff, q < 0 ? 0 : 3600);
			/* Interleave another zone so the slots hold more than one. */
			assert_int_equal(clock_local("Europe/Moscow", t, &tm), 0);
			assert_int_equal(tm.tm_gmtoff, 10800);
		}
	}
}

static void half_hour_change_is_seen_inside_the_hour(void **state)
{
	(void)state;
	/* Lord Howe Island moves its clock at 15:30 UTC, in the middle of an hour: a cache per hour would give
	 * the half hour after the change the offset from before it. */
	assert_string_equal(local("Australia/Lord_Howe", T_2024_10_05_152959), "2024-10-06 01:59:59 +37800");
	assert_string_equal(local("Australia/Lord_Howe", T_2024_10_05_153000), "2024-10-06 02:30:00 +39600");
}

static void unknown_zone_fails_and_gives_utc(void **state)
{
	(void)state;
	struct tm tm;
	memset(&tm, 0x55, sizeof tm);
	assert_int_equal(clock_local("Mars/Olympus_Mons", T_2018_01_23_1550, &tm), -1);
	assert_int_equal(tm.tm_hour, 15);
	assert_int_equal(tm.tm_min, 50);
	assert_int_equal(tm.tm_gmtoff, 0);
}

static void unknown_zone_after_known_one_still_fails(void **state)
{
	(void)state;
	struct tm tm;
	assert_int_equal(clock_local("Europe/Moscow", T_2018_01_23_1550, &tm), 0);
	assert_int_equal(clock_local("Europe/Moskva", T_2018_01_23_1550, &tm), -1);
	assert_int_equal(tm.tm_hour, 15);
}

static void path_traversal_zone_fails(void **state)
{
	(void)state;
	struct tm tm;
	assert_int_equal(clock_local("../../../etc/localtime", T_2018_01_23_1550, &tm), -1);
	assert_int_equal(clock_local("/etc/localtime", T_2018_01_23_1550, &tm), -1);
}

/* ---- clock_month_range, clock_month_name ---- */

static void month_range_spans_a_summer_time_change(void **state)
{
	(void)state;
	long long first = 0, last = 0;
	/* London's clocks went forward on 25 March 2018: April starts at 23:00 UTC on the 31st. */
	assert_int_equal(clock_month_range("Europe/London", 2018, 3, &first, &last), 0);
	assert_int_equal(first, 1519862400); /* 2018-03-01T00:00:00Z */
	assert_int_equal(last, 1522537199);  /* 2018-03-31T22:59:59Z */
	assert_int_equal(clock_month_range("Europe/Moscow", 2018, 3, &first, &last), 0);
	assert_int_equal(first, 1519851600); /* 2018-02-28T21:00:00Z */
	assert_int_equal(last, 1522529999);  /* 2018-03-31T20:59:59Z */
}

static void month_range_of_december_and_of_a_whole_year_end_with_the_year(void **state)
{
	(void)state;
	long long first = 0, last = 0;
	assert_int_equal(clock_month_range("Europe/London", 2018, 12, &first, &last), 0);
	assert_int_equal(first, 1543622400); /* 2018-12-01T00:00:00Z */
	assert_int_equal(last, 1546300799);  /* 2018-12-31T23:59:59Z */
	assert_int_equal(clock_month_range("Europe/London", 2018, 0, &first, &last), 0);
	assert_int_equal(first, 1514764800); /* 2018-01-01T00:00:00Z */
	assert_int_equal(last, 1546300799);
}

static void month_range_of_unknown_zone_fails_and_leaves_output(void **state)
{
	(void)state;
	long long first = 7, last = 8;
	assert_int_equal(clock_month_range("Mars/Olympus", 2018, 3, &first, &last), -1);
	assert_int_equal(first, 7);
	assert_int_equal(last, 8);
}

static void month_names(void **state)
{
	(void)state;
	assert_string_equal(clock_month_name(1), "January");
	assert_string_equal(clock_month_name(12), "December");
}

/* ---- clock_to_utc ---- */

static void to_utc_london_winter(void **state)
{
	(void)state;
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/London", 2018, 1, 23, 15, 50, &t), 0);
	assert_int_equal(t, T_2018_01_23_1550);
}

static void to_utc_moscow_winter(void **state)
{
	(void)state;
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/Moscow", 2018, 1, 23, 18, 50, &t), 0);
	assert_int_equal(t, T_2018_01_23_1550);
}

static void to_utc_london_summer(void **state)
{
	(void)state;
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/London", 2018, 7, 1, 13, 0, &t), 0);
	assert_int_equal(t, T_2018_07_01_1200);
}

static void to_utc_moscow_has_no_summer_time(void **state)
{
	(void)state;
	time_t winter = 0, summer = 0;
	assert_int_equal(clock_to_utc("Europe/Moscow", 2018, 1, 1, 12, 0, &winter), 0);
	assert_int_equal(clock_to_utc("Europe/Moscow", 2018, 7, 1, 12, 0, &summer), 0);
	assert_int_equal(winter, T_2018_01_01_0900);
	assert_int_equal(summer, T_2018_07_01_0900);
}

static void to_utc_refuses_31_february(void **state)
{
	(void)state;
	time_t t = 12345;
	assert_int_equal(clock_to_utc("Europe/London", 2018, 2, 31, 12, 0, &t), -1);
	assert_int_equal(t, 12345);
}

static void to_utc_refuses_29_february_outside_leap_year(void **state)
{
	(void)state;
	time_t t = 12345;
	assert_int_equal(clock_to_utc("Europe/London", 2023, 2, 29, 12, 0, &t), -1);
	assert_int_equal(t, 12345);
}

static void to_utc_accepts_29_february_in_leap_year(void **state)
{
	(void)state;
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/London", 2024, 2, 29, 12, 0, &t), 0);
	assert_int_equal(t, 1709208000); /* 2024-02-29T12:00:00Z */
}

static void to_utc_refuses_month_13_and_0(void **state)
{
	(void)state;
	time_t t = 12345;
	assert_int_equal(clock_to_utc("Europe/London", 2018, 13, 1, 0, 0, &t), -1);
	assert_int_equal(clock_to_utc("Europe/London", 2018, 0, 1, 0, 0, &t), -1);
	assert_int_equal(t, 12345);
}

static void to_utc_refuses_day_0_and_32(void **state)
{
	(void)state;
	time_t t = 12345;
	assert_int_equal(clock_to_utc("Europe/London", 2018, 1, 0, 0, 0, &t), -1);
	assert_int_equal(clock_to_utc("Europe/London", 2018, 1, 32, 0, 0, &t), -1);
	assert_int_equal(t, 12345);
}

static void to_utc_refuses_hour_24_and_minute_60(void **state)
{
	(void)state;
	time_t t = 12345;
	assert_int_equal(clock_to_utc("Europe/London", 2018, 1, 1, 24, 0, &t), -1);
	assert_int_equal(clock_to_utc("Europe/London", 2018, 1, 1, 0, 60, &t), -1);
	assert_int_equal(clock_to_utc("Europe/London", 2018, 1, 1, -1, 0, &t), -1);
	assert_int_equal(t, 12345);
}

static void to_utc_refuses_unknown_zone(void **state)
{
	(void)state;
	time_t t = 12345;
	assert_int_equal(clock_to_utc("Mars/Olympus_Mons", 2018, 1, 1, 0, 0, &t), -1);
	assert_int_equal(t, 12345);
}

static void to_utc_time_in_spring_gap_gives_time_after_gap(void **state)
{
	(void)state;
	/* 01:30 on 31 March 2024 does not happen in London (01:00 GMT is followed by 02:00 BST). Whatever the C
	 * library does with it, the answer must be an instant after the gap, never one before it. */
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/London", 2024, 3, 31, 1, 30, &t), 0);
	assert_true(t >= T_2024_03_31_010000);
	assert_int_equal(t, T_2024_03_31_010000 + 30 * 60); /* 02:30 BST: the wall clock moved on by the gap */
}

static void to_utc_time_in_autumn_overlap_gives_first(void **state)
{
	(void)state;
	/* 01:30 on 27 October 2024 happens twice in London: first in BST (00:30Z), then in GMT (01:30Z). */
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/London", 2024, 10, 27, 1, 30, &t), 0);
	assert_int_equal(t, T_2024_10_27_003000);
}

static void to_utc_time_in_autumn_overlap_is_first_whatever_came_before(void **state)
{
	(void)state;
	/* mktime's answer for a repeated time depends on what it was last asked: ask after a summer date and
	 * after a winter one, and expect the first reading both times. */
	time_t t = 0, ignored;
	assert_int_equal(clock_to_utc("Europe/London", 2024, 7, 1, 12, 0, &ignored), 0);
	assert_int_equal(clock_to_utc("Europe/London", 2024, 10, 27, 1, 30, &t), 0);
	assert_int_equal(t, T_2024_10_27_003000);
	assert_int_equal(clock_to_utc("Europe/London", 2024, 1, 1, 12, 0, &ignored), 0);
	assert_int_equal(clock_to_utc("Europe/London", 2024, 10, 27, 1, 30, &t), 0);
	assert_int_equal(t, T_2024_10_27_003000);
}

static void to_utc_time_in_spring_gap_is_after_gap_whatever_came_before(void **state)
{
	(void)state;
	time_t t = 0, ignored;
	assert_int_equal(clock_to_utc("Europe/London", 2024, 7, 1, 12, 0, &ignored), 0);
	assert_int_equal(clock_to_utc("Europe/London", 2024, 3, 31, 1, 30, &t), 0);
	assert_int_equal(t, T_2024_03_31_010000 + 30 * 60);
	assert_int_equal(clock_to_utc("Europe/London", 2024, 1, 1, 12, 0, &ignored), 0);
	assert_int_equal(clock_to_utc("Europe/London", 2024, 3, 31, 1, 30, &t), 0);
	assert_int_equal(t, T_2024_03_31_010000 + 30 * 60);
}

static void to_utc_just_before_and_after_the_changes(void **state)
{
	(void)state;
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/London", 2024, 3, 31, 0, 59, &t), 0);
	assert_int_equal(t, T_2024_03_31_010000 - 60);  /* 00:59 GMT */
	assert_int_equal(clock_to_utc("Europe/London", 2024, 3, 31, 2, 0, &t), 0);
	assert_int_equal(t, T_2024_03_31_010000);       /* 02:00 BST */
	assert_int_equal(clock_to_utc("Europe/London", 2024, 10, 27, 0, 59, &t), 0);
	assert_int_equal(t, T_2024_10_27_003000 - 31 * 60); /* 00:59 BST */
	assert_int_equal(clock_to_utc("Europe/London", 2024, 10, 27, 2, 0, &t), 0);
	assert_int_equal(t, T_2024_10_27_010000 + 3600); /* 02:00 GMT */
}

static void to_utc_start_of_year(void **state)
{
	(void)state;
	/* As the messages page asks for its ?year= range. */
	time_t t = 0;
	assert_int_equal(clock_to_utc("Europe/Moscow", 2018, 1, 1, 0, 0, &t), 0);
	assert_int_equal(t, 1514754000); /* 2017-12-31T21:00:00Z */
}

/* ---- clock_zone_known ---- */

static void zone_known_accepts_real_zones(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_known("Europe/London"), 1);
	assert_int_equal(clock_zone_known("Europe/Moscow"), 1);
	assert_int_equal(clock_zone_known("UTC"), 1);
}

static void zone_known_refuses_parent_directory(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_known("../etc/passwd"), 0);
	assert_int_equal(clock_zone_known("Europe/../Europe/London"), 0);
}

static void zone_known_refuses_absolute_path(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_known("/etc/passwd"), 0);
	assert_int_equal(clock_zone_known("/usr/share/zoneinfo/Europe/London"), 0);
}

static void zone_known_refuses_empty(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_known(""), 0);
}

static void zone_known_refuses_unknown(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_known("Europe/Atlantis"), 0);
}

static void zone_known_refuses_directory(void **state)
{
	(void)state;
	assert_int_equal(clock_zone_known("Europe"), 0);
}

static void zone_known_refuses_non_zone_file(void **state)
{
	(void)state;
	/* zone1970.tab sits in the zoneinfo directory but is a table, not a zone. */
	assert_int_equal(clock_zone_known("zone1970.tab"), 0);
}

static void zone_known_refuses_overlong_name(void **state)
{
	(void)state;
	char name[100];
	memset(name, 'A', sizeof name - 1);
	name[sizeof name - 1] = '\0';
	assert_int_equal(clock_zone_known(name), 0);
}

/* ---- formats ---- */

static void fmt_long_date(void **state)
{
	(void)state;
	struct tm tm = {.tm_year = 118, .tm_mon = 0, .tm_mday = 23};
	char out[32];
	assert_string_equal(clock_fmt_long_date(&tm, out, sizeof out), "23 January 2018");
}

static void fmt_long_date_has_no_leading_zero(void **state)
{
	(void)state;
	struct tm tm = {.tm_year = 117, .tm_mon = 11, .tm_mday = 5};
	char out[32];
	assert_string_equal(clock_fmt_long_date(&tm, out, sizeof out), "5 December 2017");
}

static void fmt_long_date_returns_out(void **state)
{
	(void)state;
	struct tm tm = {.tm_year = 118, .tm_mon = 0, .tm_mday = 23};
	char out[32];
	assert_ptr_equal(clock_fmt_long_date(&tm, out, sizeof out), out);
}

static void fmt_dotted_date_pads_day_and_month(void **state)
{
	(void)state;
	struct tm tm = {.tm_year = 117, .tm_mon = 6, .tm_mday = 5};
	char out[32];
	assert_string_equal(clock_fmt_dotted_date(&tm, out, sizeof out), "05.07.2017");
}

static void fmt_hhmm_pads_hour_and_minute(void **state)
{
	(void)state;
	struct tm tm = {.tm_hour = 9, .tm_min = 5};
	char out[16];
	assert_string_equal(clock_fmt_hhmm(&tm, out, sizeof out), "09:05");
}

static void fmt_iso_utc(void **state)
{
	(void)state;
	char out[32];
	assert_string_equal(clock_fmt_iso_utc(T_2018_01_23_1550, out, sizeof out), "2018-01-23T15:50:00Z");
}

static void fmt_iso_utc_ignores_local_zone(void **state)
{
	(void)state;
	/* clock_local switches the C library's zone; the ISO form must stay UTC regardless. */
	struct tm tm;
	char out[32];
	assert_int_equal(clock_local("Europe/Moscow", T_2018_07_01_1200 + 7, &tm), 0);
	assert_string_equal(clock_fmt_iso_utc(T_2018_07_01_1200, out, sizeof out), "2018-07-01T12:00:00Z");
}

static void fmt_agrees_with_the_c_library_over_centuries(void **state)
{
	(void)state;
	char ours[32], libc[32];
	/* Every 7,777,777 seconds (some 90 days, at every hour and second) from 1901 to 2200, and the edges. */
	for (long long t = -2177452800LL; t < 7258118400LL; t += 7777777) {
		time_t at = (time_t)t;
		struct tm tm;
		gmtime_r(&at, &tm);
		strftime(libc, sizeof libc, "%Y-%m-%dT%H:%M:%SZ", &tm);
		assert_string_equal(clock_fmt_iso_utc(at, ours, sizeof ours), libc);
		strftime(libc, sizeof libc, "%d.%m.%Y", &tm);
		assert_string_equal(clock_fmt_dotted_date(&tm, ours, sizeof ours), libc);
		strftime(libc, sizeof libc, "%H:%M", &tm);
		assert_string_equal(clock_fmt_hhmm(&tm, ours, sizeof ours), libc);
	}
	assert_string_equal(clock_fmt_iso_utc(0, ours, sizeof ours), "1970-01-01T00:00:00Z");
	assert_string_equal(clock_fmt_iso_utc(253402300799LL, ours, sizeof ours), "9999-12-31T23:59:59Z");
	assert_string_equal(clock_fmt_iso_utc(253402300800LL, ours, sizeof ours), "10000-01-01T00:00:00Z");
}

static void fmt_of_clock_local_gives_london_date_and_time(void **state)
{
	(void)state;
	struct tm tm;
	char date[32], hhmm[16];
	assert_int_equal(clock_local("Europe/London", T_2024_03_31_010000, &tm), 0);
	assert_string_equal(clock_fmt_long_date(&tm, date, sizeof date), "31 March 2024");
	assert_string_equal(clock_fmt_hhmm(&tm, hhmm, sizeof hhmm), "02:00");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(london_in_winter_is_utc),
		cmocka_unit_test(moscow_in_winter_is_utc_plus_3),
		cmocka_unit_test(london_in_summer_is_utc_plus_1),
		cmocka_unit_test(moscow_in_summer_is_still_utc_plus_3),
		cmocka_unit_test(same_instant_differs_by_zone),
		cmocka_unit_test(london_last_second_before_spring_change),
		cmocka_unit_test(london_first_second_after_spring_change),
		cmocka_unit_test(london_last_second_before_autumn_change),
		cmocka_unit_test(london_first_second_after_autumn_change),
		cmocka_unit_test(spring_change_survives_any_lookup_order),
		cmocka_unit_test(autumn_change_survives_any_lookup_order),
		cmocka_unit_test(every_quarter_across_a_change_is_right_after_evictions),
		cmocka_unit_test(half_hour_change_is_seen_inside_the_hour),
		cmocka_unit_test(unknown_zone_fails_and_gives_utc),
		cmocka_unit_test(unknown_zone_after_known_one_still_fails),
		cmocka_unit_test(path_traversal_zone_fails),
		cmocka_unit_test(to_utc_london_winter),
		cmocka_unit_test(to_utc_moscow_winter),
		cmocka_unit_test(to_utc_london_summer),
		cmocka_unit_test(to_utc_moscow_has_no_summer_time),
		cmocka_unit_test(to_utc_refuses_31_february),
		cmocka_unit_test(to_utc_refuses_29_february_outside_leap_year),
		cmocka_unit_test(to_utc_accepts_29_february_in_leap_year),
		cmocka_unit_test(to_utc_refuses_month_13_and_0),
		cmocka_unit_test(to_utc_refuses_day_0_and_32),
		cmocka_unit_test(to_utc_refuses_hour_24_and_minute_60),
		cmocka_unit_test(to_utc_refuses_unknown_zone),
		cmocka_unit_test(to_utc_time_in_spring_gap_gives_time_after_gap),
		cmocka_unit_test(to_utc_time_in_autumn_overlap_gives_first),
		cmocka_unit_test(to_utc_time_in_autumn_overlap_is_first_whatever_came_before),
		cmocka_unit_test(to_utc_time_in_spring_gap_is_after_gap_whatever_came_before),
		cmocka_unit_test(to_utc_just_before_and_after_the_changes),
		cmocka_unit_test(to_utc_start_of_year),
		cmocka_unit_test(zone_known_accepts_real_zones),
		cmocka_unit_test(zone_known_refuses_parent_directory),
		cmocka_unit_test(zone_known_refuses_absolute_path),
		cmocka_unit_test(zone_known_refuses_empty),
		cmocka_unit_test(zone_known_refuses_unknown),
		cmocka_unit_test(zone_known_refuses_directory),
		cmocka_unit_test(zone_known_refuses_non_zone_file),
		cmocka_unit_test(zone_known_refuses_overlong_name),
		cmocka_unit_test(fmt_long_date),
		cmocka_unit_test(fmt_long_date_has_no_leading_zero),
		cmocka_unit_test(fmt_long_date_returns_out),
		cmocka_unit_test(fmt_dotted_date_pads_day_and_month),
		cmocka_unit_test(fmt_hhmm_pads_hour_and_minute),
		cmocka_unit_test(month_range_spans_a_summer_time_change),
		cmocka_unit_test(month_range_of_december_and_of_a_whole_year_end_with_the_year),
		cmocka_unit_test(month_range_of_unknown_zone_fails_and_leaves_output),
		cmocka_unit_test(month_names),
		cmocka_unit_test(fmt_iso_utc),
		cmocka_unit_test(fmt_iso_utc_ignores_local_zone),
		cmocka_unit_test(fmt_agrees_with_the_c_library_over_centuries),
		cmocka_unit_test(fmt_of_clock_local_gives_london_date_and_time),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
