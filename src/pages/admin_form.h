/* admin_form.h: what the item pages of the admin share (admin_edit.c renders, admin_actions.c acts). */
#ifndef PRESSROOM_ADMIN_FORM_H
#define PRESSROOM_ADMIN_FORM_H

struct req;
struct admin_item;
struct tpl_dict;

/* Read the item named by the route's '*' into *a. On 0 the response (404 or 500) is already made. */
int admin_item_from_arg(struct req *r, struct admin_item *a);
/* Show the edit page of a stored item, with a notice of a preview link just made when share_url is set. */
void admin_form_show_item(struct req *r, const struct admin_item *a, const char *share_url, long long expires);
/* Show the item page (409) saying it changed after version since, by whom and how, for an action started
 * from a page loaded before that change; nothing was done. */
void admin_form_show_conflict(struct req *r, const struct admin_item *a, long long since);
/* The statement form's fields the request carries, as HIDDEN sections (NAME, VALUE) of d: for a sign-in
 * that brings them back (admin_login.c). */
void admin_form_carry(struct req *r, struct tpl_dict *d);
/* The page that asks before withdrawing a (status) with the note field, and error above it (may be NULL). */
void admin_confirm_withdraw(struct req *r, const struct admin_item *a, int status, const char *error);

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
