/* media_public.h: photos and documents as the public reads them (migration 0007): which files an item
 * carries, whether a media URL may be sent, and the one shape of a media URL. */
#ifndef PRESSROOM_MEDIA_PUBLIC_H
#define PRESSROOM_MEDIA_PUBLIC_H

#include <time.h>

struct arena;
struct db;

/* The formats the public is sent, as media_rendition.format names them, and their URL extension. */
enum media_format { MEDIA_WEBP, MEDIA_JPEG, MEDIA_PDF, MEDIA_FORMAT__MAX };

/* One public file of an item's photo or document. */
struct media_rendition {
	enum media_format format;
	const char *file;         /* sha256, lower-case hex: the file's name in the store and in its URL */
	long long bytes;
	int width, height;        /* pixels, upright; 0 for a document */
};

/* A photo or a document an item carries, as item_media orders and describes it. */
struct media_item {
	int is_image;             /* else a document */
	int is_lead;
	int decorative;           /* an image that says nothing: shown with alt="" */
	const char *alt, *caption, *credit;
	const char *title;        /* a document's title ("" if none: the original name stands in) */
	const char *original_name;
	struct media_rendition *rend;  /* narrowest first within each format */
	int nrend;
};

/* The files of one item, in its order. */
struct media_set {
	struct media_item *items;
	int n;
};

/* The files the n items ids[] carry now, into out[0..n-1] (out[i] for ids[i]; empty when none), all in one
 * query however many items a list shows. Strings and arrays belong to a. Returns 0, or -1 (logged). */
int media_of_items(struct db *db, struct arena *a, const long long *ids, int n, struct media_set *out);

/* The lead image of set (NULL when it has none). */
const struct media_item *media_lead(const struct media_set *set);
/* The widest rendition of m in format, or NULL. */
const struct media_rendition *media_widest(const struct media_item *m, enum media_format format);
/* The narrowest rendition of m in format at least min_width wide, else the widest; NULL if none. */
const struct media_rendition *media_at_least(const struct media_item *m, enum media_format format, int min_width);

/* A public media URL: /media/<sha256>.<webp|jpg|pdf>, one per file. Owned by a. */
const char *media_path(struct arena *a, const struct media_rendition *r);
/* Read the last segment of a media URL ("<sha256>.<ext>", 64 lower-case hex digits) into file (65 bytes)
 * and *format. 1 if it has that shape, else 0: nothing else is looked up. */
int media_segment(const char *segment, char *file, enum media_format *format);
/* The MIME type of a format ("image/webp", ...). */
const char *media_mime(enum media_format format);

/* What media_public_file found. The type sent is the format's (media_mime): the query asks for the file in
 * that format, and the length comes from the file itself (nginx). */
enum media_access { MEDIA_UNKNOWN, MEDIA_PUBLIC, MEDIA_WITHDRAWN };
struct media_file_info {
	const char *name;   /* a document's download name: its title, else its original name */
};
/* May file in format be sent at now? MEDIA_PUBLIC (with *out) when a public item carries it as a public
 * rendition; MEDIA_WITHDRAWN when only withdrawn items did; MEDIA_UNKNOWN for anything else (a draft's
 * file, an original upload, no such file). -1 on error (logged). */
int media_public_file(struct db *db, struct arena *a, time_t now, const char *file, enum media_format format,
                      struct media_file_info *out);

#endif
