/* admin_translation.c: the languages part of an item's admin page, and its one action.
 *   POST /admin/items/<id>/checked  (field note)  a stale translation is "checked, still accurate": it counts
 *                                                  as caught up with its original now; audited.
 * The item page shows its language, its other versions, "Add Russian version" (for each site language the
 * group lacks: the form of /admin/items/<original>/translate?lang=..) and, for a stale translation, the
 * flag with the "checked" form. Signed-in officers; the gate has checked the session and the CSRF token. */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../audit.h"
#include "../clock.h"
#include "../db.h"
#include "../item_store.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "../translation.h"
#include "admin_form.h"
#include "pages.h"

const char *admin_translate_path(struct req *r, long long original, const char *lang)
{
	return arena_printf(r->arena, "/admin/items/%lld/translate?lang=%s", original, lang);
}

void admin_translation_fill(struct req *r, struct tpl_dict *d, const struct admin_item *a)
{
	struct translation_state ts;
	struct translation_version *v;
	if (translation_state(r->db, r->arena, r->now, a->it.id, &ts) != 1)
		return;
	int n = translation_group(r->db, r->arena, r->now, ts.original, &v);
	if (n < 0)
		return;
	struct tpl_dict *box = tpl_section(d, "TRANSLATIONS");
	tpl_set(box, "LANGUAGE", translation_language_name(ts.lang));
	if (ts.is_translation)
		tpl_show(box, "IS_TRANSLATION");
	for (int i = 0; i < n; i++) {
		if (v[i].id == a->it.id)
			continue;
		struct tpl_dict *o = tpl_section(box, "OTHER_VERSION");
		tpl_set(o, "URL", item_admin_path(r->arena, v[i].id, NULL));
		tpl_set(o, "LANGUAGE", translation_language_name(v[i].lang));
		tpl_set(o, "TITLE", v[i].title);
		if (i == 0)
			tpl_show(o, "ORIGINAL");
	}
	char lang[16];
	for (int i = 0; site_language_at(r->site, i, lang, sizeof lang); i++) {
		if (translation_find(v, n, lang))
			continue;
		struct tpl_dict *add = tpl_section(box, "ADD_VERSION");
		tpl_set(add, "URL", admin_translate_path(r, ts.original, lang));
		tpl_set(add, "LABEL", arena_printf(r->arena, "Add %s version", translation_language_name(lang)));
	}
	if (ts.stale) {
		struct tpl_dict *s = tpl_section(box, "STALE");
		char date[64];
		struct tm tm;
		clock_local(r->site->zone, (time_t)ts.original_changed, &tm);
		tpl_set(s, "CHANGED", clock_fmt_long_date(&tm, date, sizeof date));
		tpl_set(s, "ORIGINAL_URL", item_admin_path(r->arena, ts.original, NULL));
		tpl_set(s, "CHECKED_URL", arena_printf(r->arena, "/admin/items/%lld/checked", a->it.id));
	} else if (ts.is_translation && ts.note[0]) {
		tpl_set(tpl_section(box, "CHECK_NOTE"), "NOTE", ts.note);
	}
}

void admin_translation_source(struct req *r, struct tpl_dict *d, const struct admin_item *original)
{
	struct tpl_dict *s = tpl_section(d, "SOURCE");
	tpl_set(s, "SOURCE_URL", item_admin_path(r->arena, original->it.id, NULL));
	tpl_set(s, "SOURCE_TITLE", original->it.title);
	tpl_set(s, "SOURCE_TEASER", original->it.teaser);
	tpl_set(s, "SOURCE_BODY", original->it.body);
	tpl_set(s, "SOURCE_SIGNATURE", original->it.signature);
	tpl_show(d, "WITH_SOURCE");
}

void page_admin_checked(struct req *r)
{
	struct admin_item a;
	struct translation_state ts;
	if (!admin_item_from_arg(r, &a))
		return;
	const struct input *note = &r->in[KEY_NOTE];
	if (!note->set || note->error || note->s[0] == '\0') {
		resp_error(r, 400, "Say what was checked: the note is kept with the translation (one line).");
		return;
	}
	int found = translation_state(r->db, r->arena, r->now, a.it.id, &ts);
	if (found != 1) {
		resp_error(r, 500, "The item could not be read. The error has been logged.");
		return;
	}
	if (!ts.is_translation) {
		resp_error(r, 409, "Only a translation can be marked as checked against its original.");
		return;
	}
	if (db_begin(r->db) != 0 || translation_checked(r->db, r->now, a.it.id, note->s) != 0 ||
	    store_revision(r->db, r->now, r->user.id, a.it.id, "checked", note->s) != 0 ||
	    audit_log(r, "translation-checked", a.it.id, "against item %lld; note: %.200s", ts.original, note->s) != 0 ||
	    db_commit(r->db) != 0) {
		log_error("marking item %lld checked failed: %s", a.it.id, db_error(r->db));
		db_rollback(r->db);
		resp_error(r, 500, "The change could not be saved. Nothing was changed. The error has been logged.");
		return;
	}
	resp_redirect(r, 303, item_admin_path(r->arena, a.it.id, "checked"));
}
