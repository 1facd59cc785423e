/* alerts_message.c: alerts and confirmations as MIME messages (alerts_message.h). The HTML part comes from
 * templates (mail_alert.tpl, mail_confirm.tpl), so every value in it is escaped by ctemplate and the body is
 * the same cmark HTML the site shows; the text part is the statement's CommonMark source as written. */
#include "alerts_message.h"

#include <gmime/gmime.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "clock.h"
#include "i18n.h"
#include "item_public.h"
#include "log.h"
#include "req.h"
#include "site.h"
#include "tpl.h"
#include "view.h"

void alerts_message_init(void)
{
	g_mime_init();
}

/* s with every control character (CR and LF among them) blanked: a header value is one line of text. */
static const char *one_line(struct arena *a, const char *s)
{
	char *out = arena_strdup(a, s ? s : "");
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			*p = ' ';
	return out;
}

static GMimeTextPart *text_part(const char *subtype, const char *text)
{
	GMimeTextPart *p = g_mime_text_part_new_with_subtype(subtype);
	g_mime_text_part_set_charset(p, "utf-8");
	g_mime_text_part_set_text(p, text);
	/* Quoted-printable keeps lines short for every relay and leaves ASCII readable. */
	g_mime_part_set_content_encoding(GMIME_PART(p), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	return p;
}

/* The statement as plain text: title, date, teaser, body source, signature, links. */
static void alert_text(struct req *r, const struct alerts_letter *l, struct buf *t)
{
	const struct item *it = l->item;
	char date[64];
	struct tm tm;
	clock_local(r->site->zone, (time_t)it->published_at, &tm);
	if (strcmp(l->kind, "correction") == 0)
		buf_printf(t, "%s: %s\n\n", i18n_text("Correction"), it->update_note);
	buf_printf(t, "%s\n%s\n\n", it->title, clock_fmt_long_date(&tm, date, sizeof date));
	if (it->teaser[0])
		buf_printf(t, "%s\n\n", it->teaser);
	buf_puts(t, it->body);
	if (t->len && buf_str(t)[t->len - 1] != '\n')
		buf_putc(t, '\n');
	if (it->signature[0])
		buf_printf(t, "\n%s\n", it->signature);
	buf_printf(t, "\n%s: %s\n", i18n_text("Read it on the site"), l->item_url);
	if (l->minisig_url)
		buf_printf(t, "%s: %s\n", i18n_text("Its signature (minisign)"), l->minisig_url);
	buf_printf(t, "\n-- \n%s: %s\n", i18n_text("Change what you receive, or unsubscribe"), l->manage_url);
}

static int alert_html(struct req *r, const struct alerts_letter *l, struct buf *h)
{
	struct tpl_dict *d = tpl_dict_new();
	tpl_set(d, "LANG", i18n_lang());
	int rc = view_item_full(r, d, l->item);
	if (strcmp(l->kind, "correction") == 0) {
		struct tpl_dict *c = tpl_section(d, "CORRECTION");
		tpl_set(c, "CORRECTION_LABEL", i18n_text("Correction"));
		tpl_set(c, "CORRECTION_NOTE", l->item->update_note);
	}
	tpl_set(d, "LINK_URL", l->item_url);
	tpl_set(d, "READ_LABEL", i18n_text("Read it on the site"));
	if (l->minisig_url) {
		struct tpl_dict *m = tpl_section(d, "MINISIG");
		tpl_set(m, "MINISIG_URL", l->minisig_url);
		tpl_set(m, "MINISIG_LABEL", i18n_text("Its signature (minisign)"));
	}
	tpl_set(d, "MANAGE_URL", l->manage_url);
	tpl_set(d, "MANAGE_LABEL", i18n_text("Change what you receive, or unsubscribe"));
	if (rc == 0)
		rc = tpl_render(d, "mail_alert.tpl", h);
	tpl_dict_free(d);
	return rc;
}

static int confirm_parts(struct req *r, const struct alerts_letter *l, const char *subject, struct buf *t,
                         struct buf *h)
{
	const char *intro = arena_printf(r->arena,
	                                 i18n_text("Someone, probably you, asked to receive the statements of %s by "
	                                           "email. To confirm, open this link within 48 hours:"),
	                                 l->site_name);
	const char *ignore = i18n_text("If it was not you, ignore this message: nothing more will be sent.");
	buf_printf(t, "%s\n\n%s\n\n%s\n", intro, l->confirm_url, ignore);
	struct tpl_dict *d = tpl_dict_new();
	tpl_set(d, "LANG", i18n_lang());
	tpl_set(d, "SUBJECT", subject);
	tpl_set(d, "INTRO", intro);
	tpl_set(d, "CONFIRM_URL", l->confirm_url);
	tpl_set(d, "CONFIRM_LABEL", i18n_text("Confirm the subscription"));
	tpl_set(d, "IGNORE", ignore);
	int rc = tpl_render(d, "mail_confirm.tpl", h);
	tpl_dict_free(d);
	return rc;
}

const char *alerts_message(struct req *r, const struct alerts_letter *l)
{
	struct buf text = {0}, html = {0};
	const char *out = NULL, *subject;
	int confirm = strcmp(l->kind, "confirm") == 0;
	if (confirm)
		subject = arena_printf(r->arena, i18n_text("Confirm your subscription to %s"), l->site_name);
	else if (strcmp(l->kind, "correction") == 0)
		subject = arena_printf(r->arena, "%s: %s", i18n_text("Correction"), l->item->title);
	else
		subject = l->item->title;
	if (confirm ? confirm_parts(r, l, subject, &text, &html) != 0 : (alert_text(r, l, &text), alert_html(r, l, &html) != 0)) {
		log_error("sender: message %lld: its HTML part did not render", l->outbox_id);
		goto out;
	}

	GMimeMessage *m = g_mime_message_new(TRUE);
	g_mime_message_add_mailbox(m, GMIME_ADDRESS_TYPE_FROM, one_line(r->arena, l->site_name), one_line(r->arena, l->from));
	g_mime_message_add_mailbox(m, GMIME_ADDRESS_TYPE_TO, NULL, one_line(r->arena, l->to));
	g_mime_message_set_subject(m, one_line(r->arena, subject), "utf-8");
	GDateTime *date = g_date_time_new_from_unix_utc((gint64)r->now);
	g_mime_message_set_date(m, date);
	g_date_time_unref(date);
	/* One id per outbox row: a copy sent again after a crash (docs/alerts.md) is the same message to a
	 * mail client, which may show it once. */
	g_mime_message_set_message_id(m, one_line(r->arena, arena_printf(r->arena, "%s.%lld@%s", l->kind, l->outbox_id, l->host)));
	if (l->unsubscribe_url) {
		g_mime_object_set_header(GMIME_OBJECT(m), "List-Unsubscribe",
		                         one_line(r->arena, arena_printf(r->arena, "<%s>", l->unsubscribe_url)), NULL);
		g_mime_object_set_header(GMIME_OBJECT(m), "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", NULL);
	}
	g_mime_object_set_header(GMIME_OBJECT(m), "Auto-Submitted", "auto-generated", NULL);

	GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
	GMimeTextPart *plain = text_part("plain", buf_str(&text)), *rich = text_part("html", buf_str(&html));
	g_mime_multipart_add(alt, GMIME_OBJECT(plain));
	g_mime_multipart_add(alt, GMIME_OBJECT(rich));
	g_object_unref(plain);
	g_object_unref(rich);
	g_mime_message_set_mime_part(m, GMIME_OBJECT(alt));
	g_object_unref(alt);

	GMimeFormatOptions *opt = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(opt, GMIME_NEWLINE_FORMAT_DOS);
	char *s = g_mime_object_to_string(GMIME_OBJECT(m), opt);
	out = s ? arena_strdup(r->arena, s) : NULL;
	g_free(s);
	g_mime_format_options_free(opt);
	g_object_unref(m);
out:
	buf_free(&text);
	buf_free(&html);
	return out;
}
