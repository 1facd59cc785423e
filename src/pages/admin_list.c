/* admin_list.c: GET /admin -- every item, drafts and scheduled ones included, with its status and language
 * (stale translations flagged), newest first, 50 to a page (?page=N), each linking to its edit form.
 * Signed-in officers only. */
#include <stdio.h>
#include <string.h>

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

void page_admin_list(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	struct admin_row *rows;
	int got = store_list(r->db, r->arena, PER_PAGE + 1, (page - 1) * PER_PAGE, &rows);
	if (got < 0) {
		resp_error(r, 500, "The items could not be read. The error has been logged.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "All items");
	int n = 0;
	for (; n < got && n < PER_PAGE; n++) {
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
		struct translation_state ts;
		if (translation_state(r->db, r->arena, r->now, id, &ts) == 1) {
			tpl_set(row, "LANG", ts.lang);
			if (ts.stale)
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
		tpl_show(d, "NO_ROWS");
	view_pager(r, d, "/admin", page, more);
	resp_render(r, d, "admin_list.tpl");
	tpl_dict_free(d);
}
