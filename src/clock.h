/* clock.h: time in named IANA zones (Europe/Moscow, Europe/London) and the date formats pages show. */
#ifndef PRESSROOM_CLOCK_H
#define PRESSROOM_CLOCK_H

#include <stddef.h>
#include <time.h>

/* The broken-down local time of t in zone, right across summer-time changes. Returns 0, or -1 for an
 * unknown zone (then *out is UTC). */
int clock_local(const char *zone, time_t t, struct tm *out);
/* The UTC instant of a local wall-clock time in zone (the first, if it happens twice; the time after the
 * gap, if it does not happen). Returns 0, or -1 for an unknown zone or date. */
int clock_to_utc(const char *zone, int year, int month, int day, int hour, int min, time_t *out);
/* The span of month (1..12) of year in zone, or of the whole year when month is 0: its first second in
 * *first and its last in *last, inclusive, as the item statements compare. Returns 0, or -1 as above. */
int clock_month_range(const char *zone, int year, int month, long long *first, long long *last);
/* "January" .. "December" for month 1 .. 12, in the language in use (i18n.h). */
const char *clock_month_name(int month);
/* Is zone a zone the system knows? */
int clock_zone_known(const char *zone);

/* The start of t's minute: what a page shows of the time (the header's date and clocks), so what its
 * Last-Modified says. */
time_t clock_minute(time_t t);

/* Formats. Each writes a NUL-terminated string into out and returns out. */
char *clock_fmt_long_date(const struct tm *tm, char *out, size_t len);   /* 23 January 2018, 23 января 2018 г. */
char *clock_fmt_dotted_date(const struct tm *tm, char *out, size_t len); /* 23.01.2018 */
char *clock_fmt_hhmm(const struct tm *tm, char *out, size_t len);        /* 18:50 */
char *clock_fmt_iso_utc(time_t t, char *out, size_t len);                /* 2018-01-23T15:50:00Z */

#endif
