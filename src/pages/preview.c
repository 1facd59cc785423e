/* preview.c: GET /preview/<token> -- a draft (or a scheduled item under embargo) shown to a reviewer who holds a secret link, until the link
 * expires (7 days) or is revoked. Anyone with the link; never cached, never indexed. An unknown, expired
 * or revoked link is a 404, like any other address that does not exist. */
#include <string.h>

#include "../auth.h"
#include "../i18n.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../share.h"
#include "../item_store.h"
#include "../tpl.h"
#include "../translation.h"
#include "../view.h"
#include "pages.h"

void page_preview(struct req *r)
{
	unsigned char hash[32]; /* r->arg is a token's shape: the route checked it (SEG_TOKEN) */
	auth_token_hash(r->arg, hash);
	long long id = share_lookup(r->db, hash, r->now);
	if (id < 0) {
		resp_error(r, 500, "The preview could not be read. The error has been logged.");
		return;
	}
	struct admin_item a;
	if (id == 0 || store_get(r->db, r->arena, id, &a) != 1 || strcmp(a.status, "withdrawn") == 0) {
		resp_error(r, 404, "This preview link does not exist, has expired or was revoked.");
		return;
	}
	resp_header(r, "X-Robots-Tag", "noindex");
	struct translation_state ts;
	if (translation_state(r->db, r->arena, r->now, id, &ts) == 1)
		i18n_use(ts.lang); /* in the draft's language, as its public page will be */
	struct tpl_dict *d = tpl_dict_new();
	struct head head = {.title = a.it.title, .description = a.it.teaser};
	layout_fill(r, d, &head);
	if (strcmp(store_shown_status(a.status, a.it.published_at, (long long)r->now), "scheduled") == 0)
		tpl_set(tpl_section(d, "PREVIEW"), "PREVIEW_TEXT",
		        "Embargoed: shared before its scheduled publication. It is not public yet; this link will expire.");
	else
		tpl_set(tpl_section(d, "PREVIEW"), "PREVIEW_TEXT",
		        "A draft shared for review: it is not published, and this link will expire.");
	if (view_item_full(r, d, &a.it) != 0)
		resp_error(r, 500, "The preview could not be made. The error has been logged.");
	else
		resp_render(r, d, "item.tpl");
	tpl_dict_free(d);
}
