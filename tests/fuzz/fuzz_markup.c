/* fuzz_markup.c: the statement body path, markup_html_text (cmark in safe mode, copied into the arena), on
 * any CommonMark source. Its HTML is printed unescaped ({{BODY_HTML:none}}), so the property that matters is
 * that no source can make it carry markup of its own.
 *
 * Properties: no memory error, no leak; the HTML holds only the tags cmark writes for CommonMark (plus its
 * "raw HTML omitted" comment), only the attributes href, src, title, alt, class and start, each quoted and
 * closed; and no link or image address that a browser would run or read locally (javascript:, vbscript:,
 * file:, data: other than the images cmark allows), after decoding entities as a browser would. */
#include "fuzz.h"

#include <ctype.h>

#include "arena.h"
#include "markup.h"

static const char *const tags[] = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "em", "strong", "code",
                                   "pre", "ol", "ul", "li", "blockquote", "hr", "br", NULL};
static const char *const attributes[] = {"href", "src", "title", "alt", "class", "start", NULL};

static int listed(const char *s, size_t len, const char *const *list)
{
	for (int i = 0; list[i]; i++)
		if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
			return 1;
	return 0;
}

/* The address a browser sees in an attribute value: entities decoded, tabs and line breaks removed,
 * leading spaces and control characters dropped, lower-cased. */
static void browser_url(const char *v, size_t len, char *out, size_t outlen)
{
	size_t o = 0;
	for (size_t i = 0; i < len && o + 1 < outlen; i++) {
		unsigned char c = (unsigned char)v[i];
		if (c == '&') {
			/* cmark writes &amp; &quot; &#x27; &lt; &gt; in attributes; decode numeric ones in general. */
			const char *semi = memchr(v + i, ';', len - i);
			if (semi != NULL) {
				size_t elen = (size_t)(semi - (v + i)) + 1;
				if (elen == 5 && memcmp(v + i, "&amp;", 5) == 0)
					c = '&';
				else if (elen == 6 && memcmp(v + i, "&quot;", 6) == 0)
					c = '"';
				else if (elen == 4 && memcmp(v + i, "&lt;", 4) == 0)
					c = '<';
				else if (elen == 4 && memcmp(v + i, "&gt;", 4) == 0)
					c = '>';
				else if (elen > 3 && v[i + 1] == '#')
					c = (unsigned char)(v[i + 2] == 'x' || v[i + 2] == 'X' ? strtol(v + i + 3, NULL, 16)
					                                                         : strtol(v + i + 2, NULL, 10));
				else
					elen = 1;
				i += elen - 1;
			}
		}
		if (c == '\t' || c == '\n' || c == '\r' || (o == 0 && c <= 0x20))
			continue;
		out[o++] = (char)tolower(c);
	}
	out[o] = '\0';
}

static int dangerous_url(const char *v, size_t len)
{
	char url[64];
	browser_url(v, len, url, sizeof url);
	static const char *const safe_data[] = {"data:image/png", "data:image/gif", "data:image/jpeg",
	                                        "data:image/webp", NULL};
	for (int i = 0; safe_data[i]; i++)
		if (strncmp(url, safe_data[i], strlen(safe_data[i])) == 0)
			return 0;
	return strncmp(url, "javascript:", 11) == 0 || strncmp(url, "vbscript:", 9) == 0 ||
	       strncmp(url, "file:", 5) == 0 || strncmp(url, "data:", 5) == 0;
}

static void check_html(const char *html)
{
	static const char omitted[] = "<!-- raw HTML omitted -->";
	for (const char *p = strchr(html, '<'); p; p = strchr(p, '<')) {
		if (strncmp(p, omitted, sizeof omitted - 1) == 0) {
			p += sizeof omitted - 1;
			continue;
		}
		p++;
		if (*p == '/')
			p++;
		size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (!listed(p, n, tags)) {
			fprintf(stderr, "unexpected tag in: %.200s\n", p - 1);
			CHECK(!"a tag cmark does not write");
		}
		p += n;
		for (;;) {
			if (*p == '>' || strncmp(p, " />", 3) == 0)
				break;
			CHECK(*p == ' ');
			p++;
			size_t an = strspn(p, "abcdefghijklmnopqrstuvwxyz");
			if (!listed(p, an, attributes)) {
				fprintf(stderr, "unexpected attribute in: %.200s\n", p);
				CHECK(!"an attribute cmark does not write");
			}
			int url = (an == 4 && memcmp(p, "href", 4) == 0) || (an == 3 && memcmp(p, "src", 3) == 0);
			p += an;
			CHECK(p[0] == '=' && p[1] == '"');
			p += 2;
			const char *end = strchr(p, '"');
			CHECK(end != NULL);
			if (url && dangerous_url(p, (size_t)(end - p))) {
				fprintf(stderr, "dangerous address: %.*s\n", (int)(end - p), p);
				CHECK(!"a javascript:, vbscript:, file: or data: address");
			}
			p = end + 1;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = {0};
	char *source = fuzz_string(data, size);
	const char *html = markup_html_text(&a, source, NULL);
	CHECK(html != NULL);
	check_html(html);
	free(source);
	arena_free(&a);
	return 0;
}
