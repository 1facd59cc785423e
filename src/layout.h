/* layout.h: what every page shares: the head (title, description, canonical URL, feeds, social and
 * schema.org metadata), the header with the date, clocks and contacts, and the footer. */
#ifndef PRESSROOM_LAYOUT_H
#define PRESSROOM_LAYOUT_H

struct req;
struct tpl_dict;
struct item;

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
	const struct head_version *versions; /* with more than one: <link rel="alternate" hreflang> to each, and
	                                      * an article's JSON-LD translation links; the page's language is
	                                      * i18n_lang() */
	int nversions;
	const char *x_default;       /* the path of the version for other languages (hreflang="x-default") */
};

/* Fill d with the shared frame. Every public page calls it before rendering. */
void layout_fill(struct req *r, struct tpl_dict *d, const struct head *h);
/* The same for the press officers' pages: the frame with the officer's name, the admin menu and the
 * sign-out form (which carries the session's CSRF token). */
void layout_admin_fill(struct req *r, struct tpl_dict *d, const char *title);

#endif
