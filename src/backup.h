/* backup.h: `pressroom db check`, `db backup FILE|DIR` and `db restore FILE`. */
#ifndef PRESSROOM_BACKUP_H
#define PRESSROOM_BACKUP_H

#include <stddef.h>

/* PRAGMA integrity_check and foreign_key_check, the schema version, and the media files (media_backup.h).
 * Prints what it finds; 0 if sound. The backups below carry the media files too, in FILE.media/. */
int backup_check(const char *db_path);
/* Copy the live database to file with SQLite's online backup in one step: one read transaction, so the copy
 * is a consistent snapshot that the server's writes neither wait for nor restart. Into a temporary name
 * first, checked, synced, then renamed (and the folder synced): a backup file is either whole or absent.
 * 0 or -1. */
int backup_make(const char *db_path, const char *file);
/* As backup_make, into dir as pressroom-YYYYMMDD-HHMMSS.db (UTC), which never replaces another backup (in
 * the same second, it waits for the next); then, if keep > 0, deletes all but the newest keep backups so
 * named (no other file). Prints the new file's path. 0 or -1. */
int backup_into_folder(const char *db_path, const char *dir, int keep);
/* Replace the database's content with a checked backup, through the same online backup API, so a
 * running server's readers see either the old or the new database, never a mix. 0 or -1. */
int backup_restore(const char *db_path, const char *file);

#endif
