/* pages.h: the page handlers. Each takes a request whose route, method and inputs the gate has checked,
 * and leaves a response in it. One file per page in src/pages/. */
#ifndef PRESSROOM_PAGES_H
#define PRESSROOM_PAGES_H

struct req;

typedef void page_fn(struct req *r);

page_fn page_home;
page_fn page_messages;
page_fn page_item;

#endif
