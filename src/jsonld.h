/* jsonld.h: schema.org NewsArticle metadata for a detail page, as JSON. */
#ifndef PRESSROOM_JSONLD_H
#define PRESSROOM_JSONLD_H

struct req;
struct item;
struct tpl_dict;

/* Set key (ending in _JSON) in d to the NewsArticle of it, safe inside a <script> data block. 0 or -1. */
int jsonld_article(struct req *r, struct tpl_dict *d, const char *key, const struct item *it, const char *url,
                   const char *description);

#endif
