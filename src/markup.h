/* markup.h: statement bodies, written in CommonMark, rendered to HTML by cmark with raw HTML off. */
#ifndef PRESSROOM_MARKUP_H
#define PRESSROOM_MARKUP_H

struct tpl_dict;

/* Set key (which must end in _HTML) in d to the HTML of the CommonMark source: stored when not NULL (an
 * item's body_html, which only markup_html_new wrote and item_from_row hands on only when its version is
 * markup_version()), else rendered now. This is the only caller of tpl_set_rendered_markup: cmark's safe
 * mode drops raw HTML and javascript:/data: links. Returns 0 or -1. */
int markup_render_into(struct tpl_dict *d, const char *key, const char *source, const char *stored);

struct arena;
/* The same HTML as a plain string owned by a, for a feed, where the XML template escapes it as text. */
const char *markup_html_text(struct arena *a, const char *source, const char *stored);

/* The HTML of source rendered now, for keeping with the item when it is written: malloc'd, the caller
 * frees it; NULL if cmark fails. */
char *markup_html_new(const char *source);
/* This binary's renderer: MARKUP_REVISION (raised whenever the options or the post-processing here change)
 * and the cmark library's version. HTML kept under another version is rendered afresh. */
int markup_version(void);

#endif
