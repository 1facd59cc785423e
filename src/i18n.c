/* i18n.c: the interface's words in the reader's language, through glibc's gettext (see i18n.h). */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

#define DOMAIN "pressroom"

/* glibc's counter of loaded catalogues: gettext keeps what it found per LANGUAGE until it changes (the
 * gettext manual's way to switch language in a running program). */
extern int _nl_msg_cat_cntr;

static char current[16] = "en";
static int ready;

int i18n_init(const char *dir)
{
	/* glibc ignores LANGUAGE when the messages locale is "C"; C.UTF-8 is built into Debian 12's libc and
	 * needs no generated locale, and only LC_MESSAGES changes, so numbers and dates stay as C prints them. */
	if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL) {
		log_warn("the C.UTF-8 locale is missing: the interface is English only");
		return -1;
	}
	if (access(dir, R_OK | X_OK) != 0)
		log_warn("no message catalogues in %s (the locales setting): pages read English", dir);
	if (bindtextdomain(DOMAIN, dir) == NULL || bind_textdomain_codeset(DOMAIN, "UTF-8") == NULL) {
		log_warn("gettext cannot use %s: the interface is English only", dir);
		return -1;
	}
	ready = 1;
	setenv("LANGUAGE", current, 1);
	++_nl_msg_cat_cntr;
	return 0;
}

void i18n_use(const char *lang)
{
	size_t n = strlen(lang);
	if (n == 0 || n >= sizeof current || strcmp(lang, current) == 0)
		return;
	memcpy(current, lang, n + 1);
	if (ready) {
		setenv("LANGUAGE", current, 1);
		++_nl_msg_cat_cntr;
	}
}

const char *i18n_lang(void)
{
	return current;
}

const char *i18n_text(const char *msgid)
{
	return ready ? dgettext(DOMAIN, msgid) : msgid;
}

const char *i18n_plural(const char *one, const char *many, unsigned long n)
{
	return ready ? dngettext(DOMAIN, one, many, n) : n == 1 ? one : many;
}

/* As gettext.h's pgettext: the catalogue keys a msgctxt as "ctx\004msgid"; untranslated, the msgid. */
const char *i18n_ctext(const char *ctx, const char *msgid)
{
	char key[256];
	if (!ready || snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= (int)sizeof key)
		return msgid;
	const char *t = dgettext(DOMAIN, key);
	return t == key ? msgid : t;
}

const char *i18n_language_name(const char *lang)
{
	char was[sizeof current];
	memcpy(was, current, sizeof current);
	i18n_use(lang);
	const char *name = i18n_ctext("the name of this language in itself", "English");
	i18n_use(was);
	return name;
}

char *i18n_number(long long n, char *out, size_t len)
{
	/* TRANSLATORS: put between groups of three digits, as in 1,240 (a no-break space in Russian). */
	const char *sep = i18n_ctext("digit group separator", ",");
	char digits[32];
	int nd = snprintf(digits, sizeof digits, "%llu", n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n);
	size_t o = 0, seplen = strlen(sep);
	if (len == 0)
		return out;
	if (n < 0 && o + 1 < len)
		out[o++] = '-';
	for (int i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0) {
			if (o + seplen >= len)
				break;
			memcpy(out + o, sep, seplen);
			o += seplen;
		}
		if (o + 1 >= len)
			break;
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}
