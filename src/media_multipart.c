/* media_multipart.c: the streaming multipart/form-data parser. A small state machine over the bytes as they
 * come: the delimiter ("\r\n--" boundary) is matched byte by byte across chunk borders, so nothing but one
 * part's headers (at most MP_MAX_HEADER) and the text fields (at most text_max) is ever buffered. */
#include "media_multipart.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"

enum state { S_PREAMBLE, S_AFTER_DELIM, S_HEADERS, S_BODY, S_EPILOGUE, S_ERROR };

struct mp {
	struct arena *a;
	struct mp_limits lim;
	struct mp_sink sink;
	char delim[4 + MP_MAX_BOUNDARY + 1];
	size_t dlen;
	size_t k;            /* bytes of delim matched so far */
	enum state state;
	char after[2];       /* the two bytes after a delimiter: "\r\n" or "--" */
	size_t nafter;
	char header[MP_MAX_HEADER];
	size_t nheader;
	struct mp_part *parts;
	size_t nparts;
	struct mp_part *cur; /* the part whose body is being read */
	struct buf text;     /* its value, when it is a text field */
	size_t text_total;
	const char *why;
};

/* RFC 2046's bchars: a boundary is 1-70 of these, not ending in a space. */
static int bchar(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr("'()+_,-./:=? ", c);
}

const char *mp_boundary(struct arena *a, const char *type)
{
	static const char want[] = "multipart/form-data";
	if (type == NULL || strncasecmp(type, want, sizeof want - 1) != 0)
		return NULL;
	const char *p = type + sizeof want - 1;
	while (*p) {
		while (*p == ';' || *p == ' ' || *p == '\t')
			p++;
		const char *eq = strchr(p, '=');
		if (eq == NULL)
			return NULL;
		size_t keylen = (size_t)(eq - p);
		const char *v = eq + 1, *end;
		int quoted = *v == '"';
		if (quoted) {
			v++;
			end = strchr(v, '"');
			if (end == NULL)
				return NULL;
		} else {
			end = v + strcspn(v, "; \t");
		}
		if (keylen == 8 && strncasecmp(p, "boundary", 8) == 0) {
			size_t n = (size_t)(end - v);
			if (n == 0 || n > MP_MAX_BOUNDARY || v[n - 1] == ' ')
				return NULL;
			for (size_t i = 0; i < n; i++)
				if (!bchar(v[i]) || (v[i] == ' ' && !quoted))
					return NULL;
			return arena_strndup(a, v, n);
		}
		p = end + quoted;
	}
	return NULL;
}

struct mp *mp_new(struct arena *a, const char *boundary, const struct mp_limits *limits, const struct mp_sink *sink)
{
	struct mp *p = arena_alloc(a, sizeof *p);
	p->a = a;
	p->lim = *limits;
	p->sink = *sink;
	p->dlen = (size_t)snprintf(p->delim, sizeof p->delim, "\r\n--%.*s", MP_MAX_BOUNDARY, boundary);
	p->k = 2; /* the body may open with the delimiter without a line break before it */
	p->parts = arena_alloc(a, MP_MAX_PARTS * sizeof *p->parts);
	return p;
}

static int fail(struct mp *p, const char *why)
{
	p->state = S_ERROR;
	p->why = why;
	return -1;
}

/* The value of parameter key in a Content-Disposition value ("form-data; name=\"x\"; filename=\"y\""), in
 * the arena, or NULL. Browsers send quoted strings, escaping '"' as %22; a backslash escape is taken too. */
static const char *param(struct arena *a, const char *v, size_t len, const char *key)
{
	size_t klen = strlen(key);
	const char *end = v + len;
	const char *s = memchr(v, ';', len);
	while (s && s < end) {
		s++;
		while (s < end && (*s == ' ' || *s == '\t'))
			s++;
		const char *eq = memchr(s, '=', (size_t)(end - s));
		if (eq == NULL)
			return NULL;
		const char *val = eq + 1;
		struct buf b = {0};
		const char *next;
		if (val < end && *val == '"') {
			const char *q = val + 1;
			while (q < end && *q != '"') {
				if (*q == '\\' && q + 1 < end)
					q++;
				buf_putc(&b, *q++);
			}
			if (q >= end) {
				buf_free(&b);
				return NULL;
			}
			next = q + 1;
		} else {
			next = val;
			while (next < end && *next != ';' && *next != ' ' && *next != '\t')
				buf_putc(&b, *next++);
		}
		if ((size_t)(eq - s) == klen && strncasecmp(s, key, klen) == 0) {
			const char *r = arena_strndup(a, b.data ? b.data : "", b.len);
			buf_free(&b);
			return r;
		}
		buf_free(&b);
		s = memchr(next, ';', (size_t)(end - next));
	}
	return NULL;
}

