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

enum { REQ_MAX_PARAMS = 64, REQ_MAX_URI = 4096 };

struct req {
	struct arena *arena;      /* owns everything below that was allocated for this request */
	struct db *db;
	const struct site *site;
	time_t now;

	/* Request, as parsed by req_parse. */
	enum method method;
	const char *method_name;
	const char *path;         /* percent-decoded, valid UTF-8, no control characters */
	struct kv *query;         /* decoded query pairs, in order */
	size_t nquery;
	const char *arg;          /* the segment a route's '*' matched, or NULL */
	struct input in[KEY__MAX]; /* the route's keys, validated by the gate */

	/* Response. */
	int status;
	const char *content_type;
	struct buf headers;       /* extra "Name: value\r\n" lines */
	struct buf body;
};

/* Parse a method and a request URI into r (method, path, query). Returns 0, or an HTTP status (400, 414)
 * with a reason in *why. Pure: used by the worker and by the fuzzer. */
int req_parse(struct req *r, const char *method, const char *uri, const char **why);
/* Split a query string or form body into decoded pairs. Returns 0, or -1 with a reason in *why. */
int req_parse_pairs(struct arena *a, const char *s, struct kv **out, size_t *n, const char **why);
/* Percent-decode s[0..len) ('+' as space when plus is set) into the arena. NULL if an escape is bad. */
char *req_decode(struct arena *a, const char *s, size_t len, int plus);

#endif
