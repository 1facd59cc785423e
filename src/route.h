/* route.h: the one table of URLs. Each route names its handler, the methods it takes, the query keys and
 * form fields it accepts, and its flags; route_dispatch enforces all of them before any handler runs, so
 * a new page cannot forget a login check, a CSRF check or no-store. */
#ifndef PRESSROOM_ROUTE_H
#define PRESSROOM_ROUTE_H

#include "pages/pages.h"
#include "req.h"

enum page {
	PAGE_HOME,
	PAGE_MESSAGES,
	PAGE_FEED_ALL,       /* the feeds come before /releases/ and /events/: the first match wins */
	PAGE_FEED_RELEASES,
	PAGE_FEED_EVENTS,
	PAGE_SITEMAP,
	PAGE_SITEMAP_PART,
	PAGE_ROBOTS,
	PAGE_HEALTH,
	PAGE_RELEASE_TEXT,   /* <item URL>[.v<N>].txt and .txt.minisig come before the items: first match wins */
	PAGE_RELEASE_SIGNATURE,
	PAGE_EVENT_TEXT,
	PAGE_EVENT_SIGNATURE,
	PAGE_RELEASE,
	PAGE_EVENT,
	PAGE_PREVIEW,
	PAGE_ADMIN_LOGIN,
	PAGE_ADMIN_LOGOUT,
	PAGE_ADMIN_LIST,
	PAGE_ADMIN_NEW,
	PAGE_ADMIN_ITEM,
	PAGE_ADMIN_WITHDRAW,
	PAGE_ADMIN_SENDBACK,
	PAGE_ADMIN_SHARE,
	PAGE_ADMIN_REVOKE,
	PAGE_ADMIN_TRANSLATE,
	PAGE_ADMIN_CHECKED,
	PAGE_ADMIN_LOG,
	PAGE_MEDIA,
	PAGE_LANG_HOME,          /* /ru/ and the rest: the public pages in a language other than the primary */
	PAGE_LANG_MESSAGES,
	PAGE_LANG_FEED_ALL,
	PAGE_LANG_FEED_RELEASES,
	PAGE_LANG_FEED_EVENTS,
	PAGE_ADMIN_REVISIONS,
	PAGE_ADMIN_RESTORE,
	PAGE_ADMIN_ACCOUNT,
	PAGE_SIGNING_KEY,
	PAGE_HISTORY_TEXT,
	PAGE_HISTORY_HEAD,
	PAGE_HISTORY_HEAD_SIGNATURE,
	PAGE_SUBSCRIBE,          /* email alerts (issue 16): subscribe, confirm, preferences, one-click unsubscribe */
	PAGE_LANG_SUBSCRIBE,
	PAGE_SUBSCRIBE_CONFIRM,
	PAGE_LANG_SUBSCRIBE_CONFIRM,
	PAGE_SUBSCRIPTION,
	PAGE_LANG_SUBSCRIPTION,
	PAGE_UNSUBSCRIBE,
	PAGE_LANG_UNSUBSCRIBE,
	PAGE_ADMIN_SUBSCRIBERS,
	PAGE_HISTORY,
	PAGE_LANG_HISTORY,
	PAGE_HISTORY_TEXT_SIGNATURE,
	PAGE_VERIFY,
	PAGE_LANG_VERIFY,
	PAGE_SIGNING_KEYS,
	PAGE__MAX
};

enum route_flag {
	ROUTE_LOGIN = 1u << 0,     /* needs a live session: GET goes to the sign-in page, POST gets 403 */
	ROUTE_PUBLISHER = 1u << 1, /* and the publisher role */
	ROUTE_NOSTORE = 1u << 2,   /* Cache-Control: no-store (every ROUTE_LOGIN route has it too) */
	ROUTE_FILES = 1u << 3,     /* takes multipart/form-data with files too (media_upload.c) */
	ROUTE_KEEP_FORM = 1u << 4, /* a POST refused for an ended session or a stale CSRF token keeps its fields:
	                              a sign-in form carries them through, or the form comes back filled in */
	ROUTE_FORM_COOKIE = 1u << 5, /* a public form without a session: its CSRF token is the pressroom_form
	                                cookie's (double-submit), which the page's GET sets */
	ROUTE_URL_TOKEN = 1u << 6, /* a POST whose authority is the token in its URL, with no CSRF token: RFC 8058's
	                              one-click unsubscribe, which mail providers post without any cookie */
	ROUTE_ANON_POST = 1u << 7, /* a POST that anyone may send and that changes nothing (the /verify check):
	                              no CSRF token, as there is no session to ride and nothing to forge */
};

/* What a route's '*' segment must hold. route_dispatch checks it before the handler runs and hands the
 * handler the value read from it in r->seg; a segment that does not fit is a 404, with the message of its
 * kind (no handler parses a path). */
enum seg {
	SEG_NONE,     /* the route has no '*' */
	SEG_ID_SLUG,  /* <id> or <id>-<slug>: r->seg.id, r->seg.slug */
	SEG_ID,       /* <id>: r->seg.id */
	SEG_TOKEN,    /* a preview token, AUTH_TOKEN_HEX lower-case hex digits: r->arg */
	SEG_XML_PART, /* <n>.xml, n from 1 to 100000: r->seg.id */
	SEG_MEDIA,    /* <sha256>.<webp|jpg|pdf>, lower-case hex (media_segment): r->arg */
	SEG_LANG,     /* one of the site's languages but the primary (valid_lang_tag, then the site): r->arg */
	SEG_VERSION_TEXT, /* <id>-<slug>[.v<N>].txt[.minisig]: r->seg.id, r->seg.version (0: the newest) */
	SEG__MAX
};

/* Every POST is checked for its CSRF token: against the session's on ROUTE_LOGIN routes, against the
 * sign-in cookie on the sign-in page, against the form cookie on ROUTE_FORM_COOKIE routes (but for
 * ROUTE_URL_TOKEN's). A GET never changes state. */
struct route {
	const char *pattern;  /* a path; a '*' stands for one non-empty segment (at most one star), or for its
	                       * start when text follows in the segment ("*.txt": a segment ending in .txt) */
	page_fn *handler;
	unsigned methods;     /* enum method bits */
	unsigned long long keys; /* KEYBIT()s of the query keys and form fields it accepts */
	unsigned flags;       /* enum route_flag bits */
	enum seg seg;         /* what the '*' segment holds */
	const char *arg;      /* for the handler, as r->route_arg: the kind of items a route shows, or NULL */
};

extern const struct route route_table[PAGE__MAX];

/* The route for path, and where the segment its '*' matched starts in *arg (or NULL); the segment ends at
 * the next '/' or the end. NULL if no route matches. route_dispatch gives pages the segment alone. */
const struct route *route_match(const char *path, const char **arg);
/* Check segment (the '*' part alone, without what follows) against seg and read it into out. Returns 1,
 * or 0 with the 404 message for it in *missing. */
int route_segment(enum seg seg, const char *segment, struct req_seg *out, const char **missing);
/* Choose the interface's language for r (i18n_use): that of path's first segment when it is one of the
 * site's languages but the primary (/ru/...), else the primary. path: r->path, or the URI as sent when it
 * did not parse. */
void route_language(struct req *r, const char *path);
/* Run one parsed request: route, method (405), inputs (400), body type (415), session, CSRF (403), role
 * (403), handler. */
void route_dispatch(struct req *r);

#endif
