/* admin_login.c: GET and POST /admin/login -- the sign-in form for press officers. Anyone may see it.
 * Fields: username, password, csrf (checked by the gate against the pressroom_login cookie this page sets:
 * there is no session yet to hold a token). Success: a session cookie, a device cookie if this browser has
 * none for the officer, and 303 to /admin. Wrong name or password: 401 and the same message for both.
 * Throttled: 429 with Retry-After. Every password-check slot busy (slots.h: a sign-in flood): 503 with
 * Retry-After and the form again, at once rather than queued.
 * A statement form posted after its session ended comes here with its fields (page_admin_login_keep, called
 * by the gate): the sign-in form holds them in hidden inputs with return_to, and a good password answers
 * with the statement form filled in and the new session's token, to save from there; nothing is saved
 * without that fresh post. */
#include <stdio.h>
#include <string.h>

#include "../auth.h"
#include "../layout.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../slots.h"
#include "../tpl.h"
#include "admin_form.h"
#include "pages.h"

static void show_form(struct req *r, int status, const char *message)
{
	char token[AUTH_TOKEN_HEX + 1];
	auth_random_hex(token);
	resp_header(r, "Set-Cookie", auth_cookie_header(r, AUTH_LOGIN_COOKIE, token, "/admin/login", -1));

	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Sign in");
	tpl_set(d, "LOGIN_CSRF", token);
	if (r->in[KEY_USERNAME].set)
		tpl_set(d, "USERNAME", r->in[KEY_USERNAME].s);
	if (message)
		tpl_set(tpl_section(d, "LOGIN_ERROR"), "MESSAGE", message);
	if (r->in[KEY_RETURN].set) {
		struct tpl_dict *k = tpl_section(d, "KEEPING");
		tpl_set(k, "RETURN_TO", r->in[KEY_RETURN].s);
		admin_form_carry(r, k);
	}
	r->status = status;
	resp_render(r, d, "admin_login.tpl");
	tpl_dict_free(d);
}

void page_admin_login_keep(struct req *r)
{
	r->in[KEY_RETURN] = (struct input){.set = 1, .s = r->path}; /* the form to come back to */
	log_warn("%s %s: session ended; the form's fields are carried through a sign-in", r->method_name, r->path);
	resp_header(r, "WWW-Authenticate", "Form realm=\"Pressroom\"");
	show_form(r, 401, NULL);
}

void page_admin_login(struct req *r)
{
	if (r->method != METHOD_POST) {
		show_form(r, 200, NULL);
		return;
	}
	const struct input *name = &r->in[KEY_USERNAME], *pw = &r->in[KEY_PASSWORD];
	if (!name->set || !pw->set || name->s[0] == '\0' || pw->s[0] == '\0' || name->error || pw->error) {
		show_form(r, 400, "Enter your name and your password.");
		return;
	}
	char token[AUTH_TOKEN_HEX + 1];
	time_t until = 0;
	switch (auth_login(r, name->s, pw->s, token, &until)) {
	case LOGIN_OK: {
		resp_header(r, "Set-Cookie", auth_session_cookie(r, token));
		const char *device = auth_device_cookie(r); /* failures elsewhere never lock this browser out */
		if (device)
			resp_header(r, "Set-Cookie", device);
		if (r->in[KEY_RETURN].set)
			page_admin_form_kept(r, r->in[KEY_RETURN].i);
		else
			resp_redirect(r, 303, "/admin");
		return;
	}
	case LOGIN_LOCKED: {
		char msg[160], retry[32];
		long minutes = (long)(until - r->now + 59) / 60;
		snprintf(msg, sizeof msg,
		         "Too many failed sign-ins from this browser or this address. Try again in %ld minute%s.",
		         minutes, minutes == 1 ? "" : "s");
		snprintf(retry, sizeof retry, "%ld", (long)(until - r->now));
		log_warn("429 POST /admin/login: sign-in as \"%s\" from %s throttled for %s s: too many failures",
		         name->s, r->remote_addr, retry);
		resp_header(r, "Retry-After", retry);
		show_form(r, 429, msg);
		return;
	}
	case LOGIN_BUSY:
		log_warn("503 POST /admin/login: all %d password-check slots busy; refused %s", slots_size(SLOTS_PASSWORD),
		         r->remote_addr);
		resp_header(r, "Retry-After", "2");
		show_form(r, 503, "The server is busy checking other sign-ins. Please try again in a few seconds.");
		return;
	case LOGIN_BAD:
		/* A warning, so that journalctl -u pressroom -p warning shows an attack (docs/deploy.md). */
		log_warn("401 POST /admin/login: sign-in as \"%s\" from %s refused: wrong name or password", name->s,
		         r->remote_addr);
		resp_header(r, "WWW-Authenticate", "Form realm=\"Pressroom\"");
		show_form(r, 401, "The name or the password is wrong.");
		return;
	case LOGIN_ERROR:
		resp_error(r, 500, "Signing in failed. The error has been logged.");
		return;
	}
}
