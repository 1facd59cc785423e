/* verify.c: GET and POST /verify and /<lang>/verify (/ru/verify) -- how a reader checks a statement: the
 * files to download, the minisign command, the key's fingerprint to compare, `pressroom verify`; and a form
 * where anyone pastes a text (POST text=..., no login and no CSRF token: it reads and changes nothing) and
 * is told whether it is exactly a version published here, and which. Public; the interface in the page's
 * language. Cost of a check: one SHA-256 of at most INPUT_TEXT_MAX bytes and one indexed lookup (never a
 * scan); the body is bounded by body_limit before it reaches us. Without a key the page says statements are
 * not signed, and what the check then proves. */
#include <string.h>

#include "../arena.h"
#include "../history_public.h"
#include "../i18n.h"
#include "../input.h"
#include "../item_public.h"
#include "../layout.h"
#include "../minisign.h"
#include "../req.h"
#include "../resp.h"
#include "../signing_key.h"
#include "../site.h"
#include "../tpl.h"
#include "../version_store.h"
#include "../view.h"
#include "pages.h"

/* How to check a statement: with the key's fingerprint where the site signs, else that it does not. */
static void explain(struct req *r, struct tpl_dict *d)
{
	struct minisign_key k;
	char fingerprint[MINISIGN_FINGERPRINT_LEN + 1];
	const char *pub = signing_key_public_file();
	if (pub == NULL || minisign_read_public(&k, pub) != 0) {
		tpl_show(d, "UNSIGNED_SITE");
		return;
	}
	minisign_fingerprint(fingerprint, &k);
	struct tpl_dict *s = tpl_section(d, "SIGNED_SITE");
	tpl_set(s, "FINGERPRINT", fingerprint);
	tpl_set(s, "MINISIGN_COMMAND", "minisign -Vm statement.txt -p signing-key.pub");
	tpl_set(s, "VERIFY_COMMAND", arena_printf(r->arena, "pressroom verify %s/", site_base_url(r)));
	tpl_set(s, "HISTORY_URL", layout_lang_path(r, "/history"));
}

/* The answer to a pasted text: the version it is, or none. Returns 0, or -1 on a database error. */
static int check(struct req *r, struct tpl_dict *d, const char *text)
{
	struct version_match m;
	size_t len = strlen(text);
	int rc = version_find_text(r->db, r->arena, r->now, text, len, &m);
	if (rc == 0 && (len == 0 || text[len - 1] != '\n')) {
		/* A canonical text ends with a line break, which copying often drops: that alone is no change. */
		rc = version_find_text(r->db, r->arena, r->now, arena_printf(r->arena, "%s\n", text), len + 1, &m);
	}
	if (rc < 0)
		return -1;
	if (rc == 0) {
		tpl_show(d, "RESULT_NONE");
		return 0;
	}
	struct tpl_dict *s = tpl_section(d, "RESULT_MATCH");
	const char *path = arena_printf(r->arena, "/%s/%lld-%s", item_kind_segment(m.kind), m.item_id, m.slug);
	tpl_set(s, "ITEM_URL", path);
	tpl_set(s, "TITLE", m.title);
	tpl_set(s, "VERSION_URL", arena_printf(r->arena, "%s.v%d.txt", path, m.version));
	tpl_set(s, "VERSION_LABEL", arena_printf(r->arena, i18n_text("version %d"), m.version));
	tpl_set(s, "CHANGE_LABEL", history_change_label(m.change));
	view_set_at(s, NULL, (time_t)m.visible_at, "%Y-%m-%d %H:%M UTC");
	return 0;
}

void page_verify(struct req *r)
{
	const struct input *text = &r->in[KEY_TEXT];
	if (r->method == METHOD_POST) {
		if (!text->set || text->s[0] == '\0') {
			resp_error(r, 400, "Paste the text of a statement to check it.");
			return;
		}
		if (text->error) {
			resp_error(r, 400, strcmp(text->error, "is too long") == 0
			                       ? "The pasted text is longer than any statement can be."
			                       : "The pasted text is not UTF-8 text, so it cannot be a statement published here.");
			return;
		}
	}
	struct tpl_dict *d = tpl_dict_new();
	const char *title = i18n_text("Verify a statement");
	struct head head = {.title = title, .path = layout_lang_path(r, "/verify")};
	head.every_language = "/verify";
	layout_fill(r, d, &head);
	tpl_set(d, "VERIFY_URL", head.path);
	explain(r, d);
	if (r->method == METHOD_POST) {
		tpl_set(d, "TEXT", text->s);
		if (check(r, d, text->s) != 0) {
			resp_error(r, 500, "The text could not be checked. The error has been logged.");
			goto out;
		}
	}
	resp_render(r, d, "verify.tpl");
out:
	tpl_dict_free(d);
}
