/* backup.c: checking, backing up and restoring the database with SQLite's own tools. */
#include "backup.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "key_store.h"
#include "media_backup.h"
#include "version_store.h"

/* Run a one-column pragma and print its rows; returns 1 if the only row is "ok" (or there is none). */
static int pragma_ok(sqlite3 *h, const char *sql, const char *what)
{
	sqlite3_stmt *st = NULL;
	int ok = 1, rows = 0;
	if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "pressroom: %s: %s\n", what, sqlite3_errmsg(h));
		return 0;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		rows++;
		if (v == NULL || strcmp(v, "ok") != 0) {
			ok = 0;
			printf("%s: %s\n", what, v ? v : "(a row in violation)");
		}
	}
	sqlite3_finalize(st);
	return ok && rows >= 0;
}

static int open_db(const char *path, int flags, sqlite3 **h)
{
	if (sqlite3_open_v2(path, h, flags, NULL) != SQLITE_OK) {
		fprintf(stderr, "pressroom: cannot open %s: %s\n", path, *h ? sqlite3_errmsg(*h) : "out of memory");
		sqlite3_close(*h);
		*h = NULL;
		return -1;
	}
	sqlite3_busy_timeout(*h, 10000);
	return 0;
}

static int check_handle(sqlite3 *h, const char *path)
{
	int sound = pragma_ok(h, "PRAGMA integrity_check", "integrity") &
	            pragma_ok(h, "PRAGMA foreign_key_check", "foreign keys");
	sqlite3_stmt *st = NULL;
	int version = -1;
	if (sqlite3_prepare_v2(h, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version < 1 || version > db_latest_version()) {
		printf("schema: version %d, this binary knows 1 to %d\n", version, db_latest_version());
		sound = 0;
	}
	printf("%s: %s (schema version %d)\n", path, sound ? "ok" : "NOT SOUND", version);
	return sound ? 0 : -1;
}

int backup_check(const char *db_path)
{
	sqlite3 *h;
	if (open_db(db_path, SQLITE_OPEN_READONLY, &h) != 0)
		return -1;
	int rc = check_handle(h, db_path);
	/* The public history's chain, from its first entry (issue 15), on a sound database. */
	struct buf problems = {0};
	int bad = rc == 0 ? version_check_history(h, &problems) : 0;
	int keys_bad = rc == 0 ? key_store_check(h, &problems) : 0;   /* the signing keys' record (0019) */
	if (bad == 0 && keys_bad != 0)
		bad = keys_bad;
	if (bad != 0) {
		fputs(buf_str(&problems), stdout);
		printf("%s: the history is %s\n", db_path, bad < 0 ? "unreadable" : "NOT INTACT");
		rc = -1;
	} else if (rc == 0) {
		printf("%s: the history is intact\n", db_path);
	}
	buf_free(&problems);
	sqlite3_close(h);
	/* The media files the database names: present and whole. */
	if (media_backup_check(db_path) != 0)
		rc = -1;
	return rc;
}

/* Copy everything from src to dst, pages_per_step at a time (-1: all in one step), waiting out a busy lock.
 * A step holds one read transaction on src: in one step the copy is one consistent snapshot that the
 * server's writers (WAL: they never wait for a reader) cannot restart; in several, a write landing between
 * two steps restarts the copy, which on a large, busy database never finished. */
static int copy(sqlite3 *src, sqlite3 *dst, int pages_per_step)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL) {
		fprintf(stderr, "pressroom: backup: %s\n", sqlite3_errmsg(dst));
		return -1;
	}
	int rc;
	while ((rc = sqlite3_backup_step(b, pages_per_step)) == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		if (rc != SQLITE_OK)
			sqlite3_sleep(50);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "pressroom: backup: %s\n", sqlite3_errstr(rc));
		return -1;
	}
	return 0;
}

/* fsync a file, or the folder holding it (so that a rename in it is durable). 0 or -1 with errno set. */
static int sync_path(const char *path, int folder)
{
	char dir[4096];
	if (folder) {
		const char *slash = strrchr(path, '/');
		size_t n = slash == NULL ? 1 : slash == path ? 1 : (size_t)(slash - path);
		if (n >= sizeof dir)
			return -1;
		memcpy(dir, slash == NULL ? "." : path, n);
		dir[n] = '\0';
		path = dir;
	}
	int fd = open(path, O_RDONLY | (folder ? O_DIRECTORY : 0));
	if (fd < 0)
		return -1;
	int rc = fsync(fd);
	return close(fd) != 0 || rc != 0 ? -1 : 0;
}

