/* req.h: one request and its response, as the pages see it. The FastCGI side (serve.c) fills it from the
 * server's parameters and sends what the page left in it; pages never touch the wire. */
#ifndef PRESSROOM_REQ_H
#define PRESSROOM_REQ_H

#include <stddef.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "input.h"

struct db;
struct site;
struct media_upload;

enum method {
	METHOD_GET = 1u << 0,
	METHOD_HEAD = 1u << 1,
	METHOD_POST = 1u << 2,
	METHOD_OTHER = 1u << 3,
};

struct kv {
	const char *key;
	const char *value;
};

enum { REQ_MAX_PARAMS = 64, REQ_MAX_URI = 16384 };

enum role { ROLE_NONE, ROLE_EDITOR, ROLE_PUBLISHER };

/* The signed-in press officer, when the request carries a live session. */
struct user {
	long long id;
	const char *name;
	enum role role;
};

struct req {
	struct arena *arena;      /* owns everything below that was allocated for this request */
	struct db *db;
	const struct site *site;
	time_t now;

	/* Request, as parsed by req_parse. */
	enum method method;
	const char *method_name;
	const char *path;         /* percent-decoded, valid UTF-8, no control characters */
	const char *raw_query;    /* the query string as sent (after '?'), or NULL if the URI has no '?' */
	struct kv *query;         /* decoded query pairs, in order */
	size_t nquery;
	const char *arg;          /* the segment a route's '*' matched, or NULL */
	struct req_seg {          /* that segment as its route's validator read it (route.h enum seg) */
		long long id;     /* /releases/<id>-<slug>, /admin/items/<id>/..., /sitemap/<id>.xml; else 0 */
		const char *slug; /* /releases/<id>-<slug>: the slug ("" without one); else NULL */
		int version;      /* /releases/<id>-<slug>.v<N>.txt: N; else 0 */
	} seg;
	const char *route_arg;    /* the route's argument (struct route), e.g. the kind of a feed, or NULL */
	struct input in[KEY__MAX]; /* the route's keys, validated by the gate */
	const char *remote_addr;  /* the client, as nginx saw it */
	int https;                /* the request came over TLS: cookies get Secure */
	const char *cookie;       /* the Cookie header, or NULL */
	const char *server_name;  /* nginx's SERVER_NAME and SERVER_PORT: from its configuration, not the request */
	const char *server_port;
	const char *base_url;     /* PRESSROOM_BASE_URL from nginx's configuration, or NULL */
	const char *if_none_match;     /* conditional request headers, or NULL */
	const char *if_modified_since;
	const char *body_type;    /* the Content-Type of a POST body, or NULL */
	const char *body_in;      /* a POST body read by the worker (NUL-terminated), or NULL */
	struct kv *form;          /* its decoded pairs, parsed by the gate */
	size_t nform;
	struct media_upload *uploads; /* a multipart form's files (media_upload.h), with r->form its text */
	size_t nuploads;
	int multipart;            /* the body was multipart/form-data, read by media_upload_read */
	int upload_too_large;     /* a file or the whole form was over its limit: the page answers 413 */

	int cacheable;            /* a public GET or HEAD: validators and Cache-Control apply (set by the gate) */

	/* Set by the gate on routes that need a login. */
	struct user user;
	const char *csrf;         /* the session's form token, for the forms a page renders */

	/* Response. */
	int status;
	const char *content_type;
	struct buf headers;       /* extra "Name: value\r\n" lines */
	struct buf body;
};

/* Parse a method and a request URI into r (method, path, query). Returns 0, or an HTTP status (400, 414)
 * with a reason in *why. Pure: used by the worker and by the fuzzer. */
int req_parse(struct req *r, const char *method, const char *uri, const char **why);
/* Split a query string or form body into decoded pairs. With strict, every key and value must be valid
 * UTF-8 (a query); without, a form's fields are checked one by one later. Returns 0, or -1 with *why. */
int req_parse_pairs(struct arena *a, const char *s, struct kv **out, size_t *n, int strict, const char **why);
/* The value of cookie name in a Cookie header ("a=1; b=2"), copied into the arena, or NULL. A cookie
 * given twice is refused (NULL), since another site on the domain may have planted one. */
const char *req_cookie(struct arena *a, const char *header, const char *name);
/* path percent-encoded for a Location header: letters, digits, '/' and "-._~" as they are, every other
 * byte as %XX in capitals. Allocated in a. */
char *req_encode_path(struct arena *a, const char *path);
/* Percent-decode s[0..len) ('+' as space when plus is set) into the arena. NULL if an escape is bad, if
 * it decodes to NUL, or (with strict) if the result is not valid UTF-8. */
char *req_decode(struct arena *a, const char *s, size_t len, int plus, int strict);

#endif
