/* media_store.h: uploads as stored files and rows. Files by content: <data>/media/<first two hex digits of
 * the SHA-256>/<SHA-256>, written to a temporary file, fsynced, renamed into place and the folder fsynced,
 * so a crash never leaves half a file under a real name. Rows (0007_media.sql) name files by hash. Store
 * functions take (db, arena, now) and return plain structs, as the other store modules do. */
#ifndef PRESSROOM_MEDIA_STORE_H
#define PRESSROOM_MEDIA_STORE_H

#include <time.h>

#include "media_broker.h"
#include "media_type.h"

struct arena;
struct db;

/* One processed upload, ready to keep. */
struct media_new {
	enum media_kind kind;
	const char *mime;          /* the original's, as libmagic named it */
	const char *path;          /* the original's temporary file */
	const char *name;          /* its file name as uploaded (cleaned) */
	long long user;
	const struct media_image *image; /* the renditions, for an image */
};

/* A file attached to an item, as the form shows and saves it. */
struct media_attach {
	long long media_id;
	int is_lead, decorative;
	const char *alt, *caption, *credit, *title;
	/* from the upload, for display */
	const char *kind, *name, *mime;
	long long bytes;
	int width, height;
};

/* Move m's files into the store and write its rows in one transaction. Returns the media id, or -1 (logged).
 * The temporary files are gone either way but for the original when it fails before the move. */
long long media_store_upload(struct db *db, struct arena *a, time_t now, const struct media_new *m);
/* The upload id for the form: 1 and *out filled (kind, name, mime, bytes, size), 0 if none, -1 on error. */
int media_store_get(struct db *db, struct arena *a, long long id, struct media_attach *out);
/* The files item carries now, in order, each filled as media_store_get does: their number, or -1. */
int media_store_of_item(struct db *db, struct arena *a, long long item, struct media_attach **out);
/* Inside the caller's transaction: item carries list[0..n) now, in that order, and revision keeps a copy.
 * With replace 0 the item keeps what it had (a form sent without its files section) and the revision copies
 * that. 0, or -1. */
int media_store_set_item(struct db *db, long long item, long long revision, const struct media_attach *list, int n,
                         int replace);
/* The store's path of a file named by its hash, in a. */
const char *media_store_path(struct arena *a, const char *sha256);

#endif
