/* media_upload.c: a multipart form read by the worker, its files streamed to temporary files. */
#include "media_upload.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "auth.h"
#include "config.h"
#include "log.h"
#include "media_multipart.h"
#include "req.h"

static char store_dir[4096], tmp_dir[4096];

/* Make dir if missing, owned by uid:gid when we are root. */
static int make_dir(const char *dir, mode_t mode, uid_t uid, gid_t gid, char *err, size_t errlen)
{
	if ((mkdir(dir, mode) != 0 && errno != EEXIST) || (geteuid() == 0 && chown(dir, uid, gid) != 0)) {
		snprintf(err, errlen, "cannot make %s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

int media_dirs_init(const char *data_dir, uid_t uid, gid_t gid, char *err, size_t errlen)
{
	snprintf(store_dir, sizeof store_dir, "%s/media", data_dir);
	snprintf(tmp_dir, sizeof tmp_dir, "%s/media/tmp", data_dir);
	if (make_dir(store_dir, 0750, uid, gid, err, errlen) != 0 || make_dir(tmp_dir, 0700, uid, gid, err, errlen) != 0)
		return -1;
	/* The 256 folders of the store now: a worker's system calls do not include mkdir. */
	for (int i = 0; i < 256; i++) {
		char dir[4200];
		snprintf(dir, sizeof dir, "%s/%02x", store_dir, i);
		if (make_dir(dir, 0750, uid, gid, err, errlen) != 0)
			return -1;
	}
	return 0;
}

const char *media_dir(void)
{
	return store_dir;
}

const char *media_tmp_dir(void)
{
	return tmp_dir;
}

/* ---- the sink: one temporary file per file part ---- */

struct tmp_file {
	char *path;
	int fd;
	int kept;
};

static void *sink_open(void *ctx, const struct mp_part *part)
{
	struct req *r = ctx;
	if (part->filename[0] == '\0')
		return NULL; /* a file input left empty */
	struct tmp_file *t = arena_alloc(r->arena, sizeof *t);
	t->path = arena_printf(r->arena, "%s/up-XXXXXX", tmp_dir);
	t->fd = mkostemp(t->path, O_CLOEXEC);
	if (t->fd < 0) {
		log_error("cannot make a temporary file in %s: %s", tmp_dir, strerror(errno));
		return NULL;
	}
	return t;
}

/* Without a session: every file part is read and dropped, none is written. */
static void *sink_drop(void *ctx, const struct mp_part *part)
{
	(void)ctx;
	(void)part;
	return NULL;
}

static int sink_write(void *ctx, void *file, const char *data, size_t n)
{
	struct tmp_file *t = file;
	(void)ctx;
	while (n > 0) {
		ssize_t w = write(t->fd, data, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			log_error("writing %s: %s", t->path, strerror(errno));
			return -1;
		}
		data += w;
		n -= (size_t)w;
	}
	return 0;
}

static void sink_close(void *ctx, void *file, int keep)
{
	struct tmp_file *t = file;
	(void)ctx;
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	t->kept = keep;
	if (!keep)
		unlink(t->path);
}

int media_upload_read(struct req *r, long long length, int (*read)(void *ctx, char *buf, int n), void *ctx,
                      const char **why)
{
	const struct config *c = config_current;
	const char *boundary = mp_boundary(r->arena, r->body_type);
	if (boundary == NULL) {
		*why = "The form's multipart boundary is missing or malformed.";
		return 400;
	}
	long long request_limit = c ? c->media_request_limit : 60LL << 20;
	int over = length > request_limit;
	/* Files are stored only for a signed-in officer: an anonymous flood of uploads costs reading, never
	 * disk or decoding. Without a session the typed text is still kept, so an officer whose session
	 * expired loses no words (the files are chosen again after signing in). */
	int anonymous = auth_session(r) != 1;
	/* Over the request limit, nginx still let the body through (it allows a little more): read it, keep
	 * the typed text, drop every file, so the officer loses nothing typed. */
	struct mp_limits lim = {
		.text_max = (size_t)(c ? c->body_limit : 1L << 20),
		.file_max = over || anonymous ? 0 : (size_t)(c ? c->media_file_limit : 20L << 20),
	};
	struct mp_sink sink = {anonymous ? sink_drop : sink_open, sink_write, sink_close, r};
	struct mp *p = mp_new(r->arena, boundary, &lim, &sink);
	enum { CHUNK = 64 * 1024 };
	char *chunk = malloc(CHUNK);
	int status = 0;
	for (long long left = length; left > 0;) {
		int want = left < CHUNK ? (int)left : CHUNK;
		int got = read(ctx, chunk, want);
		if (got <= 0) {
			*why = "The request's body ended early.";
			status = 400;
			break;
		}
		left -= got;
		if (status == 0 && mp_feed(p, chunk, (size_t)got, why) != 0)
			status = 400; /* read the rest anyway: nginx has sent it */
	}
	free(chunk);
	struct mp_part *parts;
	size_t n;
	const char *finish_why;
	int bad = mp_finish(p, &parts, &n, &finish_why);
	if (status == 0 && bad) {
		*why = finish_why;
		status = 400;
	}
	r->multipart = 1;
	r->body_in = "";
	r->form = arena_alloc(r->arena, (n ? n : 1) * sizeof *r->form);
	r->uploads = arena_alloc(r->arena, (n ? n : 1) * sizeof *r->uploads);
	r->upload_too_large = over;
	for (size_t i = 0; i < n; i++) {
		if (parts[i].filename == NULL) {
			r->form[r->nform++] = (struct kv){parts[i].name, parts[i].value};
			continue;
		}
		struct tmp_file *t = parts[i].file;
		struct media_upload *u = &r->uploads[r->nuploads++];
		*u = (struct media_upload){parts[i].name, parts[i].filename, t && t->kept ? t->path : NULL,
		                           (long long)parts[i].size,
		                           !anonymous && (parts[i].too_large || (over && parts[i].size > 0))};
		if (u->too_large)
			r->upload_too_large = 1;
	}
	if (status != 0)
		media_upload_cleanup(r);
	return status;
}

void media_upload_cleanup(struct req *r)
{
	for (size_t i = 0; i < r->nuploads; i++) {
		if (r->uploads[i].path)
			unlink(r->uploads[i].path);
		r->uploads[i].path = NULL;
	}
}
