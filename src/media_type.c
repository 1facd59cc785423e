/* media_type.c: an upload's type by content, with libmagic. */
#include "media_type.h"

#include <fcntl.h>
#include <magic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static magic_t cookie;

int media_type_init(char *err, size_t errlen)
{
	if (cookie)
		return 0;
	/* MAGIC_NO_CHECK_COMPRESS: never look inside compressed data (libmagic would run a decompressor). */
	cookie = magic_open(MAGIC_MIME_TYPE | MAGIC_NO_CHECK_COMPRESS | MAGIC_ERROR);
	if (cookie == NULL || magic_load(cookie, NULL) != 0) {
		snprintf(err, errlen, "cannot load libmagic's database: %s", cookie ? magic_error(cookie) : "out of memory");
		return -1;
	}
	return 0;
}

static const struct {
	const char *mime;
	enum media_kind kind;
} accepted[] = {
	{"image/jpeg", MEDIA_IMAGE},
	{"image/png", MEDIA_IMAGE},
	{"image/webp", MEDIA_IMAGE},
	{"application/pdf", MEDIA_DOCUMENT},
};

/* "%PDF-" first and "%%EOF" in the last 1024 bytes: what a reader requires, and what an HTML or ZIP file
 * libmagic might still call a PDF (a polyglot with the marker further in) lacks. */
static int pdf_frame(int fd)
{
	struct stat st;
	char head[5], tail[1024];
	if (fstat(fd, &st) != 0 || st.st_size < 16 || pread(fd, head, 5, 0) != 5 || memcmp(head, "%PDF-", 5) != 0)
		return 0;
	size_t n = st.st_size < (off_t)sizeof tail ? (size_t)st.st_size : sizeof tail;
	if (pread(fd, tail, n, st.st_size - (off_t)n) != (ssize_t)n)
		return 0;
	return memmem(tail, n, "%%EOF", 5) != NULL;
}

enum media_kind media_type_of(const char *path, const char **mime, const char **why)
{
	*mime = NULL;
	*why = "is not a JPEG, PNG or WebP image or a PDF document";
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*why = "could not be read back after the upload";
		return MEDIA_REFUSED;
	}
	enum media_kind kind = MEDIA_REFUSED;
	const char *m = magic_descriptor(cookie, fd);
	for (size_t i = 0; m && i < sizeof accepted / sizeof accepted[0]; i++) {
		if (strcmp(m, accepted[i].mime) != 0)
			continue;
		kind = accepted[i].kind;
		*mime = accepted[i].mime;
	}
	if (kind == MEDIA_DOCUMENT && !pdf_frame(fd)) {
		kind = MEDIA_REFUSED;
		*why = "is not a complete PDF document (it must start with %PDF- and end with %%EOF)";
	}
	close(fd);
	return kind;
}
