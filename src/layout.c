/* layout.c: the shared page frame. The clocks are rendered here, on the server, so they need no script. */
#include "layout.h"

#include <string.h>

#include "buf.h"
#include "clock.h"
#include "config.h"
#include "i18n.h"
#include "item_public.h"
#include "jsonld.h"
#include "media_public.h"
#include "req.h"
#include "site.h"
#include "tpl.h"
#include "words.h"

/* "+44 (0) 203 668 7474" -> "+442036687474": a tel: link dials digits; the "(0)" trunk prefix is dropped
 * after a country code, as dialling from abroad requires. */
static const char *tel_uri_number(const char *shown, char *out, size_t len)
{
	size_t o = 0;
	const char *p = shown;
	if (*p == '+' && o + 1 < len)
		out[o++] = *p++;
	for (; *p && o + 1 < len; p++) {
		if (out[0] == '+' && strncmp(p, "(0)", 3) == 0) {
			p += 2;
			continue;
		}
		if (*p >= '0' && *p <= '9')
			out[o++] = *p;
	}
	out[o] = '\0';
	return out;
}

const char *layout_lang_home(struct req *r, const char *lang)
{
	if (r->site == NULL || site_language_index(r->site, lang) <= 0)
		return "/"; /* the primary language, or one the site does not have, lives at the bare URLs */
	char *home = arena_concat(r->arena, "/", 1, lang);
	return arena_concat(r->arena, home, strlen(home), "/");
}

const char *layout_lang_path(struct req *r, const char *path)
{
	const char *home = layout_lang_home(r, i18n_lang());
	return home[1] ? arena_concat(r->arena, home, strlen(home) - 1, path) : path;
}

const char *layout_unprefixed(struct req *r, const char *path)
{
	size_t n = strlen(layout_lang_home(r, i18n_lang())) - 1; /* "/ru/" -> 3, "/" -> 0 */
	return n && strncmp(path, layout_lang_home(r, i18n_lang()), n) == 0 ? path + n : path;
}

int layout_language_versions(struct req *r, const char *unprefixed, const struct head_version **out,
                             const char **x_default)
{
	const struct site *s = r->site;
	if (s == NULL || s->nlanguages < 2)
		return 0;
	struct head_version *v = arena_alloc(r->arena, (size_t)s->nlanguages * sizeof *v);
	for (int i = 0; i < s->nlanguages; i++) {
		const char *home = layout_lang_home(r, s->languages[i]);
		v[i] = (struct head_version){s->languages[i],
		                             arena_concat(r->arena, home, strlen(home) - 1, unprefixed), i == 0};
	}
	*out = v;
	*x_default = v[0].path;
	return s->nlanguages;
}

/* What every part of the page shows alike, in the language in use: its tag, its words and its links. */
static void fill_language(struct req *r, struct tpl_dict *d)
{
	words_fill(d, "header.tpl");
	words_fill(d, "footer.tpl");
	tpl_set_global(d, "LANG", i18n_lang());
	tpl_set_global(d, "HOME_URL", layout_lang_path(r, "/"));
	tpl_set_global(d, "MESSAGES_URL", layout_lang_path(r, "/messages"));
}

/* The switch in the header: each other language's home page, named in that language. */
static void fill_language_switch(struct req *r, struct tpl_dict *d)
{
	const struct site *s = r->site;
	if (s->nlanguages < 2)
		return;
	struct tpl_dict *sw = tpl_section(d, "LANGUAGE_SWITCH");
	for (int i = 0; i < s->nlanguages; i++) {
		if (strcmp(s->languages[i], i18n_lang()) == 0)
			continue;
		struct tpl_dict *o = tpl_section(sw, "OTHER_LANGUAGE");
		tpl_set(o, "LANGUAGE_TAG", s->languages[i]);
		tpl_set(o, "LANGUAGE_NAME", i18n_language_name(s->languages[i]));
		tpl_set(o, "LANGUAGE_HOME", layout_lang_home(r, s->languages[i]));
	}
}

/* The absolute URL of path on this site, owned by the request. */
static const char *absolute(struct req *r, const char *path)
{
	const char *base = site_base_url(r);
	return arena_concat(r->arena, base, strlen(base), path);
}

