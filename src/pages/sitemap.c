/* sitemap.c: GET /sitemap.xml, /sitemap/<N>.xml and /robots.txt -- what search engines read. Public.
 * /sitemap.xml lists every public item with its lastmod when there are at most 10,000 of them; past that
 * it is a sitemap index of /sitemap/1.xml, /sitemap/2.xml, ... of 10,000 each (the protocol allows 50,000).
 * /robots.txt points to it and keeps crawlers out of /admin and of preview links. An item with public
 * versions in other languages lists them all, itself included, and x-default (xhtml:link, as on its page). */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../buf.h"
#include "../clock.h"
#include "../item_public.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "../translation.h"
#include "pages.h"

enum { PER_FILE = 10000 };

static struct tpl_dict *add_url(struct tpl_dict *d, const char *base, const char *path, long long lastmod)
{
	char iso[32];
	struct buf b = {0};
	struct tpl_dict *u = tpl_section(d, "URL");
	buf_printf(&b, "%s%s", base, path);
	tpl_set(u, "LOC", buf_str(&b));
	buf_free(&b);
	if (lastmod)
		tpl_set(tpl_section(u, "LASTMOD"), "DATE", clock_fmt_iso_utc((time_t)lastmod, iso, sizeof iso));
	return u;
}

static void alternate(struct req *r, struct tpl_dict *u, const char *base, const char *hreflang,
                      const struct translation_version *v)
{
	struct item it = {.id = v->id, .kind = v->kind, .slug = v->slug};
	struct tpl_dict *alt = tpl_section(u, "ALTERNATE");
	tpl_set(alt, "HREFLANG", hreflang);
	tpl_set(alt, "HREF", arena_printf(r->arena, "%s%s", base, item_path(r, &it)));
}

/* The xhtml:link pairs of an item in the group of original: every public version and x-default, when there
 * is more than one. 0, or -1 on error. */
static int add_versions(struct req *r, struct tpl_dict *u, const char *base, long long original)
{
	struct translation_version *v;
	int n = translation_group(r->db, r->arena, r->now, original, &v), public = 0;
	if (n < 0)
		return -1;
	for (int i = 0; i < n; i++)
		public += v[i].public;
	if (public < 2)
		return 0;
	for (int i = 0; i < n; i++)
		if (v[i].public)
			alternate(r, u, base, v[i].lang, &v[i]);
	char primary[16];
	const struct translation_version *x =
	    translation_default(v, n, site_language_at(r->site, 0, primary, sizeof primary) ? primary : "");
	if (x)
		alternate(r, u, base, "x-default", x);
	return 0;
}

/* One urlset: public items [offset, offset + PER_FILE) in id order; the first also lists / and /messages. */
static void urlset(struct req *r, long long offset)
{
	struct item *items;
	int n = item_sitemap(r->db, r->arena, r->now, PER_FILE, offset, &items);
	if (n < 0) {
		resp_error(r, 500, "The sitemap could not be read. The error has been logged.");
		return;
	}
	long long *translated = NULL, *originals = NULL;
	int nt = n > 0 ? translation_grouped_in(r->db, r->arena, items[0].id, items[n - 1].id, &translated, &originals)
	               : 0;
	if (nt < 0) {
		resp_error(r, 500, "The sitemap could not be read. The error has been logged.");
		return;
	}
	const char *base = site_base_url(r);
	struct tpl_dict *d = tpl_dict_new();
	tpl_show(d, "URLSET");
	if (offset == 0) {
		add_url(d, base, "/", 0);
		add_url(d, base, "/messages", 0);
	}
	for (int i = 0, t = 0; i < n; i++) {
		struct tpl_dict *u = add_url(d, base, item_path(r, &items[i]), items[i].updated_at);
		while (t < nt && translated[t] < items[i].id)
			t++;
		if (t < nt && translated[t] == items[i].id)
			add_versions(r, u, base, originals[t]);
	}
	if (n == 0 && offset > 0)
		resp_error(r, 404, "There is no such sitemap.");
	else
		resp_render_as(r, d, "sitemap.tpl", "application/xml; charset=utf-8");
	tpl_dict_free(d);
}

void page_sitemap(struct req *r)
{
	long long count = item_public_count(r->db, r->now);
	if (count < 0) {
		resp_error(r, 500, "The sitemap could not be read. The error has been logged.");
		return;
	}
	if (r->seg.id == 0) {
		if (count <= PER_FILE) {
			urlset(r, 0);
			return;
		}
		struct tpl_dict *d = tpl_dict_new();
		const char *base = site_base_url(r);
		tpl_show(d, "INDEX");
		for (long long i = 1; (i - 1) * PER_FILE < count; i++) {
			char path[48];
			snprintf(path, sizeof path, "/sitemap/%lld.xml", i);
			struct tpl_dict *s = tpl_section(d, "SITEMAP");
			struct buf b = {0};
			buf_printf(&b, "%s%s", base, path);
			tpl_set(s, "LOC", buf_str(&b));
			buf_free(&b);
		}
		resp_render_as(r, d, "sitemap.tpl", "application/xml; charset=utf-8");
		tpl_dict_free(d);
		return;
	}
	urlset(r, (r->seg.id - 1) * PER_FILE); /* /sitemap/<N>.xml, N checked by the route (SEG_XML_PART) */
}

void page_robots(struct req *r)
{
	buf_reset(&r->body);
	buf_printf(&r->body, "User-agent: *\nDisallow: /admin\nDisallow: /preview/\n\nSitemap: %s/sitemap.xml\n",
	           site_base_url(r));
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}
