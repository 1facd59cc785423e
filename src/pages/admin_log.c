/* admin_log.c: GET /admin/log -- the audit log: who did what, when and from where, newest first, 100 to a
 * page (?page=N). Publishers only. A row that counts repeats (the refused sign-ins of one lock) says how
 * many times. */
#include <stdio.h>
#include <time.h>

#include "../audit.h"
#include "../item_public.h"
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
	struct audit_entry *log;
	int got = audit_page(r->db, r->arena, PER_PAGE + 1, (page - 1) * PER_PAGE, &log);
	if (got < 0) {
		resp_error(r, 500, "The audit log could not be read. The error has been logged.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Audit log");
	for (int n = 0; n < got && n < PER_PAGE; n++) {
		const struct audit_entry *l = &log[n];
		struct tpl_dict *e = tpl_section(d, "ENTRY");
		view_set_at(e, NULL, (time_t)l->at, "%Y-%m-%d %H:%M:%S"); /* the log is in UTC */
		tpl_set(e, "WHO", l->who);
		tpl_set(e, "ADDRESS", l->address);
		tpl_set(e, "ACTION", l->action);
		tpl_set(e, "DETAIL", l->detail);
		if (l->count > 1) {
			char times[32];
			group_thousands(l->count, times);
			tpl_set(tpl_section(e, "REPEATED"), "TIMES", times);
		}
		if (l->item_id != 0) {
			struct tpl_dict *it = tpl_section(e, "ITEM");
			tpl_set(it, "ITEM_URL", item_admin_path(r->arena, l->item_id, NULL));
			tpl_set(it, "ITEM_TITLE", l->item_title);
		}
	}
	int more = got > PER_PAGE;
	view_pager(r, d, "/admin/log", page, more);
	resp_render(r, d, "admin_log.tpl");
	tpl_dict_free(d);
}
