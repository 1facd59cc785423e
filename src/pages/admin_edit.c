/* admin_edit.c: GET and POST /admin/new and /admin/items/<id> -- the statement form; and
 * /admin/items/<original>/translate?lang=<lang>, the same form for a new translation of original,
 * prefilled with its fields and shown beside its text.
 * Signed-in officers; the gate has checked the session and the CSRF token of a POST.
 * Fields: kind, item_type, title, date, time, zone, teaser, body, signature, note, lang; action is one of
 *   edit     show the form again with the posted values (back from a preview);
 *   preview  show the page as the public will see it, saving nothing;
 *   save     keep as a draft (or, for a publisher, save the changes of a submitted or published item);
 *   submit   save and submit for review;
 *   publish  (publishers) save and publish now, or schedule when the time is in the future;
 *   unschedule (publishers) a scheduled item back to draft, with the form's changes.
 * when (now | set) says which time "Publish" uses: now, the default for an item not yet published, or the
 * date and time fields (a scheduled item's default). A time set in the past is not taken silently: the form
 * comes back asking to confirm "published on 27 November, 3 days ago", and only a post whose confirm
 * field names that very instant publishes it, audited as backdated.
 * Editors write and submit drafts; once submitted or published, only a publisher changes an item. A bad
 * field shows the form again (422) with every value as typed and the message beside the field.
 * The form carries version, the item's version it was loaded from (revision_store.h): if the item has
 * changed since, nothing is saved and the form comes back (409) with the officer's text, who changed it
 * when, and that change word by word (admin_compare.c), carrying the new version so a save after merging
 * by hand goes through. */
#include <stdio.h>
#include <string.h>

#include "../alerts_queue.h"
#include "../audit.h"
#include "../clock.h"
#include "../db.h"
#include "../i18n.h"
#include "../layout.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../share.h"
#include "../site.h"
#include "../item_store.h"
#include "../tpl.h"
#include "../translation.h"
#include "../valid.h"
#include "../view.h"
#include "../revision_store.h"
#include "../version_store.h"
#include "../subscriber_store.h"
#include "admin_compare.h"
#include "admin_form.h"
#include "admin_media.h"
#include "pages.h"

/* The form as typed (or as stored), and what is wrong with it. */
struct form {
	const struct admin_item *item;  /* NULL for a new one */
	const char *v[KEY__MAX];        /* field values */
	const char *err[KEY__MAX];      /* field messages */
	int nerr;
	const char *general_error;      /* a message above the form not tied to a field */
	const char *kept;               /* a notice: the form was carried through a sign-in or a stale token */
	long long published_at;
	struct media_form media;        /* the files (admin_media.c) */
	long long version;              /* the item version the form is based on; -1: the post gave none */
	int conflict;                   /* the item changed after version conflict_since: show what changed */
	long long conflict_since;
	int ask_backdate;               /* publishing at published_at, in the past, needs a confirmation */
	long long group;                /* the original of the item's translation group; 0 for a new original */
	int translates;                 /* the item is, or is to be, a translation of group */
	const struct admin_item *source; /* a new translation's original, shown beside the form */
};

/* How long an opened form counts as someone editing: "NAME opened this form at 10:42". */
enum { EDITING_WINDOW = 10 * 60 };

/* Slack for "now": the form sets times to the minute and an officer may type the time a few minutes
 * before pressing Publish; only a time more than five minutes ago is backdating and asks first. */
enum { BACKDATE_SLACK = 5 * 60 };

static const enum key fields[] = {KEY_KIND, KEY_ITEM_TYPE, KEY_TITLE, KEY_DATE, KEY_TIME, KEY_ZONE,
                                  KEY_TEASER, KEY_BODY, KEY_SIGNATURE, KEY_NOTE, KEY_LANG};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const char *field_label(enum key k)
{
	switch (k) {
	case KEY_KIND: return "Kind";
	case KEY_ITEM_TYPE: return "Type";
	case KEY_TITLE: return "Title";
	case KEY_DATE: return "Publication date";
	case KEY_TIME: return "Time";
	case KEY_ZONE: return "Time zone";
	case KEY_TEASER: return "Teaser";
	case KEY_BODY: return "Text";
	case KEY_SIGNATURE: return "Signature block";
	case KEY_NOTE: return "Change note";
	case KEY_LANG: return "Language";
	default: return input_name(k);
	}
}

/* ---- the item and its rights ---- */

static int is_public(const struct req *r, const struct admin_item *a)
{
	return strcmp(store_shown_status(a->status, a->it.published_at, (long long)r->now), "published") == 0;
}

static int is_scheduled(const struct req *r, const struct admin_item *a)
{
	return a && strcmp(store_shown_status(a->status, a->it.published_at, (long long)r->now), "scheduled") == 0;
}

/* New, a draft or submitted for review: "Publish" means now unless the officer sets a time. */
static int unpublished(const struct admin_item *a)
{
	return a == NULL || strcmp(a->status, "draft") == 0 || strcmp(a->status, "submitted") == 0;
}

/* May this officer change the item's content at all? */
static int may_edit(const struct req *r, const struct admin_item *a)
{
	if (a == NULL)
		return 1;
	if (strcmp(a->status, "withdrawn") == 0)
		return 0;
	return r->user.role == ROLE_PUBLISHER || strcmp(a->status, "draft") == 0;
}

