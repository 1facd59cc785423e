/* media_store.c: content-addressed files under <data>/media and the media rows that name them. */
#include "media_store.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "db.h"
#include "log.h"
#include "media_upload.h"

const char *media_store_path(struct arena *a, const char *sha256)
{
	return arena_printf(a, "%s/%.2s/%s", media_dir(), sha256, sha256);
}

/* Hash the temporary file at tmp, fsync it, rename it to its name in the store and fsync that folder. The
 * same bytes stored before: the temporary file goes, the stored one stays. 0 with sha (65 bytes) and *bytes,
 * or -1 (logged; the temporary file removed). */
static int store_file(struct arena *a, const char *tmp, char sha[65], long long *bytes)
{
	int fd = open(tmp, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		log_error("media: cannot open %s: %s", tmp, strerror(errno));
		return -1;
	}
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	unsigned char chunk[65536], digest[crypto_hash_sha256_BYTES];
	ssize_t n;
	*bytes = 0;
	while ((n = read(fd, chunk, sizeof chunk)) > 0) {
		crypto_hash_sha256_update(&st, chunk, (unsigned long long)n);
		*bytes += n;
	}
	int rc = -1;
	if (n < 0 || fsync(fd) != 0 || *bytes == 0) {
		log_error("media: cannot read or sync %s: %s", tmp, strerror(errno));
		goto out;
	}
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(sha, 65, digest, sizeof digest);
	const char *dest = media_store_path(a, sha);
	if (access(dest, F_OK) == 0) {
		rc = 0; /* already stored: content addressing makes the copies one */
		goto out;
	}
	const char *dir = arena_printf(a, "%s/%.2s", media_dir(), sha);
	if (rename(tmp, dest) != 0) {
		log_error("media: cannot move %s to %s: %s", tmp, dest, strerror(errno));
		goto out;
	}
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0 || fsync(dfd) != 0) {
		log_error("media: cannot sync %s: %s", dir, strerror(errno));
		if (dfd >= 0)
			close(dfd);
		close(fd);
		return -1;
	}
	close(dfd);
	close(fd);
	return 0;
out:
	close(fd);
	unlink(tmp);
	return rc;
}

static int file_row(struct db *db, time_t now, const char *sha, const char *mime, long long bytes, int w, int h)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MEDIA_FILE_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_text(st, 1, sha, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, mime, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, bytes);
	if (w > 0) {
		sqlite3_bind_int(st, 4, w);
		sqlite3_bind_int(st, 5, h);
	}
	sqlite3_bind_int64(st, 6, (long long)now);
	return db_run(st);
}

static int rendition_row(struct db *db, long long media, const char *format, int width, const char *sha)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MEDIA_RENDITION_INSERT);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, media);
	sqlite3_bind_text(st, 2, format, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, width);
	sqlite3_bind_text(st, 4, sha, -1, SQLITE_STATIC);
	return db_run(st);
}

long long media_store_upload(struct db *db, struct arena *a, time_t now, const struct media_new *m)
{
	const struct media_image *img = m->image;
	int n = img ? img->n : 0;
	char original[65], (*sha)[65] = arena_alloc(a, (size_t)(n ? n : 1) * sizeof *sha);
	long long bytes, rbytes;
	/* Files first, rows after: a file without a row is harmless (db check lists it), a row without its
	 * file is not. */
	int ok = store_file(a, m->path, original, &bytes) == 0;
	for (int i = 0; i < n; i++)
		if (store_file(a, img->r[i].path, sha[i], &rbytes) != 0)
			ok = 0;
	if (!ok)
		return -1;
	if (db_begin(db) != 0)
		return -1;
	long long id = -1;
	sqlite3_stmt *st;
	if (file_row(db, now, original, m->mime, bytes, img ? img->width : 0, img ? img->height : 0) != 0)
		goto fail;
	if ((st = db_stmt(db, STMT_MEDIA_INSERT)) == NULL)
		goto fail;
	sqlite3_bind_text(st, 1, m->kind == MEDIA_IMAGE ? "image" : "document", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, original, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, m->name, -1, SQLITE_STATIC);
	if (m->user > 0)
		sqlite3_bind_int64(st, 4, m->user);
	sqlite3_bind_int64(st, 5, (long long)now);
	if (db_run(st) != 0)
		goto fail;
	id = db_last_id(db);
	if (m->kind == MEDIA_DOCUMENT && rendition_row(db, id, "pdf", 0, original) != 0)
		goto fail;
	for (int i = 0; i < n; i++) {
		const char *mime = strcmp(img->r[i].format, "webp") == 0 ? "image/webp" : "image/jpeg";
		struct stat sb;
		if (stat(media_store_path(a, sha[i]), &sb) != 0)
			goto fail;
		if (file_row(db, now, sha[i], mime, (long long)sb.st_size, img->r[i].width, img->r[i].height) != 0 ||
		    rendition_row(db, id, img->r[i].format, img->r[i].width, sha[i]) != 0)
			goto fail;
	}
	if (db_commit(db) != 0)
		return -1;
	return id;
fail:
	log_error("media: saving an upload failed: %s", db_error(db));
	db_rollback(db);
	return -1;
}

