/* admin_revisions.c: GET /admin/items/<id>/revisions -- an item's revisions. Signed-in officers.
 *   (no parameters)  the list, with a form to pick two to compare;
 *   ?rev=N           revision N read-only as it was, with "Restore this version" where the officer may edit;
 *   ?rev=N&to=M      N and M compared word by word (title, teaser, text, signature: admin_compare.c).
 * A revision of another item, or none, is a 404. Restoring is POST /admin/items/<id>/restore
 * (admin_actions.c). */
#include <string.h>

#include "../clock.h"
#include "../item_public.h"
#include "../item_store.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../revision_store.h"
#include "../tpl.h"
#include "../view.h"
#include "admin_compare.h"
#include "admin_form.h"
#include "pages.h"

static const char *const when_fmt = "%d.%m.%Y %H:%M";

static void fill_list(struct req *r, struct tpl_dict *d, long long id)
{
	struct tpl_dict *list = tpl_section(d, "LIST");
	struct revision *revs;
	int n = store_revisions(r->db, r->arena, id, &revs);
	for (int i = 0; i < n; i++) {
		struct tpl_dict *row = tpl_section(list, "ROW");
		tpl_set_int(row, "REV_ID", revs[i].id);
		view_set_at(row, r->site->zone, (time_t)revs[i].at, when_fmt);
		tpl_set(row, "WHO", revs[i].who);
		tpl_set(row, "ACTION", revs[i].action);
		tpl_set(row, "STATUS", revs[i].status);
		if (*revs[i].note)
			tpl_set(tpl_section(row, "NOTE"), "NOTE", revs[i].note);
		if (i == 0) /* newest first: by default compare the one before the newest with the newest */
			tpl_show(row, "TO_CHECKED");
		if (i == 1 || (n == 1 && i == 0))
			tpl_show(row, "FROM_CHECKED");
	}
}

/* May this officer restore a revision of a (the rights of the statement form)? */
static int may_restore(const struct req *r, const struct admin_item *a)
{
	if (strcmp(a->status, "withdrawn") == 0)
		return 0;
	return r->user.role == ROLE_PUBLISHER || strcmp(a->status, "draft") == 0;
}

static void fill_one(struct req *r, struct tpl_dict *d, const struct admin_item *a, const struct revision_full *rev)
{
	struct tpl_dict *one = tpl_section(d, "ONE");
	tpl_set_int(one, "REV_ID", rev->id);
	view_set_at(one, r->site->zone, (time_t)rev->at, when_fmt);
	tpl_set(one, "WHO", rev->who[0] ? rev->who : "someone");
	tpl_set(one, "ACTION", rev->action);
	tpl_set(one, "STATUS", rev->status);
	if (*rev->note)
		tpl_set(tpl_section(one, "NOTE"), "NOTE", rev->note);
	tpl_set(one, "TITLE", rev->title);
	tpl_set(one, "TEASER", rev->teaser);
	tpl_set(one, "BODY", rev->body);
	tpl_set(one, "SIGNATURE", rev->signature);
	char when[64];
	struct tm tm;
	clock_local(r->site->zone, (time_t)rev->published_at, &tm);
	strftime(when, sizeof when, when_fmt, &tm);
	tpl_set(one, "PUBLISHED", when);
	tpl_set_int(one, "LATEST", revision_latest(r->db, a->it.id));
	if (may_restore(r, a))
		tpl_show(one, "CAN_RESTORE");
}

static void fill_compare(struct req *r, struct tpl_dict *d, const struct revision_full *from,
                         const struct revision_full *to)
{
	struct tpl_dict *c = tpl_section(d, "COMPARE");
	char when[64];
	struct tm tm;
	clock_local(r->site->zone, (time_t)from->at, &tm);
	strftime(when, sizeof when, when_fmt, &tm);
	tpl_set(c, "FROM_AT", when);
	clock_local(r->site->zone, (time_t)to->at, &tm);
	strftime(when, sizeof when, when_fmt, &tm);
	tpl_set(c, "TO_AT", when);
	tpl_set(c, "FROM_WHO", from->who[0] ? from->who : "someone");
	tpl_set(c, "TO_WHO", to->who[0] ? to->who : "someone");
	tpl_set(c, "FROM_ACTION", from->action);
	tpl_set(c, "TO_ACTION", to->action);
	struct compare_side old = admin_compare_revision(from), new_side = admin_compare_revision(to);
	admin_compare_fill(r, c, &old, &new_side);
}

/* Revision key k of item a into *out; 0 and a 404 (or 500) answered if there is none. */
static int read_revision(struct req *r, const struct admin_item *a, enum key k, struct revision_full *out)
{
	int found = revision_get(r->db, r->arena, a->it.id, r->in[k].i, out);
	if (found < 0)
		resp_error(r, 500, "The revision could not be read. The error has been logged.");
	else if (found == 0)
		resp_error(r, 404, "This item has no revision with that number.");
	return found == 1;
}

void page_admin_revisions(struct req *r)
{
	struct admin_item a;
	if (!admin_item_from_arg(r, &a))
		return;
	struct revision_full from, to;
	if (r->in[KEY_TO].set && !r->in[KEY_REV].set) {
		resp_error(r, 400, "Choose the revision to compare from as well.");
		return;
	}
	if (r->in[KEY_REV].set && !read_revision(r, &a, KEY_REV, &from))
		return;
	if (r->in[KEY_TO].set && !read_revision(r, &a, KEY_TO, &to))
		return;
	struct tpl_dict *d = tpl_dict_new();
	layout_admin_fill(r, d, "Revisions");
	tpl_set(d, "ITEM_TITLE", a.it.title);
	tpl_set(d, "ITEM_ADMIN_URL", item_admin_path(r->arena, a.it.id, NULL));
	if (r->in[KEY_TO].set)
		fill_compare(r, d, &from, &to);
	else if (r->in[KEY_REV].set)
		fill_one(r, d, &a, &from);
	else
		fill_list(r, d, a.it.id);
	resp_render(r, d, "admin_revisions.tpl");
	tpl_dict_free(d);
}
