/* admin_media.h: the statement form's files (admin_edit.c's part for issue 14): rows read from a post, their
 * uploads checked, decoded and stored, the rows shown again, and the list to save. */
#ifndef PRESSROOM_ADMIN_MEDIA_H
#define PRESSROOM_ADMIN_MEDIA_H

#include "../input.h"
#include "../media_store.h"

struct req;
struct tpl_dict;

struct media_row {
	int row;                  /* n of "media_<n>_..." */
	long long position;
	int removed;
	struct media_attach att;  /* att.media_id 0: no file (yet) */
	const char *error;        /* a message next to the row */
};

struct media_form {
	int present;              /* the post had the files section: save what it says (else keep the item's) */
	int n;
	struct media_row rows[INPUT_MEDIA_ROWS];
	int nerr;
	int too_large;            /* a file or the form was over its limit: 413 */
};

/* The item's files as stored (item 0: none). */
void admin_media_from_item(struct req *r, long long item, struct media_form *mf);
/* The post's rows. With process, each new file is typed by its bytes, an image decoded by the broker, and
 * what passes is stored (so a form shown again keeps it); then the rows are checked (alt text, titles, one
 * lead image). Errors stay in the rows and mf->nerr. */
void admin_media_from_post(struct req *r, struct media_form *mf, int process);
/* The rows into the form's dictionary (section MEDIA_ROW, with empty rows to add files), and each error
 * into box (the FORM_ERRORS section) when it is set. */
void admin_media_fill(struct req *r, struct tpl_dict *d, struct tpl_dict *box, const struct media_form *mf);
/* The files to save, in order, without the removed and empty rows: their number, the list in *out (arena). */
int admin_media_list(struct req *r, const struct media_form *mf, struct media_attach **out);

#endif
