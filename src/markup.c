/* markup.c: the body markup path. cmark (the CommonMark reference library) does the parsing and the HTML;
 * CMARK_OPT_SAFE is explicit although it is the default since 0.29, so a library change cannot open it. */
#include "markup.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "tpl.h"

#ifndef CMARK_OPT_SAFE
#define CMARK_OPT_SAFE 0
#endif

int markup_render_into(struct tpl_dict *d, const char *key, const char *source)
{
	char *html = cmark_markdown_to_html(source, strlen(source), CMARK_OPT_SAFE | CMARK_OPT_SMART);
	if (html == NULL)
		return -1;
	tpl_set_rendered_markup(d, key, html);
	free(html);
	return 0;
}
