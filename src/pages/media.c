/* media.c: GET /media/<sha256>.<webp|jpg|pdf> -- a published photo rendition or document. Public. The
 * application only decides: the file must be a public rendition of a public item (a withdrawn item's files
 * answer 410, a draft's, an original upload's or an unknown hash 404); nginx then sends the bytes itself
 * from the internal location /_media/ (X-Accel-Redirect, sendfile). On such a redirect nginx keeps only
 * Content-Type, Content-Disposition, Cache-Control, Expires, Set-Cookie and Accept-Ranges of this answer;
 * the internal location adds nosniff and the CSP, and Content-Length and the validators come from the file
 * (script/nginx-conf, docs/deploy.md). */
#include <string.h>
#include <strings.h>

#include "../buf.h"
#include "../media_public.h"
#include "../req.h"
#include "../resp.h"
#include "pages.h"

enum { NAME_MAX_BYTES = 120 };

/* RFC 5987 attr-char: what filename*= may carry unencoded. */
static int attr_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("!#$&+-.^_`|~", c) != NULL);
}

/* The download name of a document: name (its title or original name) without what a file name or a
 * header must not hold, cut at a character boundary, ending in ".pdf". */
static void download_name(const char *name, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)name;
	for (; *p && out->len < NAME_MAX_BYTES; p++) {
		unsigned char c = *p;
		buf_putc(out, c < 0x20 || c == 0x7f || c == '/' || c == '\\' || c == '"' ? '_' : (char)c);
	}
	if ((*p & 0xc0) == 0x80) {  /* cut inside a character: drop its first bytes too */
		while (out->len > 0 && ((unsigned char)out->data[out->len - 1] & 0xc0) == 0x80)
			out->len--;
		if (out->len > 0)
			out->len--;
	}
	size_t n = out->len;
	if (n == 0)
		buf_puts(out, "document");
	else
		out->data[n] = '\0';
	if (n < 4 || strcasecmp(buf_str(out) + n - 4, ".pdf") != 0)
		buf_puts(out, ".pdf");
}

/* Content-Disposition per RFC 6266: an ASCII filename= for old clients (each run of other characters one
 * '_') and the exact name in filename*=UTF-8''... */
static void content_disposition(const char *name, struct buf *out)
{
	struct buf clean = {0};
	download_name(name, &clean);
	buf_puts(out, "attachment; filename=\"");
	int run = 0;
	for (const unsigned char *p = (const unsigned char *)buf_str(&clean); *p; p++) {
		if (*p < 0x80) {
			buf_putc(out, (char)*p);
			run = 0;
		} else if (!run) {
			buf_putc(out, '_');
			run = 1;
		}
	}
	buf_puts(out, "\"; filename*=UTF-8''");
	for (const unsigned char *p = (const unsigned char *)buf_str(&clean); *p; p++) {
		if (attr_char(*p))
			buf_putc(out, (char)*p);
		else
			buf_printf(out, "%%%02X", *p);
	}
	buf_free(&clean);
}

void page_media(struct req *r)
{
	char file[65];
	enum media_format format;
	struct media_file_info info;
	if (!media_segment(r->arg, file, &format)) {  /* the gate has checked it (SEG_MEDIA) */
		resp_error(r, 404, "There is no file at this address.");
		return;
	}
	int access = media_public_file(r->db, r->arena, r->now, file, format, &info);
	if (access < 0) {
		resp_error(r, 500, "This file could not be looked up. The error has been logged.");
		return;
	}
	if (access == MEDIA_WITHDRAWN) {
		resp_error(r, 410, "This file belonged to a statement that has been withdrawn.");
		return;
	}
	if (access != MEDIA_PUBLIC) {
		resp_error(r, 404, "No published statement carries this file.");
		return;
	}
	/* The name carries the hash, so the bytes never change: not the pages' revalidation rule. */
	r->cacheable = 0;
	r->status = 200;
	r->content_type = media_mime(format);
	resp_header(r, "Cache-Control", "public, max-age=31536000, immutable");
	if (format == MEDIA_PDF) {
		struct buf cd = {0};
		content_disposition(info.name, &cd);
		resp_header(r, "Content-Disposition", buf_str(&cd));
		buf_free(&cd);
	}
	char to[sizeof "/_media/xx/" + 64];
	memcpy(to, "/_media/", 8);
	memcpy(to + 8, file, 2);
	to[10] = '/';
	memcpy(to + 11, file, 65);
	resp_header(r, "X-Accel-Redirect", to);
}
