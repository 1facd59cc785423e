/* resp.c: responses. All output of a request is gathered in r->body and r->headers, then sent in one piece
 * by the worker, so a failure half-way through a page can still become a clean error page. */
#include "resp.h"

#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "log.h"
#include "req.h"
#include "tpl.h"

const char *resp_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Content Too Large";
	case 414: return "URI Too Long";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Unknown";
	}
}

static int header_safe(const char *s)
{
	return strpbrk(s, "\r\n") == NULL;
}

int resp_header(struct req *r, const char *name, const char *value)
{
	if (!header_safe(name) || !header_safe(value)) {
		log_warn("refused a header %s with a line break in it", name);
		return -1;
	}
	buf_printf(&r->headers, "%s: %s\r\n", name, value);
	return 0;
}

void resp_redirect(struct req *r, int status, const char *path)
{
	/* A path only: "//host" or "/\host" would send the visitor off-site. */
	if (path[0] != '/' || path[1] == '/' || path[1] == '\\' || resp_header(r, "Location", path) != 0) {
		resp_error(r, 400, "This address cannot be redirected.");
		return;
	}
	r->status = status;
	r->content_type = "text/plain; charset=utf-8";
	buf_reset(&r->body);
	buf_printf(&r->body, "%s\n", path);
}

void resp_render(struct req *r, struct tpl_dict *d, const char *tpl)
{
	buf_reset(&r->body);
	if (tpl_render(d, tpl, &r->body) != 0) {
		resp_error(r, 500, "This page could not be shown. The error has been logged.");
		return;
	}
	if (r->status == 0)
		r->status = 200;
	r->content_type = "text/html; charset=utf-8";
}

void resp_error(struct req *r, int status, const char *message)
{
	if (status >= 500)
		log_error("%d %s %s: %s", status, r->method_name, r->path ? r->path : "-", message);
	else
		log_warn("%d %s %s: %s", status, r->method_name, r->path ? r->path : "-", message);
	r->status = status;
	r->content_type = "text/html; charset=utf-8";
	buf_reset(&r->body);
	struct tpl_dict *d = tpl_dict_new();
	char title[64];
	snprintf(title, sizeof title, "%d %s", status, resp_reason(status));
	layout_fill(r, d, title);
	tpl_set_int(d, "STATUS", status);
	tpl_set(d, "REASON", resp_reason(status));
	tpl_set(d, "MESSAGE", message);
	if (tpl_render(d, "error.tpl", &r->body) != 0) {
		/* The error template itself failed: a plain page rather than none. */
		buf_reset(&r->body);
		r->content_type = "text/plain; charset=utf-8";
		buf_printf(&r->body, "%d %s\n", status, resp_reason(status));
	}
	tpl_dict_free(d);
}

void resp_wire(const struct req *r, struct buf *out)
{
	int status = r->status ? r->status : 200;
	buf_printf(out, "Status: %d %s\r\n", status, resp_reason(status));
	if (r->content_type)
		buf_printf(out, "Content-Type: %s\r\n", r->content_type);
	buf_printf(out, "Content-Length: %zu\r\n", r->body.len);
	buf_append(out, r->headers.data ? r->headers.data : "", r->headers.len);
	buf_puts(out, "\r\n");
	if (r->method != METHOD_HEAD)
		buf_append(out, buf_str(&r->body), r->body.len);
}
