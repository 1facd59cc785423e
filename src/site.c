/* site.c: loading the settings and clock cities. */
#include "site.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "log.h"
#include "req.h"

static struct site cached;
static int loaded;

void site_forget(void)
{
	free(cached.strings);
	memset(&cached, 0, sizeof cached);
	loaded = 0;
}

/* Append s with its NUL to the string pool and remember its offset. */
static size_t pool_add(struct buf *pool, const unsigned char *s)
{
	size_t at = pool->len;
	buf_puts(pool, s ? (const char *)s : "");
	buf_putc(pool, '\0');
	return at;
}

/* The configuration file, where it sets them, wins over the settings stored in the database. */
static void apply_config(struct site *s)
{
	const struct config *c = config_current;
	if (c == NULL)
		return;
	if (c->site_name)
		s->name = c->site_name;
	if (c->tagline)
		s->tagline = c->tagline;
	if (c->site_zone)
		s->zone = c->site_zone;
	if (c->site_url)
		s->url = c->site_url;
	if (c->contact_label)
		s->contact_label = c->contact_label;
	if (c->contact_phone)
		s->contact_phone = c->contact_phone;
	if (c->contact_email)
		s->contact_email = c->contact_email;
	if (c->nclocks) {
		for (int i = 0; i < c->nclocks; i++) {
			s->clocks[i].label = c->clocks[i].label;
			s->clocks[i].zone = c->clocks[i].zone;
		}
		s->nclocks = c->nclocks;
	}
}

static int load(struct db *db, struct site *out)
{
	struct buf pool = {0};
	size_t off_name = 0, off_tagline = 0, off_zone = 0, off_label = 0, off_phone = 0, off_email = 0, off_url = 0, off_languages = 0;
	size_t off_clock[SITE_MAX_CLOCKS][2];
	int n = 0, rc = -1;
	buf_putc(&pool, '\0'); /* offset 0 is the empty string, for unset keys */

	sqlite3_stmt *st = db_stmt(db, STMT_SETTINGS);
	if (st == NULL)
		goto out;
	int step;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		size_t at = pool_add(&pool, sqlite3_column_text(st, 1));
		if (strcmp(key, "site_name") == 0)
			off_name = at;
		else if (strcmp(key, "site_tagline") == 0)
			off_tagline = at;
		else if (strcmp(key, "site_zone") == 0)
			off_zone = at;
		else if (strcmp(key, "contact_label") == 0)
			off_label = at;
		else if (strcmp(key, "contact_phone") == 0)
			off_phone = at;
		else if (strcmp(key, "contact_email") == 0)
			off_email = at;
		else if (strcmp(key, "site_url") == 0)
			off_url = at;
		else if (strcmp(key, "languages") == 0)
			off_languages = at;
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
		goto out;

	st = db_stmt(db, STMT_CLOCK_CITIES);
	if (st == NULL)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW && n < SITE_MAX_CLOCKS) {
		off_clock[n][0] = pool_add(&pool, sqlite3_column_text(st, 0));
		off_clock[n][1] = pool_add(&pool, sqlite3_column_text(st, 1));
		n++;
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE && step != SQLITE_ROW)
		goto out;

	/* Offsets become pointers only now: the pool no longer moves. */
	char *p = pool.data;
	out->strings = p;
	pool.data = NULL;
	out->name = p + off_name;
	out->tagline = off_tagline ? p + off_tagline : config_default_tagline;
	out->zone = off_zone ? p + off_zone : config_default_zone;
	out->contact_label = p + off_label;
	out->contact_phone = p + off_phone;
	out->contact_email = p + off_email;
	out->url = p + off_url;
	out->languages = off_languages && p[off_languages] ? p + off_languages : "en";
	for (int i = 0; i < n; i++) {
		out->clocks[i].label = p + off_clock[i][0];
		out->clocks[i].zone = p + off_clock[i][1];
	}
	out->nclocks = n;
	apply_config(out);
	rc = 0;
out:
	if (rc != 0)
		log_error("cannot read site settings: %s", sqlite3_errmsg(db_handle(db)));
	buf_free(&pool);
	return rc;
}

const struct site *site_get(struct db *db)
{
	long long version = db_data_version(db);
	if (loaded && version == cached.data_version)
		return &cached;
	struct site fresh = {0};
	if (load(db, &fresh) != 0)
		return loaded ? &cached : NULL;
	site_forget();
	cached = fresh;
	cached.data_version = version;
	loaded = 1;
	return &cached;
}

/* A name nginx's configuration gave (server_name's first name), if it is a plain host name: not "_", not a
 * wildcard or a regular expression. */
static int plain_host(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	return n > 0 && n < 256 && s[0] != '.' && s[n - 1] != '.' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]") == n;
}

const char *site_base_url(struct req *r)
{
	if (r->site && r->site->url[0])
		return r->site->url;
	if (r->base_url && r->base_url[0])
		return r->base_url; /* set in nginx's configuration, so trusted */
	/* Never the Host header: anyone can send one, and these links are cached and shared. */
	const char *host = plain_host(r->server_name) ? r->server_name : "localhost";
	const char *port = r->server_port ? r->server_port : "";
	int default_port = strcmp(port, r->https ? "443" : "80") == 0 || port[0] == '\0' ||
	                   strspn(port, "0123456789") != strlen(port);
	return arena_printf(r->arena, "%s://%s%s%s", r->https ? "https" : "http", host, default_port ? "" : ":",
	                    default_port ? "" : port);
}

long long site_last_change(struct req *r)
{
	sqlite3_stmt *st = db_stmt(r->db, STMT_LAST_CHANGE);
	if (st == NULL)
		return 0;
	sqlite3_bind_int64(st, 1, (long long)r->now);
	long long t = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return t;
}

int site_language_at(const struct site *s, int i, char *out, size_t n)
{
	const char *p = s->languages;
	for (;;) {
		p += strspn(p, " ");
		size_t len = strcspn(p, " ");
		if (len == 0)
			return 0;
		if (i-- == 0) {
			if (len >= n)
				return 0;
			memcpy(out, p, len);
			out[len] = '\0';
			return 1;
		}
		p += len;
	}
}
