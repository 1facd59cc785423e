/* admin_list.c: GET /admin -- every item, drafts and scheduled ones included, with its status, newest
 * first, 50 to a page (?page=N), each linking to its edit form. Signed-in officers only. */
#include <stdio.h>
#include <string.h>

#include "../clock.h"
#include "../db.h"
#include "../item.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../store.h"
#include "../tpl.h"
#include "../view.h"
#include "pages.h"

enum { PER_PAGE = 50 };

void page_admin_list(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	sqlite3_stmt *st = db_stmt(r->db, STMT_ITEMS_ADMIN_PAGE);
	if (st == NULL) {
		resp_error(r, 500, "The items could not be read. The error has been logged.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "All items");
	sqlite3_bind_int(st, 1, PER_PAGE + 1);
	sqlite3_bind_int64(st, 2, (page - 1) * PER_PAGE);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < PER_PAGE) {
		struct tpl_dict *row = tpl_section(d, "ROW");
		long long id = sqlite3_column_int64(st, 0);
		long long at = sqlite3_column_int64(st, 5);
		const char *status = (const char *)sqlite3_column_text(st, 4);
		char date[32], iso[32];
		struct tm tm;
		clock_local(r->site->zone, (time_t)at, &tm);
		strftime(date, sizeof date, "%d.%m.%Y %H:%M", &tm);
		tpl_set(row, "EDIT_URL", item_admin_path(r->arena, id, NULL));
		tpl_set(row, "TITLE", (const char *)sqlite3_column_text(st, 3));
		tpl_set(row, "KIND", item_kind_label((const char *)sqlite3_column_text(st, 1), ITEM_LABEL_LOWER));
		tpl_set(row, "STATUS", store_shown_status(status, at, (long long)r->now));
		tpl_set(row, "DATE", date);
		tpl_set(row, "DATE_ISO", clock_fmt_iso_utc((time_t)at, iso, sizeof iso));
		tpl_set(row, "AUTHOR", (const char *)sqlite3_column_text(st, 7));
		n++;
	}
	int more = rc == SQLITE_ROW;
	sqlite3_reset(st);
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
