/* sandbox_probe.c: a library the sandbox test preloads into `pressroom serve` (LD_PRELOAD) to act as an
 * intruder inside a worker, without a debugger. Its constructor only installs a SIGUSR2 handler, which
 * pressroom never uses and fork keeps; on the signal (sent by the test once the worker is sandboxed) it tries
 * each intrusion, writes one line per attempt to stderr (the app's log), "probe PID NAME = RC errno E", and
 * last tries to run a program, which must kill it with SIGSYS.
 *
 * Its targets come from the environment: PRESSROOM_PROBE_DIR, a folder outside the allowed ones holding a
 * file "victim" to truncate and chmod, and PRESSROOM_PROBE_PORT, a loopback TCP port the test listens on;
 * PRESSROOM_PROBE_KEY, if set, a secret signing key file the worker must not be able to open. */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef SYS_io_uring_setup
#define SYS_io_uring_setup 425 /* the same number on x86-64 and arm64 */
#endif

static void report(const char *name, long rc, int err)
{
	char line[256];
	int n = snprintf(line, sizeof line, "probe %d %s = %ld errno %d\n", (int)getpid(), name, rc, rc < 0 ? err : 0);
	if (n > 0 && write(2, line, (size_t)n) < 0)
		return;
}

static void try_intrusions(int sig)
{
	(void)sig;
	const char *dir = getenv("PRESSROOM_PROBE_DIR");
	const char *port = getenv("PRESSROOM_PROBE_PORT");
	char victim[4096], created[4096];
	snprintf(victim, sizeof victim, "%s/victim", dir ? dir : "/tmp");
	snprintf(created, sizeof created, "%s/created", dir ? dir : "/tmp");
	long rc;

	rc = open("/etc/hostname", O_RDONLY | O_CLOEXEC);
	report("read", rc, errno);
	/* The office's secret signing key (issue 15), when the test names it: only the signer may read it. */
	const char *key = getenv("PRESSROOM_PROBE_KEY");
	if (key) {
		rc = open(key, O_RDONLY | O_CLOEXEC);
		report("read key", rc, errno);
	}
	rc = open(created, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	report("create", rc, errno);
	rc = truncate(victim, 0);
	report("truncate", rc, errno);
	rc = chmod(victim, 0777);
	report("chmod", rc, errno);

	/* io_uring would do file and network work without the system calls the filter sees. */
	unsigned char params[120] = {0}; /* struct io_uring_params */
	rc = syscall(SYS_io_uring_setup, 8, params);
	report("io_uring_setup", rc, errno);

	/* A TCP connection out, both layers: seccomp refuses socket(); Landlock (ABI 4) would refuse connect. */
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	report("socket", fd, errno);
	struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(port ? port : "0"))};
	to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	rc = fd < 0 ? -1 : connect(fd, (struct sockaddr *)&to, sizeof to);
	report("connect", rc, fd < 0 ? EBADF : errno);

	/* A local socket: harmless, and refused only by a filter that allows what it lists (the sender's
	 * allows TCP and UDP sockets, not these). */
	int local = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	report("unix socket", local, errno);
	if (local >= 0)
		close(local);

	report("exec", 0, 0); /* announced first: a worker killed by the attempt cannot say so */
	char *const argv[] = {"true", NULL};
	rc = execve("/bin/true", argv, environ);
	report("exec returned", rc, errno);
}

__attribute__((constructor)) static void probe_install(void)
{
	struct sigaction sa = {.sa_handler = try_intrusions};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR2, &sa, NULL);
}
