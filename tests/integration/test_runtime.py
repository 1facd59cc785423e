"""test_runtime.py: the server process model and the command line: workers are replaced when they die,
a failing request gets the styled 500 page and the worker goes on, SIGTERM finishes and exits 0, and the
pressroom command answers bad usage with one line, the usage and exit code 2."""
import os
import signal
import socket
import subprocess
import tempfile
import time
import unittest

import harness
from harness import BIN, SOURCE, Site, free_port, run

STATEMENT_PATH = "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"


class Workers(unittest.TestCase):
    def test_a_killed_worker_is_replaced_and_the_site_keeps_answering(self):
        with Site(workers=2) as site:
            before = site.worker_pids()
            self.assertEqual(len(before), 2)
            os.kill(before[0], signal.SIGKILL)
            deadline = time.time() + 5
            while time.time() < deadline:
                after = site.worker_pids()
                if len(after) == 2 and before[0] not in after:
                    break
                time.sleep(0.05)
            self.assertEqual(len(after), 2)
            self.assertNotIn(before[0], after)
            for _ in range(10):
                self.assertEqual(site.get("/")[0], 200)
            self.assertIn(f"worker {before[0]} killed by signal 9", site.log())

    def test_workers_read_the_database_through_a_memory_map(self):
        # PRAGMA mmap_size (db.c): pages are read from a map of the file, not by a pread each, which cost a
        # detail page nine system calls (docs/performance.md). Every worker that answered has it mapped.
        with Site(workers=1) as site:
            self.assertEqual(site.get(STATEMENT_PATH)[0], 200)
            worker = [pid for pid, name in site.children_named().items() if name == "pressroom"][0]
            with open(f"/proc/{worker}/maps") as f:
                mapped = [line.split()[-1] for line in f if len(line.split()) >= 6]
            self.assertIn(os.path.realpath(site.db), [os.path.realpath(m) for m in mapped])

    def test_a_failing_request_gets_the_styled_500_and_the_worker_goes_on(self):
        with Site(workers=1) as site:
            pids = site.worker_pids()
            site.execute("ALTER TABLE item RENAME TO item_moved")
            status, _, body = site.get(STATEMENT_PATH)
            self.assertEqual(status, 500)
            self.assertIn("500 Internal Server Error", body)
            self.assertIn("Embassy of the Russian Federation", body)  # the styled page, settings still read
            site.execute("ALTER TABLE item_moved RENAME TO item")
            self.assertEqual(site.get(STATEMENT_PATH)[0], 200)
            self.assertEqual(site.worker_pids(), pids)
            self.assertIn("error: 500 GET", site.log())

    def test_sigterm_finishes_and_exits_zero_and_removes_the_socket(self):
        site = Site(workers=2).__enter__()
        try:
            self.assertEqual(site.get("/")[0], 200)
            self.assertEqual(site.stop_app(), 0)
            self.assertFalse(os.path.exists(site.socket))
            self.assertIn("stopped", site.log())
        finally:
            site.__exit__(None, None, None)

    def test_serve_refuses_a_socket_another_server_answers_on(self):
        with Site(workers=1) as site:
            second = run("serve", "--socket", site.socket, "--db", site.db, "--templates",
                         os.path.join(SOURCE, "templates"))
            self.assertEqual(second.returncode, 1)
            self.assertIn("another server is answering", second.stderr)
            self.assertEqual(site.get("/")[0], 200)

    def test_listen_binds_the_given_loopback_address_only(self):
        with Site(workers=1) as site:
            port = free_port()
            proc = subprocess.Popen([BIN, "serve", "--listen", f"127.0.0.1:{port}", "--db", site.db, "--workers", "1",
                                     "--templates", os.path.join(SOURCE, "templates")],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            try:
                deadline = time.time() + 5
                while time.time() < deadline:
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=1).close()
                        break
                    except OSError:
                        time.sleep(0.05)
                with open("/proc/net/tcp") as f:
                    listening = [line.split()[1] for line in f.readlines()[1:] if line.split()[3] == "0A"]
                self.assertIn(f"0100007F:{port:04X}", listening)
                self.assertNotIn(f"00000000:{port:04X}", listening)
            finally:
                proc.send_signal(signal.SIGTERM)
                self.assertEqual(proc.wait(20), 0)


class CommandLine(unittest.TestCase):
    def assertUsageError(self, proc, message):
        self.assertEqual(proc.returncode, 2, proc.stderr)
        first = proc.stderr.splitlines()[0]
        self.assertEqual(first, "pressroom: " + message)
        self.assertIn("usage: pressroom serve", proc.stderr)

    def test_help_and_version(self):
        proc = run("--help")
        self.assertEqual(proc.returncode, 0)
        self.assertIn("usage: pressroom serve", proc.stdout)
        proc = run("--version")
        self.assertEqual(proc.returncode, 0)
        self.assertRegex(proc.stdout, r"^pressroom \d+\.\d+\.\d+\n$")

    def test_bad_usage_is_one_line_and_exit_2(self):
        self.assertUsageError(run(), "a command is needed")
        self.assertUsageError(run("frobnicate"), "unknown command frobnicate")
        self.assertUsageError(run("serve", "--bogus"), "unknown option --bogus")
        self.assertUsageError(run("serve", "--db"), "option --db needs a value")
        self.assertUsageError(run("serve", "--db", "x.db"),
                              "serve needs exactly one of --socket PATH or --listen HOST:PORT")
        self.assertUsageError(run("serve", "--socket", "a", "--workers", "0"),
                              "--workers wants a number from 1 to 64, not 0")
        self.assertUsageError(run("db"), "db needs an action: init, migrate, seed, check, optimize, backup, restore or sql")
        self.assertUsageError(run("db", "drop"), "unknown db action drop")
        self.assertUsageError(run("db", "init", "--workers", "2"), "option --workers does not apply here")
        self.assertUsageError(run("db", "init", "extra"), "unexpected argument extra")

    def test_listen_needs_a_host(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "p.db")
            Site.check(run("db", "init", "--db", db))
            proc = run("serve", "--listen", ":9000", "--db", db, "--templates", os.path.join(SOURCE, "templates"))
            self.assertEqual(proc.returncode, 1)
            self.assertIn("--listen wants HOST:PORT", proc.stderr)

    def test_db_commands(self):
        with tempfile.TemporaryDirectory() as d:
            db = os.path.join(d, "p.db")
            proc = run("db", "migrate", "--db", db)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("cannot open database", proc.stderr)
            self.assertEqual(run("db", "init", "--db", db).returncode, 0)
            self.assertEqual(run("db", "migrate", "--db", db).returncode, 0)  # idempotent
            self.assertEqual(run("db", "seed", "--db", db).returncode, 0)
            again = run("db", "seed", "--db", db)
            self.assertEqual(again.returncode, 1)
            self.assertIn("already holds 12 items", again.stderr)

    def test_serve_refuses_a_missing_database_and_bad_templates(self):
        with tempfile.TemporaryDirectory() as d:
            proc = run("serve", "--socket", os.path.join(d, "s"), "--db", os.path.join(d, "none.db"),
                       "--templates", os.path.join(SOURCE, "templates"))
            self.assertEqual(proc.returncode, 1)
            self.assertIn("pressroom db init", proc.stderr)
            proc = run("serve", "--socket", os.path.join(d, "s"), "--db", os.path.join(d, "none.db"),
                       "--templates", d)
            self.assertEqual(proc.returncode, 1)
            self.assertIn("no *.tpl templates", proc.stderr)


if __name__ == "__main__":
    harness.main()
