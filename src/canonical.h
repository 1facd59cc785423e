/* canonical.h: the canonical plain text of a published version, the exact bytes that are signed, served as
 * <URL>.txt and hashed into the history log (docs/authenticity.md, section 1). */
#ifndef PRESSROOM_CANONICAL_H
#define PRESSROOM_CANONICAL_H
#include <stddef.h>
#include <stdint.h>
#include "buf.h"

/* One file the public can download with the version: a photo's rendition or a document. */
struct canon_file {
	const char *sha256;   /* lower-case hex */
	const char *format;   /* webp, jpeg, pdf */
	int         width;    /* 0 for a document */
};

/* A version as the reader sees it. Files come ordered by position, then format, then width. */
struct canon_version {
	const char *site, *url, *kind, *type, *lang;
	int         version;
	const char *change;   /* published, corrected, withdrawn */
	int64_t     published_at;
	const char *note;
	const struct canon_file *files;
	size_t      nfiles;
	const char *title, *teaser, *body, *signature;
};

/* Append the canonical text of v to out. */
void canonical_text(struct buf *out, const struct canon_version *v);

#endif
