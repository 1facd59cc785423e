/* search_rank.c: search_rank(), FTS5's BM25 with the documents per term given (search_store.c keeps
 * them per worker and binds them). Why: bm25() counts, on every query, every document holding each term (to weigh a rare term above a
 * common one): for "cooperation" 70,000 documents, 20 million instructions, where scoring the 1,000
 * candidates costs 6 million. Those counts change only when the index does, so a worker keeps them. */
#include "search_rank.h"

#include <math.h>
#include <string.h>

/* ---- search_rank(): the formula of bm25() in SQLite's fts5_aux.c, step for step, so the scores are
 * the same to the last bit ---- */

/* What one query needs for every row: computed at its first row, kept by FTS5 until the query ends. */
struct rank_query {
	int phrases;
	double avgdl;  /* tokens per row, all columns */
	double *idf;   /* per phrase */
	double *freq;  /* per phrase, for the current row */
};

/* The weights search_rank() was given, one per column from the first; a column past them weighs 1.0. */
struct weights {
	int n;
	sqlite3_value **of;
};

static double weight(struct weights w, int col)
{
	return col < w.n ? sqlite3_value_double(w.of[col]) : 1.0;
}

/* A column weighed 0.0 (the language, 0017_search_lang_index.sql) is no text of the item: neither its
 * tokens nor its length count, so the scores are those of an index without it. */
static int weighed(struct weights w, int col)
{
	return weight(w, col) != 0.0;
}

/* counts: one sqlite3_int64 per phrase, the documents that hold it (unaligned, as a blob may be). */
static int rank_query(const Fts5ExtensionApi *api, Fts5Context *fts, const char *counts, struct weights weights,
                      struct rank_query **out)
{
	struct rank_query *q = api->xGetAuxdata(fts, 0);
	if (q != NULL) {
		*out = q;
		return SQLITE_OK;
	}
	int phrases = api->xPhraseCount(fts);
	q = sqlite3_malloc64(sizeof *q + (size_t)phrases * 2 * sizeof(double));
	if (q == NULL)
		return SQLITE_NOMEM;
	memset(q, 0, sizeof *q + (size_t)phrases * 2 * sizeof(double));
	q->phrases = phrases;
	q->idf = (double *)&q[1];
	q->freq = &q->idf[phrases];
	sqlite3_int64 rows = 0, tokens = 0;
	int rc = api->xRowCount(fts, &rows);
	for (int col = 0; rc == SQLITE_OK && col < api->xColumnCount(fts); col++) {
		sqlite3_int64 in_col = 0;
		if (weighed(weights, col))
			rc = api->xColumnTotalSize(fts, col, &in_col);
		tokens += in_col;
	}
	if (rc == SQLITE_OK)
		q->avgdl = (double)tokens / (double)rows;
	for (int i = 0; rc == SQLITE_OK && i < phrases; i++) {
		sqlite3_int64 docs;
		memcpy(&docs, counts + (size_t)i * sizeof docs, sizeof docs);
		/* IDF = log((N - n + 0.5) / (n + 0.5)), negative for a term in most rows: then a token 1e-6. */
		double idf = log((rows - docs + 0.5) / (docs + 0.5));
		q->idf[i] = idf <= 0.0 ? 1e-6 : idf;
	}
	if (rc == SQLITE_OK)
		rc = api->xSetAuxdata(fts, q, sqlite3_free); /* frees q itself if it fails */
	else
		sqlite3_free(q);
	*out = rc == SQLITE_OK ? q : NULL;
	return rc;
}

/* search_rank(fts, counts, weight...): -BM25 (k1 1.2, b 0.75), smaller is better, as bm25() returns. */
static void search_rank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
                        sqlite3_value **argv)
{
	const double k1 = 1.2, b = 0.75;
	struct rank_query *q = NULL;
	int insts = 0, tokens = 0;
	/* A count short or over would weigh the wrong term: refuse, so a mistake shows (the fuzzer looks). */
	if (argc < 1 || sqlite3_value_type(argv[0]) != SQLITE_BLOB ||
	    (size_t)sqlite3_value_bytes(argv[0]) != (size_t)api->xPhraseCount(fts) * sizeof(sqlite3_int64)) {
		sqlite3_result_error(ctx, "search_rank: one document count per phrase is needed", -1);
		return;
	}
	struct weights weights = {.n = argc - 1, .of = argv + 1};
	int rc = rank_query(api, fts, sqlite3_value_blob(argv[0]), weights, &q);
	if (rc == SQLITE_OK) {
		memset(q->freq, 0, (size_t)q->phrases * sizeof *q->freq);
		rc = api->xInstCount(fts, &insts);
	}
	/* A term's frequency in the row: each occurrence counts its column's weight. */
	for (int i = 0; rc == SQLITE_OK && i < insts; i++) {
		int phrase, col, off;
		rc = api->xInst(fts, i, &phrase, &col, &off);
		if (rc == SQLITE_OK)
			q->freq[phrase] += weight(weights, col);
	}
	for (int col = 0; rc == SQLITE_OK && col < api->xColumnCount(fts); col++) {
		int in_col = 0;
		if (weighed(weights, col))
			rc = api->xColumnSize(fts, col, &in_col);
		tokens += in_col;
	}
	if (rc != SQLITE_OK) {
		sqlite3_result_error_code(ctx, rc);
		return;
	}
	double score = 0.0, D = (double)tokens;
	for (int i = 0; i < q->phrases; i++)
		score += q->idf[i] * ((q->freq[i] * (k1 + 1.0)) / (q->freq[i] + k1 * (1 - b + b * D / q->avgdl)));
	sqlite3_result_double(ctx, -1.0 * score);
}

/* ---- search_in_title(): whether the title holds every term, which ranks an item above all that do not ---- */

/* search_in_title(fts[, skip]): 1 if every phrase of the query but the last skip (a filter's: the language
 * of search_match) occurs in the row's first column (the title), else 0. A phrase's instances come in
 * column order, so its first one says it; FTS5 has read them already. Why: BM25 damps a match by the item's
 * length, so a long statement titled "Joint statement ..." ranked behind every short item that said
 * "statement" once in its body (docs/search.md). */
static void search_in_title(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *ctx, int argc,
                            sqlite3_value **argv)
{
	int skip = argc > 0 ? sqlite3_value_int(argv[0]) : 0;
	int phrases = api->xPhraseCount(fts) - skip, all = phrases > 0 && skip >= 0;
	for (int i = 0; all && i < phrases; i++) {
		Fts5PhraseIter it;
		int col = -1, off = -1;
		int rc = api->xPhraseFirst(fts, i, &it, &col, &off);
		if (rc != SQLITE_OK) {
			sqlite3_result_error_code(ctx, rc);
			return;
		}
		all = col == 0;
	}
	sqlite3_result_int(ctx, all);
}

int search_rank_register(fts5_api *fts5)
{
	if (fts5 == NULL)
		return SQLITE_ERROR;
	int rc = fts5->xCreateFunction(fts5, "search_rank", NULL, search_rank, NULL);
	if (rc == SQLITE_OK)
		rc = fts5->xCreateFunction(fts5, "search_in_title", NULL, search_in_title, NULL);
	return rc;
}
