/* messages.c: GET /messages and /<lang>/messages (/ru/messages) -- "all messages": releases and events
 * together, newest first, 20 to a page, and the search, in the page's language: its items by default, and
 * its interface (the gate chose it from the path). Public. Parameters: lang=<one of the site's languages>|all
 * (another tag is a 400), page=N, type=releases|events, year=YYYY, month=1..12 (with year),
 * q=words (full-text search, ranked; never refused for its words, but 503 with Retry-After when every search
 * slot is busy: slots.h). A page past the end is a 404. */
#include <limits.h>
#include <string.h>

#include "../archive.h"
#include "../buf.h"
#include "../clock.h"
#include "../db.h"
#include "../i18n.h"
#include "../item_public.h"
#include "../layout.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../search.h"
#include "../search_store.h"
#include "../site.h"
#include "../slots.h"
#include "../tpl.h"
#include "../view.h"
#include "pages.h"

enum { PER_PAGE = 20 };

static const char *const kind_of_type[LIST__MAX] = {[LIST_RELEASES] = "release", [LIST_EVENTS] = "event"};

/* What the list shows; type < 0, year 0, month 0 and q NULL mean no filter; lang NULL means the page's
 * language, "all" every language. */
struct filter {
	int type, year, month;
	const char *q, *lang;
};

/* /messages with the given filters and page, in the canonical form the gate redirects to. */
static const char *messages_url(struct req *r, const struct filter *f, long long page)
{
	struct input in[KEY__MAX] = {0};
	in[KEY_TYPE] = (struct input){.set = f->type >= 0, .i = f->type};
	in[KEY_YEAR] = (struct input){.set = f->year != 0, .i = f->year};
	in[KEY_MONTH] = (struct input){.set = f->year && f->month, .i = f->month};
	in[KEY_Q] = (struct input){.set = f->q != NULL, .s = f->q};
	in[KEY_PAGE] = (struct input){.set = 1, .i = page};
	in[KEY_LANG] = (struct input){.set = f->lang != NULL, .s = f->lang};
	const char *path = layout_lang_path(r, "/messages");
	return arena_concat(r->arena, path, strlen(path), input_query_string(r->arena, in));
}

static void filter_link(struct req *r, struct tpl_dict *d, const char *label, int type, const struct filter *cur)
{
	struct filter f = *cur;
	f.type = type;
	struct tpl_dict *s = tpl_section(d, "TYPE_FILTER");
	tpl_set(s, "FILTER_LABEL", label);
	tpl_set(s, "FILTER_URL", messages_url(r, &f, 1));
	if (type == cur->type)
		tpl_show(s, "FILTER_CURRENT");
}

/* A count grouped as the language groups digits ("1,240", "1 240"). */
static const char *number_text(struct req *r, long long count)
{
	char number[32];
	return arena_strdup(r->arena, i18n_number(count, number, sizeof number));
}

/* "1,240 messages" in the language's plural form ("1 240 сообщений"). */
static const char *messages_text(struct req *r, long long count)
{
	const char *form = i18n_plural("%s message", "%s messages", count > 0 ? (unsigned long)count : 0);
	return arena_printf(r->arena, form, number_text(r, count));
}

/* The choice of language: the site's languages, each named in itself, and all of them. */
static void language_filter(struct req *r, struct tpl_dict *d, const struct filter *cur, const char *shown)
{
	const struct site *s = r->site;
	if (s->nlanguages < 2)
		return;
	struct tpl_dict *nav = tpl_section(d, "LANG_FILTER");
	for (int i = 0; i <= s->nlanguages; i++) {
		const char *tag = i < s->nlanguages ? s->languages[i] : "all";
		struct filter f = *cur;
		f.year = f.month = 0;
		f.lang = strcmp(tag, i18n_lang()) == 0 ? NULL : tag;
		struct tpl_dict *c = tpl_section(nav, "LANG_CHOICE");
		tpl_set(c, "FILTER_LABEL", i < s->nlanguages ? i18n_language_name(tag) : i18n_text("All languages"));
		tpl_set(c, "FILTER_URL", messages_url(r, &f, 1));
		if (shown ? strcmp(shown, tag) == 0 : i == s->nlanguages)
			tpl_show(c, "FILTER_CURRENT");
	}
}

