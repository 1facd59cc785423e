/* slots.h: bounds on how many costly operations (argon2id password checks, searches) run at once across all
 * the workers. Each worker opens the lock file beside the database itself, after fork: one byte per slot,
 * taken with an open-file-description lock (F_OFD_SETLK), never waited for. The kernel drops a dead worker's
 * locks, so a crash cannot leak a slot; a test can hold the bytes itself (Python's fcntl.lockf) and see the
 * refusals without any timing. */
#ifndef PRESSROOM_SLOTS_H
#define PRESSROOM_SLOTS_H

#include <stddef.h>

enum slots_kind { SLOTS_PASSWORD, SLOTS_SEARCH, SLOTS__MAX };

/* The lock file's layout, which tests rely on: kind k's slot i is the byte at k * SLOTS_STRIDE + i. */
enum { SLOTS_MAX = 64, SLOTS_STRIDE = 64 };
#define SLOTS_SUFFIX "-slots"

/* Open (or create) db_path + SLOTS_SUFFIX for this process with sizes[k] slots of each kind (1..SLOTS_MAX).
 * Call in each worker, after fork: locks of a description shared across fork would not exclude each other.
 * Returns 0, or -1 with why in err. */
int slots_open(const char *db_path, const int sizes[SLOTS__MAX], char *err, size_t errlen);
/* Take a free slot of kind k, without waiting. 1: taken (give it back with slots_give); 0: all are busy.
 * Before slots_open (tools, unit tests), always 1. */
int slots_take(enum slots_kind k);
/* Give back the slot of kind k this process holds (nothing if it holds none). */
void slots_give(enum slots_kind k);
/* How many slots of kind k there are (for messages). */
int slots_size(enum slots_kind k);
void slots_close(void);

#endif
