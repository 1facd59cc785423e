/* sandbox.h: least privilege for the workers. A worker that opened its database as root gives up root,
 * may open files only where Pressroom keeps them (Landlock), and may not run programs, make processes or
 * sockets, or change its identity (seccomp). */
#ifndef PRESSROOM_SANDBOX_H
#define PRESSROOM_SANDBOX_H

#include <stddef.h>
#include <sys/types.h>

struct sandbox {
	uid_t uid;               /* whom a worker started as root becomes */
	gid_t gid;
	const char *user;
	const char *data_dir;    /* read and write: the database's folder */
	const char *templates;   /* read only */
	const char *locales;     /* read only: the message catalogues, or NULL */
};

/* Look up user (when running as root) and fill s. Returns 0, or -1 with a message in err. */
int sandbox_prepare(struct sandbox *s, const char *user, const char *db_path, const char *templates, char *err,
                    size_t errlen);
/* Enter the sandbox, for good: drop root (if root), restrict files (Landlock, where the kernel has it) and
 * system calls (seccomp). Returns 0, or -1 with a message in err (the worker must then exit). */
int sandbox_enter(const struct sandbox *s, char *err, size_t errlen);
/* Become the workers' user (when root); for the media broker, which forks the decoders. 0 or -1. */
int sandbox_drop_root(const struct sandbox *s, char *err, size_t errlen);
/* The media decoder's sandbox, tighter than a worker's: files only under dir (the media folder: its
 * temporary files and the store), no TCP, the worker's system calls (no exec, no process, no socket). The
 * caller sets the resource limits first. 0, or -1 with a message. */
int sandbox_enter_decoder(const struct sandbox *s, const char *dir, char *err, size_t errlen);

/* The signer's sandbox (signer.c), once it has read its key and opened the database: only the database file
 * and its -wal and -shm, read and write (Landlock; no folder, so nothing can be created or listed), root
 * dropped, and a call list narrower than a worker's: no socket but the one it holds, no process, no exec.
 * 0, or -1 with a message. */
int sandbox_enter_signer(const struct sandbox *s, const char *db_path, char *err, size_t errlen);
/* The alerts' sender's sandbox (sender.c): a worker's folders plus what TLS and the resolver read
 * (Landlock), TCP connections only to ports[0..nports) (Landlock ABI 4), root dropped, and a seccomp allow
 * list of its own (IPv4 and IPv6 sockets and what libcurl, the resolver, TLS, GMime and SQLite need; no
 * program, no process, no chmod or chown by path, no ptrace, no io_uring, no listening socket). 0, or -1
 * with a message. */
int sandbox_enter_sender(const struct sandbox *s, const unsigned *ports, int nports, char *err, size_t errlen);

#endif
