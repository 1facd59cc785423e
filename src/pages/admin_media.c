/* admin_media.c: the files section of the statement form (POST /admin/new, /admin/items/<id>): rows
 * "media_<n>_id|position|alt|caption|credit|title|decorative|remove", a file input "media_<n>_file", the
 * radio "media_lead" and the marker "media_form". Signed-in officers; the gate checked session and CSRF. */
#include "admin_media.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config.h"
#include "../log.h"
#include "../media_broker.h"
#include "../media_type.h"
#include "../media_upload.h"
#include "../req.h"
#include "../tpl.h"
#include "../valid.h"

void admin_media_from_item(struct req *r, long long item, struct media_form *mf)
{
	memset(mf, 0, sizeof *mf);
	struct media_attach *list = NULL;
	int n = item ? media_store_of_item(r->db, r->arena, item, &list) : 0;
	for (int i = 0; i < n && mf->n < INPUT_MEDIA_ROWS; i++) {
		struct media_row *row = &mf->rows[mf->n++];
		row->row = mf->n;
		row->position = mf->n;
		row->att = list[i];
	}
}

static struct media_row *row_of(struct media_form *mf, int n)
{
	for (int i = 0; i < mf->n; i++)
		if (mf->rows[i].row == n)
			return &mf->rows[i];
	struct media_row *row = &mf->rows[mf->n++];
	memset(row, 0, sizeof *row);
	row->row = n;
	row->position = 1000 + n; /* no order given: after those that have one, in the form's order */
	row->att.alt = row->att.caption = row->att.credit = row->att.title = "";
	return row;
}

static void row_error(struct media_form *mf, struct media_row *row, const char *message)
{
	if (row->error == NULL)
		mf->nerr++;
	row->error = message;
}

/* The browser's file name, for the office's eyes only: valid UTF-8, no control characters, no folders. */
static const char *clean_name(struct req *r, const char *name)
{
	const char *slash = strrchr(name, '/'), *back = strrchr(name, '\\');
	if (back > slash)
		slash = back;
	const char *base = slash ? slash + 1 : name;
	char *s = arena_strndup(r->arena, base, strnlen(base, 200)); /* at most 200 bytes; a cut character is cleaned */
	valid_clean_utf8(s);
	for (char *p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7F)
			*p = '_';
	return s[0] ? s : "upload";
}

/* One new file: typed, decoded if an image, stored. Sets the row's upload id or its error. */
static void take_upload(struct req *r, struct media_form *mf, struct media_row *row, struct media_upload *u)
{
	if (u->too_large) {
		mf->too_large = 1;
		long limit = config_current ? config_current->media_file_limit : 20L << 20;
		long all = config_current ? config_current->media_request_limit : 60L << 20;
		row_error(mf, row, u->size > limit ? arena_printf(r->arena, "is larger than the %ld MB a file may be; nothing "
		                                                  "of it was kept", limit >> 20)
		                                   : arena_printf(r->arena, "was dropped: the form with its files is larger "
		                                                  "than the %ld MB this site takes at once", all >> 20));
		return;
	}
	const char *mime, *why;
	enum media_kind kind = media_type_of(u->path, &mime, &why);
	log_info("upload %s (%lld bytes): %s", u->field, u->size, kind == MEDIA_REFUSED ? why : mime);
	if (kind == MEDIA_REFUSED) {
		row_error(mf, row, why);
		return;
	}
	struct media_image img;
	if (kind == MEDIA_IMAGE && media_broker_image(r->arena, u->path, &img, &why) != 0) {
		log_warn("upload %s refused by the decoder: %s", u->field, why);
		row_error(mf, row, why);
		return;
	}
	struct media_new m = {kind, mime, u->path, clean_name(r, u->filename), r->user.id,
	                      kind == MEDIA_IMAGE ? &img : NULL};
	long long id = media_store_upload(r->db, r->arena, r->now, &m);
	u->path = NULL; /* the store took it, or removed it */
	if (id < 0) {
		row_error(mf, row, "could not be stored: the error has been logged. Try again.");
		return;
	}
	row->att.media_id = id;
}

static int by_position(const void *x, const void *y)
{
	const struct media_row *a = x, *b = y;
	if (a->position != b->position)
		return a->position < b->position ? -1 : 1;
	return a->row - b->row;
}

