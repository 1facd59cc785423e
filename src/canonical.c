/* canonical.c: the canonical plain text of a published version (docs/authenticity.md, section 1). Anyone
 * must be able to rebuild these bytes from the published fields, so every rule here is in that document. */
#include "canonical.h"

#include <string.h>
#include <time.h>

/* A value with CR LF and lone CR as LF; in a header, LF becomes a space so a value stays on its line. */
static void put_normalised(struct buf *out, const char *s, int header)
{
	for (; s && *s; s++) {
		char c = *s;
		if (c == '\r') {
			if (s[1] == '\n')
				continue;
			c = '\n';
		}
		if (c == '\n' && header)
			c = ' ';
		buf_putc(out, c);
	}
}

static void header(struct buf *out, const char *name, const char *value)
{
	buf_printf(out, "%s: ", name);
	put_normalised(out, value, 1);
	buf_putc(out, '\n');
}

/* "[name bytes]", the text, LF: the byte count lets a reader split the text back into its fields. */
static void section(struct buf *out, const char *name, const char *value)
{
	struct buf text = {0};
	put_normalised(&text, value, 0);
	buf_printf(out, "[%s %zu]\n", name, text.len);
	buf_append(out, buf_str(&text), text.len);
	buf_putc(out, '\n');
	buf_free(&text);
}

void canonical_text(struct buf *out, const struct canon_version *v)
{
	char when[32] = "";
	time_t t = (time_t)v->published_at;
	struct tm tm;
	if (gmtime_r(&t, &tm))
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);

	header(out, "pressroom-version", "1");
	header(out, "site", v->site);
	header(out, "url", v->url);
	header(out, "kind", v->kind);
	header(out, "type", v->type);
	header(out, "language", v->lang);
	buf_printf(out, "version: %d\n", v->version);
	header(out, "change", v->change);
	header(out, "published", when);
	header(out, "note", v->note);
	for (size_t i = 0; i < v->nfiles; i++)
		buf_printf(out, "file: %s %s %d\n", v->files[i].sha256, v->files[i].format, v->files[i].width);
	buf_putc(out, '\n');
	section(out, "title", v->title);
	section(out, "teaser", v->teaser);
	section(out, "body", v->body);
	section(out, "signature", v->signature);
}
