/* sandbox.c: privileges, Landlock and seccomp for a worker.
 *
 * Order matters: no_new_privs first (both Landlock and seccomp need it); Landlock while we may still read
 * the folders to name them; setgid/setuid next; seccomp last, since its filter forbids setuid itself.
 * Landlock handles every right the running kernel knows (files; from ABI 4 TCP bind and connect, with no rule
 * allowing any; from ABI 6 signals and abstract sockets outside the worker). The seccomp filter is an allow
 * list, one per role (worker, signer, alerts' sender), built by restrict_calls_to: the calls the role makes
 * (found by tracing the test suite, both builds); anything else fails, and exec kills the process on the
 * spot. */
#include "sandbox.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/landlock.h>
#include <pwd.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "log.h"

/* Debian 12's <linux/landlock.h> stops at ABI 1 or 2; the kernel's values for what came later. */
#ifndef LANDLOCK_CREATE_RULESET_VERSION
#define LANDLOCK_CREATE_RULESET_VERSION (1U << 0)
#endif
#ifndef LANDLOCK_ACCESS_FS_REFER
#define LANDLOCK_ACCESS_FS_REFER (1ULL << 13) /* ABI 2 */
#endif
#ifndef LANDLOCK_ACCESS_FS_TRUNCATE
#define LANDLOCK_ACCESS_FS_TRUNCATE (1ULL << 14) /* ABI 3 */
#endif
#ifndef LANDLOCK_ACCESS_NET_BIND_TCP
#define LANDLOCK_ACCESS_NET_BIND_TCP (1ULL << 0) /* ABI 4 */
#define LANDLOCK_ACCESS_NET_CONNECT_TCP (1ULL << 1)
#endif
#ifndef LANDLOCK_ACCESS_FS_IOCTL_DEV
#define LANDLOCK_ACCESS_FS_IOCTL_DEV (1ULL << 15) /* ABI 5 */
#endif
#ifndef LANDLOCK_RULE_NET_PORT
#define LANDLOCK_RULE_NET_PORT 2 /* ABI 4 */
#endif
/* struct landlock_net_port_attr (ABI 4), which Debian 12's header lacks. */
struct net_port_attr {
	unsigned long long allowed_access;
	unsigned long long port;
};
#ifndef LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET
#define LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET (1ULL << 0) /* ABI 6 */
#define LANDLOCK_SCOPE_SIGNAL (1ULL << 1)
#endif

/* struct landlock_ruleset_attr as of ABI 6; the kernel is given only the fields its ABI knows. */
struct ruleset_attr {
	unsigned long long handled_access_fs;
	unsigned long long handled_access_net; /* ABI 4 */
	unsigned long long scoped;             /* ABI 6 */
};

#if defined(__SANITIZE_ADDRESS__)
#define SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANITIZED 1
#endif
#endif
#ifndef SANITIZED
#define SANITIZED 0
#endif

int sandbox_prepare(struct sandbox *s, const char *user, const char *db_path, const char *templates, char *err,
                    size_t errlen)
{
	memset(s, 0, sizeof *s);
	s->uid = getuid();
	s->gid = getgid();
	s->templates = templates;
	/* The database's folder: SQLite writes the -wal and -shm files beside it. */
	static char dir[4096];
	snprintf(dir, sizeof dir, "%s", db_path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	s->data_dir = dir;
	if (geteuid() != 0)
		return 0; /* nothing to drop */
	if (user == NULL) {
		snprintf(err, errlen, "no user to run the workers as");
		return -1;
	}
	s->user = user;
	struct passwd *pw = getpwnam(s->user);
	if (pw == NULL) {
		snprintf(err, errlen, "no user called %s to run the workers as", s->user);
		return -1;
	}
	if (pw->pw_uid == 0) {
		snprintf(err, errlen, "--user %s is root: workers must run unprivileged", s->user);
		return -1;
	}
	s->uid = pw->pw_uid;
	s->gid = pw->pw_gid;
	return 0;
}

static int add_path(int ruleset, const char *path, unsigned long long access)
{
	struct landlock_path_beneath_attr rule = {.allowed_access = access};
	struct stat st;
	rule.parent_fd = open(path, O_PATH | O_CLOEXEC);
	if (rule.parent_fd < 0)
		return errno == ENOENT ? 0 : -1; /* a folder this system does not have needs no rule */
	/* A single file (the sender's /etc/resolv.conf) takes only the rights a file can have. */
	if (fstat(rule.parent_fd, &st) == 0 && !S_ISDIR(st.st_mode))
		rule.allowed_access &= LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE |
		                       LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_TRUNCATE | LANDLOCK_ACCESS_FS_IOCTL_DEV;
	int rc = (int)syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_PATH_BENEATH, &rule, 0);
	close(rule.parent_fd);
	return rc;
}

