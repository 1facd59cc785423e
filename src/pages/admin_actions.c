/* admin_actions.c: the one-button actions on an item, each a POST checked by the gate (session, CSRF):
 *   /admin/items/<id>/withdraw  (publishers; field note)    a published item leaves every list; 410.
 *                               GET asks first (admin_confirm.c); the note is required
 *   /admin/items/<id>/sendback  (publishers; field comment) a submitted draft goes back to its author
 *   /admin/items/<id>/share     a secret preview link for a draft or a scheduled (embargoed) item, valid 7
 *                               days, shown once as a full address
 *   /admin/items/<id>/revoke    every preview link of the item stops working
 *   /admin/items/<id>/restore?rev=N  revision N's title, teaser, text and signature become the item's, kept as
 *                               a new revision (nothing overwritten or deleted); the rights of the form
 * Each change, its revision and its audit line are one transaction. Each form carries version, the item's
 * version its page showed: if the item changed since (another officer saved it or moved it on), nothing is
 * done and the item page answers 409 with what changed (admin_form_show_conflict). */
#include <stdio.h>
#include <string.h>

#include "../arena.h"
#include "../audit.h"
#include "../auth.h"
#include "../db.h"
#include "../log.h"
#include "../req.h"
#include "../resp.h"
#include "../share.h"
#include "../site.h"
#include "../item_store.h"
#include "../revision_store.h"
#include "../version_store.h"
#include "admin_form.h"
#include "pages.h"

enum { PREVIEW_LIFETIME = 7 * 24 * 3600 };

static void after(struct req *r, long long id, const char *done)
{
	resp_redirect(r, 303, item_admin_path(r->arena, id, done));
}

static void failed(struct req *r, long long id)
{
	log_error("action on item %lld failed: %s", id, db_error(r->db));
	db_rollback(r->db);
	resp_error(r, 500, "The change could not be saved. Nothing was changed. The error has been logged.");
}

/* Begin the action's transaction, then check the page it came from was current. 1: go on inside the
 * transaction; 0: rolled back and answered (409 with the change, or 500). */
static int begin_current(struct req *r, const struct admin_item *a)
{
	if (db_begin(r->db) != 0) {
		failed(r, a->it.id);
		return 0;
	}
	if (!r->in[KEY_VERSION].set) /* a form from before versions were carried: nothing to compare */
		return 1;
	long long current = revision_latest(r->db, a->it.id);
	if (current < 0) {
		failed(r, a->it.id);
		return 0;
	}
	if (current == r->in[KEY_VERSION].i)
		return 1;
	db_rollback(r->db);
	admin_form_show_conflict(r, a, r->in[KEY_VERSION].i);
	return 0;
}

/* Refuse inside the transaction: roll back and answer status with message. */
static void refuse(struct req *r, int status, const char *message)
{
	db_rollback(r->db);
	resp_error(r, status, message);
}

void page_admin_withdraw(struct req *r)
{
	struct admin_item a;
	if (!admin_item_from_arg(r, &a))
		return;
	const struct input *note = &r->in[KEY_NOTE];
	if (r->method != METHOD_POST) {
		admin_confirm_withdraw(r, &a, strcmp(a.status, "published") == 0 ? 200 : 409,
		                       strcmp(a.status, "published") == 0 ? NULL : "Only a published or scheduled item can be withdrawn.");
		return;
	}
	if (!begin_current(r, &a))
		return;
	if (strcmp(a.status, "published") != 0) {
		refuse(r, 409, "Only a published or scheduled item can be withdrawn.");
		return;
	}
	if (!note->set || note->error || note->s[0] == '\0') {
		db_rollback(r->db);
		log_warn("%s %s: withdrawal without a usable note: asked again", r->method_name, r->path);
		admin_confirm_withdraw(r, &a, 422, note->set && note->error ? note->error
		                                   : "Say why the item is withdrawn: the note is shown to the public (one line).");
		return;
	}
	if (store_withdraw(r->db, r->now, a.it.id, note->s) != 0 ||
	    store_revision(r->db, r->now, r->user.id, a.it.id, "withdraw", note->s) != 0 ||
	    version_record(r->db, r->arena, r->now, a.it.id, site_base_url(r)) != 0 ||
	    audit_log(r, "withdraw", a.it.id, "note: %.200s", note->s) != 0 || db_commit(r->db) != 0) {
		failed(r, a.it.id);
		return;
	}
	after(r, a.it.id, "withdrawn");
}

