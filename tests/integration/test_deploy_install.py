"""test_deploy_install.py: docs/deploy.md, followed. `cmake --install` into a temporary DESTDIR puts each
file where the document says; the example configuration names every key and passes `config check`; the
systemd units pass `systemd-analyze verify` and `security`, and the backup unit's own command makes a sound
dated backup and keeps 14 days; the INSTALLED binary, configured from the installed example, behind nginx
running the document's server block (self-signed certificate, HTTP/2), serves the site; and it starts and
answers under the unit's seccomp settings (system call filter, address families, no write-and-execute
memory) as an unprivileged user with no new privileges and no capabilities, as systemd would start it.

What this machine cannot show: a real systemd (it is not PID 1 here) applying the mount-namespace directives
(ProtectSystem=, PrivateTmp= and the like) and a real certificate."""
import datetime
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

from deploy import HOST, PREFIX, SANITIZED, Deployment, install
import harness
from harness import SOURCE, Client

STATEMENT = "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"
PUBLISHER = ("alice", "publisher", "correct horse battery")
UNITS = ("pressroom.service", "pressroom.socket", "pressroom-backup.service", "pressroom-backup.timer")


def config_keys():
    """The keys the program knows, from its own table in src/config.c."""
    with open(os.path.join(SOURCE, "src", "config.c")) as f:
        keys = re.findall(r'^\s*\{"(\w+)", [A-Z_]+, ', f.read(), re.M)
    assert len(keys) >= 20, keys
    return keys


def read(path):
    with open(path) as f:
        return f.read()


