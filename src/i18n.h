/* i18n.h: the interface's words in the reader's language. A worker serves one request at a time, so the
 * language is per process: a page names it (i18n_use) before it fills its templates. */
#ifndef PRESSROOM_I18N_H
#define PRESSROOM_I18N_H

/* Makes lang (a BCP 47 tag of the site's languages, e.g. "en", "ru") the language of what follows. */
void i18n_use(const char *lang);

/* The language in use: what <html lang> says. */
const char *i18n_lang(void);

/* The interface text msgid (written in English) in the language in use. */
const char *i18n_text(const char *msgid);

/* The form of one/many that fits n in the language in use (Russian has three). */
const char *i18n_plural(const char *one, const char *many, unsigned long n);

#endif