/* What the alerts' sender reads besides a worker's folders: TLS's certificates and configuration, the
 * resolver's files, and (in /usr/lib) the resolver's and GMime's charset modules. No secret lives there. */
static const char *const sender_reads[] = {
	"/etc/ssl", "/usr/share/ca-certificates", "/usr/lib", "/etc/resolv.conf", "/etc/hosts", "/etc/nsswitch.conf",
	"/etc/gai.conf", "/etc/host.conf", "/etc/localtime",
};

/* Files: read and write the data folder; read templates, message catalogues, zone files and /proc (sanitizer
 * reports). No TCP
 * bind or connect, no signals or abstract sockets beyond the worker, where the kernel can forbid them.
 * The media decoder (rw_only set) gets that one folder, read and write, and nothing else. The sender
 * (sender set) reads sender_reads too and may connect to the TCP ports of ports[0..nports). */
static int restrict_files(const struct sandbox *s, const char *rw_only, int sender, const unsigned *ports, int nports,
                          char *err, size_t errlen)
{
	int abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 0) {
		if (errno == ENOSYS || errno == EOPNOTSUPP) {
			log_warn("this kernel has no Landlock: workers' file access is not restricted");
			return 0;
		}
		snprintf(err, errlen, "landlock_create_ruleset: %s", strerror(errno));
		return -1;
	}
	const unsigned long long read = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR;
	unsigned long long all = read | LANDLOCK_ACCESS_FS_EXECUTE | LANDLOCK_ACCESS_FS_WRITE_FILE |
	                         LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
	                         LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
	                         LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
	                         LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
	struct ruleset_attr attr = {0};
	size_t attr_size = sizeof attr.handled_access_fs;
	if (abi >= 2)
		all |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3)
		all |= LANDLOCK_ACCESS_FS_TRUNCATE;
	if (abi >= 4) { /* handled with no rule that allows a port: no TCP bind or connect at all */
		attr.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP;
		attr_size = offsetof(struct ruleset_attr, scoped);
	}
	if (abi >= 5)
		all |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
	if (abi >= 6) {
		attr.scoped = LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET | LANDLOCK_SCOPE_SIGNAL;
		attr_size = sizeof attr;
	}
	attr.handled_access_fs = all;
	int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0);
	if (ruleset < 0) {
		snprintf(err, errlen, "landlock_create_ruleset (ABI %d): %s", abi, strerror(errno));
		return -1;
	}
	const unsigned long long data = all & ~(unsigned long long)LANDLOCK_ACCESS_FS_EXECUTE;
	int rc = -1;
	if (rw_only ? add_path(ruleset, rw_only, data) != 0
	            : add_path(ruleset, s->data_dir, data) != 0 || add_path(ruleset, s->templates, read) != 0 ||
	                  add_path(ruleset, "/usr/share/zoneinfo", read) != 0 || add_path(ruleset, "/proc", read) != 0 ||
	                  /* gettext opens a language's catalogue on its first use in the worker */
	                  (s->locales && add_path(ruleset, s->locales, read) != 0)) {
		snprintf(err, errlen, "landlock_add_rule: %s", strerror(errno));
		goto out;
	}
	for (size_t i = 0; sender && i < sizeof sender_reads / sizeof sender_reads[0]; i++)
		if (add_path(ruleset, sender_reads[i], read) != 0) {
			snprintf(err, errlen, "landlock_add_rule %s: %s", sender_reads[i], strerror(errno));
			goto out;
		}
	for (int i = 0; abi >= 4 && i < nports; i++) {
		struct net_port_attr rule = {.allowed_access = LANDLOCK_ACCESS_NET_CONNECT_TCP, .port = ports[i]};
		if (syscall(SYS_landlock_add_rule, ruleset, LANDLOCK_RULE_NET_PORT, &rule, 0) != 0) {
			snprintf(err, errlen, "landlock_add_rule port %u: %s", ports[i], strerror(errno));
			goto out;
		}
	}
	if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) {
		snprintf(err, errlen, "landlock_restrict_self: %s", strerror(errno));
		goto out;
	}
	rc = 0;
