/* feed.c: GET /feed.atom, /releases/feed.atom, /events/feed.atom, and the same under /<lang>/ (/ru/feed.atom)
 * -- Atom 1.0 (RFC 4287) feeds of the 50 newest public items in full, in one language (the primary at the
 * bare URLs), marked with its xml:lang. Public. Entry ids are tag URIs made from the site's host, the day the item
 * was created and its number, so they never change; updated changes with every edit. */
#include <string.h>
#include <time.h>

#include "../buf.h"
#include "../clock.h"
#include "../i18n.h"
#include "../item_public.h"
#include "../layout.h"
#include "../markup.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "pages.h"

enum { FEED_ENTRIES = 50 };

/* The host of the base URL, without scheme or port: the authority of tag URIs. */
static const char *tag_authority(struct req *r)
{
	const char *base = site_base_url(r);
	const char *host = strstr(base, "://");
	host = host ? host + 3 : base;
	return arena_strndup(r->arena, host, strcspn(host, ":/"));
}

static void feed(struct req *r, const char *kind, const char *path, const char *title)
{
	struct item_entry *entries;
	int n = item_feed(r->db, r->arena, r->now, kind, i18n_lang(), FEED_ENTRIES, &entries);
	if (n < 0) {
		resp_error(r, 500, "The feed could not be read. The error has been logged.");
		return;
	}
	const char *base = site_base_url(r), *authority = tag_authority(r);
	struct tpl_dict *d = tpl_dict_new();
	struct buf s = {0};
	long long newest = 0;
	char iso[32];

	for (int i = 0; i < n; i++) {
		const struct item it = entries[i].it;
		time_t created = (time_t)entries[i].created_at;
		struct tm tm;
		char day[16];
		gmtime_r(&created, &tm);
		strftime(day, sizeof day, "%Y-%m-%d", &tm);
		struct tpl_dict *e = tpl_section(d, "ENTRY");
		buf_reset(&s);
		buf_printf(&s, "tag:%s,%s:item-%lld", authority, day, it.id);
		tpl_set(e, "ID", buf_str(&s));
		buf_reset(&s);
		buf_printf(&s, "%s%s", base, item_path(r, &it));
		tpl_set(e, "URL", buf_str(&s));
		tpl_set(e, "TITLE", it.title);
		tpl_set(e, "TYPE", item_type_label(it.type));
		tpl_set(e, "TEASER", it.teaser);
		tpl_set(e, "CONTENT", markup_html_text(r->arena, it.body, it.body_html));
		tpl_set(e, "PUBLISHED", clock_fmt_iso_utc((time_t)it.published_at, iso, sizeof iso));
		long long updated = it.updated_at > it.published_at ? it.updated_at : it.published_at;
		tpl_set(e, "UPDATED", clock_fmt_iso_utc((time_t)updated, iso, sizeof iso));
		if (updated > newest)
			newest = updated;
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
	buf_reset(&s);
	buf_printf(&s, "%s%s%s%s", base, layout_lang_path(r, "/messages"), kind ? "?type=" : "",
	           kind ? item_kind_segment(kind) : "");
	tpl_set(d, "HTML_URL", buf_str(&s));
	tpl_set(d, "LANG", i18n_lang());
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
