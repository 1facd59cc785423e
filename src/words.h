/* words.h: the fixed words of the public templates. A template never holds visible text of its own (the
 * lint tests/lint/template_words.py checks it): it prints {{W_...}}, which words_fill sets from the
 * message catalogue in the language in use, so translators find every word in po/. */
#ifndef PRESSROOM_WORDS_H
#define PRESSROOM_WORDS_H

struct tpl_dict;

/* Set on d, for the whole page (its sections and the templates it includes see them too), the W_ words
 * that template (a file name, "item.tpl") shows: layout_fill sets the frame's (header.tpl, footer.tpl),
 * resp_render the page's own. */
void words_fill(struct tpl_dict *d, const char *template);
/* The one word of key (W_...) in the language in use, for a small dictionary that needs only it (each feed
 * entry's content); "" if key is not in the table. */
const char *words_text(const char *key);

#endif
