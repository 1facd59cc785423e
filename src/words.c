/* words.c: the fixed words of the public templates, each a template variable, the templates that show it
 * (their names without ".tpl") and its msgid (see words.h). One line here and one {{W_...}} in a template
 * add a word; xgettext finds the msgid through I18N_NOOP, and tests/lint/template_words.py checks that each
 * template's words name it. */
#include "words.h"

#include <string.h>

#include "i18n.h"
#include "tpl.h"

static const struct {
	const char *key, *templates, *msgid;
} words[] = {
	/* header.tpl */
	{"W_SKIP_TO_CONTENT", "header", I18N_NOOP("Skip to content")},
	{"W_CURRENT_TIME", "header", I18N_NOOP("Current time")},
	{"W_MAIN_MENU", "header", I18N_NOOP("Main")},
	{"W_PRESS_RELEASES", "header", I18N_NOOP("Press releases")},
	{"W_EVENTS", "header", I18N_NOOP("Events")},
	{"W_ALL_MESSAGES", "header", I18N_NOOP("All messages")},
	{"W_SEARCH_STATEMENTS", "header", I18N_NOOP("Search statements")},
	{"W_SEARCH", "header messages", I18N_NOOP("Search")},
	{"W_LANGUAGES", "header", I18N_NOOP("Languages")},
	/* home.tpl */
	{"W_NO_RELEASES_YET", "home", I18N_NOOP("No press releases have been published yet.")},
	{"W_LATEST_EVENTS", "home", I18N_NOOP("Latest events")},
	{"W_NO_EVENTS_YET", "home", I18N_NOOP("No events have been published yet.")},
	{"W_ALL_MESSAGES_LINK", "home item error", I18N_NOOP("all messages")},
	/* messages.tpl */
	{"W_SEARCH_TITLES_AND_TEXTS", "messages", I18N_NOOP("Search titles and texts")},
	{"W_FILTER_MESSAGES", "messages", I18N_NOOP("Filter messages")},
	{"W_YEAR", "messages", I18N_NOOP("Year")},
	{"W_ALL_YEARS", "messages", I18N_NOOP("all years")},
	{"W_LANGUAGE", "messages", I18N_NOOP("Language")},
	{"W_NO_MESSAGES", "messages", I18N_NOOP("No messages match.")},
	{"W_NO_RESULTS", "messages", I18N_NOOP("No results. Try other or fewer words, or look through the archive below.")},
	{"W_PAGES", "messages history", I18N_NOOP("Pages")},
	{"W_PAGE", "messages history", I18N_NOOP("Page")},
	{"W_ARCHIVE", "messages", I18N_NOOP("Archive")},
	/* footer.tpl */
	{"W_EMAIL_ALERTS", "footer", I18N_NOOP("Email alerts")},
	/* error.tpl */
	{"W_BACK_TO_FRONT_PAGE", "error", I18N_NOOP("Back to the front page")},
	{"W_OR_SEE", "error", I18N_NOOP("or see")},
	/* item.tpl */
	{"W_PREVIEW", "item", I18N_NOOP("Preview.")},
	{"W_BACK_TO_EDITING", "item", I18N_NOOP("Back to editing")},
	{"W_UPDATED", "item feed_content", I18N_NOOP("Updated")},
	{"W_OTHER_MESSAGES", "item", I18N_NOOP("Other messages")},
	{"W_NEWER_ITEM", "item", I18N_NOOP("Newer:")},
	{"W_OLDER_ITEM", "item", I18N_NOOP("Older:")},
	{"W_SIGNED_BY_OFFICE", "item", I18N_NOOP("This statement is signed:")},
	{"W_SIGNED_TEXT", "item", I18N_NOOP("its text")},
	{"W_SIGNED_SIGNATURE", "item", I18N_NOOP("its signature")},
	{"W_SIGNED_KEY", "item", I18N_NOOP("the office's public key")},
	{"W_KEY_FINGERPRINT", "item", I18N_NOOP("key fingerprint")},
	/* history.tpl */
	{"W_HISTORY_INTRO", "history", I18N_NOOP("Every publication, correction and withdrawal, newest first. Nothing is ever removed: "
	                              "each entry names the hash of the one before, so the past cannot be rewritten "
	                              "unnoticed, and each version's text is signed.")},
	{"W_HISTORY_AS_TEXT", "history", I18N_NOOP("The whole history as text")},
	{"W_HISTORY_CHECKPOINT", "history", I18N_NOOP("its signed checkpoint")},
	{"W_HISTORY_EMPTY", "history", I18N_NOOP("Nothing has been published yet.")},
	{"W_ENTRY", "history", I18N_NOOP("Entry")},
	{"W_SEALED", "history", I18N_NOOP("Sealed")},
	{"W_SEALED_EXPLAINED", "history", I18N_NOOP("a statement scheduled for later: it is shown here at its time.")},
	{"W_ENTRY_HASH", "history", I18N_NOOP("Entry hash:")},
	{"W_TEXT_SHA256", "history", I18N_NOOP("SHA-256 of the text:")},
	{"W_NOTE", "history", I18N_NOOP("Note:")},
	{"W_SAME_WORDS", "history", I18N_NOOP("The words did not change: the photos, documents, type or time did (see the text files).")},
	{"W_DIFF_SKIPPED", "history", I18N_NOOP("The changes are not shown on this page; compare the text with")},
	{"W_NEWER_ENTRIES", "history", I18N_NOOP("Newer entries")},
	{"W_OLDER_ENTRIES", "history", I18N_NOOP("Older entries")},
	/* verify.tpl */
	{"W_VERIFY_TITLE", "verify", I18N_NOOP("Verify a statement")},
	{"W_VERIFY_SIGNED_INTRO", "verify", I18N_NOOP("Every statement published here is signed with the office's key, so you can prove that a "
	                                    "copy is exactly what the office published, without trusting this website or ours:")},
	{"W_VERIFY_STEP_DOWNLOAD", "verify", I18N_NOOP("Download the statement's text and its signature (the links under each statement, "
	                                     "ending in .txt and .txt.minisig), and the office's public key:")},
	{"W_VERIFY_KEY_LINK", "verify", I18N_NOOP("signing-key.pub")},
	{"W_VERIFY_STEP_MINISIGN", "verify", I18N_NOOP("Check the signature with minisign (the minisign package of Debian and most systems), "
	                                     "naming the files as you saved them:")},
	{"W_VERIFY_STEP_MINISIGN_AFTER", "verify", I18N_NOOP("It says \"Signature and comment signature verified\" and shows the statement's "
	                                           "address and version; any change to the text, even one letter, makes it fail.")},
	{"W_VERIFY_STEP_FINGERPRINT", "verify", I18N_NOOP("Make sure the key is the office's: its fingerprint, which the office also publishes "
	                                        "elsewhere, must be")},
	{"W_VERIFY_STEP_HISTORY", "verify", I18N_NOOP("To check every statement and the whole record of changes at once, see the history, "
	                                    "or run Pressroom's own checker:")},
	{"W_VERIFY_NOT_SIGNED", "verify", I18N_NOOP("This site does not sign its statements: no signing key is configured, so a copy cannot "
	                                  "be checked offline.")},
	{"W_VERIFY_PASTE_TITLE", "verify", I18N_NOOP("Check a text here")},
	{"W_VERIFY_PASTE_INTRO", "verify", I18N_NOOP("Paste the whole text of a statement as downloaded (the .txt file): this server tells you "
	                                   "whether it is exactly one of the versions it has published. This proves only what this "
	                                   "server says today; a signature checked on your own computer proves it without trusting us.")},
	{"W_VERIFY_MATCH", "verify", I18N_NOOP("This text is exactly a version published here:")},
	{"W_VERIFY_NO_MATCH", "verify", I18N_NOOP("This text matches no version published here. Even one changed character makes a "
	                                "different text; a text that does not begin with \"pressroom-version: 1\" is not a "
	                                "statement's text file.")},
	{"W_VERIFY_TEXT_LABEL", "verify", I18N_NOOP("The statement's text")},
	{"W_VERIFY_CHECK", "verify", I18N_NOOP("Check")},
	{"W_HOW_TO_VERIFY", "item history", I18N_NOOP("how to verify a statement")},
	/* footer.tpl */
	{"W_FOOTER_HISTORY", "footer verify", I18N_NOOP("History of changes")},
	{"W_FOOTER_VERIFY", "footer", I18N_NOOP("Verify a statement")},
};

