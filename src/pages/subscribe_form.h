/* subscribe_form.h: what the email alerts' public pages share (subscribe.c, subscription.c): the anonymous
 * form's anti-forgery token, the choice of what to receive and in which languages (read and shown), whether
 * alerts are offered at all, and the frame of subscribe.tpl. */
#ifndef PRESSROOM_PAGES_SUBSCRIBE_FORM_H
#define PRESSROOM_PAGES_SUBSCRIBE_FORM_H

#include "../subscriber_store.h"

struct req;
struct tpl_dict;

/* Alerts are offered when pressroom.conf sets smtp_url (docs/alerts.md). */
int subscribe_offered(void);
/* The form's CSRF token: the pressroom_form cookie's when the browser sent a good one, else a new one
 * with its Set-Cookie (the gate checks a post against the cookie: ROUTE_FORM_COOKIE). Owned by r. */
const char *subscribe_form_token(struct req *r);
/* A new subscribe.tpl dictionary with the page's frame (title in the language in use, path for <head>). */
struct tpl_dict *subscribe_page(struct req *r, const char *title, const char *path);
/* Read the posted receive and language fields into p. 1 acceptable; 0 with *why (an msgid) set for the
 * person; -1 when a language field is malformed (the gate's kind of 400: answered here). */
int subscribe_form_read(struct req *r, struct subscriber_prefs *p, const char **why);
/* The form section FORM of d, posting to action with the choices of p checked (what was posted, or
 * what is stored), and the message why (an msgid) if the post was refused. Returns the section. */
struct tpl_dict *subscribe_form_fill(struct req *r, struct tpl_dict *d, const char *action,
                                     const struct subscriber_prefs *p, const char *why);
/* A paragraph of text (already in the reader's language) in section NOTICE of d. */
void subscribe_notice(struct tpl_dict *d, const char *text);

#endif
