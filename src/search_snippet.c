/* search_snippet.c: search_snippet(), FTS5's snippet() over all columns: the same passage, marked the same
 * way, for less work. snippet() tokenizes every column to its end to find where sentences start, then the
 * chosen column to its end again to copy the passage: a result's whole title, teaser and body (2-10 KB, and
 * Cyrillic costs some 150 instructions a character), for a passage of 24 words. The hits' positions are
 * known without reading (xInst), so here a column without a hit is not tokenized, a column with hits only
 * up to its last hit, and the chosen column only up to the passage's last word. What is skipped never
 * changed snippet()'s choice or its text. The steps and the scores are those of fts5_aux.c (SQLite 3.40);
 * tests/unit/test_search.c compares the two. */
#include "search_snippet.h"

#include <string.h>

#include "buf.h"

/* The hits in one column, in order, those that overlap merged into one: tokens [start, end], -1 past the
 * last one. */
struct hits {
	const Fts5ExtensionApi *api;
	Fts5Context *fts;
	int col, next, count;
	int start, end;
};

static int hits_next(struct hits *h)
{
	int rc = SQLITE_OK;
	h->start = h->end = -1;
	while (rc == SQLITE_OK && h->next < h->count) {
		int phrase, col, off;
		rc = h->api->xInst(h->fts, h->next, &phrase, &col, &off);
		if (rc != SQLITE_OK)
			break;
		if (col == h->col) {
			int end = off - 1 + h->api->xPhraseSize(h->fts, phrase);
			if (h->start < 0) {
				h->start = off;
				h->end = end;
			} else if (off <= h->end) {
				if (end > h->end)
					h->end = end;
			} else {
				break;
			}
		}
		h->next++;
	}
	return rc;
}

static int hits_init(struct hits *h, const Fts5ExtensionApi *api, Fts5Context *fts, int col)
{
	*h = (struct hits){.api = api, .fts = fts, .col = col};
	int rc = api->xInstCount(fts, &h->count);
	return rc == SQLITE_OK ? hits_next(h) : rc;
}

/* The passage being copied: tokens first..last of text (last <= 0: all of it, as in snippet()). */
struct passage {
	struct hits hits;
	int first, last;
	const char *open, *close;
	const char *text;
	int len;
	int pos;    /* the next token's position */
	int copied; /* bytes of text copied so far, or skipped before the passage */
	struct buf out;
};

static void copy_to(struct passage *p, int end)
{
	if (end > p->copied)
		buf_append(&p->out, p->text + p->copied, (size_t)(end - p->copied));
	p->copied = end;
}

/* xTokenize callback: copy the passage, the hits between the markers. (snippet()'s callback, shared with
 * highlight(), also reopens a hit that began before the passage; none does here, since the hits before the
 * passage are skipped before it is copied.) */
static int passage_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct passage *p = ctx;
	int rc = SQLITE_OK;
	(void)token;
	(void)n;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	int pos = p->pos++;
	if (p->last > 0) {
		if (pos > p->last)
			return SQLITE_DONE; /* snippet() reads on, and does nothing more */
		if (pos < p->first)
			return SQLITE_OK;
		if (p->first && pos == p->first)
			p->copied = start;
	}
	if (pos == p->hits.start) {
		copy_to(p, start);
		buf_puts(&p->out, p->open);
	}
	if (pos == p->hits.end) {
		copy_to(p, end);
		buf_puts(&p->out, p->close);
		rc = hits_next(&p->hits);
	}
	if (p->last > 0 && pos == p->last) {
		copy_to(p, end);
		if (pos >= p->hits.start && pos < p->hits.end)
			buf_puts(&p->out, p->close); /* a hit that goes on past the passage */
	}
	return rc;
}

/* Where sentences start in a column, up to token stop: the first token, and each after '.' or ':' and
 * white space. */
struct sentences {
	const char *text;
	int pos, stop;
	int count, room;
	int *first;
};

static int sentence_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct sentences *s = ctx;
	(void)token;
	(void)n;
	(void)end;
	if (flags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (s->pos > s->stop)
		return SQLITE_DONE; /* past the column's last hit: no later sentence start is looked at */
	int i = start - 1;
	while (i >= 0 && (s->text[i] == ' ' || s->text[i] == '\t' || s->text[i] == '\n' || s->text[i] == '\r'))
		i--;
	if (s->pos == 0 || (i != start - 1 && i >= 0 && (s->text[i] == '.' || s->text[i] == ':'))) {
		if (s->count == s->room) {
			int room = s->room ? s->room * 2 : 64;
			int *more = sqlite3_realloc64(s->first, (sqlite3_uint64)room * sizeof *more);
			if (more == NULL)
				return SQLITE_NOMEM;
			s->first = more;
			s->room = room;
		}
		s->first[s->count++] = s->pos;
	}
	s->pos++;
	return SQLITE_OK;
}

static int tokenize(const Fts5ExtensionApi *api, Fts5Context *fts, const char *text, int len, void *ctx,
                    int (*cb)(void *, int, const char *, int, int, int))
{
	int rc = api->xTokenize(fts, text, len, ctx, cb);
	return rc == SQLITE_DONE ? SQLITE_OK : rc; /* our callbacks stop early with SQLITE_DONE */
}

/* snippet()'s score of the window of tokens [pos, pos + tokens) of column col: 1000 for each phrase in it,
 * 1 for each repeat. With adj, where a window centred on those hits would start. */