int admin_item_from_arg(struct req *r, struct admin_item *a)
{
	long long id = r->seg.id; /* checked by the route (SEG_ID) */
	int found = store_get(r->db, r->arena, id, a);
	if (found < 0)
		resp_error(r, 500, "The item could not be read. The error has been logged.");
	else if (found == 0)
		resp_error(r, 404, "There is no item with this number.");
	return found == 1;
}

/* ---- zones: the form's times are entered in one of the site's clock cities ---- */

/* A site with no clock cities (db init alone) still has one zone: its own (site_zone, else UTC), listed
 * under its name, so that a fresh site can publish. */
static const char *zone_of_label(const struct req *r, const char *label)
{
	for (int i = 0; i < r->site->nclocks; i++)
		if (strcmp(r->site->clocks[i].label, label) == 0)
			return r->site->clocks[i].zone;
	if (r->site->nclocks == 0 && strcmp(label, r->site->zone) == 0)
		return r->site->zone;
	return NULL;
}

static const char *default_zone_label(const struct req *r)
{
	for (int i = 0; i < r->site->nclocks; i++)
		if (strcmp(r->site->clocks[i].zone, r->site->zone) == 0)
			return r->site->clocks[i].label;
	return r->site->nclocks ? r->site->clocks[0].label : r->site->zone;
}

/* Date and time fields of instant t, in the zone of label. */
static void set_when(struct req *r, struct form *f, long long t, const char *label)
{
	const char *zone = zone_of_label(r, label);
	struct tm tm;
	char date[32], time[8];
	clock_local(zone ? zone : "UTC", (time_t)t, &tm);
	strftime(date, sizeof date, "%Y-%m-%d", &tm);
	strftime(time, sizeof time, "%H:%M", &tm);
	f->v[KEY_DATE] = arena_strdup(r->arena, date);
	f->v[KEY_TIME] = arena_strdup(r->arena, time);
	f->v[KEY_ZONE] = label;
}

/* The item's language and translation group: a stored item's own, else the site's primary language. */
static void form_language(struct req *r, struct form *f, const struct admin_item *a)
{
	struct translation_state ts;
	char primary[16];
	if (a && translation_state(r->db, r->arena, r->now, a->it.id, &ts) == 1) {
		f->v[KEY_LANG] = ts.lang;
		f->group = ts.original;
		f->translates = ts.is_translation;
	} else {
		f->v[KEY_LANG] = site_language_at(r->site, 0, primary, sizeof primary) ? arena_strdup(r->arena, primary)
		                                                                      : "en";
	}
}

static void form_from_item(struct req *r, struct form *f, const struct admin_item *a)
{
	memset(f, 0, sizeof *f);
	f->item = a;
	admin_media_from_item(r, a ? a->it.id : 0, &f->media);
	f->version = a ? revision_latest(r->db, a->it.id) : 0;
	f->v[KEY_WHEN] = input_when_words[unpublished(a) ? WHEN_NOW : WHEN_SET];
	form_language(r, f, a);
	if (a == NULL) {
		f->v[KEY_KIND] = "release";
		f->v[KEY_ITEM_TYPE] = "statement";
		set_when(r, f, (long long)r->now, default_zone_label(r));
		return;
	}
	f->v[KEY_KIND] = a->it.kind;
	f->v[KEY_ITEM_TYPE] = a->it.type;
	f->v[KEY_TITLE] = a->it.title;
	f->v[KEY_TEASER] = a->it.teaser;
	f->v[KEY_BODY] = a->it.body;
	f->v[KEY_SIGNATURE] = a->it.signature;
	set_when(r, f, a->it.published_at, default_zone_label(r));
}

static void form_from_post(struct req *r, struct form *f, const struct admin_item *a)
{
	memset(f, 0, sizeof *f);
	f->item = a;
	f->version = r->in[KEY_VERSION].set ? r->in[KEY_VERSION].i : -1;
	f->v[KEY_WHEN] = r->in[KEY_WHEN].set ? input_when_words[r->in[KEY_WHEN].i] : input_when_words[WHEN_SET];
	form_language(r, f, a);
	for (size_t i = 0; i < NFIELDS; i++) {
		const struct input *in = &r->in[fields[i]];
		if (fields[i] == KEY_LANG && !in->set)
			continue; /* a form without the field keeps the item's language */
		f->v[fields[i]] = in->set ? in->s : "";
		if (in->error) {
			f->err[fields[i]] = in->error;
			f->nerr++;
		}
	}
}

static void field_error(struct form *f, enum key k, const char *message)
{
	if (f->err[k] == NULL)
		f->nerr++;
	f->err[k] = message;
}

/* The language: one of the site's (never "all"), and none other in the item's translation group. */
static void validate_language(struct req *r, struct form *f)
{
	const char *lang = f->v[KEY_LANG];
	char site_lang[16];
	int listed = 0;
	for (int i = 0; !listed && site_language_at(r->site, i, site_lang, sizeof site_lang); i++)
		listed = strcmp(site_lang, lang) == 0;
	if (!listed) {
		field_error(f, KEY_LANG, "choose one of the site's languages");
		return;
	}
	if (f->group == 0)
		return;
	int taken = translation_lang_taken(r->db, r->arena, r->now, f->group, lang, f->item ? f->item->it.id : 0);
	if (taken < 0)
		field_error(f, KEY_LANG, "could not be checked against the other versions; try again");
	else if (taken)
		field_error(f, KEY_LANG, "is taken: this statement already has a version in that language");
}

