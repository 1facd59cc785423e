"""harness.py: runs the real pressroom binary behind a real nginx on a free loopback port, with a fresh
SQLite file, for the integration tests. Nothing is mocked: requests go over HTTP through nginx's FastCGI.

    with Site() as site:
        status, headers, body = site.get("/")
"""
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
    pid_file = os.path.join(folder, "nginx.pid")
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
        proc = subprocess.Popen([NGINX, "-p", folder, "-c", conf, "-e", error_log],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Up when the pid file is written (after the listening sockets are bound) and every port answers;
        # failed when it exits.
        deadline = time.time() + 10
        while time.time() < deadline:
            if proc.poll() is not None:
                if os.path.exists(pid_file):
                    os.unlink(pid_file)
                break
            if os.path.exists(pid_file):
                try:
                    for port in ports:
                        socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    return proc, ports
                except OSError:
                    pass
            time.sleep(0.02)
        else:
            proc.kill()
            proc.wait()
            raise RuntimeError("nginx did not start:\n" + read_text(error_log))
    raise RuntimeError(f"nginx did not start in {attempts} attempts:\n" + read_text(error_log))


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


def wait_for_socket(app, path, log, timeout=10):
    """Wait until `pressroom serve` (the process app) has made its socket; its log says why if it exits."""
    deadline = time.time() + timeout
    while not os.path.exists(path):
        if app.poll() is not None or time.time() > deadline:
            raise RuntimeError("pressroom serve did not start:\n" + log())
        time.sleep(0.02)


def stop_nginx(proc):
    if proc and proc.poll() is None:
        proc.send_signal(signal.SIGQUIT)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ---- sanitizer reports (script/test runs this suite once more against build-asan) ----
# There a report aborts the process (ASAN_OPTIONS and UBSAN_OPTIONS in tests/CMakeLists.txt), but the
# supervisor replaces a worker that dies, and the test could still pass: so a report in a command's stderr or
# in the app's log, or a worker killed by SIGABRT (6), fails the test.
SANITIZER_REPORT = re.compile(r"ERROR: (AddressSanitizer|LeakSanitizer)|SUMMARY: \w+Sanitizer|"
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


class Site:
    """A private Pressroom: database, FastCGI workers and nginx, torn down on exit.

    seed: load the demo content. sql: statements run on the database before serving (extra items).
    """

    def __init__(self, seed=True, sql=None, workers=2, body_limit=None, users=()):
        self.seed, self.sql, self.workers, self.body_limit, self.users = seed, sql, workers, body_limit, users
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
        self.app = subprocess.Popen([BIN, "serve", "--socket", self.socket, "--db", self.db,
                                     "--workers", str(self.workers),
                                     *(["--body-limit", str(self.body_limit)] if self.body_limit else []),
                                     "--templates", os.path.join(SOURCE, "templates")],
                                    stdout=log, stderr=log)
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
        """SIGTERM the supervisor and return its exit code."""
        if self.app is None or self.app.poll() is not None:
            return self.app.returncode if self.app else None
        self.app.send_signal(signal.SIGTERM)
        try:
            return self.app.wait(timeout)
        except subprocess.TimeoutExpired:
            self.app.kill()
            self.app.wait()
            return None

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
        con = sqlite3.connect(self.db)
        try:
            if params:
                con.execute(sql, params)
            else:
                con.executescript(sql)
            con.commit()
        finally:
            con.close()

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