class Layout(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.mkdtemp(prefix="pressroom-install-")
        cls.root = os.path.join(cls.dir, "root")
        install(cls.root)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.dir, ignore_errors=True)

    def path(self, p):
        return self.root + p

    def test_every_file_lands_where_deploy_md_says(self):
        binary = self.path(PREFIX + "/bin/pressroom")
        self.assertTrue(os.access(binary, os.X_OK))
        version = subprocess.run([binary, "--version"], capture_output=True, text=True, timeout=10)
        self.assertRegex(version.stdout, r"^pressroom \d+\.\d+\.\d+\n$")
        self.assertEqual(sorted(os.listdir(self.path(PREFIX + "/share/pressroom/templates"))),
                         sorted(f for f in os.listdir(os.path.join(SOURCE, "templates")) if f.endswith(".tpl")))
        for f in ("style.css", "admin.css", "print.css", "favicon.svg", "errors/4xx.html", "errors/5xx.html"):
            self.assertTrue(os.path.isfile(self.path(PREFIX + "/share/pressroom/www/" + f)), f)
        self.assertTrue(os.path.isfile(self.path("/etc/pressroom/pressroom.conf.example")))
        self.assertFalse(os.path.exists(self.path("/etc/pressroom/pressroom.conf")))  # never overwritten
        self.assertEqual(sorted(os.listdir(self.path(PREFIX + "/lib/systemd/system"))), sorted(UNITS))
        docs = os.listdir(self.path(PREFIX + "/share/doc/pressroom"))
        for f in ("README.md", "deploy.md", "scaling.md", "security.md", "architecture.md"):
            self.assertIn(f, docs)
        # Nothing else: no data folder (systemd's StateDirectory= makes it), nothing outside these places.
        self.assertEqual(sorted(os.listdir(self.root)), ["etc", "usr"])
        self.assertEqual(sorted(os.listdir(self.path(PREFIX))), ["bin", "lib", "share"])

    def test_installed_text_names_installed_paths_only(self):
        texts = [self.path("/etc/pressroom/pressroom.conf.example")] + [
            self.path(PREFIX + "/lib/systemd/system/" + u) for u in UNITS]
        for p in texts:
            text = read(p)
            self.assertNotRegex(text, r"@[A-Z_]+@", p)  # every configure_file variable was filled in
            self.assertNotIn(os.path.abspath(SOURCE), text, p)
        service = read(self.path(PREFIX + "/lib/systemd/system/pressroom.service"))
        self.assertIn(f"ExecStart={PREFIX}/bin/pressroom serve --config /etc/pressroom/pressroom.conf\n", service)
        self.assertIn(f"ExecStartPre={PREFIX}/bin/pressroom db migrate --db /var/lib/pressroom/pressroom.db\n", service)
        example = read(self.path("/etc/pressroom/pressroom.conf.example"))
        self.assertIn(f"\ntemplates = {PREFIX}/share/pressroom/templates\n", example)
        self.assertIn("\ndatabase = /var/lib/pressroom/pressroom.db\n", example)
        self.assertIn("\nsocket = /run/pressroom/pressroom.sock\n", example)

    def test_the_example_documents_every_key_and_checks_ok(self):
        example = self.path("/etc/pressroom/pressroom.conf.example")
        text = read(example)
        deploy_md = read(os.path.join(SOURCE, "docs", "deploy.md"))
        for key in config_keys():
            self.assertRegex(text, rf"(?m)^#? ?{key} = \S", f"{key} is not in the example")
            self.assertIn(f"`{key}`", deploy_md, f"{key} is not in docs/deploy.md's table")
        binary = self.path(PREFIX + "/bin/pressroom")
        # config check also checks the machine (the database, the templates): the example's paths are moved
        # into the temporary folder, where `db init` alone made the database.
        data = os.path.join(self.dir, "data")
        os.makedirs(data, exist_ok=True)
        subprocess.run([binary, "db", "init", "--db", data + "/pressroom.db"], check=True, capture_output=True)
        text = (text.replace("/var/lib/pressroom", data).replace("/run/pressroom", data)
                .replace(PREFIX + "/share/pressroom/templates", self.path(PREFIX + "/share/pressroom/templates")))
        example = os.path.join(self.dir, "example.conf")
        with open(example, "w") as f:
            f.write(text)
        proc = subprocess.run([binary, "config", "check", "--config", example], capture_output=True, text=True,
                              timeout=10)
        self.assertEqual((proc.returncode, proc.stdout), (0, example + ": ok\n"), proc.stderr)
        # site_url is left for the reader to set, so the check reminds them (absolute links: docs/deploy.md);
        # and a site made by db init alone has no clocks and no contacts, which the header would lack.
        self.assertEqual(proc.stderr, f"{example}: warning: site_url is not set: absolute links will use the "
                                      "database's, else nginx's PRESSROOM_BASE_URL, else its server_name "
                                      "(docs/deploy.md)\n"
                                      f"{example}: warning: the site has no clock cities and no contacts, so its "
                                      "header shows neither (dates use site_zone, else UTC): set them with "
                                      "pressroom site clocks CITY=ZONE ... and pressroom site set contact-phone "
                                      "... (docs/deploy.md)\n")
        # ... and with every commented default switched on, it still checks ok: the defaults shown are valid.
        on = re.sub(r"(?m)^# (\w+ = .*)$", r"\1", text)
        on = re.sub(r"(?m)^listen = .*\n", "", on)  # socket or listen, not both
        with open(os.path.join(self.dir, "all.conf"), "w") as f:
            f.write(on)
        proc = subprocess.run([binary, "config", "check", "--config", f.name], capture_output=True, text=True,
                              timeout=10)
        self.assertEqual(proc.returncode, 0, proc.stderr)

    def test_the_units_pass_systemd_analyze(self):
        # verify checks that ExecStart's program exists: point the copies at the staged binary.
        staged = os.path.join(self.dir, "units")
        os.makedirs(staged, exist_ok=True)
        for u in UNITS:
            with open(os.path.join(staged, u), "w") as f:
                f.write(read(self.path(PREFIX + "/lib/systemd/system/" + u)).replace(
                    PREFIX + "/bin/pressroom", self.path(PREFIX + "/bin/pressroom")))
        proc = subprocess.run(["systemd-analyze", "verify", *UNITS], cwd=staged, capture_output=True, text=True,
                              timeout=60)
        self.assertEqual((proc.returncode, proc.stdout + proc.stderr), (0, ""))
        for unit in ("pressroom.service", "pressroom-backup.service"):
            proc = subprocess.run(["systemd-analyze", "security", "--offline=true", "--threshold=15", "--no-pager",
                                   unit], cwd=staged, capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertRegex(proc.stdout, r"Overall exposure level for " + unit + r": [01]\.\d")

    def test_the_service_unit_has_the_sandbox_deploy_md_describes(self):
        service = read(self.path(PREFIX + "/lib/systemd/system/pressroom.service")).splitlines()
        for line in ("User=pressroom", "Group=pressroom", "StateDirectory=pressroom", "ProtectSystem=strict",
                     "ProtectHome=yes", "PrivateTmp=yes", "NoNewPrivileges=yes", "CapabilityBoundingSet=",
                     "RestrictAddressFamilies=AF_UNIX", "PrivateNetwork=yes", "Restart=on-failure",
                     "Requires=pressroom.socket"):
            self.assertIn(line, service)
        self.assertTrue(any(l.startswith("SystemCallFilter=@system-service ") for l in service))
        socket_unit = read(self.path(PREFIX + "/lib/systemd/system/pressroom.socket")).splitlines()
        for line in ("ListenStream=/run/pressroom/pressroom.sock", "SocketUser=pressroom", "SocketGroup=www-data",
                     "SocketMode=0660"):
            self.assertIn(line, socket_unit)


class BackupUnit(unittest.TestCase):
    def test_the_backup_units_command_keeps_every_backup_apart_and_the_newest_n(self):
        with Deployment(start=False) as d:
            unit = read(d.units + "/pressroom-backup.service")
            self.assertIn("\nTimeoutStartSec=1h\n", unit)  # a oneshot unit would otherwise wait forever
            (exec_start,) = re.findall(r"(?m)^ExecStart=(.*)$", unit)
            env = dict(os.environ)
            env.update(re.findall(r"(?m)^Environment=(\w+)=(.*)$", unit))
            self.assertEqual(env["PRESSROOM_BACKUP_KEEP"], "14")
            # What systemd does to the line before running it: "%%" is "%", "$$" is "$" (and nothing else is
            # left for it to expand).
            self.assertNotRegex(exec_start.replace("%%", "").replace("$$", ""), r"[%$]")
            argv = shlex.split(exec_start.replace("%%", "%").replace("$$", "$"))
            self.assertEqual(argv[:2], ["/bin/sh", "-c"])
            script = argv[2].replace("/var/lib/pressroom", d.data).replace(PREFIX + "/bin/pressroom", d.bin)
            backups = os.path.join(d.data, "backups")
            os.makedirs(backups)  # StateDirectory=pressroom/backups
            # 14 older backups of ours, and files that are not ours (an old-style name, notes): never touched.
            older = [f"pressroom-200001{day:02d}-031500.db" for day in range(1, 15)]
            others = ["pressroom-20000101.db", "notes.txt"]
            for name in older + others:
                open(os.path.join(backups, name), "w").close()

            def run_unit():
                proc = subprocess.run(argv[:2] + [script], capture_output=True, text=True, timeout=60, env=env)
                self.assertEqual(proc.returncode, 0, proc.stderr)
                self.assertIn(f"{d.db}: search index merged", proc.stdout)  # the nightly merge ran too
                (made,) = re.findall(r"(?m)^(/.*/pressroom-\d{8}-\d{6}\.db)$", proc.stdout)
                check = d.pressroom("db", "check", "--db", made, check=False)
                self.assertEqual(check.returncode, 0, check.stderr)
                return os.path.basename(made)

            # docs/deploy.md's upgrade: a backup by hand, then the nightly one, at once: two restore points.
            upgrade = run_unit()
            nightly = run_unit()
            self.assertNotEqual(upgrade, nightly)
            self.assertEqual(sorted(os.listdir(backups)), sorted(older[2:] + [upgrade, nightly] + others))
            # Another number kept, as systemctl edit would set it.
            env["PRESSROOM_BACKUP_KEEP"] = "3"
            third = run_unit()
            self.assertEqual(sorted(os.listdir(backups)), sorted([upgrade, nightly, third] + others))


class InstalledTemplates(unittest.TestCase):
    def test_without_a_templates_setting_the_installed_binary_reads_the_installed_templates(self):
        with Deployment(start=False) as d:
            text = re.sub(r"^templates = .*\n", "", d.config_text(), flags=re.M)
            self.assertNotIn("templates =", text)
            with open(d.conf, "w") as f:
                f.write(text)
            # A mark in the installed copy only: the source tree's footer does not have it.
            with open(os.path.join(d.share, "templates", "footer.tpl"), "a") as f:
                f.write("<p>installed-templates-mark</p>\n")
            d.start_app()
            d.start_nginx()
            d.wait_ready()
            status, _, body = d.get("/")
            self.assertEqual(status, 200)
            self.assertIn("installed-templates-mark", body)


class ProductionSite(unittest.TestCase):
    """The installed binary behind the server block of docs/deploy.md."""

    @classmethod
    def setUpClass(cls):
        cls.d = Deployment(users=[PUBLISHER]).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.d.__exit__(None, None, None)

    def test_home_over_tls_and_http2_with_hsts_and_the_apps_headers(self):
        self.assertEqual(self.d.alpn()[0], "h2")
        self.assertIn(self.d.alpn()[1], ("TLSv1.2", "TLSv1.3"))
        status, headers, body = self.d.get("/")
        self.assertEqual(status, 200)
        self.assertIn("Embassy of the Russian Federation", body)
        self.assertEqual(headers["strict-transport-security"], "max-age=63072000")
        self.assertIn("default-src 'none'", headers["content-security-policy"])
        self.assertEqual(headers["cache-control"], "public, max-age=60, stale-while-revalidate=300")
        self.assertNotIn("nginx/", headers.get("server", ""))  # server_tokens off

    def test_statement_and_absolute_links_from_pressroom_base_url(self):
        status, _, body = self.d.get(STATEMENT)
        self.assertEqual(status, 200)
        self.assertIn("Joint statement", body)
        status, _, feed = self.d.get("/feed.atom")
        self.assertEqual(status, 200)
        self.assertIn(f"https://{HOST}{STATEMENT}", feed)

    def test_static_files_come_from_the_install_folder_with_security_headers(self):
        status, headers, body = self.d.get("/static/style.css")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/css"))
        with open(self.d.share + "/www/style.css") as f:
            self.assertEqual(body, f.read())
        for h in ("strict-transport-security", "content-security-policy", "x-content-type-options",
                  "referrer-policy", "x-frame-options"):
            self.assertIn(h, headers)
        self.assertEqual(headers["cache-control"], "max-age=3600")
        status, headers, _ = self.d.get("/favicon.ico")
        self.assertEqual((status, headers["content-type"]), (200, "image/svg+xml"))
        self.assertEqual(self.d.get("/static/nothing.css")[0], 404)

    def test_health_from_localhost_only(self):
        status, headers, body = self.d.get("/health")
        self.assertEqual((status, body), (200, "ok\n"))
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertEqual(self.d.get("/health", source="127.0.0.2")[0], 403)  # nginx's allow/deny

    def test_admin_sign_in_over_tls_gives_a_secure_cookie(self):
        status, headers, body = self.d.get("/admin/login")
        self.assertEqual(status, 200)
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertIn('name="password"', body)
        c = Client(self.d)
        status, headers, _ = c.login(PUBLISHER[0], PUBLISHER[2])
        self.assertEqual(status, 303)
        # nginx says HTTPS=on (fastcgi_params): Secure, and named __Host- so no other site can plant one.
        session = [s for s in headers["set-cookie-all"] if s.startswith("__Host-pressroom_session=")]
        self.assertEqual(len(session), 1)
        self.assertIn("; Path=/;", session[0])
        self.assertIn("; Secure", session[0])
        self.assertEqual(c.request("/admin")[0], 200)

    def test_port_80_redirects_to_https_but_serves_certificate_challenges(self):
        status, headers, _ = self.d.get("/messages?page=2", tls=False)
        self.assertEqual((status, headers["location"]), (301, f"https://{HOST}/messages?page=2"))
        token = os.path.join(self.d.dir, "acme/.well-known/acme-challenge/t0ken")
        with open(token, "w") as f:
            f.write("challenge\n")
        self.assertEqual(self.d.get("/.well-known/acme-challenge/t0ken", tls=False)[::2], (200, "challenge\n"))

    def test_limits_body_and_errors(self):
        status, _, body = self.d.get("/admin/login", method="POST", body="x" * (1024 * 1024 + 1),
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 413)  # client_max_body_size 1m, as body_limit
        status, _, body = self.d.get("/no/such/page")
        self.assertEqual(status, 404)
        self.assertIn("Embassy of the Russian Federation", body)  # the application's styled page
        status, _, body = self.d.get("/" + "a" * 20000)
        self.assertEqual(status, 414)
        self.assertIn("This request cannot be answered", body)  # www/errors/4xx.html

    def test_the_login_rate_limit(self):
        statuses = [self.d.get("/admin/login", source="127.0.0.5")[0] for _ in range(20)]
        self.assertIn(429, statuses)  # burst 10 at 30 a minute
        self.assertEqual(statuses[:10], [200] * 10)
        self.assertEqual(self.d.get("/admin/login", source="127.0.0.6")[0], 200)  # per address

    def test_a_stopped_server_gets_the_styled_502_page(self):
        self.d.stop_app()  # without pressroom.socket: nothing listens (with it, systemd would start the service)
        try:
            status, _, body = self.d.get("/")
            self.assertEqual(status, 502)
            with open(self.d.share + "/www/errors/5xx.html") as f:
                self.assertEqual(body, f.read())
        finally:
            self.d.start_app()
            self.d.wait_ready()


class UnitSandbox(unittest.TestCase):
    """The installed server as pressroom.service starts it, as far as this machine can: socket passed by
    the protocol of systemd, an unprivileged user, no new privileges, no capabilities, and the unit's own
    seccomp settings (launch.py reads them from the installed unit)."""

    @classmethod
    def setUpClass(cls):
        if SANITIZED:
            raise unittest.SkipTest("the unit forbids ptrace, which LeakSanitizer needs at exit")
        cls.d = Deployment(config={"workers": "2"}, start=False, users=[PUBLISHER]).__enter__()
        try:
            subprocess.run(["chown", "-R", "nobody:nogroup", cls.d.data], check=True)  # the pressroom user's
            cls.d.listen_socket()  # pressroom.socket's part
            cls.d.start_nginx()
        except BaseException:
            cls.d.__exit__(None, None, None)
            raise

    @classmethod
    def tearDownClass(cls):
        cls.d.__exit__(None, None, None)

    def tearDown(self):
        self.d.stop_app()

    def status(self, pid):
        with open(f"/proc/{pid}/status") as f:
            return dict(line.split(":\t", 1) for line in f.read().splitlines() if ":\t" in line)

    def test_the_server_runs_and_writes_under_the_units_sandbox(self):
        self.d.start_app(inherit=True, unit=self.d.units + "/pressroom.service", user="nobody")
        self.d.wait_ready()
        self.assertEqual(self.d.get("/")[0], 200)
        self.assertEqual(self.d.get(STATEMENT)[0], 200)
        c = Client(self.d)
        self.assertEqual(c.login(PUBLISHER[0], PUBLISHER[2])[0], 303)  # writes a session: the database is writable
        self.assertEqual(c.request("/admin")[0], 200)
        self.assertEqual(self.d.get("/health")[::2], (200, "ok\n"))
        workers = self.d.worker_pids()
        self.assertEqual(len(workers), 2)
        for pid in [self.d.app.pid] + workers:
            st = self.status(pid)
            self.assertEqual(st["Uid"].split()[0], "65534")
            self.assertEqual(st["NoNewPrivs"].strip(), "1")
            self.assertEqual(int(st["CapBnd"], 16), 0)
            self.assertEqual(st["Seccomp"].strip(), "2")
        # The supervisor has the unit's 3 filters; each worker adds its own.
        self.assertGreater(int(self.status(workers[0])["Seccomp_filters"]),
                           int(self.status(self.d.app.pid)["Seccomp_filters"]))
        log = self.d.log()
        self.assertNotIn("cannot start", log)
        self.assertNotIn("starting another", log)

    def test_exec_start_pre_and_the_backup_run_under_their_units_sandboxes(self):
        launch = os.path.join(self.d.dir, "launch.py")
        shutil.copy(os.path.join(os.path.dirname(os.path.abspath(__file__)), "launch.py"), launch)
        setpriv = ["setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "--no-new-privs",
                   "--bounding-set=-all", "--inh-caps=-all", "--"]
        backup = os.path.join(self.d.data, "backup-test.db")
        for unit, args in (("pressroom.service", ["db", "migrate", "--db", self.d.db]),
                           ("pressroom-backup.service", ["db", "backup", backup, "--db", self.d.db]),
                           ("pressroom-backup.service", ["db", "optimize", "--db", self.d.db])):
            proc = subprocess.run([*setpriv, sys.executable, launch, "--unit", os.path.join(self.d.units, unit), "--",
                                   self.d.bin, *args], capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, f"{unit}: {proc.stdout}{proc.stderr}")
        self.assertEqual(self.d.pressroom("db", "check", "--db", backup, check=False).returncode, 0)

    def test_without_the_calls_added_to_system_service_the_workers_cannot_start(self):
        # Why the unit lists landlock_* and seccomp: @system-service alone (systemd 252) lacks them.
        unit = os.path.join(self.d.dir, "bare.service")
        with open(self.d.units + "/pressroom.service") as f:
            text = f.read()
        with open(unit, "w") as f:
            f.write(re.sub(r"(?m)^SystemCallFilter=@system-service .*$", "SystemCallFilter=@system-service", text))
        self.d.start_app(inherit=True, unit=unit, user="nobody")
        deadline = time.time() + 10
        while "worker cannot start" not in self.d.log() and time.time() < deadline:
            time.sleep(0.1)
        self.assertRegex(self.d.log(), r"worker cannot start: (landlock_create_ruleset|cannot install the seccomp)")


if __name__ == "__main__":
    harness.main()
