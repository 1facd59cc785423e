/* public_key.c: GET /signing-key.pub, the office's public key in minisign's format, so that a reader can
 * run `minisign -Vm statement.txt -p signing-key.pub` (docs/authenticity.md). Public; 404 when the site has
 * no key configured. */
#include "../buf.h"
#include "../req.h"
#include "../resp.h"
#include "../signing_key.h"
#include "pages.h"

void page_signing_key(struct req *r)
{
	const char *pub = signing_key_public_file();
	if (pub == NULL) {
		resp_error(r, 404, "This site does not sign its statements: no signing key is configured.");
		return;
	}
	buf_reset(&r->body);
	buf_puts(&r->body, pub);
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}