/* The lead photo for social cards and JSON-LD: its widest JPEG (every network takes JPEG), or NULL. */
static const struct media_rendition *social_image(struct req *r, const struct media_item *m, struct tpl_dict *a,
                                                  const char **url)
{
	const struct media_rendition *jpeg = m ? media_widest(m, MEDIA_JPEG) : NULL;
	tpl_set(a, "TWITTER_CARD", jpeg ? "summary_large_image" : "summary");
	if (jpeg == NULL)
		return NULL;
	*url = absolute(r, media_path(r->arena, jpeg));
	struct tpl_dict *o = tpl_section(a, "OG_IMAGE");
	tpl_set(o, "IMAGE_URL", *url);
	tpl_set_int(o, "IMAGE_WIDTH", jpeg->width);
	tpl_set_int(o, "IMAGE_HEIGHT", jpeg->height);
	tpl_set(o, "IMAGE_ALT", m->decorative ? "" : m->alt);
	return jpeg;
}

static void fill_article(struct req *r, struct tpl_dict *d, const struct head *h, const char *url,
                         const char *description)
{
	char published[32], modified[32];
	const struct item *it = h->article;
	long long changed = it->public_updated_at ? it->public_updated_at : it->published_at;
	clock_fmt_iso_utc((time_t)it->published_at, published, sizeof published);
	clock_fmt_iso_utc((time_t)changed, modified, sizeof modified);
	struct tpl_dict *a = tpl_section(d, "ARTICLE");
	tpl_set(a, "OG_TITLE", it->title);
	tpl_set(a, "OG_URL", url);
	tpl_set(a, "OG_DESCRIPTION", description);
	tpl_set(a, "PUBLISHED_ISO", published);
	tpl_set(a, "MODIFIED_ISO", modified);
	const char *image_url = NULL;
	const struct media_rendition *jpeg = social_image(r, h->image, a, &image_url);
	struct jsonld_version v[8];
	int n = 0;
	for (int i = 0; h->nversions > 1 && i < h->nversions && n < 8; i++)
		v[n++] = (struct jsonld_version){h->versions[i].lang, absolute(r, h->versions[i].path),
		                                 h->versions[i].original, strcmp(h->versions[i].path, h->path) == 0};
	jsonld_article(r, a, "JSONLD_JSON", it, url, description, image_url, jpeg ? jpeg->width : 0,
	               jpeg ? jpeg->height : 0, i18n_lang(), v, n);
}

/* <html lang> and the page's versions in the other languages (reciprocal: each version lists them all). */
static void fill_languages(struct req *r, struct tpl_dict *d, const struct head *h)
{
	if (h->nversions < 2)
		return;
	for (int i = 0; i < h->nversions; i++) {
		struct tpl_dict *alt = tpl_section(d, "HREFLANG");
		tpl_set(alt, "HREFLANG", h->versions[i].lang);
		tpl_set(alt, "HREFLANG_URL", absolute(r, h->versions[i].path));
	}
	if (h->x_default) {
		struct tpl_dict *alt = tpl_section(d, "HREFLANG");
		tpl_set(alt, "HREFLANG", "x-default");
		tpl_set(alt, "HREFLANG_URL", absolute(r, h->x_default));
	}
}

/* The contact line: the header links the number for dialling, the footer shows it only. */
static void fill_contacts(struct tpl_dict *d, const struct site *s, int with_tel)
{
	char tel[32];
	if (!s->contact_phone[0] && !s->contact_email[0])
		return;
	tpl_show(d, "CONTACTS");
	tpl_set(d, "CONTACT_LABEL", s->contact_label);
	tpl_set(d, "CONTACT_PHONE", s->contact_phone);
	tpl_set(d, "CONTACT_EMAIL", s->contact_email);
	if (with_tel)
		tpl_set(d, "CONTACT_PHONE_TEL", tel_uri_number(s->contact_phone, tel, sizeof tel));
}

/* The values header.tpl shows. An included template does not see its parent's values. The date and the
 * clocks are those of the minute (the header's datetime too), so a page's bytes, and its ETag, stay the
 * same until the minute or the data changes, and a revalidation within the minute gets a 304. */
