/* health.c: GET /health -- for monitoring: "ok" (200) when the database answers, "database unavailable"
 * (503) when it does not. Only for the client addresses the configuration allows (health_allow, default
 * 127.0.0.1 and ::1); to anyone else it does not exist (404). Never cached. */
#include <string.h>

#include "../config.h"
#include "../db.h"
#include "../req.h"
#include "../resp.h"
#include "pages.h"

static int allowed(const char *addr)
{
	static const char *const fallback[] = {"127.0.0.1", "::1"};
	const struct config *c = config_current;
	int n = c ? c->nhealth_allow : 2;
	for (int i = 0; i < n; i++)
		if (strcmp(addr, c ? c->health_allow[i] : fallback[i]) == 0)
			return 1;
	return 0;
}

void page_health(struct req *r)
{
	if (!allowed(r->remote_addr ? r->remote_addr : "")) {
		resp_error(r, 404, "There is no page at this address.");
		return;
	}
	int ok = db_ping(r->db);
	buf_reset(&r->body);
	buf_puts(&r->body, ok ? "ok\n" : "database unavailable\n");
	r->status = ok ? 200 : 503;
	r->content_type = "text/plain; charset=utf-8";
}
