/* route.c: the route table and the gate every request passes. */
#include "route.h"

#include <string.h>

#include "auth.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "media_multipart.h"
#include "media_public.h"
#include "req.h"
#include "resp.h"
#include "site.h"
#include "valid.h"

#define READ (METHOD_GET | METHOD_HEAD)
#define ITEM_FIELDS                                                                                       \
	(KEYBIT(KEY_ACTION) | KEYBIT(KEY_KIND) | KEYBIT(KEY_ITEM_TYPE) | KEYBIT(KEY_TITLE) | KEYBIT(KEY_TEASER) | \
	 KEYBIT(KEY_BODY) | KEYBIT(KEY_SIGNATURE) | KEYBIT(KEY_DATE) | KEYBIT(KEY_TIME) | KEYBIT(KEY_ZONE) |     \
	 KEYBIT(KEY_NOTE) | KEYBIT(KEY_VERSION) | KEYBIT(KEY_WHEN) | KEYBIT(KEY_CONFIRM) | KEYBIT(KEY_LANG) |     \
	 KEYBIT(KEY_NOTIFY))
#define ADMIN (ROUTE_LOGIN | ROUTE_NOSTORE)
#define ADMIN_FORM (ADMIN | ROUTE_KEEP_FORM)
/* The subscribe pages: no cache (a cookie, a token in the URL), the anonymous form's double-submit token. */
#define SUBSCRIBE_FORM (ROUTE_NOSTORE | ROUTE_FORM_COOKIE)
#define SUBSCRIBE_FIELDS (KEYBIT(KEY_EMAIL) | KEYBIT(KEY_RECEIVE))

