/* i18n.h: the interface's words in the reader's language. A worker serves one request at a time, so the
 * language is per process: a page names it (i18n_use) before it fills its templates. The words come from
 * GNU gettext catalogues (po/, compiled by msgfmt at build time; docs/languages.md); the msgid is the
 * English text, so English needs no catalogue. */
#ifndef PRESSROOM_I18N_H
#define PRESSROOM_I18N_H

#include <stddef.h>

/* Where the compiled catalogues are (<dir>/<lang>/LC_MESSAGES/pressroom.mo), once per process, before any
 * other call. Returns 0, or -1 if gettext cannot be set up (then everything stays in English). */
int i18n_init(const char *dir);

/* Makes lang (a BCP 47 tag of the site's languages, e.g. "en", "ru") the language of what follows. */
void i18n_use(const char *lang);

/* The language in use: what <html lang> says. */
const char *i18n_lang(void);

/* The interface text msgid (written in English) in the language in use. Found in the catalogue once per
 * process and language (i18n.c keeps it): the text lasts as long as the process, or is msgid itself. */
const char *i18n_text(const char *msgid);

/* The form of one/many that fits n in the language in use (Russian has three). */
const char *i18n_plural(const char *one, const char *many, unsigned long n);

/* msgid in the sense ctx (gettext's msgctxt), for a word English spells alike in two senses: the month
 * "January" alone and in a date ("23 января"). */
const char *i18n_ctext(const char *ctx, const char *msgid);

/* The name of lang in lang itself ("English", "Русский"), for the language switch. */
const char *i18n_language_name(const char *lang);

/* n with the language's digit grouping ("1,240"; "1 240"), into out; returns out. */
char *i18n_number(long long n, char *out, size_t len);

/* Marks a msgid for xgettext where it is not looked up at once (a table): the lookup comes later. */
#define I18N_NOOP(msgid) msgid
#define I18N_CNOOP(ctx, msgid) msgid

#endif
