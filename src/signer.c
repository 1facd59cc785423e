/* signer.c: the signing process (signer.h). It is small on purpose: it parses no request, only an 8-byte
 * version id, and what it signs it reads from the database, so it signs nothing the history does not hold. */
#include "signer.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "log.h"
#include "minisign.h"
#include "sandbox.h"
#include "signing_key.h"
#include "version_store.h"

static int sv[2] = {-1, -1};   /* [0]: the workers' end; [1]: the signer's */

/* Milliseconds until the moment at (a Unix second; 0: none, wait for a worker), just past its start so
 * that the entry is visible then; at most an hour, so a clock set back cannot make it sleep for long. */
static int wait_ms(long long at)
{
	if (at == 0)
		return -1;
	struct timespec now;
	clock_gettime(CLOCK_REALTIME, &now);
	long long ms = (at - (long long)now.tv_sec) * 1000 - now.tv_nsec / 1000000 + 10;
	return ms < 0 ? 0 : ms > 3600000 ? 3600000 : (int)ms;
}

static void signer_main(const char *key_path, const char *db_path, uid_t uid, gid_t gid)
{
	char err[512];
	struct minisign_key k;
	/* Named first, so that ps (and the tests) tell it from the workers as soon as it exists. */
	prctl(PR_SET_NAME, "pressroom-sign", 0, 0, 0);
	/* The supervisor's handlers only set its flags; here a signal should simply end the process. */
	signal(SIGTERM, SIG_DFL);
	signal(SIGINT, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	/* Nothing of the supervisor's but the channel: not the FastCGI socket (a signer restarted later would
	 * inherit it), nor anything else it holds. */
	for (int fd = 3; fd < 1024; fd++)
		if (fd != sv[1])
			close(fd);
	if (signing_key_read(key_path, &k, err, sizeof err) != 0) {
		log_error("signer: %s", err);
		_exit(1);
	}
	/* As a worker does: open the database and prepare every statement (which opens its -wal and -shm files)
	 * while still root, then drop root. */
	struct db *db = db_open(db_path, 0, err, sizeof err);
	if (db == NULL || db_check_statements(db, err, sizeof err) != 0) {
		log_error("signer: %s", err);
		_exit(1);
	}
	/* The workers run as this user too: not dumpable, so none of them may ptrace us or read our memory. */
	prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	/* Then its own sandbox: the database's three files and nothing else, root dropped, a short call list. */
	struct sandbox box = {.uid = uid, .gid = gid, .user = "the workers' user"};
	if (sandbox_enter_signer(&box, db_path, err, sizeof err) != 0) {
		log_error("signer: %s", err);
		_exit(1);
	}
	for (;;) {
		int n = version_sign_pending(db, &k);
		if (n > 0)
			log_info("signer: signed %d version%s", n, n == 1 ? "" : "s");
		/* Woken by a worker, or at the time a sealed entry opens: /history.txt then reads otherwise and is
		 * signed again (version_sign_pending). */
		struct pollfd p = {.fd = sv[1], .events = POLLIN};
		int rc = poll(&p, 1, wait_ms(version_next_opening(db, time(NULL))));
		if (rc < 0 && errno != EINTR)
			break;
		if (rc <= 0)
			continue;
		long long id;
		ssize_t got;
		while ((got = recv(sv[1], &id, sizeof id, 0)) < 0 && errno == EINTR)
			;
		if (got <= 0)
			break;
	}
	minisign_wipe(&k);
	db_close(db);
	_exit(0);
}

pid_t signer_start(const char *key_path, const char *db_path, uid_t uid, gid_t gid, char *err, size_t errlen)
{
	if (key_path == NULL)
		return 0;
	if (sv[0] < 0 && socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, sv) != 0) {
		snprintf(err, errlen, "signer: socketpair: %s", strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "signer: fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0)
		signer_main(key_path, db_path, uid, gid);
	return pid;
}

void signer_worker_init(void)
{
	if (sv[1] >= 0)
		close(sv[1]);
	sv[1] = -1;
}

void signer_notify(long long version_id)
{
	if (version_id && sv[0] >= 0)
		(void)send(sv[0], &version_id, sizeof version_id, MSG_DONTWAIT | MSG_NOSIGNAL);
}