const struct route route_table[PAGE__MAX] = {
	[PAGE_HOME] = {"/", page_home, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_MESSAGES] = {"/messages", page_messages, READ,
	                   KEYBIT(KEY_PAGE) | KEYBIT(KEY_TYPE) | KEYBIT(KEY_YEAR) | KEYBIT(KEY_MONTH) | KEYBIT(KEY_Q) |
	                       KEYBIT(KEY_LANG),
	                   0, SEG_NONE, NULL},
	[PAGE_FEED_ALL] = {"/feed.atom", page_feed, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_FEED_RELEASES] = {"/releases/feed.atom", page_feed, READ, 0, 0, SEG_NONE, "release"},
	[PAGE_FEED_EVENTS] = {"/events/feed.atom", page_feed, READ, 0, 0, SEG_NONE, "event"},
	[PAGE_SITEMAP] = {"/sitemap.xml", page_sitemap, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_SITEMAP_PART] = {"/sitemap/*", page_sitemap, READ, 0, 0, SEG_XML_PART, NULL},
	[PAGE_ROBOTS] = {"/robots.txt", page_robots, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_HEALTH] = {"/health", page_health, READ, 0, ROUTE_NOSTORE, SEG_NONE, NULL},
	[PAGE_RELEASE_TEXT] = {"/releases/*.txt", page_version_text, READ, 0, 0, SEG_VERSION_TEXT, "release"},
	[PAGE_RELEASE_SIGNATURE] = {"/releases/*.minisig", page_version_signature, READ, 0, 0, SEG_VERSION_TEXT,
	                            "release"},
	[PAGE_EVENT_TEXT] = {"/events/*.txt", page_version_text, READ, 0, 0, SEG_VERSION_TEXT, "event"},
	[PAGE_EVENT_SIGNATURE] = {"/events/*.minisig", page_version_signature, READ, 0, 0, SEG_VERSION_TEXT, "event"},
	[PAGE_RELEASE] = {"/releases/*", page_item, READ, 0, 0, SEG_ID_SLUG, "release"},
	[PAGE_EVENT] = {"/events/*", page_item, READ, 0, 0, SEG_ID_SLUG, "event"},
	[PAGE_PREVIEW] = {"/preview/*", page_preview, READ, 0, ROUTE_NOSTORE, SEG_TOKEN, NULL},
	[PAGE_ADMIN_LOGIN] = {"/admin/login", page_admin_login, READ | METHOD_POST,
	                      KEYBIT(KEY_USERNAME) | KEYBIT(KEY_PASSWORD) | ITEM_FIELDS | KEYBIT(KEY_RETURN), ROUTE_NOSTORE,
	                      SEG_NONE, NULL},
	[PAGE_ADMIN_LOGOUT] = {"/admin/logout", page_admin_logout, METHOD_POST, 0, ADMIN, SEG_NONE, NULL},
	[PAGE_MEDIA] = {"/media/*", page_media, READ, 0, 0, SEG_MEDIA, NULL},
	[PAGE_LANG_HOME] = {"/*/", page_home, READ, 0, 0, SEG_LANG, NULL},
	[PAGE_LANG_MESSAGES] = {"/*/messages", page_messages, READ,
	                        KEYBIT(KEY_PAGE) | KEYBIT(KEY_TYPE) | KEYBIT(KEY_YEAR) | KEYBIT(KEY_MONTH) | KEYBIT(KEY_Q) |
	                            KEYBIT(KEY_LANG),
	                        0, SEG_LANG, NULL},
	[PAGE_LANG_FEED_ALL] = {"/*/feed.atom", page_feed, READ, 0, 0, SEG_LANG, NULL},
	[PAGE_LANG_FEED_RELEASES] = {"/*/releases/feed.atom", page_feed, READ, 0, 0, SEG_LANG, "release"},
	[PAGE_LANG_FEED_EVENTS] = {"/*/events/feed.atom", page_feed, READ, 0, 0, SEG_LANG, "event"},
	[PAGE_ADMIN_LIST] = {"/admin", page_admin_list, READ, KEYBIT(KEY_PAGE) | KEYBIT(KEY_STATUS) | KEYBIT(KEY_Q), ADMIN,
	                     SEG_NONE, NULL},
	[PAGE_ADMIN_NEW] = {"/admin/new", page_admin_edit, READ | METHOD_POST, ITEM_FIELDS, ADMIN_FORM | ROUTE_FILES,
	                    SEG_NONE, NULL},
	[PAGE_ADMIN_ITEM] = {"/admin/items/*", page_admin_edit, READ | METHOD_POST, ITEM_FIELDS | KEYBIT(KEY_DONE),
	                     ADMIN_FORM | ROUTE_FILES, SEG_ID, NULL},
	[PAGE_ADMIN_WITHDRAW] = {"/admin/items/*/withdraw", page_admin_withdraw, READ | METHOD_POST, KEYBIT(KEY_NOTE)
	                         | KEYBIT(KEY_VERSION), ADMIN | ROUTE_PUBLISHER, SEG_ID, NULL},
	[PAGE_ADMIN_SENDBACK] = {"/admin/items/*/sendback", page_admin_sendback, METHOD_POST, KEYBIT(KEY_COMMENT)
	                         | KEYBIT(KEY_VERSION), ADMIN | ROUTE_PUBLISHER, SEG_ID, NULL},
	[PAGE_ADMIN_SHARE] = {"/admin/items/*/share", page_admin_share, METHOD_POST, KEYBIT(KEY_VERSION), ADMIN, SEG_ID,
	                      NULL},
	[PAGE_ADMIN_REVOKE] = {"/admin/items/*/revoke", page_admin_revoke, METHOD_POST, KEYBIT(KEY_VERSION), ADMIN,
	                       SEG_ID, NULL},
	[PAGE_ADMIN_TRANSLATE] = {"/admin/items/*/translate", page_admin_edit, READ | METHOD_POST, ITEM_FIELDS,
	                          ADMIN_FORM | ROUTE_FILES, SEG_ID, "translate"},
	[PAGE_ADMIN_CHECKED] = {"/admin/items/*/checked", page_admin_checked, METHOD_POST, KEYBIT(KEY_NOTE), ADMIN,
	                        SEG_ID, NULL},
	[PAGE_ADMIN_LOG] = {"/admin/log", page_admin_log, READ, KEYBIT(KEY_PAGE), ADMIN | ROUTE_PUBLISHER, SEG_NONE,
	                    NULL},
	[PAGE_ADMIN_REVISIONS] = {"/admin/items/*/revisions", page_admin_revisions, READ, KEYBIT(KEY_REV) | KEYBIT(KEY_TO),
	                          ADMIN, SEG_ID, NULL},
	[PAGE_ADMIN_RESTORE] = {"/admin/items/*/restore", page_admin_restore, METHOD_POST,
	                        KEYBIT(KEY_REV) | KEYBIT(KEY_VERSION), ADMIN, SEG_ID, NULL},
	[PAGE_ADMIN_ACCOUNT] = {"/admin/account", page_admin_account, READ | METHOD_POST,
	                        KEYBIT(KEY_PASSWORD) | KEYBIT(KEY_NEW_PASSWORD) | KEYBIT(KEY_DONE), ADMIN, SEG_NONE, NULL},
	[PAGE_SIGNING_KEY] = {"/signing-key.pub", page_signing_key, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_HISTORY_TEXT] = {"/history.txt", page_history_text, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_HISTORY_HEAD] = {"/history-head.txt", page_history_head, READ, 0, 0, SEG_NONE, NULL},
	[PAGE_HISTORY_HEAD_SIGNATURE] = {"/history-head.txt.minisig", page_history_head, READ, 0, 0, SEG_NONE, "signature"},
	[PAGE_SUBSCRIBE] = {"/subscribe", page_subscribe, READ | METHOD_POST, SUBSCRIBE_FIELDS, SUBSCRIBE_FORM, SEG_NONE,
	                    NULL},
	[PAGE_LANG_SUBSCRIBE] = {"/*/subscribe", page_subscribe, READ | METHOD_POST, SUBSCRIBE_FIELDS, SUBSCRIBE_FORM,
	                         SEG_LANG, NULL},
	[PAGE_SUBSCRIBE_CONFIRM] = {"/subscribe/confirm", page_subscribe_confirm, READ | METHOD_POST, KEYBIT(KEY_TOKEN),
	                            SUBSCRIBE_FORM, SEG_NONE, NULL},
	[PAGE_LANG_SUBSCRIBE_CONFIRM] = {"/*/subscribe/confirm", page_subscribe_confirm, READ | METHOD_POST,
	                                 KEYBIT(KEY_TOKEN), SUBSCRIBE_FORM, SEG_LANG, NULL},
	[PAGE_SUBSCRIPTION] = {"/subscription", page_subscription, READ | METHOD_POST, SUBSCRIBE_FIELDS | KEYBIT(KEY_TOKEN),
	                       SUBSCRIBE_FORM, SEG_NONE, NULL},
	[PAGE_LANG_SUBSCRIPTION] = {"/*/subscription", page_subscription, READ | METHOD_POST,
	                            SUBSCRIBE_FIELDS | KEYBIT(KEY_TOKEN), SUBSCRIBE_FORM, SEG_LANG, NULL},
	[PAGE_UNSUBSCRIBE] = {"/unsubscribe", page_unsubscribe, METHOD_POST, KEYBIT(KEY_TOKEN) | KEYBIT(KEY_ONE_CLICK),
	                      ROUTE_NOSTORE | ROUTE_URL_TOKEN, SEG_NONE, NULL},
	[PAGE_LANG_UNSUBSCRIBE] = {"/*/unsubscribe", page_unsubscribe, METHOD_POST,
	                           KEYBIT(KEY_TOKEN) | KEYBIT(KEY_ONE_CLICK), ROUTE_NOSTORE | ROUTE_URL_TOKEN, SEG_LANG, NULL},
	[PAGE_ADMIN_SUBSCRIBERS] = {"/admin/subscribers", page_admin_subscribers, READ, 0, ADMIN | ROUTE_PUBLISHER,
	                            SEG_NONE, NULL},
	[PAGE_HISTORY] = {"/history", page_history, READ, KEYBIT(KEY_PAGE), 0, SEG_NONE, NULL},
	[PAGE_LANG_HISTORY] = {"/*/history", page_history, READ, KEYBIT(KEY_PAGE), 0, SEG_LANG, NULL},
	[PAGE_HISTORY_TEXT_SIGNATURE] = {"/history.txt.minisig", page_history_text, READ, 0, 0, SEG_NONE, "signature"},
	[PAGE_VERIFY] = {"/verify", page_verify, READ | METHOD_POST, KEYBIT(KEY_TEXT), ROUTE_ANON_POST, SEG_NONE, NULL},
	[PAGE_LANG_VERIFY] = {"/*/verify", page_verify, READ | METHOD_POST, KEYBIT(KEY_TEXT), ROUTE_ANON_POST, SEG_LANG,
	                      NULL},
	[PAGE_SIGNING_KEYS] = {"/signing-keys", page_signing_keys, READ, 0, 0, SEG_NONE, NULL},
};

