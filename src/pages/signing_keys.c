/* signing_keys.c: GET /signing-keys, every key the office has signed with, oldest first: its validity (a time
 * for people, a stretch of history entries for `pressroom verify`), its public key file, and the signatures a
 * rotation made, the new key's public key file signed by the old key (endorsement) and the old key's signed by
 * the new (retirement), so that a reader holding either checks the other with Debian's minisign
 * (docs/authenticity.md, section 6). Public; 404 when the site has no key. */
#include <string.h>

#include "../arena.h"
#include "../buf.h"
#include "../clock.h"
#include "../key_store.h"
#include "../minisign.h"
#include "../req.h"
#include "../resp.h"
#include "../signing_key.h"
#include "pages.h"

/* "[name bytes]", the text and its line end: the same sections as a canonical text's, so each file splits
 * out byte for byte. */
static void section(struct buf *out, const char *name, const char *text)
{
	buf_printf(out, "[%s %zu]\n%s", name, strlen(text), text);
}

static void key_block(struct buf *out, const struct signing_key_row *k)
{
	char when[32];
	buf_printf(out, "\nkey: %s\nvalid-from: %s (history entry %lld)\n", k->key_id,
	           clock_fmt_iso_utc(k->valid_from, when, sizeof when), k->first_entry);
	if (k->retirement)
		buf_printf(out, "valid-until: %s (history entry %lld)\n", clock_fmt_iso_utc(k->valid_until, when, sizeof when),
		           k->last_entry);
	else
		buf_puts(out, "valid-until: current\n");
	section(out, "public-key", k->public_file);
	if (k->endorsement)
		section(out, "endorsement", k->endorsement);
	if (k->retirement)
		section(out, "retirement", k->retirement);
}

void page_signing_keys(struct req *r)
{
	const char *pub = signing_key_public_file();
	if (pub == NULL) {
		resp_error(r, 404, "This site does not sign its statements: no signing key is configured.");
		return;
	}
	struct signing_key_row *keys;
	int n = key_store_list(r->db, r->arena, &keys);
	if (n < 0) {
		resp_error(r, 500, "This text could not be read. The error has been logged.");
		return;
	}
	buf_reset(&r->body);
	buf_puts(&r->body, "pressroom-signing-keys: 1\n");
	for (int i = 0; i < n; i++)
		key_block(&r->body, &keys[i]);
	if (n == 0) {
		/* The signer records the first key when it starts; until then, the configured key alone. */
		struct minisign_key k;
		char id[MINISIGN_FINGERPRINT_LEN + 1] = "";
		if (minisign_read_public(&k, pub) == 0)
			minisign_fingerprint(id, &k);
		buf_printf(&r->body, "\nkey: %s\nvalid-from: (history entry 1)\nvalid-until: current\n", id);
		section(&r->body, "public-key", pub);
	}
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}
