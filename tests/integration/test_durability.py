"""test_durability.py: nothing a press officer was told is published is ever lost. The whole server is
killed with SIGKILL at random moments while statements are being published; a worker is killed every few
seconds under a mixed load; backups are taken while writing, checked, and restored. Also the sandbox:
workers run unprivileged, and one that tries to run a program is killed."""
import errno
import http.client
import os
import random
import re
import shutil
import signal
import sqlite3
import socket
import subprocess
import tempfile
import threading
import time
import unittest

import harness
from harness import Client, Site, run

PUBLISHER = ("alice", "publisher", "correct horse battery")


def publish_form(title):
    now = time.gmtime()
    return {"kind": "release", "item_type": "statement", "title": title, "date": time.strftime("%Y-%m-%d", now),
            "time": time.strftime("%H:%M", now), "zone": "London", "teaser": "t", "body": "Body of " + title,
            "signature": "", "action": "publish"}


class Publisher(threading.Thread):
    """Publishes statements until stopped; remembers the titles whose publication was acknowledged."""

    def __init__(self, site, prefix, source="127.0.0.1"):
        super().__init__(daemon=True)
        self.site, self.prefix, self.source = site, prefix, source
        self.acknowledged, self.errors, self.stop = [], 0, threading.Event()

    def run(self):
        try:
            client = Client(self.site, self.source)
            if client.login(PUBLISHER[0], PUBLISHER[2])[0] != 303:
                return
            n = 0
            while not self.stop.is_set():
                title = f"{self.prefix} statement {n}"
                n += 1
                try:
                    status, headers, _ = client.post("/admin/new", publish_form(title))
                except (OSError, http.client.HTTPException):  # killed mid-answer: not acknowledged
                    status = 0
                if status == 303 and "done=published" in headers.get("location", ""):
                    self.acknowledged.append(title)
                else:
                    self.errors += 1
        except (OSError, http.client.HTTPException):
            pass  # the server was killed under us


def kill_everything(site):
    """SIGKILL the whole server at once, a power cut as far as it can tell: pressroom's process group (the
    supervisor and its workers) and nginx's (master and workers). Then nothing may answer on the port."""
    harness.kill_group(site.app)
    harness.kill_group(site.nginx)
    with socket.socket() as s:
        if s.connect_ex(("127.0.0.1", site.port)) != errno.ECONNREFUSED:
            raise AssertionError(f"something still listens on port {site.port} after the kill")


def published_titles(db):
    out = subprocess.run(["sqlite3", db, "SELECT title FROM item WHERE status = 'published'"],
                         capture_output=True, text=True, check=True).stdout
    return set(out.splitlines())


