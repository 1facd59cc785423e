"""test_limits.py: a file-size limit or a full disk never kills a worker or loses a form. Under a limit on
file size (ulimit -f, RLIMIT_FSIZE) a publish that cannot grow the database answers 503 with the typed
form, no worker dies, and publishing works once the limit is lifted. nginx keeps bodies up to the limit in
memory, so a form still arrives when it cannot write a temporary file (a full disk), and its own 500 gets
the styled page: checked in script/nginx-conf and in the server blocks of docs/deploy.md and docs/scaling.md."""
import contextlib
import os
import re
import resource
import shutil
import subprocess
import unittest

import deploy
import harness
from harness import SOURCE, Client, Site, start_nginx, stop_nginx
from test_durability import PUBLISHER, publish_form, published_titles

STYLED_5XX = "The site is briefly unavailable"
NEAR_LIMIT = 1000 * 1000  # bytes: just under client_max_body_size 1m


# A WAL of 7 pages fits under it, and the 32 KB -shm index that every reader maps; a statement with a long
# body needs many more pages, so its commit cannot be written.
FSIZE = 32768
LONG_BODY = "A paragraph that the press officer typed with care. " * 1200  # 63,600 characters


@contextlib.contextmanager
def file_size_limit(limit):
    """RLIMIT_FSIZE lowered in this process, so that what it starts inherits it; put back on leaving (the
    soft limit only: lowering and raising it needs no privilege)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


def long_statement(title):
    return dict(publish_form(title), body=LONG_BODY)


class FileSizeLimit(unittest.TestCase):
    def test_a_publish_that_cannot_grow_the_database_keeps_the_form_and_kills_nothing(self):
        with Site(users=[PUBLISHER], workers=2) as site:
            client = Client(site)
            self.assertEqual(client.login(PUBLISHER[0], PUBLISHER[2])[0], 303)
            # The same server restarted under `ulimit -f` (the session stays valid: it is in the database).
            self.assertEqual(site.stop_app(), 0)
            with file_size_limit(FSIZE):
                site.start_app()
            self.assertEqual(resource.prlimit(site.app.pid, resource.RLIMIT_FSIZE)[0], FSIZE)
            client.request("/admin/new")
            workers = site.worker_pids()
            for n in range(6):  # enough to reach both workers
                title = f"Statement kept through a full file {n}"
                status, _, body = client.post("/admin/new", long_statement(title))
                self.assertEqual(status, 503, body[:2000])
                self.assertIn("Nothing was lost from this form", body)
                self.assertIn(f'value="{title}"', body)  # the typed form comes back, body and all
                self.assertIn(LONG_BODY[:200], body)
            self.assertIsNone(site.app.poll())
            self.assertEqual(site.worker_pids(), workers, "a worker died:\n" + site.log())
            self.assertNotIn("killed by signal", site.log())
            # The limit lifted (a restart without it), the same form publishes.
            self.assertEqual(site.stop_app(), 0)
            site.start_app()
            status, headers, _ = client.post("/admin/new", long_statement("Published once the limit went"))
            self.assertEqual(status, 303)
            self.assertIn("done=published", headers["location"])
            titles = published_titles(site.db)
            self.assertIn("Published once the limit went", titles)
            self.assertFalse([t for t in titles if "kept through a full file" in t])


def break_body_temp_path(folder):
    """Make nginx unable to write a request body to a temporary file, as on a full disk: its folder becomes a
    plain file (nginx would recreate a missing folder; root would write through a mode of 000)."""
    path = os.path.join(folder, "tmp", "client_body")
    shutil.rmtree(path, ignore_errors=True)
    with open(path, "w") as f:
        f.write("not a folder\n")


def mend_body_temp_path(folder):
    path = os.path.join(folder, "tmp", "client_body")
    if os.path.isfile(path):
        os.remove(path)


def small_body_buffer(conf):
    """The same configuration with bodies over 8 KB written to disk: the only way left to make nginx fail."""
    conf, n = re.subn(r"client_body_buffer_size 1m;", "client_body_buffer_size 8k;", conf)
    assert n == 1, "expected client_body_buffer_size 1m; in the configuration"
    return conf


def login_form(size):
    return "username=ed&password=x&csrf=" + "a" * (size - len("username=ed&password=x&csrf="))


class BodiesInMemory:
    """What each shipped nginx configuration must do; the subclasses say how to run it."""

    def post(self, size):
        raise NotImplementedError

    def test_a_form_near_the_limit_arrives_when_nginx_cannot_write_to_disk(self):
        break_body_temp_path(self.folder)
        status, _, body = self.post(NEAR_LIMIT)
        # The application's answer (a refused sign-in), not nginx's failure to buffer the body.
        self.assertIn(status, (400, 403, 422, 429), body[:500])
        self.assertNotIn(STYLED_5XX, body)

    def test_nginxs_own_500_gets_the_styled_page(self):
        self.restart_with(small_body_buffer)
        break_body_temp_path(self.folder)
        status, _, body = self.post(60 * 1000)
        self.assertEqual(status, 500)
        self.assertIn(STYLED_5XX, body)
        self.assertIn("client_body", self.nginx_log())  # it is the temporary file that failed


class ScriptNginxConf(BodiesInMemory, unittest.TestCase):
    def setUp(self):
        self.site = Site(workers=1).__enter__()
        self.addCleanup(self.site.__exit__, None, None, None)
        self.folder = self.site.dir
        self.addCleanup(mend_body_temp_path, self.folder)

    def post(self, size):
        return self.site.get("/admin/login", "POST", {"Content-Type": "application/x-www-form-urlencoded"},
                             login_form(size))

    def nginx_log(self):
        with open(os.path.join(self.folder, "log", "nginx-error.log")) as f:
            return f.read()

    def restart_with(self, change):
        stop_nginx(self.site.nginx)
        self.site.nginx = None

        def conf(ports):
            return change(subprocess.run(
                [os.path.join(SOURCE, "script/nginx-conf"), self.folder, str(ports[0]), self.site.socket,
                 os.path.join(os.path.abspath(SOURCE), "www")], capture_output=True, text=True, check=True).stdout)
        self.site.nginx, (self.site.port,) = start_nginx(self.folder, conf)


class DocumentedBlock(BodiesInMemory):
    site = None

    def setUp(self):
        self.d = deploy.Deployment(site=self.site).__enter__()
        self.addCleanup(self.d.__exit__, None, None, None)
        self.folder = self.d.dir
        self.addCleanup(mend_body_temp_path, self.folder)

    def post(self, size):
        return self.d.get("/admin/login", "POST", {"Content-Type": "application/x-www-form-urlencoded"},
                          login_form(size))

    def nginx_log(self):
        return self.d.nginx_log()

    def restart_with(self, change):
        stop_nginx(self.d.nginx)
        self.d.nginx = None
        plain = self.d.nginx_conf_text
        self.d.nginx, (self.d.port, self.d.http_port) = start_nginx(
            self.folder, lambda ports: change(plain(ports)), nports=2)


class DeployBlock(DocumentedBlock, unittest.TestCase):
    site = ("deploy.md", "nginx-site")


class ScalingBlock(DocumentedBlock, unittest.TestCase):
    site = ("scaling.md", "nginx-cache")


if __name__ == "__main__":
    harness.main()
