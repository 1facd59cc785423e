/* feed.c: GET /feed.atom, /releases/feed.atom, /events/feed.atom, and the same under /<lang>/ (/ru/feed.atom)
 * -- Atom 1.0 (RFC 4287) feeds of the 50 newest public items in full, in one language (the primary at the
 * bare URLs), marked with its xml:lang. Public. Entry ids are tag URIs made from the site's host, the day the item
 * was created and its number, so they never change; updated changes with every edit. Each entry's content is
 * what the detail page shows (a correction's "Updated" line, photos, body, signature block); a statement
 * withdrawn in the last FEED_WITHDRAWN_DAYS is announced by an RFC 6721 tombstone with its withdrawal note;
 * and the feed carries the public history's head (docs/authenticity.md, section 7), so its bytes, and so its
 * ETag, change with every entry of the history. */
#include <string.h>
#include <time.h>

#include "../buf.h"
#include "../clock.h"
#include "../config.h"
#include "../i18n.h"
#include "../item_public.h"
#include "../layout.h"
#include "../markup.h"
#include "../media_public.h"
#include "../media_view.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "../version_store.h"
#include "../view.h"
#include "../words.h"
#include "pages.h"

enum { FEED_ENTRIES = 50, FEED_WITHDRAWN = 50, FEED_WITHDRAWN_DAYS = 30 };

/* The host of the base URL, without scheme or port: the authority of tag URIs. */
static const char *tag_authority(struct req *r)
{
	const char *base = site_base_url(r);
	const char *host = strstr(base, "://");
	host = host ? host + 3 : base;
	return arena_strndup(r->arena, host, strcspn(host, ":/"));
}

/* An entry's id: a tag URI of the site's host, the day the item was created and its number. */
static const char *entry_id(struct req *r, const char *authority, long long created_at, long long id)
{
	time_t created = (time_t)created_at;
	struct tm tm;
	char day[16];
	gmtime_r(&created, &tm);
	strftime(day, sizeof day, "%Y-%m-%d", &tm);
	return arena_printf(r->arena, "tag:%s,%s:item-%lld", authority, day, id);
}

/* An entry's content (feed_content.tpl): the item as its detail page shows it (view_item_full: the "Updated"
 * line, the body, the signature block), its photos with absolute URLs; and each document as a link
 * rel="enclosure". Returns the content, owned by the request. */
static const char *entry_content(struct req *r, struct tpl_dict *e, const struct media_set *set, const struct item *it,
                                 const char *w_updated)
{
	const char *base = site_base_url(r);
	struct tpl_dict *m = tpl_dict_new();
	tpl_set(m, "W_UPDATED", w_updated);   /* its one word; all of words_fill per entry tripled the feed's cost */
	view_item_full(r, m, it);
	struct buf html = {0};
	for (int i = 0; i < set->n; i++) {
		const struct media_item *it = &set->items[i];
		const struct media_rendition *pdf = it->is_image ? NULL : media_widest(it, MEDIA_PDF);
		if (it->is_image) {
			media_view_figure(r, tpl_section(m, "IMAGE"), it, base, 0);
		} else if (pdf) {
			struct tpl_dict *enc = tpl_section(e, "ENCLOSURE");
			tpl_set(enc, "ENCLOSURE_TYPE", media_mime(MEDIA_PDF));
			tpl_set_int(enc, "ENCLOSURE_LENGTH", pdf->bytes);
			tpl_set(enc, "ENCLOSURE_URL", arena_printf(r->arena, "%s%s", base, media_path(r->arena, pdf)));
			tpl_set(enc, "ENCLOSURE_TITLE", it->title[0] ? it->title : it->original_name);
		}
	}
	if (tpl_render(m, "feed_content.tpl", &html) != 0) {
		buf_reset(&html); /* logged by tpl_render; the entry keeps its text */
		buf_puts(&html, markup_html_text(r->arena, it->body, it->body_html));
	}
	const char *out = arena_strdup(r->arena, buf_str(&html));
	buf_free(&html);
	tpl_dict_free(m);
	return out;
}

