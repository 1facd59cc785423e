/* cmd_key.c: `pressroom key generate | show | sign FILE | sign-versions | rotate`. The sysadmin makes the office's key once, shows
 * its public half and fingerprint to publish elsewhere, and can sign a file by hand (a saved checkpoint, a
 * statement sent by mail) exactly as the site signs its versions. sign-versions signs the published versions
 * still unsigned, reading them from the database itself (the signer process does this on request). rotate
 * replaces the key with a new one, each signing the other, recorded in the database (key_store.h). */
#include "cmd_key.h"

#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "db.h"
#include "key_store.h"
#include "minisign.h"
#include "signing_key.h"
#include "version_store.h"

static int usage(const char *why)
{
	fprintf(stderr, "pressroom: %s\nusage: pressroom key (generate | show | sign FILE [--comment TEXT] | "
	                "sign-versions [--archive URL] | rotate) "
	                "[--key PATH] [--db PATH] [--config FILE]\n", why);
	return 2;
}

static void show(const struct minisign_key *k)
{
	struct buf pub = {0};
	char fp[MINISIGN_FINGERPRINT_LEN + 1];
	minisign_public_file(&pub, k);
	minisign_fingerprint(fp, k);
	fputs(buf_str(&pub), stdout);
	fprintf(stderr, "pressroom: the key's fingerprint (minisign's key id) is %s\n", fp);
	buf_free(&pub);
}

static int generate(const char *key_path, const char *db_path)
{
	char copy[PATH_MAX], err[PATH_MAX + 128];
	snprintf(copy, sizeof copy, "%s", db_path);
	const char *data = dirname(copy);
	/* Only a database that exists has a data folder (the default pressroom.db of whatever folder one is in
	 * may not: then "." would be taken for it). */
	if (access(db_path, F_OK) == 0 && signing_key_inside(key_path, data)) {
		fprintf(stderr, "pressroom: %s is inside the data folder %s, which the workers may write; "
		                "keep the key elsewhere (e.g. /etc/pressroom/signing.key)\n", key_path, data);
		return 1;
	}
	struct minisign_key k;
	minisign_generate(&k);
	int rc = signing_key_write(key_path, &k, err, sizeof err);
	if (rc != 0)
		fprintf(stderr, "pressroom: %s\n", err);
	else
		show(&k);
	minisign_wipe(&k);
	return rc == 0 ? 0 : 1;
}

/* FILE.minisig beside FILE, as `minisign -S -m FILE` writes it. */
static int sign_file(const struct minisign_key *k, const char *file, const char *comment)
{
	struct buf text = {0}, sig = {0}, name = {0};
	char chunk[8192];
	size_t n;
	FILE *in = fopen(file, "rb");
	if (!in) {
		perror(file);
		return 1;
	}
	while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
		buf_append(&text, chunk, n);
	int rc = ferror(in) ? 1 : 0;
	fclose(in);
	char copy[PATH_MAX];
	snprintf(copy, sizeof copy, "%s", file);
	buf_printf(&name, "file:%s", basename(copy));
	minisign_sign(&sig, k, text.data ? text.data : "", text.len, comment ? comment : buf_str(&name));
	buf_reset(&name);
	buf_printf(&name, "%s.minisig", file);
	FILE *out = rc == 0 ? fopen(buf_str(&name), "w") : NULL;
	if (!out || fputs(buf_str(&sig), out) == EOF || fclose(out) != 0) {
		perror(buf_str(&name));
		rc = 1;
	}
	buf_free(&text);
	buf_free(&sig);
	buf_free(&name);
	return rc;
}

/* Every published version still unsigned, signed now; with archive (the site's base URL), each published item
 * without a version gets its first one before. */
static int sign_versions(const struct minisign_key *k, const char *db_path, const char *archive)
{
	char err[512];
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (!db) {
		fprintf(stderr, "pressroom: %s: %s\n", db_path, err);
		return 1;
	}
	int n = 0;
	if (archive && (n = version_record_archive(db, time(NULL), archive)) >= 0)
		printf("recorded %d first version%s\n", n, n == 1 ? "" : "s");
	if (n >= 0)
		n = version_sign_pending(db, k);
	db_close(db);
	if (n < 0) {
		fprintf(stderr, "pressroom: signing the versions failed (see the log line above)\n");
		return 1;
	}
	printf("signed %d version%s\n", n, n == 1 ? "" : "s");
	return 0;
}

