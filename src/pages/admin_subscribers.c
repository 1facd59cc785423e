/* admin_subscribers.c: GET /admin/subscribers -- how many subscribe to email alerts, per list (press releases
 * and events, per language), confirmed and pending. Publishers only. Never an address: those leave only
 * through `pressroom subscribers export` on the server, for the data controller. */
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../subscriber_store.h"
#include "../tpl.h"
#include "pages.h"

void page_admin_subscribers(struct req *r)
{
	struct subscriber_count *c;
	long long confirmed, pending;
	int n = subscriber_counts(r->db, r->arena, &c, &confirmed, &pending);
	if (n < 0) {
		resp_error(r, 500, "The subscribers could not be counted. The error has been logged.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Subscribers");
	tpl_set_int(d, "CONFIRMED", confirmed);
	tpl_set_int(d, "PENDING", pending);
	for (int i = 0; i < n; i++) {
		struct tpl_dict *l = tpl_section(d, "LIST");
		tpl_set(l, "LANG", c[i].lang);
		tpl_set_int(l, "RELEASES", c[i].releases);
		tpl_set_int(l, "RELEASES_PENDING", c[i].releases_pending);
		tpl_set_int(l, "EVENTS", c[i].events);
		tpl_set_int(l, "EVENTS_PENDING", c[i].events_pending);
	}
	if (n == 0)
		tpl_show(d, "NONE");
	resp_render(r, d, "admin_subscribers.tpl");
	tpl_dict_free(d);
}
