/* resp.c: responses. All output of a request is gathered in r->body and r->headers, then sent in one piece
 * by the worker, so a failure half-way through a page can still become a clean error page. */
#include "resp.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "clock.h"
#include "i18n.h"
#include "layout.h"
#include "site.h"
#include "log.h"
#include "req.h"
#include "tpl.h"
#include "words.h"

const char *resp_reason(int status)
{
	switch (status) {
	case 200: return I18N_NOOP("OK");
	case 301: return I18N_NOOP("Moved Permanently");
	case 302: return I18N_NOOP("Found");
	case 303: return I18N_NOOP("See Other");
	case 304: return I18N_NOOP("Not Modified");
	case 400: return I18N_NOOP("Bad Request");
	case 403: return I18N_NOOP("Forbidden");
	case 404: return I18N_NOOP("Not Found");
	case 405: return I18N_NOOP("Method Not Allowed");
	case 409: return I18N_NOOP("Conflict");
	case 410: return I18N_NOOP("Gone");
	case 413: return I18N_NOOP("Content Too Large");
	case 414: return I18N_NOOP("URI Too Long");
	case 415: return I18N_NOOP("Unsupported Media Type");
	case 422: return I18N_NOOP("Unprocessable Content");
	case 429: return I18N_NOOP("Too Many Requests");
	case 500: return I18N_NOOP("Internal Server Error");
	case 503: return I18N_NOOP("Service Unavailable");
	default: return I18N_NOOP("Unknown");
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
	/* Put, not printed: every answer has some ten headers. */
	buf_puts(&r->headers, name);
	buf_append(&r->headers, ": ", 2);
	buf_puts(&r->headers, value);
	buf_append(&r->headers, "\r\n", 2);
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

void resp_render_as(struct req *r, struct tpl_dict *d, const char *tpl, const char *content_type)
{
	buf_reset(&r->body);
	words_fill(d, tpl); /* the page's own words; the frame's are set by layout_fill */
	if (tpl_render(d, tpl, &r->body) != 0) {
		resp_error(r, 500, "This page could not be shown. The error has been logged.");
		return;
	}
	if (r->status == 0)
		r->status = 200;
	r->content_type = content_type;
}

void resp_render(struct req *r, struct tpl_dict *d, const char *tpl)
{
	resp_render_as(r, d, tpl, "text/html; charset=utf-8");
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
	/* The reason and the message in the page's language; the status line stays HTTP's English. */
	const char *reason = i18n_text(resp_reason(status));
	snprintf(title, sizeof title, "%d %s", status, reason);
	struct head head = {.title = title};
	layout_fill(r, d, &head);
	tpl_set_int(d, "STATUS", status);
	tpl_set(d, "REASON", reason);
	tpl_set(d, "MESSAGE", i18n_text(message));
	words_fill(d, "error.tpl");
	if (tpl_render(d, "error.tpl", &r->body) != 0) {
		/* The error template itself failed: a plain page rather than none. */
		buf_reset(&r->body);
		r->content_type = "text/plain; charset=utf-8";
		buf_printf(&r->body, "%d %s\n", status, resp_reason(status));
	}
	tpl_dict_free(d);
}

/* Set by serve_run from the configuration; the defaults live in config.c alone. */
static int cache_max_age, cache_swr;

void resp_set_cache_policy(int max_age, int stale_while_revalidate)
{
	cache_max_age = max_age;
	cache_swr = stale_while_revalidate;
}

/* FNV-1a taken 8 bytes at a time, each step followed by an xor-shift so that high bits reach low ones: an
 * ETag needs to change when the bytes do, not to resist an attacker. Every step is invertible, so pages
 * that differ in one word never share a tag; and a 20 KB page costs 2,500 steps, not 20,000 (it was 8%
 * of a page's instructions byte by byte). */
static unsigned long long body_hash(const char *s, size_t len)
{
	const unsigned long long prime = 1099511628211ULL;
	unsigned long long h = 14695981039346656037ULL, w;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * prime;
		h ^= h >> 32;
	}
	for (; i < len; i++) {
		h = (h ^ (unsigned char)s[i]) * prime;
		h ^= h >> 32;
	}
	return h;
}

/* Does the If-None-Match list hold etag? Weak comparison: W/ prefixes are ignored on both sides, since
 * nginx's gzip turns our strong tag into a weak one. */
static int etag_listed(const char *list, const char *etag)
{
	const char *opaque = etag[0] == 'W' ? etag + 2 : etag;
	size_t len = strlen(opaque);
	for (const char *p = list; *p;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '*')
			return 1;
		if (p[0] == 'W' && p[1] == '/')
			p += 2;
		if (strncmp(p, opaque, len) == 0 && (p[len] == '\0' || p[len] == ',' || p[len] == ' '))
			return 1;
		p += strcspn(p, ",");
	}
	return 0;
}