/* A new key at key_path, the old one kept beside it as key_path.retired-<ID>. In the database, in one write
 * transaction: the old key signs what is pending (so the entries up to the head are all its own), is retired
 * by the new key, and endorses it. The key file changes only after that commits; the running server picks
 * the new key up at its restart (its signer refuses to sign with the retired key meanwhile). */
static int rotate(const struct minisign_key *old, const char *key_path, const char *db_path)
{
	char err[PATH_MAX + 128], old_id[MINISIGN_FINGERPRINT_LEN + 1];
	struct buf next_path = {0}, retired_path = {0};
	struct minisign_key next;
	int rc = 1;
	minisign_fingerprint(old_id, old);
	buf_printf(&next_path, "%s.new", key_path);
	buf_printf(&retired_path, "%s.retired-%s", key_path, old_id);
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (!db) {
		fprintf(stderr, "pressroom: %s: %s\n", db_path, err);
		goto out;
	}
	minisign_generate(&next);
	if (signing_key_write(buf_str(&next_path), &next, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: %s\n", err);
		goto out;
	}
	time_t now = time(NULL);
	int ok = db_begin(db) == 0 && key_store_may_sign(db, old, now) == 1 && version_sign_pending_locked(db, old) >= 0 &&
	         key_store_rotate(db, old, &next, now) == 0 && db_commit(db) == 0;
	if (!ok) {
		db_rollback(db);
		unlink(buf_str(&next_path));
		fprintf(stderr, "pressroom: the key was not rotated (see the log line above); %s is still the key\n", key_path);
		goto out;
	}
	/* The old file stays reachable under its retired name; the new one replaces it in one rename. */
	if (link(key_path, buf_str(&retired_path)) != 0 || rename(buf_str(&next_path), key_path) != 0) {
		perror(key_path);
		fprintf(stderr, "pressroom: the database has the new key, but its file is still %s: move it to %s by hand\n",
		        buf_str(&next_path), key_path);
		goto out;
	}
	show(&next);
	fprintf(stderr, "pressroom: key %s is retired (its file kept as %s: it may sign nothing more; destroy it once "
	                "the server signs with the new key). Restart the server (systemctl restart pressroom) to sign "
	                "with the new key; until then publications wait unsigned.\n", old_id, buf_str(&retired_path));
	rc = 0;
out:
	minisign_wipe(&next);
	if (db)
		db_close(db);
	buf_free(&next_path);
	buf_free(&retired_path);
	return rc;
}

int key_command(int argc, char **words, const char *key_path, const char *db_path, const char *comment,
                const char *archive)
{
	if (argc < 1)
		return usage("key needs an action: generate, show, sign FILE, sign-versions or rotate");
	const char *action = words[0];
	int is_sign = strcmp(action, "sign") == 0, is_versions = strcmp(action, "sign-versions") == 0;
	int is_rotate = strcmp(action, "rotate") == 0;
	if (strcmp(action, "generate") != 0 && strcmp(action, "show") != 0 && !is_sign && !is_versions && !is_rotate)
		return usage("unknown key action");
	if (argc != (is_sign ? 2 : 1))
		return usage(is_sign ? "key sign needs one FILE" : "too many arguments");
	if (comment && !is_sign)
		return usage("--comment is for key sign");
	if (archive && (!is_versions || (strncmp(archive, "http://", 7) != 0 && strncmp(archive, "https://", 8) != 0)))
		return usage("--archive takes the site's address (http://HOST or https://HOST) and is for key sign-versions");
	if (!key_path)
		return usage("no key file: set signing_key in pressroom.conf, or give --key PATH");
	if (strcmp(action, "generate") == 0)
		return generate(key_path, db_path);

	char err[PATH_MAX + 128];
	struct minisign_key k;
	if (signing_key_read(key_path, &k, err, sizeof err) != 0) {
		fprintf(stderr, "pressroom: %s\n", err);
		return 1;
	}
	int rc = 0;
	if (is_sign)
		rc = sign_file(&k, words[1], comment);
	else if (is_versions)
		rc = sign_versions(&k, db_path, archive);
	else if (is_rotate)
		rc = rotate(&k, key_path, db_path);
	else
		show(&k);
	minisign_wipe(&k);
	return rc;
}