/* Required fields and a real instant, on top of what the gate checked. */
static void validate(struct req *r, struct form *f, enum action action)
{
	if (f->v[KEY_TITLE][0] == '\0')
		field_error(f, KEY_TITLE, "is required");
	if (action != ACTION_SAVE && action != ACTION_PREVIEW && f->v[KEY_BODY][0] == '\0')
		field_error(f, KEY_BODY, "is required before the item goes for review or publication");
	if (f->item && is_public(r, f->item) && action != ACTION_PREVIEW && f->v[KEY_NOTE][0] == '\0')
		field_error(f, KEY_NOTE, "is required when a published item changes: the public sees it");
	if (f->v[KEY_KIND][0] == '\0')
		field_error(f, KEY_KIND, "choose press release or event");
	if (f->v[KEY_ITEM_TYPE][0] == '\0')
		field_error(f, KEY_ITEM_TYPE, "choose one of the listed types");
	validate_language(r, f);
	const char *zone = zone_of_label(r, f->v[KEY_ZONE]);
	if (zone == NULL)
		field_error(f, KEY_ZONE, "choose one of the listed cities");
	int y, mo, d, h, mi;
	if (f->v[KEY_DATE][0] == '\0')
		field_error(f, KEY_DATE, "is required");
	if (f->v[KEY_TIME][0] == '\0')
		field_error(f, KEY_TIME, "is required");
	if (zone && f->err[KEY_DATE] == NULL && f->err[KEY_TIME] == NULL && valid_date(f->v[KEY_DATE], &y, &mo, &d) &&
	    valid_time(f->v[KEY_TIME], &h, &mi)) {
		time_t t;
		struct tm back;
		/* A time in the hour the clocks skip reads back as another time: refuse it rather than guess. */
		if (clock_to_utc(zone, y, mo, d, h, mi, &t) != 0 || clock_local(zone, t, &back) != 0 ||
		    back.tm_hour != h || back.tm_min != mi)
			field_error(f, KEY_TIME, "does not exist on that day in that city (the clocks went forward)");
		else
			f->published_at = (long long)t;
	}
}

/* ---- rendering ---- */

static void options(struct tpl_dict *d, const char *section, const char *const *values,
                    const char *(*label)(const char *), const char *current)
{
	for (int i = 0; values[i]; i++) {
		struct tpl_dict *o = tpl_section(d, section);
		tpl_set(o, "VALUE", values[i]);
		tpl_set(o, "LABEL", label ? label(values[i]) : values[i]);
		if (strcmp(values[i], current) == 0)
			tpl_show(o, "SELECTED");
	}
}

static const char *kind_label(const char *kind)
{
	return item_kind_label(kind, ITEM_LABEL_ONE);
}

static void fill_history(struct req *r, struct tpl_dict *d, long long id)
{
	struct revision *revs;
	int n = store_revisions(r->db, r->arena, id, &revs);
	for (int i = 0; i < n; i++) {
		struct tpl_dict *rev = tpl_section(d, "REVISION");
		view_set_at(rev, r->site->zone, (time_t)revs[i].at, "%d.%m.%Y %H:%M");
		tpl_set(rev, "WHO", revs[i].who);
		tpl_set(rev, "ACTION", revs[i].action);
		tpl_set(rev, "STATUS", revs[i].status);
		tpl_set_int(rev, "REV_ID", revs[i].id);
		if (*revs[i].note)
			tpl_set(tpl_section(rev, "REVISION_NOTE"), "NOTE", revs[i].note);
	}
	if (n > 0)
		tpl_show(d, "HISTORY");
}

/* The other officers who opened this form in the last minutes, as a warning before edits collide. */
static void fill_editing(struct req *r, struct tpl_dict *d, long long id)
{
	struct editing *e;
	int n = revision_editing_others(r->db, r->arena, id, r->user.id, (long long)r->now - EDITING_WINDOW, &e);
	for (int i = 0; i < n; i++) {
		struct tpl_dict *w = tpl_section(d, "EDITING");
		tpl_set(w, "WHO", e[i].who);
		view_set_at(w, r->site->zone, (time_t)e[i].opened_at, "%H:%M");
	}
}

static void fill_share_box(struct req *r, struct tpl_dict *d, const struct admin_item *a)
{
	if (strcmp(a->status, "draft") != 0 && strcmp(a->status, "submitted") != 0 && !is_scheduled(r, a))
		return;
	struct tpl_dict *box = tpl_section(d, "SHARE_BOX");
	struct share_link *links;
	int n = share_active(r->db, r->arena, a->it.id, r->now, &links);
	for (int i = 0; i < n; i++) {
		struct tpl_dict *l = tpl_section(box, "ACTIVE_LINK");
		char when[32];
		time_t t = (time_t)links[i].created_at;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		tpl_set(l, "CREATED", when);
		t = (time_t)links[i].expires_at;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		tpl_set(l, "EXPIRES", when);
	}
	if (n > 0)
		tpl_show(box, "CAN_REVOKE");
}

/* Who changed the item since version since, when, and what: that change word by word, or, when the form
 * came from before the item's first revision, the officer's text against the saved one. */
