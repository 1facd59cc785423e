/* signing_keys.c: GET /signing-keys, every key the office has signed with, oldest first: its validity (a time
 * for people, a stretch of history entries for `pressroom verify`), its public key file, and the signatures a
 * rotation made, the new key's public key file signed by the old key (endorsement) and the old key's signed by
 * the new (retirement), so that a reader holding either checks the other with Debian's minisign
 * (docs/authenticity.md, section 6). Public; 404 when the site has no key. */
#include "../buf.h"
#include "../key_store.h"
#include "../minisign.h"
#include "../req.h"
#include "../resp.h"
#include "../signing_key.h"
#include "pages.h"

void page_signing_keys(struct req *r)
{
	const char *pub = signing_key_public_file();
	if (pub == NULL) {
		resp_error(r, 404, "This site does not sign its statements: no signing key is configured.");
		return;
	}
	struct signing_key_row *keys, configured = {0};
	char id[MINISIGN_FINGERPRINT_LEN + 1] = "";
	int n = key_store_list(r->db, r->arena, &keys);
	if (n < 0) {
		resp_error(r, 500, "This text could not be read. The error has been logged.");
		return;
	}
	if (n == 0) {
		/* The signer records the first key when it starts; until then, the configured key alone. */
		struct minisign_key k;
		if (minisign_read_public(&k, pub) == 0)
			minisign_fingerprint(id, &k);
		configured = (struct signing_key_row){.key_id = id, .public_file = pub, .first_entry = 1, .valid_from = r->now};
		keys = &configured;
		n = 1;
	}
	buf_reset(&r->body);
	key_store_list_text(&r->body, keys, n);
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}
