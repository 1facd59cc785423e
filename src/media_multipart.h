/* media_multipart.h: a streaming multipart/form-data parser (RFC 7578). The body is fed in chunks as it
 * arrives; text fields are collected (bounded) and file parts handed to a sink chunk by chunk, so a 20 MB
 * upload is never held in memory. Pure: no I/O of its own (the sink does it), used by the fuzzer as is. */
#ifndef PRESSROOM_MEDIA_MULTIPART_H
#define PRESSROOM_MEDIA_MULTIPART_H

#include <stddef.h>

struct arena;

enum { MP_MAX_PARTS = 128, MP_MAX_HEADER = 4096, MP_MAX_BOUNDARY = 70 };

/* One part as parsed. A text field has filename NULL and its value NUL-terminated in value; a file part
 * has filename (maybe "": a file input left empty) and whatever the sink made of its bytes in file. */
struct mp_part {
	const char *name;
	const char *filename;
	const char *value;
	size_t size;        /* bytes of the part's content */
	int too_large;      /* a file over the file limit: its bytes were dropped */
	void *file;         /* the sink's handle (see struct mp_sink), or NULL */
};

/* Where file bytes go. open returns a handle for the part (NULL: drop its bytes), put appends (0, or -1
 * to drop the rest), close ends it: keep 1 when the part is complete and within the limit (the handle stays
 * in part->file for the caller), keep 0 to remove what was written (also after a keep 1: the body failed
 * later). */
struct mp_sink {
	void *(*open)(void *ctx, const struct mp_part *p);
	int (*put)(void *ctx, void *file, const char *data, size_t n);
	void (*close)(void *ctx, void *file, int keep);
	void *ctx;
};

struct mp_limits {
	size_t text_max; /* all text fields together, bytes */
	size_t file_max; /* one file, bytes */
};

struct mp;

/* The boundary of a Content-Type "multipart/form-data; boundary=...", copied into the arena, or NULL if
 * the type is another or the boundary is missing or not RFC 2046's (1-70 of its characters). */
const char *mp_boundary(struct arena *a, const char *content_type);
/* A parser for one body; everything it returns belongs to the arena. */
struct mp *mp_new(struct arena *a, const char *boundary, const struct mp_limits *limits, const struct mp_sink *sink);
/* Feed the next n bytes. Returns 0, or -1 when the body is malformed (*why says how; feed no more). */
int mp_feed(struct mp *p, const char *data, size_t n, const char **why);
/* The body has ended: 0 and the parts in order, or -1 with *why (truncated, malformed). Open files are
 * closed either way; on -1 none is kept. */
int mp_finish(struct mp *p, struct mp_part **parts, size_t *nparts, const char **why);

#endif
