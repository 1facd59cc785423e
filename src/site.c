/* site.c: loading the settings and clock cities. */
#include "site.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "config.h"
#include "db.h"
#include "item_public.h"
#include "log.h"
#include "req.h"

static struct site cached;
static struct site views[SITE_MAX_LANGS]; /* cached as each language's readers see it (site_in_language) */
static int loaded;

void site_forget(void)
{
	free(cached.strings);
	memset(&cached, 0, sizeof cached);
	memset(views, 0, sizeof views);
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
			memset(s->clocks[i].label_in, 0, sizeof s->clocks[i].label_in); /* the file names them once */
		}
		s->nclocks = c->nclocks;
	}
}

static int load(struct db *db, struct site *out)
{
	struct buf pool = {0};
	size_t off_name = 0, off_tagline = 0, off_zone = 0, off_label = 0, off_phone = 0, off_email = 0, off_url = 0;
	size_t off_clock[SITE_MAX_CLOCKS][2], off_langs = 0;
	struct {
		char key[32];
		size_t at;
	} per_lang[3 * SITE_MAX_LANGS]; /* "site_name:ru" and the like, matched to the languages below */
	int nper = 0;
	size_t off_label_in[SITE_MAX_CLOCKS][SITE_MAX_LANGS] = {{0}};
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
			off_langs = at;
		else if (strchr(key, ':') && nper < (int)(sizeof per_lang / sizeof per_lang[0]) &&
		         strlen(key) < sizeof per_lang[0].key) {
			strcpy(per_lang[nper].key, key);
			per_lang[nper++].at = at;
		}
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

	/* The languages, split in place below; the labels need their order now. */
	char langs[128];
	snprintf(langs, sizeof langs, "%s", off_langs ? pool.data + off_langs : "en");
	const char *lang_of[SITE_MAX_LANGS];
	int nl = 0;
	for (char *save, *t = strtok_r(langs, " ,", &save); t && nl < SITE_MAX_LANGS; t = strtok_r(NULL, " ,", &save))
		lang_of[nl++] = t;
	if (nl == 0)
		lang_of[nl++] = "en";
	size_t off_lang[SITE_MAX_LANGS];
	for (int i = 0; i < nl; i++)
		off_lang[i] = pool_add(&pool, (const unsigned char *)lang_of[i]);

	st = db_stmt(db, STMT_CLOCK_CITY_LABELS);
	if (st == NULL)
		goto out;
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		int c = sqlite3_column_int(st, 0);
		const char *lang = (const char *)sqlite3_column_text(st, 1);
		for (int i = 0; i < nl && c >= 0 && c < n; i++)
			if (strcmp(lang_of[i], lang) == 0)
				off_label_in[c][i] = pool_add(&pool, sqlite3_column_text(st, 2));
	}
	sqlite3_reset(st);
	if (step != SQLITE_DONE)
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
	for (int i = 0; i < n; i++) {
		out->clocks[i].label = p + off_clock[i][0];
		out->clocks[i].zone = p + off_clock[i][1];
		for (int l = 0; l < nl; l++)
			out->clocks[i].label_in[l] = off_label_in[i][l] ? p + off_label_in[i][l] : NULL;
	}
	out->nclocks = n;
	for (int i = 0; i < nl; i++)
		out->languages[i] = p + off_lang[i];
	out->nlanguages = nl;
	for (int k = 0; k < nper; k++) {
		char *colon = strchr(per_lang[k].key, ':');
		*colon = '\0';
		int l = site_language_index(out, colon + 1);
		if (l < 0)
			continue;
		const char *v = p + per_lang[k].at;
		if (strcmp(per_lang[k].key, "site_name") == 0)
			out->text_in[l].name = v;
		else if (strcmp(per_lang[k].key, "site_tagline") == 0)
			out->text_in[l].tagline = v;
		else if (strcmp(per_lang[k].key, "contact_label") == 0)
			out->text_in[l].contact_label = v;
	}
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
	for (int i = 0; i < cached.nlanguages; i++) {
		views[i] = cached;
		if (cached.text_in[i].name && cached.text_in[i].name[0])
			views[i].name = cached.text_in[i].name;
		if (cached.text_in[i].tagline && cached.text_in[i].tagline[0])
			views[i].tagline = cached.text_in[i].tagline;
		if (cached.text_in[i].contact_label && cached.text_in[i].contact_label[0])
			views[i].contact_label = cached.text_in[i].contact_label;
	}
	loaded = 1;
	return &cached;
}

const struct site *site_in_language(const struct site *s, const char *lang)
{
	int l = site_language_index(s, lang);
	/* Only the cached site has views; another (a test's own) is its own view. */
	int ours = s == &cached || (s >= views && s < views + SITE_MAX_LANGS);
	return l >= 0 && ours && loaded ? &views[l] : s;
}

int site_language_index(const struct site *s, const char *lang)
{
	for (int i = 0; s && i < s->nlanguages; i++)
		if (strcmp(s->languages[i], lang) == 0)
			return i;
	return -1;
}

const char *site_clock_label(const struct site *s, int i, const char *lang)
{
	int l = site_language_index(s, lang);
	return l >= 0 && s->clocks[i].label_in[l] ? s->clocks[i].label_in[l] : s->clocks[i].label;
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
	/* Every cacheable answer asks (Last-Modified), and the answer moves only with a commit or a scheduled
	 * item becoming public: kept per worker under the rule of every cache of public items. */
	static struct db *of;
	static struct item_stamp stamp;
	static long long kept;
	if (of != r->db) {
		of = r->db;
		stamp = (struct item_stamp){0};
	}
	int current = item_stamp_check(r->db, (long long)r->now, &stamp);
	if (current == 1)
		return kept;
	sqlite3_stmt *st = db_stmt(r->db, STMT_LAST_CHANGE);
	if (st == NULL) {
		stamp = (struct item_stamp){0};
		return 0;
	}
	sqlite3_bind_int64(st, 1, (long long)r->now);
	int step = sqlite3_step(st);
	long long t = step == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	if (step != SQLITE_ROW)
		stamp = (struct item_stamp){0};
	kept = t;
	return t;
}

int site_language_at(const struct site *s, int i, char *out, size_t n)
{
	if (s == NULL || i < 0 || i >= s->nlanguages || strlen(s->languages[i]) >= n)
		return 0;
	strcpy(out, s->languages[i]);
	return 1;
}