static void fill_header(struct req *r, struct tpl_dict *d, const struct head *h)
{
	const struct site *s = r->site;
	tpl_set(d, "PAGE_TITLE", h->title);
	if (s == NULL)
		return; /* the error page for a database that cannot be read still renders */
	tpl_set(d, "SITE_NAME", s->name);
	tpl_set(d, "SITE_TAGLINE", s->tagline);
	const char *description = h->description && h->description[0] ? h->description : s->tagline;
	tpl_set(d, "META_DESCRIPTION", description);
	tpl_set(d, "FEED_URL", absolute(r, layout_lang_path(r, "/feed.atom")));
	if (h->path) {
		const char *url = absolute(r, h->path);
		tpl_set(tpl_section(d, "CANONICAL"), "CANONICAL_URL", url);
		if (h->article)
			fill_article(r, d, h, url, description);
	}
	struct head each;
	if (h->nversions == 0 && h->every_language) {
		each = *h;
		each.nversions = layout_language_versions(r, h->every_language, &each.versions, &each.x_default);
		h = &each;
	}
	fill_languages(r, d, h);
	if (r->in[KEY_Q].set)
		tpl_set(d, "QUERY", r->in[KEY_Q].s);
	/* Two search forms can share a page (/messages): each landmark needs its own name. */
	tpl_set(d, "SITE_SEARCH_LABEL", i18n_text("Search the site"));

	char date[64], iso[32], hhmm[8];
	struct tm tm;
	time_t minute = clock_minute(r->now);
	clock_local(s->zone, minute, &tm);
	tpl_set(d, "TODAY", clock_fmt_long_date(&tm, date, sizeof date));
	tpl_set(d, "NOW_ISO", clock_fmt_iso_utc(minute, iso, sizeof iso));
	for (int i = 0; i < s->nclocks; i++) {
		struct tpl_dict *c = tpl_section(d, "CLOCK");
		clock_local(s->clocks[i].zone, minute, &tm);
		tpl_set(c, "CLOCK_CITY", site_clock_label(s, i, i18n_lang()));
		tpl_set(c, "CLOCK_TIME", clock_fmt_hhmm(&tm, hhmm, sizeof hhmm));
	}
	fill_contacts(d, s, 1);
	fill_language_switch(r, d);
}

/* The values footer.tpl shows: the site's name and contacts, nothing of the page's. */
static void fill_footer(struct req *r, struct tpl_dict *d)
{
	if (r->site == NULL)
		return;
	tpl_set(d, "SITE_NAME", r->site->name);
	fill_contacts(d, r->site, 0);
	if (config_alerts_offered(config_current)) /* the way to email alerts, on every page (issue 16) */
		tpl_set(tpl_section(d, "ALERTS"), "SUBSCRIBE_URL", layout_lang_path(r, "/subscribe"));
	tpl_set(d, "HISTORY_URL", layout_lang_path(r, "/history"));
	tpl_set(d, "VERIFY_URL", layout_lang_path(r, "/verify"));
}

void layout_fill(struct req *r, struct tpl_dict *d, const struct head *h)
{
	if (r->site) /* an item page may have changed the language since the gate (i18n_use) */
		r->site = site_in_language(r->site, i18n_lang());
	fill_language(r, d);
	fill_header(r, tpl_include(d, "HEADER", "header.tpl"), h);
	fill_footer(r, tpl_include(d, "FOOTER", "footer.tpl"));
	if (r->site)
		tpl_set(d, "SITE_TAGLINE", r->site->tagline);
}

void layout_admin_fill(struct req *r, struct tpl_dict *d, const char *title)
{
	struct tpl_dict *head = tpl_include(d, "HEADER", "admin_header.tpl");
	tpl_include(d, "FOOTER", "admin_footer.tpl");
	tpl_set(head, "PAGE_TITLE", title);
	tpl_set(head, "SITE_NAME", r->site ? r->site->name : "Pressroom");
	if (r->user.id) {
		struct tpl_dict *who = tpl_section(head, "SIGNED_IN");
		tpl_set(who, "USER_NAME", r->user.name);
		tpl_set(who, "USER_ROLE", r->user.role == ROLE_PUBLISHER ? "publisher" : "editor");
		tpl_set(who, "CSRF", r->csrf);
		if (r->user.role == ROLE_PUBLISHER)
			tpl_show(who, "PUBLISHER");
	}
	if (r->csrf)
		tpl_set(d, "CSRF", r->csrf);
}