/* ---- the '*' segments: each kind's check, and what a visitor reads when it fails ---- */

static int seg_id_slug(const char *s, struct req_seg *out)
{
	return valid_id_slug(s, &out->id, &out->slug);
}

/* <id>-<slug>[.v<N>].txt, with .minisig after it for a signature: the slug is not checked (the text is the
 * item's whatever its title became), the version is 1 or more when given. */
static int seg_version_text(const char *s, struct req_seg *out)
{
	char head[512];
	size_t len = strlen(s);
	if (len > 8 && strcmp(s + len - 8, ".minisig") == 0)
		len -= 8;
	if (len < 5 || len >= sizeof head || memcmp(s + len - 4, ".txt", 4) != 0)
		return 0;
	len -= 4;
	memcpy(head, s, len);
	head[len] = '\0';
	char *dot = strrchr(head, '.');
	long long n = 0;
	if (dot && dot[1] == 'v' && dot[2] != '\0' && strspn(dot + 2, "0123456789") == strlen(dot + 2)) {
		if (!valid_positive(dot + 2, 1000000, &n))
			return 0;
		*dot = '\0';
	}
	const char *slug;
	if (!valid_id_slug(head, &out->id, &slug))
		return 0;
	out->version = (int)n;
	return 1;
}

static int seg_id(const char *s, struct req_seg *out)
{
	return valid_positive(s, VALID_ID_MAX, &out->id);
}

