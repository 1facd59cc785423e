/* version_text.c: GET <item URL>.txt and .txt.minisig (the newest version), <item URL>.v<N>.txt and
 * .v<N>.txt.minisig (version N): the canonical text a reader checks with `minisign -Vm` and the office's
 * /signing-key.pub; /history.txt(.minisig), the log that chains them, and /history-head.txt(.minisig), its
 * newest signed checkpoint (docs/authenticity.md). Public; nothing of a
 * scheduled item's before its time (its history entry is sealed: its hash alone). */
#include <limits.h>

#include "../buf.h"
#include "../req.h"
#include "../resp.h"
#include "../signing_key.h"
#include "../version_store.h"
#include "pages.h"

static void send(struct req *r, int signature)
{
	struct version_text v;
	int rc = version_public(r->db, r->arena, r->now, r->seg.id, r->route_arg, r->seg.version, &v);
	if (rc < 0) {
		resp_error(r, 500, "This text could not be read. The error has been logged.");
		return;
	}
	if (rc == 0) {
		resp_error(r, 404, "There is no published text at this address.");
		return;
	}
	if (signature && v.signature == NULL) {
		resp_error(r, 404, "This version is not signed yet.");
		return;
	}
	buf_reset(&r->body);
	buf_puts(&r->body, signature ? v.signature : v.text);
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}

void page_version_text(struct req *r)
{
	send(r, 0);
}

void page_version_signature(struct req *r)
{
	send(r, 1);
}

/* /history.txt, and with route_arg "signature" its .minisig. Where the site signs, the text is exactly the
 * one last signed (the entries it covers, sealed as they were then), so the two always match; the signer
 * signs again within moments of each new entry and at each sealed entry's time. Without a key: the log as
 * it is now, and no signature. */
void page_history_text(struct req *r)
{
	long long seq = LLONG_MAX, as_of = (long long)r->now;
	const char *signature = NULL;
	int rc = signing_key_public_file() ? version_history_signed(r->db, r->arena, &seq, &as_of, &signature) : 0;
	if (rc == 0 && r->route_arg) {
		resp_error(r, 404, "The history has no signature: this site does not sign its statements.");
		return;
	}
	buf_reset(&r->body);
	if (rc == 1 && r->route_arg)
		buf_puts(&r->body, signature);
	else if (rc < 0 || version_history_text(r->db, r->arena, (time_t)as_of, seq, &r->body) != 0) {
		resp_error(r, 500, "This text could not be read. The error has been logged.");
		return;
	}
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}

/* route_arg "signature": the checkpoint's .minisig, else its text. */
void page_history_head(struct req *r)
{
	const char *text, *signature;
	int rc = version_checkpoint(r->db, r->arena, &text, &signature);
	if (rc <= 0) {
		if (rc < 0)
			resp_error(r, 500, "This text could not be read. The error has been logged.");
		else
			resp_error(r, 404, "There is no signed checkpoint of the history yet.");
		return;
	}
	buf_reset(&r->body);
	buf_puts(&r->body, r->route_arg ? signature : text);
	r->status = 200;
	r->content_type = "text/plain; charset=utf-8";
}
