/* media_broker.c: the broker a worker asks to decode images, and the short-lived child it forks per image
 * (limits, sandbox, libvips). Messages are single SOCK_SEQPACKET datagrams: the worker sends the path, the
 * broker answers with the child's text (media_decode.h) or an error of its own. */
#include "media_broker.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "log.h"
#include "media_decode.h"
#include "media_upload.h"
#include "sandbox.h"

enum { MSG_MAX = 8192 };

static int broker_fd = -1;

/* The child's address space now, so that its limit is "this much more", whatever libraries (or a
 * sanitizer's shadow memory) it starts with. */
static long long vm_size(void)
{
	FILE *f = fopen("/proc/self/statm", "r");
	long long pages = 0;
	if (f) {
		if (fscanf(f, "%lld", &pages) != 1)
			pages = 0;
		fclose(f);
	}
	return pages * sysconf(_SC_PAGESIZE);
}

/* The child: limits, sandbox, decode; the result goes to fd out. Never returns. */
static void decoder_child(const struct sandbox *s, int out, const char *path)
{
	const struct config *c = config_current;
	char result[2048], err[256];
	long long mem = c ? c->media_decoder_memory : 512LL << 20;
	rlim_t cpu = (rlim_t)(c ? c->media_decoder_seconds : 20);
	long long pixels = c ? c->media_max_pixels : 40000000;
	/* libvips writes a large image's pixels to a temporary file: into the media folder's tmp. */
	setenv("TMPDIR", media_tmp_dir(), 1);
	/* No run-time code generation (liborc): the service runs with MemoryDenyWriteExecute=yes. */
	setenv("VIPS_NOVECTOR", "1", 1);
	if (media_decode_init() != 0) {
		dprintf(out, "error could not be processed: the image library did not start\n");
		_exit(1);
	}
	struct rlimit as = {(rlim_t)(vm_size() + mem), (rlim_t)(vm_size() + mem)};
	struct rlimit cpu_lim = {cpu, cpu + 1}, none = {0, 0}, files = {64, 64};
	if (setrlimit(RLIMIT_AS, &as) != 0 || setrlimit(RLIMIT_CPU, &cpu_lim) != 0 || setrlimit(RLIMIT_CORE, &none) != 0 ||
	    setrlimit(RLIMIT_NOFILE, &files) != 0 || sandbox_enter_decoder(s, media_dir(), err, sizeof err) != 0) {
		dprintf(out, "error could not be processed: the decoder's sandbox failed\n");
		_exit(1);
	}
	media_decode_image(path, path, pixels, result, sizeof result);
	if (write(out, result, strlen(result)) < 0)
		_exit(1);
	_exit(0);
}

/* One job: fork the child, collect its text within the wall-clock deadline, reap it. */
static void run_job(const struct sandbox *s, int sock, const char *path, char *reply, size_t len)
{
	int pipefd[2];
	if (pipe2(pipefd, O_CLOEXEC) != 0) {
		snprintf(reply, len, "error could not be processed: no pipe\n");
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		close(sock);
		close(pipefd[0]);
		decoder_child(s, pipefd[1], path);
	}
	close(pipefd[1]);
	if (pid < 0) {
		close(pipefd[0]);
		snprintf(reply, len, "error could not be processed: no process for the decoder\n");
		return;
	}
	/* The CPU limit stops a busy child; this stops one that sleeps or waits. */
	int seconds = config_current ? config_current->media_decoder_seconds : 20;
	time_t deadline = time(NULL) + 2 * seconds + 5;
	size_t used = 0;
	int timed_out = 0;
	for (;;) {
		int left = (int)(deadline - time(NULL));
		struct pollfd pfd = {pipefd[0], POLLIN, 0};
		if (left <= 0 || poll(&pfd, 1, left * 1000) == 0) {
			timed_out = 1;
			kill(pid, SIGKILL);
			break;
		}
		ssize_t n = read(pipefd[0], reply + used, len - 1 - used);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		used += (size_t)n;
		if (used == len - 1)
			break;
	}
	reply[used] = '\0';
	close(pipefd[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (timed_out || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || strncmp(reply, "ok ", 3) != 0) {
		if (timed_out || WIFSIGNALED(status)) {
			log_warn("media decoder for %s %s %d", path, timed_out ? "timed out, killed with" : "died of signal",
			         timed_out ? SIGKILL : WTERMSIG(status));
			snprintf(reply, len, "error could not be decoded within the limits this site sets for images\n");
		} else if (strncmp(reply, "error ", 6) != 0) {
			snprintf(reply, len, "error could not be decoded within the limits this site sets for images\n");
		}
	}
}

static void broker_main(const struct sandbox *s, int sock)
{
	/* Nothing of the worker's but the socket: not its database, not the FastCGI socket. */
	for (int fd = 3; fd < 1024; fd++)
		if (fd != sock)
			close(fd);
	char err[256];
	if (sandbox_drop_root(s, err, sizeof err) != 0) {
		log_error("media broker: %s", err);
		_exit(1);
	}
	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0); /* after setuid, which clears it: the worker gone, so are we */
	if (getppid() == 1)
		_exit(0);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_IGN);
	signal(SIGINT, SIG_IGN); /* Ctrl-C reaches the whole group: the worker decides when we go */
	static char msg[MSG_MAX], reply[MSG_MAX];
	for (;;) {
		ssize_t n = recv(sock, msg, sizeof msg - 1, 0);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(0);
		msg[n] = '\0';
		/* Only a temporary file of the media folder: the child could not open another anyway. */
		size_t tl = strlen(media_tmp_dir());
		if (strncmp(msg, media_tmp_dir(), tl) != 0 || msg[tl] != '/' || strstr(msg, "/..") || strchr(msg + tl + 1, '/'))
			snprintf(reply, sizeof reply, "error could not be processed: a bad path\n");
		else
			run_job(s, sock, msg, reply, sizeof reply);
		if (send(sock, reply, strlen(reply), 0) < 0)
			_exit(0);
	}
}

