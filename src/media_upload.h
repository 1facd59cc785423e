/* media_upload.h: a form with files, read by the worker: the multipart body is streamed through
 * media_multipart.c, its text fields become the request's form pairs (checked by the gate as any form's)
 * and its files land in temporary files in <data folder>/media/tmp, removed when the request ends unless the
 * store took them. */
#ifndef PRESSROOM_MEDIA_UPLOAD_H
#define PRESSROOM_MEDIA_UPLOAD_H

#include <stddef.h>
#include <sys/types.h>

struct req;

/* A file part as the page sees it. path is NULL when the file input was left empty or the file was over
 * the limit (too_large). */
struct media_upload {
	const char *field;     /* the form field's name */
	const char *filename;  /* as the browser sent it: for the office's eyes only, never a path */
	const char *path;      /* the temporary file, in the media folder's tmp/ */
	long long size;
	int too_large;
};

/* The media folders under the data folder: <data>/media/tmp and the store's <data>/media/00 ... ff, made if
 * missing (owned by uid:gid when root), before the workers start: they may not make folders. Returns 0, or
 * -1 with a message. */
int media_dirs_init(const char *data_dir, uid_t uid, gid_t gid, char *err, size_t errlen);
const char *media_dir(void);
const char *media_tmp_dir(void);

/* Read a multipart/form-data body of length bytes through read(ctx, buf, n) (which returns the bytes
 * read, fewer only at the end). Fills r->form with the text fields and r->uploads with the files. Returns
 * 0, or an HTTP status with *why: 400 (malformed), 413 (text over the form limit). A body over the request
 * limit is still read, its files dropped (too_large), so the form comes back with what was typed. */
int media_upload_read(struct req *r, long long length, int (*read)(void *ctx, char *buf, int n), void *ctx,
                      const char **why);
/* Remove the request's temporary files that the store did not take. */
void media_upload_cleanup(struct req *r);

#endif