class Durability(unittest.TestCase):
    def test_sigkill_at_random_moments_loses_nothing_acknowledged(self):
        rng = random.Random(20261128)
        kills, acknowledged = 20, []
        with Site(users=[PUBLISHER], workers=2) as site:
            for cycle in range(kills):
                writer = Publisher(site, f"cycle {cycle}")
                writer.start()
                time.sleep(rng.uniform(0.3, 1.2))
                kill_everything(site)
                writer.stop.set()
                writer.join(20)
                acknowledged += writer.acknowledged
                check = run("db", "check", "--db", site.db)
                self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
                self.assertIn("ok", check.stdout)
                missing = set(acknowledged) - published_titles(site.db)
                self.assertEqual(missing, set(), f"lost after kill {cycle + 1}")
                # Restart on the same files, as after a crash.
                site.start_app()
                site.start_nginx()  # a new nginx, verified to be the one listening
                site.wait_ready()
        print(f"{kills} kills, {len(acknowledged)} acknowledged publications, none lost, integrity ok")
        self.assertGreater(len(acknowledged), kills)

    def test_worker_killed_every_few_seconds_under_load(self):
        duration, connections, writers = 60, 64, 8
        with Site(users=[PUBLISHER], workers=3) as site:
            stop = threading.Event()
            results = {"ok": 0, "failed": 0}
            lock = threading.Lock()
            paths = ["/", "/messages", "/messages?type=events", "/feed.atom",
                     "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"]

            def reader(i):
                rng = random.Random(i)
                while not stop.is_set():
                    try:
                        # Each reader from its own loopback address: a new connection per request leaves
                        # its port in TIME_WAIT for a minute, and one address's ~28,000 ports run out
                        # once the site answers more than ~470 requests a second.
                        status = site.get(rng.choice(paths), source=f"127.0.0.{10 + i}")[0]
                    except OSError:
                        status = 0
                    with lock:
                        results["ok" if status == 200 else "failed"] += 1

            threads = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(connections - writers)]
            publishers = [Publisher(site, f"load {i}", f"127.0.1.{i + 1}") for i in range(writers)]
            for t in threads + publishers:
                t.start()
            killed, deadline = 0, time.time() + duration
            while time.time() < deadline:
                time.sleep(3)
                workers = site.worker_pids()
                if workers:
                    os.kill(random.choice(workers), signal.SIGKILL)
                    killed += 1
            stop.set()
            for p in publishers:
                p.stop.set()
            for t in threads + publishers:
                t.join(30)
            acknowledged = [t for p in publishers for t in p.acknowledged]
            failed = results["failed"] + sum(p.errors for p in publishers)
            print(f"{duration} s, {connections} connections: {results['ok']} reads ok, {len(acknowledged)} "
                  f"publications, {killed} workers killed, {failed} requests failed")
            # Only a request in flight on a killed worker may fail: at most one per kill.
            self.assertLessEqual(failed, killed)
            self.assertGreater(results["ok"], 1000)
            self.assertEqual(set(acknowledged) - published_titles(site.db), set())
            self.assertEqual(len(re.findall(r"killed by signal 9", site.log())), killed)


class Backup(unittest.TestCase):
    def test_backup_while_publishing_then_restore(self):
        with Site(users=[PUBLISHER], workers=2) as site:
            writer = Publisher(site, "backup")
            writer.start()
            time.sleep(1)
            backup = os.path.join(site.dir, "backup.db")
            made = run("db", "backup", backup, "--db", site.db)
            writer.stop.set()
            writer.join(20)
            self.assertEqual(made.returncode, 0, made.stderr)
            self.assertFalse(os.path.exists(backup + ".partial"))
            self.assertIn("ok", run("db", "check", "--db", backup).stdout)
            in_backup = published_titles(backup)
            self.assertIn("Joint statement by the Russian and Chinese foreign ministries on the Korean Peninsula’s problems",
                          in_backup)
            # Restore into a fresh database and serve it.
            restored = os.path.join(site.dir, "restored.db")
            result = run("db", "restore", backup, "--db", restored)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertEqual(published_titles(restored), in_backup)
            with Site(seed=False) as other:
                self.assertEqual(other.stop_app(), 0)
                for suffix in ("", "-wal", "-shm"):
                    if os.path.exists(other.db + suffix):
                        os.remove(other.db + suffix)
                shutil.copy(restored, other.db)
                other.start_app()
                status, headers, _ = other.get("/releases/1")
                self.assertEqual(status, 301)
                status, _, body = other.get(headers["location"])
                self.assertEqual(status, 200)
                self.assertIn("Joint statement", body)

    def test_check_reports_a_damaged_database_and_restore_refuses_it(self):
        with Site(workers=1) as site:
            damaged = os.path.join(site.dir, "damaged.db")
            self.assertEqual(run("db", "backup", damaged, "--db", site.db).returncode, 0)
            # Overwrite the root page of the item table: random bytes on whatever page 4 holds could land on a
            # free page, which no check can see.
            con = sqlite3.connect(damaged)
            root, page_size = (con.execute("SELECT rootpage FROM sqlite_schema WHERE name = 'item'").fetchone()[0],
                               con.execute("PRAGMA page_size").fetchone()[0])
            con.close()
            with open(damaged, "r+b") as f:
                f.seek((root - 1) * page_size)
                f.write(b"\xa5" * page_size)
            check = run("db", "check", "--db", damaged)
            self.assertEqual(check.returncode, 1)
            restore = run("db", "restore", damaged, "--db", os.path.join(site.dir, "x.db"))
            self.assertEqual(restore.returncode, 1)
            self.assertIn("not a sound backup", restore.stderr)


