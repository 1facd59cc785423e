/* markup.c: the body markup path. cmark (the CommonMark reference library) parses and writes the HTML.
 * No "smart" punctuation: an official text is shown exactly as written. CMARK_OPT_SAFE is explicit although
 * it is the default since cmark 0.29, so a library change cannot open the door to raw HTML. */
#include "markup.h"

#include <cmark.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tpl.h"
#include "valid.h"

#ifndef CMARK_OPT_SAFE
#define CMARK_OPT_SAFE 0
#endif

/* Raise by one whenever the HTML this file makes from a given source changes (options, post-processing):
 * every stored body is then rendered afresh (markup_version). 2: what XML cannot carry is mended here. */
enum { MARKUP_REVISION = 2 };
enum { OPTIONS = CMARK_OPT_SAFE };

int markup_version(void)
{
	return MARKUP_REVISION << 24 | (cmark_version() & 0xffffff);
}

/* cmark's HTML of source, with what XML cannot carry mended (valid_text_mended), so that a page sets it as
 * it is: checking a 10 KB body on every request was a tenth of a detail page. malloc'd; NULL if cmark fails. */
static char *html_of(const char *source, size_t len)
{
	char *html = cmark_markdown_to_html(source, len, OPTIONS);
	size_t good = html ? valid_text_span(html) : 0;
	if (html == NULL || html[good] == '\0')
		return html;
	char *mended = valid_text_mended(html, good);
	free(html);
	return mended;
}

char *markup_html_new(const char *source)
{
	return html_of(source, strlen(source));
}

/* ---- rendered bodies, kept per worker ----
 * The feed renders its fifty newest bodies on every request, and a statement just out is read by everyone
 * at once: cmark is a quarter of a detail page and nine tenths of the feed. So each worker keeps what it
 * rendered, up to CACHE_BYTES, least recently used out first. The key is the source's BLAKE2b hash (not an
 * item id): an edit is a new key, and no two sources can share one. */
enum { CACHE_SLOTS = 256, CACHE_BYTES = 1 << 20, KEY_BYTES = 16 };

struct rendered {
	unsigned char key[KEY_BYTES];
	char *html; /* NULL: free slot */
	size_t len;
	unsigned long long used;
};

static struct rendered cache[CACHE_SLOTS];
static size_t cache_bytes;
static unsigned long long cache_clock;

static void drop(struct rendered *e)
{
	cache_bytes -= e->len;
	free(e->html);
	e->html = NULL;
}

/* The HTML of source: from the cache, or rendered and kept. The pointer is valid until the next call.
 * NULL if cmark fails. */
static const char *render(const char *source)
{
	if (sodium_init() < 0) /* once per process; after that a check of a flag */
		return NULL;
	size_t len = strlen(source);
	unsigned char key[KEY_BYTES];
	crypto_generichash(key, sizeof key, (const unsigned char *)source, len, NULL, 0);
	struct rendered *free_slot = NULL;
	for (int i = 0; i < CACHE_SLOTS; i++) {
		struct rendered *e = &cache[i];
		if (e->html == NULL) {
			free_slot = free_slot ? free_slot : e;
		} else if (memcmp(e->key, key, sizeof key) == 0) {
			e->used = ++cache_clock;
			return e->html;
		}
	}
	char *html = html_of(source, len);
	if (html == NULL)
		return NULL;
	size_t html_len = strlen(html) + 1;
	if (html_len > CACHE_BYTES / 4) { /* a huge body would push out everything else: render it each time */
		static char *uncached;
		free(uncached);
		uncached = html;
		return html;
	}
	/* Make room: the least recently used go first. */
	while (cache_bytes + html_len > CACHE_BYTES || free_slot == NULL) {
		struct rendered *oldest = NULL;
		for (int i = 0; i < CACHE_SLOTS; i++)
			if (cache[i].html && (oldest == NULL || cache[i].used < oldest->used))
				oldest = &cache[i];
		if (oldest == NULL)
			break;
		drop(oldest);
		free_slot = free_slot ? free_slot : oldest;
	}
	memcpy(free_slot->key, key, sizeof key);
	free_slot->html = html;
	free_slot->len = html_len;
	free_slot->used = ++cache_clock;
	cache_bytes += html_len;
	return html;
}

int markup_render_into(struct tpl_dict *d, const char *key, const char *source, const char *stored)
{
	const char *html = stored ? stored : render(source);
	if (html == NULL)
		return -1;
	tpl_set_rendered_markup(d, key, html);
	return 0;
}

const char *markup_html_text(struct arena *a, const char *source, const char *stored)
{
	if (stored)
		return stored; /* already owned by the request's arena (item_from_row) */
	const char *html = render(source);
	return arena_strdup(a, html ? html : "");
}