static void fill_conflict(struct req *r, struct tpl_dict *d, struct form *f, int from_form)
{
	const struct admin_item *a = f->item;
	struct tpl_dict *c = tpl_section(d, "CONFLICT");
	struct revision_full now, then;
	if (revision_get(r->db, r->arena, a->it.id, f->version, &now) == 1) {
		tpl_set(c, "WHO", now.who[0] ? now.who : "someone");
		view_set_at(c, r->site->zone, (time_t)now.at, "%d.%m.%Y %H:%M");
	} else {
		tpl_set(c, "WHO", "someone");
		tpl_set(c, "AT", "a time not recorded");
	}
	tpl_set(c, "ADVICE", from_form ? "Nothing was saved. Your text is kept in the form below; the other change "
	                                 "is shown word by word: merge it into your text by hand, then save again."
	                               : "Nothing was done. The item as it is now is shown below, and the change "
	                                 "word by word: check it, then repeat the action if it is still right.");
	struct compare_side mine = {f->v[KEY_TITLE], f->v[KEY_TEASER], f->v[KEY_BODY], f->v[KEY_SIGNATURE]};
	struct compare_side saved = {a->it.title, a->it.teaser, a->it.body, a->it.signature};
	if (f->conflict_since > 0 && revision_get(r->db, r->arena, a->it.id, f->conflict_since, &then) == 1) {
		struct compare_side old = admin_compare_revision(&then);
		tpl_set(c, "DIFF_TITLE", "What changed since you opened it");
		admin_compare_fill(r, c, &old, &saved);
	} else {
		tpl_set(c, "DIFF_TITLE", "Your text compared with the saved one");
		admin_compare_fill(r, c, &mine, &saved);
	}
}

/* The question a backdated publication asks: "This will appear as published on 27 November, 3 days ago". */
static void fill_backdate(struct req *r, struct tpl_dict *d, long long at)
{
	struct tpl_dict *b = tpl_section(d, "BACKDATE");
	char date[64];
	struct tm tm;
	clock_local(r->site->zone, (time_t)at, &tm);
	clock_fmt_long_date(&tm, date, sizeof date);
	long long ago = (long long)r->now - at;
	const char *unit = ago >= 2 * 86400 ? "days" : ago >= 7200 ? "hours" : "minutes";
	long long n = ago >= 2 * 86400 ? ago / 86400 : ago >= 7200 ? ago / 3600 : ago / 60;
	tpl_set(b, "DATE_LONG", date);
	tpl_setf(b, "AGO", "%lld %s ago", n, unit);
	tpl_set_int(b, "CONFIRM_AT", at);
}

/* Where the form posts: the item's page, the translate form of its original, or /admin/new. */
/* How many of the item's email alerts are queued, sent and failed, once any was queued (issue 16). */
static void fill_alerts(struct req *r, struct tpl_dict *line, long long id)
{
	struct alerts_counts n;
	if (subscriber_item_alerts(r->db, id, &n) != 0 || n.queued + n.sent + n.failed == 0)
		return;
	struct tpl_dict *d = tpl_section(line, "ALERTS");
	tpl_set_int(d, "QUEUED", n.queued);
	tpl_set_int(d, "SENT", n.sent);
	tpl_set_int(d, "FAILED", n.failed);
}

static const char *form_action(struct req *r, const struct form *f)
{
	if (f->item)
		return item_admin_path(r->arena, f->item->it.id, NULL);
	return f->source ? arena_printf(r->arena, "/admin/items/%lld/translate", f->source->it.id) : "/admin/new";
}

