"""test_signing_key.py: the office's signing key (issue 15, docs/authenticity.md). `pressroom key generate`
makes a 0600 key outside the data folder and never over an existing one; `key show` prints its public key
file; what `key sign` signs, Debian's own minisign verifies (and refuses after one byte changes) with the key
downloaded from the live site's /signing-key.pub; a site without a key answers 404 there, and one whose key
file others may read refuses to start."""
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import unittest

import harness
from harness import run

MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"


def minisign_verify(folder, name, pub):
    """Debian's minisign -Vm on folder/name with folder/name.minisig; returns (exit code, output)."""
    proc = subprocess.run([MINISIGN, "-Vm", name, "-p", pub], cwd=folder, capture_output=True, text=True,
                          timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


class SigningKey(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pressroom-key-")
        self.key = os.path.join(self.dir, "signing.key")
        self.data = os.path.join(self.dir, "data")
        os.makedirs(self.data)
        self.db = os.path.join(self.data, "pressroom.db")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def generate(self):
        proc = run("key", "generate", "--key", self.key, "--db", self.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc

    def test_generate_makes_a_private_key_once_and_outside_the_data_folder(self):
        proc = self.generate()
        self.assertEqual(stat.S_IMODE(os.stat(self.key).st_mode), 0o600)
        lines = proc.stdout.splitlines()
        self.assertEqual(len(lines), 2)
        self.assertRegex(lines[0], r"^untrusted comment: minisign public key [0-9A-F]{16}$")
        self.assertIn("fingerprint", proc.stderr)
        self.assertIn(lines[0][-16:], proc.stderr)
        self.assertEqual(run("key", "show", "--key", self.key).stdout, proc.stdout)

        again = run("key", "generate", "--key", self.key, "--db", self.db)
        self.assertEqual(again.returncode, 1)
        self.assertIn("a key is there already", again.stderr)
        self.assertEqual(run("key", "show", "--key", self.key).stdout, proc.stdout)  # the first key is kept

        run("db", "init", "--db", self.db)
        inside = run("key", "generate", "--key", os.path.join(self.data, "signing.key"), "--db", self.db)
        self.assertEqual(inside.returncode, 1)
        self.assertIn("inside the data folder", inside.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.data, "signing.key")))

        os.chmod(self.key, 0o640)
        loose = run("key", "show", "--key", self.key)
        self.assertEqual(loose.returncode, 1)
        self.assertIn("others may read the secret key (mode 640)", loose.stderr)

    def test_no_key_configured_is_a_clear_usage_error(self):
        proc = run("key", "show", env=dict(os.environ, PRESSROOM_CONFIG=""))
        self.assertEqual(proc.returncode, 2)
        self.assertIn("set signing_key in pressroom.conf", proc.stderr)

    def test_minisign_verifies_what_we_sign_with_the_key_the_site_publishes(self):
        self.generate()
        conf = os.path.join(self.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"signing_key = {self.key}\n")
        env = {"PRESSROOM_CONFIG": conf}
        statement = os.path.join(self.dir, "statement.txt")
        text = "Заявление МИД: текст.\nSecond line.\n".encode()
        with open(statement, "wb") as f:
            f.write(text)
        signed = run("key", "sign", statement, "--comment", "https://embassy.example/releases/7 v1",
                     env=dict(os.environ, **env))
        self.assertEqual(signed.returncode, 0, signed.stderr)

        with harness.Site(env=env) as site:
            status, headers, body = site.get("/signing-key.pub")
            self.assertEqual(status, 200)
            self.assertTrue(headers["content-type"].startswith("text/plain"))
            self.assertEqual(body, run("key", "show", "--key", self.key).stdout)
        self.assertNotIn(open(self.key).read().splitlines()[1], site.log())
        pub = os.path.join(self.dir, "signing-key.pub")
        with open(pub, "w") as f:
            f.write(body)

        code, out = minisign_verify(self.dir, "statement.txt", pub)
        self.assertEqual(code, 0, out)
        self.assertIn("Trusted comment: https://embassy.example/releases/7 v1", out)

        for where in (0, len(text) // 2, len(text) - 1):
            changed = bytearray(text)
            changed[where] ^= 0x01
            with open(statement, "wb") as f:
                f.write(bytes(changed))
            code, out = minisign_verify(self.dir, "statement.txt", pub)
            self.assertNotEqual(code, 0, f"a change at byte {where} was not caught: {out}")
            self.assertIn("Signature verification failed", out)

    def test_without_a_key_the_site_has_no_public_key(self):
        with harness.Site(seed=False) as site:
            status, _, body = site.get("/signing-key.pub")
            self.assertEqual(status, 404)
            self.assertIn("no signing key is configured", body)

    def test_a_key_others_may_read_stops_the_server_at_start(self):
        self.generate()
        os.chmod(self.key, 0o644)
        conf = os.path.join(self.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"signing_key = {self.key}\n")
        run("db", "init", "--db", self.db)
        proc = run("serve", "--socket", os.path.join(self.dir, "s.sock"), "--db", self.db,
                   env=dict(os.environ, PRESSROOM_CONFIG=conf))
        self.assertEqual(proc.returncode, 1)
        self.assertIn("others may read the secret key (mode 644)", proc.stderr)
        # config check says so beforehand, with the line.
        check = run("config", "check", conf)
        self.assertEqual(check.returncode, 1, check.stdout + check.stderr)
        self.assertIn(f"{conf}:1: signing_key {self.key}: others may read the secret key (mode 644)", check.stderr)
        os.chmod(self.key, 0o600)
        check = run("config", "check", conf)
        self.assertNotIn("signing_key", check.stderr)

    def test_a_worker_cannot_open_the_key_file(self):
        # The intruder of tests/probe/sandbox_probe.c, preloaded into the server, tries to open the key from
        # inside a sandboxed worker. The key belongs to the workers' own user here, so only the sandbox
        # (Landlock: the key is outside every folder a worker may read) can stop it.
        self.generate()
        if os.geteuid() == 0:
            os.chown(self.key, 65534, 65534)
        conf = os.path.join(self.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"signing_key = {self.key}\n")
        outside = os.path.join(self.dir, "outside")
        os.makedirs(outside)
        with open(os.path.join(outside, "victim"), "w") as f:
            f.write("untouched\n")
        listener = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(listener.close)
        probe = os.environ.get("PRESSROOM_PROBE") or os.path.join(os.path.dirname(harness.BIN), "tests/sandbox_probe.so")
        env = {"PRESSROOM_CONFIG": conf, "LD_PRELOAD": probe, "PRESSROOM_PROBE_KEY": self.key,
               "PRESSROOM_PROBE_DIR": outside, "PRESSROOM_PROBE_PORT": str(listener.getsockname()[1])}
        if "ASAN_OPTIONS" in os.environ:
            env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"] + ":verify_asan_link_order=0"
        with harness.Site(seed=False, workers=1, env=env) as site:
            self.assertEqual(site.get("/signing-key.pub")[0], 200)
            # The worker and the signer, which names itself once forked (signer.c): wait for the name.
            deadline = time.time() + 20
            while True:
                children = site.children_named()
                workers = [pid for pid, name in children.items() if name != "pressroom-sign"]
                if len(children) == 2 and len(workers) == 1:
                    break
                self.assertLess(time.time(), deadline, f"not one worker and one signer: {children}")
                time.sleep(0.05)
            pid = workers[0]
            os.kill(pid, signal.SIGUSR2)
            deadline = time.time() + 10
            while time.time() < deadline and f"probe {pid} exec" not in site.log():
                time.sleep(0.05)
            results = dict(re.findall(rf"^probe {pid} ([\w ]+) = (-?\d+ errno \d+)$", site.log(), re.M))
            self.assertIn("read key", results, site.log())
            self.assertEqual(results["read key"], "-1 errno 13", "a sandboxed worker opened the secret key")


harness.main()
