/* i18n.c: the interface's words in the reader's language (see i18n.h). */
#include "i18n.h"

#include <string.h>

static char current[16] = "en";

void i18n_use(const char *lang)
{
	size_t n = strlen(lang);
	if (n == 0 || n >= sizeof current)
		return;
	memcpy(current, lang, n + 1);
}

const char *i18n_lang(void)
{
	return current;
}

/* English only until the message catalogues exist: the msgid is the English text. */
const char *i18n_text(const char *msgid)
{
	return msgid;
}

const char *i18n_plural(const char *one, const char *many, unsigned long n)
{
	return n == 1 ? one : many;
}