out:
	close(ruleset);
	return rc;
}

static int drop_root(const struct sandbox *s, char *err, size_t errlen)
{
	if (geteuid() != 0)
		return 0;
	if (setgroups(0, NULL) != 0 || setgid(s->gid) != 0 || setuid(s->uid) != 0) {
		snprintf(err, errlen, "cannot become %s: %s", s->user, strerror(errno));
		return -1;
	}
	if (setuid(0) == 0) {
		snprintf(err, errlen, "could become root again after dropping to %s", s->user);
		return -1;
	}
	return 0;
}

/* The signer's files (sandbox_enter_signer): the database and its -wal and -shm, each file alone, read and
 * write; no folder at all, so it can neither open nor create anything else. It read its key before. */
static int restrict_signer_files(const char *db_path, char *err, size_t errlen)
{
	int abi = (int)syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION);
	if (abi < 0) {
		if (errno == ENOSYS || errno == EOPNOTSUPP) {
			log_warn("this kernel has no Landlock: the signer's file access is not restricted");
			return 0;
		}
		snprintf(err, errlen, "landlock_create_ruleset: %s", strerror(errno));
		return -1;
	}
	unsigned long long file = LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_WRITE_FILE;
	struct ruleset_attr attr = {0};
	size_t attr_size = sizeof attr.handled_access_fs;
	attr.handled_access_fs = file | LANDLOCK_ACCESS_FS_READ_DIR | LANDLOCK_ACCESS_FS_EXECUTE |
	                         LANDLOCK_ACCESS_FS_REMOVE_DIR | LANDLOCK_ACCESS_FS_REMOVE_FILE |
	                         LANDLOCK_ACCESS_FS_MAKE_CHAR | LANDLOCK_ACCESS_FS_MAKE_DIR | LANDLOCK_ACCESS_FS_MAKE_REG |
	                         LANDLOCK_ACCESS_FS_MAKE_SOCK | LANDLOCK_ACCESS_FS_MAKE_FIFO |
	                         LANDLOCK_ACCESS_FS_MAKE_BLOCK | LANDLOCK_ACCESS_FS_MAKE_SYM;
	if (abi >= 2)
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_REFER;
	if (abi >= 3) {
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_TRUNCATE;
		file |= LANDLOCK_ACCESS_FS_TRUNCATE;   /* SQLite truncates the WAL after a checkpoint */
	}
	if (abi >= 4) {
		attr.handled_access_net = LANDLOCK_ACCESS_NET_BIND_TCP | LANDLOCK_ACCESS_NET_CONNECT_TCP;
		attr_size = offsetof(struct ruleset_attr, scoped);
	}
	if (abi >= 5)
		attr.handled_access_fs |= LANDLOCK_ACCESS_FS_IOCTL_DEV;
	if (abi >= 6) {
		attr.scoped = LANDLOCK_SCOPE_ABSTRACT_UNIX_SOCKET | LANDLOCK_SCOPE_SIGNAL;
		attr_size = sizeof attr;
	}
	int ruleset = (int)syscall(SYS_landlock_create_ruleset, &attr, attr_size, 0);
	if (ruleset < 0) {
		snprintf(err, errlen, "landlock_create_ruleset (ABI %d): %s", abi, strerror(errno));
		return -1;
	}
	static const char *const suffixes[] = {"", "-wal", "-shm"};
	char path[4096];
	int rc = 0;
	/* The files are open already (db_open and its statements); the rules keep SQLite's own reopenings
	 * working, and a sanitizer build's reports need /proc. */
	for (size_t i = 0; rc == 0 && i < sizeof suffixes / sizeof suffixes[0]; i++) {
		snprintf(path, sizeof path, "%s%s", db_path, suffixes[i]);
		rc = add_path(ruleset, path, file);
	}
	if (rc == 0 && SANITIZED)
		rc = add_path(ruleset, "/proc", LANDLOCK_ACCESS_FS_READ_FILE | LANDLOCK_ACCESS_FS_READ_DIR);
	if (rc != 0)
		snprintf(err, errlen, "landlock_add_rule: %s", strerror(errno));
	else if (syscall(SYS_landlock_restrict_self, ruleset, 0) != 0) {
		snprintf(err, errlen, "landlock_restrict_self: %s", strerror(errno));
		rc = -1;
	}
	close(ruleset);
	return rc;
}

