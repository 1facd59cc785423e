/* casefold.c: the SQL function casefold(text) (casefold.h). */
#include "casefold.h"

#include <stdlib.h>

#include "buf.h"

/* One per connection: the unicode61 tokenizer that folds. */
struct casefold {
	fts5_tokenizer api;
	Fts5Tokenizer *tok;
};

/* One call's text and what has been written of it. */
struct folding {
	const char *text;
	int copied;   /* bytes of text accounted for in out */
	struct buf out;
};

/* unicode61 hands each word folded, with its place in the text: write what lies before it (spaces,
 * punctuation, marks: nothing to fold) as it is written, then the folded word. */
static int fold_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	(void)flags;
	struct folding *f = ctx;
	if (start > f->copied)
		buf_append(&f->out, f->text + f->copied, (size_t)(start - f->copied));
	buf_append(&f->out, token, (size_t)n);
	if (end > f->copied)
		f->copied = end;
	return SQLITE_OK;
}

static void sql_casefold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	struct casefold *c = sqlite3_user_data(ctx);
	const unsigned char *text = sqlite3_value_text(argv[0]);
	if (text == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	int len = sqlite3_value_bytes(argv[0]);
	int ascii = 1;
	for (int i = 0; i < len && ascii; i++)
		ascii = text[i] < 0x80;
	struct folding f = {.text = (const char *)text};
	if (ascii) {
		/* Most titles: unicode61 would change A-Z alone, so skip it. */
		buf_append(&f.out, f.text, (size_t)len);
		for (int i = 0; i < len; i++)
			if (f.out.data[i] >= 'A' && f.out.data[i] <= 'Z')
				f.out.data[i] = (char)(f.out.data[i] - 'A' + 'a');
	} else {
		int rc = c->api.xTokenize(c->tok, &f, FTS5_TOKENIZE_DOCUMENT, f.text, len, fold_token);
		if (rc != SQLITE_OK) {
			buf_free(&f.out);
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		if (len > f.copied)
			buf_append(&f.out, f.text + f.copied, (size_t)(len - f.copied));
	}
	sqlite3_result_text(ctx, buf_str(&f.out), (int)f.out.len, SQLITE_TRANSIENT);
	buf_free(&f.out);
}

static void casefold_free(void *p)
{
	struct casefold *c = p;
	if (c->tok)
		c->api.xDelete(c->tok);
	free(c);
}

int casefold_register(sqlite3 *h, fts5_api *fts5)
{
	if (fts5 == NULL)
		return SQLITE_ERROR;
	struct casefold *c = calloc(1, sizeof *c);
	if (c == NULL)
		return SQLITE_NOMEM;
	void *user = NULL;
	const char *args[] = {"remove_diacritics", "0"};
	int rc = fts5->xFindTokenizer(fts5, "unicode61", &user, &c->api);
	if (rc == SQLITE_OK)
		rc = c->api.xCreate(user, args, 2, &c->tok);
	if (rc != SQLITE_OK) {
		free(c);
		return rc;
	}
	/* create_function_v2 frees c with the connection, and also when it fails. */
	return sqlite3_create_function_v2(h, "casefold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, c,
	                                  sql_casefold, NULL, NULL, casefold_free);
}