static void render_form(struct req *r, struct form *f, int status, const char *share_url, long long expires)
{
	const struct admin_item *a = f->item;
	struct tpl_dict *d = tpl_dict_new();
	const char *url = a ? item_admin_path(r->arena, a->it.id, NULL) : NULL;
	const char *title = f->source ? arena_printf(r->arena, "New %s version", translation_language_name(f->v[KEY_LANG]))
	                              : "New statement";
	layout_admin_fill(r, d, a ? a->it.title : title);
	tpl_set(d, "FORM_TITLE", a ? "Edit" : title);
	tpl_set(d, "FORM_ACTION", form_action(r, f));
	if (a) {
		tpl_set(d, "ITEM_ADMIN_URL", url);
		struct tpl_dict *line = tpl_section(d, "STATUS_LINE");
		tpl_set(line, "STATUS", store_shown_status(a->status, a->it.published_at, (long long)r->now));
		if (is_public(r, a))
			tpl_set(tpl_section(line, "PUBLIC_LINK"), "PUBLIC_URL", item_path(r, &a->it));
		fill_alerts(r, line, a->it.id);
		if (strcmp(a->status, "draft") == 0 && a->review_comment[0])
			tpl_set(tpl_section(d, "REVIEW_COMMENT"), "COMMENT", a->review_comment);
		if (strcmp(a->status, "withdrawn") == 0) {
			struct tpl_dict *w = tpl_section(d, "WITHDRAWN");
			char date[64];
			struct tm tm;
			clock_local(r->site->zone, (time_t)a->withdrawn_at, &tm);
			tpl_set(w, "WITHDRAWN_DATE", clock_fmt_long_date(&tm, date, sizeof date));
			if (a->withdrawal_note[0])
				tpl_set(tpl_section(w, "WITHDRAWAL_NOTE"), "NOTE", a->withdrawal_note);
		}
	}
	if (r->in[KEY_DONE].set && f->nerr == 0) {
		static const char *const done[DONE__MAX] = {
			[DONE_SAVED] = "Saved.", [DONE_SUBMITTED] = "Saved and submitted for review.",
			[DONE_PUBLISHED] = "Published: it is on the public site now.",
			[DONE_SCHEDULED] = "Scheduled: it will become public at the time set.",
			[DONE_SENTBACK] = "Sent back to the author.", [DONE_WITHDRAWN] = "Withdrawn.",
			[DONE_REVOKED] = "Every preview link of this item is revoked.",
			[DONE_UNSCHEDULED] = "Unscheduled: it is a draft again and will not become public by itself.",
			[DONE_CHECKED] = "Marked as checked: the translation is up to date with its original.",
		};
		tpl_set(tpl_section(d, "DONE"), "MESSAGE", done[r->in[KEY_DONE].i]);
	}
	if (share_url) {
		struct tpl_dict *s = tpl_section(d, "SHARED");
		char when[32];
		time_t t = (time_t)expires;
		struct tm tm;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm);
		tpl_set(s, "SHARE_URL", share_url);
		tpl_set(s, "EXPIRES", when);
	}
	struct tpl_dict *box = NULL;
	if (f->conflict)
		fill_conflict(r, d, f, status == 409 && r->in[KEY_ACTION].set);
	if (a) {
		tpl_set_int(d, "VERSION", f->version >= 0 ? f->version : revision_latest(r->db, a->it.id));
		tpl_show(d, "VERSION_FIELD");
	}
	if (f->ask_backdate)
		fill_backdate(r, d, f->published_at);
	if (f->kept)
		tpl_set(tpl_section(d, "KEPT"), "MESSAGE", f->kept);
	if (f->nerr || f->general_error) {
		box = tpl_section(d, "FORM_ERRORS");
		if (f->general_error) {
			struct tpl_dict *e = tpl_section(box, "ERROR");
			tpl_set(e, "FIELD", "title");
			tpl_set(e, "LABEL", "This item");
			tpl_set(e, "MESSAGE", f->general_error);
		}
		for (size_t i = 0; i < NFIELDS; i++) {
			enum key k = fields[i];
			if (f->err[k] == NULL)
				continue;
			struct tpl_dict *e = tpl_section(box, "ERROR");
			tpl_set(e, "FIELD", input_name(k));
			tpl_set(e, "LABEL", field_label(k));
			tpl_set(e, "MESSAGE", f->err[k]);
			char section[32];
			snprintf(section, sizeof section, "%s_ERROR", input_name(k));
			for (char *p = section; *p; p++)
				*p = (char)(*p >= 'a' && *p <= 'z' ? *p - 32 : *p);
			tpl_set(tpl_section(d, section), "MESSAGE", f->err[k]);
		}
	}

	options(d, "KIND_OPTION", input_kind_words, kind_label, f->v[KEY_KIND]);
	options(d, "TYPE_OPTION", input_item_type_words, item_type_label, f->v[KEY_ITEM_TYPE]);
	char lang[16];
	for (int i = 0; site_language_at(r->site, i, lang, sizeof lang); i++) {
		struct tpl_dict *o = tpl_section(d, "LANG_OPTION");
		tpl_set(o, "VALUE", lang);
		tpl_set(o, "LABEL", translation_language_name(lang));
		if (strcmp(lang, f->v[KEY_LANG]) == 0)
			tpl_show(o, "SELECTED");
	}
	if (f->source)
		admin_translation_source(r, d, f->source);
	for (int i = 0; i < r->site->nclocks; i++) {
		struct tpl_dict *o = tpl_section(d, "ZONE_OPTION");
		tpl_set(o, "VALUE", r->site->clocks[i].label);
		tpl_set(o, "LABEL", r->site->clocks[i].label);
		if (strcmp(r->site->clocks[i].label, f->v[KEY_ZONE]) == 0)
			tpl_show(o, "SELECTED");
	}
	if (r->site->nclocks == 0) {
		struct tpl_dict *o = tpl_section(d, "ZONE_OPTION");
		tpl_set(o, "VALUE", r->site->zone);
		tpl_set(o, "LABEL", r->site->zone);
		tpl_show(o, "SELECTED");
	}
	tpl_set(d, "TITLE", f->v[KEY_TITLE]);
	tpl_set(d, "DATE", f->v[KEY_DATE]);
	tpl_set(d, "TIME", f->v[KEY_TIME]);
	tpl_set(d, "TEASER", f->v[KEY_TEASER]);
	tpl_set(d, "BODY", f->v[KEY_BODY]);
	tpl_set(d, "SIGNATURE", f->v[KEY_SIGNATURE]);
	admin_media_fill(r, d, box, &f->media);

	int editable = may_edit(r, a);
	int publisher = r->user.role == ROLE_PUBLISHER;
	if (!editable)
		tpl_show(d, "READONLY");
	if (a && is_public(r, a) && editable) {
		struct tpl_dict *nf = tpl_section(d, "NOTE_FIELD");
		tpl_set(nf, "NOTE", f->v[KEY_NOTE]);
		if (r->in[KEY_NOTIFY].set)
			tpl_show(nf, "NOTIFY_CHECKED");
	}
	if (editable) {
		int draft = a == NULL || strcmp(a->status, "draft") == 0;
		tpl_set(tpl_section(d, "CAN_SAVE"), "SAVE_LABEL", draft ? "Save draft" : "Save changes");
		if (draft)
			tpl_show(d, "CAN_SUBMIT");
		if (publisher && (draft || strcmp(a->status, "submitted") == 0 || is_scheduled(r, a))) {
			struct tpl_dict *p = tpl_section(d, "CAN_PUBLISH");
			tpl_show(p, strcmp(f->v[KEY_WHEN], "now") == 0 ? "WHEN_NOW" : "WHEN_SET");
		}
		if (publisher && is_scheduled(r, a))
			tpl_show(d, "CAN_UNSCHEDULE");
	}
	if (a && publisher && strcmp(a->status, "submitted") == 0)
		tpl_show(d, "SENDBACK_FORM");
	if (a && publisher && strcmp(a->status, "published") == 0)
		tpl_show(d, "WITHDRAW_FORM");
	if (a) {
		admin_translation_fill(r, d, a);
		fill_share_box(r, d, a);
		fill_history(r, d, a->it.id);
		fill_editing(r, d, a->it.id);
	}
	r->status = status;
	resp_render(r, d, "admin_form.tpl");
	tpl_dict_free(d);
}

