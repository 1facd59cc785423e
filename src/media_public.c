/* media_public.c: photos and documents as the public reads them: an item's files with their renditions
 * (for the detail page, the lists' thumbnails and the feeds, in one query per page), whether a media URL
 * may be sent, and the one shape of a media URL. */
#include "media_public.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "log.h"

static const struct {
	const char *name, *ext, *mime;
} formats[MEDIA_FORMAT__MAX] = {
	[MEDIA_WEBP] = {"webp", "webp", "image/webp"},
	[MEDIA_JPEG] = {"jpeg", "jpg", "image/jpeg"},
	[MEDIA_PDF] = {"pdf", "pdf", "application/pdf"},
};

const char *media_mime(enum media_format format)
{
	return formats[format].mime;
}

static int format_named(const char *name, enum media_format *out)
{
	for (int f = 0; f < MEDIA_FORMAT__MAX; f++) {
		if (strcmp(formats[f].name, name) == 0) {
			*out = (enum media_format)f;
			return 1;
		}
	}
	return 0;
}

const char *media_path(struct arena *a, const struct media_rendition *r)
{
	return arena_printf(a, "/media/%s.%s", r->file, formats[r->format].ext);
}

int media_segment(const char *segment, char *file, enum media_format *format)
{
	for (int i = 0; i < 64; i++) {
		char c = segment[i];
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return 0;
	}
	if (segment[64] != '.')
		return 0;
	for (int f = 0; f < MEDIA_FORMAT__MAX; f++) {
		if (strcmp(segment + 65, formats[f].ext) == 0) {
			memcpy(file, segment, 64);
			file[64] = '\0';
			*format = (enum media_format)f;
			return 1;
		}
	}
	return 0;
}

int media_public_file(struct db *db, struct arena *a, time_t now, const char *file, enum media_format format,
                      struct media_file_info *out)
{
	sqlite3_stmt *st = db_stmt(db, STMT_MEDIA_PUBLIC_FILE);
	if (st == NULL)
		return -1;
	db_bind_text(st, 1, file);
	db_bind_text(st, 2, formats[format].name);
	sqlite3_bind_int64(st, 3, (long long)now);
	int found = db_row(st);
	if (found <= 0)
		return found < 0 ? -1 : MEDIA_UNKNOWN;
	int access = sqlite3_column_int(st, 2) ? MEDIA_PUBLIC : sqlite3_column_int(st, 3) ? MEDIA_WITHDRAWN
	                                                                                  : MEDIA_UNKNOWN;
	const char *title = db_text_col(a, st, 0);
	out->name = title[0] ? title : db_text_col(a, st, 1);
	sqlite3_reset(st);
	return access;
}

/* ---- an item's files ---- */

enum media_col {
	COL_ITEM, COL_POSITION, COL_KIND, COL_IS_LEAD, COL_ALT, COL_DECORATIVE, COL_CAPTION, COL_CREDIT, COL_TITLE,
	COL_ORIGINAL_NAME, COL_FORMAT, COL_WIDTH, COL_FILE, COL_BYTES, COL_PX_WIDTH, COL_PX_HEIGHT
};

/* One row of media_of_items: a rendition with the file it belongs to. */
struct row {
	long long item;
	int position;
	struct media_item m;
	struct media_rendition r;
};

static void read_row(struct arena *a, sqlite3_stmt *st, struct row *w)
{
	w->item = sqlite3_column_int64(st, COL_ITEM);
	w->position = sqlite3_column_int(st, COL_POSITION);
	w->m = (struct media_item){
		.is_image = strcmp((const char *)sqlite3_column_text(st, COL_KIND), "image") == 0,
		.is_lead = sqlite3_column_int(st, COL_IS_LEAD),
		.decorative = sqlite3_column_int(st, COL_DECORATIVE),
		.alt = db_text_col(a, st, COL_ALT),
		.caption = db_text_col(a, st, COL_CAPTION),
		.credit = db_text_col(a, st, COL_CREDIT),
		.title = db_text_col(a, st, COL_TITLE),
		.original_name = db_text_col(a, st, COL_ORIGINAL_NAME),
	};
	w->r = (struct media_rendition){
		.file = db_text_col(a, st, COL_FILE),
		.bytes = sqlite3_column_int64(st, COL_BYTES),
		.width = sqlite3_column_int(st, COL_PX_WIDTH),
		.height = sqlite3_column_int(st, COL_PX_HEIGHT),
	};
}

