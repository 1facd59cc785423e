/* admin_logout.c: POST /admin/logout -- ends the session on the server and removes the cookie.
 * Signed-in officers only; CSRF-checked by the gate. */
#include "../audit.h"
#include "../auth.h"
#include "../db.h"
#include "../req.h"
#include "../resp.h"
#include "pages.h"

void page_admin_logout(struct req *r)
{
	if (db_begin(r->db) != 0 || auth_logout(r) != 0 || audit_log(r, "logout", 0, "%s", "") != 0 ||
	    db_commit(r->db) != 0) {
		db_rollback(r->db);
		resp_error(r, 500, "Signing out failed. The error has been logged.");
		return;
	}
	resp_header(r, "Set-Cookie", auth_session_cookie(r, NULL));
	resp_redirect(r, 303, "/admin/login");
}