static int window_score(const Fts5ExtensionApi *api, Fts5Context *fts, unsigned char *seen, int col, int pos,
                        int tokens, int size, int *score, int *adj)
{
	int count = 0, first = -1, last = 0;
	sqlite3_int64 end = (sqlite3_int64)pos + tokens;
	memset(seen, 0, (size_t)api->xPhraseCount(fts));
	*score = 0;
	int rc = api->xInstCount(fts, &count);
	for (int i = 0; i < count && rc == SQLITE_OK; i++) {
		int phrase, c, off;
		rc = api->xInst(fts, i, &phrase, &c, &off);
		if (rc == SQLITE_OK && c == col && off >= pos && off < end) {
			*score += seen[phrase] ? 1 : 1000;
			seen[phrase] = 1;
			if (first < 0)
				first = off;
			last = off + api->xPhraseSize(fts, phrase);
		}
	}
	if (adj != NULL) {
		sqlite3_int64 a = first - (tokens - (last - first)) / 2;
		if (a + tokens > size)
			a = size - tokens;
		*adj = a < 0 ? 0 : (int)a;
	}
	return rc;
}

static const char *text_of(sqlite3_value *v)
{
	const char *s = (const char *)sqlite3_value_text(v);
	return s ? s : "";
}

/* search_snippet(fts, open, close, ellipsis, tokens) */
static void search_snippet(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
                           sqlite3_value **argv)
{
	if (argc != 4) {
		sqlite3_result_error(ctx, "search_snippet: open, close, ellipsis and tokens are needed", -1);
		return;
	}
	const char *ellipsis = text_of(argv[2]);
	int tokens = sqlite3_value_int(argv[3]);
	int cols = api->xColumnCount(fts), count = 0;
	int best_col = 0, best_start = 0, best_score = 0, best_size = 0;
	struct sentences s = {0};
	struct passage p = {.open = text_of(argv[0]), .close = text_of(argv[1])};
	unsigned char *seen = sqlite3_malloc64((sqlite3_uint64)api->xPhraseCount(fts) + 1);
	int rc = seen ? api->xInstCount(fts, &count) : SQLITE_NOMEM;

	/* The best window: snippet()'s, tried at each hit and at the start of each hit's sentence. */
	for (int col = 0; rc == SQLITE_OK && col < cols; col++) {
		s.stop = -1;
		for (int i = 0; rc == SQLITE_OK && i < count; i++) {
			int phrase, c, off;
			rc = api->xInst(fts, i, &phrase, &c, &off);
			if (rc == SQLITE_OK && c == col && off > s.stop)
				s.stop = off;
		}
		if (rc != SQLITE_OK || s.stop < 0)
			continue; /* no hit in this column: no window either */
		int len, size = 0;
		s.pos = s.count = 0;
		rc = api->xColumnText(fts, col, &s.text, &len);
		if (rc == SQLITE_OK)
			rc = tokenize(api, fts, s.text, len, &s, sentence_token);
		if (rc == SQLITE_OK)
			rc = api->xColumnSize(fts, col, &size);
		for (int i = 0; rc == SQLITE_OK && i < count; i++) {
			int phrase, c, off, score, start;
			rc = api->xInst(fts, i, &phrase, &c, &off);
			if (rc != SQLITE_OK || c != col)
				continue;
			if (off > size)
				rc = SQLITE_CORRUPT_VTAB;
			if (rc == SQLITE_OK)
				rc = window_score(api, fts, seen, col, off, tokens, size, &score, &start);
			if (rc == SQLITE_OK && score > best_score) {
				best_col = col;
				best_start = start;
				best_score = score;
				best_size = size;
			}
			if (rc != SQLITE_OK || s.count == 0 || size <= tokens)
				continue;
			int j = 0;
			while (j < s.count - 1 && s.first[j + 1] <= off)
				j++;
			if (s.first[j] >= off)
				continue;
			rc = window_score(api, fts, seen, col, s.first[j], tokens, size, &score, NULL);
			score += s.first[j] == 0 ? 120 : 100; /* a passage that starts a sentence reads better */
			if (rc == SQLITE_OK && score > best_score) {
				best_col = col;
				best_start = s.first[j];
				best_score = score;
				best_size = size;
			}
		}
	}

	/* Copy it, with an ellipsis where it cuts the text. */
	if (rc == SQLITE_OK)
		rc = api->xColumnText(fts, best_col, &p.text, &p.len);
	if (rc == SQLITE_OK && best_size == 0)
		rc = api->xColumnSize(fts, best_col, &best_size);
	if (rc == SQLITE_OK && p.text != NULL) {
		rc = hits_init(&p.hits, api, fts, best_col);
		p.first = best_start;
		p.last = best_start + tokens - 1;
		if (best_start > 0)
			buf_puts(&p.out, ellipsis);
		while (rc == SQLITE_OK && p.hits.start >= 0 && p.hits.start < best_start)
			rc = hits_next(&p.hits);
		if (rc == SQLITE_OK)
			rc = tokenize(api, fts, p.text, p.len, &p, passage_token);
		if (p.last >= best_size - 1)
			copy_to(&p, p.len);
		else
			buf_puts(&p.out, ellipsis);
	}
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(ctx, rc);
	else if (p.text != NULL)
		sqlite3_result_text(ctx, buf_str(&p.out), (int)p.out.len, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
	buf_free(&p.out);
	sqlite3_free(s.first);
	sqlite3_free(seen);
}

int search_snippet_register(fts5_api *fts5)
{
	if (fts5 == NULL)
		return SQLITE_ERROR;
	return fts5->xCreateFunction(fts5, "search_snippet", NULL, search_snippet, NULL);
}
