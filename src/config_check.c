/* config_check.c: the checks `config check` adds to the file's syntax, so that it refuses every
 * configuration that `serve` refuses at start (the docs use it as the safety step before a restart). Each
 * runs the same code serve runs where there is one (tpl_init, db_open and the schema version). */
#include "config_check.h"

#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cmd_site.h"
#include "config.h"
#include "db.h"
#include "signing_key.h"
#include "tpl.h"

/* "path:line: " for key, or "path: " when no line gave it. */
static void where(struct buf *b, const char *path, const struct config *c, const char *key)
{
	int line = config_line(c, key);
	if (line)
		buf_printf(b, "%s:%d: ", path, line);
	else
		buf_printf(b, "%s: ", path);
}

static int check_database(const char *path, const struct config *c, struct buf *errors, struct buf *warnings)
{
	char err[512];
	struct db *db = db_open(c->database, 0, err, sizeof err);
	int problems = 0;
	if (db == NULL) {
		where(errors, path, c, "database");
		buf_printf(errors, "database %s (create it with: pressroom db init --db %s)\n", err, c->database);
		return 1;
	}
	if (db_version(db) != db_latest_version()) {
		where(errors, path, c, "database");
		buf_printf(errors, "database %s is at schema version %d, this binary needs %d: run pressroom db migrate\n",
		           c->database, db_version(db), db_latest_version());
		problems++;
	} else if (db_check_statements(db, err, sizeof err) != 0) {
		where(errors, path, c, "database");
		buf_printf(errors, "database %s\n", err);
		problems++;
	} else {
		const char *lacks = site_lacks_basics(db, c);
		if (lacks)
			buf_printf(warnings, "%s: warning: %s\n", path, lacks);
	}
	db_close(db);
	return problems;
}

int config_check_machine(const char *path, const struct config *c, struct buf *errors, struct buf *warnings)
{
	int problems = 0;
	char err[512];
	if (c->templates && tpl_init(c->templates, err, sizeof err) != 0) {
		where(errors, path, c, "templates");
		buf_printf(errors, "templates %s\n", err);
		problems++;
	}
	if (c->user) {
		struct passwd *pw = getpwnam(c->user);
		if (pw == NULL || pw->pw_uid == 0) {
			where(errors, path, c, "user");
			buf_printf(errors, "user %s %s\n", c->user, pw ? "is root: workers must run unprivileged"
			                                                 : "does not exist on this system");
			problems++;
		}
	}
	if (c->database)
		problems += check_database(path, c, errors, warnings);
	/* serve refuses to start on a key it cannot use, or one others may read (signing_key.c); a key not made
	 * yet is only a warning, like the socket's folder: the sysadmin makes it next (docs/deploy.md). */
	struct minisign_key key;
	if (c->signing_key && access(c->signing_key, F_OK) != 0) {
		where(warnings, path, c, "signing_key");
		buf_printf(warnings, "warning: signing_key %s does not exist yet: make it with pressroom key generate "
		                     "(serve refuses to start without it)\n", c->signing_key);
	} else if (c->signing_key && signing_key_read(c->signing_key, &key, err, sizeof err) != 0) {
		where(errors, path, c, "signing_key");
		buf_printf(errors, "signing_key %s\n", err);
		problems++;
	}
	minisign_wipe(&key);
	if (c->socket) {
		/* Under systemd the socket unit makes the folder and passes the socket: then serve never opens it,
		 * so a folder still missing before the first start is only worth a warning. */
		char dir[4096];
		snprintf(dir, sizeof dir, "%s", c->socket);
		char *slash = strrchr(dir, '/');
		if (slash && slash != dir)
			*slash = '\0';
		struct stat st;
		if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			where(warnings, path, c, "socket");
			buf_printf(warnings, "warning: socket's folder %s does not exist: serve cannot make the socket "
			                     "unless systemd passes it (pressroom.socket makes the folder)\n", dir);
		}
	}
	return problems;
}
