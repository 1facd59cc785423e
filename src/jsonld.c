/* jsonld.c: JSON-LD through jansson, so no JSON is joined from strings by hand. The one extra step: '<',
 * '>' and '&' become \u escapes (valid JSON, same value), so no text can close the <script> element, and
 * jansson already writes '/' as "\/". The result reaches the page through tpl_set_rendered_json only. */
#include "jsonld.h"

#include <jansson.h>
#include <stdlib.h>

#include "buf.h"
#include "clock.h"
#include "item.h"
#include "req.h"
#include "site.h"
#include "tpl.h"

int jsonld_article(struct req *r, struct tpl_dict *d, const char *key, const struct item *it, const char *url,
                   const char *description)
{
	char published[32], modified[32];
	long long changed = it->public_updated_at ? it->public_updated_at : it->published_at;
	clock_fmt_iso_utc((time_t)it->published_at, published, sizeof published);
	clock_fmt_iso_utc((time_t)changed, modified, sizeof modified);
	json_t *org = json_pack("{s:s, s:s}", "@type", "Organization", "name", r->site->name);
	json_t *doc = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:O, s:O}",
	                        "@context", "https://schema.org", "@type", "NewsArticle", "headline", it->title,
	                        "description", description, "url", url, "mainEntityOfPage", url,
	                        "datePublished", published, "dateModified", modified,
	                        "articleSection", item_type_label(it->type), "publisher", org, "author", org);
	char *text = doc ? json_dumps(doc, JSON_COMPACT | JSON_ESCAPE_SLASH) : NULL;
	json_decref(doc);
	json_decref(org);
	if (text == NULL)
		return -1;
	struct buf safe = {0};
	for (const char *p = text; *p; p++) {
		if (*p == '<')
			buf_puts(&safe, "\\u003c");
		else if (*p == '>')
			buf_puts(&safe, "\\u003e");
		else if (*p == '&')
			buf_puts(&safe, "\\u0026");
		else
			buf_putc(&safe, *p);
	}
	free(text);
	tpl_set_rendered_json(d, key, buf_str(&safe));
	buf_free(&safe);
	return 0;
}