enum { NWORDS = sizeof words / sizeof words[0], WORD_LANGS = 8, WORD_TEMPLATES = 16 };
_Static_assert(NWORDS < 256, "a template's words are kept as byte indexes");

/* Each language's words, looked up on its first page in this worker: they change only with the catalogue,
 * which a worker never reloads (i18n.c). */
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

/* A template's name as the table gives it: "item.tpl" -> 4 ("item"). */
static size_t name_len(const char *template)
{
	size_t len = strlen(template);
	return len > 4 && strcmp(template + len - 4, ".tpl") == 0 ? len - 4 : len;
}

/* Is the template named (name, len) in the space-separated list? */
static int listed(const char *list, const char *name, size_t len)
{
	for (const char *p = list; *p;) {
		size_t n = strcspn(p, " ");
		if (n == len && memcmp(p, name, len) == 0)
			return 1;
		p += n + (p[n] == ' ');
	}
	return 0;
}

/* Which words template (a file name such as "item.tpl") shows, found on its first page in this worker:
 * a page sets only those (setting all seventy cost a detail page 50,000 instructions). */
static struct {
	char name[32];
	unsigned char n, index[NWORDS];
} shown[WORD_TEMPLATES];

static const unsigned char *words_of(const char *template, size_t *count)
{
	size_t len = name_len(template);
	for (int t = 0; t < WORD_TEMPLATES && len < sizeof shown[t].name; t++) {
		if (shown[t].name[0] == '\0') {
			for (size_t i = 0; i < NWORDS; i++)
				if (listed(words[i].templates, template, len))
					shown[t].index[shown[t].n++] = (unsigned char)i;
			memcpy(shown[t].name, template, len);
		}
		if (strncmp(shown[t].name, template, len) == 0 && shown[t].name[len] == '\0') {
			*count = shown[t].n;
			return shown[t].index;
		}
	}
	*count = 0;
	return NULL;
}

const char *words_text(const char *key)
{
	for (size_t i = 0; i < NWORDS; i++)
		if (strcmp(words[i].key, key) == 0)
			return i18n_text(words[i].msgid);
	return "";
}

void words_fill(struct tpl_dict *d, const char *template)
{
	const char *const *text = words_in(i18n_lang());
	size_t n;
	const unsigned char *index = words_of(template, &n);
	if (index == NULL) { /* more templates than the table holds: look each word up */
		for (size_t i = 0; i < NWORDS; i++)
			if (listed(words[i].templates, template, name_len(template)))
				tpl_set_global_lasting(d, words[i].key, i18n_text(words[i].msgid));
		return;
	}
	for (size_t k = 0; k < n; k++)
		tpl_set_global_lasting(d, words[index[k]].key, text ? text[index[k]] : i18n_text(words[index[k]].msgid));
}
