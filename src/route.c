/* route.c: the route table and the gate every request passes. */
#include "route.h"

#include <string.h>

#include "req.h"
#include "resp.h"

#define READ (METHOD_GET | METHOD_HEAD)

const struct route route_table[PAGE__MAX] = {
	[PAGE_HOME] = {"/", page_home, READ, 0},
	[PAGE_MESSAGES] = {"/messages", page_messages, READ, KEYBIT(KEY_PAGE) | KEYBIT(KEY_TYPE) | KEYBIT(KEY_YEAR)},
	[PAGE_RELEASE] = {"/releases/*", page_item, READ, 0},
	[PAGE_EVENT] = {"/events/*", page_item, READ, 0},
};

const struct route *route_match(const char *path, const char **arg)
{
	*arg = NULL;
	for (int i = 0; i < PAGE__MAX; i++) {
		const char *pat = route_table[i].pattern;
		const char *star = strchr(pat, '*');
		if (star == NULL) {
			if (strcmp(pat, path) == 0)
				return &route_table[i];
			continue;
		}
		size_t plen = (size_t)(star - pat);
		if (strncmp(pat, path, plen) != 0)
			continue;
		const char *seg = path + plen;
		if (*seg == '\0' || strchr(seg, '/') != NULL)
			continue;
		*arg = seg;
		return &route_table[i];
	}
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

/* Validate the query against the route's keys: unknown keys are ignored (campaign tags and the like),
 * a known key given twice or with a bad value is a 400. */
static int check_inputs(struct req *r, unsigned keys)
{
	for (size_t i = 0; i < r->nquery; i++) {
		enum key k = input_key(r->query[i].key);
		if (k == KEY__MAX || !(keys & KEYBIT(k)))
			continue;
		if (r->in[k].set) {
			resp_error(r, 400, "A parameter was given more than once.");
			return -1;
		}
		if (!input_check(k, r->query[i].value, &r->in[k])) {
			resp_error(r, 400, "A parameter in the address has a value that is not allowed.");
			return -1;
		}
	}
	return 0;
}

void route_dispatch(struct req *r)
{
	const struct route *rt = route_match(r->path, &r->arg);
	if (rt == NULL) {
		resp_error(r, 404, "There is no page at this address.");
		return;
	}
	if (!(rt->methods & r->method)) {
		allow_header(r, rt->methods);
		resp_error(r, 405, "This address does not take that method.");
		return;
	}
	if (check_inputs(r, rt->keys) != 0)
		return;
	rt->handler(r);
}
