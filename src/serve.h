/* serve.h: `pressroom serve`, the FastCGI responder: a supervisor and its workers. */
#ifndef PRESSROOM_SERVE_H
#define PRESSROOM_SERVE_H

struct serve_options {
	const char *socket_path;  /* a Unix socket, or NULL */
	const char *listen;       /* HOST:PORT, or NULL */
	const char *db_path;
	const char *templates;
	const char *locales;      /* the compiled message catalogues (i18n_init) */
	int workers;
	long body_limit;          /* the largest POST body taken, in bytes (nginx should agree) */
	const char *user;         /* started as root, workers become this user (config.c's default: nobody) */
	const struct config *config; /* the configuration file's settings, or defaults */
};

struct config;

/* Has systemd handed us a listening socket (LISTEN_PID is us, LISTEN_FDS >= 1)? It is fd 3. */
int serve_inherited_socket(void);
/* Run until SIGTERM or SIGINT. Returns the process exit code. */
int serve_run(const struct serve_options *o);

#endif