int media_store_get(struct db *db, struct arena *a, long long id, struct media_attach *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MEDIA_BY_ID);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int rc = db_row(st);
	if (rc == 1) {
		out->media_id = sqlite3_column_int64(st, 0);
		out->kind = db_text_col(a, st, 1);
		out->name = db_text_col(a, st, 2);
		out->mime = db_text_col(a, st, 3);
		out->bytes = sqlite3_column_int64(st, 4);
		out->width = sqlite3_column_int(st, 5);
		out->height = sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	return rc;
}

int media_store_of_item(struct db *db, struct arena *a, long long item, struct media_attach **out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_ITEM_MEDIA_OF_ITEM);
	if (st == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, item);
	int n = 0, cap = 0, rc;
	struct media_attach *list = NULL;
	while ((rc = db_row(st)) == 1) {
		list = arena_grow(a, list, n, &cap, sizeof *list);
		list[n++] = (struct media_attach){
			.media_id = sqlite3_column_int64(st, 0),
			.is_lead = sqlite3_column_int(st, 1),
			.alt = db_text_col(a, st, 2),
			.decorative = sqlite3_column_int(st, 3),
			.caption = db_text_col(a, st, 4),
			.credit = db_text_col(a, st, 5),
			.title = db_text_col(a, st, 6),
		};
	}
	sqlite3_reset(st);
	if (rc < 0)
		return -1;
	for (int i = 0; i < n; i++)
		if (media_store_get(db, a, list[i].media_id, &list[i]) < 0)
			return -1;
	*out = list;
	return n;
}

int media_store_set_item(struct db *db, long long item, long long revision, const struct media_attach *list, int n,
                         int replace)
{
	sqlite3_stmt *st;
	if (replace) {
		if ((st = db_stmt(db, STMT_ITEM_MEDIA_CLEAR)) == NULL)
			return -1;
		sqlite3_bind_int64(st, 1, item);
		if (db_run(st) != 0)
			return -1;
		for (int i = 0; i < n; i++) {
			if ((st = db_stmt(db, STMT_ITEM_MEDIA_INSERT)) == NULL)
				return -1;
			sqlite3_bind_int64(st, 1, item);
			sqlite3_bind_int(st, 2, i + 1);
			sqlite3_bind_int64(st, 3, list[i].media_id);
			sqlite3_bind_int(st, 4, list[i].is_lead);
			db_bind_text(st, 5, list[i].alt ? list[i].alt : "");
			sqlite3_bind_int(st, 6, list[i].decorative);
			db_bind_text(st, 7, list[i].caption ? list[i].caption : "");
			db_bind_text(st, 8, list[i].credit ? list[i].credit : "");
			db_bind_text(st, 9, list[i].title ? list[i].title : "");
			if (db_run(st) != 0)
				return -1;
		}
	}
	if ((st = db_stmt(db, STMT_REVISION_MEDIA_COPY)) == NULL)
		return -1;
	sqlite3_bind_int64(st, 1, revision);
	sqlite3_bind_int64(st, 2, item);
	return db_run(st);
}