static int seg_token(const char *s, struct req_seg *out)
{
	(void)out;
	return auth_token_valid(s);
}

static int seg_xml_part(const char *s, struct req_seg *out)
{
	char digits[8];
	size_t len = strlen(s);
	if (len < 5 || len - 4 >= sizeof digits || strcmp(s + len - 4, ".xml") != 0)
		return 0;
	memcpy(digits, s, len - 4);
	digits[len - 4] = '\0';
	return valid_positive(digits, 100000, &out->id);
}

/* Only the shape: a misspelt name is a 404 before any lookup (no database, no disk). */
static int seg_media(const char *s, struct req_seg *out)
{
	char file[65];
	enum media_format format;
	(void)out;
	return media_segment(s, file, &format);
}

/* The shape only: whether it is one of the site's languages is the gate's question (it needs the site). */
static int seg_lang(const char *s, struct req_seg *out)
{
	(void)out;
	return valid_lang_tag(s);
}

static const struct {
	int (*check)(const char *segment, struct req_seg *out);
	const char *missing;
} segs[SEG__MAX] = {
	[SEG_ID_SLUG] = {seg_id_slug, I18N_NOOP("There is no page at this address.")},
	[SEG_ID] = {seg_id, I18N_NOOP("There is no item with this number.")},
	[SEG_TOKEN] = {seg_token, I18N_NOOP("This preview link does not exist.")},
	[SEG_XML_PART] = {seg_xml_part, I18N_NOOP("There is no such sitemap.")},
	[SEG_LANG] = {seg_lang, I18N_NOOP("There is no page at this address.")},
	[SEG_MEDIA] = {seg_media, I18N_NOOP("There is no file at this address.")},
	[SEG_VERSION_TEXT] = {seg_version_text, I18N_NOOP("There is no published text at this address.")},
};

