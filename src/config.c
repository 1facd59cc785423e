/* config.c: a small, strict reader for pressroom.conf. Strict because a typo in a production setting must
 * stop the start, not be ignored: unknown keys, bad values and repeats are errors, each with its line. */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "clock.h"
#include "valid.h"

const struct config *config_current;

const char config_default_tagline[] = "Press releases and news", config_default_zone[] = "UTC";

/* The one place a default is written: the modules take their values from here (through serve_run and
 * main.c), and docs/deploy.md's table and pressroom.conf.example state the same. */
void config_defaults(struct config *c)
{
	memset(c, 0, sizeof *c);
	c->user = "nobody";
	/* The catalogues cmake --install put in place, else those of the build tree this binary was built in. */
	c->locales = access(PRESSROOM_LOCALE_DIR, X_OK) == 0 ? PRESSROOM_LOCALE_DIR : PRESSROOM_LOCALE_BUILD_DIR;
	c->body_limit = 1L << 20;
	c->session_idle = 2 * 3600;
	c->session_max = 12 * 3600;
	c->cache_max_age = 60;
	c->cache_stale = 300;
	c->health_allow[0] = "127.0.0.1";
	c->health_allow[1] = "::1";
	c->nhealth_allow = 2;
	c->media_file_limit = 20L << 20;
	c->media_request_limit = 60L << 20;
	c->media_max_pixels = 40000000;
	c->media_decoder_memory = 512L << 20;
	c->media_decoder_seconds = 20;
	c->mail_rate = 60;
}

/* "90", "90s", "15m", "2h", "1d" as seconds within [min, max]. */
static int parse_duration(const char *v, int min, int max, int *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10);
	long unit = 1;
	if (end == v || errno != 0 || n < 0)
		return 0;
	if (*end == 's')
		end++;
	else if (*end == 'm')
		unit = 60, end++;
	else if (*end == 'h')
		unit = 3600, end++;
	else if (*end == 'd')
		unit = 86400, end++;
	if (*end != '\0' || n > max / unit || n * unit < min)
		return 0;
	*out = (int)(n * unit);
	return 1;
}

/* "1048576", "512K", "1M" as bytes within [1 KiB, 1 GiB]. */
static int parse_size(const char *v, long *out)
{
	char *end;
	errno = 0;
	long n = strtol(v, &end, 10), unit = 1;
	if (end == v || errno != 0 || n <= 0)
		return 0;
	if (*end == 'K' || *end == 'k')
		unit = 1024, end++;
	else if (*end == 'M' || *end == 'm')
		unit = 1024 * 1024, end++;
	if (*end != '\0' || n > (1L << 30) / unit || n * unit < 1024)
		return 0;
	*out = n * unit;
	return 1;
}

enum kind { TEXT, PATH, ZONE, URL, WORKERS, SLOTS, SIZE, IDLE, LIFETIME, CACHE_AGE, CACHE_STALE, CLOCK, ADDRESSES, PIXELS,
           DECODER_SECONDS, SMTP_URL, MAILBOX, MAIL_RATE, HUB };

