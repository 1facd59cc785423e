/* archive.h: how many public items each year and month holds, for the archive navigation of /messages. */
#ifndef PRESSROOM_ARCHIVE_H
#define PRESSROOM_ARCHIVE_H

struct req;

struct archive_year {
	int year;
	long long count;
	long long months[12];
};

/* The years that hold public items in lang (NULL: in any language), newest first, in the site's zone. The array belongs to this module and
 * is rebuilt when the data changes or a scheduled item has become public.
 * Returns the number of years, or -1 on error. */
int archive_years(struct req *r, const char *lang, const struct archive_year **years);

#endif