/* What a worker may call once it serves: the FastCGI loop, SQLite on files it already may open, the C and
 * C++ runtimes, libsodium. Names that do not exist on this architecture (open on arm64) are skipped. */
static const char *const allowed_calls[] = {
	/* files and descriptors (Landlock decides which paths) */
	"read", "write", "readv", "writev", "pread64", "pwrite64", "preadv", "pwritev", "preadv2", "pwritev2",
	"lseek", "_llseek", "open", "openat", "close", "fstat", "stat", "lstat", "newfstatat", "statx", "access",
	"faccessat", "faccessat2", "readlink", "readlinkat", "getcwd", "getdents64", "getdents", "fcntl", "flock", "fsync",
	"fdatasync", "ftruncate", "fallocate", "unlink", "unlinkat", "rename", "renameat", "renameat2", "fchmod",
	"fchown", "dup", "dup2", "dup3", "ioctl", "statfs", "fstatfs", "fadvise64", "sync_file_range",
	/* the FastCGI socket the supervisor opened */
	"accept", "accept4", "recvfrom", "sendto", "recvmsg", "sendmsg", "shutdown", "getsockname", "getpeername",
	"getsockopt", "setsockopt", "poll", "ppoll", "select", "pselect6", "epoll_create1", "epoll_ctl",
	"epoll_wait", "epoll_pwait",
	/* memory, time, randomness, threads, signals, identity queries, leaving */
	"brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "clock_gettime", "clock_getres",
	"clock_nanosleep", "nanosleep", "gettimeofday", "time", "getrandom", "futex", "set_robust_list",
	"get_robust_list", "set_tid_address", "rseq", "sched_yield", "sched_getaffinity", "rt_sigaction",
	"rt_sigprocmask", "rt_sigreturn", "rt_sigtimedwait", "sigaltstack", "restart_syscall", "kill", "tgkill",
	"tkill", "getpid", "gettid", "getppid", "getuid", "geteuid", "getgid", "getegid", "getgroups", "getresuid",
	"getresgid", "getrlimit", "prlimit64", "getrusage", "uname", "sysinfo", "prctl", "arch_prctl", "exit",
	"exit_group", "wait4", "membarrier",
};

/* Under AddressSanitizer, LeakSanitizer's check at a worker's exit stops the process with a helper task
 * made by clone() that ptraces the others; and the runtime gives each new thread (the sender's resolver
 * thread) an alternate signal stack. That build alone allows them, for every role. */
static const char *const sanitizer_calls[] = {"ptrace", "clone3", "waitid", "sched_getparam", "pipe2", "sigaltstack"};

/* What the signer may call once it has its key and its database open: wait for a word on its socket (or the
 * time a sealed entry opens: poll), SQLite on
 * the files it holds, memory, time, signals, logging, leaving. No open beyond what Landlock allows, no socket,
 * no process, no exec: a flaw in it (it parses an 8-byte id) cannot reach further than the database. */
static const char *const signer_calls[] = {
	"read", "write", "pread64", "pwrite64", "lseek", "_llseek", "openat", "open", "close", "fstat", "stat", "lstat",
	"newfstatat", "statx", "access", "faccessat", "faccessat2", "fcntl", "fsync", "fdatasync", "ftruncate",
	"fallocate", "recvfrom", "recvmsg", "poll", "ppoll", "brk", "mmap", "munmap", "mremap", "mprotect", "madvise",
	"clock_gettime", "clock_nanosleep", "nanosleep", "gettimeofday", "time", "getrandom", "futex", "sched_yield",
	"rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "restart_syscall", "getpid", "gettid", "tgkill", "getuid",
	"geteuid", "exit", "exit_group",
};