int route_segment(enum seg seg, const char *segment, struct req_seg *out, const char **missing)
{
	*out = (struct req_seg){0};
	*missing = NULL;
	if (seg == SEG_NONE ? segment == NULL : segment != NULL && segs[seg].check(segment, out))
		return 1;
	*out = (struct req_seg){0};
	*missing = seg == SEG_NONE ? "There is no page at this address." : segs[seg].missing;
	return 0;
}

/* Does path match pattern? A '*' takes one non-empty segment, returned in *arg. */
static int matches(const char *pat, const char *path, const char **arg)
{
	const char *star = strchr(pat, '*');
	if (star == NULL)
		return strcmp(pat, path) == 0;
	size_t before = (size_t)(star - pat);
	if (strncmp(pat, path, before) != 0)
		return 0;
	const char *seg = path + before, *rest = star + 1;
	size_t seglen = strcspn(seg, "/"), suffix = strcspn(rest, "/");   /* "*.txt": the segment's end */
	if (seglen <= suffix || memcmp(seg + seglen - suffix, rest, suffix) != 0 || strcmp(rest + suffix, seg + seglen) != 0)
		return 0;
	*arg = seg;
	return 1;
}

const struct route *route_match(const char *path, const char **arg)
{
	for (int i = 0; i < PAGE__MAX; i++) {
		*arg = NULL;
		if (matches(route_table[i].pattern, path, arg))
			return &route_table[i];
	}
	*arg = NULL;
	return NULL;
}

static void allow_header(struct req *r, unsigned methods)
{
	char allow[32] = "";
	if (methods & METHOD_GET)
		strcat(allow, "GET, ");
	if (methods & METHOD_HEAD)
		strcat(allow, "HEAD, ");
	if (methods & METHOD_POST)
		strcat(allow, "POST, ");
	allow[strlen(allow) - 2] = '\0';
	resp_header(r, "Allow", allow);
}

/* Validate pairs against the route's keys. Keys it does not take are ignored (campaign tags and the like);
 * a malformed query key is a 400. A key given twice is a 400 too, except with first_wins (public pages,
 * whose non-canonical URLs redirect): there the first value counts and the others are ignored like unknown
 * keys. Form fields keep their errors for the page, with a log line (resp_error logs the 400s). */
static int check_inputs(struct req *r, const struct kv *pairs, size_t n, unsigned long long keys, int form, int first_wins)
{
	for (size_t i = 0; i < n; i++) {
		enum key k = input_key(pairs[i].key);
		/* lang is both: a query key (?lang=) and the statement form's language, checked alike. */
		if (k == KEY__MAX || k == KEY_CSRF || !(keys & KEYBIT(k)) ||
		    (input_is_field(k) != form && !(form && k == KEY_LANG)))
			continue;
		if (r->in[k].set && first_wins)
			continue;
		if (r->in[k].set) {
			resp_error(r, 400, "A parameter was given more than once.");
			return -1;
		}
		if (!input_check(r->arena, k, pairs[i].value, &r->in[k])) {
			resp_error(r, 400, "A parameter has a value that is not allowed.");
			return -1;
		}
		if (r->in[k].error)
			log_warn("%s %s: form field %s %s", r->method_name, r->path, pairs[i].key, r->in[k].error);
	}
	return 0;
}

/* A public page's query string must be the canonical one (input_query_string) of the values it took, or
 * the visitor is sent there: junk keys, repeated keys, another order, defaults spelled out or another
 * percent-encoding would each be a separate entry in a cache keyed on the URI. Returns 1 if redirected. */
static int canonical_redirect(struct req *r)
{
	const char *canon = input_query_string(r->arena, r->in);
	const char *sent = r->raw_query;
	if (sent == NULL ? canon[0] == '\0' : canon[0] != '\0' && strcmp(sent, canon + 1) == 0)
		return 0;
	const char *path = req_encode_path(r->arena, r->path);
	char *to = arena_alloc(r->arena, strlen(path) + strlen(canon) + 1);
	strcpy(to, path);
	strcat(to, canon);
	resp_redirect(r, 301, to);
	return 1;
}

