/* subscription.c: GET and POST /subscription?token=T (and /<lang>/...) -- a subscriber's preferences, reached
 * by the link every alert carries (the manage token is the authority; csrf is the pressroom_form cookie's);
 * POST /unsubscribe?token=T (and /<lang>/...) with List-Unsubscribe=One-Click -- RFC 8058's one-click
 * unsubscribe, which mail providers post with no cookie and no CSRF token (ROUTE_URL_TOKEN): the
 * subscriber's row is deleted, with its languages and unsent messages, and the audit log says only
 * "1 subscriber unsubscribed". An unknown token is a 404 that reveals nothing else. */
#include "../audit.h"
#include "../db.h"
#include "../i18n.h"
#include "../layout.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../tpl.h"
#include "pages.h"
#include "subscribe_form.h"

static const char unknown[] = I18N_NOOP("There is no subscription for this link. It may have ended already.");

void page_subscription(struct req *r)
{
	const struct input *token = &r->in[KEY_TOKEN];
	struct subscriber s;
	int found = token->set ? subscriber_by_manage_token(r->db, r->arena, token->s, &s) : 0;
	if (found < 0) {
		resp_error(r, 500, "The subscription could not be read. The error has been logged.");
		return;
	}
	if (found == 0) {
		resp_error(r, 404, unknown);
		return;
	}
	const char *why = NULL;
	int status = 200, saved = 0;
	struct subscriber_prefs p = s.prefs;
	if (r->method == METHOD_POST) {
		int ok = subscribe_form_read(r, &p, &why);
		if (ok < 0)
			return;
		if (!ok) {
			log_warn("422 POST %s: preferences refused: %s", r->path, why);
			status = 422;
		} else if (db_begin(r->db) != 0 || subscriber_set_prefs(r->db, s.id, &p) != 0 || db_commit(r->db) != 0) {
			db_rollback(r->db);
			resp_error(r, 500, "The subscription could not be saved. The error has been logged.");
			return;
		} else {
			saved = 1;
		}
	}
	struct tpl_dict *d = subscribe_page(r, i18n_text("Your email alerts"), NULL);
	if (saved)
		subscribe_notice(d, i18n_text("Your choices are saved."));
	const char *query = arena_printf(r->arena, "?token=%s", token->s);
	struct tpl_dict *f = subscribe_form_fill(r, d, arena_printf(r->arena, "%s%s", layout_lang_path(r, "/subscription"), query),
	                                         &p, why);
	struct tpl_dict *e = tpl_section(f, "EMAIL_SHOWN");
	tpl_set(e, "L_EMAIL", i18n_text("Email address"));
	tpl_set(e, "EMAIL", s.email);
	tpl_set(f, "L_SUBMIT", i18n_text("Save"));
	struct tpl_dict *u = tpl_section(d, "UNSUBSCRIBE");
	tpl_set(u, "ACTION", arena_printf(r->arena, "%s%s", layout_lang_path(r, "/unsubscribe"), query));
	tpl_set(u, "L_UNSUBSCRIBE", i18n_text("Unsubscribe from every alert"));
	r->status = status;
	resp_render(r, d, "subscribe.tpl");
	tpl_dict_free(d);
}

void page_unsubscribe(struct req *r)
{
	const struct input *token = &r->in[KEY_TOKEN];
	if (!r->in[KEY_ONE_CLICK].set) {
		resp_error(r, 400, "An unsubscribe request sends List-Unsubscribe=One-Click.");
		return;
	}
	if (!token->set) {
		resp_error(r, 404, unknown);
		return;
	}
	if (db_begin(r->db) != 0) {
		resp_error(r, 500, "The subscription could not be ended. The error has been logged.");
		return;
	}
	int deleted = subscriber_delete(r->db, token->s);
	if (deleted == 1 && audit_log(r, "unsubscribe", 0, "%s", "1 subscriber unsubscribed") != 0)
		deleted = -1;
	if (deleted != 1 || db_commit(r->db) != 0) {
		db_rollback(r->db);
		if (deleted == 0)
			resp_error(r, 404, unknown);
		else
			resp_error(r, 500, "The subscription could not be ended. The error has been logged.");
		return;
	}
	log_info("a subscriber unsubscribed");
	struct tpl_dict *d = subscribe_page(r, i18n_text("Unsubscribed"), NULL);
	subscribe_notice(d, i18n_text("You are unsubscribed: your address has been removed, and no more alerts will "
	                              "come to it."));
	r->status = 200;
	resp_render(r, d, "subscribe.tpl");
	tpl_dict_free(d);
}