/* What the alerts' sender may call once it sends (traced through test_alerts_send, test_subscribe and
 * test_alerts_resolver, a stand-in DNS server's answers, and the curl program's TLS handshake): SQLite on
 * the outbox as a worker does it, libcurl's SMTP and HTTP (a TCP socket, non-blocking connect and poll, its
 * wake-up socket pair), GMime, OpenSSL (CA files, getrandom), glibc's resolver in curl's thread, memory,
 * time, signals, leaving. socket() and ioctl() are narrowed below (sender_narrowed_calls). No bind, listen or
 * accept, no process, no exec, no chmod or chown by path, no io_uring, no ptrace, no identity change. */
static const char *const sender_calls[] = {
	/* files through descriptors (Landlock decides which paths): the database, CA files, resolver files */
	"read", "write", "readv", "writev", "pread64", "pwrite64", "lseek", "_llseek", "open", "openat", "close",
	"fstat", "stat", "lstat", "newfstatat", "statx", "access", "faccessat", "faccessat2", "readlink",
	"readlinkat", "getcwd", "fcntl", "flock", "fsync", "fdatasync", "ftruncate", "fallocate",
	"unlink", "unlinkat",   /* SQLite removes the -wal and -shm when the last connection closes */
	"fchmod", "fchown",     /* SQLite gives a -wal or -shm it creates the database's mode and owner */
	/* the relay's and the hubs' connections, DNS (UDP, TCP) and libcurl's wake-up pair */
	"connect", "getsockopt", "setsockopt", "getsockname", "getpeername", "sendto", "recvfrom", "sendmsg",
	"recvmsg", "sendmmsg", /* glibc's resolver asks for A and AAAA in one call */
	"shutdown", "socketpair", "poll", "ppoll", "select", "pselect6",
	/* memory, time, randomness, libcurl's resolver thread, signals, identity queries, leaving */
	"brk", "mmap", "munmap", "mremap", "mprotect", "madvise", "clock_gettime", "clock_getres",
	"clock_nanosleep", "nanosleep", "gettimeofday", "time", "getrandom", "futex", "set_robust_list", "rseq",
	"sched_yield", "sched_getaffinity", "rt_sigaction", "rt_sigprocmask", "rt_sigreturn", "restart_syscall",
	"getpid", "gettid", "tgkill", "getuid", "geteuid", "getgid", "getegid", "uname", "sysinfo", "exit",
	"exit_group",
};

/* A call allowed only when one argument (an int or a request number: its low 32 bits) has one value. */
struct narrowed_call {
	const char *name;
	unsigned arg;
	scmp_datum_t value;
};

/* The sender's calls allowed for one argument alone. Sockets: TCP and UDP over IPv4 and IPv6; not AF_UNIX
 * (glibc's nscd client falls back to the files and DNS when it cannot), not AF_NETLINK (getaddrinfo's
 * interface query falls back too), not raw or packet sockets. */
static const struct narrowed_call sender_narrowed_calls[] = {
	{"socket", 0, AF_INET},
	{"socket", 0, AF_INET6},
	{"ioctl", 1, FIONREAD},   /* glibc's resolver sizes a UDP answer before reading it */
};

static int allow(scmp_filter_ctx ctx, const char *name)
{
	int nr = seccomp_syscall_resolve_name(name);
	return nr < 0 ? 0 : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 0);
}

/* The one filter builder: allow calls[0..ncalls), and each of narrowed[0..nnarrowed) for its argument's value
 * alone. */
