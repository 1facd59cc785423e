/* admin_account.c: GET and POST /admin/account -- a signed-in officer's own account. Fields: password (the
 * current one), new_password. The current password is checked as a sign-in checks it (argon2id, in a
 * password-check slot: 503 when all are busy), then every other session of the officer ends and their
 * device cookies are forgotten (auth_change_password); this session stays. A wrong current password: 403
 * and audited; a new one too short: 422. Success: 303 to /admin/account?done=saved. */
#include <string.h>

#include "../auth.h"
#include "../layout.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../tpl.h"
#include "pages.h"

static void show(struct req *r, int status, const char *error)
{
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Your account");
	tpl_set(d, "USER_NAME", r->user.name);
	tpl_set_int(d, "MIN", AUTH_PASSWORD_MIN);
	if (error)
		tpl_set(tpl_section(d, "ACCOUNT_ERROR"), "MESSAGE", error);
	else if (r->in[KEY_DONE].set)
		tpl_show(d, "CHANGED");
	r->status = status;
	resp_render(r, d, "admin_account.tpl");
	tpl_dict_free(d);
}

void page_admin_account(struct req *r)
{
	if (r->method != METHOD_POST) {
		show(r, 200, NULL);
		return;
	}
	const struct input *cur = &r->in[KEY_PASSWORD], *new_pw = &r->in[KEY_NEW_PASSWORD];
	if (!cur->set || !new_pw->set || cur->error || new_pw->error || cur->s[0] == '\0') {
		log_warn("422 POST /admin/account: %s left a field empty or unreadable", r->user.name);
		show(r, 422, "Enter your current password and the new one.");
		return;
	}
	if (strlen(new_pw->s) < AUTH_PASSWORD_MIN) {
		log_warn("422 POST /admin/account: %s chose a password too short", r->user.name);
		show(r, 422, "The new password is too short.");
		return;
	}
	switch (auth_change_password(r, cur->s, new_pw->s)) {
	case LOGIN_OK:
		resp_redirect(r, 303, "/admin/account?done=saved");
		return;
	case LOGIN_BAD:
		log_warn("403 POST /admin/account: %s gave a wrong current password", r->user.name);
		show(r, 403, "The current password is wrong. Nothing was changed.");
		return;
	case LOGIN_BUSY:
		resp_header(r, "Retry-After", "2");
		log_warn("503 POST /admin/account: every password-check slot busy");
		show(r, 503, "The server is busy checking other passwords. Please try again in a few seconds.");
		return;
	default:
		resp_error(r, 500, "The password could not be changed. The error has been logged.");
		return;
	}
}
