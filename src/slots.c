/* slots.c: the cross-worker bounds of slots.h, as byte-range locks on one file beside the database.
 * Open-file-description locks, not classic POSIX ones: they belong to the descriptor each worker opened,
 * are released when it is closed or its process dies, and conflict with a test's lockf() all the same. */
#include "slots.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

static int fd = -1;
static int size[SLOTS__MAX];
static int held[SLOTS__MAX] = {-1, -1}; /* the slot this process holds of each kind, or -1 */

int slots_open(const char *db_path, const int sizes[SLOTS__MAX], char *err, size_t errlen)
{
	char path[4096];
	if (snprintf(path, sizeof path, "%s%s", db_path, SLOTS_SUFFIX) >= (int)sizeof path) {
		snprintf(err, errlen, "the database's path is too long for its slots file");
		return -1;
	}
	for (int k = 0; k < SLOTS__MAX; k++) {
		if (sizes[k] < 1 || sizes[k] > SLOTS_MAX) {
			snprintf(err, errlen, "slots: %d is not from 1 to %d", sizes[k], SLOTS_MAX);
			return -1;
		}
	}
	slots_close();
	/* Nothing is ever written: the file is only a name for the locks. */
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return -1;
	}
	for (int k = 0; k < SLOTS__MAX; k++) {
		size[k] = sizes[k];
		held[k] = -1;
	}
	return 0;
}

static int lock(int byte, short type)
{
	struct flock fl = {.l_type = type, .l_whence = SEEK_SET, .l_start = byte, .l_len = 1};
	return fcntl(fd, F_OFD_SETLK, &fl);
}

int slots_take(enum slots_kind k)
{
	if (fd < 0)
		return 1;
	if (held[k] >= 0)
		return 1;
	/* Start at a different slot in each worker, so that they do not all knock on slot 0 first. */
	int first = (int)(getpid() % size[k]);
	for (int n = 0; n < size[k]; n++) {
		int i = (first + n) % size[k];
		if (lock(k * SLOTS_STRIDE + i, F_WRLCK) == 0) {
			held[k] = i;
			return 1;
		}
		/* Busy is EAGAIN or EACCES; anything else is a fault to see, and still counts as busy: the bound
		 * must not silently fall away. */
		if (errno != EAGAIN && errno != EACCES)
			log_error("slots: cannot lock: %s", strerror(errno));
	}
	return 0;
}

void slots_give(enum slots_kind k)
{
	if (fd < 0 || held[k] < 0)
		return;
	lock(k * SLOTS_STRIDE + held[k], F_UNLCK);
	held[k] = -1;
}

int slots_size(enum slots_kind k)
{
	return fd < 0 ? 0 : size[k];
}

void slots_close(void)
{
	if (fd >= 0)
		close(fd);
	fd = -1;
	for (int k = 0; k < SLOTS__MAX; k++)
		held[k] = -1;
}
