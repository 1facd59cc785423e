"""deploy.py: what the deployment tests (test_deploy_*.py) share. A Deployment installs the build into a
temporary DESTDIR with `cmake --install`, makes a configuration from the installed example (only the paths
moved into the temporary folder), creates the database with the installed binary, starts that binary, and
puts in front of it an nginx whose site is a block copied out of docs/deploy.md or docs/scaling.md with only
its addresses, certificate and paths substituted, so that the documents cannot drift from what works.

    with Deployment(config={"cache_max_age": "2s"}) as d:
        status, headers, body = d.get("/")            # HTTPS, Host: press.example.org
"""
import http.client
import os
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import threading
import time

import harness
from harness import SOURCE, read_text, request, start_nginx, stop_nginx, wait_for_socket

BUILD = os.environ.get("PRESSROOM_BUILD") or os.path.join(SOURCE, "build")
PREFIX = "/usr/local"
HOST = "press.example.org"
LAUNCH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "launch.py")
# The sanitizer run of the suite (script/test) sets these; see the test that needs to know.
SANITIZED = bool(os.environ.get("ASAN_OPTIONS"))


def install(dest):
    """cmake --install the build into DESTDIR=dest with the default prefix; returns cmake's output."""
    proc = subprocess.run(["cmake", "--install", BUILD, "--prefix", PREFIX], env=dict(os.environ, DESTDIR=dest),
                          capture_output=True, text=True, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"cmake --install failed:\n{proc.stdout}{proc.stderr}")
    return proc.stdout


def doc_block(doc, name):
    """The fenced code block between <!-- BEGIN name ... --> and <!-- END name --> in docs/<doc>."""
    with open(os.path.join(SOURCE, "docs", doc)) as f:
        text = f.read()
    m = re.search(r"<!-- BEGIN " + re.escape(name) + r"\b.*?-->\s*```\w*\n(.*?)```\s*<!-- END " + re.escape(name)
                  + r" -->", text, re.S)
    if m is None:
        raise AssertionError(f"docs/{doc} has no block marked {name}")
    return m.group(1)


def substitute(text, required, optional=None):
    """Replace each key of required (which must occur: a document that changes fails loudly instead of being
    tested with production paths) and of optional (which may not)."""
    for old, new in required.items():
        if old not in text:
            raise AssertionError(f"expected {old!r} in the documented configuration")
        text = text.replace(old, new)
    for old, new in (optional or {}).items():
        text = text.replace(old, new)
    return text


def self_signed(folder):
    """A throw-away certificate for press.example.org and 127.0.0.1; returns (certificate, key) paths."""
    cert, key = os.path.join(folder, "cert.pem"), os.path.join(folder, "key.pem")
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + HOST,
                    "-addext", f"subjectAltName=DNS:{HOST},IP:127.0.0.1", "-keyout", key, "-out", cert],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def tls_context(alpn=None):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # the certificate is self-signed; what is tested is nginx's setup
    if alpn:
        ctx.set_alpn_protocols(alpn)
    return ctx


class NamedHTTPSConnection(http.client.HTTPSConnection):
    """HTTPS to 127.0.0.1 that names the site in the handshake (SNI), as a browser does: the documented
    default server refuses a handshake without a name it serves."""

    def __init__(self, *args, server_hostname=HOST, **kw):
        super().__init__(*args, **kw)
        self.server_hostname = server_hostname

    def connect(self):
        sock = socket.create_connection((self.host, self.port), self.timeout, self.source_address)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.server_hostname)


