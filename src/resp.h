/* resp.h: building the response: status, headers, the rendered page, redirects and the one error page. */
#ifndef PRESSROOM_RESP_H
#define PRESSROOM_RESP_H

#include "buf.h"

struct req;
struct tpl_dict;

/* Add a header. Refuses (and logs) a name or value holding CR, LF or NUL, so nothing from a request can
 * split a header. Returns 0 or -1. */
int resp_header(struct req *r, const char *name, const char *value);
/* Redirect to a path on this site (must start with a single '/'). */
void resp_redirect(struct req *r, int status, const char *path);
/* Render template tpl with d as the body, status 200 unless set. A template failure becomes the 500 page. */
void resp_render(struct req *r, struct tpl_dict *d, const char *tpl);
/* The same with another content type (feeds, sitemaps). */
void resp_render_as(struct req *r, struct tpl_dict *d, const char *tpl, const char *content_type);
/* The styled error page with status and a message for the visitor; logs a line with the request. */
/* message is a msgid: the page shows it in the request's language (xgettext takes resp_error's third
 * argument into po/pressroom.pot). */
void resp_error(struct req *r, int status, const char *message);
/* How long shared caches may keep public pages (Cache-Control max-age and stale-while-revalidate). */
void resp_set_cache_policy(int max_age, int stale_while_revalidate);
/* Last touches before sending, in one place for every response: security headers on all; on a public
 * 200, an ETag (of the body) and Last-Modified (of the data shown), Cache-Control, and 304 Not Modified
 * when the request's If-None-Match (compared weakly) or If-Modified-Since says the client has it. */
void resp_finish(struct req *r);
/* The reason phrase of status ("Not Found"). */
const char *resp_reason(int status);
/* The bytes for the FastCGI stdout stream: the CGI headers and the blank line into head; the body to send
 * after them in *body, its length returned (0 for HEAD), straight from r->body rather than copied. */
size_t resp_wire(const struct req *r, struct buf *head, const char **body);

#endif