void admin_form_show_item(struct req *r, const struct admin_item *a, const char *share_url, long long expires)
{
	struct form f;
	form_from_item(r, &f, a);
	render_form(r, &f, 200, share_url, expires);
}

void admin_form_carry(struct req *r, struct tpl_dict *d)
{
	static const enum key carried[] = {KEY_VERSION, KEY_WHEN};
	for (size_t i = 0; i < NFIELDS + sizeof carried / sizeof carried[0]; i++) {
		enum key k = i < NFIELDS ? fields[i] : carried[i - NFIELDS];
		if (!r->in[k].set || r->in[k].s == NULL)
			continue;
		struct tpl_dict *h = tpl_section(d, "HIDDEN");
		tpl_set(h, "NAME", input_name(k));
		tpl_set(h, "VALUE", r->in[k].s);
	}
}

void page_admin_form_kept(struct req *r, long long item_id)
{
	struct admin_item stored, *a = NULL;
	if (item_id) {
		int found = store_get(r->db, r->arena, item_id, &stored);
		if (found != 1) {
			resp_error(r, found < 0 ? 500 : 404, found < 0 ? "The item could not be read. The error has been logged."
			                                                : "There is no item with this number.");
			return;
		}
		a = &stored;
	}
	struct form f;
	form_from_post(r, &f, a);
	f.kept = "Nothing was saved yet, and nothing you typed is lost: check the form and press the button again.";
	render_form(r, &f, 200, NULL, 0);
}

void admin_form_show_conflict(struct req *r, const struct admin_item *a, long long since)
{
	struct form f;
	form_from_item(r, &f, a);
	f.conflict = 1;
	f.conflict_since = since;
	log_warn("%s %s: item %lld changed since version %lld: refused", r->method_name, r->path, a->it.id, since);
	render_form(r, &f, 409, NULL, 0);
}

/* The page as the public will see it, built from the form; nothing is saved. */
static void render_preview(struct req *r, struct form *f)
{
	struct item it = {
		.id = f->item ? f->item->it.id : 0,
		.kind = f->v[KEY_KIND],
		.type = f->v[KEY_ITEM_TYPE],
		.slug = "preview",
		.title = f->v[KEY_TITLE],
		.teaser = f->v[KEY_TEASER],
		.body = f->v[KEY_BODY],
		.signature = f->v[KEY_SIGNATURE],
		.published_at = f->published_at,
		.update_note = f->v[KEY_NOTE],
		.public_updated_at = f->item && is_public(r, f->item) ? (long long)r->now : 0,
	};
	i18n_use(f->v[KEY_LANG]); /* as the public will see it: in its language (validate checked it) */
	struct tpl_dict *d = tpl_dict_new();
	struct head head = {.title = it.title, .description = it.teaser};
	layout_fill(r, d, &head);
	struct tpl_dict *p = tpl_section(d, "PREVIEW");
	tpl_set(p, "PREVIEW_TEXT", "This is how the page will look. Nothing has been saved or published yet.");
	struct tpl_dict *form = tpl_section(p, "PREVIEW_FORM");
	tpl_set(form, "FORM_ACTION", form_action(r, f));
	tpl_set(form, "CSRF", r->csrf);
	for (size_t i = 0; i < NFIELDS; i++) {
		struct tpl_dict *h = tpl_section(form, "HIDDEN");
		tpl_set(h, "NAME", input_name(fields[i]));
		tpl_set(h, "VALUE", f->v[fields[i]]);
	}
	if (f->version >= 0) { /* back to the form still based on the version it was loaded from */
		struct tpl_dict *h = tpl_section(form, "HIDDEN");
		tpl_set(h, "NAME", input_name(KEY_VERSION));
		tpl_setf(h, "VALUE", "%lld", f->version);
	}
	if (view_item_full(r, d, &it) != 0)
		resp_error(r, 500, "The preview could not be made. The error has been logged.");
	else
		resp_render(r, d, "item.tpl");
	tpl_dict_free(d);
}

/* ---- saving ---- */

static const char *const status_after[ACTION__MAX] = {
	[ACTION_SAVE] = NULL, [ACTION_SUBMIT] = "submitted", [ACTION_PUBLISH] = "published",
	[ACTION_UNSCHEDULE] = "draft",
};

/* Save the form in one transaction: the item, its new status, a revision and an audit line. Returns the
 * item's id, -1 (rolled back, logged), or -2 when the item has changed since the form's version (rolled
 * back; f then carries the current version and what it conflicted with). */
