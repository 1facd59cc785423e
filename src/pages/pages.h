/* pages.h: the page handlers. Each takes a request whose route, method, inputs, session, CSRF token and
 * role the gate has checked, and leaves a response in it. One file per page (or per family) in src/pages/. */
#ifndef PRESSROOM_PAGES_H
#define PRESSROOM_PAGES_H

struct req;

typedef void page_fn(struct req *r);

/* Public. */
page_fn page_home;
page_fn page_messages;
page_fn page_item;
page_fn page_preview;
page_fn page_feed;
page_fn page_sitemap;
page_fn page_robots;
page_fn page_signing_key;
page_fn page_signing_keys;
page_fn page_version_text;
page_fn page_version_signature;
page_fn page_history_text;
page_fn page_history_head;
page_fn page_history;
page_fn page_verify;
page_fn page_health;
page_fn page_media;

/* Press officers. */
page_fn page_admin_login;
page_fn page_admin_logout;
page_fn page_admin_list;
page_fn page_admin_edit;
page_fn page_admin_withdraw;
page_fn page_admin_sendback;
page_fn page_admin_share;
page_fn page_admin_revoke;
page_fn page_admin_log;
page_fn page_admin_revisions;
page_fn page_admin_restore;
page_fn page_admin_account;
page_fn page_subscribe;           /* email alerts (issue 16): subscribe.c, subscription.c, admin_subscribers.c */
page_fn page_subscribe_confirm;
page_fn page_subscription;
page_fn page_unsubscribe;
page_fn page_admin_subscribers;
/* Not routes: what the gate answers a ROUTE_KEEP_FORM post whose session ended (a sign-in form carrying the
 * fields) or whose CSRF token is stale (the item form item_id, 0 for new, filled in from the post). */
page_fn page_admin_login_keep;
void page_admin_form_kept(struct req *r, long long item_id);
page_fn page_admin_checked;

#endif
