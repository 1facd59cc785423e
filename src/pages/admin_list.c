/* admin_list.c: GET /admin -- every item, drafts and scheduled ones included, with its status and language
 * (stale translations flagged), newest first, 50 to a page (?page=N), each linking to its edit form.
 * Signed-in officers only. ?status=draft|submitted|scheduled|published|withdrawn and ?q=words (in the title)
 * narrow it. */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../clock.h"
#include "../item_public.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../item_store.h"
#include "../tpl.h"
#include "../translation.h"
#include "../view.h"
#include "pages.h"

enum { PER_PAGE = 50 };

/* Newer and older pages of the same filter: the canonical query string with only the page changed. */
static void pager(struct req *r, struct tpl_dict *d, long long page, int more)
{
	struct input in[KEY__MAX];
	memcpy(in, r->in, sizeof in);
	in[KEY_DONE].set = 0;
	if (page > 1) {
		in[KEY_PAGE] = (struct input){.set = 1, .i = page - 1};
		tpl_set(tpl_section(d, "PREV"), "PREV_URL", arena_printf(r->arena, "/admin%s", input_query_string(r->arena, in)));
	}
	if (more) {
		in[KEY_PAGE] = (struct input){.set = 1, .i = page + 1};
		tpl_set(tpl_section(d, "NEXT"), "NEXT_URL", arena_printf(r->arena, "/admin%s", input_query_string(r->arena, in)));
	}
}

/* The filter form: a status menu (All first) and the title search, as they were asked. */
static void fill_filter(struct tpl_dict *d, const char *status, const char *words)
{
	struct tpl_dict *all = tpl_section(d, "STATUS_OPTION");
	tpl_set(all, "VALUE", "");
	tpl_set(all, "LABEL", "All");
	for (int i = 0; input_status_words[i]; i++) {
		struct tpl_dict *o = tpl_section(d, "STATUS_OPTION");
		tpl_set(o, "VALUE", input_status_words[i]);
		tpl_set(o, "LABEL", input_status_words[i]);
		if (status && strcmp(status, input_status_words[i]) == 0)
			tpl_show(o, "SELECTED");
	}
	tpl_set(d, "Q", words ? words : "");
}

void page_admin_list(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	struct admin_row *rows;
	const char *status = r->in[KEY_STATUS].set ? input_status_words[r->in[KEY_STATUS].i] : NULL;
	const char *words = r->in[KEY_Q].set ? r->in[KEY_Q].s : NULL;
	int got = store_list_filtered(r->db, r->arena, r->now, status, words, PER_PAGE + 1, (page - 1) * PER_PAGE, &rows);
	if (got < 0) {
		resp_error(r, 500, "The items could not be read. The error has been logged.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "All items");
	int shown = got < PER_PAGE ? got : PER_PAGE;
	long long *ids = arena_alloc(r->arena, PER_PAGE * sizeof *ids);
	struct translation_state *ts = arena_alloc(r->arena, PER_PAGE * sizeof *ts);
	for (int i = 0; i < shown; i++)
		ids[i] = rows[i].id;
	/* The page's languages in one query; on an error (logged) no row shows one, as a failed row did. */
	translation_states(r->db, r->arena, r->now, ids, shown, ts);
	int n = 0;
	for (; n < shown; n++) {
		struct tpl_dict *row = tpl_section(d, "ROW");
		long long id = rows[n].id;
		long long at = rows[n].published_at;
		char date[32], iso[32];
		struct tm tm;
		clock_local(r->site->zone, (time_t)at, &tm);
		strftime(date, sizeof date, "%d.%m.%Y %H:%M", &tm);
		tpl_set(row, "EDIT_URL", item_admin_path(r->arena, id, NULL));
		tpl_set(row, "TITLE", rows[n].title);
		tpl_set(row, "KIND", item_kind_label(rows[n].kind, ITEM_LABEL_LOWER));
		tpl_set(row, "STATUS", store_shown_status(rows[n].status, at, (long long)r->now));
		tpl_set(row, "DATE", date);
		tpl_set(row, "DATE_ISO", clock_fmt_iso_utc((time_t)at, iso, sizeof iso));
		tpl_set(row, "AUTHOR", rows[n].author);
		if (ts[n].lang != NULL) {
			tpl_set(row, "LANG", ts[n].lang);
			if (ts[n].stale)
				tpl_show(row, "STALE");
		}
	}
	int more = got > PER_PAGE;
	if (n == 0 && page > 1) {
		tpl_dict_free(d);
		resp_error(r, 404, "This page is past the end of the list.");
		return;
	}
	if (n == 0)
		tpl_show(d, status || (words && *words) ? "NO_MATCH" : "NO_ROWS");
	fill_filter(d, status, words);
	pager(r, d, page, more);
	resp_render(r, d, "admin_list.tpl");
	tpl_dict_free(d);
}