void admin_media_from_post(struct req *r, struct media_form *mf, int process)
{
	memset(mf, 0, sizeof *mf);
	long long lead = 0;
	for (size_t i = 0; i < r->nform; i++) {
		int n;
		enum media_field f;
		const char *key = r->form[i].key;
		if (strcmp(key, "media_form") == 0) {
			mf->present = 1;
			continue;
		}
		if (strcmp(key, "media_lead") == 0) {
			valid_positive(r->form[i].value, INPUT_MEDIA_ROWS, &lead);
			continue;
		}
		if (!input_media_name(key, &n, &f))
			continue;
		struct input in;
		input_media_check(r->arena, f, r->form[i].value, &in);
		struct media_row *row = row_of(mf, n);
		if (in.error) {
			log_warn("%s %s: form field %s %s", r->method_name, r->path, key, in.error);
			row_error(mf, row, arena_printf(r->arena, "%s %s", key + strlen("media_0_") + (n > 9), in.error));
		}
		switch (f) {
		case MF_ID: row->att.media_id = in.error ? 0 : in.i; break;
		case MF_POSITION: if (!in.error && in.s[0]) row->position = in.i; break;
		case MF_ALT: row->att.alt = in.s; break;
		case MF_CAPTION: row->att.caption = in.s; break;
		case MF_CREDIT: row->att.credit = in.s; break;
		case MF_TITLE: row->att.title = in.s; break;
		case MF_DECORATIVE: row->att.decorative = (int)in.i; break;
		case MF_REMOVE: row->removed = (int)in.i; break;
		case MF__MAX: break;
		}
	}
	if (r->upload_too_large)
		mf->too_large = 1;
	for (size_t i = 0; i < r->nuploads; i++) {
		struct media_upload *u = &r->uploads[i];
		int n = 0;
		if (sscanf(u->field, "media_%d_file", &n) != 1 || n < 1 || n > INPUT_MEDIA_ROWS ||
		    strcmp(u->field, arena_printf(r->arena, "media_%d_file", n)) != 0 || (!u->path && !u->too_large))
			continue;
		struct media_row *row = row_of(mf, n);
		if (!process || row->att.media_id)
			continue; /* a row holds one file; a preview stores nothing */
		take_upload(r, mf, row, u);
	}
	for (int i = 0; i < mf->n; i++) {
		struct media_row *row = &mf->rows[i];
		if (row->att.media_id == 0 || row->removed)
			continue;
		int found = media_store_get(r->db, r->arena, row->att.media_id, &row->att);
		if (found <= 0) {
			row->att.media_id = 0;
			row_error(mf, row, "names an upload that does not exist");
			continue;
		}
		int image = strcmp(row->att.kind, "image") == 0;
		row->att.is_lead = lead == row->row;
		if (image && !row->att.decorative && row->att.alt[0] == '\0')
			row_error(mf, row, "needs alt text, a description for people who cannot see it (or mark it decorative)");
		if (!image && row->att.title[0] == '\0')
			row_error(mf, row, "needs a title");
		if (!image && row->att.is_lead)
			row_error(mf, row, "is a document: only an image can be the lead image");
	}
	qsort(mf->rows, (size_t)mf->n, sizeof mf->rows[0], by_position);
}

static const char *size_text(struct req *r, long long bytes)
{
	if (bytes >= 1 << 20)
		return arena_printf(r->arena, "%.1f MB", (double)bytes / (1 << 20));
	return arena_printf(r->arena, "%lld KB", (bytes + 1023) / 1024);
}

static void fill_row(struct req *r, struct tpl_dict *d, struct tpl_dict *box, const struct media_row *row, int n,
                     int position)
{
	struct tpl_dict *s = tpl_section(d, "MEDIA_ROW");
	char num[16];
	snprintf(num, sizeof num, "%d", n);
	tpl_set(s, "N", num);
	snprintf(num, sizeof num, "%d", position);
	tpl_set(s, "POSITION", num);
	const struct media_attach *a = row ? &row->att : NULL;
	if (a && a->media_id) {
		struct tpl_dict *e = tpl_section(s, "MEDIA_EXISTING");
		tpl_set(e, "ID", arena_printf(r->arena, "%lld", a->media_id));
		tpl_set(e, "KIND", strcmp(a->kind, "image") == 0 ? "Image" : "Document");
		tpl_set(e, "NAME", a->name);
		tpl_set(e, "SIZE", a->width ? arena_printf(r->arena, "%s, %d x %d", size_text(r, a->bytes), a->width, a->height)
		                           : arena_printf(r->arena, "PDF, %s", size_text(r, a->bytes)));
	} else {
		tpl_show(s, "MEDIA_NEW");
	}
	if (a) {
		tpl_set(s, "ALT", a->alt ? a->alt : "");
		tpl_set(s, "CAPTION", a->caption ? a->caption : "");
		tpl_set(s, "CREDIT", a->credit ? a->credit : "");
		tpl_set(s, "TITLE", a->title ? a->title : "");
		if (a->decorative)
			tpl_show(s, "DECORATIVE");
		if (a->is_lead)
			tpl_show(s, "LEAD");
	}
	if (row && row->error) {
		tpl_set(tpl_section(s, "MEDIA_ERROR"), "MESSAGE", row->error);
		if (box) {
			struct tpl_dict *e = tpl_section(box, "ERROR");
			tpl_set(e, "FIELD", arena_printf(r->arena, "media_%d", n));
			tpl_set(e, "LABEL", arena_printf(r->arena, "File %d%s%s", n, a && a->name ? ", " : "",
			                                 a && a->name ? a->name : ""));
			tpl_set(e, "MESSAGE", row->error);
		}
	}
}

void admin_media_fill(struct req *r, struct tpl_dict *d, struct tpl_dict *box, const struct media_form *mf)
{
	int n = 0;
	for (int i = 0; i < mf->n; i++) {
		const struct media_row *row = &mf->rows[i];
		if (row->removed || (row->att.media_id == 0 && row->error == NULL))
			continue;
		n++;
		fill_row(r, d, box, row, n, n);
	}
	/* Two empty rows to add files; saving with files there adds two more. */
	for (int k = 0; k < 2 && n < INPUT_MEDIA_ROWS; k++) {
		n++;
		fill_row(r, d, box, NULL, n, n);
	}
}

int admin_media_list(struct req *r, const struct media_form *mf, struct media_attach **out)
{
	*out = arena_alloc(r->arena, INPUT_MEDIA_ROWS * sizeof **out);
	int n = 0;
	for (int i = 0; i < mf->n; i++)
		if (mf->rows[i].att.media_id && !mf->rows[i].removed)
			(*out)[n++] = mf->rows[i].att;
	return n;
}
