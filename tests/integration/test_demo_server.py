"""test_demo_server.py: script/server's data (issue 15): script/demo-data, the step script/server takes before it
serves, makes the demo's signing key in the demo folder but outside data/, the database's folder the workers
may write, writes a configuration that `config check` passes, and gives the seeded statements their first
signed versions; served as script/server serves it, a seeded statement downloaded over HTTP verifies with
Debian's minisign and the site's key. A demo made before (its database in the demo folder itself) moves into
data/, and a second run changes nothing."""
import os
import shutil
import sqlite3
import subprocess
import tempfile
import unittest

import harness
from harness import SOURCE, Site, run, start_nginx

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
DEMO_DATA = os.path.join(SOURCE, "script/demo-data")


def demo_data(home):
    proc = subprocess.run([DEMO_DATA, home, "8080"], capture_output=True, text=True, timeout=120,
                          env=dict(os.environ, PRESSROOM_BIN=os.path.abspath(harness.BIN)))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout.strip()


class DemoSite(Site):
    """A Site on script/demo-data's folder and configuration, served as script/server serves it."""

    def __enter__(self):
        self.conf = demo_data(self.dir)
        self.db = os.path.join(self.dir, "data", "pressroom.db")
        self.env["PRESSROOM_CONFIG"] = self.conf
        try:
            self.start_app()
            self.nginx, (self.port,) = start_nginx(self.dir, lambda ports: subprocess.run(
                [os.path.join(SOURCE, "script/nginx-conf"), self.dir, str(ports[0]), self.socket,
                 os.path.join(os.path.abspath(SOURCE), "www"), os.path.join(self.dir, "data")],
                capture_output=True, text=True, check=True).stdout)
            self.wait_ready()
        except BaseException:
            self.__exit__(None, None, None)
            raise
        return self


class DemoServer(unittest.TestCase):
    def test_the_demo_signs_its_statements_with_a_key_the_workers_cannot_reach(self):
        with DemoSite() as site:
            key = os.path.join(site.dir, "keys", "signing.key")
            self.assertEqual(os.stat(key).st_mode & 0o777, 0o600)
            with open(site.conf) as f:
                self.assertIn(f"signing_key = {key}\n", f.read())
            check = run("config", "check", site.conf)
            self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
            self.assertEqual(check.stderr, "")   # not even a warning

            # Every seeded statement has its first version, signed, in the history.
            items = site.query("SELECT count(*) FROM item WHERE status = 'published'")[0][0]
            self.assertGreater(items, 0)
            self.assertEqual(site.query("SELECT count(*), count(signature) FROM item_version")[0], (items, items))
            self.assertEqual(len(site.get("/history.txt")[2].splitlines()), items)
            iid, slug = site.query("SELECT id, slug FROM item WHERE kind = 'release' ORDER BY id LIMIT 1")[0]
            dl = tempfile.mkdtemp(prefix="pressroom-demo-dl-")
            self.addCleanup(shutil.rmtree, dl, True)
            for path, name in (("/signing-key.pub", "signing-key.pub"),
                               (f"/releases/{iid}-{slug}.txt", "statement.txt"),
                               (f"/releases/{iid}-{slug}.txt.minisig", "statement.txt.minisig")):
                status, _, body = site.get(path)
                self.assertEqual(status, 200, f"{path}: {body[:300]}")
                with open(os.path.join(dl, name), "w") as f:
                    f.write(body)
            proc = subprocess.run([MINISIGN, "-Vm", "statement.txt", "-p", "signing-key.pub"], cwd=dl,
                                  capture_output=True, text=True, timeout=60)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertIn(f"Trusted comment: http://127.0.0.1:8080/releases/{iid}-{slug} v1", proc.stdout)

            # Run again (script/server started a second time): nothing new to record, the same key.
            with open(key) as f:
                before = f.read()
            demo_data(site.dir)
            with open(key) as f:
                self.assertEqual(f.read(), before)
            self.assertEqual(site.query("SELECT count(*) FROM item_version")[0][0], items)

    def test_a_demo_from_before_moves_its_database_into_data(self):
        home = tempfile.mkdtemp(prefix="pressroom-demo-old-")
        self.addCleanup(shutil.rmtree, home, True)
        old = os.path.join(home, "pressroom.db")
        self.assertEqual(run("db", "init", "--db", old).returncode, 0)
        self.assertEqual(run("db", "seed", "--db", old).returncode, 0)
        os.makedirs(os.path.join(home, "media"))
        demo_data(home)
        self.assertFalse(os.path.exists(old))
        self.assertTrue(os.path.isdir(os.path.join(home, "data", "media")))
        con = sqlite3.connect(os.path.join(home, "data", "pressroom.db"))
        try:   # its statements were recorded and signed there
            versions, signed = con.execute("SELECT count(*), count(signature) FROM item_version").fetchone()
        finally:
            con.close()
        self.assertGreater(versions, 0)
        self.assertEqual(signed, versions)

harness.main()
