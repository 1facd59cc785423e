/* signing_key.c: the secret signing key file on disk. The bytes are minisign.c's; this file is about who
 * may read them: created 0600 and never over an existing key, and refused when others could read it, as
 * ssh refuses a private key with loose permissions. */
#include "signing_key.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <libgen.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

int signing_key_write(const char *path, const struct minisign_key *k, char *err, size_t errlen)
{
	struct buf text = {0};
	minisign_secret_file(&text, k);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	int ok = fd >= 0;
	if (!ok)
		snprintf(err, errlen, "%s: %s%s", path, strerror(errno),
		         errno == EEXIST ? " (a key is there already: keep it, or move it away first)" : "");
	/* The mode asked for at creation is reduced by the umask, never widened: 0600 is set for certain. */
	if (ok && (fchmod(fd, 0600) != 0 || write(fd, text.data, text.len) != (ssize_t)text.len || fsync(fd) != 0)) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		ok = 0;
		unlink(path);
	}
	if (fd >= 0)
		close(fd);
	sodium_memzero(text.data, text.len);
	buf_free(&text);
	return ok ? 0 : -1;
}

int signing_key_read(const char *path, struct minisign_key *k, char *err, size_t errlen)
{
	char text[1024];
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	int rc = -1;
	ssize_t n = 0;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
		snprintf(err, errlen, "%s: not a regular file", path);
	else if (st.st_mode & 077)
		snprintf(err, errlen, "%s: others may read the secret key (mode %03o): chmod 600 it", path,
		         (unsigned)(st.st_mode & 0777));
	else if ((n = read(fd, text, sizeof text - 1)) <= 0)
		snprintf(err, errlen, "%s: cannot read it", path);
	else {
		text[n] = '\0';
		rc = minisign_read_secret(k, text);
		if (rc != 0)
			snprintf(err, errlen, "%s: not an unencrypted minisign secret key, or damaged", path);
	}
	close(fd);
	sodium_memzero(text, sizeof text);
	return rc;
}

int signing_key_inside(const char *path, const char *folder)
{
	char copy[PATH_MAX], parent[PATH_MAX], top[PATH_MAX];
	if (snprintf(copy, sizeof copy, "%s", path) >= (int)sizeof copy)
		return 0;
	if (!realpath(dirname(copy), parent) || !realpath(folder, top))
		return 0;
	size_t n = strlen(top);
	return strncmp(parent, top, n) == 0 && (parent[n] == '\0' || parent[n] == '/' || n == 1);
}

static char public_file[160];

const char *signing_key_public_file(void)
{
	return public_file[0] ? public_file : NULL;
}

int signing_key_load_public(const char *path, char *err, size_t errlen)
{
	struct minisign_key k;
	if (path == NULL)
		return 0;
	if (signing_key_read(path, &k, err, errlen) != 0)
		return -1;
	struct buf pub = {0};
	minisign_public_file(&pub, &k);
	minisign_wipe(&k);
	snprintf(public_file, sizeof public_file, "%s", buf_str(&pub));
	buf_free(&pub);
	return 0;
}
