/* view.h: how an item is put into a template dictionary, shared by the pages that show items. */
#ifndef PRESSROOM_VIEW_H
#define PRESSROOM_VIEW_H

#include <time.h>

struct req;
struct item;
struct tpl_dict;

/* The fields a list row shows: URL, title, type, date (dd.mm.yyyy and ISO), teaser. */
void view_item_summary(struct req *r, struct tpl_dict *d, const struct item *it);
/* Everything a reader sees: the summary fields, the long date, the rendered body and the signature block.
 * Returns 0, or -1 if the body could not be rendered. */
int view_item_full(struct req *r, struct tpl_dict *d, const struct item *it);

/* A row's moment: AT, formatted by fmt in zone (UTC if zone is NULL), and AT_ISO for <time datetime>. */
void view_set_at(struct tpl_dict *d, const char *zone, time_t at, const char *fmt);

/* Newer and older links of a list at base (a path without a query): sections PREV and NEXT of d. */
void view_pager(struct req *r, struct tpl_dict *d, const char *base, long long page, int more);

#endif
