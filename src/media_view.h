/* media_view.h: an item's photos and documents into template dictionaries, shared by the pages that show
 * them (the detail page, the home page's thumbnails, the feeds). */
#ifndef PRESSROOM_MEDIA_VIEW_H
#define PRESSROOM_MEDIA_VIEW_H

struct req;
struct tpl_dict;
struct media_set;
struct media_item;

/* The detail page: section LEAD (the lead photo, figure.tpl), IMAGE for each further photo (lazily
 * loaded, shown below the body) and DOCUMENTS with a DOCUMENT row each ("PDF, 240 KB"). */
void media_view_full(struct req *r, struct tpl_dict *d, const struct media_set *set);
/* A list row's small picture: section THUMB, when the item has a lead photo. */
void media_view_thumb(struct req *r, struct tpl_dict *d, const struct media_set *set);
/* One photo as figure.tpl shows it, into the include FIGURE of d. base: "" for this site's paths, or the
 * site's base URL (feeds). lazy: load it only when scrolled near. */
void media_view_figure(struct req *r, struct tpl_dict *d, const struct media_item *m, const char *base, int lazy);
/* "240 KB", "1.5 MB": a file's size for a reader. Owned by the request. */
const char *media_view_size(struct req *r, long long bytes);

#endif
