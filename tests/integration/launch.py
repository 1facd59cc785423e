"""launch.py: start a program the way systemd would, for the deployment tests.

    python3 launch.py [--listen-fd N] [--unit FILE] -- PROGRAM ARGS...

--listen-fd N: socket activation. The listening socket open as fd N becomes fd 3, and LISTEN_FDS=1 and
LISTEN_PID=<this pid> are set; the exec keeps the pid, so LISTEN_PID is the program's own (sd_listen_fds(3)).

--unit FILE: the seccomp part of a service unit's sandbox, read from the unit itself and built as systemd
builds it: SystemCallFilter= lines (an allow list of the named groups and calls, the "~" lines taken out of
it, with SystemCallErrorNumber= for the rest), RestrictAddressFamilies= (socket() of another family fails
with EAFNOSUPPORT) and MemoryDenyWriteExecute= (no memory both writable and executable). The groups are
expanded by `systemd-analyze syscall-filter`, so they are the installed systemd's own. The user,
NoNewPrivileges= and the capability bounding set are setpriv's job (the caller runs setpriv before this).

Then exec the program (execve is in @system-service).
"""
import errno
import os
import socket
import subprocess
import sys

import seccomp


def expand(name, seen=None):
    """The system calls of a group (recursively) or of one call's name."""
    seen = set() if seen is None else seen
    if not name.startswith("@"):
        return {name}
    if name in seen:
        return set()
    seen.add(name)
    out = subprocess.run(["systemd-analyze", "syscall-filter", "--no-pager", name], capture_output=True,
                         text=True, check=True).stdout
    calls = set()
    for line in out.splitlines()[1:]:
        word = line.strip()
        if word and not word.startswith("#"):
            calls |= expand(word, seen)
    return calls


def unit_settings(path):
    settings = {}
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith(("#", ";", "[")) and "=" in line:
                key, _, value = line.partition("=")
                settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def add(filt, action, name, *args):
    try:
        filt.add_rule(action, name, *args)
    except (RuntimeError, ValueError, OSError):
        pass  # a call this architecture or libseccomp does not have


def apply_unit(path):
    s = unit_settings(path)
    err = getattr(errno, s.get("SystemCallErrorNumber", ["EPERM"])[-1])
    # systemd installs its filters before the exec; here the system call filter goes last, since it may
    # forbid seccomp() itself.
    families = s.get("RestrictAddressFamilies", [])
    if families:
        allowed_families = {getattr(socket, f) for f in families[-1].split()}
        filt = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        if len(allowed_families) == 1:
            (family,) = allowed_families
            add(filt, seccomp.ERRNO(errno.EAFNOSUPPORT), "socket", seccomp.Arg(0, seccomp.NE, family))
        else:
            for family in range(1, 46):
                if family not in allowed_families:
                    add(filt, seccomp.ERRNO(errno.EAFNOSUPPORT), "socket", seccomp.Arg(0, seccomp.EQ, family))
        filt.load()

    if s.get("MemoryDenyWriteExecute", ["no"])[-1] == "yes":
        prot_write, prot_exec, shm_exec = 0x2, 0x4, 0o100000
        filt = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        wx = prot_write | prot_exec
        add(filt, seccomp.ERRNO(errno.EPERM), "mmap", seccomp.Arg(2, seccomp.MASKED_EQ, wx, wx))
        add(filt, seccomp.ERRNO(errno.EPERM), "mprotect", seccomp.Arg(2, seccomp.MASKED_EQ, prot_exec, prot_exec))
        add(filt, seccomp.ERRNO(errno.EPERM), "pkey_mprotect",
            seccomp.Arg(2, seccomp.MASKED_EQ, prot_exec, prot_exec))
        add(filt, seccomp.ERRNO(errno.EPERM), "shmat", seccomp.Arg(2, seccomp.MASKED_EQ, shm_exec, shm_exec))
        filt.load()

    allowed, denied = set(), set()
    for value in s.get("SystemCallFilter", []):
        deny = value.startswith("~")
        for word in value.lstrip("~").split():
            (denied if deny else allowed).update(expand(word))
    if allowed:
        filt = seccomp.SyscallFilter(defaction=seccomp.ERRNO(err))
        for name in sorted(allowed - denied):
            add(filt, seccomp.ALLOW, name)
        filt.load()
    elif denied:
        filt = seccomp.SyscallFilter(defaction=seccomp.ALLOW)
        for name in sorted(denied):
            add(filt, seccomp.ERRNO(err), name)
        filt.load()


def main(argv):
    if "--" not in argv:
        sys.exit("usage: launch.py [--listen-fd N] [--unit FILE] -- PROGRAM ARGS...")
    split = argv.index("--")
    opts, program = argv[:split], argv[split + 1:]
    listen_fd = unit = None
    while opts:
        opt = opts.pop(0)
        if opt == "--listen-fd":
            listen_fd = int(opts.pop(0))
        elif opt == "--unit":
            unit = opts.pop(0)
        else:
            sys.exit(f"launch.py: unknown option {opt}")
    if listen_fd is not None:
        if listen_fd != 3:
            os.dup2(listen_fd, 3)  # inheritable, unlike Python's own descriptors
            os.close(listen_fd)
        else:
            os.set_inheritable(3, True)
        os.environ["LISTEN_FDS"] = "1"
        os.environ["LISTEN_PID"] = str(os.getpid())
    if unit:
        apply_unit(unit)
    os.execv(program[0], program)


if __name__ == "__main__":
    main(sys.argv[1:])