static int row_order(const void *x, const void *y)
{
	const struct row *a = x, *b = y;
	if (a->item != b->item)
		return a->item < b->item ? -1 : 1;
	if (a->position != b->position)
		return a->position < b->position ? -1 : 1;
	if (a->r.format != b->r.format)
		return a->r.format < b->r.format ? -1 : 1;
	return a->r.width < b->r.width ? -1 : a->r.width > b->r.width;
}

/* Group rows (sorted by item, position, format, width) into out[i] for ids[i]. */
static void group(struct arena *a, const struct row *rows, size_t nrows, const long long *ids, int n,
                  struct media_set *out)
{
	for (size_t i = 0; i < nrows;) {
		size_t end = i;
		int files = 0;
		for (; end < nrows && rows[end].item == rows[i].item; end++)
			files += end == i || rows[end].position != rows[end - 1].position;
		struct media_item *items = arena_alloc(a, (size_t)files * sizeof *items);
		int k = -1;
		for (size_t j = i; j < end; j++) {
			if (j == i || rows[j].position != rows[j - 1].position) {
				size_t same = j;
				while (same < end && rows[same].position == rows[j].position)
					same++;
				items[++k] = rows[j].m;
				items[k].rend = arena_alloc(a, (same - j) * sizeof *items[k].rend);
				items[k].nrend = 0;
			}
			items[k].rend[items[k].nrend++] = rows[j].r;
		}
		for (int s = 0; s < n; s++) {
			if (ids[s] == rows[i].item)
				out[s] = (struct media_set){items, files};
		}
		i = end;
	}
}

int media_of_items(struct db *db, struct arena *a, const long long *ids, int n, struct media_set *out)
{
	for (int i = 0; i < n; i++)
		out[i] = (struct media_set){0};
	if (n == 0)
		return 0;
	int rc = -1;
	struct row *rows = NULL;
	size_t nrows = 0, cap = 0;
	sqlite3_stmt *st = db_stmt(db, STMT_MEDIA_OF_ITEMS);
	if (st == NULL)
		goto out;
	db_bind_ids(st, 1, ids, n);
	int step;
	while ((step = db_row(st)) == 1) {
		enum media_format format;
		if (!format_named((const char *)sqlite3_column_text(st, COL_FORMAT), &format))
			continue;
		if (nrows == cap) {
			cap = cap ? cap * 2 : 16;
			struct row *more = realloc(rows, cap * sizeof *rows);
			if (more == NULL) {
				log_error("media_of_items: out of memory");
				goto out;
			}
			rows = more;
		}
		read_row(a, st, &rows[nrows]);
		rows[nrows++].r.format = format;
	}
	if (step < 0)
		goto out;
	if (nrows > 1)
		qsort(rows, nrows, sizeof *rows, row_order);
	group(a, rows, nrows, ids, n, out);
	rc = 0;
out:
	free(rows);
	return rc;
}

const struct media_item *media_lead(const struct media_set *set)
{
	for (int i = 0; i < set->n; i++) {
		if (set->items[i].is_image && set->items[i].is_lead)
			return &set->items[i];
	}
	return NULL;
}

const struct media_rendition *media_widest(const struct media_item *m, enum media_format format)
{
	const struct media_rendition *best = NULL;
	for (int i = 0; i < m->nrend; i++) {
		if (m->rend[i].format == format && (best == NULL || m->rend[i].width > best->width))
			best = &m->rend[i];
	}
	return best;
}

const struct media_rendition *media_at_least(const struct media_item *m, enum media_format format, int min_width)
{
	const struct media_rendition *best = NULL;
	for (int i = 0; i < m->nrend; i++) {
		const struct media_rendition *x = &m->rend[i];
		if (x->format != format)
			continue;
		if (best == NULL || (best->width < min_width ? x->width > best->width
		                                              : x->width >= min_width && x->width < best->width))
			best = x;
	}
	return best;
}
