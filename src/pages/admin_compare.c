/* admin_compare.c: a word diff of two versions of an item into the dictionary of admin_diff.tpl. Each run
 * of words is a section (SAME, DEL, INS) holding plain text, so ctemplate escapes it like any other value
 * and no HTML is built here. */
#include "admin_compare.h"

#include <string.h>

#include "../diff.h"
#include "../req.h"
#include "../revision_store.h"
#include "../tpl.h"

static int field(struct req *r, struct tpl_dict *diff, const char *label, const char *old, const char *new_text)
{
	if (strcmp(old ? old : "", new_text ? new_text : "") == 0)
		return 0;
	struct diff_chunk *c;
	int n = diff_words(r->arena, old, new_text, &c, NULL);
	if (n < 0)
		return -1;
	struct tpl_dict *f = tpl_section(diff, "DIFF_FIELD");
	tpl_set(f, "LABEL", label);
	static const char *const kind[] = {[DIFF_SAME] = "SAME", [DIFF_DEL] = "DEL", [DIFF_INS] = "INS"};
	for (int i = 0; i < n; i++)
		tpl_set(tpl_section(tpl_section(f, "CHUNK"), kind[c[i].op]), "TEXT", c[i].text);
	return 1;
}

int admin_compare_fill(struct req *r, struct tpl_dict *d, const struct compare_side *old,
                       const struct compare_side *new_side)
{
	struct tpl_dict *diff = tpl_include(d, "DIFF", "admin_diff.tpl");
	int shown = 0, rc;
	if ((rc = field(r, diff, "Title", old->title, new_side->title)) < 0)
		return -1;
	shown += rc;
	if ((rc = field(r, diff, "Teaser", old->teaser, new_side->teaser)) < 0)
		return -1;
	shown += rc;
	if ((rc = field(r, diff, "Text", old->body, new_side->body)) < 0)
		return -1;
	shown += rc;
	if ((rc = field(r, diff, "Signature block", old->signature, new_side->signature)) < 0)
		return -1;
	shown += rc;
	if (shown == 0)
		tpl_show(diff, "NO_DIFF");
	return 0;
}

struct compare_side admin_compare_revision(const struct revision_full *rev)
{
	return (struct compare_side){rev->title, rev->teaser, rev->body, rev->signature};
}
