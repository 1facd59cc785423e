/* layout.h: what every page shares: the header with the date, clocks and contacts, and the footer. */
#ifndef PRESSROOM_LAYOUT_H
#define PRESSROOM_LAYOUT_H

struct req;
struct tpl_dict;

/* Fill d with the shared header and footer and the page's <title>. Every page calls it before rendering. */
void layout_fill(struct req *r, struct tpl_dict *d, const char *title);

/* The same for the press officers' pages: the frame with the officer's name, the admin menu and the
 * sign-out form (which carries the session's CSRF token). */
void layout_admin_fill(struct req *r, struct tpl_dict *d, const char *title);

#endif
