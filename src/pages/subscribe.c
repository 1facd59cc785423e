/* subscribe.c: GET and POST /subscribe and /<lang>/subscribe -- the email alerts' form (issue 16); GET and
 * POST /subscribe/confirm?token=T (and /<lang>/...) -- double opt-in's second step. Anyone may see them.
 * Fields: email, receive (releases|events|both), language (repeated: the site's languages), csrf (the
 * pressroom_form cookie's: ROUTE_FORM_COOKIE). With smtp_url unset alerts are not offered: the form says
 * so and a post is a 404 that queues nothing.
 * A post with a bad address or choice: 422 and the form as typed. Otherwise the same answer, byte for byte,
 * whether the address was new (a pending subscriber and a confirmation queued), pending (a new
 * confirmation only if the last is over an hour old) or already confirmed (nothing sent): nobody learns who
 * subscribes. Too many posts from one client address: 429 with Retry-After.
 * Confirming: a GET only shows a button (mail scanners follow links), the POST confirms, once; an unknown or
 * used token is a 404, an expired one a 410, in the page's language, and nothing changes. */
#include <stdio.h>
#include <string.h>

#include "../i18n.h"
#include "../layout.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../tpl.h"
#include "pages.h"
#include "subscribe_form.h"

static void render(struct req *r, struct tpl_dict *d, int status)
{
	r->status = status;
	resp_render(r, d, "subscribe.tpl");
	tpl_dict_free(d);
}

/* The form, empty (GET: both kinds, the page's language) or as posted with why it was refused. */
static void show_form(struct req *r, int status, const struct subscriber_prefs *p, const char *why)
{
	const char *path = layout_lang_path(r, "/subscribe");
	struct tpl_dict *d = subscribe_page(r, i18n_text("Email alerts"), path);
	if (!subscribe_offered()) {
		subscribe_notice(d, i18n_text("Email alerts are not offered on this site. Follow the news feeds instead."));
		render(r, d, status);
		return;
	}
	subscribe_notice(d, i18n_text("Get each new statement by email. We send a message to confirm the address "
	                              "first; every alert has a link to leave at once."));
	struct tpl_dict *f = subscribe_form_fill(r, d, path, p, why);
	struct tpl_dict *e = tpl_section(f, "EMAIL_FIELD");
	tpl_set(e, "L_EMAIL", i18n_text("Email address"));
	if (r->in[KEY_EMAIL].set)
		tpl_set(e, "EMAIL", r->in[KEY_EMAIL].s);
	if (r->in[KEY_EMAIL].error)
		tpl_set(tpl_section(e, "EMAIL_ERROR"), "MESSAGE", i18n_text(r->in[KEY_EMAIL].error));
	tpl_set(f, "L_SUBMIT", i18n_text("Subscribe"));
	render(r, d, status);
}

void page_subscribe(struct req *r)
{
	if (r->method != METHOD_POST) {
		struct subscriber_prefs p = {.releases = 1, .events = 1, .langs = {i18n_lang()}, .nlangs = 1};
		show_form(r, 200, &p, NULL);
		return;
	}
	if (!subscribe_offered()) {
		resp_error(r, 404, "Email alerts are not offered on this site.");
		return;
	}
	struct subscriber_prefs p;
	const char *why;
	int ok = subscribe_form_read(r, &p, &why);
	if (ok < 0)
		return;
	const struct input *email = &r->in[KEY_EMAIL];
	if (!email->set)
		r->in[KEY_EMAIL] = (struct input){.set = 1, .s = "", .error = I18N_NOOP("Enter an email address.")};
	if (!ok || email->error) {
		log_warn("422 POST %s from %s: subscription refused: %s", r->path, r->remote_addr,
		         email->error ? email->error : why);
		show_form(r, 422, &p, ok ? NULL : why);
		return;
	}
	long retry = 0;
	switch (subscriber_request(r->db, r->now, r->remote_addr, email->s, &p, &retry)) {
	case SUBSCRIBE_THROTTLED: {
		char value[32];
		snprintf(value, sizeof value, "%ld", retry);
		resp_header(r, "Retry-After", value);
		log_warn("429 POST %s: subscriptions from %s throttled for %s s (%d an hour)", r->path, r->remote_addr, value,
		         SUBSCRIBER_FORM_POSTS);
		resp_error(r, 429, "Too many subscriptions from your network. Please try again later.");
		return;
	}
	case SUBSCRIBE_ERROR:
		resp_error(r, 500, "The subscription could not be saved. The error has been logged.");
		return;
	case SUBSCRIBE_QUEUED:
	case SUBSCRIBE_QUIET:
		break;
	}
	/* One answer for a new, a pending and a confirmed address. */
	struct tpl_dict *d = subscribe_page(r, i18n_text("Check your email"), layout_lang_path(r, "/subscribe"));
	subscribe_notice(d, i18n_text("If this address can receive alerts, a message is on its way to it. Follow the "
	                              "link in it within 48 hours to confirm your subscription."));
	render(r, d, 200);
}

void page_subscribe_confirm(struct req *r)
{
	const struct input *token = &r->in[KEY_TOKEN];
	enum subscriber_token state = token->set ? subscriber_confirm_state(r->db, token->s, r->now) : SUBSCRIBER_TOKEN_UNKNOWN;
	if (state == SUBSCRIBER_TOKEN_ERROR) {
		resp_error(r, 500, "The subscription could not be read. The error has been logged.");
		return;
	}
	if (state == SUBSCRIBER_TOKEN_UNKNOWN) {
		resp_error(r, 404, "This confirmation link is not valid, or it has been used already.");
		return;
	}
	if (state == SUBSCRIBER_TOKEN_EXPIRED) {
		resp_error(r, 410, "This confirmation link has expired. Subscribe again to get a new one.");
		return;
	}
	const char *action = arena_printf(r->arena, "%s?token=%s", layout_lang_path(r, "/subscribe/confirm"), token->s);
	if (r->method != METHOD_POST) {
		struct tpl_dict *d = subscribe_page(r, i18n_text("Confirm your subscription"), NULL);
		subscribe_notice(d, i18n_text("Press the button to start receiving email alerts."));
		struct tpl_dict *c = tpl_section(d, "CONFIRM");
		tpl_set(c, "ACTION", action);
		tpl_set(c, "CSRF", subscribe_form_token(r));
		tpl_set(c, "L_CONFIRM", i18n_text("Confirm my subscription"));
		render(r, d, 200);
		return;
	}
	const char *manage = NULL;
	int done = subscriber_confirm(r->db, r->arena, r->now, token->s, &manage);
	if (done < 0) {
		resp_error(r, 500, "The subscription could not be saved. The error has been logged.");
		return;
	}
	if (done == 0) { /* used or expired between the check and now */
		resp_error(r, 404, "This confirmation link is not valid, or it has been used already.");
		return;
	}
	log_info("a subscriber confirmed their address");
	struct tpl_dict *d = subscribe_page(r, i18n_text("Subscription confirmed"), NULL);
	subscribe_notice(d, i18n_text("Your subscription is confirmed. Each new statement will come to you by email."));
	struct tpl_dict *l = tpl_section(d, "LINK");
	tpl_set(l, "URL", arena_printf(r->arena, "%s?token=%s", layout_lang_path(r, "/subscription"), manage));
	tpl_set(l, "TEXT", i18n_text("Change what you receive, or unsubscribe"));
	render(r, d, 200);
}
