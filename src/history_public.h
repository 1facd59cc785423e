/* history_public.h: the public history (0015_authenticity.sql) a page at a time, as /history shows it: each
 * entry with the item and the words of its version, and for a correction those of the version before. */
#ifndef PRESSROOM_HISTORY_PUBLIC_H
#define PRESSROOM_HISTORY_PUBLIC_H
#include <time.h>

struct arena;
struct db;

/* The words of a version as its revision holds them: what its canonical text carries. */
struct history_words {
	const char *title, *teaser, *body, *signature;
};

struct history_entry {
	long long seq, at;
	const char *hash;          /* the entry's own hash (its line's SHA-256) */
	int sealed;                /* a scheduled item's entry before its time: nothing below is set */
	const char *change;        /* published, corrected, withdrawn */
	int version;
	const char *text_sha256;   /* the SHA-256 of the version's canonical text */
	long long item_id;
	const char *kind, *slug;   /* the item's kind and current slug: its URL today */
	const char *note;          /* the change or withdrawal note ("" for a first publication) */
	struct history_words words;
	int has_before;            /* a correction: before holds the version it corrected */
	struct history_words before;
};

/* Page page (1: the newest) of per entries, newest first, as the public may see them at now; *total: the
 * number of entries in the log. The page is found by entry number (numbers have no gaps), so any page
 * costs one indexed range read. Owned by a. Returns the number of entries, or -1 (logged). */
int history_page(struct db *db, struct arena *a, time_t now, long long page, int per, long long *total,
                 struct history_entry **out);

/* The label of an entry's change (history_entry.change: published, corrected, withdrawn) in the reader's
 * language: "Corrected", "Withdrawn", else "Published". /history and /verify both show it. */
const char *history_change_label(const char *change);

#endif
