/* jsonld.c: JSON-LD through jansson, so no JSON is joined from strings by hand. The one extra step: '<',
 * '>' and '&' become \u escapes (valid JSON, same value), so no text can close the <script> element, and
 * jansson already writes '/' as "\/". The result reaches the page through tpl_set_rendered_json only. */
#include "jsonld.h"

#include <jansson.h>
#include <string.h>

#include "buf.h"
#include "clock.h"
#include "item.h"
#include "req.h"
#include "site.h"
#include "tpl.h"

/* jansson's output, a piece at a time, into a buffer. */
static int put(const char *s, size_t len, void *data)
{
	buf_append(data, s, len);
	return 0;
}

/* text with '<', '>' and '&' escaped into out; most texts have none, found by one strpbrk. */
static void put_safe(struct buf *out, const char *text)
{
	for (const char *p; (p = strpbrk(text, "<>&")) != NULL; text = p + 1) {
		buf_append(out, text, (size_t)(p - text));
		buf_puts(out, *p == '<' ? "\\u003c" : *p == '>' ? "\\u003e" : "\\u0026");
	}
	buf_puts(out, text);
}

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
	struct buf text = {0}, safe = {0};
	int rc = doc ? json_dump_callback(doc, put, &text, JSON_COMPACT | JSON_ESCAPE_SLASH) : -1;
	json_decref(doc);
	json_decref(org);
	if (rc == 0) {
		put_safe(&safe, buf_str(&text));
		tpl_set_rendered_json(d, key, buf_str(&safe));
	}
	buf_free(&text);
	buf_free(&safe);
	return rc == 0 ? 0 : -1;
}
