/* config.h: the configuration file (/etc/pressroom/pressroom.conf): one "key = value" a line, "#" starts a
 * comment line (a "#" inside a value is refused, not cut). Every key has a default; a key the file does not
 * know, a value that does not fit, or a key given twice (but clock and websub_hub, which repeat) is an error with its line. See docs/deploy.md for the keys. */
#ifndef PRESSROOM_CONFIG_H
#define PRESSROOM_CONFIG_H

#include "buf.h"

enum { CONFIG_MAX_CLOCKS = 8, CONFIG_MAX_ALLOW = 16, CONFIG_MAX_HUBS = 4, CONFIG_MAX_KEYS = 48 };

struct config {
	/* The site; when set, these override the settings stored in the database. */
	const char *site_name, *site_url, *site_zone, *tagline;
	const char *contact_label, *contact_phone, *contact_email;
	struct {
		const char *label, *zone;
	} clocks[CONFIG_MAX_CLOCKS];
	int nclocks;
	/* The server. */
	const char *database, *socket, *listen, *templates, *user;
	const char *locales;         /* the compiled message catalogues (i18n.h) */
	const char *signing_key;     /* the secret signing key file, outside the data folder (signing_key.h) */
	int workers;                 /* 0: one per core */
	int password_checks, searches; /* run at once across the workers; 0: half the workers, at least 1 */
	long body_limit;             /* bytes */
	int session_idle, session_max, cache_max_age, cache_stale;  /* seconds */
	const char *health_allow[CONFIG_MAX_ALLOW];  /* client addresses that may read /health */
	int nhealth_allow;
	/* Uploads (issue 14): one file, one form; images over max_pixels are refused from their header; the
	 * decoder process may grow by decoder_memory bytes and run decoder_seconds of CPU. */
	long media_file_limit, media_request_limit, media_decoder_memory;
	long long media_max_pixels;
	int media_decoder_seconds;
	/* Email alerts (issue 16, docs/alerts.md): no smtp_url, no alerts. mail_rate is messages a minute. */
	const char *smtp_url, *mail_from, *smtp_user, *smtp_password_file;
	int mail_rate;
	const char *websub_hubs[CONFIG_MAX_HUBS];  /* WebSub hubs the feeds name and the sender pings */
	int nwebsub_hubs;
	char *text;                  /* owns the strings above */
	int line[CONFIG_MAX_KEYS];   /* the line each key was given on, 0 if not given (config_line) */
};

/* What the site shows when neither the file nor the database's settings give a tagline or a zone. */
extern const char config_default_tagline[], config_default_zone[];

/* The defaults, as a file with no keys would give. */
void config_defaults(struct config *c);
/* Read path into c (on top of the defaults). Each problem is appended to errors as "path:line: why\n".
 * Returns the number of problems (0: c is usable), or -1 if the file cannot be read. */
int config_load(const char *path, struct config *c, struct buf *errors);
void config_free(struct config *c);
/* The line of the file that gave key (the last, for clock), or 0 if none did. */
int config_line(const struct config *c, const char *key);

/* The configuration in force, for the modules that read it (site overrides, /health). */
extern const struct config *config_current;
/* Are email alerts offered (issue 16)? When c (the configuration in force, or NULL) sets smtp_url. */
int config_alerts_offered(const struct config *c);

#endif