static long long save(struct req *r, struct form *f, enum action action, enum done *done)
{
	const struct admin_item *a = f->item;
	struct item_fields fields = {
		.kind = f->v[KEY_KIND], .type = f->v[KEY_ITEM_TYPE], .title = f->v[KEY_TITLE],
		.teaser = f->v[KEY_TEASER], .body = f->v[KEY_BODY], .signature = f->v[KEY_SIGNATURE],
		.published_at = f->published_at,
	};
	const char *status = status_after[action];
	const char *note = a && is_public(r, a) ? f->v[KEY_NOTE] : NULL;
	long long id = a ? a->it.id : 0;

	if (db_begin(r->db) != 0)
		return -1;
	if (a && f->version >= 0) {
		long long current = revision_latest(r->db, id);
		if (current < 0)
			goto fail;
		if (current != f->version) {
			db_rollback(r->db);
			f->conflict = 1;
			f->conflict_since = f->version;
			f->version = current;
			log_warn("%s %s: item %lld changed since version %lld: not saved", r->method_name, r->path, id,
			         f->conflict_since);
			return -2;
		}
	}
	if (a == NULL)
		id = store_create(r->db, r->now, r->user.id, &fields, status ? status : "draft");
	else if (store_update(r->db, r->now, id, &fields, note) != 0)
		id = -1;
	if (id < 0 || translation_set(r->db, r->now, id, f->v[KEY_LANG], f->translates ? f->group : 0) != 0)
		goto fail;
	if (a && status &&
	    store_set_status(r->db, r->now, r->user.id, id, status, action == ACTION_PUBLISH ? "" : NULL) != 0)
		goto fail;
	if (a == NULL && status && strcmp(status, "submitted") == 0 &&
	    store_set_status(r->db, r->now, r->user.id, id, status, NULL) != 0)
		goto fail;

	const char *what = action == ACTION_SUBMIT ? "submit" : a ? "save" : "create";
	char detail[160] = "";
	*done = action == ACTION_SUBMIT ? DONE_SUBMITTED : DONE_SAVED;
	if (action == ACTION_PUBLISH) {
		int scheduled = f->published_at > (long long)r->now;
		/* Reviewed means someone else submitted it; a publisher's own word is recorded as such. */
		int reviewed = a && strcmp(a->status, "submitted") == 0 && a->submitted_by != r->user.id;
		char iso[32];
		int backdated = f->published_at < (long long)r->now - BACKDATE_SLACK;
		what = scheduled ? "schedule" : "publish";
		*done = scheduled ? DONE_SCHEDULED : DONE_PUBLISHED;
		snprintf(detail, sizeof detail, "%s %s; %s%s", scheduled ? "public from" : "public at",
		         clock_fmt_iso_utc((time_t)f->published_at, iso, sizeof iso),
		         backdated ? "backdated (confirmed by the publisher); " : "",
		         reviewed ? "reviewed by a second reader" : "published without a second reader");
	} else if (action == ACTION_UNSCHEDULE) {
		what = "unschedule";
		*done = DONE_UNSCHEDULED;
	} else if (note) {
		what = "edit-published";
		snprintf(detail, sizeof detail, "note: %.120s", note);
	}
	struct media_attach *files;
	int nfiles = admin_media_list(r, &f->media, &files);
	if (store_revision(r->db, r->now, r->user.id, id, what, note) != 0 ||
	    media_store_set_item(r->db, id, db_last_id(r->db), files, nfiles, f->media.present) != 0 ||
	    version_record(r->db, r->arena, r->now, id, site_base_url(r)) != 0 ||
	    /* "notify subscribers of this correction": the sender mails it (alerts_queue.h) */
	    (note && r->in[KEY_NOTIFY].set && alerts_request_correction(r->db, r->now, id) != 0) ||
	    audit_log(r, what, id, "%s", detail) != 0)
		goto fail;
	if (db_commit(r->db) != 0)
		return -1;
	return id;
fail:
	log_error("saving item %lld failed: %s", id, db_error(r->db));
	db_rollback(r->db);
	return -1;
}

/* ---- a new translation ---- */

/* May source get a translation in ?lang=? It must be an original (a translation's translation is made from
 * the original) and lack that language; else the response (409, 400 or 500) is made and 0 returned. */
static int translation_source_ok(struct req *r, const struct admin_item *source)
{
	struct translation_state ts;
	const char *lang = r->in[KEY_LANG].set ? r->in[KEY_LANG].s : NULL;
	int found = translation_state(r->db, r->arena, r->now, source->it.id, &ts);
	if (found != 1) {
		resp_error(r, 500, "The item could not be read. The error has been logged.");
		return 0;
	}
	if (ts.is_translation) {
		resp_error(r, 409, "This item is itself a translation: add other versions from its original.");
		return 0;
	}
	if (r->method != METHOD_POST && lang == NULL) {
		resp_error(r, 400, "Say which language the new version is in (?lang=).");
		return 0;
	}
	if (r->method != METHOD_POST) {
		int taken = translation_lang_taken(r->db, r->arena, r->now, source->it.id, lang, 0);
		if (taken != 0) {
			resp_error(r, taken < 0 ? 500 : 409,
			           taken < 0 ? "The other versions could not be read. The error has been logged."
			                     : "This statement already has a version in that language.");
			return 0;
		}
	}
	return 1;
}

