/* cmd_site.c: `pressroom site`, so that a sysadmin sets the site's name, contacts and clock cities without
 * writing SQL (a site made by `db init` alone has none). Every value is checked as a form field would be:
 * one line of UTF-8 text of bounded length, zones that the system's tz database has. */
#include "cmd_site.h"

#include <stdio.h>
#include <string.h>

#include "clock.h"
#include "config.h"
#include "db.h"
#include "site.h"
#include "valid.h"

enum { MAX_TEXT = 200 };

/* The keys `site set` takes, and the setting each one is stored as. */
static const struct {
	const char *word, *key;
} keys[] = {
	{"name", "site_name"},
	{"tagline", "site_tagline"},
	{"zone", "site_zone"},
	{"url", "site_url"},
	{"contact-label", "contact_label"},
	{"contact-phone", "contact_phone"},
	{"contact-email", "contact_email"},
};
enum { NKEYS = sizeof keys / sizeof keys[0] };

static const char usage[] =
	"usage: pressroom site [show]                      [--db PATH] [--config FILE]\n"
	"       pressroom site set KEY VALUE               KEY: name, tagline, zone, url, contact-label,\n"
	"                                                  contact-phone, contact-email (VALUE \"\" unsets)\n"
	"       pressroom site clocks [CITY=ZONE ...]      the header's clocks, in order (none: no clocks),\n"
	"                                                  e.g. Moscow=Europe/Moscow London=Europe/London\n";

static int bad(const char *what, const char *value)
{
	fprintf(stderr, "pressroom: %s: %s\n%s", what, value, usage);
	return 2;
}

/* Why value cannot be stored under key, or NULL. */
static const char *check_value(const char *key, const char *value)
{
	if (!valid_line(value, MAX_TEXT))
		return "must be one line of UTF-8 text, at most 200 bytes";
	if (strcmp(key, "site_zone") == 0 && value[0] && !clock_zone_known(value))
		return "is not a time zone this system knows (see /usr/share/zoneinfo)";
	if (strcmp(key, "site_url") == 0 && value[0] &&
	    ((strncmp(value, "https://", 8) != 0 && strncmp(value, "http://", 7) != 0) ||
	     value[strlen(value) - 1] == '/' || strpbrk(value, " \"'<>") != NULL))
		return "must be http(s)://host[:port] without a trailing slash";
	return NULL;
}

static int step_done(sqlite3_stmt *st)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = db_stmt(db, value[0] ? STMT_SETTING_SET : STMT_SETTING_DELETE);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (value[0])
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	return step_done(st);
}

/* Replace the clock cities by args ("City=Area/Zone" each), in one transaction. */
static int clocks(struct db *db, int argc, char **argv)
{
	if (db_begin(db) != 0)
		return -1;
	sqlite3_stmt *clear = db_stmt(db, STMT_CLOCK_CITIES_CLEAR), *ins = db_stmt(db, STMT_CLOCK_CITY_INSERT);
	sqlite3_stmt *labels = db_stmt(db, STMT_CLOCK_CITY_LABELS_CLEAR); /* their other-language names go too */
	if (clear == NULL || ins == NULL || labels == NULL || step_done(labels) != 0 || step_done(clear) != 0)
		goto fail;
	for (int i = 0; i < argc; i++) {
		char *eq = strrchr(argv[i], '=');
		*eq = '\0';
		sqlite3_bind_int(ins, 1, i + 1);
		sqlite3_bind_text(ins, 2, argv[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, eq + 1, -1, SQLITE_STATIC);
		int rc = step_done(ins);
		*eq = '=';
		if (rc != 0)
			goto fail;
	}
	return db_commit(db);
fail:
	db_rollback(db);
	return -1;
}

static int show(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SETTINGS);
	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		for (int k = 0; k < NKEYS; k++)
			if (strcmp(keys[k].key, key) == 0)
				printf("%-14s %s\n", keys[k].word, (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	if ((st = db_stmt(db, STMT_CLOCK_CITIES)) == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW)
		printf("%-14s %s=%s\n", "clock", (const char *)sqlite3_column_text(st, 0),
		       (const char *)sqlite3_column_text(st, 1));
	sqlite3_reset(st);
	return 0;
}

int site_command(int argc, char **argv, const char *db_path)
{
	const char *action = argc > 0 ? argv[0] : "show";
	int k = -1;
	/* Everything is checked before the database is opened: a bad value changes nothing. */
	if (strcmp(action, "show") == 0) {
		if (argc > 1)
			return bad("site show takes no arguments", argv[1]);
	} else if (strcmp(action, "set") == 0) {
		if (argc != 3)
			return bad("site set needs a KEY and a VALUE", argc > 1 ? argv[1] : "");
		for (k = 0; k < NKEYS && strcmp(keys[k].word, argv[1]) != 0; k++)
			;
		if (k == NKEYS)
			return bad("unknown site key", argv[1]);
		const char *why = check_value(keys[k].key, argv[2]);
		if (why) {
			fprintf(stderr, "pressroom: site %s %s\n", argv[1], why);
			return 2;
		}
	} else if (strcmp(action, "clocks") == 0) {
		if (argc - 1 > SITE_MAX_CLOCKS)
			return bad("at most 8 clock cities", argv[SITE_MAX_CLOCKS + 1]);
		for (int i = 1; i < argc; i++) {
			char *eq = strrchr(argv[i], '=');
			if (eq == NULL || eq == argv[i])
				return bad("a clock is CITY=ZONE, e.g. Moscow=Europe/Moscow, not", argv[i]);
			*eq = '\0';
			int ok = valid_line(argv[i], 100) && clock_zone_known(eq + 1);
			*eq = '=';
			if (!ok)
				return bad("a clock is a city name (one line, at most 100 bytes) and a time zone this "
				           "system knows (see /usr/share/zoneinfo), not", argv[i]);
		}
	} else {
		return bad("unknown site action (show, set or clocks)", action);
	}

	char err[512];
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (db == NULL) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}
	int rc;
	if (db_version(db) != db_latest_version()) {
		fprintf(stderr, "pressroom: %s: run pressroom db migrate first\n", db_path);
		rc = 1;
	} else if (k >= 0) {
		rc = set(db, keys[k].key, argv[2]);
	} else if (strcmp(action, "clocks") == 0) {
		rc = clocks(db, argc - 1, argv + 1);
	} else {
		rc = show(db);
	}
	if (rc < 0)
		fprintf(stderr, "pressroom: %s: %s\n", db_path, db_error(db));
	else if (rc == 0 && strcmp(action, "show") != 0)
		printf("%s: site %s saved\n", db_path, action);
	db_close(db);
	return rc == 0 ? 0 : 1;
}

const char *site_lacks_basics(struct db *db, const struct config *c)
{
	int clocks_n = c ? c->nclocks : 0, contacts = c && (c->contact_phone || c->contact_email);
	sqlite3_stmt *st = db_stmt(db, STMT_CLOCK_CITIES);
	if (st == NULL)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW)
		clocks_n++;
	sqlite3_reset(st);
	if ((st = db_stmt(db, STMT_SETTINGS)) == NULL)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		if (strcmp(key, "contact_phone") == 0 || strcmp(key, "contact_email") == 0)
			contacts = 1;
	}
	sqlite3_reset(st);
	if (clocks_n || contacts)
		return NULL;
	return "the site has no clock cities and no contacts, so its header shows neither (dates use site_zone, "
	       "else UTC): set them with pressroom site clocks CITY=ZONE ... and pressroom site set contact-phone "
	       "... (docs/deploy.md)";
}
