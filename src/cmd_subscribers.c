/* cmd_subscribers.c: `pressroom subscribers export|count` (see cmd_subscribers.h). */
#include "cmd_subscribers.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "db.h"
#include "subscriber_store.h"

/* One CSV field (RFC 4180): quoted, with its quotes doubled, when it holds a comma, a quote or a line break.
 * Addresses cannot (alerts_address.c), but the export must not depend on that. */
static void csv_field(const char *s, int last)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, stdout);
	} else {
		putchar('"');
		for (; *s; s++) {
			if (*s == '"')
				putchar('"');
			putchar(*s);
		}
		putchar('"');
	}
	fputs(last ? "\r\n" : ",", stdout);
}

static int export(struct db *db, struct arena *a)
{
	struct subscriber_export *e;
	int n = subscriber_export(db, a, &e);
	if (n < 0)
		return -1;
	fputs("email,releases,events,languages,confirmed_at\r\n", stdout);
	for (int i = 0; i < n; i++) {
		char when[32];
		time_t t = (time_t)e[i].confirmed_at;
		struct tm tm;
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&t, &tm));
		csv_field(e[i].email, 0);
		csv_field(e[i].releases ? "yes" : "no", 0);
		csv_field(e[i].events ? "yes" : "no", 0);
		csv_field(e[i].langs, 0);
		csv_field(when, 1);
	}
	return fflush(stdout) == 0 ? 0 : -1;
}

static int count(struct db *db, struct arena *a)
{
	struct subscriber_count *c;
	long long confirmed, pending;
	int n = subscriber_counts(db, a, &c, &confirmed, &pending);
	if (n < 0)
		return -1;
	printf("%lld confirmed, %lld pending\n", confirmed, pending);
	for (int i = 0; i < n; i++)
		printf("%s: press releases %lld (%lld pending), events %lld (%lld pending)\n", c[i].lang, c[i].releases,
		       c[i].releases_pending, c[i].events, c[i].events_pending);
	return 0;
}

int subscribers_command(int argc, char **argv, const char *db_path)
{
	if (argc != 1 || (strcmp(argv[0], "export") != 0 && strcmp(argv[0], "count") != 0)) {
		fputs("pressroom: subscribers export or subscribers count\n", stderr);
		return 2;
	}
	char err[512];
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (db == NULL) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}
	struct arena a = {0};
	int rc;
	if (db_version(db) != db_latest_version()) {
		fprintf(stderr, "pressroom: %s: run pressroom db migrate first\n", db_path);
		rc = 1;
	} else {
		rc = strcmp(argv[0], "export") == 0 ? export(db, &a) : count(db, &a);
		if (rc < 0)
			fprintf(stderr, "pressroom: %s: %s\n", db_path, db_error(db));
	}
	arena_free(&a);
	db_close(db);
	return rc == 0 ? 0 : 1;
}
