/* fuzz_req.c: the request parsers of req.c on any bytes: req_parse (method and URI, then the gate's next
 * steps: the route and each query key's validator), req_parse_pairs (a query string or a form body) and
 * req_decode (percent-decoding). The first byte picks the parser and its flags; the rest is the input.
 *
 * Properties: no memory error; a parsed path is one line of UTF-8 that starts with '/'; at most
 * REQ_MAX_PARAMS pairs with plain names; strict decoding gives valid UTF-8; text without '%' decodes to
 * itself; a public page's canonical URL (the gate's 301 target) is a fixed point: parsed again, it is
 * canonical, so a redirect cannot loop. */
#include "fuzz.h"

#include "req.h"
#include "route.h"
#include "valid.h"

/* The query string the gate would redirect a public route's request to (first value of a key wins), or
 * NULL if a value is invalid (a 400). */
static const char *canonical(struct arena *a, const struct route *rt, const struct req *r)
{
	struct input in[KEY__MAX];
	memset(in, 0, sizeof in);
	for (size_t i = 0; i < r->nquery; i++) {
		enum key k = input_key(r->query[i].key);
		if (k == KEY__MAX || !(rt->keys & KEYBIT(k)) || input_is_field(k) || in[k].set)
			continue;
		if (!input_check(a, k, r->query[i].value, &in[k]))
			return NULL;
	}
	const char *canon = input_query_string(a, in);
	CHECK(canon[0] == '\0' || canon[0] == '?');
	return canon;
}

static void parse_request(struct arena *a, unsigned flags, const char *uri)
{
	static const char *const methods[] = {"GET", "HEAD", "POST", "PUT", "", "get"};
	struct req r;
	memset(&r, 0, sizeof r);
	r.arena = a;
	const char *why = NULL;
	int status = req_parse(&r, methods[flags % 6], uri, &why);
	if (status != 0) {
		CHECK(status == 400 || status == 414);
		CHECK(why != NULL);
		return;
	}
	CHECK(r.path[0] == '/');
	CHECK(valid_line(r.path, REQ_MAX_URI));
	CHECK(strlen(r.path) <= strlen(uri));
	CHECK(r.nquery <= REQ_MAX_PARAMS);
	for (size_t i = 0; i < r.nquery; i++) {
		CHECK(valid_line(r.query[i].key, 256));
		CHECK(r.query[i].value != NULL);
	}
	/* What route_dispatch does next, short of the page: the route, then each key's validator. */
	const char *arg = NULL;
	const struct route *rt = route_match(r.path, &arg);
	CHECK(rt != NULL || arg == NULL);
	if (arg != NULL)
		CHECK(arg > r.path && arg < r.path + strlen(r.path) && *arg != '/');
	for (size_t i = 0; i < r.nquery; i++) {
		enum key k = input_key(r.query[i].key);
		struct input in = {0};
		if (k != KEY__MAX && input_check(a, k, r.query[i].value, &in))
			CHECK(in.set && in.s != NULL);
	}
	/* A public page's canonical URL parses to the same path and is its own canonical form: no loop. */
	if (rt == NULL || (rt->flags & (ROUTE_NOSTORE | ROUTE_LOGIN)))
		return;
	const char *canon = canonical(a, rt, &r);
	if (canon == NULL)
		return;
	const char *path = req_encode_path(a, r.path);
	char *url = arena_alloc(a, strlen(path) + strlen(canon) + 1);
	strcpy(url, path);
	strcat(url, canon);
	struct req again;
	memset(&again, 0, sizeof again);
	again.arena = a;
	CHECK(req_parse(&again, "GET", url, &why) == 0);
	CHECK(strcmp(again.path, r.path) == 0);
	const char *canon2 = canonical(a, rt, &again);
	CHECK(canon2 != NULL && strcmp(canon2, canon) == 0);
	CHECK(canon[0] == '\0' ? again.raw_query == NULL : strcmp(again.raw_query, canon + 1) == 0);
}

static void parse_pairs(struct arena *a, unsigned flags, const char *s)
{
	struct kv *kv = NULL;
	size_t n = 99;
	const char *why = NULL;
	int strict = flags & 1;
	if (req_parse_pairs(a, s, &kv, &n, strict, &why) != 0) {
		CHECK(why != NULL);
		return;
	}
	CHECK(n <= REQ_MAX_PARAMS);
	CHECK(n == 0 || kv != NULL);
	for (size_t i = 0; i < n; i++) {
		CHECK(kv[i].key != NULL && kv[i].value != NULL);
		CHECK(strlen(kv[i].key) + strlen(kv[i].value) <= strlen(s));
		if (strict)
			CHECK(valid_utf8(kv[i].key, strlen(kv[i].key)) && valid_utf8(kv[i].value, strlen(kv[i].value)));
	}
}

static void decode(struct arena *a, unsigned flags, const uint8_t *data, size_t size)
{
	/* Exactly size bytes, not NUL-terminated: req_decode must read no further. */
	char *in = malloc(size ? size : 1);
	CHECK(in != NULL);
	memcpy(in, data, size);
	int plus = flags & 1, strict = (flags >> 1) & 1;
	char *out = req_decode(a, in, size, plus, strict);
	if (out != NULL) {
		size_t len = strlen(out);
		CHECK(len <= size);
		CHECK(!strict || valid_utf8(out, len));
	}
	/* Without escapes or NUL the text decodes to itself ('+' to a space when plus is set). */
	if (memchr(in, '%', size) == NULL && memchr(in, '\0', size) == NULL && (!strict || valid_utf8(in, size))) {
		CHECK(out != NULL && strlen(out) == size);
		for (size_t i = 0; i < size; i++)
			CHECK(out[i] == (plus && in[i] == '+' ? ' ' : in[i]));
	}
	free(in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	unsigned mode = data[0] % 3, flags = data[0] / 3;
	data++;
	size--;
	struct arena a = {0};
	char *s = fuzz_string(data, size);
	if (mode == 0)
		parse_request(&a, flags, s);
	else if (mode == 1)
		parse_pairs(&a, flags, s);
	else
		decode(&a, flags, data, size);
	free(s);
	arena_free(&a);
	return 0;
}
