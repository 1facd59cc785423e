/* media_decode.c: libvips in the decoder child: header check, full decode, renditions without metadata. */
#include "media_decode.h"

#include <stdio.h>
#include <string.h>
#include <vips/vips.h>

int media_decode_init(void)
{
	if (VIPS_INIT("pressroom"))
		return -1;
	vips_concurrency_set(1); /* one thread: the child's CPU limit is the image's, and nothing to race */
	vips_cache_set_max(0);
	return 0;
}

static void say(char *out, size_t outlen, const char *message)
{
	const char *detail = vips_error_buffer();
	if (detail && *detail)
		fprintf(stderr, "media decoder: %s: %s", message, detail);
	snprintf(out, outlen, "error %s\n", message);
}

/* Remove every metadata field (EXIF, XMP, IPTC, ICC, comments, and whatever a loader adds) from a copy of
 * img: the savers' strip option alone leaves the EXIF block in a WebP on libvips 8.14. */
static VipsImage *bare(VipsImage *img)
{
	VipsImage *copy;
	if (vips_copy(img, &copy, NULL) != 0)
		return NULL;
	gchar **fields = vips_image_get_fields(copy);
	for (int i = 0; fields[i]; i++)
		vips_image_remove(copy, fields[i]); /* the basic properties cannot be removed and stay */
	g_strfreev(fields);
	return copy;
}

static unsigned le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (unsigned)p[3] << 24;
}

static void put_le32(unsigned char *p, unsigned v)
{
	p[0] = (unsigned char)v, p[1] = (unsigned char)(v >> 8), p[2] = (unsigned char)(v >> 16), p[3] = (unsigned char)(v >> 24);
}

/* libvips 8.14's WebP saver writes an EXIF chunk of its own (resolution, orientation) even with strip: drop
 * the EXIF, XMP and ICC chunks from the RIFF container and their flags from VP8X. In place; the new length. */
static size_t webp_without_metadata(unsigned char *b, size_t len)
{
	if (len < 12 || memcmp(b, "RIFF", 4) != 0 || memcmp(b + 8, "WEBP", 4) != 0)
		return 0;
	size_t in = 12, out = 12;
	while (in + 8 <= len) {
		size_t size = le32(b + in + 4), whole = 8 + size + (size & 1);
		if (in + whole > len)
			return 0;
		if (memcmp(b + in, "EXIF", 4) != 0 && memcmp(b + in, "XMP ", 4) != 0 && memcmp(b + in, "ICCP", 4) != 0) {
			memmove(b + out, b + in, whole);
			if (memcmp(b + out, "VP8X", 4) == 0 && size >= 1)
				b[out + 8] &= (unsigned char)~(0x20 | 0x08 | 0x04); /* ICC, EXIF, XMP */
			out += whole;
		}
		in += whole;
	}
	if (in != len)
		return 0;
	put_le32(b + 4, (unsigned)(out - 8));
	return out;
}

static int save_webp(VipsImage *img, const char *path)
{
	void *buf;
	size_t len;
	if (vips_webpsave_buffer(img, &buf, &len, "Q", 80, "strip", TRUE, NULL) != 0)
		return -1;
	len = webp_without_metadata(buf, len);
	FILE *f = fopen(path, "wb");
	int rc = len > 0 && f && fwrite(buf, 1, len, f) == len ? 0 : -1;
	if (f && fclose(f) != 0)
		rc = -1;
	g_free(buf);
	return rc;
}

/* Save one rendition: WebP or JPEG (flattened on white: JPEG has no alpha), metadata stripped. */
static int save(VipsImage *img, const char *path, int jpeg)
{
	if (!jpeg)
		return save_webp(img, path);
	VipsImage *flat = NULL;
	int rc;
	if (vips_image_hasalpha(img)) {
		VipsArrayDouble *white = vips_array_double_newv(1, 255.0);
		rc = vips_flatten(img, &flat, "background", white, NULL);
		vips_area_unref(VIPS_AREA(white));
		if (rc != 0)
			return rc;
		img = flat;
	}
	rc = vips_jpegsave(img, path, "Q", 85, "strip", TRUE, "optimize_coding", TRUE, NULL);
	if (flat)
		g_object_unref(flat);
	return rc;
}

/* A decode that failed: out of memory (the child's address-space limit shows as a failed allocation or
 * thread), or a damaged file (fail_on: a truncated or corrupt file fails rather than publish grey). */
static void failed(char *out, size_t outlen)
{
	const char *e = vips_error_buffer();
	int limits = strstr(e, "memory") || strstr(e, "thread") || strstr(e, "Resource temporarily unavailable");
	say(out, outlen, limits ? "could not be decoded within the limits this site sets for images"
	                        : "is damaged or incomplete: it could not be decoded");
}

void media_decode_image(const char *in, const char *prefix, long long max_pixels, char *out, size_t outlen)
{
	/* The header only: nothing is decoded yet, so a decompression bomb stops here. */
	VipsImage *head = vips_image_new_from_file(in, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
	                                           VIPS_FAIL_ON_TRUNCATED, NULL);
	if (head == NULL) {
		say(out, outlen, "is not an image this site can read (its header is damaged)");
		return;
	}
	long long w = vips_image_get_width(head), h = vips_image_get_height(head);
	if (w <= 0 || h <= 0 || w * h > max_pixels) {
		g_object_unref(head);
		snprintf(out, outlen, "error has %lld x %lld pixels, more than the %lld this site accepts\n", w, h,
		         max_pixels);
		return;
	}
	int swap = vips_image_get_orientation_swap(head);
	g_object_unref(head);
	long long upright_w = swap ? h : w, upright_h = swap ? w : h;
	size_t used = (size_t)snprintf(out, outlen, "ok %lld %lld\n", upright_w, upright_h);
	static const int widths[] = MEDIA_WIDTHS;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		int want = widths[i];
		if (want > upright_w) {
			if (i > 0)
				break;
			want = (int)upright_w; /* narrower than the smallest width: its own */
		}
		/* vips_thumbnail shrinks on load where it can and turns the image upright by its EXIF
		 * orientation; the saves below write no metadata at all. */
		VipsImage *thumb, *t;
		if (vips_thumbnail(in, &thumb, want, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "fail_on",
		                   VIPS_FAIL_ON_TRUNCATED, NULL) != 0) {
			failed(out, outlen);
			return;
		}
		/* Into memory (at most 1600 pixels wide): here the file is decoded, every pixel of it (shrunk as
		 * it loads where the format allows), once for both saves. */
		VipsImage *mem = vips_image_copy_memory(thumb);
		g_object_unref(thumb);
		t = mem ? bare(mem) : NULL;
		if (mem)
			g_object_unref(mem);
		if (t == NULL) {
			failed(out, outlen);
			return;
		}
		for (int jpeg = 0; jpeg <= 1; jpeg++) {
			char path[4096];
			snprintf(path, sizeof path, "%s-%zu.%s", prefix, i, jpeg ? "jpeg" : "webp");
			if (save(t, path, jpeg) != 0) {
				g_object_unref(t);
				say(out, outlen, "could not be converted");
				return;
			}
			used += (size_t)snprintf(out + used, used < outlen ? outlen - used : 0, "%s %zu %d %d\n",
			                         jpeg ? "jpeg" : "webp", i, vips_image_get_width(t), vips_image_get_height(t));
		}
		g_object_unref(t);
	}
	if (used >= outlen)
		say(out, outlen, "could not be converted");
}