static const struct {
	const char *key;
	enum kind kind;
	size_t offset;
} keys[] = {
	{"site_name", TEXT, offsetof(struct config, site_name)},
	{"site_url", URL, offsetof(struct config, site_url)},
	{"site_zone", ZONE, offsetof(struct config, site_zone)},
	{"tagline", TEXT, offsetof(struct config, tagline)},
	{"contact_label", TEXT, offsetof(struct config, contact_label)},
	{"contact_phone", TEXT, offsetof(struct config, contact_phone)},
	{"contact_email", TEXT, offsetof(struct config, contact_email)},
	{"clock", CLOCK, 0},
	{"database", PATH, offsetof(struct config, database)},
	{"socket", PATH, offsetof(struct config, socket)},
	{"listen", TEXT, offsetof(struct config, listen)},
	{"templates", PATH, offsetof(struct config, templates)},
	{"locales", PATH, offsetof(struct config, locales)},
	{"user", TEXT, offsetof(struct config, user)},
	{"workers", WORKERS, offsetof(struct config, workers)},
	{"password_checks", SLOTS, offsetof(struct config, password_checks)},
	{"searches", SLOTS, offsetof(struct config, searches)},
	{"body_limit", SIZE, offsetof(struct config, body_limit)},
	{"session_idle", IDLE, offsetof(struct config, session_idle)},
	{"session_lifetime", LIFETIME, offsetof(struct config, session_max)},
	{"cache_max_age", CACHE_AGE, offsetof(struct config, cache_max_age)},
	{"cache_stale", CACHE_STALE, offsetof(struct config, cache_stale)},
	{"health_allow", ADDRESSES, 0},
	{"media_file_limit", SIZE, offsetof(struct config, media_file_limit)},
	{"media_request_limit", SIZE, offsetof(struct config, media_request_limit)},
	{"media_max_pixels", PIXELS, offsetof(struct config, media_max_pixels)},
	{"media_decoder_memory", SIZE, offsetof(struct config, media_decoder_memory)},
	{"media_decoder_seconds", DECODER_SECONDS, offsetof(struct config, media_decoder_seconds)},
	{"signing_key", PATH, offsetof(struct config, signing_key)},
	{"smtp_url", SMTP_URL, offsetof(struct config, smtp_url)},
	{"mail_from", MAILBOX, offsetof(struct config, mail_from)},
	{"smtp_user", TEXT, offsetof(struct config, smtp_user)},
	{"smtp_password_file", PATH, offsetof(struct config, smtp_password_file)},
	{"mail_rate", MAIL_RATE, offsetof(struct config, mail_rate)},
	{"websub_hub", HUB, 0},
};
enum { NKEYS = sizeof keys / sizeof keys[0] };
_Static_assert((int)NKEYS <= (int)CONFIG_MAX_KEYS, "struct config's line[] is too small");

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* Check value for key; store it; return NULL or why it is wrong. */
static const char *apply(struct config *c, int k, char *value)
{
	char *field = (char *)c + keys[k].offset;
	if (!valid_line(value, 1000))
		return "must be one line of UTF-8 text";
	switch (keys[k].kind) {
	case TEXT:
		if (*value == '\0')
			return "must not be empty";
		*(const char **)field = value;
		return NULL;
	case PATH:
		if (value[0] != '/')
			return "must be an absolute path";
		*(const char **)field = value;
		return NULL;
	case URL:
		if ((strncmp(value, "https://", 8) != 0 && strncmp(value, "http://", 7) != 0) ||
		    value[strlen(value) - 1] == '/' || strpbrk(value, " \"'<>") != NULL)
			return "must be http(s)://host[:port] without a trailing slash";
		*(const char **)field = value;
		return NULL;
	case ZONE:
		if (!clock_zone_known(value))
			return "is not a time zone this system knows (see /usr/share/zoneinfo)";
		*(const char **)field = value;
		return NULL;
	case WORKERS:
	case SLOTS: {
		long long n;
		if (!valid_positive(value, 64, &n))
			return "must be a number from 1 to 64";
		*(int *)field = (int)n;
		return NULL;
	}
	case SIZE:
		return parse_size(value, (long *)field) ? NULL : "must be a size from 1K to 1024M (e.g. 1M)";
	case IDLE:
		return parse_duration(value, 60, 7 * 86400, (int *)field) ? NULL : "must be a duration from 1m to 7d";
	case LIFETIME:
		return parse_duration(value, 60, 30 * 86400, (int *)field) ? NULL : "must be a duration from 1m to 30d";
	case CACHE_AGE:
		return parse_duration(value, 0, 86400, (int *)field) ? NULL : "must be a duration from 0s to 1d";
	case CACHE_STALE:
		return parse_duration(value, 0, 7 * 86400, (int *)field) ? NULL : "must be a duration from 0s to 7d";
	case CLOCK: {
		/* clock = Moscow Europe/Moscow */
		char *space = strrchr(value, ' ');
		if (space == NULL)
			return "must be a city name and a time zone, e.g. \"Moscow Europe/Moscow\"";
		*space = '\0';
		char *zone = space + 1, *label = trim(value);
		if (*label == '\0')
			return "must be a city name and a time zone, e.g. \"Moscow Europe/Moscow\"";
		if (!clock_zone_known(zone))
			return "names a time zone this system does not know";
		if (c->nclocks == CONFIG_MAX_CLOCKS)
			return "is given more than 8 times";
		c->clocks[c->nclocks].label = label;
		c->clocks[c->nclocks].zone = zone;
		c->nclocks++;
		return NULL;
	}
	case PIXELS:
		return valid_positive(value, 1000000000, (long long *)field) ? NULL
		                                                           : "must be a number of pixels from 1 to 1000000000";
	case DECODER_SECONDS:
		return parse_duration(value, 1, 600, (int *)field) ? NULL : "must be a duration from 1s to 10m";
	case SMTP_URL:
		/* The relay; smtp:// upgrades with STARTTLS (required unless the relay is on loopback). */
		if ((strncmp(value, "smtp://", 7) != 0 && strncmp(value, "smtps://", 8) != 0) ||
		    strpbrk(value, " \"'<>") != NULL || strlen(value) < 9)
			return "must be smtp://host[:port] or smtps://host[:port]";
		*(const char **)field = value;
		return NULL;
	case MAILBOX: {
		/* A bare address (the From header is built from it and site_name): local@domain, no spaces or
		 * anything a header could be split by. */
		const char *at = strchr(value, '@');
		if (at == NULL || at == value || at[1] == '\0' || strchr(at + 1, '@') != NULL ||
		    strpbrk(value, " \"'<>(),;:\\[]") != NULL || strlen(value) > 254)
			return "must be an email address such as press@embassy.example";
		*(const char **)field = value;
		return NULL;
	}
	case MAIL_RATE: {
		long long n;
		if (!valid_positive(value, 6000, &n))
			return "must be a number of messages a minute from 1 to 6000";
		*(int *)field = (int)n;
		return NULL;
	}
	case HUB:
		if ((strncmp(value, "https://", 8) != 0 && strncmp(value, "http://", 7) != 0) ||
		    strpbrk(value, " \"'<>") != NULL)
			return "must be an http(s):// URL";
		if (c->nwebsub_hubs == CONFIG_MAX_HUBS)
			return "is given more than 4 times";
		c->websub_hubs[c->nwebsub_hubs++] = value;
		return NULL;
	case ADDRESSES: {
		c->nhealth_allow = 0;
		for (char *save = NULL, *a = strtok_r(value, ", ", &save); a; a = strtok_r(NULL, ", ", &save)) {
			if (strspn(a, "0123456789abcdefABCDEF.:") != strlen(a))
				return "must be IP addresses separated by commas";
			if (c->nhealth_allow == CONFIG_MAX_ALLOW)
				return "lists more than 16 addresses";
			c->health_allow[c->nhealth_allow++] = a;
		}
		return NULL;
	}
	}
	return "is not understood";
}

