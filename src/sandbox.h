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

#endif
