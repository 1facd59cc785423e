/* user.c: account commands. A password change or a disabled account ends the account's sessions. */
#include "user.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "auth.h"
#include "db.h"
#include "valid.h"

enum { PASSWORD_MAX = 1024 };

/* Read one line without echo when stdin is a terminal. Returns 0, or -1 at end of input. */
static int read_line(const char *prompt, char *out, size_t len)
{
	int tty = isatty(STDIN_FILENO);
	struct termios saved, quiet;
	if (tty) {
		fputs(prompt, stderr);
		tcgetattr(STDIN_FILENO, &saved);
		quiet = saved;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(out, (int)len, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
		fputc('\n', stderr);
	}
	if (got == NULL)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int read_password(char *out, size_t len)
{
	char again[PASSWORD_MAX + 2];
	if (read_line("Password: ", out, len) != 0) {
		fputs("pressroom: no password given on stdin\n", stderr);
		return -1;
	}
	if (strlen(out) < AUTH_PASSWORD_MIN || strlen(out) > PASSWORD_MAX || !valid_utf8(out, strlen(out))) {
		fprintf(stderr, "pressroom: a password needs %d to %d characters of UTF-8 text\n", AUTH_PASSWORD_MIN,
		        PASSWORD_MAX);
		return -1;
	}
	if (isatty(STDIN_FILENO)) {
		int same = read_line("Again: ", again, sizeof again) == 0 && strcmp(out, again) == 0;
		sodium_memzero(again, sizeof again);
		if (!same) {
			fputs("pressroom: the two passwords differ\n", stderr);
			return -1;
		}
	}
	return 0;
}

/* Run a one-row write statement with name bound as ?1 and text as ?2; report when no row changed. */
static int write_user(struct db *db, enum stmt s, const char *name, const char *text)
{
	sqlite3_stmt *st = db_stmt(db, s);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	if (text)
		sqlite3_bind_text(st, 2, text, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "pressroom: %s\n", db_error(db));
		return -1;
	}
	if (sqlite3_changes(db_handle(db)) == 0) {
		fprintf(stderr, "pressroom: no user called %s\n", name);
		return -1;
	}
	return 0;
}

static int end_sessions(struct db *db, const char *name)
{
	sqlite3_stmt *st = db_stmt(db, STMT_SESSION_END_USER);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, (long long)time(NULL));
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static int add(struct db *db, const char *name, const char *role, const char *hash)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, hash, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, (long long)time(NULL));
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		fprintf(stderr, "pressroom: a user called %s exists already\n", name);
		return -1;
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "pressroom: %s\n", db_error(db));
		return -1;
	}
	return 0;
}

static int list(struct db *db)
{
	sqlite3_stmt *st = db_stmt(db, STMT_USER_LIST);
	if (st == NULL)
		return -1;
	while (sqlite3_step(st) == SQLITE_ROW) {
		time_t created = (time_t)sqlite3_column_int64(st, 3);
		struct tm tm;
		char when[32];
		gmtime_r(&created, &tm);
		strftime(when, sizeof when, "%Y-%m-%d", &tm);
		printf("%-24s %-10s %-9s %s\n", (const char *)sqlite3_column_text(st, 0),
		       (const char *)sqlite3_column_text(st, 1), sqlite3_column_int(st, 2) ? "disabled" : "active", when);
	}
	sqlite3_reset(st);
	return 0;
}

int user_command(enum user_action action, const char *name, const char *role, const char *db_path)
{
	char err[512], password[PASSWORD_MAX + 2], hash[AUTH_HASH_MAX];
	int rc = -1;
	if (name && !valid_line(name, 64)) {
		fputs("pressroom: a user name is one line of at most 64 bytes\n", stderr);
		return 2;
	}
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (db == NULL) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}
	if (db_version(db) != db_latest_version()) {
		fprintf(stderr, "pressroom: run pressroom db migrate first\n");
		goto out;
	}
	if (auth_init() != 0)
		goto out;
	switch (action) {
	case USER_LIST:
		rc = list(db);
		break;
	case USER_DISABLE:
		rc = write_user(db, STMT_USER_DISABLE, name, NULL);
		if (rc == 0)
			rc = end_sessions(db, name);
		break;
	case USER_ADD:
	case USER_PASSWD:
		if (read_password(password, sizeof password) != 0 || auth_hash_password(password, hash) != 0)
			break;
		if (action == USER_ADD) {
			rc = add(db, name, role, hash);
		} else {
			rc = write_user(db, STMT_USER_SET_PASSWORD, name, hash);
			if (rc == 0)
				rc = end_sessions(db, name);
		}
		break;
	}
	if (rc == 0 && action != USER_LIST)
		printf("%s: done\n", name);
out:
	sodium_memzero(password, sizeof password);
	db_close(db);
	return rc == 0 ? 0 : 1;
}
