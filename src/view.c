/* view.c: item fields into dictionaries. Dates are shown in the site's zone. */
#include "view.h"

#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "clock.h"
#include "i18n.h"
#include "item_public.h"
#include "markup.h"
#include "req.h"
#include "site.h"
#include "tpl.h"

void view_item_summary(struct req *r, struct tpl_dict *d, const struct item *it)
{
	char dotted[16], iso[32];
	struct tm tm;
	clock_local(r->site->zone, (time_t)it->published_at, &tm);
	tpl_set(d, "ITEM_URL", item_path(r, it));
	tpl_set(d, "ITEM_TITLE", it->title);
	tpl_set(d, "ITEM_TYPE", item_type_label(it->type));
	tpl_set(d, "ITEM_KIND", it->kind);
	tpl_set(d, "ITEM_DATE", clock_fmt_dotted_date(&tm, dotted, sizeof dotted));
	tpl_set(d, "ITEM_DATE_ISO", clock_fmt_iso_utc((time_t)it->published_at, iso, sizeof iso));
	tpl_set(d, "ITEM_TEASER", it->teaser);
}

/* Signatories are separated by blank lines; each keeps its own lines. */
static void fill_signature(struct req *r, struct tpl_dict *d, const char *sig)
{
	struct tpl_dict *who = NULL;
	if (sig[0] == '\0')
		return;
	tpl_show(d, "SIGNATURE");
	for (const char *p = sig; *p;) {
		size_t len = strcspn(p, "\n");
		const char *next = p[len] ? p + len + 1 : p + len;
		while (len && (p[len - 1] == '\r' || p[len - 1] == ' ' || p[len - 1] == '\t'))
			len--;
		if (len == 0) {
			who = NULL; /* a blank line ends a signatory */
		} else {
			if (who == NULL)
				who = tpl_section(d, "SIGNATORY");
			tpl_set(tpl_section(who, "SIGNATURE_LINE"), "LINE", arena_strndup(r->arena, p, len));
		}
		p = next;
	}
}

int view_item_full(struct req *r, struct tpl_dict *d, const struct item *it)
{
	char date[64];
	struct tm tm;
	view_item_summary(r, d, it);
	clock_local(r->site->zone, (time_t)it->published_at, &tm);
	tpl_set(d, "ITEM_LONG_DATE", clock_fmt_long_date(&tm, date, sizeof date));
	if (it->public_updated_at) {
		struct tpl_dict *u = tpl_section(d, "UPDATED");
		char iso[32];
		clock_local(r->site->zone, (time_t)it->public_updated_at, &tm);
		tpl_set(u, "UPDATED_DATE", clock_fmt_long_date(&tm, date, sizeof date));
		tpl_set(u, "UPDATED_ISO", clock_fmt_iso_utc((time_t)it->public_updated_at, iso, sizeof iso));
		if (it->update_note[0])
			tpl_set(tpl_section(u, "UPDATE_NOTE"), "NOTE", it->update_note);
	}
	fill_signature(r, d, it->signature);
	return markup_render_into(d, "BODY_HTML", it->body, it->body_html);
}

void view_pager(struct req *r, struct tpl_dict *d, const char *base, long long page, int more)
{
	struct buf url = {0};
	if (page > 1) {
		buf_puts(&url, base);
		if (page > 2)
			buf_printf(&url, "?page=%lld", page - 1);
		tpl_set(tpl_section(d, "PREV"), "PREV_URL", buf_str(&url));
	}
	if (more) {
		buf_reset(&url);
		buf_printf(&url, "%s?page=%lld", base, page + 1);
		tpl_set(tpl_section(d, "NEXT"), "NEXT_URL", buf_str(&url));
	}
	buf_free(&url);
	(void)r;
}

void view_set_at(struct tpl_dict *d, const char *zone, time_t at, const char *fmt)
{
	char when[32], iso[32];
	struct tm tm;
	if (zone)
		clock_local(zone, at, &tm);
	else
		gmtime_r(&at, &tm);
	strftime(when, sizeof when, fmt, &tm);
	tpl_set(d, "AT", when);
	tpl_set(d, "AT_ISO", clock_fmt_iso_utc(at, iso, sizeof iso));
}