/* The form as a new translation of source: in the language asked (a GET's ?lang=, or the form's), linked to
 * source, shown beside its text. */
static void as_translation(struct req *r, struct form *f, const struct admin_item *source)
{
	f->item = NULL;
	f->group = source->it.id;
	f->translates = 1;
	f->source = source;
	if (r->in[KEY_LANG].set)
		f->v[KEY_LANG] = r->in[KEY_LANG].s;
	if (r->method != METHOD_POST)
		set_when(r, f, (long long)r->now, default_zone_label(r));
}

void page_admin_edit(struct req *r)
{
	struct admin_item stored, *a = NULL;
	const struct admin_item *source = NULL; /* on .../translate: the original; the form makes a new item */
	struct form f;
	if (r->seg.id) {
		if (!admin_item_from_arg(r, &stored))
			return;
		a = &stored;
	}
	if (r->route_arg && strcmp(r->route_arg, "translate") == 0) {
		if (!translation_source_ok(r, a))
			return;
		source = a;
		a = NULL;
	}
	if (r->method != METHOD_POST) {
		/* Opening the form is noted (not for HEAD, nor for an item this officer may only read), so that
		 * others opening it see who may be editing. A failure only loses the notice. */
		if (a && r->method == METHOD_GET && may_edit(r, a) &&
		    revision_editing_open(r->db, a->it.id, r->user.id, (long long)r->now) != 0)
			log_warn("could not note that %s opened item %lld", r->user.name, a->it.id);
		form_from_item(r, &f, source ? source : a);
		if (source)
			as_translation(r, &f, source);
		render_form(r, &f, 200, NULL, 0);
		return;
	}
	if (!r->in[KEY_ACTION].set) {
		resp_error(r, 400, "The form did not say what to do.");
		return;
	}
	enum action action = (enum action)r->in[KEY_ACTION].i;
	form_from_post(r, &f, a);
	if (source)
		as_translation(r, &f, source);
	if (action == ACTION_EDIT) {
		f.nerr = 0;
		memset(f.err, 0, sizeof f.err);
		admin_media_from_item(r, a ? a->it.id : 0, &f.media); /* a preview carries no files */
		render_form(r, &f, 200, NULL, 0);
		return;
	}
	if (action != ACTION_PREVIEW && action != ACTION_SAVE && action != ACTION_SUBMIT && action != ACTION_PUBLISH &&
	    action != ACTION_UNSCHEDULE) {
		resp_error(r, 400, "This form does not take that action.");
		return;
	}
	if (action != ACTION_PREVIEW && !may_edit(r, a)) {
		resp_error(r, 403, a && strcmp(a->status, "withdrawn") == 0
		                       ? "A withdrawn item cannot be changed."
		                       : "This item is with the publisher: only a publisher may change it now.");
		return;
	}
	if (action == ACTION_PUBLISH && r->user.role != ROLE_PUBLISHER) {
		resp_error(r, 403, "Only a publisher may publish. Submit it for review instead.");
		return;
	}
	if (action == ACTION_UNSCHEDULE && (r->user.role != ROLE_PUBLISHER || a == NULL)) {
		resp_error(r, 403, "Only a publisher may unschedule a scheduled item.");
		return;
	}
	if (action == ACTION_UNSCHEDULE && !is_scheduled(r, a)) {
		resp_error(r, 409, is_public(r, a) ? "This item is already public: withdraw it instead."
		                                   : "Only a scheduled item can be unscheduled.");
		return;
	}
	if (action == ACTION_SUBMIT && a && strcmp(a->status, "draft") != 0) {
		resp_error(r, 409, "Only a draft can be submitted for review.");
		return;
	}
	/* The files: new ones typed, decoded and stored now, so a form shown again keeps them. A post
	 * without the files section (the preview's) keeps the item's. */
	admin_media_from_post(r, &f.media, action != ACTION_PREVIEW);
	if (!f.media.present)
		admin_media_from_item(r, a ? a->it.id : 0, &f.media);
	f.nerr += f.media.nerr;
	validate(r, &f, action);
	if (f.nerr || f.media.too_large) {
		render_form(r, &f, f.media.too_large ? 413 : 422, NULL, 0);
		return;
	}
	if (action == ACTION_PREVIEW) {
		render_preview(r, &f);
		return;
	}
	if (action == ACTION_PUBLISH && r->in[KEY_WHEN].set && r->in[KEY_WHEN].i == WHEN_NOW) {
		f.published_at = (long long)r->now;
	} else if (action == ACTION_PUBLISH && f.published_at < (long long)r->now - BACKDATE_SLACK &&
	           !(r->in[KEY_CONFIRM].set && r->in[KEY_CONFIRM].i == f.published_at)) {
		f.ask_backdate = 1; /* nothing saved: the same form, asking */
		render_form(r, &f, 200, NULL, 0);
		return;
	}
	enum done done;
	long long id = save(r, &f, action, &done);
	if (id == -2) {
		render_form(r, &f, 409, NULL, 0);
		return;
	}
	if (id < 0) {
		f.general_error = "could not be saved: the database refused the change. Nothing was lost from this "
		                  "form; try again.";
		render_form(r, &f, 503, NULL, 0);
		return;
	}
	if (revision_editing_done(r->db, id, r->user.id) != 0)
		log_warn("could not note that %s is done with item %lld", r->user.name, id);
	resp_redirect(r, 303, item_admin_path(r->arena, id, input_done_words[done]));
}
