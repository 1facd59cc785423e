/* media_backup.c: the media store checked, backed up and restored with the database. */
#include "media_backup.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db.h"

/* The folder beside a database file or backup: dir of path + "/media", or path + ".media" for a backup. */
static void store_of(const char *db_path, char *out, size_t len)
{
	const char *slash = strrchr(db_path, '/');
	if (slash == NULL)
		snprintf(out, len, "media");
	else
		snprintf(out, len, "%.*s/media", (int)(slash - db_path), db_path);
}

/* Does the file at path hash to sha (and hold bytes bytes)? 1 yes, 0 no (or missing: *missing set). */
static int sound(const char *path, const char *sha, long long bytes, int *missing)
{
	*missing = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*missing = errno == ENOENT;
		return 0;
	}
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	unsigned char chunk[65536], digest[crypto_hash_sha256_BYTES];
	char hex[65];
	ssize_t n;
	long long total = 0;
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		crypto_hash_sha256_update(&st, chunk, (unsigned long long)n);
		total += n;
	}
	close(fd);
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
	return n == 0 && total == bytes && strcmp(hex, sha) == 0;
}

/* Call each(sha, bytes, ctx) for every file the database at path names; stops at a nonzero return. Returns
 * that, 0, or -1 if the database cannot be read. */
static int each_file(const char *path, int (*each)(const char *sha, long long bytes, void *ctx), void *ctx)
{
	sqlite3 *h = NULL;
	if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "pressroom: cannot open %s: %s\n", path, h ? sqlite3_errmsg(h) : "out of memory");
		sqlite3_close(h);
		return -1;
	}
	sqlite3_busy_timeout(h, 10000);
	sqlite3_stmt *st = db_prepare_raw(h, STMT_MEDIA_FILES_ALL);
	int rc = st ? 0 : -1;
	if (st == NULL)
		fprintf(stderr, "pressroom: %s: cannot list its media files: %s\n", path, sqlite3_errmsg(h));
	while (rc == 0 && st && sqlite3_step(st) == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(st, 0);
		if (sha == NULL || strlen(sha) != 64 || strspn(sha, "0123456789abcdef") != 64) {
			fprintf(stderr, "pressroom: %s names a media file badly\n", path);
			rc = -1;
			break;
		}
		rc = each(sha, sqlite3_column_int64(st, 1), ctx);
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return rc;
}

struct check {
	const char *store;
	int files, bad;
};

static int check_one(const char *sha, long long bytes, void *ctx)
{
	struct check *c = ctx;
	char path[4200];
	int missing;
	snprintf(path, sizeof path, "%s/%.2s/%s", c->store, sha, sha);
	c->files++;
	if (!sound(path, sha, bytes, &missing)) {
		printf("media: %s %s\n", path, missing ? "is missing" : "is corrupt (its bytes do not match its hash)");
		c->bad++;
	}
	return 0;
}

int media_backup_check(const char *db_path)
{
	struct check c = {0};
	char store[4096];
	store_of(db_path, store, sizeof store);
	c.store = store;
	if (each_file(db_path, check_one, &c) != 0)
		return -1;
	printf("media: %d files, %s\n", c.files, c.bad ? "NOT SOUND" : "ok");
	return c.bad ? -1 : 0;
}

/* Copy from to to (a new file, synced): 0 or -1. */
static int copy_file(const char *from, const char *to)
{
	int in = open(from, O_RDONLY | O_CLOEXEC), out = -1, rc = -1;
	char buf[65536];
	ssize_t n;
	if (in < 0 || (out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640)) < 0)
		goto out;
	while ((n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n)
			goto out;
	rc = n == 0 && fsync(out) == 0 ? 0 : -1;
out:
	if (in >= 0)
		close(in);
	if (out >= 0 && close(out) != 0)
		rc = -1;
	if (rc != 0 && out >= 0)
		unlink(to);
	return rc;
}

struct transfer {
	const char *from, *to;
	int files;
};

static int transfer_one(const char *sha, long long bytes, void *ctx)
{
	struct transfer *t = ctx;
	char src[4200], dir[4200], dst[4300];
	int missing;
	snprintf(src, sizeof src, "%s/%.2s/%s", t->from, sha, sha);
	snprintf(dir, sizeof dir, "%s/%.2s", t->to, sha);
	snprintf(dst, sizeof dst, "%s/%s", dir, sha);
	if (sound(dst, sha, bytes, &missing))
		return 0; /* there already */
	if (!missing)
		unlink(dst); /* damaged: replaced below */
	if (!sound(src, sha, bytes, &missing)) {
		fprintf(stderr, "pressroom: media file %s %s\n", src, missing ? "is missing" : "is corrupt");
		return -1;
	}
	/* Made with the first file: a site without media gets no empty folder beside its backups. */
	if ((mkdir(t->to, 0750) != 0 && errno != EEXIST) || (mkdir(dir, 0750) != 0 && errno != EEXIST)) {
		fprintf(stderr, "pressroom: cannot make %s: %s\n", dir, strerror(errno));
		return -1;
	}
	/* A copy, never a hard link: a link shares the bytes, and a file damaged in the store would be damaged
	 * in every backup with it. */
	if (copy_file(src, dst) != 0) {
		fprintf(stderr, "pressroom: cannot copy %s to %s: %s\n", src, dst, strerror(errno));
		return -1;
	}
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	t->files++;
	return 0;
}

int media_backup_copy(const char *db_path, const char *backup)
{
	char store[4096], to[4200];
	store_of(db_path, store, sizeof store);
	snprintf(to, sizeof to, "%s.media", backup);
	struct transfer t = {store, to, 0};
	return each_file(backup, transfer_one, &t) == 0 ? 0 : -1;
}

int media_backup_restore(const char *db_path, const char *backup)
{
	char store[4096], from[4200];
	store_of(db_path, store, sizeof store);
	snprintf(from, sizeof from, "%s.media", backup);
	struct transfer t = {from, store, 0};
	int rc = each_file(backup, transfer_one, &t);
	if (rc == 0 && t.files)
		printf("media: %d files restored into %s\n", t.files, store);
	return rc == 0 ? 0 : -1;
}
