/* site.h: the site's settings (name, contacts, clock cities), read from the database and cached per worker
 * until another connection commits. */
#ifndef PRESSROOM_SITE_H
#define PRESSROOM_SITE_H

#include <stddef.h>

struct db;

enum { SITE_MAX_CLOCKS = 8, SITE_MAX_LANGS = 8 };

struct site {
	const char *name;           /* Embassy of ... */
	const char *tagline;        /* Press releases and news */
	const char *zone;           /* the zone dates are shown in, e.g. Europe/London */
	const char *contact_label;  /* Consular queries */
	const char *contact_phone;
	const char *contact_email;
	const char *url;            /* the site's public address (https://host), or "" (see site_base_url) */
	struct {
		const char *label;
		const char *zone;
		const char *label_in[SITE_MAX_LANGS]; /* the label in languages[i] (clock_city_label), or NULL */
	} clocks[SITE_MAX_CLOCKS];
	int nclocks;
	const char *languages[SITE_MAX_LANGS]; /* the 'languages' setting: BCP 47 tags, the primary first */
	struct {                               /* the settings 'site_name:<lang>' and the like, or NULL */
		const char *name, *tagline, *contact_label;
	} text_in[SITE_MAX_LANGS];
	int nlanguages;                        /* at least 1: a site without the setting is English only */
	long long data_version;     /* of the database when loaded */
	char *strings;              /* owns every string above */
};

/* The current settings, reloaded if the database changed since the last call. NULL if they cannot be
 * read. The site belongs to this module; it stays valid until the next call. */
const struct site *site_get(struct db *db);
/* The i-th of the site's languages (0: the primary) into out (size n): 1, or 0 when there is no i-th. */
int site_language_at(const struct site *s, int i, char *out, size_t n);
struct req;
/* The scheme and host absolute links start with: the site_url setting (pressroom.conf, else the database),
 * else the PRESSROOM_BASE_URL that nginx's configuration passes, else the scheme, the server_name and the
 * port of the nginx server block that took the request (a server_name that is not a plain host name becomes
 * "localhost"). Never the request's Host header, which the client chooses. Owned by the request or the site. */
const char *site_base_url(struct req *r);
/* When what the public sees last changed (an edit, or a scheduled item whose time came), Unix seconds. */
long long site_last_change(struct req *r);
/* The site as readers of lang see it: its name, tagline and contact label from the settings
 * 'site_name:<lang>', 'site_tagline:<lang>', 'contact_label:<lang>' where given (else the plain ones); the
 * rest as s. Valid as long as s; s itself for a language the site does not have. */
const struct site *site_in_language(const struct site *s, const char *lang);
/* The index of lang in s->languages, or -1 if it is not one of the site's languages. */
int site_language_index(const struct site *s, const char *lang);
/* Clock i's label in lang: its clock_city_label, else its label. */
const char *site_clock_label(const struct site *s, int i, const char *lang);
/* Forget the cache (this process changed settings, or is exiting). */
void site_forget(void);

#endif