/* As backup_make; with keep_others, an existing file is never replaced (link instead of rename): -2. */
static int make(const char *db_path, const char *file, int keep_others)
{
	char tmp[4096];
	sqlite3 *src = NULL, *dst = NULL;
	int rc = -1;
	if (snprintf(tmp, sizeof tmp, "%s.partial", file) >= (int)sizeof tmp)
		return -1;
	unlink(tmp);
	if (open_db(db_path, SQLITE_OPEN_READONLY, &src) != 0 ||
	    open_db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &dst) != 0)
		goto out;
	/* The copy is a plain rollback-journal file: one file, nothing beside it to forget. */
	if (copy(src, dst, -1) != 0 || sqlite3_exec(dst, "PRAGMA journal_mode=DELETE;", NULL, NULL, NULL) != SQLITE_OK ||
	    check_handle(dst, file) != 0)
		goto out;
	sqlite3_close(dst);
	dst = NULL;
	if (sync_path(tmp, 0) != 0)
		goto failed;
	if (keep_others && link(tmp, file) != 0) {
		rc = errno == EEXIST ? -2 : -1;
		if (rc == -1)
			perror("pressroom: backup");
		goto out;
	}
	if ((keep_others ? unlink(tmp) : rename(tmp, file)) != 0 || sync_path(file, 1) != 0)
		goto failed;
	/* And the media files that copy names, beside it in FILE.media/. */
	rc = media_backup_copy(db_path, file);
	goto out;
failed:
	perror("pressroom: backup");
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	if (rc != 0)
		unlink(tmp);
	return rc;
}

int backup_make(const char *db_path, const char *file)
{
	return make(db_path, file, 0) == 0 ? 0 : -1;
}

/* A name backup_into_folder gives: pressroom-YYYYMMDD-HHMMSS.db, nothing else (other files are not ours). */
static int ours(const char *name)
{
	static const char shape[] = "pressroom-99999999-999999.db";
	if (strlen(name) != sizeof shape - 1)
		return 0;
	for (size_t i = 0; i < sizeof shape - 1; i++)
		if (shape[i] == '9' ? name[i] < '0' || name[i] > '9' : name[i] != shape[i])
			return 0;
	return 1;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Remove a backup's media folder, FILE.media/<2 hex>/<sha256>: two levels, files only. */
static void remove_media(const char *backup)
{
	char top[4200];
	snprintf(top, sizeof top, "%s.media", backup);
	DIR *d = opendir(top);
	if (d == NULL)
		return;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		char sub[4500];
		if (e->d_name[0] == '.')
			continue;
		snprintf(sub, sizeof sub, "%s/%s", top, e->d_name);
		DIR *s = opendir(sub);
		for (struct dirent *f; s && (f = readdir(s)) != NULL;) {
			char file[4800];
			if (f->d_name[0] == '.')
				continue;
			snprintf(file, sizeof file, "%s/%s", sub, f->d_name);
			unlink(file);
		}
		if (s)
			closedir(s);
		rmdir(sub);
	}
	closedir(d);
	rmdir(top);
}

/* Delete all but the newest keep of our backups in dir (the names sort by time), with their media. */
static int prune(const char *dir, int keep)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return -1;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		if (!ours(e->d_name))
			continue;
		if (n == cap) {
			char **grown = realloc(names, (cap = cap ? cap * 2 : 64) * sizeof *names);
			if (grown == NULL) {
				rc = -1;
				break;
			}
			names = grown;
		}
		if ((names[n] = strdup(e->d_name)) == NULL) {
			rc = -1;
			break;
		}
		n++;
	}
	closedir(d);
	if (rc == 0 && names)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n; i++) {
		char path[4096];
		if (rc == 0 && i + (size_t)keep < n && snprintf(path, sizeof path, "%s/%s", dir, names[i]) < (int)sizeof path &&
		    unlink(path) != 0)
			rc = -1;
		else if (rc == 0 && i + (size_t)keep < n)
			remove_media(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int backup_into_folder(const char *db_path, const char *dir, int keep)
{
	char file[4096];
	int rc = -2;
	/* Two backups in the same second (an upgrade's and the nightly's): the second waits for the next. */
	for (int tries = 0; rc == -2 && tries < 3; tries++) {
		if (tries)
			sleep(1);
		time_t now = time(NULL);
		struct tm tm;
		gmtime_r(&now, &tm);
		char stamp[32];
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
		if (snprintf(file, sizeof file, "%s/pressroom-%s.db", dir, stamp) >= (int)sizeof file)
			return -1;
		rc = make(db_path, file, 1);
	}
	if (rc != 0) {
		if (rc == -2)
			fprintf(stderr, "pressroom: backup: %s exists already; not replaced\n", file);
		return -1;
	}
	printf("%s\n", file);
	if (keep > 0 && prune(dir, keep) != 0) {
		perror("pressroom: backup: removing old backups");
		return -1;
	}
	return 0;
}

int backup_restore(const char *db_path, const char *file)
{
	sqlite3 *src = NULL, *dst = NULL;
	int rc = -1;
	if (open_db(file, SQLITE_OPEN_READONLY, &src) != 0)
		goto out;
	if (check_handle(src, file) != 0) {
		fprintf(stderr, "pressroom: %s is not a sound backup; nothing was restored\n", file);
		goto out;
	}
	/* The media files first: the store only grows, so the files are there before the rows that name them. */
	if (media_backup_restore(db_path, file) != 0) {
		fprintf(stderr, "pressroom: the media files of %s could not be restored; the database was not\n", file);
		goto out;
	}
	if (open_db(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &dst) != 0 ||
	    sqlite3_exec(dst, "PRAGMA journal_mode=WAL;", NULL, NULL, NULL) != SQLITE_OK ||
	    copy(src, dst, 1024) != 0)
		goto out;
	rc = check_handle(dst, db_path);
out:
	sqlite3_close(src);
	sqlite3_close(dst);
	return rc;
}
