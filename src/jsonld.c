/* jsonld.c: the schema.org NewsArticle of a detail page. Its shape is fixed (written here, names and
 * nesting); every value goes through tpl_json_string, ctemplate's JSON escaping, which also writes '<', '>'
 * and '&' as \u escapes, so no text can close the <script> element. (jansson built it before: a general
 * JSON library, a third of a detail page's instructions for 900 bytes of a shape that never changes.) The
 * result reaches the page through tpl_set_rendered_json only. */
#include "jsonld.h"

#include "buf.h"
#include "clock.h"
#include "item_public.h"
#include "req.h"
#include "site.h"
#include "tpl.h"

/* "name":"value", after a comma unless it is the first member of its object. */
static void member(struct buf *out, const char *name, const char *value)
{
	if (out->len > 0 && out->data[out->len - 1] != '{')
		buf_putc(out, ',');
	tpl_json_string(out, name);
	buf_putc(out, ':');
	if (value != NULL)
		tpl_json_string(out, value);
}

static void organization(struct buf *out, const char *name, const char *site)
{
	member(out, name, NULL);
	buf_putc(out, '{');
	member(out, "@type", "Organization");
	member(out, "name", site);
	buf_putc(out, '}');
}

/* "image":{"@type":"ImageObject","url":...,"width":N,"height":N} */
static void image(struct buf *out, const char *url, int width, int height)
{
	member(out, "image", NULL);
	buf_putc(out, '{');
	member(out, "@type", "ImageObject");
	member(out, "url", url);
	buf_printf(out, ",\"width\":%d,\"height\":%d}", width, height);
}

/* A version of the work as a member: {"@type":"NewsArticle","@id":url,"url":url,"inLanguage":lang}. */
static void work(struct buf *out, const struct jsonld_version *v)
{
	buf_putc(out, '{');
	member(out, "@type", "NewsArticle");
	member(out, "@id", v->url);
	member(out, "url", v->url);
	member(out, "inLanguage", v->lang);
	buf_putc(out, '}');
}

/* translationOfWork (a translation: its original) or workTranslation (an original: its translations). */
static void translations(struct buf *out, const struct jsonld_version *v, int n)
{
	int self_original = 0;
	for (int i = 0; i < n; i++)
		if (v[i].self)
			self_original = v[i].original;
	if (!self_original) {
		for (int i = 0; i < n; i++)
			if (v[i].original) {
				member(out, "translationOfWork", NULL);
				work(out, &v[i]);
			}
		return;
	}
	member(out, "workTranslation", NULL);
	buf_putc(out, '[');
	int first = 1;
	for (int i = 0; i < n; i++) {
		if (v[i].self)
			continue;
		if (!first)
			buf_putc(out, ',');
		first = 0;
		work(out, &v[i]);
	}
	buf_putc(out, ']');
}

int jsonld_article(struct req *r, struct tpl_dict *d, const char *key, const struct item *it, const char *url,
                   const char *description, const char *image_url, int width, int height, const char *lang,
                   const struct jsonld_version *v, int n)
{
	char published[32], modified[32];
	long long changed = it->public_updated_at ? it->public_updated_at : it->published_at;
	clock_fmt_iso_utc((time_t)it->published_at, published, sizeof published);
	clock_fmt_iso_utc((time_t)changed, modified, sizeof modified);
	struct buf out = {0};
	buf_putc(&out, '{');
	member(&out, "@context", "https://schema.org");
	member(&out, "@type", "NewsArticle");
	member(&out, "headline", it->title);
	member(&out, "description", description);
	member(&out, "url", url);
	member(&out, "mainEntityOfPage", url);
	member(&out, "datePublished", published);
	member(&out, "dateModified", modified);
	member(&out, "articleSection", item_type_label(it->type));
	if (image_url != NULL)
		image(&out, image_url, width, height);
	member(&out, "inLanguage", lang);
	if (n > 1)
		translations(&out, v, n);
	organization(&out, "publisher", r->site->name);
	organization(&out, "author", r->site->name);
	buf_putc(&out, '}');
	tpl_set_rendered_json(d, key, buf_str(&out));
	buf_free(&out);
	return 0;
}