/* The years and, for the chosen year, the months that hold messages. */
static void archive_nav(struct req *r, struct tpl_dict *d, const struct filter *cur, const char *shown)
{
	const struct archive_year *years;
	int n = archive_years(r, shown, &years);
	if (n <= 0)
		return;
	struct tpl_dict *nav = tpl_section(d, "ARCHIVE");
	for (int i = 0; i < n; i++) {
		struct filter f = {.type = cur->type, .year = years[i].year, .lang = cur->lang};
		struct tpl_dict *y = tpl_section(nav, "ARCHIVE_YEAR");
		tpl_set_int(y, "YEAR", years[i].year);
		tpl_set(y, "COUNT", number_text(r, years[i].count));
		tpl_set(y, "URL", messages_url(r, &f, 1));
		if (years[i].year == cur->year) {
			tpl_show(y, "YEAR_CURRENT");
			tpl_set(d, "YEAR_COUNT", messages_text(r, years[i].count)); /* the year filter's line */
		}
		if (years[i].year != cur->year)
			continue;
		struct tpl_dict *list = tpl_section(y, "MONTHS");
		for (int m = 0; m < 12; m++) {
			if (years[i].months[m] == 0)
				continue;
			f.month = m + 1;
			struct tpl_dict *md = tpl_section(list, "ARCHIVE_MONTH");
			tpl_set(md, "MONTH", clock_month_name(m + 1));
			tpl_set(md, "COUNT", number_text(r, years[i].months[m]));
			tpl_set(md, "URL", messages_url(r, &f, 1));
			if (m + 1 == cur->month)
				tpl_show(md, "MONTH_CURRENT");
		}
	}
}

/* Search results for fts (its n terms): ranked, with a highlighted passage each, and *total. Returns the
 * count, or -1. */
static int search(struct req *r, struct tpl_dict *d, const char *fts, const struct search_term *terms, int n_terms,
                  const struct item_filter *f, long long offset, struct search_total *total)
{
	struct item *items;
	int n = search_items(r->db, r->arena, fts, terms, n_terms, f, PER_PAGE + 1, offset, &items, total);
	if (n < 0)
		return -1;

	for (int i = 0; i < n && i < PER_PAGE; i++) {
		struct tpl_dict *m = tpl_section(d, "MESSAGE");
		view_item_summary(r, m, &items[i]);
		const char *snippet = search_passage(r->db, r->arena, fts, items[i].id);
		if (snippet) {
			/* Split at the markers: matched words go in <mark> by the template, all as text. */
			struct tpl_dict *s = tpl_section(m, "SNIPPET");
			for (const char *p = snippet; *p;) {
				int hit = *p == SEARCH_HIT_OPEN[0];
				if (hit)
					p++;
				size_t len = strcspn(p, hit ? SEARCH_HIT_CLOSE : SEARCH_HIT_OPEN);
				const char *part = arena_strndup(r->arena, p, len);
				struct tpl_dict *pd = tpl_section(s, "PART");
				tpl_set(tpl_section(pd, hit ? "HIT" : "PLAIN"), "TEXT", part);
				p += len;
				if (hit && *p)
					p++;
			}
		}
	}
	return n;
}

/* Above the results: how many there are ("1 result", "About 1,240 results") and, when the candidates ran
 * out, that only the newest of them were ranked. Only when there is a result: "No results" says the rest. */
static void search_summary(struct req *r, struct tpl_dict *d, const struct search_total *total)
{
	struct tpl_dict *s = tpl_section(d, "SEARCHED");
	char number[32];
	const char *count = arena_strdup(r->arena, i18n_number(total->n, number, sizeof number));
	if (total->about)
		tpl_set(s, "RESULT_COUNT", arena_printf(r->arena, i18n_text("About %s results"), count));
	else
		tpl_set(s, "RESULT_COUNT", arena_printf(r->arena, i18n_plural("%s result", "%s results",
		                                                              (unsigned long)total->n), count));
	if (total->about)
		tpl_set(tpl_section(s, "RANKED_ONLY"), "RANKED_NOTE",
		        arena_printf(r->arena, i18n_text("the newest %s matches are ranked"),
		                     i18n_number(SEARCH_CANDIDATES, number, sizeof number)));
}

