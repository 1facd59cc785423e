/* search_tokenizer.c: the FTS5 tokenizer "pressroom", unicode61 with ё folded into е and Snowball stemming. */
#include "search_tokenizer.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

enum { WORD_ROOM = 256 }; /* bytes: longer tokens are passed on unstemmed (no word is that long) */

/* One per connection: FTS5 frees it (stemmers_free) when the connection closes. */
struct stemmers {
	fts5_api *fts5;
	struct sb_stemmer *english, *russian;
};

/* One per FTS5 table that uses the tokenizer: unicode61 inside, and the connection's stemmers. */
struct tokenizer {
	fts5_tokenizer inner_api;
	Fts5Tokenizer *inner;
	struct stemmers *stem;
};

/* What the callback of one xTokenize call needs. */
struct run {
	struct stemmers *stem;
	void *ctx;
	int (*token)(void *ctx, int flags, const char *token, int n, int start, int end);
	char word[WORD_ROOM];
};

static void stemmers_free(void *p)
{
	struct stemmers *s = p;
	if (s == NULL)
		return;
	sb_stemmer_delete(s->english);
	sb_stemmer_delete(s->russian);
	free(s);
}

static int tokenizer_create(void *user, const char **args, int nargs, Fts5Tokenizer **out)
{
	struct stemmers *stem = user;
	struct tokenizer *t = calloc(1, sizeof *t);
	if (t == NULL)
		return SQLITE_NOMEM;
	void *inner_user = NULL;
	int rc = stem->fts5->xFindTokenizer(stem->fts5, "unicode61", &inner_user, &t->inner_api);
	if (rc == SQLITE_OK)
		rc = t->inner_api.xCreate(inner_user, args, nargs, &t->inner);
	if (rc != SQLITE_OK) {
		free(t);
		return rc;
	}
	t->stem = stem;
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

static void tokenizer_delete(Fts5Tokenizer *p)
{
	struct tokenizer *t = (struct tokenizer *)p;
	if (t->inner)
		t->inner_api.xDelete(t->inner);
	free(t);
}

/* The stemmer for a folded token: Russian if its first letter is Cyrillic (U+0400..U+04FF, lead bytes
 * 0xD0..0xD3), English if it is a Latin letter, none for digits and other scripts. */
static struct sb_stemmer *stemmer_for(const struct stemmers *s, const unsigned char *w, int n)
{
	for (int i = 0; i < n; i++) {
		if (w[i] >= 'a' && w[i] <= 'z')
			return s->english;
		if (w[i] >= 0xD0 && w[i] <= 0xD3)
			return s->russian;
		if (w[i] >= 0x80 || (w[i] >= '0' && w[i] <= '9'))
			return NULL; /* a word that starts with a digit or another script's letter: kept as it is */
	}
	return NULL;
}

/* unicode61 has folded case and accents; fold ё (U+0451, D1 91) into е (U+0435, D0 B5), the same length,
 * and stem. The offsets stay unicode61's: those of the text as written. */
static int stem_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct run *r = ctx;
	if (n <= 0 || n > WORD_ROOM)
		return r->token(r->ctx, flags, token, n, start, end);
	unsigned char *w = (unsigned char *)r->word;
	memcpy(w, token, (size_t)n);
	for (int i = 0; i + 1 < n; i++)
		if (w[i] == 0xD1 && w[i + 1] == 0x91) {
			w[i] = 0xD0;
			w[i + 1] = 0xB5;
		}
	struct sb_stemmer *stemmer = stemmer_for(r->stem, w, n);
	if (stemmer == NULL)
		return r->token(r->ctx, flags, r->word, n, start, end);
	const sb_symbol *stem = sb_stemmer_stem(stemmer, w, n);
	if (stem == NULL)
		return SQLITE_NOMEM;
	return r->token(r->ctx, flags, (const char *)stem, sb_stemmer_length(stemmer), start, end);
}

/* Whether text is SEARCH_LANG_MARK and a language tag: one token, unfolded and unstemmed. */
static int lang_token(const char *text, int len)
{
	if (len < 2 || len > 64 || text[0] != SEARCH_LANG_MARK[0])
		return 0;
	for (int i = 1; i < len; i++) {
		char c = text[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'))
			return 0;
	}
	return 1;
}

static int tokenizer_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int len,
                              int (*token)(void *, int, const char *, int, int, int))
{
	struct tokenizer *t = (struct tokenizer *)p;
	if (lang_token(text, len))
		return token(ctx, 0, text, len, 0, len);
	/* An auxiliary function (search_snippet, search_rank) asks only for positions and offsets, never the
	 * terms: unicode61's tokens come out in the same places, so the stemming is skipped. */
	if (flags & FTS5_TOKENIZE_AUX)
		return t->inner_api.xTokenize(t->inner, ctx, flags, text, len, token);
	struct run r = {.stem = t->stem, .ctx = ctx, .token = token};
	return t->inner_api.xTokenize(t->inner, &r, flags, text, len, stem_token);
}

int search_tokenizer_register(fts5_api *fts5)
{
	if (fts5 == NULL)
		return SQLITE_ERROR;
	struct stemmers *s = calloc(1, sizeof *s);
	if (s == NULL)
		return SQLITE_NOMEM;
	s->fts5 = fts5;
	s->english = sb_stemmer_new("english", "UTF_8");
	s->russian = sb_stemmer_new("russian", "UTF_8");
	if (s->english == NULL || s->russian == NULL) {
		stemmers_free(s);
		return SQLITE_NOMEM;
	}
	fts5_tokenizer api = {tokenizer_create, tokenizer_delete, tokenizer_tokenize};
	return fts5->xCreateTokenizer(fts5, "pressroom", s, &api, stemmers_free);
}
