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

const char *words_text(const char *key)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i].key, key) == 0)
			return i18n_text(words[i].msgid);
	return "";
}

void words_fill(struct tpl_dict *d)
{
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		tpl_set_global(d, words[i].key, i18n_text(words[i].msgid));
}
