/* serve.c: the process model. The supervisor opens the listening socket, forks N workers and replaces any
 * that die; each worker opens its own SQLite connection (never carried across fork) and answers one
 * FastCGI request at a time. SIGTERM: stop accepting, finish the requests in flight, exit 0. */
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcgiapp.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "db.h"
#include "i18n.h"
#include "log.h"
#include "req.h"
#include "resp.h"
#include "route.h"
#include "sandbox.h"
#include "site.h"
#include "signer.h"
#include "sender.h"
#include "signing_key.h"
#include "version_store.h"
#include "slots.h"
#include "tpl.h"
#include "valid.h"
#include "auth.h"
#include "cmd_site.h"
#include "config.h"
#include "media_broker.h"
#include "media_type.h"
#include "media_upload.h"

enum { MAX_WORKERS = 64, GRACE_SECONDS = 20 };

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t reload_requested;
static volatile sig_atomic_t worker_idle;
static int listen_fd = -1;

/* ---- the listening socket ---- */

/* Bind a Unix socket at path. A stale socket file is replaced, but never one a live server answers on. */
static int open_unix(const char *path)
{
	struct sockaddr_un sa = {.sun_family = AF_UNIX};
	if (strlen(path) >= sizeof sa.sun_path) {
		log_error("socket path too long: %s", path);
		return -1;
	}
	strcpy(sa.sun_path, path);
	int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -1;
	struct stat st;
	if (lstat(path, &st) == 0) {
		if (!S_ISSOCK(st.st_mode)) {
			log_error("%s exists and is not a socket; not touching it", path);
			goto fail;
		}
		if (connect(fd, (struct sockaddr *)&sa, sizeof sa) == 0) {
			log_error("another server is answering on %s", path);
			goto fail;
		}
		close(fd);
		unlink(path);
		fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (fd < 0)
			return -1;
	}
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		log_error("cannot bind %s: %s", path, strerror(errno));
		goto fail;
	}
	/* nginx's workers run as another user: let them connect. The data folder's mode guards the path. */
	chmod(path, 0666);
	return fd;
fail:
	close(fd);
	return -1;
}

