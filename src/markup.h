/* markup.h: statement bodies, written in CommonMark, rendered to HTML by cmark with raw HTML off. */
#ifndef PRESSROOM_MARKUP_H
#define PRESSROOM_MARKUP_H

struct tpl_dict;

/* Render the CommonMark source and set it as key (which must end in _HTML) in d. This is the only caller of
 * tpl_set_rendered_markup: cmark's safe mode drops raw HTML and javascript:/data: links. Returns 0 or -1. */
int markup_render_into(struct tpl_dict *d, const char *key, const char *source);

struct arena;
/* The same HTML as a plain string owned by a, for a feed, where the XML template escapes it as text. */
const char *markup_html_text(struct arena *a, const char *source);

#endif
