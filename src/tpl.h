/* tpl.h: the C face of the template engine (ctemplate). Pages fill a dictionary and render a template;
 * every template auto-escapes, so values set here are text, never markup. */
#ifndef PRESSROOM_TPL_H
#define PRESSROOM_TPL_H

#include <stddef.h>

#include "buf.h"

#ifdef __cplusplus
extern "C" {
#endif

struct tpl_dict;

/* Point the engine at DIR and load every *.tpl in it, so a syntax error stops start-up, not a request.
 * Returns 0, or -1 with a message in err. */
int tpl_init(const char *dir, char *err, size_t errlen);
/* Re-read templates changed on disk (SIGHUP), for a designer editing them on a running server. */
void tpl_reload(void);

/* A new, empty root dictionary; the caller frees it with tpl_dict_free. */
struct tpl_dict *tpl_dict_new(void);
void tpl_dict_free(struct tpl_dict *d);

/* Set a variable to text; the template escapes it for its context (HTML, attribute, URL, XML). Bytes that
 * are not UTF-8 and characters valid_char refuses become U+FFFD, so no page or feed carries what XML 1.0
 * forbids. */
void tpl_set(struct tpl_dict *d, const char *key, const char *value);
void tpl_setf(struct tpl_dict *d, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void tpl_set_int(struct tpl_dict *d, const char *key, long long value);
/* Set a variable, as tpl_set does, for the whole page d is the root of: its sections and the templates it
 * includes see it too (ctemplate's template-global values). For what every part of a page shows alike. */
void tpl_set_global(struct tpl_dict *d, const char *key, const char *value);
/* As tpl_set_global, for a value that lasts as long as the process (an interface word from i18n_text), which
 * is therefore not copied: the page's words are set on every request. */
void tpl_set_global_lasting(struct tpl_dict *d, const char *key, const char *value);
/* Add one repetition of section NAME and return its dictionary, owned by d. Lookups fall back to d. */
struct tpl_dict *tpl_section(struct tpl_dict *d, const char *name);
/* Show section NAME once, with d's values. */
void tpl_show(struct tpl_dict *d, const char *name);
/* Fill the include marker {{>NAME}} with template FILE. Returns the included template's dictionary, owned
 * by d; it does not see d's values, so set what the included template shows on it. */
struct tpl_dict *tpl_include(struct tpl_dict *d, const char *name, const char *file);

/* The one way to put markup into a page: KEY must end in _HTML, and HTML must be the output of the
 * Markdown renderer with raw HTML off (markup.c), never text from a request or the database. Templates
 * print such keys with the :none modifier, and a test checks that no other key is printed that way. It is
 * set as it is: markup.c has already mended what XML cannot carry (valid_text_mended). */
void tpl_set_rendered_markup(struct tpl_dict *d, const char *key, const char *html);

/* The one way to put JSON into a page: KEY must end in _JSON, and JSON must come from jsonld.c (every string
 * through tpl_json_string), printed with :none inside a <script type="application/ld+json">. */
void tpl_set_rendered_json(struct tpl_dict *d, const char *key, const char *json);

/* Append text to out as a JSON string, quotes included, escaped by ctemplate's json_escape: '"', '\\', '/'
 * and the named control characters, and '<', '>', '&' as \u escapes, so no text can close a <script>
 * element. The other C0 controls, which JSON forbids raw and json_escape passes, are dropped (input.c
 * refuses them in what press officers type). */
struct buf;
void tpl_json_string(struct buf *out, const char *text);

/* Expand template FILE with d, appending to out. Returns 0, or -1 if the template failed. */
int tpl_render(struct tpl_dict *d, const char *file, struct buf *out);

#ifdef __cplusplus
}
#endif

#endif
