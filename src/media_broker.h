/* media_broker.h: images are decoded outside the worker. Each worker, before its sandbox, forks a small
 * broker and keeps one end of a socket pair to it; for each image the broker forks a fresh child that sets
 * its own memory and CPU limits, enters a sandbox tighter than the worker's (media_dir only, no network,
 * no exec) and runs media_decode.c. A child that crashes, hangs or runs out of memory costs that child: the
 * broker reports an error and the worker answers the officer. */
#ifndef PRESSROOM_MEDIA_BROKER_H
#define PRESSROOM_MEDIA_BROKER_H

#include <stddef.h>

struct arena;
struct sandbox;

enum { MEDIA_MAX_RENDITIONS = 8 };

struct media_rendition_file {
	const char *format; /* "webp" or "jpeg" */
	const char *path;   /* the temporary file the child wrote */
	int width, height;
};

struct media_image {
	int width, height;  /* the original's, upright */
	int n;
	struct media_rendition_file r[MEDIA_MAX_RENDITIONS];
};

/* Fork this worker's broker (before sandbox_enter). Returns 0, or -1 with a message. */
int media_broker_start(const struct sandbox *s, char *err, size_t errlen);
/* Have the image at path (a temporary file in the media folder) decoded and its renditions written beside
 * it. Returns 0 and fills *out (paths in a), or -1 with the officer's message in *why (allocated in a). */
int media_broker_image(struct arena *a, const char *path, struct media_image *out, const char **why);
/* Is this worker's broker still there? A worker whose broker died leaves after its request. */
int media_broker_alive(void);

#endif
