/* jsonld.h: schema.org NewsArticle metadata for a detail page, as JSON. */
#ifndef PRESSROOM_JSONLD_H
#define PRESSROOM_JSONLD_H

struct req;
struct item;
struct tpl_dict;

/* One language version of the article, for translationOfWork / workTranslation. */
struct jsonld_version {
	const char *lang, *url;
	int original;   /* the version the others translate */
	int self;       /* the article itself */
};
/* Set key (ending in _JSON) in d to the NewsArticle of it in language lang (inLanguage), safe inside a
 * <script> data block, with its lead photo as an ImageObject when image_url is not NULL (width and height in
 * pixels). With n versions (the article's own among them): a translation names its original
 * (translationOfWork), an original its translations (workTranslation). 0 or -1. */
int jsonld_article(struct req *r, struct tpl_dict *d, const char *key, const struct item *it, const char *url,
                   const char *description, const char *image_url, int width, int height, const char *lang,
                   const struct jsonld_version *v, int n);

#endif
