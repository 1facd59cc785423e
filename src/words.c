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
	{"W_SIGNED_BY_OFFICE", I18N_NOOP("This statement is signed:")},
	{"W_SIGNED_TEXT", I18N_NOOP("its text")},
	{"W_SIGNED_SIGNATURE", I18N_NOOP("its signature")},
	{"W_SIGNED_KEY", I18N_NOOP("the office's public key")},
	{"W_KEY_FINGERPRINT", I18N_NOOP("key fingerprint")},
	/* history.tpl */
	{"W_HISTORY_INTRO", I18N_NOOP("Every publication, correction and withdrawal, newest first. Nothing is ever removed: "
	                              "each entry names the hash of the one before, so the past cannot be rewritten "
	                              "unnoticed, and each version's text is signed.")},
	{"W_HISTORY_AS_TEXT", I18N_NOOP("The whole history as text")},
	{"W_HISTORY_CHECKPOINT", I18N_NOOP("its signed checkpoint")},
	{"W_HISTORY_EMPTY", I18N_NOOP("Nothing has been published yet.")},
	{"W_ENTRY", I18N_NOOP("Entry")},
	{"W_SEALED", I18N_NOOP("Sealed")},
	{"W_SEALED_EXPLAINED", I18N_NOOP("a statement scheduled for later: it is shown here at its time.")},
	{"W_ENTRY_HASH", I18N_NOOP("Entry hash:")},
	{"W_TEXT_SHA256", I18N_NOOP("SHA-256 of the text:")},
	{"W_NOTE", I18N_NOOP("Note:")},
	{"W_SAME_WORDS", I18N_NOOP("The words did not change: the photos, documents, type or time did (see the text files).")},
	{"W_DIFF_SKIPPED", I18N_NOOP("The changes are not shown on this page; compare the text with")},
	{"W_NEWER_ENTRIES", I18N_NOOP("Newer entries")},
	{"W_OLDER_ENTRIES", I18N_NOOP("Older entries")},
	/* verify.tpl */
	{"W_VERIFY_TITLE", I18N_NOOP("Verify a statement")},
	{"W_VERIFY_SIGNED_INTRO", I18N_NOOP("Every statement published here is signed with the office's key, so you can prove that a "
	                                    "copy is exactly what the office published, without trusting this website or ours:")},
	{"W_VERIFY_STEP_DOWNLOAD", I18N_NOOP("Download the statement's text and its signature (the links under each statement, "
	                                     "ending in .txt and .txt.minisig), and the office's public key:")},
	{"W_VERIFY_KEY_LINK", I18N_NOOP("signing-key.pub")},
	{"W_VERIFY_STEP_MINISIGN", I18N_NOOP("Check the signature with minisign (the minisign package of Debian and most systems), "
	                                     "naming the files as you saved them:")},
	{"W_VERIFY_STEP_MINISIGN_AFTER", I18N_NOOP("It says \"Signature and comment signature verified\" and shows the statement's "
	                                           "address and version; any change to the text, even one letter, makes it fail.")},
	{"W_VERIFY_STEP_FINGERPRINT", I18N_NOOP("Make sure the key is the office's: its fingerprint, which the office also publishes "
	                                        "elsewhere, must be")},
	{"W_VERIFY_STEP_HISTORY", I18N_NOOP("To check every statement and the whole record of changes at once, see the history, "
	                                    "or run Pressroom's own checker:")},
	{"W_VERIFY_NOT_SIGNED", I18N_NOOP("This site does not sign its statements: no signing key is configured, so a copy cannot "
	                                  "be checked offline.")},
	{"W_VERIFY_PASTE_TITLE", I18N_NOOP("Check a text here")},
	{"W_VERIFY_PASTE_INTRO", I18N_NOOP("Paste the whole text of a statement as downloaded (the .txt file): this server tells you "
	                                   "whether it is exactly one of the versions it has published. This proves only what this "
	                                   "server says today; a signature checked on your own computer proves it without trusting us.")},
	{"W_VERIFY_MATCH", I18N_NOOP("This text is exactly a version published here:")},
	{"W_VERIFY_NO_MATCH", I18N_NOOP("This text matches no version published here. Even one changed character makes a "
	                                "different text; a text that does not begin with \"pressroom-version: 1\" is not a "
	                                "statement's text file.")},
	{"W_VERIFY_TEXT_LABEL", I18N_NOOP("The statement's text")},
	{"W_VERIFY_CHECK", I18N_NOOP("Check")},
	{"W_HOW_TO_VERIFY", I18N_NOOP("how to verify a statement")},
	/* footer.tpl */
	{"W_FOOTER_HISTORY", I18N_NOOP("History of changes")},
	{"W_FOOTER_VERIFY", I18N_NOOP("Verify a statement")},
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

const char *words_text(const char *key)
{
	for (size_t i = 0; i < NWORDS; i++)
		if (strcmp(words[i].key, key) == 0)
			return i18n_text(words[i].msgid);
	return "";
}

void words_fill(struct tpl_dict *d)
{
	const char *const *text = words_in(i18n_lang());
	for (size_t i = 0; i < NWORDS; i++)
		tpl_set_global_lasting(d, words[i].key, text ? text[i] : i18n_text(words[i].msgid));
}
