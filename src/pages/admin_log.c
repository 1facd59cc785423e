/* admin_log.c: GET /admin/log -- the audit log: who did what, when and from where, newest first, 100 to a
 * page (?page=N). Publishers only. A row that counts repeats (the refused sign-ins of one lock) says how
 * many times. */
#include <stdio.h>
#include <time.h>

#include "../db.h"
#include "../item.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../tpl.h"
#include "../view.h"
#include "pages.h"

enum { PER_PAGE = 100 };

/* n with a comma between thousands: 1,234,567. */
static void group_thousands(long long n, char out[32])
{
	char digits[24];
	int len = snprintf(digits, sizeof digits, "%lld", n), o = 0;
	for (int i = 0; i < len; i++) {
		if (i > 0 && digits[i - 1] != '-' && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
}

void page_admin_log(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	sqlite3_stmt *st = db_stmt(r->db, STMT_AUDIT_PAGE);
	if (st == NULL) {
		resp_error(r, 500, "The audit log could not be read. The error has been logged.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Audit log");
	sqlite3_bind_int(st, 1, PER_PAGE + 1);
	sqlite3_bind_int64(st, 2, (page - 1) * PER_PAGE);
	int n = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < PER_PAGE) {
		struct tpl_dict *e = tpl_section(d, "ENTRY");
		view_set_at(e, NULL, (time_t)sqlite3_column_int64(st, 0), "%Y-%m-%d %H:%M:%S"); /* the log is in UTC */
		tpl_set(e, "WHO", (const char *)sqlite3_column_text(st, 1));
		tpl_set(e, "ADDRESS", (const char *)sqlite3_column_text(st, 2));
		tpl_set(e, "ACTION", (const char *)sqlite3_column_text(st, 3));
		tpl_set(e, "DETAIL", (const char *)sqlite3_column_text(st, 5));
		if (sqlite3_column_int64(st, 7) > 1) {
			char times[32];
			group_thousands(sqlite3_column_int64(st, 7), times);
			tpl_set(tpl_section(e, "REPEATED"), "TIMES", times);
		}
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			struct tpl_dict *it = tpl_section(e, "ITEM");
			tpl_set(it, "ITEM_URL", item_admin_path(r->arena, sqlite3_column_int64(st, 4), NULL));
			tpl_set(it, "ITEM_TITLE", (const char *)sqlite3_column_text(st, 6));
		}
		n++;
	}
	int more = rc == SQLITE_ROW;
	sqlite3_reset(st);
	view_pager(r, d, "/admin/log", page, more);
	resp_render(r, d, "admin_log.tpl");
	tpl_dict_free(d);
}