static int restrict_calls_to(const char *const *calls, size_t ncalls, const struct narrowed_call *narrowed,
                             size_t nnarrowed, char *err, size_t errlen)
{
#ifdef PRESSROOM_PROFILE
	(void)err, (void)errlen;
	log_warn("profiling build: the workers' system calls are not filtered");
	return 0;
#endif
	/* A call not listed fails with ENOSYS, as on a kernel without it: the C library then falls back to an
	 * older call it knows (clone3 to clone, statx to fstatat) rather than failing outright, as EPERM would
	 * make it. io_uring (which does file and network work unseen by this filter), bind, listen, accept
	 * (but a worker's on its inherited socket), fork, ptrace, mount, setuid and the rest are simply not on a
	 * list; socket and connect are on the sender's alone (IPv4 and IPv6; Landlock narrows the ports). */
	scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(ENOSYS));
	if (ctx == NULL) {
		snprintf(err, errlen, "cannot install the seccomp filter");
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < ncalls; i++)
		rc |= allow(ctx, calls[i]);
	for (size_t i = 0; i < nnarrowed; i++) {
		int nr = seccomp_syscall_resolve_name(narrowed[i].name);
		rc |= nr < 0 ? -1 : seccomp_rule_add(ctx, SCMP_ACT_ALLOW, nr, 1,
		                                     SCMP_CMP(narrowed[i].arg, SCMP_CMP_MASKED_EQ, 0xffffffffU, narrowed[i].value));
	}
	/* Running a program is what an intruder wants most: the process dies on the spot. */
	rc |= seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(execve), 0);
	rc |= seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS, SCMP_SYS(execveat), 0);
	if (SANITIZED) {
		for (size_t i = 0; i < sizeof sanitizer_calls / sizeof sanitizer_calls[0]; i++)
			rc |= allow(ctx, sanitizer_calls[i]);
		rc |= allow(ctx, "clone");
	} else {
		/* clone() is how threads are made too; a new process (no CLONE_THREAD) is refused. */
		rc |= seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1,
		                       SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
		rc |= seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM), SCMP_SYS(clone), 1,
		                       SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, 0));
	}
	if (rc != 0 || seccomp_load(ctx) != 0) {
		snprintf(err, errlen, "cannot install the seccomp filter");
		seccomp_release(ctx);
		return -1;
	}
	seccomp_release(ctx);
	return 0;
}

static int restrict_calls(char *err, size_t errlen)
{
	return restrict_calls_to(allowed_calls, sizeof allowed_calls / sizeof allowed_calls[0], NULL, 0, err, errlen);
}

int sandbox_enter(const struct sandbox *s, char *err, size_t errlen)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errlen, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return -1;
	}
	if (restrict_files(s, NULL, 0, NULL, 0, err, errlen) != 0 || drop_root(s, err, errlen) != 0)
		return -1;
	/* If the supervisor dies, finish and leave rather than linger on the socket (cleared by setuid, so
	 * set after it). */
	prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	if (getppid() == 1)
		raise(SIGTERM);
	return restrict_calls(err, errlen);
}

int sandbox_drop_root(const struct sandbox *s, char *err, size_t errlen)
{
	return drop_root(s, err, errlen);
}

int sandbox_enter_decoder(const struct sandbox *s, const char *dir, char *err, size_t errlen)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errlen, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return -1;
	}
	/* The worker's call list: the decoder needs no call a worker lacks (no socket, no exec, no process). */
	if (restrict_files(s, dir, 0, NULL, 0, err, errlen) != 0 || drop_root(s, err, errlen) != 0)
		return -1;
	return restrict_calls(err, errlen);
}

int sandbox_enter_signer(const struct sandbox *s, const char *db_path, char *err, size_t errlen)
{
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errlen, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return -1;
	}
	if (restrict_signer_files(db_path, err, errlen) != 0 || drop_root(s, err, errlen) != 0)
		return -1;
	return restrict_calls_to(signer_calls, sizeof signer_calls / sizeof signer_calls[0], NULL, 0, err, errlen);
}

int sandbox_enter_sender(const struct sandbox *s, const unsigned *ports, int nports, char *err, size_t errlen)
{
	/* Not dumpable: the workers run as the same user and must not ptrace it or read its memory (the
	 * sanitizer build stays dumpable, for LeakSanitizer's check). */
	if (!SANITIZED)
		prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errlen, "PR_SET_NO_NEW_PRIVS: %s", strerror(errno));
		return -1;
	}
	if (restrict_files(s, NULL, 1, ports, nports, err, errlen) != 0 || drop_root(s, err, errlen) != 0)
		return -1;
	prctl(PR_SET_PDEATHSIG, SIGTERM, 0, 0, 0);
	if (getppid() == 1)
		raise(SIGTERM);
	return restrict_calls_to(sender_calls, sizeof sender_calls / sizeof sender_calls[0], sender_narrowed_calls,
	                         sizeof sender_narrowed_calls / sizeof sender_narrowed_calls[0], err, errlen);
}
