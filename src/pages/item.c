/* item.c: GET /releases/<id>-<slug> and /events/<id>-<slug> -- one press release or event in full.
 * Public. The id decides; /releases/<id>, a wrong slug or the wrong kind answer 301 to the canonical URL.
 * The page is in the item's language (i18n_use), links its public versions in the other languages (a
 * visible link at the top, hreflang in the head, JSON-LD) and says when a translation is stale. */
#include <string.h>

#include "../buf.h"
#include "../clock.h"
#include "../i18n.h"
#include "../item_public.h"
#include "../layout.h"
#include "../media_public.h"
#include "../media_view.h"
#include "../minisign.h"
#include "../req.h"
#include "../resp.h"
#include "../signing_key.h"
#include "../site.h"
#include "../tpl.h"
#include "../translation.h"
#include "../version_store.h"
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

/* The public path of a version of a statement. */
static const char *version_path(struct req *r, const struct translation_version *v)
{
	struct item it = {.id = v->id, .kind = v->kind, .slug = v->slug};
	return item_path(r, &it);
}

/* The item's public versions in every language into head (versions, x-default: the version in the site's
 * primary language, else the original) and the visible links to the others into d. */
static void fill_versions(struct req *r, struct tpl_dict *d, struct head *head, const struct item *it,
                          const struct translation_state *ts)
{
	struct translation_version *v;
	int n = translation_group(r->db, r->arena, r->now, ts->original, &v);
	struct head_version *hv = arena_alloc(r->arena, (size_t)(n > 0 ? n : 1) * sizeof *hv);
	int nv = 0;
	char primary[16];
	if (!site_language_at(r->site, 0, primary, sizeof primary))
		primary[0] = '\0';
	for (int i = 0; i < n; i++) {
		if (!v[i].public)
			continue;
		const char *path = v[i].id == it->id ? head->path : version_path(r, &v[i]);
		hv[nv++] = (struct head_version){v[i].lang, path, i == 0};
		if (&v[i] == translation_default(v, n, primary))
			head->x_default = path;
		if (v[i].id == it->id)
			continue;
		struct tpl_dict *link = tpl_section(d, "OTHER_LANGUAGE");
		tpl_set(link, "URL", path);
		tpl_set(link, "LANG", v[i].lang);
		tpl_set(link, "LABEL", translation_version_label(v[i].lang));
	}
	head->versions = hv;
	head->nversions = nv;
}

/* A stale translation's notice, in the page's language: the original changed on DATE, with a link to it. */
static void fill_stale(struct req *r, struct tpl_dict *d, const struct translation_state *ts)
{
	struct item original;
	if (!ts->stale || item_get_public(r->db, r->arena, r->now, ts->original, &original) != 1)
		return;
	char date[64], iso[32];
	struct tm tm;
	clock_local(r->site->zone, (time_t)ts->original_changed, &tm);
	struct tpl_dict *s = tpl_section(d, "STALE_TRANSLATION");
	tpl_set(s, "STALE_BEFORE", i18n_text("The original of this text was updated on"));
	tpl_set(s, "STALE_DATE", clock_fmt_long_date(&tm, date, sizeof date));
	tpl_set(s, "STALE_DATE_ISO", clock_fmt_iso_utc((time_t)ts->original_changed, iso, sizeof iso));
	tpl_set(s, "STALE_AFTER", i18n_text("and this version may not reflect the change."));
	tpl_set(s, "ORIGINAL_URL", item_path(r, &original));
	tpl_set(s, "ORIGINAL_LINK", i18n_text("Read the original"));
}

/* Where the site signs (a key configured) and this version is signed: links to its text and signature, and
 * the fingerprint of the key its signature names, for the reader to compare with the one the office
 * publishes elsewhere. Nothing otherwise. */
static void fill_signed(struct req *r, struct tpl_dict *d, const struct item *it, const char *path)
{
	struct version_text v;
	char fingerprint[MINISIGN_FINGERPRINT_LEN + 1];
	if (signing_key_public_file() == NULL ||
	    version_public(r->db, r->arena, r->now, it->id, it->kind, 0, &v) != 1 || v.signature == NULL ||
	    minisign_signature_fingerprint(fingerprint, v.signature) != 0)
		return;
	struct tpl_dict *s = tpl_section(d, "SIGNED");
	tpl_set(s, "TEXT_URL", arena_printf(r->arena, "%s.txt", path));
	tpl_set(s, "SIGNATURE_URL", arena_printf(r->arena, "%s.txt.minisig", path));
	tpl_set(s, "FINGERPRINT", fingerprint);
	tpl_set(s, "VERIFY_URL", layout_lang_path(r, "/verify"));
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

	struct translation_state ts;
	if (translation_state(r->db, r->arena, r->now, id, &ts) != 1) {
		resp_error(r, 500, "This item could not be read. The error has been logged.");
		return;
	}
	i18n_use(ts.lang); /* before any template is filled: the interface follows the item's language */
	struct media_set media;
	if (media_of_items(r->db, r->arena, &it.id, 1, &media) != 0) {
		resp_error(r, 500, "This item's photos and documents could not be read. The error has been logged.");
		return;
	}
	d = tpl_dict_new();
	struct head head = {.title = it.title, .description = it.teaser, .path = canonical, .article = &it,
	                    .image = media_lead(&media)};
	if (ts.grouped)
		fill_versions(r, d, &head, &it, &ts);
	fill_stale(r, d, &ts);
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
	fill_signed(r, d, &it, canonical);
	if (view_item_full(r, d, &it) != 0)
		resp_error(r, 500, "This item could not be shown. The error has been logged.");
	else
		resp_render(r, d, "item.tpl");
	tpl_dict_free(d);
}
