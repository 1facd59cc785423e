/* home.c: GET / and /<lang>/ (/ru/) -- the front page, laid out like the embassy's press page: the latest
 * press release in full, the few releases before it (titles and dates, so two published close together are
 * both in view), then the ten newest events with their teasers, and a link to all messages, each in the
 * page's language (the gate chose it from the path). Public; no parameters. */
#include <limits.h>

#include "../i18n.h"
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

enum { HOME_EVENTS = 10, HOME_OTHER_RELEASES = 4 };

/* Up to HOME_OTHER_RELEASES public releases other than the featured one, newest first. -1 on error. */
static int fill_other_releases(struct req *r, struct tpl_dict *d, long long featured)
{
	struct item *rel;
	struct item_filter releases = {.kind = "release", .from = LLONG_MIN, .to = (long long)r->now,
	                               .lang = i18n_lang()};
	int n = item_list(r->db, r->arena, r->now, &releases, HOME_OTHER_RELEASES + 1, 0, &rel);
	if (n < 0)
		return -1;
	struct tpl_dict *box = NULL;
	for (int i = 0, shown = 0; i < n && shown < HOME_OTHER_RELEASES; i++) {
		if (rel[i].id == featured)
			continue;
		if (box == NULL) {
			box = tpl_section(d, "OTHER_RELEASES");
			tpl_set(box, "OTHER_RELEASES_TITLE", i18n_text("More press releases"));
		}
		view_item_summary(r, tpl_section(box, "OTHER_RELEASE"), &rel[i]);
		shown++;
	}
	return 0;
}

void page_home(struct req *r)
{
	struct tpl_dict *d = tpl_dict_new();
	struct item release, *events;
	const char *lang = i18n_lang();
	struct item_filter recent = {.kind = "event", .from = LLONG_MIN, .to = (long long)r->now, .lang = lang};

	int found = item_latest_full(r->db, r->arena, r->now, "release", lang, &release);
	int n = item_list(r->db, r->arena, r->now, &recent, HOME_EVENTS, 0, &events);
	if (found < 0 || n < 0) {
		resp_error(r, 500, "The press releases could not be read. The error has been logged.");
		goto out;
	}

	/* The thumbnails of the release and every event: one query for the page. */
	long long ids[HOME_EVENTS + 1];
	struct media_set media[HOME_EVENTS + 1];
	for (int i = 0; i < n; i++)
		ids[i] = events[i].id;
	ids[n] = found ? release.id : 0;
	if (media_of_items(r->db, r->arena, ids, n + 1, media) != 0) {
		resp_error(r, 500, "The photos could not be read. The error has been logged.");
		goto out;
	}

	struct head head = {.title = r->site->tagline, .path = layout_lang_path(r, "/"), .every_language = "/"};
	layout_fill(r, d, &head);
	if (found) {
		struct tpl_dict *rel = tpl_section(d, "RELEASE");
		media_view_thumb(r, rel, &media[n]);
		if (view_item_full(r, rel, &release) != 0) {
			resp_error(r, 500, "The latest press release could not be shown. The error has been logged.");
			goto out;
		}
		if (fill_other_releases(r, d, release.id) != 0) {
			resp_error(r, 500, "The press releases could not be read. The error has been logged.");
			goto out;
		}
	} else {
		tpl_show(d, "NO_RELEASE");
	}
	for (int i = 0; i < n; i++) {
		struct tpl_dict *e = tpl_section(d, "EVENT");
		view_item_summary(r, e, &events[i]);
		media_view_thumb(r, e, &media[i]);
	}
	if (n == 0)
		tpl_show(d, "NO_EVENTS");
	resp_render(r, d, "home.tpl");
out:
	tpl_dict_free(d);
}
