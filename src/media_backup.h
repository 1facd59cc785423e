/* media_backup.h: the media files in `pressroom db check`, `db backup` and `db restore`. A backup FILE of
 * the database has its files beside it in the folder FILE.media/, laid out as the store is (<2 hex>/<sha256>):
 * together the pair is the site. The store only ever grows (nothing referred to is deleted), so the files a
 * database copy names are all in the store when the copy is made. */
#ifndef PRESSROOM_MEDIA_BACKUP_H
#define PRESSROOM_MEDIA_BACKUP_H

/* Every file the database names must be in the store, whole: prints each one missing or whose bytes no longer
 * hash to its name. 0 if all are sound, -1 otherwise. */
int media_backup_check(const char *db_path);
/* The files named by the database copy backup (just made) into backup.media/ (made with the
 * first file: none for a site without media; copies, each synced: a hard link
 * would share a later damage). 0, or -1 with a message. */
int media_backup_copy(const char *db_path, const char *backup);
/* Bring back into the store every file the backup names that the store lacks or holds damaged, from
 * backup.media/, each checked against its hash. 0, or -1 with a message. */
int media_backup_restore(const char *db_path, const char *backup);

#endif