int media_broker_start(const struct sandbox *s, char *err, size_t errlen)
{
	int sv[2];
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
		snprintf(err, errlen, "media broker: socketpair: %s", strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "media broker: fork: %s", strerror(errno));
		close(sv[0]);
		close(sv[1]);
		return -1;
	}
	if (pid == 0) {
		close(sv[0]);
		broker_main(s, sv[1]);
		_exit(0);
	}
	close(sv[1]);
	broker_fd = sv[0];
	return 0;
}

/* Every file a decoder may have written for path: removed when its job failed. */
static void remove_renditions(struct arena *a, const char *path)
{
	static const int widths[] = MEDIA_WIDTHS;
	for (size_t i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		unlink(arena_printf(a, "%s-%zu.webp", path, i));
		unlink(arena_printf(a, "%s-%zu.jpeg", path, i));
	}
}

static int image_reply(struct arena *a, const char *path, struct media_image *out, const char **why);

int media_broker_image(struct arena *a, const char *path, struct media_image *out, const char **why)
{
	int rc = image_reply(a, path, out, why);
	if (rc != 0)
		remove_renditions(a, path);
	return rc;
}

static int image_reply(struct arena *a, const char *path, struct media_image *out, const char **why)
{
	memset(out, 0, sizeof *out);
	static char reply[MSG_MAX];
	ssize_t n = -1;
	if (broker_fd >= 0 && send(broker_fd, path, strlen(path), MSG_NOSIGNAL) >= 0)
		while ((n = recv(broker_fd, reply, sizeof reply - 1, 0)) < 0 && errno == EINTR)
			;
	if (n <= 0) {
		/* The broker is gone and a worker may not fork another: this worker leaves after the request
		 * (media_broker_alive), and the supervisor starts a new one, with a new broker. */
		*why = "could not be processed: the image service stopped. Try again in a moment (the error has been "
		       "logged).";
		log_error("media broker gone: %s", n < 0 ? strerror(errno) : "it closed the connection");
		if (broker_fd >= 0)
			close(broker_fd);
		broker_fd = -1;
		return -1;
	}
	reply[n] = '\0';
	char *line = reply, *nl = strchr(line, '\n');
	if (nl)
		*nl = '\0';
	if (strncmp(line, "ok ", 3) != 0 || sscanf(line + 3, "%d %d", &out->width, &out->height) != 2) {
		*why = arena_strdup(a, strncmp(line, "error ", 6) == 0 ? line + 6 : "could not be processed");
		return -1;
	}
	while (nl && out->n < MEDIA_MAX_RENDITIONS) {
		line = nl + 1;
		nl = strchr(line, '\n');
		if (nl == NULL)
			break;
		*nl = '\0';
		char format[8];
		int named, w, h;
		if (sscanf(line, "%7s %d %d %d", format, &named, &w, &h) != 4 || named < 0 || named > 9 ||
		    (strcmp(format, "webp") != 0 && strcmp(format, "jpeg") != 0))
			break;
		struct media_rendition_file *r = &out->r[out->n++];
		r->format = strcmp(format, "webp") == 0 ? "webp" : "jpeg";
		r->path = arena_printf(a, "%s-%d.%s", path, named, r->format);
		r->width = w;
		r->height = h;
	}
	if (out->n == 0) {
		*why = "could not be processed";
		return -1;
	}
	return 0;
}

int media_broker_alive(void)
{
	return broker_fd >= 0;
}