/* Bind HOST:PORT. The host is required, so a bare ":port" can never listen on every interface. */
static int open_tcp(const char *listen_spec)
{
	char host[64];
	const char *colon = strrchr(listen_spec, ':');
	if (colon == NULL || colon == listen_spec || (size_t)(colon - listen_spec) >= sizeof host) {
		log_error("--listen wants HOST:PORT, such as 127.0.0.1:9000");
		return -1;
	}
	memcpy(host, listen_spec, (size_t)(colon - listen_spec));
	host[colon - listen_spec] = '\0';
	char *end;
	long port = strtol(colon + 1, &end, 10);
	struct sockaddr_in sa = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
	if (*end != '\0' || port < 1 || port > 65535 || inet_pton(AF_INET, host, &sa.sin_addr) != 1) {
		log_error("--listen %s: wants an IPv4 address and a port 1-65535", listen_spec);
		return -1;
	}
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	int one = 1;
	if (fd < 0)
		return -1;
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
	if (bind(fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
		log_error("cannot bind %s: %s", listen_spec, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* ---- a worker ---- */

static void on_worker_term(int sig)
{
	(void)sig;
	stop_requested = 1;
	/* Waiting in accept(): close our copy of the socket so accept() fails now rather than after the
	 * next request. The other workers' copies stay open. */
	if (worker_idle)
		close(listen_fd);
}

static void on_hup(int sig)
{
	(void)sig;
	reload_requested = 1;
}

/* Read a POST body of CONTENT_LENGTH bytes into the request. Returns 0, or an HTTP status. */
static int read_body(FCGX_Request *fr, struct req *r, long body_limit, const char **why)
{
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	long long len = 0;
	if (cl == NULL || *cl == '\0' || strcmp(cl, "0") == 0) {
		r->body_in = "";
		return 0;
	}
	if (!valid_positive(cl, 1LL << 40, &len)) {
		*why = I18N_NOOP("The request's length is malformed.");
		return 400;
	}
	if (len > body_limit) {
		*why = I18N_NOOP("The form is larger than this site accepts.");
		return 413;
	}
	char *body = arena_alloc(r->arena, (size_t)len + 1);
	int got = FCGX_GetStr(body, (int)len, fr->in);
	if (got != (int)len) {
		*why = I18N_NOOP("The request's body ended early.");
		return 400;
	}
	if (memchr(body, '\0', (size_t)len) != NULL) {
		*why = I18N_NOOP("The form holds a NUL byte.");
		return 400;
	}
	r->body_in = body;
	return 0;
}

static int fcgi_read(void *ctx, char *buf, int n)
{
	return FCGX_GetStr(buf, n, ctx);
}

/* A multipart form with files, for a route that takes them: streamed to temporary files, never held whole.
 * 0 if the body is not one (read_body reads it, and the gate refuses the type), else done: 0 or a status. */
static int read_files(FCGX_Request *fr, struct req *r, int *status, const char **why)
{
	const char *arg;
	const struct route *rt = route_match(r->path, &arg);
	if (rt == NULL || !(rt->flags & ROUTE_FILES) || r->body_type == NULL ||
	    strncasecmp(r->body_type, "multipart/form-data", 19) != 0)
		return 0;
	const char *cl = FCGX_GetParam("CONTENT_LENGTH", fr->envp);
	long long len = 0;
	if (cl == NULL || !valid_positive(cl, 1LL << 40, &len)) {
		*why = "The request's length is malformed.";
		*status = 400;
		return 1;
	}
	*status = media_upload_read(r, len, fcgi_read, fr->in, why);
	return 1;
}

static void handle(FCGX_Request *fr, struct req *r, long body_limit)
{
	const char *why = "";
	int status = req_parse(r, FCGX_GetParam("REQUEST_METHOD", fr->envp),
	                       FCGX_GetParam("REQUEST_URI", fr->envp), &why);
	const char *addr = FCGX_GetParam("REMOTE_ADDR", fr->envp);
	const char *https = FCGX_GetParam("HTTPS", fr->envp);
	r->remote_addr = addr ? addr : "";
	r->https = https && strcasecmp(https, "on") == 0;
	r->cookie = FCGX_GetParam("HTTP_COOKIE", fr->envp);
	r->server_name = FCGX_GetParam("SERVER_NAME", fr->envp);
	r->server_port = FCGX_GetParam("SERVER_PORT", fr->envp);
	r->base_url = FCGX_GetParam("PRESSROOM_BASE_URL", fr->envp);
	r->if_none_match = FCGX_GetParam("HTTP_IF_NONE_MATCH", fr->envp);
	r->if_modified_since = FCGX_GetParam("HTTP_IF_MODIFIED_SINCE", fr->envp);
	r->body_type = FCGX_GetParam("CONTENT_TYPE", fr->envp);
	/* Before any answer, error pages too (the worker kept the last request's language); from the URI as
	 * sent when it did not parse: a language tag needs no decoding. */
	route_language(r, r->path ? r->path : FCGX_GetParam("REQUEST_URI", fr->envp));
	if (status == 0 && r->method == METHOD_POST && !read_files(fr, r, &status, &why))
		status = read_body(fr, r, body_limit, &why);
	if (r->site == NULL) {
		resp_error(r, 503, "The site is starting or its database cannot be read. Please try again shortly.");
		return;
	}
	if (status != 0) {
		resp_error(r, status, why);
		return;
	}
	route_dispatch(r);
}

static struct sandbox sandbox;

/* How many password checks or searches may run at once: as configured, else half the workers (at least one),
 * so that the other half is always free for public pages. */
static int bound(int configured, int workers)
{
	return configured ? configured : workers / 2 > 1 ? workers / 2 : 1;
}

static int worker_main(const struct serve_options *o)
{
	char err[512];
	signer_worker_init();
	struct db *db = db_open(o->db_path, 0, err, sizeof err);
	if (db == NULL) {
		log_error("%s", err);
		return 1;
	}
	/* Each worker its own descriptor of the slots file: locks through one shared across fork would not
	 * exclude each other. */
	int slot_sizes[SLOTS__MAX] = {
		[SLOTS_PASSWORD] = bound(o->config ? o->config->password_checks : 0, o->workers),
		[SLOTS_SEARCH] = bound(o->config ? o->config->searches : 0, o->workers),
	};
	/* Prepare every statement now: this reads the schema, so SQLite has opened the database, its -wal and
	 * -shm files while we may still open them; then give up everything a worker does not need. */
	if (slots_open(o->db_path, slot_sizes, err, sizeof err) != 0 || db_check_statements(db, err, sizeof err) != 0 ||
	    media_broker_start(&sandbox, err, sizeof err) != 0 || sandbox_enter(&sandbox, err, sizeof err) != 0) {
		log_error("worker cannot start: %s", err);
		db_close(db);
		return 1;
	}
	struct sigaction sa = {.sa_handler = on_worker_term};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sa.sa_handler = on_hup;
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	FCGX_Request fr;
	FCGX_InitRequest(&fr, listen_fd, FCGI_FAIL_ACCEPT_ON_INTR);
	struct arena arena = {0};
	struct buf wire = {0};
	struct req r;
	memset(&r, 0, sizeof r);

	for (;;) {
		worker_idle = 1;
		if (stop_requested)
			break;
		int rc = FCGX_Accept_r(&fr);
		worker_idle = 0;
		if (rc < 0) {
			if (stop_requested)
				break;
			if (rc == -EINTR)
				continue;
			log_error("accept failed: %s", strerror(-rc));
			break;
		}
		if (reload_requested) {
			reload_requested = 0;
			tpl_reload();
		}
		struct buf headers = r.headers, body = r.body;
		buf_reset(&headers);
		buf_reset(&body);
		memset(&r, 0, sizeof r);
		r.headers = headers;
		r.body = body;
		r.arena = &arena;
		r.db = db;
		r.now = time(NULL);
		/* A GET or HEAD reads one snapshot in one transaction, its locks taken once; route_dispatch
		 * leaves it before any route that may write. */
		const char *method = FCGX_GetParam("REQUEST_METHOD", fr.envp);
		int reading = method && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0);
		if (reading)
			db_read_begin(db);
		r.site = site_get(db);
		/* Every request starts in the site's primary language; a page in another one says so (i18n_use). */
		char primary[16];
		i18n_use(r.site && site_language_at(r.site, 0, primary, sizeof primary) ? primary : "en");

		handle(&fr, &r, o->body_limit);
		signer_notify(version_take_recorded());   /* after the handler: what it recorded is committed */
		media_upload_cleanup(&r);
		resp_finish(&r);
		db_read_end(db);
		buf_reset(&wire);
		const char *payload;
		size_t payload_len = resp_wire(&r, &wire, &payload);
		FCGX_PutStr(wire.data, (int)wire.len, fr.out);
		if (payload_len)
			FCGX_PutStr(payload, (int)payload_len, fr.out); /* libfcgi copies it into its records: no copy of ours */
		/* libfcgi's close is a lingering one: shut down our side, then wait until nginx closes its own,
		 * so that unread input cannot reset a TCP connection under the response. That wait holds the
		 * worker until nginx has had its turn on the CPU. Over a Unix socket there is no reset, and a
		 * GET or HEAD has no body left unread: close at once (a detached request is closed plainly). */
		if (reading && o->socket_path)
			FCGX_Detach(&fr);
		FCGX_Finish_r(&fr);
		arena_reset(&arena);
		if (!media_broker_alive()) {
			log_warn("worker %d leaves: its media broker is gone; the supervisor starts another", (int)getpid());
			break;
		}
		/* Keep a worker's memory flat: a huge page's buffers are not kept for the next request. */
		if (r.body.cap > (1u << 20)) {
			buf_free(&r.body);
			buf_free(&wire);
		}
	}
	buf_free(&r.headers);
	buf_free(&r.body);
	buf_free(&wire);
	arena_free(&arena);
	site_forget();
	slots_close();
	db_close(db);
	return 0;
}

/* ---- the supervisor ---- */

static void on_master_signal(int sig)
{
	if (sig == SIGHUP)
		reload_requested = 1;
	else
		stop_requested = 1;
}

/* LeakSanitizer's check, in the sanitizer build only (a weak reference: NULL otherwise). It runs at exit(),
 * which a worker never calls, so a worker asks for it as it leaves: a request that leaks fails the tests. */
extern void __lsan_do_leak_check(void) __attribute__((weak));

static pid_t spawn(const struct serve_options *o)
{
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGCHLD, SIG_DFL);
		int rc = worker_main(o);
		if (__lsan_do_leak_check)
			__lsan_do_leak_check();
		_exit(rc);
	}
	if (pid < 0)
		log_error("fork failed: %s", strerror(errno));
	return pid;
}

/* Before forking: the database must open at the schema this binary serves, and every statement prepare. */
static int check_database(const char *path)
{
	char err[512];
	struct db *db = db_open(path, 0, err, sizeof err);
	int rc = -1;
	if (db == NULL) {
		log_error("%s (create it with: pressroom db init --db %s)", err, path);
		return -1;
	}
	if (db_version(db) != db_latest_version())
		log_error("database %s is at schema version %d, this binary needs %d: run pressroom db migrate", path,
		          db_version(db), db_latest_version());
	else if (db_check_statements(db, err, sizeof err) != 0)
		log_error("%s", err);
	else
		rc = 0;
	const char *lacks = rc == 0 ? site_lacks_basics(db, config_current) : NULL;
	if (lacks)
		log_warn("%s", lacks);
	db_close(db);
	return rc;
}

int serve_inherited_socket(void)
{
	const char *pid = getenv("LISTEN_PID"), *fds = getenv("LISTEN_FDS");
	return pid && fds && atol(pid) == (long)getpid() && atoi(fds) >= 1;
}

int serve_run(const struct serve_options *o)
{
	/* Under a file-size limit (ulimit -f) a write past it fails with EFBIG, which the database reports and a
	 * form answers like a full disk, instead of killing us: first thing (the start-up check already writes),
	 * and the workers inherit it. */
	signal(SIGXFSZ, SIG_IGN);
	config_current = o->config;
	if (o->config) {
		resp_set_cache_policy(o->config->cache_max_age, o->config->cache_stale);
		auth_set_session_lifetimes(o->config->session_idle, o->config->session_max);
	}
	char err[512];
	if (tpl_init(o->templates, err, sizeof err) != 0) {
		log_error("%s", err);
		return 1;
	}
	if (check_database(o->db_path) != 0)
		return 1;
	if (sandbox_prepare(&sandbox, o->user, o->db_path, o->templates, err, sizeof err) != 0) {
		log_error("%s", err);
		return 1;
	}
	/* Before the fork, so every worker has it; a worker reads a catalogue when it first needs it. */
	if (o->locales && i18n_init(o->locales) == 0)
		sandbox.locales = o->locales;
	/* Before the fork and the sandbox: the media folders, and libmagic's database (which a worker's
	 * Landlock would not let it read later). */
	if (media_dirs_init(sandbox.data_dir, sandbox.uid, sandbox.gid, err, sizeof err) != 0 || media_type_init(err, sizeof err) != 0) {
		log_error("%s", err);
		return 1;
	}
	/* Before the fork: libsodium picks its implementations once for every worker. */
	if (auth_init() != 0) {
		log_error("cannot initialise libsodium");
		return 1;
	}
	/* Before the fork and before root is dropped: only the public half is kept, for /signing-key.pub; the
	 * secret never stays in a process that parses requests (docs/authenticity.md). */
	if (signing_key_load_public(o->config ? o->config->signing_key : NULL, err, sizeof err) != 0) {
		log_error("signing_key: %s", err);
		return 1;
	}
	const char *key_path = o->config ? o->config->signing_key : NULL;
	pid_t signer = signer_start(key_path, o->db_path, sandbox.uid, sandbox.gid, err, sizeof err);
	time_t signer_started = time(NULL);
	if (signer < 0) {
		log_error("%s", err);
		return 1;
	}
	/* The alerts' sender (issue 16) lives here, beside the signer, rather than in a unit of its own: it
	 * starts and stops with the site, is restarted like any child, and needs no second service to deploy. */
	pid_t sender = sender_start(o->config, o->db_path, &sandbox, err, sizeof err);
	time_t sender_started = time(NULL);
	if (sender < 0) {
		log_error("%s", err);
		return 1;
	}
	int inherited = serve_inherited_socket();
	if (inherited) {
		listen_fd = 3; /* SD_LISTEN_FDS_START */
		unsetenv("LISTEN_PID");
		unsetenv("LISTEN_FDS");
		unsetenv("LISTEN_FDNAMES");
	} else {
		listen_fd = o->socket_path ? open_unix(o->socket_path) : open_tcp(o->listen);
	}
	if (listen_fd < 0)
		return 1;
	if (listen(listen_fd, 256) != 0) {
		log_error("listen failed: %s", strerror(errno));
		return 1;
	}
	if (FCGX_Init() != 0) {
		log_error("FCGX_Init failed");
		return 1;
	}

	struct sigaction sa = {.sa_handler = on_master_signal};
	sigemptyset(&sa.sa_mask);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	pid_t pids[MAX_WORKERS] = {0};
	time_t started[MAX_WORKERS] = {0};
	int n = o->workers;
	for (int i = 0; i < n; i++) {
		pids[i] = spawn(o);
		started[i] = time(NULL);
	}
	if (config_current == NULL || config_current->site_url == NULL)
		log_warn("site_url is not set in the configuration: unless the database sets it, absolute links use "
		         "nginx's PRESSROOM_BASE_URL, else its server_name and port (never the request's Host)");
	log_info("serving on %s with %d workers, database %s",
	         inherited ? "the socket systemd passed" : o->socket_path ? o->socket_path : o->listen, n,
	         o->db_path);

	while (!stop_requested) {
		int status;
		pid_t dead = waitpid(-1, &status, 0);
		if (dead < 0) {
			if (errno == EINTR) {
				if (reload_requested) {
					reload_requested = 0;
					for (int i = 0; i < n; i++)
						if (pids[i] > 0)
							kill(pids[i], SIGHUP);
				}
				continue;
			}
			break;
		}
		if (signer > 0 && dead == signer) {
			log_error("the signer %d stopped (%s %d); starting another", (int)dead,
			          WIFSIGNALED(status) ? "signal" : "status", WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
			if (time(NULL) - signer_started < 1)
				sleep(1);
			if (stop_requested)
				break;
			if ((signer = signer_start(key_path, o->db_path, sandbox.uid, sandbox.gid, err, sizeof err)) < 0)
				log_error("%s", err);
			signer_started = time(NULL);
			continue;
		}
		if (sender > 0 && dead == sender) {
			log_error("the sender %d stopped (%s %d); starting another", (int)dead,
			          WIFSIGNALED(status) ? "signal" : "status", WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status));
			if (time(NULL) - sender_started < 1)
				sleep(1);
			if (stop_requested)
				break;
			if ((sender = sender_start(o->config, o->db_path, &sandbox, err, sizeof err)) < 0)
				log_error("%s", err);
			sender_started = time(NULL);
			continue;
		}
		for (int i = 0; i < n; i++) {
			if (pids[i] != dead)
				continue;
			if (WIFSIGNALED(status))
				log_error("worker %d killed by signal %d; starting another", (int)dead, WTERMSIG(status));
			else
				log_error("worker %d exited with status %d; starting another", (int)dead, WEXITSTATUS(status));
			/* A worker that dies at once (database gone?) must not spin the machine. */
			if (time(NULL) - started[i] < 1)
				sleep(1);
			if (stop_requested)
				break;
			pids[i] = spawn(o);
			started[i] = time(NULL);
		}
	}

	log_info("stopping: waiting for requests in flight");
	for (int i = 0; i < n; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
	if (signer > 0)
		kill(signer, SIGTERM);
	if (sender > 0)
		kill(sender, SIGTERM);
	time_t deadline = time(NULL) + GRACE_SECONDS;
	int left = n + (signer > 0) + (sender > 0);
	while (left > 0) {
		int status;
		pid_t dead = waitpid(-1, &status, WNOHANG);
		if (dead > 0) {
			left--;
			continue;
		}
		if (dead < 0 && errno == ECHILD)
			break;
		if (time(NULL) > deadline) {
			log_warn("workers still busy after %d s; killing them", GRACE_SECONDS);
			for (int i = 0; i < n; i++)
				if (pids[i] > 0)
					kill(pids[i], SIGKILL);
			if (signer > 0)
				kill(signer, SIGKILL);
			if (sender > 0)
				kill(sender, SIGKILL);
			deadline = time(NULL) + 5;
		}
		struct timespec ts = {0, 20 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	close(listen_fd);
	if (o->socket_path && !inherited)
		unlink(o->socket_path); /* systemd owns an inherited socket's file */
	log_info("stopped");
	return 0;
}
