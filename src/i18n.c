/* i18n.c: the interface's words in the reader's language, through glibc's gettext (see i18n.h). */
#include "i18n.h"

#include <libintl.h>
#include <locale.h>
#include <stdint.h>
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

/* ---- translations already found ----
 *
 * glibc's dgettext costs some 2,000 instructions a call (it reads LANGUAGE and the locale again, and after
 * each language switch searches the catalogue again), and every page asks for the same few dozen words on
 * every request. A catalogue never changes while a worker runs (it is read once; docs/languages.md), so a
 * word once found is kept for the process, per language, keyed by its text (not its address: a caller
 * may pass a buffer). The table is bounded; a word past its fill is looked up each time, as before. */
enum { MEMO_LANGS = 8, MEMO_SLOTS = 1024, MEMO_MAX = MEMO_SLOTS * 3 / 4 };

struct memo_word {
	char *key;         /* ctx "\004" msgid, or msgid alone: the catalogue's key; NULL for a free slot */
	const char *text;  /* the translation, owned here (the key's msgid part when untranslated) */
	uint64_t hash;
};

static struct memo_lang {
	char tag[sizeof current];
	struct memo_word *slot; /* MEMO_SLOTS, allocated on first use */
	int count;
} memo[MEMO_LANGS];
static int memo_in_use = -1; /* index in memo of current, -1 until asked */
static int gettext_behind;    /* LANGUAGE does not yet say current */

static uint64_t fnv1a(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* The table of lang, made on first use; NULL when MEMO_LANGS languages have one already. */
static struct memo_lang *memo_of(const char *lang)
{
	for (int i = 0; i < MEMO_LANGS; i++) {
		if (memo[i].tag[0] == '\0') {
			memcpy(memo[i].tag, lang, strlen(lang) + 1); /* i18n_use took no longer tag */
			return &memo[i];
		}
		if (strcmp(memo[i].tag, lang) == 0)
			return &memo[i];
	}
	return NULL;
}

/* Tell gettext the language in use, before it is asked (i18n_use leaves that until needed). */
static void gettext_catch_up(void)
{
	if (gettext_behind) {
		setenv("LANGUAGE", current, 1);
		++_nl_msg_cat_cntr;
		gettext_behind = 0;
	}
}

/* The catalogue's answer for msgid (in sense ctx, or none) in the language in use; msgid if none. */
static const char *catalogue_text(const char *ctx, const char *msgid)
{
	if (!ready)
		return msgid;
	gettext_catch_up();
	if (ctx == NULL)
		return dgettext(DOMAIN, msgid);
	/* As gettext.h's pgettext: the catalogue keys a msgctxt as "ctx\004msgid"; untranslated, the msgid. */
	char key[256];
	if (snprintf(key, sizeof key, "%s\004%s", ctx, msgid) >= (int)sizeof key)
		return msgid;
	const char *t = dgettext(DOMAIN, key);
	return t == key ? msgid : t;
}

/* msgid in sense ctx (or none) in the language of table m (the one in use), found once. */
static const char *memo_text(struct memo_lang *m, const char *ctx, const char *msgid)
{
	uint64_t h = fnv1a(0xcbf29ce484222325ULL, msgid);
	if (ctx)
		h = fnv1a((h ^ 4) * 0x100000001b3ULL, ctx);
	if (m == NULL || (m->slot == NULL && (m->slot = calloc(MEMO_SLOTS, sizeof *m->slot)) == NULL))
		return catalogue_text(ctx, msgid);
	size_t ctxlen = ctx ? strlen(ctx) + 1 : 0, at = (size_t)(h % MEMO_SLOTS);
	for (;; at = (at + 1) % MEMO_SLOTS) {
		struct memo_word *w = &m->slot[at];
		if (w->key == NULL)
			break;
		if (w->hash == h && (ctx == NULL || (strncmp(w->key, ctx, ctxlen - 1) == 0 && w->key[ctxlen - 1] == '\004')) &&
		    strcmp(w->key + ctxlen, msgid) == 0)
			return w->text;
	}
	const char *t = catalogue_text(ctx, msgid);
	if (m->count >= MEMO_MAX)
		return t;
	size_t idlen = strlen(msgid), tlen = t == msgid ? 0 : strlen(t);
	char *key = malloc(ctxlen + idlen + 1 + tlen + 1);
	if (key == NULL)
		return t;
	if (ctx) {
		memcpy(key, ctx, ctxlen - 1);
		key[ctxlen - 1] = '\004';
	}
	memcpy(key + ctxlen, msgid, idlen + 1);
	char *text = key + ctxlen;
	if (t != msgid) {
		text = key + ctxlen + idlen + 1;
		memcpy(text, t, tlen + 1);
	}
	m->slot[at] = (struct memo_word){key, text, h};
	m->count++;
	return text;
}

static struct memo_lang *memo_current(void)
{
	if (memo_in_use < 0) {
		struct memo_lang *m = memo_of(current);
		memo_in_use = m ? (int)(m - memo) : MEMO_LANGS;
	}
	return memo_in_use < MEMO_LANGS ? &memo[memo_in_use] : NULL;
}

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
	gettext_behind = 1;
	gettext_catch_up();
	return 0;
}

void i18n_use(const char *lang)
{
	size_t n = strlen(lang);
	if (n == 0 || n >= sizeof current || strcmp(lang, current) == 0)
		return;
	memcpy(current, lang, n + 1);
	memo_in_use = -1;
	gettext_behind = 1; /* told only when the catalogue is asked (catalogue_text) */
}

const char *i18n_lang(void)
{
	return current;
}

const char *i18n_text(const char *msgid)
{
	return ready ? memo_text(memo_current(), NULL, msgid) : msgid;
}

const char *i18n_plural(const char *one, const char *many, unsigned long n)
{
	if (!ready)
		return n == 1 ? one : many;
	gettext_catch_up();
	return dngettext(DOMAIN, one, many, n);
}

const char *i18n_ctext(const char *ctx, const char *msgid)
{
	return ready ? memo_text(memo_current(), ctx, msgid) : msgid;
}

const char *i18n_language_name(const char *lang)
{
	char was[sizeof current];
	memcpy(was, current, sizeof current);
	i18n_use(lang); /* cheap: gettext is told (and asked) only the first time */
	const char *name = i18n_ctext("the name of this language in itself", "English");
	i18n_use(was);
	return name;
}

char *i18n_number(long long n, char *out, size_t len)
{
	/* TRANSLATORS: put between groups of three digits, as in 1,240 (a no-break space in Russian). */
	const char *sep = i18n_ctext("digit group separator", ",");
	char digits[32], *d = digits + sizeof digits; /* written out, not snprintf: a list shows some twenty */
	unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
	do
		*--d = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	int nd = (int)(digits + sizeof digits - d);
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
		out[o++] = d[i];
	}
	out[o] = '\0';
	return out;
}