class Sandbox(unittest.TestCase):
    @unittest.skipUnless(os.geteuid() == 0, "dropping privileges needs root")
    def test_workers_run_unprivileged_and_confined(self):
        with Site(workers=1) as site:
            pid = site.worker_pids()[0]
            with open(f"/proc/{pid}/status") as f:
                status = f.read()
            self.assertRegex(status, r"Uid:\s+65534\s+65534\s+65534\s+65534")
            self.assertRegex(status, r"NoNewPrivs:\s+1")
            self.assertRegex(status, r"Seccomp:\s+2")
            self.assertEqual(os.stat(f"/proc/{site.app.pid}").st_uid, 0)  # only the supervisor stays root

    def test_a_worker_that_tries_to_exec_is_killed_and_replaced(self):
        # The intruder is tests/probe/sandbox_probe.c, preloaded into the server: on SIGUSR2 a worker tries
        # each intrusion below, logs each result, then tries to run a program.
        probe = os.environ.get("PRESSROOM_PROBE") or os.path.join(os.path.dirname(harness.BIN), "tests/sandbox_probe.so")
        outside = tempfile.mkdtemp(prefix="pressroom-probe-")  # not a folder the workers may use
        self.addCleanup(shutil.rmtree, outside, True)
        victim = os.path.join(outside, "victim")
        with open(victim, "w") as f:
            f.write("untouched\n")
        os.chmod(outside, 0o777)
        os.chmod(victim, 0o666)  # writable by the workers' user but for the sandbox
        if os.geteuid() == 0:
            os.chown(victim, 65534, 65534)  # the workers' own file: only the sandbox can stop a chmod
        listener = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(listener.close)
        env = {"LD_PRELOAD": probe, "PRESSROOM_PROBE_DIR": outside,
               "PRESSROOM_PROBE_PORT": str(listener.getsockname()[1])}
        if "ASAN_OPTIONS" in os.environ:  # AddressSanitizer wants its runtime first, before any preloaded library
            env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"] + ":verify_asan_link_order=0"
        with Site(workers=1, env=env) as site:
            pid = site.worker_pids()[0]
            self.assertEqual(site.get("/")[0], 200)  # the worker is serving: its sandbox is in place
            with open(f"/proc/{pid}/status") as f:
                self.assertRegex(f.read(), r"Seccomp:\s+2")
            os.kill(pid, signal.SIGUSR2)
            deadline = time.time() + 10
            while time.time() < deadline and (pid in site.worker_pids() or not site.worker_pids()):
                time.sleep(0.05)
            results = dict(re.findall(rf"^probe {pid} ([\w ]+) = (-?\d+ errno \d+)$", site.log(), re.M))
            for attempt in ("read", "create", "truncate", "chmod", "io_uring_setup", "socket", "connect"):
                self.assertIn(attempt, results, site.log())
                self.assertRegex(results[attempt], r"^-1 errno [1-9]", f"{attempt} succeeded in a sandboxed worker")
            self.assertIn("exec", results)
            self.assertNotIn("exec returned", results)
            self.assertFalse(os.path.exists(os.path.join(outside, "created")))
            with open(victim) as f:
                self.assertEqual(f.read(), "untouched\n")
            self.assertEqual(os.stat(victim).st_mode & 0o777, 0o666)
            listener.setblocking(False)
            self.assertRaises(BlockingIOError, listener.accept)  # no connection came in
            # seccomp killed it on exec; the supervisor replaced it and the site answers.
            self.assertNotIn(pid, site.worker_pids())
            self.assertEqual(len(site.worker_pids()), 1)
            self.assertEqual(site.get("/")[0], 200)
            self.assertIn(f"worker {pid} killed by signal 31", site.log())


if __name__ == "__main__":
    harness.main()
