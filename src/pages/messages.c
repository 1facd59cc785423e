/* messages.c: GET /messages -- "all messages": releases and events together, newest first, 20 to a page.
 * Public. Parameters: page=N (1..), type=releases|events, year=YYYY. A page past the end is a 404. */
#include <limits.h>

#include "../buf.h"
#include "../clock.h"
#include "../item.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "../view.h"
#include "pages.h"

enum { PER_PAGE = 20 };

static const char *const kind_of_type[LIST__MAX] = {[LIST_RELEASES] = "release", [LIST_EVENTS] = "event"};
static const char *const title_of_type[LIST__MAX] = {[LIST_RELEASES] = "Press releases", [LIST_EVENTS] = "Events"};

/* /messages with the given filters; type < 0 and year 0 mean none, page 1 is left out. */
static const char *messages_url(struct req *r, int type, int year, long long page)
{
	struct buf b = {0};
	char sep = '?';
	buf_puts(&b, "/messages");
	if (type >= 0) {
		buf_printf(&b, "%ctype=%s", sep, input_type_words[type]);
		sep = '&';
	}
	if (year) {
		buf_printf(&b, "%cyear=%d", sep, year);
		sep = '&';
	}
	if (page > 1)
		buf_printf(&b, "%cpage=%lld", sep, page);
	char *url = arena_strdup(r->arena, buf_str(&b));
	buf_free(&b);
	return url;
}

static void filter_link(struct req *r, struct tpl_dict *d, const char *label, int type, int current, int year)
{
	struct tpl_dict *f = tpl_section(d, "TYPE_FILTER");
	tpl_set(f, "FILTER_LABEL", label);
	tpl_set(f, "FILTER_URL", messages_url(r, type, year, 1));
	if (type == current)
		tpl_show(f, "FILTER_CURRENT");
}

void page_messages(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	int type = r->in[KEY_TYPE].set ? (int)r->in[KEY_TYPE].i : -1;
	int year = r->in[KEY_YEAR].set ? (int)r->in[KEY_YEAR].i : 0;
	struct item_filter f = {.kind = type >= 0 ? kind_of_type[type] : NULL, .from = LLONG_MIN,
	                        .to = (long long)r->now};
	struct item *items;
	struct tpl_dict *d = NULL;

	if (year) {
		time_t start, end;
		if (clock_to_utc(r->site->zone, year, 1, 1, 0, 0, &start) != 0 ||
		    clock_to_utc(r->site->zone, year + 1, 1, 1, 0, 0, &end) != 0) {
			resp_error(r, 400, "That year cannot be shown.");
			return;
		}
		f.from = start;
		if ((long long)end - 1 < f.to)
			f.to = (long long)end - 1;
	}
	/* One more than a page, to know whether there is a next one. */
	int n = item_list(r, &f, PER_PAGE + 1, (page - 1) * PER_PAGE, &items);
	if (n < 0) {
		resp_error(r, 500, "The messages could not be read. The error has been logged.");
		return;
	}
	if (n == 0 && page > 1) {
		resp_error(r, 404, "This page is past the end of the list.");
		return;
	}

	d = tpl_dict_new();
	struct buf title = {0};
	buf_puts(&title, type >= 0 ? title_of_type[type] : "All messages");
	if (year)
		buf_printf(&title, " of %d", year);
	if (page > 1)
		buf_printf(&title, ", page %lld", page);
	layout_fill(r, d, buf_str(&title));
	tpl_set(d, "LIST_TITLE", buf_str(&title));
	buf_free(&title);

	filter_link(r, d, "All", -1, type, year);
	filter_link(r, d, "Press releases", LIST_RELEASES, type, year);
	filter_link(r, d, "Events", LIST_EVENTS, type, year);
	if (year) {
		tpl_show(d, "YEAR_FILTER");
		tpl_set_int(d, "YEAR", year);
		tpl_set(d, "ALL_YEARS_URL", messages_url(r, type, 0, 1));
	}

	for (int i = 0; i < n && i < PER_PAGE; i++)
		view_item_summary(r, tpl_section(d, "MESSAGE"), &items[i]);
	if (n == 0)
		tpl_show(d, "NO_MESSAGES");
	if (page > 1 || n > PER_PAGE) {
		tpl_show(d, "PAGER");
		tpl_set_int(d, "PAGE", page);
	}
	if (page > 1)
		tpl_set(tpl_section(d, "PREV"), "PREV_URL", messages_url(r, type, year, page - 1));
	if (n > PER_PAGE)
		tpl_set(tpl_section(d, "NEXT"), "NEXT_URL", messages_url(r, type, year, page + 1));
	resp_render(r, d, "messages.tpl");
	tpl_dict_free(d);
}
