/* signer.h: the one process that holds the office's secret key. The supervisor forks it before the
 * workers; it reads the key file itself, drops root, and signs the published versions still unsigned,
 * reading them from the database itself. Workers only tell it, over a socket pair made before their sandbox,
 * that a version was recorded (by its id): a worker taken over can never read the key, and anything it gets
 * signed is a version the database holds, in the public history (docs/authenticity.md). */
#ifndef PRESSROOM_SIGNER_H
#define PRESSROOM_SIGNER_H
#include <stddef.h>
#include <sys/types.h>

/* Supervisor: fork the signer (again, after it died: the socket pair is kept). Returns its pid, or -1 with
 * the reason in err. key_path NULL: no key, no signer (returns 0). */
pid_t signer_start(const char *key_path, const char *db_path, uid_t uid, gid_t gid, char *err, size_t errlen);

/* Worker: first thing, let go of the signer's end of the socket pair. */
void signer_worker_init(void);
/* Worker, after a request's commit: tell the signer that version_id (0: nothing) was recorded. Never
 * blocks: a lost word is made up at its next wake, which signs everything pending. */
void signer_notify(long long version_id);

#endif