void page_admin_sendback(struct req *r)
{
	struct admin_item a;
	if (!admin_item_from_arg(r, &a))
		return;
	const struct input *comment = &r->in[KEY_COMMENT];
	if (!begin_current(r, &a))
		return;
	if (strcmp(a.status, "submitted") != 0) {
		refuse(r, 409, "Only an item submitted for review can be sent back.");
		return;
	}
	if (!comment->set || comment->error || comment->s[0] == '\0') {
		refuse(r, 400, "Write a comment for the author: it says what to change.");
		return;
	}
	if (store_set_status(r->db, r->now, r->user.id, a.it.id, "draft", comment->s) != 0 ||
	    store_revision(r->db, r->now, r->user.id, a.it.id, "send-back", comment->s) != 0 ||
	    audit_log(r, "send-back", a.it.id, "comment: %.200s", comment->s) != 0 || db_commit(r->db) != 0) {
		failed(r, a.it.id);
		return;
	}
	after(r, a.it.id, "sentback");
}

void page_admin_share(struct req *r)
{
	struct admin_item a;
	if (!admin_item_from_arg(r, &a))
		return;
	if (!begin_current(r, &a))
		return;
	int scheduled = strcmp(store_shown_status(a.status, a.it.published_at, (long long)r->now), "scheduled") == 0;
	if (strcmp(a.status, "draft") != 0 && strcmp(a.status, "submitted") != 0 && !scheduled) {
		refuse(r, 409, "Preview links are for drafts and scheduled items: this item is public or withdrawn.");
		return;
	}
	char token[AUTH_TOKEN_HEX + 1];
	unsigned char hash[32];
	auth_random_hex(token);
	auth_token_hash(token, hash);
	long long expires = (long long)r->now + PREVIEW_LIFETIME;
	if (share_create(r->db, hash, a.it.id, r->user.id, r->now, expires) != 0 ||
	    audit_log(r, "share", a.it.id, "preview link until %lld", expires) != 0 ||
	    db_commit(r->db) != 0) {
		failed(r, a.it.id);
		return;
	}
	/* The full address, to paste into an e-mail: the configured base URL, never the Host header. */
	const char *url = arena_printf(r->arena, "%s/preview/%s", site_base_url(r), token);
	admin_form_show_item(r, &a, url, expires);
}

void page_admin_restore(struct req *r)
{
	struct admin_item a;
	if (!admin_item_from_arg(r, &a))
		return;
	if (!r->in[KEY_REV].set) {
		resp_error(r, 400, "Say which revision to restore.");
		return;
	}
	struct revision_full rev;
	int found = revision_get(r->db, r->arena, a.it.id, r->in[KEY_REV].i, &rev);
	if (found != 1) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? "The revision could not be read. The error has been logged."
		                                               : "This item has no revision with that number.");
		return;
	}
	if (strcmp(a.status, "withdrawn") == 0) {
		resp_error(r, 409, "A withdrawn item cannot be changed.");
		return;
	}
	if (r->user.role != ROLE_PUBLISHER && strcmp(a.status, "draft") != 0) {
		resp_error(r, 403, "This item is with the publisher: only a publisher may change it now.");
		return;
	}
	if (!begin_current(r, &a))
		return;
	char when[32];
	struct tm tm;
	time_t t = (time_t)rev.at;
	gmtime_r(&t, &tm);
	strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	int public = strcmp(store_shown_status(a.status, a.it.published_at, (long long)r->now), "published") == 0;
	/* The publication time stays: restoring words is not republishing. The public sees an "Updated" note. */
	struct item_fields f = {.kind = rev.kind, .type = rev.type, .title = rev.title, .teaser = rev.teaser,
	                        .body = rev.body, .signature = rev.signature, .published_at = a.it.published_at};
	const char *note = arena_printf(r->arena, "restored the version of %s (revision %lld)", when, rev.id);
	if (store_update(r->db, r->now, a.it.id, &f, public ? "Restored an earlier version" : NULL) != 0 ||
	    store_revision(r->db, r->now, r->user.id, a.it.id, "restore", note) != 0 ||
	    version_record(r->db, r->arena, r->now, a.it.id, site_base_url(r)) != 0 ||
	    audit_log(r, "restore", a.it.id, "%s", note) != 0 || db_commit(r->db) != 0) {
		failed(r, a.it.id);
		return;
	}
	after(r, a.it.id, "saved");
}

void page_admin_revoke(struct req *r)
{
	struct admin_item a;
	if (!admin_item_from_arg(r, &a))
		return;
	if (!begin_current(r, &a))
		return;
	if (share_revoke(r->db, a.it.id, r->now) != 0 || audit_log(r, "revoke", a.it.id, "every preview link") != 0 ||
	    db_commit(r->db) != 0) {
		failed(r, a.it.id);
		return;
	}
	after(r, a.it.id, "revoked");
}
