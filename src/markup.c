/* markup.c: the body markup path. cmark (the CommonMark reference library) parses and writes the HTML.
 * No "smart" punctuation: an official text is shown exactly as written. CMARK_OPT_SAFE is explicit although
 * it is the default since cmark 0.29, so a library change cannot open the door to raw HTML. */
#include "markup.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tpl.h"

#ifndef CMARK_OPT_SAFE
#define CMARK_OPT_SAFE 0
#endif

int markup_render_into(struct tpl_dict *d, const char *key, const char *source)
{
	char *html = cmark_markdown_to_html(source, strlen(source), CMARK_OPT_SAFE);
	if (html == NULL)
		return -1;
	tpl_set_rendered_markup(d, key, html);
	free(html);
	return 0;
}

const char *markup_html_text(struct arena *a, const char *source)
{
	char *html = cmark_markdown_to_html(source, strlen(source), CMARK_OPT_SAFE);
	const char *copy = arena_strdup(a, html ? html : "");
	free(html);
	return copy;
}
