/* layout.c: the shared page frame. The clocks are rendered here, on the server, so they need no script. */
#include "layout.h"

#include <string.h>

#include "buf.h"
#include "clock.h"
#include "i18n.h"
#include "item_public.h"
#include "jsonld.h"
#include "req.h"
#include "site.h"
#include "tpl.h"

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

/* The absolute URL of path on this site, owned by the request. */
static const char *absolute(struct req *r, const char *path)
{
	return arena_printf(r->arena, "%s%s", site_base_url(r), path);
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
	struct jsonld_version v[8];
	int n = 0;
	for (int i = 0; h->nversions > 1 && i < h->nversions && n < 8; i++)
		v[n++] = (struct jsonld_version){h->versions[i].lang, absolute(r, h->versions[i].path),
		                                 h->versions[i].original, strcmp(h->versions[i].path, h->path) == 0};
	jsonld_article(r, a, "JSONLD_JSON", it, url, description, i18n_lang(), v, n);
}

/* <html lang> and the page's versions in the other languages (reciprocal: each version lists them all). */
static void fill_languages(struct req *r, struct tpl_dict *d, const struct head *h)
{
	tpl_set(d, "HTML_LANG", i18n_lang());
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
	tpl_set(d, "FEED_URL", absolute(r, "/feed.atom"));
	if (h->path) {
		const char *url = absolute(r, h->path);
		tpl_set(tpl_section(d, "CANONICAL"), "CANONICAL_URL", url);
		if (h->article)
			fill_article(r, d, h, url, description);
	}
	fill_languages(r, d, h);
	if (r->in[KEY_Q].set)
		tpl_set(d, "QUERY", r->in[KEY_Q].s);

	char date[64], iso[32], hhmm[8];
	struct tm tm;
	time_t minute = clock_minute(r->now);
	clock_local(s->zone, minute, &tm);
	tpl_set(d, "TODAY", clock_fmt_long_date(&tm, date, sizeof date));
	tpl_set(d, "NOW_ISO", clock_fmt_iso_utc(minute, iso, sizeof iso));
	for (int i = 0; i < s->nclocks; i++) {
		struct tpl_dict *c = tpl_section(d, "CLOCK");
		clock_local(s->clocks[i].zone, minute, &tm);
		tpl_set(c, "CLOCK_CITY", s->clocks[i].label);
		tpl_set(c, "CLOCK_TIME", clock_fmt_hhmm(&tm, hhmm, sizeof hhmm));
	}
	fill_contacts(d, s, 1);
}

/* The values footer.tpl shows: the site's name and contacts, nothing of the page's. */
static void fill_footer(struct req *r, struct tpl_dict *d)
{
	if (r->site == NULL)
		return;
	tpl_set(d, "SITE_NAME", r->site->name);
	fill_contacts(d, r->site, 0);
}

void layout_fill(struct req *r, struct tpl_dict *d, const struct head *h)
{
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
