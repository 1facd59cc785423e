/* admin_form.h: what the item pages of the admin share (admin_edit.c renders, admin_actions.c acts). */
#ifndef PRESSROOM_ADMIN_FORM_H
#define PRESSROOM_ADMIN_FORM_H

struct req;
struct admin_item;

/* Read the item named by the route's '*' into *a. On 0 the response (404 or 500) is already made. */
int admin_item_from_arg(struct req *r, struct admin_item *a);
/* Show the edit page of a stored item, with a notice of a preview link just made when share_url is set. */
void admin_form_show_item(struct req *r, const struct admin_item *a, const char *share_url, long long expires);

/* Languages and translations (admin_translation.c). */
struct tpl_dict;
/* The form that adds the lang version of original: /admin/items/<original>/translate?lang=<lang>. */
const char *admin_translate_path(struct req *r, long long original, const char *lang);
/* On an item's page: its language, its other versions, "Add <language> version" for each site language its
 * group lacks, and the stale flag with the "checked, still accurate" form. */
void admin_translation_fill(struct req *r, struct tpl_dict *d, const struct admin_item *a);
/* Beside the form that translates original: the original's text, read-only. */
void admin_translation_source(struct req *r, struct tpl_dict *d, const struct admin_item *original);

#endif
