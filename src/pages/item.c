/* item.c: GET /releases/<id>-<slug> and /events/<id>-<slug> -- one press release or event in full.
 * Public. The id decides; /releases/<id>, a wrong slug or the wrong kind answer 301 to the canonical URL. */
#include <string.h>

#include "../buf.h"
#include "../clock.h"
#include "../item_public.h"
#include "../layout.h"
#include "../media_public.h"
#include "../media_view.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "../view.h"
#include "pages.h"

/* An id that is not public: 410 with the withdrawal notice if it was withdrawn, else 404 (a draft or a
 * scheduled item does not exist for the public yet). */
static void not_public(struct req *r, long long id)
{
	struct item_withdrawal w;
	int withdrawn = item_withdrawal(r->db, r->arena, id, &w);
	if (withdrawn < 0) {
		resp_error(r, 500, "This item could not be read. The error has been logged.");
		return;
	}
	if (withdrawn == 0) {
		resp_error(r, 404, "There is no press release or event with this number.");
		return;
	}
	char date[64];
	struct tm tm;
	struct buf msg = {0};
	clock_local(r->site->zone, (time_t)w.at, &tm);
	buf_printf(&msg, "“%s” was withdrawn on %s.", w.title, clock_fmt_long_date(&tm, date, sizeof date));
	if (*w.note)
		buf_printf(&msg, " %s", w.note);
	resp_error(r, 410, buf_str(&msg));
	buf_free(&msg);
}

void page_item(struct req *r)
{
	long long id = r->seg.id; /* checked by the route (SEG_ID_SLUG); the slug only decides a redirect */
	struct item it;
	struct tpl_dict *d = NULL;

	int found = item_get_public(r->db, r->arena, r->now, id, &it);
	if (found < 0) {
		resp_error(r, 500, "This item could not be read. The error has been logged.");
		return;
	}
	if (found == 0) {
		not_public(r, id);
		return;
	}
	const char *canonical = item_path(r, &it);
	if (strcmp(r->path, canonical) != 0) {
		resp_redirect(r, 301, canonical);
		return;
	}

	struct media_set media;
	if (media_of_items(r->db, r->arena, &it.id, 1, &media) != 0) {
		resp_error(r, 500, "This item's photos and documents could not be read. The error has been logged.");
		return;
	}
	d = tpl_dict_new();
	struct head head = {.title = it.title, .description = it.teaser, .path = canonical, .article = &it,
	                    .image = media_lead(&media)};
	layout_fill(r, d, &head);
	struct item near;
	struct tpl_dict *nav = NULL;
	for (int newer = 1; newer >= 0; newer--) {
		if (item_neighbour(r->db, r->arena, r->now, &it, newer, &near) != 1)
			continue;
		if (nav == NULL)
			nav = tpl_section(d, "NEIGHBOURS");
		struct tpl_dict *n = tpl_section(nav, newer ? "NEWER" : "OLDER");
		tpl_set(n, "URL", item_path(r, &near));
		tpl_set(n, "TITLE", near.title);
	}
	media_view_full(r, d, &media);
	if (view_item_full(r, d, &it) != 0)
		resp_error(r, 500, "This item could not be shown. The error has been logged.");
	else
		resp_render(r, d, "item.tpl");
	tpl_dict_free(d);
}