/* The one CSRF token the form carries, or NULL if it has none or several. */
static const char *form_csrf(struct req *r)
{
	const char *token = NULL;
	for (size_t i = 0; i < r->nform; i++) {
		if (strcmp(r->form[i].key, "csrf") != 0)
			continue;
		if (token)
			return NULL;
		token = r->form[i].value;
	}
	return token;
}

/* A multipart/form-data body read whole like a urlencoded one: its text fields into r->form, any file part
 * dropped. RFC 8058 asks one-click unsubscribes to come so (SHOULD; urlencoded MAY). 0, or -1 answered. */
static int small_multipart(struct req *r)
{
	const char *why = "The form is malformed.";
	const char *boundary = mp_boundary(r->arena, r->body_type);
	const struct mp_limits limits = {.text_max = 65536, .file_max = 0};
	const struct mp_sink drop = {0};
	struct mp_part *parts = NULL;
	size_t n = 0;
	struct mp *p = boundary ? mp_new(r->arena, boundary, &limits, &drop) : NULL;
	if (p == NULL || mp_feed(p, r->body_in, strlen(r->body_in), &why) != 0 || mp_finish(p, &parts, &n, &why) != 0) {
		resp_error(r, 400, why);
		return -1;
	}
	r->form = arena_alloc(r->arena, (n ? n : 1) * sizeof *r->form);
	r->nform = 0;
	for (size_t i = 0; i < n; i++)
		if (parts[i].filename == NULL)
			r->form[r->nform++] = (struct kv){parts[i].name, parts[i].value};
	return 0;
}

static int form_body(struct req *r, int small_multipart_ok)
{
	if (r->multipart)
		return 0; /* read and split by media_upload_read, for a ROUTE_FILES route only (serve.c) */
	const char *type = r->body_type ? r->body_type : "";
	if (small_multipart_ok && strncasecmp(type, "multipart/form-data", 19) == 0)
		return small_multipart(r);
	const char *want = "application/x-www-form-urlencoded";
	size_t n = strlen(want);
	if (strncasecmp(type, want, n) != 0 || (type[n] != '\0' && type[n] != ';' && type[n] != ' ')) {
		resp_error(r, 415, "This form must be sent as application/x-www-form-urlencoded.");
		return -1;
	}
	const char *why = "";
	if (req_parse_pairs(r->arena, r->body_in, &r->form, &r->nform, 0, &why) != 0) {
		resp_error(r, 400, why);
		return -1;
	}
	return 0;
}

/* The interface's language for this request (route.h): that of the path's first segment when it is one of the site's
 * languages but the primary (/ru/..., error pages too), else the primary. The item page changes it to its
 * item's. A worker keeps the language between requests, so every request names it. */
void route_language(struct req *r, const char *path)
{
	const struct site *s = r->site;
	i18n_use(s && s->nlanguages > 0 ? s->languages[0] : "en");
	if (s == NULL || path == NULL || path[0] != '/')
		return;
	const char *first = path + 1;
	size_t n = strcspn(first, "/");
	for (int i = 1; i < s->nlanguages; i++)
		if (strlen(s->languages[i]) == n && strncmp(first, s->languages[i], n) == 0 && first[n] == '/')
			i18n_use(s->languages[i]);
	r->site = site_in_language(s, i18n_lang()); /* its name and tagline in that language */
}