static void feed(struct req *r, const char *kind, const char *path, const char *title)
{
	struct item_entry *entries;
	int n = item_feed(r->db, r->arena, r->now, kind, i18n_lang(), FEED_ENTRIES, &entries);
	if (n < 0) {
		resp_error(r, 500, "The feed could not be read. The error has been logged.");
		return;
	}
	/* Every entry's photos and documents in one query. */
	long long *ids = arena_alloc(r->arena, (size_t)(n ? n : 1) * sizeof *ids);
	struct media_set *media = arena_alloc(r->arena, (size_t)(n ? n : 1) * sizeof *media);
	for (int i = 0; i < n; i++)
		ids[i] = entries[i].it.id;
	if (media_of_items(r->db, r->arena, ids, n, media) != 0) {
		resp_error(r, 500, "The feed could not be read. The error has been logged.");
		return;
	}
	const char *base = site_base_url(r), *authority = tag_authority(r);
	struct tpl_dict *d = tpl_dict_new();
	struct buf s = {0};
	long long newest = 0;
	char iso[32];
	const char *w_updated = words_text("W_UPDATED");

	for (int i = 0; i < n; i++) {
		const struct item it = entries[i].it;
		struct tpl_dict *e = tpl_section(d, "ENTRY");
		tpl_set(e, "ID", entry_id(r, authority, entries[i].created_at, it.id));
		buf_reset(&s);
		buf_printf(&s, "%s%s", base, item_path(r, &it));
		tpl_set(e, "URL", buf_str(&s));
		tpl_set(e, "TITLE", it.title);
		tpl_set(e, "TYPE", item_type_label(it.type));
		tpl_set(e, "TEASER", it.teaser);
		tpl_set(e, "CONTENT", entry_content(r, e, &media[i], &it, w_updated));
		tpl_set(e, "PUBLISHED", clock_fmt_iso_utc((time_t)it.published_at, iso, sizeof iso));
		long long updated = it.updated_at > it.published_at ? it.updated_at : it.published_at;
		tpl_set(e, "UPDATED", clock_fmt_iso_utc((time_t)updated, iso, sizeof iso));
		if (updated > newest)
			newest = updated;
	}
	/* Withdrawn statements: a tombstone each, so a reader's copy does not keep them silently. */
	struct item_tombstone *gone;
	int ngone = item_feed_withdrawn(r->db, r->arena, r->now, kind, i18n_lang(),
	                                r->now - (time_t)FEED_WITHDRAWN_DAYS * 86400, FEED_WITHDRAWN, &gone);
	long long entries_count = 0;
	const char *head = NULL;
	if (ngone < 0 || version_history_head(r->db, r->arena, &entries_count, &head) < 0) {
		buf_free(&s);
		tpl_dict_free(d);
		resp_error(r, 500, "The feed could not be read. The error has been logged.");
		return;
	}
	for (int i = 0; i < ngone; i++) {
		struct tpl_dict *t = tpl_section(d, "DELETED");
		tpl_set(t, "REF", entry_id(r, authority, gone[i].created_at, gone[i].it.id));
		tpl_set(t, "WHEN", clock_fmt_iso_utc((time_t)gone[i].withdrawn_at, iso, sizeof iso));
		tpl_set(t, "URL", arena_printf(r->arena, "%s%s", base, item_path(r, &gone[i].it)));
		if (gone[i].note[0])
			tpl_set(tpl_section(t, "DELETED_NOTE"), "NOTE", gone[i].note);
		if (gone[i].withdrawn_at > newest)
			newest = gone[i].withdrawn_at;
	}
	if (head) {
		struct tpl_dict *h = tpl_section(d, "HISTORY");
		tpl_set(h, "HISTORY_URL", arena_printf(r->arena, "%s/history.txt", base));
		tpl_set(h, "HISTORY_HEAD_URL", arena_printf(r->arena, "%s/history-head.txt", base));
		tpl_set_int(h, "HISTORY_ENTRIES", entries_count);
		tpl_set(h, "HISTORY_HEAD", head);
	}
	buf_reset(&s);
	buf_printf(&s, "tag:%s,2000:feed%s", authority, path);
	tpl_set(d, "FEED_ID", buf_str(&s));
	buf_reset(&s);
	buf_printf(&s, "%s: %s", r->site->name, title);
	tpl_set(d, "FEED_TITLE", buf_str(&s));
	tpl_set(d, "SITE_NAME", r->site->name);
	buf_reset(&s);
	buf_printf(&s, "%s%s", base, path);
	tpl_set(d, "SELF_URL", buf_str(&s));
	/* WebSub (issue 16): the hubs the sender pings when this feed changes; none configured, no link. */
	for (int i = 0; config_current && i < config_current->nwebsub_hubs; i++)
		tpl_set(tpl_section(d, "HUB"), "HUB_URL", config_current->websub_hubs[i]);
	buf_reset(&s);
	buf_printf(&s, "%s%s%s%s", base, layout_lang_path(r, "/messages"), kind ? "?type=" : "",
	           kind ? item_kind_segment(kind) : "");
	tpl_set(d, "HTML_URL", buf_str(&s));
	tpl_set(d, "LANG", i18n_lang());
	/* The same feed in each of the site's languages (Atom allows one alternate per type and hreflang). */
	const struct head_version *v;
	const char *x_default;
	for (int i = 0, nv = layout_language_versions(r, layout_unprefixed(r, path), &v, &x_default); i < nv; i++) {
		struct tpl_dict *alt = tpl_section(d, "HREFLANG");
		tpl_set(alt, "HREFLANG", v[i].lang);
		tpl_set(alt, "HREFLANG_URL", arena_printf(r->arena, "%s%s", base, v[i].path));
	}
	tpl_set(d, "UPDATED", clock_fmt_iso_utc(newest ? (time_t)newest : r->now, iso, sizeof iso));
	resp_render_as(r, d, "feed.tpl", "application/atom+xml; charset=utf-8");
	buf_free(&s);
	tpl_dict_free(d);
}

void page_feed(struct req *r)
{
	/* The route's argument is the kind; its path is the feed's own. */
	const char *kind = r->route_arg;
	feed(r, kind, r->path, kind ? item_kind_label(kind, ITEM_LABEL_MANY | ITEM_LABEL_LOWER) : i18n_text("all messages"));
}
