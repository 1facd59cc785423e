/* admin_compare.h: two versions of an item side by side, word by word (admin_compare.c), for the revision
 * pages and for the conflict a stale form meets. */
#ifndef PRESSROOM_ADMIN_COMPARE_H
#define PRESSROOM_ADMIN_COMPARE_H

struct req;
struct tpl_dict;
struct revision_full;

/* The texts compared: title, teaser, body, signature. */
struct compare_side {
	const char *title, *teaser, *body, *signature;
};

/* Include admin_diff.tpl as DIFF in d, with a word diff of each field that differs from old to new.
 * 0, or -1 if memory ran out (nothing shown then). */
int admin_compare_fill(struct req *r, struct tpl_dict *d, const struct compare_side *old,
                       const struct compare_side *new_side);
/* The fields of a revision, to compare. */
struct compare_side admin_compare_revision(const struct revision_full *rev);

#endif