static void http_date(time_t t, char *out, size_t len)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, len, "%a, %d %b %Y %H:%M:%S GMT", &tm);
}

void resp_finish(struct req *r)
{
	resp_header(r, "Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; "
	                                           "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
	resp_header(r, "X-Content-Type-Options", "nosniff");
	resp_header(r, "Referrer-Policy", "strict-origin-when-cross-origin");
	resp_header(r, "X-Frame-Options", "DENY");
	if (!r->cacheable)
		return;
	char value[96];
	int status = r->status ? r->status : 200;
	if (status != 200) {
		if (status == 301 || status == 404 || status == 410) {
			snprintf(value, sizeof value, "public, max-age=%d", cache_max_age);
			resp_header(r, "Cache-Control", value);
		}
		return;
	}
	snprintf(value, sizeof value, "public, max-age=%d, stale-while-revalidate=%d", cache_max_age, cache_swr);
	resp_header(r, "Cache-Control", value);
	char etag[24], date[40];
	unsigned long long hash = body_hash(buf_str(&r->body), r->body.len);
	etag[0] = etag[17] = '"', etag[18] = '\0'; /* "%016llx" in quotes, written out */
	for (int i = 16; i >= 1; i--, hash >>= 4)
		etag[i] = "0123456789abcdef"[hash & 15];
	resp_header(r, "ETag", etag);
	/* The page shows the time to the minute, and the newest data: whichever changed last. */
	long long changed = r->site ? site_last_change(r) : 0, minute = (long long)clock_minute(r->now);
	time_t modified = (time_t)(changed > minute ? changed : minute);
	http_date(modified, date, sizeof date);
	resp_header(r, "Last-Modified", date);

	int fresh = 0;
	if (r->if_none_match) {
		fresh = etag_listed(r->if_none_match, etag);
	} else if (r->if_modified_since) {
		struct tm tm = {0};
		const char *end = strptime(r->if_modified_since, "%a, %d %b %Y %H:%M:%S GMT", &tm);
		fresh = end != NULL && *end == '\0' && timegm(&tm) >= modified;
	}
	if (fresh) {
		r->status = 304;
		buf_reset(&r->body);
	}
}

size_t resp_wire(const struct req *r, struct buf *out, const char **body)
{
	int status = r->status ? r->status : 200;
	buf_puts(out, "Status: ");
	buf_put_int(out, status);
	buf_putc(out, ' ');
	buf_puts(out, resp_reason(status));
	if (r->content_type && status != 304) {
		buf_puts(out, "\r\nContent-Type: ");
		buf_puts(out, r->content_type);
	}
	if (status != 304) {
		buf_puts(out, "\r\nContent-Length: ");
		buf_put_int(out, (long long)r->body.len);
	}
	buf_puts(out, "\r\n");
	buf_append(out, r->headers.data ? r->headers.data : "", r->headers.len);
	buf_puts(out, "\r\n");
	*body = buf_str(&r->body);
	return r->method == METHOD_HEAD ? 0 : r->body.len;
}
