/* media_type.h: what an uploaded file is, judged by its bytes (libmagic), never by its name or the type the
 * browser sent: a JPEG, PNG or WebP image, a PDF document, or refused. */
#ifndef PRESSROOM_MEDIA_TYPE_H
#define PRESSROOM_MEDIA_TYPE_H

#include <stddef.h>

enum media_kind { MEDIA_REFUSED, MEDIA_IMAGE, MEDIA_DOCUMENT };

/* Load libmagic's database. Before any sandbox: a worker may not read /usr/share/misc/magic. Returns 0, or
 * -1 with a message. */
int media_type_init(char *err, size_t errlen);
/* The kind of the file at path, its MIME type in *mime (a static string), or MEDIA_REFUSED with the
 * officer's message in *why. A PDF must also start with "%PDF-" and end with "%%EOF" (within its last
 * 1024 bytes, as readers look for it). */
enum media_kind media_type_of(const char *path, const char **mime, const char **why);

#endif