class Deployment:
    """An installed Pressroom behind nginx, in a temporary folder, torn down on exit.

    config: keys to set in the configuration made from the example ({key: value}). site: (doc, block) of the
    nginx site to run. start: start the server and nginx on entering (else call start_app, start_nginx).
    """

    def __init__(self, config=None, site=("deploy.md", "nginx-site"), seed=True, users=(), start=True):
        self.overrides, self.site, self.seed, self.users, self.start = dict(config or {}), site, seed, users, start
        self.dir = tempfile.mkdtemp(prefix="pressroom-deploy-")
        os.chmod(self.dir, 0o755)
        self.root = os.path.join(self.dir, "root")
        self.bin = self.root + PREFIX + "/bin/pressroom"
        self.share = self.root + PREFIX + "/share/pressroom"
        self.units = self.root + PREFIX + "/lib/systemd/system"
        self.example = self.root + "/etc/pressroom/pressroom.conf.example"
        self.data = os.path.join(self.dir, "data")
        self.run_dir = os.path.join(self.dir, "run")
        self.socket = os.path.join(self.run_dir, "pressroom.sock")
        self.db = os.path.join(self.data, "pressroom.db")
        self.conf = os.path.join(self.dir, "pressroom.conf")
        self.app_log = os.path.join(self.dir, "log", "pressroom.log")
        self.port = self.http_port = None  # chosen by start_nginx
        self.app = self.nginx = self.listener = None

    # ---- lifecycle ----

    def __enter__(self):
        try:
            for d in ("log", "tmp", "data", "run", "acme/.well-known/acme-challenge"):
                os.makedirs(os.path.join(self.dir, d), exist_ok=True)
            self.install_output = install(self.root)
            self.write_config()
            self.pressroom("db", "init", "--db", self.db)
            if self.seed:
                self.pressroom("db", "seed", "--db", self.db)
            for name, role, password in self.users:
                self.pressroom("user", "add", name, "--role", role, "--db", self.db, input=password + "\n")
            if self.start:
                self.start_app()
                self.start_nginx()
                self.wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc):
        app_log = self.stop_app() or ""
        stop_nginx(self.nginx)
        if self.listener:
            self.listener.close()
        if os.environ.get("PRESSROOM_KEEP_TEST_DIR"):
            print("kept", self.dir)
        else:
            shutil.rmtree(self.dir, ignore_errors=True)
        check = getattr(harness, "check_sanitizer_report", None)
        if check:
            check(app_log, "the app's log")
        return False

    # ---- the installed program ----

    def pressroom(self, *args, input=None, check=True):
        proc = subprocess.run([self.bin, *args], capture_output=True, text=True, timeout=60, input=input)
        if check and proc.returncode != 0:
            raise RuntimeError(f"pressroom {' '.join(args)} failed ({proc.returncode}):\n{proc.stdout}{proc.stderr}")
        return proc

    def config_text(self):
        """The installed example with its paths moved into the temporary folder, and the overrides set."""
        with open(self.example) as f:
            text = f.read()
        text = substitute(text, {"/var/lib/pressroom/pressroom.db": self.db,
                                 "/run/pressroom/pressroom.sock": self.socket,
                                 PREFIX + "/share/pressroom/templates": self.share + "/templates"})
        for key, value in self.overrides.items():
            line = f"{key} = {value}"
            text, n = re.subn(rf"^{key} = .*$", line, text, flags=re.M)
            if n == 0:
                text += line + "\n"
        return text

    def write_config(self):
        with open(self.conf, "w") as f:
            f.write(self.config_text())

    def listen_socket(self):
        """A listening Unix socket at self.socket, as pressroom.socket makes it (for start_app(inherit=True))."""
        self.listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.listener.bind(self.socket)
        os.chmod(self.socket, 0o666)
        self.listener.listen(256)
        return self.listener

    def start_app(self, inherit=False, unit=None, user=None, wait=True, env=None):
        """Start the installed `pressroom serve --config`. inherit: pass self.listener as systemd does (fd 3,
        LISTEN_PID, LISTEN_FDS). unit: a unit file whose seccomp settings to apply (launch.py). user: run as
        this user, with no new privileges and no capabilities, as the unit's User= would. env: the server's
        environment (default: this one's)."""
        cmd = [self.bin, "serve", "--config", self.conf]
        pass_fds = ()
        if inherit or unit:
            opts = []
            if inherit:
                opts += ["--listen-fd", str(self.listener.fileno())]
                pass_fds = (self.listener.fileno(),)
            if unit:
                opts += ["--unit", unit]
            launch = os.path.join(self.dir, "launch.py")  # readable by the user below, wherever the checkout is
            shutil.copy(LAUNCH, launch)
            cmd = [sys.executable, launch, *opts, "--", *cmd]
        if user:
            cmd = ["setpriv", "--reuid", user, "--regid", user if user != "nobody" else "nogroup", "--clear-groups",
                   "--no-new-privs", "--bounding-set=-all", "--inh-caps=-all", "--", *cmd]
        log = open(self.app_log, "ab")
        self.app = harness.spawn(cmd, stdout=log, stderr=log, pass_fds=pass_fds, env=env)  # a group of its own
        log.close()
        if wait and not inherit:
            wait_for_socket(self.app, self.socket, self.log)
        return self.app

    def stop_app(self, timeout=30):
        """SIGTERM the server, wait, then SIGKILL whatever is left of its group; returns its log."""
        harness.stop_group(self.app, signal.SIGTERM, timeout)
        return self.log()

    def log(self):
        return read_text(self.app_log)

    def worker_pids(self):
        with open(f"/proc/{self.app.pid}/task/{self.app.pid}/children") as f:
            return sorted(int(p) for p in f.read().split())

    # ---- nginx ----

    def nginx_site(self, doc, block):
        """The documented site with only addresses, certificate and paths substituted."""
        cert, key = self.cert
        return substitute(doc_block(doc, block), {
            "listen 443 ssl http2;": f"listen 127.0.0.1:{self.port} ssl http2;",
            "listen [::]:443 ssl http2;": "",
            f"/etc/letsencrypt/live/{HOST}/fullchain.pem": cert,
            f"/etc/letsencrypt/live/{HOST}/privkey.pem": key,
            PREFIX + "/share/pressroom/www/": self.share + "/www/",
            "/run/pressroom/pressroom.sock": self.socket,
        }, {
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen [::]:80;": "",
            "listen 80 default_server;": f"listen 127.0.0.1:{self.http_port} default_server;",
            "listen [::]:80 default_server;": "",
            "listen 443 ssl http2 default_server;": f"listen 127.0.0.1:{self.port} ssl http2 default_server;",
            "listen [::]:443 ssl http2 default_server;": "",
            "root /var/www/html;": f"root {self.dir}/acme;",
            "/var/cache/nginx/pressroom": os.path.join(self.dir, "cache"),
            "/var/lib/pressroom/media/": os.path.join(self.data, "media") + "/",
        })

    def start_nginx(self):
        """nginx with the documented site, on an HTTPS and an HTTP port of its own (harness.start_nginx)."""
        self.cert = self_signed(self.dir)
        self.nginx, (self.port, self.http_port) = start_nginx(self.dir, self.nginx_conf_text, nports=2)

    def nginx_conf_text(self, ports):
        self.port, self.http_port = ports
        site = self.nginx_site(*self.site)
        # As root, nginx's workers would become "nobody", who cannot read a temporary folder kept by root.
        user_line = "user root root;" if os.getuid() == 0 else ""
        return f"""{user_line}
daemon off;
worker_processes 2;
pid {self.dir}/nginx.pid;
error_log {self.dir}/log/nginx-error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {self.dir}/log/nginx-access.log;
    client_body_temp_path {self.dir}/tmp/client_body;
    fastcgi_temp_path {self.dir}/tmp/fastcgi;
    proxy_temp_path {self.dir}/tmp/proxy;
    uwsgi_temp_path {self.dir}/tmp/uwsgi;
    scgi_temp_path {self.dir}/tmp/scgi;
    sendfile on;
# ---- the documented site (docs/{self.site[0]}, block {self.site[1]}) ----
{site}
}}
"""

    def nginx_log(self):
        return read_text(os.path.join(self.dir, "log", "nginx-error.log"))

    def wait_ready(self, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                if self.get("/")[0] < 500:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError("the site did not answer:\n" + self.log() + self.nginx_log())

    # ---- requests ----

    def get(self, path, method="GET", headers=None, body=None, source="127.0.0.1", tls=True, timeout=15):
        """One request through nginx (HTTPS unless tls=False: then the port-80 server), Host press.example.org.
        Returns (status, headers as a dict with lower-case names, body as text), like harness.Site.get, so
        harness.Client works on a Deployment."""
        if tls:
            conn = NamedHTTPSConnection("127.0.0.1", self.port, timeout=timeout, source_address=(source, 0),
                                        context=tls_context())
        else:
            conn = http.client.HTTPConnection("127.0.0.1", self.http_port, timeout=timeout,
                                              source_address=(source, 0))
        return request(conn, path, method, headers, body, host=HOST)

    def get_in_background(self, path):
        """Start a request in a thread; returns a function that waits for it and returns get()'s result."""
        result = {}

        def run():
            try:
                result["value"] = self.get(path, timeout=30)
            except Exception as e:  # handed to the caller
                result["error"] = e

        t = threading.Thread(target=run, daemon=True)
        t.start()

        def wait(timeout=30):
            t.join(timeout)
            if "error" in result:
                raise result["error"]
            return result.get("value")

        return wait

    def alpn(self):
        """The application protocol nginx picks when the client offers h2 and http/1.1."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as raw:
            with tls_context(["h2", "http/1.1"]).wrap_socket(raw, server_hostname=HOST) as s:
                return s.selected_alpn_protocol(), s.version()
