/* route.h: the one table of URLs. Each route names its handler, the methods it takes and the query keys
 * it accepts; route_dispatch enforces all of them before any handler runs. */
#ifndef PRESSROOM_ROUTE_H
#define PRESSROOM_ROUTE_H

#include "pages/pages.h"

enum page {
	PAGE_HOME,
	PAGE_MESSAGES,
	PAGE_RELEASE,
	PAGE_EVENT,
	PAGE__MAX
};

struct route {
	const char *pattern;  /* an exact path, or a prefix and a star ("/events/" "*"): the star is one non-empty segment */
	page_fn *handler;
	unsigned methods;     /* enum method bits */
	unsigned keys;        /* KEYBIT()s of the query keys it accepts */
};

extern const struct route route_table[PAGE__MAX];

/* The route for path, and the segment its '*' matched in *arg (or NULL). NULL if no route matches. */
const struct route *route_match(const char *path, const char **arg);
/* Run one parsed request: route, method check (405 with Allow), input validation (400), handler. */
void route_dispatch(struct req *r);

#endif
