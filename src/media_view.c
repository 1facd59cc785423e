/* media_view.c: an item's photos and documents into template dictionaries. No HTML is written here: the
 * templates (figure.tpl, item.tpl, home.tpl, feed_content.tpl) hold the markup and escape every value. */
#include "media_view.h"

#include "arena.h"
#include "buf.h"
#include "i18n.h"
#include "media_public.h"
#include "req.h"
#include "tpl.h"

/* How wide a photo is shown: the whole column on a narrow screen, at most the text column (style.css). */
#define FIGURE_SIZES "(max-width: 50rem) 100vw, 50rem"
enum { THUMB_WIDTH = 160 };

/* "url 480w, url 960w" of m's renditions in format, or NULL if it has none. */
static const char *srcset(struct req *r, const struct media_item *m, enum media_format format, const char *base)
{
	struct buf s = {0};
	for (int i = 0; i < m->nrend; i++) {
		if (m->rend[i].format != format)
			continue;
		buf_printf(&s, "%s%s%s %dw", s.len ? ", " : "", base, media_path(r->arena, &m->rend[i]),
		           m->rend[i].width);
	}
	const char *out = s.len ? arena_strdup(r->arena, buf_str(&s)) : NULL;
	buf_free(&s);
	return out;
}

const char *media_view_size(struct req *r, long long bytes)
{
	if (bytes < 1024 * 1024)
		return arena_printf(r->arena, "%lld %s", (bytes + 1023) / 1024, i18n_text("KB"));
	return arena_printf(r->arena, "%.1f %s", (double)bytes / (1024.0 * 1024.0), i18n_text("MB"));
}

void media_view_figure(struct req *r, struct tpl_dict *d, const struct media_item *m, const char *base, int lazy)
{
	const struct media_rendition *jpeg = media_widest(m, MEDIA_JPEG);
	if (jpeg == NULL)
		return;
	struct tpl_dict *f = tpl_include(d, "FIGURE", "figure.tpl");
	const char *webp = srcset(r, m, MEDIA_WEBP, base);
	if (webp)
		tpl_set(tpl_section(f, "WEBP"), "WEBP_SRCSET", webp);
	tpl_set(f, "SIZES", FIGURE_SIZES);
	tpl_set(f, "SRC", arena_printf(r->arena, "%s%s", base, media_path(r->arena, jpeg)));
	tpl_set(f, "JPEG_SRCSET", srcset(r, m, MEDIA_JPEG, base));
	tpl_set_int(f, "WIDTH", jpeg->width);
	tpl_set_int(f, "HEIGHT", jpeg->height);
	tpl_set(f, "ALT", m->decorative ? "" : m->alt);
	tpl_set(f, "LOADING", lazy ? "lazy" : "eager");
	if (m->caption[0] || m->credit[0]) {
		struct tpl_dict *c = tpl_section(f, "FIGCAPTION");
		if (m->caption[0])
			tpl_set(tpl_section(c, "CAPTION"), "TEXT", m->caption);
		if (m->credit[0]) {
			struct tpl_dict *cr = tpl_section(c, "CREDIT");
			tpl_set(cr, "LABEL", i18n_text("Photo:"));
			tpl_set(cr, "TEXT", m->credit);
		}
	}
}

void media_view_full(struct req *r, struct tpl_dict *d, const struct media_set *set)
{
	const struct media_item *lead = media_lead(set);
	struct tpl_dict *docs = NULL;
	if (lead)
		media_view_figure(r, tpl_section(d, "LEAD"), lead, "", 0);
	for (int i = 0; i < set->n; i++) {
		const struct media_item *m = &set->items[i];
		if (m == lead)
			continue;
		if (m->is_image) {
			media_view_figure(r, tpl_section(d, "IMAGE"), m, "", 1);
			continue;
		}
		const struct media_rendition *pdf = media_widest(m, MEDIA_PDF);
		if (pdf == NULL)
			continue;
		if (docs == NULL) {
			docs = tpl_section(d, "DOCUMENTS");
			tpl_set(docs, "DOCUMENTS_HEADING", i18n_text("Documents"));
		}
		struct tpl_dict *doc = tpl_section(docs, "DOCUMENT");
		tpl_set(doc, "URL", media_path(r->arena, pdf));
		tpl_set(doc, "TITLE", m->title[0] ? m->title : m->original_name);
		tpl_set(doc, "TYPE", i18n_text("PDF"));
		tpl_set(doc, "SIZE", media_view_size(r, pdf->bytes));
	}
}

void media_view_thumb(struct req *r, struct tpl_dict *d, const struct media_set *set)
{
	const struct media_item *lead = media_lead(set);
	const struct media_rendition *jpeg = lead ? media_at_least(lead, MEDIA_JPEG, THUMB_WIDTH * 2) : NULL;
	if (jpeg == NULL)
		return;
	struct tpl_dict *t = tpl_section(d, "THUMB");
	const struct media_rendition *webp = media_at_least(lead, MEDIA_WEBP, THUMB_WIDTH * 2);
	if (webp)
		tpl_set(tpl_section(t, "THUMB_WEBP"), "WEBP_SRC", media_path(r->arena, webp));
	tpl_set(t, "SRC", media_path(r->arena, jpeg));
	tpl_set_int(t, "WIDTH", THUMB_WIDTH);
	tpl_set_int(t, "HEIGHT", jpeg->width ? ((long long)jpeg->height * THUMB_WIDTH + jpeg->width / 2) / jpeg->width
	                                      : THUMB_WIDTH);
	tpl_set(t, "ALT", lead->decorative ? "" : lead->alt);
}