void page_messages(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	struct filter cur = {
		.type = r->in[KEY_TYPE].set ? (int)r->in[KEY_TYPE].i : -1,
		.year = r->in[KEY_YEAR].set ? (int)r->in[KEY_YEAR].i : 0,
		.month = r->in[KEY_MONTH].set ? (int)r->in[KEY_MONTH].i : 0,
		.q = r->in[KEY_Q].set && r->in[KEY_Q].s[0] ? r->in[KEY_Q].s : NULL,
		.lang = r->in[KEY_LANG].set ? r->in[KEY_LANG].s : NULL,
	};
	/* The items' language: the one asked for, else the page's; "all" is no filter. */
	const char *shown = cur.lang ? cur.lang : i18n_lang();
	if (strcmp(shown, "all") == 0)
		shown = NULL;
	struct item_filter f = {.kind = cur.type >= 0 ? kind_of_type[cur.type] : NULL, .from = LLONG_MIN,
	                        .to = (long long)r->now, .lang = shown};
	struct item *items;
	struct tpl_dict *d = NULL;
	struct buf title = {0}, fts = {0};
	struct search_term terms[SEARCH_MAX_TERMS];
	struct search_total total = {0};

	if (shown && site_language_index(r->site, shown) < 0) {
		resp_error(r, 400, "This site has no messages in that language.");
		return;
	}
	if (cur.month && !cur.year) {
		resp_error(r, 400, "A month needs a year.");
		return;
	}
	if (cur.year) {
		long long last;
		if (clock_month_range(r->site->zone, cur.year, cur.month, &f.from, &last) != 0) {
			resp_error(r, 400, "That year cannot be shown.");
			return;
		}
		if (last < f.to)
			f.to = last;
	}

	d = tpl_dict_new();
	int n;
	int searching = cur.q != NULL;
	int n_terms = searching ? search_fts_query(cur.q, &fts, terms) : 0;
	if (searching && n_terms == 0)
		n = 0; /* only punctuation or operators: nothing to look for */
	else if (searching) {
		/* A search reads much of the index: a flood of them must not hold every worker. */
		if (!slots_take(SLOTS_SEARCH)) {
			resp_header(r, "Retry-After", "2");
			resp_error(r, 503, "The server is busy with other searches. Please try again in a few seconds.");
			goto out;
		}
		n = search(r, d, buf_str(&fts), terms, n_terms, &f, (page - 1) * PER_PAGE, &total);
		slots_give(SLOTS_SEARCH);
	} else if ((n = item_list(r->db, r->arena, r->now, &f, PER_PAGE + 1, (page - 1) * PER_PAGE, &items)) > 0)
		for (int i = 0; i < n && i < PER_PAGE; i++)
			view_item_summary(r, tpl_section(d, "MESSAGE"), &items[i]);
	if (n < 0) {
		resp_error(r, 500, "The messages could not be read. The error has been logged.");
		goto out;
	}
	if (n == 0 && page > 1) {
		resp_error(r, 404, "This page is past the end of the list.");
		goto out;
	}

	buf_puts(&title, searching ? i18n_text("Search")
	                           : cur.type >= 0 ? item_kind_label(kind_of_type[cur.type], ITEM_LABEL_MANY)
	                                           : i18n_text("All messages"));
	if (searching)
		buf_printf(&title, ": %s", cur.q);
	if (cur.month)
		buf_printf(&title, ", %s %d", clock_month_name(cur.month), cur.year);
	else if (cur.year)
		buf_printf(&title, ", %d", cur.year);
	if (page > 1)
		buf_printf(&title, i18n_text(", page %lld"), page);
	struct filter canonical = cur;
	canonical.q = NULL;
	struct head head = {.title = buf_str(&title), .path = searching ? NULL : messages_url(r, &canonical, page)};
	if (head.path)
		head.every_language = layout_unprefixed(r, head.path);
	layout_fill(r, d, &head);
	tpl_set(d, "LIST_TITLE", buf_str(&title));
	if (searching && n > 0)
		search_summary(r, d, &total);
	if (searching && shown) {
		/* Searching in one language: offer them all, found or not. */
		struct filter all = cur;
		all.lang = "all";
		struct tpl_dict *a = tpl_section(d, "SEARCH_ALL");
		tpl_set(a, "SEARCH_ALL_TEXT", i18n_text("Search all languages"));
		tpl_set(a, "SEARCH_ALL_URL", messages_url(r, &all, 1));
	}
	if (cur.lang) /* the search box keeps the language chosen */
		tpl_set(tpl_section(d, "SEARCH_LANG"), "SEARCH_LANG_TAG", cur.lang);
	tpl_set(d, "QUERY", cur.q ? cur.q : "");
	tpl_set(d, "PAGE_SEARCH_LABEL", i18n_text("Search messages"));

	filter_link(r, d, i18n_text("All"), -1, &cur);
	filter_link(r, d, item_kind_label("release", ITEM_LABEL_MANY), LIST_RELEASES, &cur);
	filter_link(r, d, item_kind_label("event", ITEM_LABEL_MANY), LIST_EVENTS, &cur);
	if (cur.year) {
		struct filter all = cur;
		all.year = all.month = 0;
		tpl_show(d, "YEAR_FILTER");
		tpl_set(d, "YEAR_COUNT", messages_text(r, 0)); /* archive_nav gives the year's count if it has any */
		tpl_set_int(d, "YEAR", cur.year);
		tpl_set(d, "ALL_YEARS_URL", messages_url(r, &all, 1));
	}
	language_filter(r, d, &cur, shown);
	archive_nav(r, d, &cur, shown);

	if (n == 0)
		tpl_show(d, searching ? "NO_RESULTS" : "NO_MESSAGES");
	if (page > 1 || n > PER_PAGE) {
		tpl_show(d, "PAGER");
		tpl_set_int(d, "PAGE", page);
	}
	/* A ranked list goes from better to worse, not from newer to older. */
	if (page > 1) {
		struct tpl_dict *p = tpl_section(d, "PREV");
		tpl_set(p, "PREV_URL", messages_url(r, &cur, page - 1));
		tpl_set(p, "PREV_LABEL", searching ? i18n_text("Previous") : i18n_text("Newer"));
	}
	if (n > PER_PAGE) {
		struct tpl_dict *p = tpl_section(d, "NEXT");
		tpl_set(p, "NEXT_URL", messages_url(r, &cur, page + 1));
		tpl_set(p, "NEXT_LABEL", searching ? i18n_text("Next") : i18n_text("Older"));
	}
	resp_render(r, d, "messages.tpl");
out:
	buf_free(&title);
	buf_free(&fts);
	tpl_dict_free(d);
}
