/* diff.h: a word-level diff of two texts (Myers' O(ND) algorithm over word tokens), for showing officers
 * what changed between two versions of an item. Pure: no database, no HTML; the pages put each chunk in a
 * template section, so the text is escaped there like any other value. */
#ifndef PRESSROOM_DIFF_H
#define PRESSROOM_DIFF_H

#include <stddef.h>

/* Beyond this many differing words the middle of the two texts is shown as deleted and inserted whole:
 * the edit script's memory grows with its square (1,000: 4 MB), and such texts share little anyway. */
enum { DIFF_MAX_EDITS = 1000 };

enum diff_op { DIFF_SAME, DIFF_DEL, DIFF_INS };

/* One run of text: kept, only in the old text, or only in the new one. */
struct diff_chunk {
	enum diff_op op;
	const char *text; /* NUL-terminated, owned by the arena */
};

/* What the diff cost, so tests can bound the work without timing it. */
struct diff_stats {
	size_t old_tokens, new_tokens; /* words of each side, after the common start and end are set aside */
	int edits;                     /* words deleted plus words inserted (the D of Myers' paper) */
	long steps;                    /* diagonals tried plus words compared along them */
	int gave_up;                   /* 1 when edits would exceed DIFF_MAX_EDITS */
};

struct arena;

/* The chunks that turn old into new, in order, into an array owned by a: runs of equal words, and between
 * them at most one deleted and then one inserted run. A word is a run of letters and digits (any
 * non-ASCII letter, Cyrillic included: a UTF-8 sequence is never split) or one punctuation mark, each
 * with the spaces after it; words are compared without those spaces, and kept text is shown as the new
 * side has it. NULL texts count as empty. Returns the number of chunks (0 when both are empty), or -1 if
 * memory ran out; *stats (may be NULL) says what it cost. */
int diff_words(struct arena *a, const char *old, const char *new_text, struct diff_chunk **out,
               struct diff_stats *stats);

#endif