/* The part's headers are complete in p->header: find its name and file name, and start its body. */
static int start_part(struct mp *p)
{
	if (p->nparts == MP_MAX_PARTS)
		return fail(p, "The form has too many parts.");
	const char *disp = NULL;
	size_t displen = 0;
	for (size_t i = 0; i + 2 <= p->nheader;) {
		const char *line = p->header + i;
		const char *eol = memchr(line, '\r', p->nheader - i);
		if (eol == NULL || eol + 1 >= p->header + p->nheader || eol[1] != '\n')
			return fail(p, "A part of the form has a malformed header.");
		size_t n = (size_t)(eol - line);
		static const char cd[] = "content-disposition:";
		if (n >= sizeof cd - 1 && strncasecmp(line, cd, sizeof cd - 1) == 0) {
			if (disp)
				return fail(p, "A part of the form has two Content-Disposition headers.");
			disp = line + sizeof cd - 1;
			displen = n - (sizeof cd - 1);
			while (displen && (*disp == ' ' || *disp == '\t'))
				disp++, displen--;
		}
		i += n + 2;
	}
	if (disp == NULL || displen < 9 || strncasecmp(disp, "form-data", 9) != 0)
		return fail(p, "A part of the form is not form-data.");
	struct mp_part *part = &p->parts[p->nparts++];
	memset(part, 0, sizeof *part);
	part->name = param(p->a, disp, displen, "name");
	part->filename = param(p->a, disp, displen, "filename");
	if (part->name == NULL || part->name[0] == '\0')
		return fail(p, "A part of the form has no name.");
	p->cur = part;
	p->text.len = 0;
	if (part->filename && p->sink.open)
		part->file = p->sink.open(p->sink.ctx, part);
	p->state = S_BODY;
	return 0;
}

static int emit(struct mp *p, const char *data, size_t n)
{
	struct mp_part *part = p->cur;
	if (n == 0)
		return 0;
	part->size += n;
	if (part->filename == NULL) {
		p->text_total += n;
		if (p->text_total > p->lim.text_max)
			return fail(p, "The form's text is larger than this site accepts.");
		if (memchr(data, '\0', n))
			return fail(p, "The form holds a NUL byte.");
		buf_append(&p->text, data, n);
		return 0;
	}
	if (part->too_large)
		return 0;
	if (part->size > p->lim.file_max) {
		part->too_large = 1;
		if (part->file)
			p->sink.close(p->sink.ctx, part->file, 0);
		part->file = NULL;
		return 0;
	}
	if (part->file && p->sink.put(p->sink.ctx, part->file, data, n) != 0) {
		p->sink.close(p->sink.ctx, part->file, 0);
		part->file = NULL;
	}
	return 0;
}

static void end_part(struct mp *p)
{
	struct mp_part *part = p->cur;
	if (part->filename == NULL)
		part->value = arena_strndup(p->a, p->text.data ? p->text.data : "", p->text.len);
	else if (part->file)
		p->sink.close(p->sink.ctx, part->file, 1);
	p->cur = NULL;
}

int mp_feed(struct mp *p, const char *data, size_t n, const char **why)
{
	size_t i = 0;
	while (i < n && p->state != S_ERROR) {
		switch (p->state) {
		case S_PREAMBLE:
		case S_BODY: {
			int body = p->state == S_BODY;
			if (p->k == 0) { /* the common case: copy up to the next CR at once */
				const char *cr = memchr(data + i, '\r', n - i);
				size_t span = cr ? (size_t)(cr - (data + i)) : n - i;
				if (body && emit(p, data + i, span) != 0)
					break;
				i += span;
				if (cr == NULL)
					break;
			}
			char c = data[i++];
			if (c == p->delim[p->k]) {
				if (++p->k == p->dlen) {
					if (body)
						end_part(p);
					p->state = S_AFTER_DELIM;
					p->nafter = 0;
					p->k = 0;
				}
				break;
			}
			/* A CR only begins the delimiter: what was matched so far was data. */
			if (body && emit(p, p->delim, p->k) != 0)
				break;
			p->k = c == '\r';
			if (!p->k && body)
				emit(p, &c, 1);
			break;
		}
		case S_AFTER_DELIM:
			p->after[p->nafter++] = data[i++];
			if (p->nafter < 2)
				break;
			if (memcmp(p->after, "--", 2) == 0) {
				p->state = S_EPILOGUE;
			} else if (memcmp(p->after, "\r\n", 2) == 0) {
				p->state = S_HEADERS;
				p->nheader = 0;
			} else {
				fail(p, "The form's parts are not separated as multipart/form-data requires.");
			}
			break;
		case S_HEADERS:
			if (p->nheader == sizeof p->header) {
				fail(p, "A part of the form has headers that are too long.");
				break;
			}
			p->header[p->nheader++] = data[i++];
			if (p->nheader == 2 && memcmp(p->header, "\r\n", 2) == 0)
				fail(p, "A part of the form has no name.");
			else if (p->nheader >= 4 && memcmp(p->header + p->nheader - 4, "\r\n\r\n", 4) == 0) {
				p->nheader -= 2; /* keep each line's CRLF, drop the blank line's */
				start_part(p);
			}
			break;
		case S_EPILOGUE:
			i = n; /* after the closing delimiter anything goes, and is ignored */
			break;
		case S_ERROR:
			break;
		}
	}
	if (p->state == S_ERROR) {
		*why = p->why;
		return -1;
	}
	return 0;
}

int mp_finish(struct mp *p, struct mp_part **parts, size_t *nparts, const char **why)
{
	if (p->state != S_ERROR && p->state != S_EPILOGUE)
		fail(p, "The form's body ended before its last part did.");
	if (p->state == S_ERROR) {
		/* Every file goes, those complete too (a sink's close with keep 0 after keep 1 removes it). */
		for (size_t i = 0; i < p->nparts; i++) {
			if (p->parts[i].file)
				p->sink.close(p->sink.ctx, p->parts[i].file, 0);
			p->parts[i].file = NULL;
		}
	}
	buf_free(&p->text);
	*parts = p->parts;
	*nparts = p->nparts;
	*why = p->why;
	return p->state == S_ERROR ? -1 : 0;
}
