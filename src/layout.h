/* layout.h: what every page shares: the head (title, description, canonical URL, feeds, social and
 * schema.org metadata), the header with the date, clocks and contacts, and the footer. */
#ifndef PRESSROOM_LAYOUT_H
#define PRESSROOM_LAYOUT_H

struct req;
struct tpl_dict;
struct item;
struct media_item;

/* One version of a page in one of the site's languages (the page's own included). */
struct head_version {
	const char *lang;            /* BCP 47 tag */
	const char *path;
	int original;                /* the version the others translate */
};

/* What a page says about itself in its <head>. */
struct head {
	const char *title;           /* the page's own title, before the site's name */
	const char *description;     /* meta description; NULL for the site's tagline */
	const char *path;            /* the canonical path, or NULL for none (error pages) */
	const struct item *article;  /* a detail page's item: Open Graph, Twitter card and NewsArticle JSON-LD */
	const struct media_item *image; /* its lead photo, or NULL: og:image, the large Twitter card, JSON-LD image */
	const struct head_version *versions; /* with more than one: <link rel="alternate" hreflang> to each, and
	                                      * an article's JSON-LD translation links; the page's language is
	                                      * i18n_lang() */
	int nversions;
	const char *x_default;       /* the path of the version for other languages (hreflang="x-default") */
	const char *every_language;  /* a page that each site language has under its prefix ("/", "/messages?..."):
	                              * this path without the prefix; its versions are then those */
};

/* The home page of lang: "/" for the site's primary language, "/<lang>/" for the others. Owned by r. */
const char *layout_lang_home(struct req *r, const char *lang);
/* path ("/messages", "/feed.atom") in the language in use (i18n_lang): "/ru/messages" where the language
 * has its own prefix, else path itself. Owned by r. */
const char *layout_lang_path(struct req *r, const char *path);

/* The path in the language in use, its prefix removed: "/ru/messages" -> "/messages". Owned by r. */
const char *layout_unprefixed(struct req *r, const char *path);
/* The versions of a page that each of the site's languages has at its prefix + unprefixed, the primary
 * first (it is also *x_default). Returns their number, 0 for a one-language site. Owned by r. */
int layout_language_versions(struct req *r, const char *unprefixed, const struct head_version **out,
                             const char **x_default);

/* Fill d with the shared frame, in the language in use (i18n_use): <html lang>, every word, the links. Every public page calls it before rendering. */
void layout_fill(struct req *r, struct tpl_dict *d, const struct head *h);
/* The same for the press officers' pages: the frame with the officer's name, the admin menu and the
 * sign-out form (which carries the session's CSRF token). */
void layout_admin_fill(struct req *r, struct tpl_dict *d, const char *title);

#endif
