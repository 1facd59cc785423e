/* req.c: parsing what a request carries: method, path and query string. Pure functions over strings. */
#include "req.h"

#include <string.h>

#include "i18n.h"
#include "valid.h"

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *req_decode(struct arena *a, const char *s, size_t len, int plus, int strict)
{
	char *out = arena_alloc(a, len + 1);
	size_t o = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '%') {
			int hi, lo;
			if (i + 2 >= len || (hi = hexval(s[i + 1])) < 0 || (lo = hexval(s[i + 2])) < 0)
				return NULL;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else if (plus && s[i] == '+') {
			out[o++] = ' ';
		} else {
			out[o++] = s[i];
		}
	}
	out[o] = '\0';
	/* A decoded NUL would cut the string short behind our back: refuse it. */
	if (memchr(out, '\0', o) != NULL || (strict && !valid_utf8(out, o)))
		return NULL;
	return out;
}

char *req_encode_path(struct arena *a, const char *path)
{
	size_t len = strlen(path);
	char *out = arena_alloc(a, 3 * len + 1);
	size_t o = 0;
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
			out[o++] = (char)*p;
		} else {
			static const char hex[] = "0123456789ABCDEF";
			out[o++] = '%';
			out[o++] = hex[*p >> 4];
			out[o++] = hex[*p & 15];
		}
	}
	out[o] = '\0';
	return out;
}

int req_parse_pairs(struct arena *a, const char *s, struct kv **out, size_t *n, int strict, const char **why)
{
	*out = NULL;
	*n = 0;
	if (s == NULL || *s == '\0')
		return 0;
	size_t count = 1;
	for (const char *p = s; *p; p++)
		if (*p == '&')
			count++;
	if (count > REQ_MAX_PARAMS) {
		*why = I18N_NOOP("too many parameters");
		return -1;
	}
	struct kv *kv = arena_alloc(a, count * sizeof *kv);
	size_t k = 0;
	const char *p = s;
	while (*p) {
		const char *end = strchr(p, '&');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len > 0) {
			const char *eq = memchr(p, '=', len);
			size_t klen = eq ? (size_t)(eq - p) : len;
			kv[k].key = req_decode(a, p, klen, 1, strict);
			kv[k].value = eq ? req_decode(a, eq + 1, len - klen - 1, 1, strict) : "";
			if (kv[k].key == NULL || kv[k].value == NULL) {
				*why = I18N_NOOP("malformed percent-encoding in parameters");
				return -1;
			}
			k++;
		}
		p += len;
		if (*p == '&')
			p++;
	}
	*out = kv;
	*n = k;
	return 0;
}

static enum method method_of(const char *m)
{
	if (strcmp(m, "GET") == 0)
		return METHOD_GET;
	if (strcmp(m, "HEAD") == 0)
		return METHOD_HEAD;
	if (strcmp(m, "POST") == 0)
		return METHOD_POST;
	return METHOD_OTHER;
}

int req_parse(struct req *r, const char *method, const char *uri, const char **why)
{
	r->method_name = method ? method : "";
	r->method = method_of(r->method_name);
	if (uri == NULL || uri[0] != '/') {
		*why = I18N_NOOP("the request URI must start with /");
		return 400;
	}
	size_t len = strlen(uri);
	if (len > REQ_MAX_URI) {
		*why = I18N_NOOP("the request URI is too long");
		return 414;
	}
	const char *q = strchr(uri, '?');
	size_t plen = q ? (size_t)(q - uri) : len;
	char *path = req_decode(r->arena, uri, plen, 0, 1);
	if (path == NULL) {
		*why = I18N_NOOP("the path is not valid percent-encoded UTF-8");
		return 400;
	}
	if (!valid_line(path, REQ_MAX_URI)) {
		*why = I18N_NOOP("the path holds control characters");
		return 400;
	}
	r->path = path;
	r->raw_query = q ? q + 1 : NULL;
	/* Values are left to each key's validator (a search may hold anything); names must be plain. */
	if (req_parse_pairs(r->arena, q ? q + 1 : NULL, &r->query, &r->nquery, 0, why) != 0)
		return 400;
	for (size_t i = 0; i < r->nquery; i++) {
		if (!valid_line(r->query[i].key, 256)) {
			*why = I18N_NOOP("a query parameter's name is too long or not plain text");
			return 400;
		}
	}
	return 0;
}

const char *req_cookie(struct arena *a, const char *header, const char *name)
{
	const char *found = NULL;
	size_t found_len = 0, nlen = strlen(name);
	if (header == NULL)
		return NULL;
	for (const char *p = header; *p;) {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		size_t len = strcspn(p, ";");
		if (len > nlen && strncmp(p, name, nlen) == 0 && p[nlen] == '=') {
			if (found)
				return NULL;
			found = p + nlen + 1;
			found_len = len - nlen - 1;
		}
		p += len;
	}
	if (found == NULL)
		return NULL;
	while (found_len && (found[found_len - 1] == ' ' || found[found_len - 1] == '\t'))
		found_len--;
	return arena_strndup(a, found, found_len);
}
