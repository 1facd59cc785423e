/* media_decode.h: an image decoded and re-encoded with libvips, in the broker's short-lived, sandboxed child
 * (media_broker.c) only: this is the code a hostile file attacks, so it runs where a crash, a hang or a
 * memory bomb costs that child alone. */
#ifndef PRESSROOM_MEDIA_DECODE_H
#define PRESSROOM_MEDIA_DECODE_H

#include <stddef.h>

/* The widths published, never upscaled; an image narrower than the first gets its own width. */
#define MEDIA_WIDTHS {480, 960, 1600}

/* libvips, its modules and one thread: before the child's sandbox. Returns 0 or -1. */
int media_decode_init(void);
/* Decode the image at in (refused over max_pixels from its header, before any pixel is decoded; a
 * truncated or corrupt file fails as it decodes), and write each width, upright (EXIF
 * orientation applied) and without any metadata, as <prefix>-<i>.webp and .jpeg (i: the width's index, so
 * that the worker knows every name the child may have written). Writes the result to out as text:
 * "ok W H\n" and a line "FORMAT I W H\n" per file, or "error MESSAGE\n". */
void media_decode_image(const char *in, const char *prefix, long long max_pixels, char *out, size_t outlen);

#endif
