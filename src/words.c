/* words.c: the fixed words of the public templates, each a template variable and its msgid (see words.h).
 * One line here and one {{W_...}} in a template add a word; xgettext finds the msgid through I18N_NOOP. */
#include "words.h"

#include <string.h>

#include "i18n.h"
#include "tpl.h"

static const struct {
	const char *key, *msgid;
} words[] = {
	/* header.tpl */
	{"W_SKIP_TO_CONTENT", I18N_NOOP("Skip to content")},
	{"W_CURRENT_TIME", I18N_NOOP("Current time")},
	{"W_MAIN_MENU", I18N_NOOP("Main")},
	{"W_PRESS_RELEASES", I18N_NOOP("Press releases")},
	{"W_EVENTS", I18N_NOOP("Events")},
	{"W_ALL_MESSAGES", I18N_NOOP("All messages")},
	{"W_SEARCH_STATEMENTS", I18N_NOOP("Search statements")},
	{"W_SEARCH", I18N_NOOP("Search")},
	{"W_LANGUAGES", I18N_NOOP("Languages")},
	/* home.tpl */
	{"W_NO_RELEASES_YET", I18N_NOOP("No press releases have been published yet.")},
	{"W_LATEST_EVENTS", I18N_NOOP("Latest events")},
	{"W_NO_EVENTS_YET", I18N_NOOP("No events have been published yet.")},
	{"W_ALL_MESSAGES_LINK", I18N_NOOP("all messages")},
	/* messages.tpl */
	{"W_SEARCH_TITLES_AND_TEXTS", I18N_NOOP("Search titles and texts")},
	{"W_FILTER_MESSAGES", I18N_NOOP("Filter messages")},
	{"W_YEAR", I18N_NOOP("Year")},
	{"W_ALL_YEARS", I18N_NOOP("all years")},
	{"W_LANGUAGE", I18N_NOOP("Language")},
	{"W_NO_MESSAGES", I18N_NOOP("No messages match.")},
	{"W_NO_RESULTS", I18N_NOOP("No results. Try other or fewer words, or look through the archive below.")},
	{"W_PAGES", I18N_NOOP("Pages")},
	{"W_PAGE", I18N_NOOP("Page")},
	{"W_ARCHIVE", I18N_NOOP("Archive")},
	/* footer.tpl */
	{"W_EMAIL_ALERTS", I18N_NOOP("Email alerts")},
	/* error.tpl */
	{"W_BACK_TO_FRONT_PAGE", I18N_NOOP("Back to the front page")},
	{"W_OR_SEE", I18N_NOOP("or see")},
	/* item.tpl */
	{"W_PREVIEW", I18N_NOOP("Preview.")},
	{"W_BACK_TO_EDITING", I18N_NOOP("Back to editing")},
	{"W_UPDATED", I18N_NOOP("Updated")},
	{"W_OTHER_MESSAGES", I18N_NOOP("Other messages")},
	{"W_NEWER_ITEM", I18N_NOOP("Newer:")},
	{"W_OLDER_ITEM", I18N_NOOP("Older:")},
};

enum { NWORDS = sizeof words / sizeof words[0], WORD_LANGS = 8 };

/* Each language's words, looked up on its first page in this worker: they change only with the catalogue,
 * which a worker never reloads (i18n.c), and every public page sets them all. */
static struct {
	char lang[16];
	const char *text[NWORDS];
} known[WORD_LANGS];

static const char *const *words_in(const char *lang)
{
	size_t n = strlen(lang);
	for (int l = 0; l < WORD_LANGS && n < sizeof known[l].lang; l++) {
		if (known[l].lang[0] == '\0') {
			for (size_t i = 0; i < NWORDS; i++)
				known[l].text[i] = i18n_text(words[i].msgid); /* lasts as long as the process */
			memcpy(known[l].lang, lang, n + 1);
		}
		if (strcmp(known[l].lang, lang) == 0)
			return known[l].text;
	}
	return NULL;
}

void words_fill(struct tpl_dict *d)
{
	const char *const *text = words_in(i18n_lang());
	for (size_t i = 0; i < NWORDS; i++)
		tpl_set_global_lasting(d, words[i].key, text ? text[i] : i18n_text(words[i].msgid));
}
