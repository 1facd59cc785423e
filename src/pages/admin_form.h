/* admin_form.h: what the item pages of the admin share (admin_edit.c renders, admin_actions.c acts). */
#ifndef PRESSROOM_ADMIN_FORM_H
#define PRESSROOM_ADMIN_FORM_H

struct req;
struct admin_item;

/* Read the item named by the route's '*' into *a. On 0 the response (404 or 500) is already made. */
int admin_item_from_arg(struct req *r, struct admin_item *a);
/* Show the edit page of a stored item, with a notice of a preview link just made when share_url is set. */
void admin_form_show_item(struct req *r, const struct admin_item *a, const char *share_url, long long expires);
/* Show the item page (409) saying it changed after version since, by whom and how, for an action started
 * from a page loaded before that change; nothing was done. */
void admin_form_show_conflict(struct req *r, const struct admin_item *a, long long since);

#endif