int config_load(const char *path, struct config *c, struct buf *errors)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		buf_printf(errors, "%s: cannot read: %s\n", path, strerror(errno));
		return -1;
	}
	/* A folder opens, and reads as nothing: it would pass for an empty, valid file. */
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode)) {
		buf_printf(errors, "%s: is not a file\n", path);
		fclose(f);
		return -1;
	}
	struct buf text = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_append(&text, chunk, n);
	fclose(f);
	c->text = text.data ? text.data : calloc(1, 1);

	int problems = 0, line = 0, seen[NKEYS] = {0};
	for (char *save = NULL, *l = c->text; l; l = save) {
		char *nl = strchr(l, '\n');
		save = nl ? nl + 1 : NULL;
		if (nl)
			*nl = '\0';
		line++;
		char *s = trim(l);
		if (*s == '\0' || *s == '#')
			continue;
		/* Not cut at a "#": a value cut short (a password, a URL with a fragment) is worse than an error. */
		if (strchr(s, '#') != NULL) {
			buf_printf(errors, "%s:%d: a \"#\" may only start a comment line, not stand in a value\n", path, line);
			problems++;
			continue;
		}
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			buf_printf(errors, "%s:%d: expected \"key = value\"\n", path, line);
			problems++;
			continue;
		}
		*eq = '\0';
		char *key = trim(s), *value = trim(eq + 1);
		int k;
		for (k = 0; k < NKEYS && strcmp(keys[k].key, key) != 0; k++)
			;
		if (k == NKEYS) {
			buf_printf(errors, "%s:%d: unknown key \"%s\"\n", path, line, key);
			problems++;
			continue;
		}
		if (seen[k]++ && keys[k].kind != CLOCK && keys[k].kind != HUB) {
			buf_printf(errors, "%s:%d: %s is given twice\n", path, line, key);
			problems++;
			continue;
		}
		c->line[k] = line;
		const char *why = apply(c, k, value);
		if (why) {
			buf_printf(errors, "%s:%d: %s %s\n", path, line, key, why);
			problems++;
		}
	}
	if (c->socket && c->listen) {
		buf_printf(errors, "%s:%d: give socket or listen, not both\n", path,
		           config_line(c, "socket") > config_line(c, "listen") ? config_line(c, "socket")
		                                                                : config_line(c, "listen"));
		problems++;
	}
	return problems;
}

int config_alerts_offered(const struct config *c)
{
	return c && c->smtp_url && c->smtp_url[0];
}

int config_line(const struct config *c, const char *key)
{
	for (int k = 0; k < NKEYS; k++)
		if (strcmp(keys[k].key, key) == 0)
			return c->line[k];
	return 0;
}

void config_free(struct config *c)
{
	free(c->text);
	c->text = NULL;
}