void route_dispatch(struct req *r)
{
	route_language(r, r->path);
	const struct route *rt = route_match(r->path, &r->arg);
	if (rt == NULL) {
		r->cacheable = (r->method & READ) != 0;
		resp_error(r, 404, "There is no page at this address.");
		return;
	}
	if (r->arg)
		r->arg = arena_strndup(r->arena, r->arg, strcspn(r->arg, "/"));
	/* Only public reads keep the request's read transaction (serve.c): a signed-in page touches its
	 * session, a form writes, and a write must not start inside an older snapshot. */
	if ((rt->flags & (ROUTE_NOSTORE | ROUTE_LOGIN)) || r->method == METHOD_POST)
		db_read_end(r->db);
	if (rt->flags & (ROUTE_NOSTORE | ROUTE_LOGIN))
		resp_header(r, "Cache-Control", "no-store");
	else
		r->cacheable = (r->method & READ) != 0;
	if (!(rt->methods & r->method)) {
		allow_header(r, rt->methods);
		resp_error(r, 405, "This address does not take that method.");
		return;
	}
	int public = !(rt->flags & (ROUTE_NOSTORE | ROUTE_LOGIN));
	if (check_inputs(r, r->query, r->nquery, rt->keys, 0, public) != 0)
		return;
	if (public && r->method != METHOD_POST && canonical_redirect(r))   /* a redirect would drop the form */
		return;
	int post = r->method == METHOD_POST;
	if (post && (form_body(r, (rt->flags & ROUTE_URL_TOKEN) != 0) != 0 || check_inputs(r, r->form, r->nform, rt->keys, 1, 0) != 0))
		return;

	if (rt->flags & ROUTE_LOGIN) {
		int live = auth_session(r);
		if (live < 0) {
			resp_error(r, 500, "The session could not be checked. The error has been logged.");
			return;
		}
		if (live == 0) {
			if (post && (rt->flags & ROUTE_KEEP_FORM) && auth_form_was_ours(r, form_csrf(r)) == 1)
				page_admin_login_keep(r); /* the fields ride through a sign-in, nothing is saved */
			else if (post)
				resp_error(r, 403, "Your session has ended. Sign in again, then repeat the action.");
			else
				resp_redirect(r, 303, "/admin/login");
			return;
		}
	}
	if (post && !(rt->flags & (ROUTE_URL_TOKEN | ROUTE_ANON_POST))) {
		/* Without a session (the sign-in form) the token is the sign-in cookie's, or the form cookie's on a
		 * public form. Both must have the shape auth_random_hex gives: otherwise an empty or made-up pair
		 * (x and x) would match. */
		const char *sent = form_csrf(r);
		const char *expected = (rt->flags & ROUTE_LOGIN) ? r->csrf
		                       : auth_cookie(r, (rt->flags & ROUTE_FORM_COOKIE) ? AUTH_FORM_COOKIE : AUTH_LOGIN_COOKIE);
		if (sent == NULL || expected == NULL || !auth_token_valid(sent) || !auth_token_valid(expected) ||
		    !auth_equal(sent, expected)) {
			const char *missing;
			if ((rt->flags & ROUTE_KEEP_FORM) && (rt->flags & ROUTE_LOGIN) && auth_form_was_ours(r, sent) == 1 &&
			    route_segment(rt->seg, r->arg, &r->seg, &missing)) {
				/* A form from this officer's earlier sign-in: shown again filled in, with the current
				 * token, saving nothing. */
				log_warn("%s %s: stale CSRF token from a signed-in officer: form shown again", r->method_name, r->path);
				page_admin_form_kept(r, r->seg.id);
				return;
			}
			resp_error(r, 403, "This form has expired or did not come from this site. Reload the page and "
			                   "try again.");
			return;
		}
	}
	if ((rt->flags & ROUTE_PUBLISHER) && r->user.role != ROLE_PUBLISHER) {
		resp_error(r, 403, "Only a publisher may do this.");
		return;
	}
	/* Last, where the handlers used to read it: a bad segment is a 404 only to whoever may see the page. */
	const char *missing;
	if (!route_segment(rt->seg, r->arg, &r->seg, &missing) ||
	    (rt->seg == SEG_LANG && site_language_index(r->site, r->arg) <= 0)) {
		resp_error(r, 404, missing ? missing : "There is no page at this address.");
		return;
	}
	r->route_arg = rt->arg;
	rt->handler(r);
}
