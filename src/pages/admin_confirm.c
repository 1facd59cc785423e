/* admin_confirm.c: the pages that ask before an action the public cannot undo. GET
 * /admin/items/<id>/withdraw (publishers, via page_admin_withdraw): the item, what withdrawing does, and the
 * form with the required note and the version the page shows (a stale confirmation is refused like any
 * stale action). */
#include <string.h>

#include "../item_public.h"
#include "../item_store.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../revision_store.h"
#include "../tpl.h"
#include "admin_form.h"
#include "pages.h"

void admin_confirm_withdraw(struct req *r, const struct admin_item *a, int status, const char *error)
{
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Withdraw");
	tpl_set(d, "ITEM_TITLE", a->it.title);
	tpl_set(d, "ITEM_ADMIN_URL", item_admin_path(r->arena, a->it.id, NULL));
	const char *shown = store_shown_status(a->status, a->it.published_at, (long long)r->now);
	tpl_set(d, "STATUS", shown);
	if (strcmp(shown, "published") == 0)
		tpl_set(tpl_section(d, "PUBLIC_LINK"), "PUBLIC_URL", item_path(r, &a->it));
	/* Back from a refusal, the version the officer confirmed from is kept, so a change since still shows. */
	if (r->in[KEY_VERSION].set)
		tpl_set_int(d, "VERSION", r->in[KEY_VERSION].i);
	else
		tpl_set_int(d, "VERSION", revision_latest(r->db, a->it.id));
	if (r->in[KEY_NOTE].set)
		tpl_set(d, "NOTE", r->in[KEY_NOTE].s);
	if (error)
		tpl_set(tpl_section(d, "CONFIRM_ERROR"), "MESSAGE", error);
	r->status = status;
	resp_render(r, d, "admin_confirm.tpl");
	tpl_dict_free(d);
}
