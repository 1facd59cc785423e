/* subscribe_form.c: the pieces the email alerts' public pages share (see subscribe_form.h). */
#include "subscribe_form.h"

#include <string.h>

#include "../auth.h"
#include "../config.h"
#include "../i18n.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"

int subscribe_offered(void)
{
	return config_alerts_offered(config_current);
}

const char *subscribe_form_token(struct req *r)
{
	const char *have = auth_cookie(r, AUTH_FORM_COOKIE);
	if (have && auth_token_valid(have))
		return have;
	char *token = arena_alloc(r->arena, AUTH_TOKEN_HEX + 1);
	auth_random_hex(token);
	resp_header(r, "Set-Cookie", auth_cookie_header(r, AUTH_FORM_COOKIE, token, "/", -1));
	return token;
}

struct tpl_dict *subscribe_page(struct req *r, const char *title, const char *path)
{
	struct tpl_dict *d = tpl_dict_new();
	/* The form is in every language (/subscribe, /ru/subscribe): <head> names its other versions (hreflang). */
	struct head head = {.title = title, .path = path, .every_language = path ? layout_unprefixed(r, path) : NULL};
	layout_fill(r, d, &head);
	tpl_set(d, "TITLE", title);
	return d;
}

int subscribe_form_read(struct req *r, struct subscriber_prefs *p, const char **why)
{
	*p = (struct subscriber_prefs){0};
	*why = NULL;
	for (size_t i = 0; i < r->nform; i++) {
		int field = input_language_field(r->form[i].key, r->form[i].value);
		if (field == 0) {
			resp_error(r, 400, "A parameter has a value that is not allowed.");
			return -1;
		}
		const char *tag = r->form[i].value;
		int known = 0;
		for (int j = 0; j < p->nlangs; j++)
			known |= strcmp(p->langs[j], tag) == 0;
		/* Languages the site does not have are left out: the form offers only the site's. */
		if (field == 1 && !known && p->nlangs < SUBSCRIBER_MAX_LANGS && site_language_index(r->site, tag) >= 0)
			p->langs[p->nlangs++] = tag;
	}
	const struct input *receive = &r->in[KEY_RECEIVE];
	if (receive->set && receive->error == NULL) {
		p->releases = receive->i != RECEIVE_EVENTS;
		p->events = receive->i != RECEIVE_RELEASES;
	}
	if (!p->releases && !p->events)
		*why = I18N_NOOP("Choose what to receive: press releases, events or both.");
	else if (p->nlangs == 0)
		*why = I18N_NOOP("Choose at least one language.");
	return *why == NULL;
}

struct tpl_dict *subscribe_form_fill(struct req *r, struct tpl_dict *d, const char *action,
                                     const struct subscriber_prefs *p, const char *why)
{
	static const char *const receive_labels[RECEIVE__MAX] = {
		I18N_NOOP("Press releases"), I18N_NOOP("Events"), I18N_NOOP("Both press releases and events")};
	struct tpl_dict *f = tpl_section(d, "FORM");
	tpl_set(f, "ACTION", action);
	tpl_set(f, "CSRF", subscribe_form_token(r));
	tpl_set(f, "L_RECEIVE", i18n_text("What to receive"));
	tpl_set(f, "L_LANGUAGES", i18n_text("In which languages"));
	int chosen = p->releases && p->events ? RECEIVE_BOTH : p->events ? RECEIVE_EVENTS : p->releases ? RECEIVE_RELEASES : -1;
	for (int i = 0; i < RECEIVE__MAX; i++) {
		struct tpl_dict *o = tpl_section(f, "RECEIVE");
		tpl_set(o, "VALUE", input_receive_words[i]);
		tpl_set(o, "LABEL", i18n_text(receive_labels[i]));
		if (i == chosen)
			tpl_show(o, "CHECKED");
	}
	for (int i = 0; i < r->site->nlanguages; i++) {
		struct tpl_dict *o = tpl_section(f, "LANGUAGE");
		const char *tag = r->site->languages[i];
		tpl_set(o, "VALUE", tag);
		tpl_set(o, "LABEL", i18n_language_name(tag));
		for (int j = 0; j < p->nlangs; j++)
			if (strcmp(p->langs[j], tag) == 0)
				tpl_show(o, "CHECKED");
	}
	if (why)
		tpl_set(tpl_section(f, "FORM_ERROR"), "MESSAGE", i18n_text(why));
	return f;
}

void subscribe_notice(struct tpl_dict *d, const char *text)
{
	tpl_set(tpl_section(d, "NOTICE"), "TEXT", text);
}
