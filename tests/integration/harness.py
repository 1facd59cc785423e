"""harness.py: runs the real pressroom binary behind a real nginx on a free loopback port, with a fresh
SQLite file, for the integration tests. Nothing is mocked: requests go over HTTP through nginx's FastCGI.

    with Site() as site:
        status, headers, body = site.get("/")
"""
import atexit
import ctypes
import http.client
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import tempfile
import time
import re
import unittest
import urllib.parse

BIN = os.environ.get("PRESSROOM_BIN") or os.path.join(os.path.dirname(__file__), "../../build/pressroom")
SOURCE = os.environ.get("PRESSROOM_SOURCE") or os.path.join(os.path.dirname(__file__), "../..")
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port():
    """A loopback port free now, below Linux's ephemeral range (32768-60999), where no client connection of a
    parallel test can take it before nginx binds it; start_nginx still chooses again if a server did."""
    for _ in range(100):
        port = random.randint(20000, 32000)
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_text(path):
    try:
        with open(path, errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def start_nginx(folder, conf_for, nports=1, attempts=5):
    """Start nginx -p folder with the configuration conf_for(ports) returns, on nports free loopback ports.
    The ports are chosen just before nginx binds them, and chosen again if it could not (tests run in
    parallel). nginx -t first, so a refused configuration says why. Returns (process, ports)."""
    conf = os.path.join(folder, "nginx.conf")
    error_log = os.path.join(folder, "log", "nginx-error.log")
    for _ in range(attempts):
        ports = [free_port() for _ in range(nports)]
        if len(set(ports)) < nports:
            continue
        with open(conf, "w") as f:
            f.write(conf_for(ports))
        test = subprocess.run([NGINX, "-t", "-q", "-p", folder, "-c", conf, "-e", error_log],
                              capture_output=True, text=True)
        if test.returncode != 0 and "Address already in use" not in test.stderr:
            raise RuntimeError("nginx -t refused the configuration:\n" + test.stderr)
        proc = run_nginx(folder, conf, ports)
        if proc is not None:
            return proc, ports
    raise RuntimeError(f"nginx did not start in {attempts} attempts:\n" + read_text(error_log))


def run_nginx(folder, conf, ports):
    """Start nginx -p folder -c conf in a process group of its own and wait until it is the one listening on
    ports: its pid file (written once the listening sockets are bound) holds its own pid, and every port
    answers. Returns the process, or None if it exited (say, a port was taken); raises if it hung."""
    error_log = os.path.join(folder, "log", "nginx-error.log")
    pid_file = os.path.join(folder, "nginx.pid")
    if os.path.exists(pid_file):
        os.unlink(pid_file)  # a killed nginx's, which would pass for the new one's
    proc = spawn([NGINX, "-p", folder, "-c", conf, "-e", error_log],
                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while time.time() < deadline:
        if proc.poll() is not None:
            stop_group(proc)
            return None
        if read_text(pid_file).strip() == str(proc.pid):
            try:
                for port in ports:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return proc
            except OSError:
                pass
        time.sleep(0.02)
    stop_group(proc, signal.SIGKILL)
    raise RuntimeError("nginx did not start:\n" + read_text(error_log))


# ---- processes: every server a test starts runs in a process group of its own, and nothing outlives a test ----
# This process becomes a child subreaper, so whatever a test's servers leave behind (an nginx worker whose
# master was killed, a forked daemon) becomes our child instead of init's; after each test (main() below) and
# at exit, any child that is not part of a running Site is killed and the test fails, naming it.
PR_SET_CHILD_SUBREAPER = 36
ctypes.CDLL(None, use_errno=True).prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
_running_groups = set()  # process groups started by spawn() and not yet stopped


def spawn(args, **kw):
    """subprocess.Popen(args, **kw) in a new session, so the process and all it forks form one group that
    stop_group can stop together."""
    proc = subprocess.Popen(args, start_new_session=True, **kw)
    _running_groups.add(proc.pid)
    return proc


def kill_group(proc):
    """SIGKILL every process of proc's group (proc was started by spawn); return once all are gone (reaped by
    their parent, or by us: orphans are ours)."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.kill()  # in case it was not a group leader after all
    proc.wait()
    _running_groups.discard(proc.pid)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            os.killpg(proc.pid, 0)  # zombies still count: they are gone once reaped
        except ProcessLookupError:
            return
        for pid in _children():
            st = _stat(pid)
            if st is not None and st == ("Z", proc.pid):
                try:
                    os.waitpid(pid, 0)
                except ChildProcessError:
                    pass
        time.sleep(0.01)
    raise RuntimeError(f"process group {proc.pid} outlived SIGKILL")


def stop_group(proc, sig=signal.SIGTERM, grace=20):
    """Ask the leader of a spawn()ed group to stop with sig; after grace seconds, or once it has exited, SIGKILL
    whatever is left of its group. Returns the leader's exit code (negative: killed by that signal)."""
    if proc is None:
        return None
    if proc.poll() is None:
        proc.send_signal(sig)
        try:
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            pass
    kill_group(proc)
    return proc.returncode


def _children():
    pids = []
    for task in os.listdir("/proc/self/task"):
        try:
            with open(f"/proc/self/task/{task}/children") as f:
                pids += [int(p) for p in f.read().split()]
        except OSError:
            pass
    return pids


def _stat(pid):
    """(state, process group) of pid, or None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return fields[0], int(fields[2])
    except (OSError, IndexError, ValueError):
        return None


def kill_leftovers(spare_running=True):
    """Kill and reap this process's children that belong to no running Site (all of them if not
    spare_running); returns a description of each one that was still alive. Children that have exited are
    only reaped."""
    left = []
    for pid in _children():
        st = _stat(pid)
        if st is None or (spare_running and st[1] in _running_groups):
            continue
        if st[0] != "Z":
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    cmd = f.read().replace(b"\0", b" ").decode(errors="replace").strip()
                if not cmd:  # caught inside execve, before its arguments are in place: the new name is
                    with open(f"/proc/{pid}/comm") as f:
                        cmd = f.read().strip()
            except OSError:
                cmd = "?"
            left.append(f"{pid} ({cmd})")
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass  # a subprocess.Popen reaped it meanwhile
    return left


def _stop_everything_on_sigterm(signum, frame):
    """A test stopped by SIGTERM (ctest's timeout, an operator) would die without atexit and orphan its
    nginx and pressroom (unittest swallows a SystemExit raised in a test, so exiting is no way out): kill
    every process group spawn() started, whole, then any other child, and leave."""
    for group in list(_running_groups):
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass
    kill_leftovers(spare_running=False)
    os._exit(128 + signum)


signal.signal(signal.SIGTERM, _stop_everything_on_sigterm)


@atexit.register
def _nothing_left_at_exit():
    left = kill_leftovers(spare_running=False)
    if left:
        print("FAIL: processes left running at exit (killed now): " + ", ".join(left), flush=True)
        os._exit(1)


class _LeakCheckingResult(unittest.TextTestResult):
    def stopTest(self, test):
        left = kill_leftovers()
        if left:
            err = AssertionError("processes left running after the test (killed now): " + ", ".join(left))
            self.addFailure(test, (AssertionError, err, None))
        super().stopTest(test)


def main():
    """unittest.main for the integration tests: a test that leaves a process running fails."""
    unittest.main(testRunner=unittest.TextTestRunner(resultclass=_LeakCheckingResult, verbosity=2))
# ---- end of processes ----


def request(conn, path, method="GET", headers=None, body=None, host=None):
    """One request on an http.client connection, closed after. host: the Host header (default: the
    connection's). Returns (status, headers as a dict with lower-case names, body as text)."""
    try:
        conn.putrequest(method, path, skip_host=host is not None, skip_accept_encoding=True)
        if host is not None:
            conn.putheader("Host", host)
        for k, v in (headers or {}).items():
            conn.putheader(k, v)
        if body is not None:
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body.encode() if isinstance(body, str) else body)
        resp = conn.getresponse()
        data = resp.read()
        out = {k.lower(): v for k, v in resp.getheaders()}
        out["set-cookie-all"] = resp.headers.get_all("Set-Cookie") or []
        return resp.status, out, data.decode("utf-8", "replace")
    finally:
        conn.close()


def signing_config(prefix):
    """A new folder (named with prefix) holding a key made by `pressroom key generate` and a configuration
    naming it: (folder, key path, configuration path). The caller removes the folder."""
    folder = tempfile.mkdtemp(prefix=prefix)
    key = os.path.join(folder, "signing.key")
    assert run("key", "generate", "--key", key).returncode == 0
    conf = os.path.join(folder, "pressroom.conf")
    with open(conf, "w") as f:
        f.write(f"signing_key = {key}\n")
    return folder, key, conf


def poll(condition, what, timeout=60, detail=None):
    """condition()'s first true value, asked every 50 ms: a test waits for a state, never for a time. Fails
    after timeout seconds naming what, with detail() (a log, say) when given."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("timed out waiting for " + what + ("\n" + detail() if detail else ""))


def wait_for_socket(app, path, log, timeout=10):
    """Wait until `pressroom serve` (the process app) has made its socket; its log says why if it exits."""
    deadline = time.time() + timeout
    while not os.path.exists(path):
        if app.poll() is not None or time.time() > deadline:
            raise RuntimeError("pressroom serve did not start:\n" + log())
        time.sleep(0.02)


def stop_nginx(proc):
    """A graceful stop (SIGQUIT), then SIGKILL to what is left of nginx's group."""
    stop_group(proc, signal.SIGQUIT, grace=10)


# ---- sanitizer reports (script/test runs this suite once more against build-asan) ----
# There a report aborts the process (ASAN_OPTIONS and UBSAN_OPTIONS in tests/CMakeLists.txt), but the
# supervisor replaces a worker that dies, and the test could still pass: so a report in a command's stderr or
# in the app's log, or a worker killed by SIGABRT (6), fails the test.
SANITIZER_REPORT = re.compile(r"ERROR: (AddressSanitizer|LeakSanitizer)|SUMMARY: \w+Sanitizer|Sanitizer has encountered a fatal error|"
                              r"\d+:\d+: runtime error: |worker \d+ killed by signal 6;")


def check_sanitizer_report(text, what):
    if SANITIZER_REPORT.search(text):
        raise AssertionError(f"sanitizer report in {what}:\n{symbolized(text[-20000:])}")


def symbolized(text):
    """The report with function and line after each frame "(module+0xOFFSET)": a sandboxed worker may not
    read its own binary to symbolize it."""
    def frame(m):
        try:
            where = subprocess.run(["addr2line", "-f", "-i", "-C", "-e", m.group(1), m.group(2)],
                                   capture_output=True, text=True, timeout=10).stdout.split()
        except (OSError, subprocess.SubprocessError):
            where = []
        return m.group(0) + "".join(" " + w for w in where)
    return re.sub(r"\((/[^()+\s]+)\+(0x[0-9a-f]+)\)", frame, text)
# ---- end of sanitizer reports ----


def run(*args, **kw):
    """Run the pressroom binary with args; returns the CompletedProcess (text mode)."""
    proc = subprocess.run([BIN, *args], capture_output=True, text=True, timeout=60, **kw)
    check_sanitizer_report(proc.stderr, "the stderr of pressroom " + " ".join(args))
    return proc


def sql_literal(value):
    """value as an SQL literal."""
    if value is None:
        return "NULL"
    if isinstance(value, (int, float)):
        return repr(int(value) if isinstance(value, bool) else value)
    if isinstance(value, bytes):
        return "X'" + value.hex() + "'"
    return "'" + str(value).replace("'", "''") + "'"


def bind_literals(sql, params):
    """sql with each ? outside a quoted string replaced by the next of params as a literal."""
    if not params:
        return sql
    out, values, quote = [], iter(params), None
    for ch in sql:
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch == "?":
            out.append(sql_literal(next(values)))
            continue
        out.append(ch)
    return "".join(out)


class Site:
    """A private Pressroom: database, FastCGI workers and nginx, torn down on exit.

    seed: load the demo content. sql: statements run on the database before serving (extra items). env:
    variables added to the server's environment.
    """

    def __init__(self, seed=True, sql=None, workers=2, body_limit=None, users=(), env=None):
        self.seed, self.sql, self.workers, self.body_limit, self.users = seed, sql, workers, body_limit, users
        self.env = dict(os.environ, **(env or {}))
        self.dir = tempfile.mkdtemp(prefix="pressroom-test-")
        os.chmod(self.dir, 0o755)
        self.db = os.path.join(self.dir, "pressroom.db")
        self.socket = os.path.join(self.dir, "pressroom.sock")
        self.port = None  # chosen by start_nginx
        self.app = self.nginx = None
        self.app_log = os.path.join(self.dir, "log", "pressroom.log")

    # ---- lifecycle ----

    def __enter__(self):
        os.makedirs(os.path.join(self.dir, "log"))
        os.makedirs(os.path.join(self.dir, "tmp"))
        self.check(run("db", "init", "--db", self.db))
        if self.seed:
            self.check(run("db", "seed", "--db", self.db))
        if self.sql:
            self.execute(self.sql)
        for name, role, password in self.users:
            self.check(run("user", "add", name, "--role", role, "--db", self.db, input=password + "\n"))
        try:
            self.start_app()
            self.nginx, (self.port,) = start_nginx(self.dir, lambda ports: subprocess.run(
                [os.path.join(SOURCE, "script/nginx-conf"), self.dir, str(ports[0]), self.socket,
                 os.path.join(os.path.abspath(SOURCE), "www")], capture_output=True, text=True, check=True).stdout)
            self.wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def start_app(self):
        log = open(self.app_log, "ab")
        self.app = spawn([BIN, "serve", "--socket", self.socket, "--db", self.db, "--workers", str(self.workers),
                          *(["--body-limit", str(self.body_limit)] if self.body_limit else []),
                          "--templates", os.path.join(SOURCE, "templates")],
                         stdout=log, stderr=log, env=self.env)
        log.close()
        wait_for_socket(self.app, self.socket, self.log)

    def wait_ready(self):
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                status, _, _ = self.get("/")
                if status < 500:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("the site did not answer:\n" + self.log())

    def stop_app(self, timeout=30):
        """SIGTERM the supervisor and return its exit code (None if it had to be killed); its workers go with
        it (its process group)."""
        code = stop_group(self.app, signal.SIGTERM, timeout)
        return None if code == -signal.SIGKILL else code

    def start_nginx(self):
        """(Re)start nginx on this site's port, after stop_nginx or a crash; returns once it is the one
        listening."""
        self.nginx = run_nginx(self.dir, os.path.join(self.dir, "nginx.conf"), [self.port])
        if self.nginx is None:
            raise RuntimeError("nginx did not start:\n" + read_text(os.path.join(self.dir, "log", "nginx-error.log")))

    def __exit__(self, *exc):
        self.exit_code = self.stop_app()
        app_log = self.log()  # read before the folder goes; checked for sanitizer reports below
        stop_nginx(self.nginx)
        if os.environ.get("PRESSROOM_KEEP_TEST_DIR"):
            print("kept", self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
        check_sanitizer_report(app_log, "the app's log")
        return False

    # ---- helpers ----

    @staticmethod
    def check(proc):
        if proc.returncode != 0:
            raise RuntimeError(f"{proc.args} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
        return proc

    def execute(self, sql, params=()):
        """Run sql (a script, or one statement with ? parameters) through `pressroom db sql`: the search
        index's tokenizer lives in the binary, and item's triggers write the index, so Python's sqlite3
        cannot write item (docs/search.md)."""
        self.check(run("db", "sql", "--db", self.db, input=bind_literals(sql, params)))

    def query(self, sql, params=()):
        con = sqlite3.connect(self.db)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def log(self):
        return read_text(self.app_log)

    def worker_pids(self):
        """The supervisor's live children."""
        with open(f"/proc/{self.app.pid}/task/{self.app.pid}/children") as f:
            return sorted(int(p) for p in f.read().split())

    def children_named(self):
        """The supervisor's live children and their names ({pid: comm}). The signer names itself just after
        the fork (pressroom-sign), so a test that looks for it polls."""
        names = {}
        for pid in self.worker_pids():
            try:
                with open(f"/proc/{pid}/comm") as f:
                    names[pid] = f.read().strip()
            except FileNotFoundError:  # reaped meanwhile
                pass
        return names

    def get(self, path, method="GET", headers=None, body=None, source="127.0.0.1"):
        """One request; returns (status, headers as a dict with lower-case names, body as text).
        source: the loopback address to send from, so tests can be different clients."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15, source_address=(source, 0))
        return request(conn, path, method, headers, body)

    def raw(self, request_bytes, timeout=10):
        """Send raw bytes over a socket; returns the status code nginx sent (0 if none) and the reply."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(request_bytes)
            chunks = []
            try:
                while True:
                    c = s.recv(65536)
                    if not c:
                        break
                    chunks.append(c)
            except socket.timeout:
                pass
        reply = b"".join(chunks)
        try:
            status = int(reply.split(b" ", 2)[1])
        except (IndexError, ValueError):
            status = 0
        return status, reply.decode("utf-8", "replace")


class Client:
    """A browser-like client of a Site: keeps cookies, reads CSRF tokens out of forms, sends forms."""

    CSRF = re.compile(r'name="csrf" value="([0-9a-f]{64})"')

    def __init__(self, site, source="127.0.0.1"):
        self.site, self.source, self.cookies = site, source, {}
        self.csrf = None

    def request(self, path, method="GET", form=None, content_type="application/x-www-form-urlencoded", raw=None):
        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = raw
        if form is not None:
            body = urllib.parse.urlencode(form)
        if body is not None and content_type:
            headers["Content-Type"] = content_type
        status, h, text = self.site.get(path, method=method, headers=headers, body=body, source=self.source)
        for c in h["set-cookie-all"]:
            name, _, rest = c.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in c:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        m = self.CSRF.search(text)
        if m:
            self.csrf = m.group(1)
        return status, h, text

    def post(self, path, form, csrf=True, **kw):
        form = dict(form)
        if csrf and "csrf" not in form:
            form["csrf"] = self.csrf or ""
        return self.request(path, "POST", form=form, **kw)

    def login(self, name, password):
        """Sign in as a browser would; after success the client holds the session's CSRF token."""
        self.request("/admin/login")
        result = self.post("/admin/login", {"username": name, "password": password})
        if result[0] == 303:
            self.request("/admin")
        return result
