/* history.c: GET /history and /<lang>/history (/ru/history) -- the public log of every publication,
 * correction and withdrawal (docs/authenticity.md, section 3) as a page, newest first, 50 entries to a page
 * (?page=N). Each entry shows its number, time, change, the item's title linked to its page and to the
 * version's signed text, and the SHA-256 of that text; a correction, what it changed word by word (diff.c);
 * a withdrawal, its note. A scheduled item's entry is sealed before its time, as in /history.txt: its
 * number and hash alone. Public; the interface in the page's language. A page past the end is a 404. */
#include <string.h>

#include "../arena.h"
#include "../diff.h"
#include "../history_public.h"
#include "../i18n.h"
#include "../input.h"
#include "../item_public.h"
#include "../layout.h"
#include "../req.h"
#include "../resp.h"
#include "../site.h"
#include "../tpl.h"
#include "../view.h"
#include "pages.h"

enum { PER_PAGE = 50 };
/* The word diffs of one page may take this many steps (diff_stats.steps) in all; each diff alone is bounded
 * by DIFF_MAX_EDITS (a 100 kB body rewritten throughout: about 500,000 steps, 2 ms). Past the budget, a
 * correction links the text before it instead of a diff, so a page of long, much-rewritten corrections
 * costs a bounded amount of work: four such diffs, and the one that crossed it. */
static const long DIFF_BUDGET = 2000000;

/* /history's page n in the language in use, in the canonical form the gate redirects to. */
static const char *history_url(struct req *r, long long page)
{
	struct input in[KEY__MAX] = {0};
	in[KEY_PAGE] = (struct input){.set = 1, .i = page};
	return arena_printf(r->arena, "%s%s", layout_lang_path(r, "/history"), input_query_string(r->arena, in));
}

/* One field's word diff as sections of plain text (ctemplate escapes it); nothing when it did not change.
 * Adds the diff's steps to *spent. Returns 1 (shown), 0 (unchanged), or -1 if memory ran out. */
static int field_diff(struct req *r, struct tpl_dict *d, const char *label, const char *old, const char *new_text,
                      long *spent)
{
	if (strcmp(old, new_text) == 0)
		return 0;
	struct diff_chunk *c;
	struct diff_stats stats;
	int n = diff_words(r->arena, old, new_text, &c, &stats);
	if (n < 0)
		return -1;
	*spent += stats.steps;
	struct tpl_dict *f = tpl_section(d, "DIFF_FIELD");
	tpl_set(f, "LABEL", label);
	static const char *const kind[] = {[DIFF_SAME] = "SAME", [DIFF_DEL] = "DEL", [DIFF_INS] = "INS"};
	for (int i = 0; i < n; i++)
		tpl_set(tpl_section(tpl_section(f, "CHUNK"), kind[c[i].op]), "TEXT", c[i].text);
	return 1;
}

static int correction(struct req *r, struct tpl_dict *e, const struct history_entry *h, const char *path,
                      long *spent)
{
	if (*spent >= DIFF_BUDGET) {
		struct tpl_dict *s = tpl_section(e, "DIFF_SKIPPED");
		tpl_set(s, "BEFORE_URL", arena_printf(r->arena, "%s.v%d.txt", path, h->version - 1));
		tpl_set(s, "BEFORE_LABEL", arena_printf(r->arena, i18n_text("version %d"), h->version - 1));
		return 0;
	}
	const struct history_words *o = &h->before, *w = &h->words;
	const char *label[] = {i18n_text("Title"), i18n_text("Teaser"), i18n_text("Text"), i18n_text("Signature block")};
	const char *before[] = {o->title, o->teaser, o->body, o->signature};
	const char *after[] = {w->title, w->teaser, w->body, w->signature};
	struct tpl_dict *d = NULL;
	for (int i = 0; i < 4; i++) {
		if (strcmp(before[i], after[i]) == 0)
			continue;
		if (d == NULL)
			d = tpl_section(e, "DIFF");
		if (field_diff(r, d, label[i], before[i], after[i], spent) < 0)
			return -1;
	}
	if (d == NULL)   /* a correction of the files, the type or the time: the words are the same */
		tpl_show(e, "SAME_WORDS");
	return 0;
}

static int entry(struct req *r, struct tpl_dict *d, const struct history_entry *h, long *spent)
{
	struct tpl_dict *e = tpl_section(d, "ENTRY");
	tpl_set_int(e, "SEQ", h->seq);
	tpl_set(e, "HASH", h->hash);
	if (h->sealed) {
		tpl_show(e, "SEALED");
		return 0;
	}
	struct tpl_dict *s = tpl_section(e, "SHOWN");
	view_set_at(s, NULL, (time_t)h->at, "%Y-%m-%d %H:%M UTC");
	tpl_set(s, "CHANGE", h->change);
	tpl_set(s, "CHANGE_LABEL", history_change_label(h->change));
	const char *path = arena_printf(r->arena, "/%s/%lld-%s", item_kind_segment(h->kind), h->item_id, h->slug);
	tpl_set(s, "ITEM_URL", path);
	tpl_set(s, "TITLE", h->words.title);
	tpl_set(s, "VERSION_LABEL", arena_printf(r->arena, i18n_text("version %d"), h->version));
	tpl_set(s, "VERSION_URL", arena_printf(r->arena, "%s.v%d.txt", path, h->version));
	tpl_set(s, "TEXT_SHA256", h->text_sha256);
	tpl_set(s, "TEXT_SHA256_SHORT", arena_strndup(r->arena, h->text_sha256, 16));
	if (h->note[0])
		tpl_set(tpl_section(s, "NOTE"), "NOTE_TEXT", h->note);
	if (h->has_before)
		return correction(r, s, h, path, spent);
	return 0;
}

void page_history(struct req *r)
{
	long long page = r->in[KEY_PAGE].set ? r->in[KEY_PAGE].i : 1;
	struct history_entry *entries;
	long long total;
	int n = history_page(r->db, r->arena, r->now, page, PER_PAGE, &total, &entries);
	if (n < 0) {
		resp_error(r, 500, "The history could not be read. The error has been logged.");
		return;
	}
	if (n == 0 && page > 1) {
		resp_error(r, 404, "This page is past the end of the list.");
		return;
	}
	struct tpl_dict *d = tpl_dict_new();
	const char *title = page > 1 ? arena_printf(r->arena, "%s%s", i18n_text("History of changes"),
	                                            arena_printf(r->arena, i18n_text(", page %lld"), page))
	                             : i18n_text("History of changes");
	struct head head = {.title = title, .path = history_url(r, page)};
	head.every_language = layout_unprefixed(r, head.path);
	layout_fill(r, d, &head);
	tpl_set(d, "LIST_TITLE", title);
	tpl_set(d, "VERIFY_URL", layout_lang_path(r, "/verify"));
	long spent = 0;
	for (int i = 0; i < n; i++)
		if (entry(r, d, &entries[i], &spent) != 0) {
			resp_error(r, 500, "The history could not be shown. The error has been logged.");
			goto out;
		}
	if (n == 0)
		tpl_show(d, "NO_ENTRIES");
	int more = total - page * PER_PAGE > 0;
	if (page > 1 || more) {
		tpl_show(d, "PAGER");
		tpl_set_int(d, "PAGE", page);
	}
	if (page > 1)
		tpl_set(tpl_section(d, "PREV"), "PREV_URL", history_url(r, page - 1));
	if (more)
		tpl_set(tpl_section(d, "NEXT"), "NEXT_URL", history_url(r, page + 1));
	resp_render(r, d, "history.tpl");
out:
	tpl_dict_free(d);
}
