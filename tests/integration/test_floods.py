"""test_floods.py: floods cannot take every worker. The application bounds how many password checks and how
many searches run at once across its workers (src/slots.c: one byte lock per slot in DB-slots); over the
bound it refuses at once with 503 and Retry-After. The tests hold every slot themselves, as a flood would,
so the refusals are certain without any timing; a worker killed while it holds a slot does not leak it; and
the documented nginx blocks answer a search flood from one address, and a sign-in flood from many,
with 429."""
import fcntl
import os
import signal
import sqlite3
import struct
import threading
import time
import unittest

from deploy import Deployment
import harness
from harness import Client, Site, run

PUBLISHER = ("alice", "publisher", "correct horse battery")
SLOTS_STRIDE = 64  # src/slots.h: kind k's slots are the bytes from k * SLOTS_STRIDE
PASSWORD, SEARCH = 0, 1
SITE = None


def setUpModule():
    global SITE
    SITE = Site(workers=2, users=[PUBLISHER]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


class Held:
    """Every slot of one kind held by this process, as a flood of requests in flight would hold them."""

    def __init__(self, site, kind):
        self.path, self.kind = site.db + "-slots", kind

    def __enter__(self):
        self.fd = os.open(self.path, os.O_RDWR)
        fcntl.lockf(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB, SLOTS_STRIDE, self.kind * SLOTS_STRIDE)
        return self

    def __exit__(self, *exc):
        os.close(self.fd)  # releases the locks
        return False


def slot_held_by_another(site, kind):
    """Does any other process hold a slot of kind? Asked with F_GETLK, which takes nothing, so asking cannot
    make a worker find the slot busy."""
    fd = os.open(site.db + "-slots", os.O_RDWR)
    try:
        flock = struct.pack("hhxxxxqqixxxx", fcntl.F_WRLCK, os.SEEK_SET, kind * SLOTS_STRIDE, SLOTS_STRIDE, 0)
        l_type = struct.unpack("hhxxxxqqixxxx", fcntl.fcntl(fd, fcntl.F_GETLK, flock))[0]
        return l_type != fcntl.F_UNLCK
    finally:
        os.close(fd)


def search(site, q, source="127.0.0.1"):
    return site.get("/messages?q=" + q, source=source)


class PasswordChecks(unittest.TestCase):
    def test_a_sign_in_is_refused_at_once_while_every_password_check_is_busy(self):
        sessions = SITE.query("SELECT count(*) FROM session")[0][0]
        c = Client(SITE, "127.0.3.1")
        with Held(SITE, PASSWORD):
            status, headers, body = c.login(PUBLISHER[0], PUBLISHER[2])
            self.assertEqual(status, 503)
            self.assertTrue(1 <= int(headers["retry-after"]) <= 60, headers.get("retry-after"))
            self.assertIn("busy checking other sign-ins", body)
            self.assertIn('value="alice"', body)  # the typed name is kept
            self.assertIn('name="csrf"', body)  # the form again, ready to send
            self.assertNotIn("pressroom_session", c.cookies)
            self.assertEqual(SITE.query("SELECT count(*) FROM session")[0][0], sessions)
            # Public pages and searches are not held up.
            self.assertEqual(SITE.get("/")[0], 200)
            self.assertEqual(search(SITE, "korean")[0], 200)
        self.assertRegex(SITE.log(), r"warn: 503 POST /admin/login: all 1 password-check slots busy; refused 127\.0\.3\.1")
        self.assertEqual(c.login(PUBLISHER[0], PUBLISHER[2])[0], 303)
        self.assertIn("pressroom_session", c.cookies)

    def test_a_wrong_password_is_refused_the_same_way_and_not_counted_as_a_failure(self):
        c = Client(SITE, "127.0.3.2")
        with Held(SITE, PASSWORD):
            for _ in range(6):
                self.assertEqual(c.login(PUBLISHER[0], "not the password")[0], 503)
        self.assertEqual(SITE.query("SELECT count(*) FROM audit WHERE address = '127.0.3.2'")[0][0], 0)
        self.assertEqual(c.login(PUBLISHER[0], PUBLISHER[2])[0], 303)  # no lock-out from refused attempts


class Searches(unittest.TestCase):
    def test_a_search_is_refused_at_once_while_every_search_is_busy(self):
        with Held(SITE, SEARCH):
            status, headers, body = search(SITE, "korean")
            self.assertEqual(status, 503)
            self.assertTrue(1 <= int(headers["retry-after"]) <= 60, headers.get("retry-after"))
            self.assertIn("busy with other searches", body)
            self.assertIn("Embassy of the Russian Federation", body)  # the styled page (resp_error)
            self.assertNotIn("public", headers.get("cache-control", ""))  # never cached
            # The list without a search, the home page and signing in go on.
            self.assertEqual(SITE.get("/messages")[0], 200)
            self.assertEqual(SITE.get("/")[0], 200)
            self.assertEqual(Client(SITE, "127.0.3.3").login(PUBLISHER[0], PUBLISHER[2])[0], 303)
        self.assertRegex(SITE.log(), r"error: 503 GET /messages: The server is busy with other searches")
        status, _, body = search(SITE, "korean")
        self.assertEqual(status, 200)
        self.assertIn("Korean Peninsula", body)


class CrashSafety(unittest.TestCase):
    def test_a_worker_killed_while_it_holds_a_slot_does_not_leak_it(self):
        # Hold the database's write lock: a sign-in takes its slot, checks the password, then waits (up to
        # SQLite's 5 s busy timeout) to record the result, holding the slot all that while.
        con = sqlite3.connect(SITE.db, isolation_level=None, timeout=10)
        con.execute("BEGIN IMMEDIATE")
        workers = SITE.worker_pids()
        c = Client(SITE, "127.0.3.4")
        c.request("/admin/login")
        t = threading.Thread(target=lambda: c.post("/admin/login", {"username": PUBLISHER[0],
                                                                    "password": PUBLISHER[2]}), daemon=True)
        try:
            t.start()
            deadline = time.time() + 4
            while not slot_held_by_another(SITE, PASSWORD):
                self.assertLess(time.time(), deadline, "the sign-in never held a password-check slot")
                time.sleep(0.005)
            for pid in workers:
                os.kill(pid, signal.SIGKILL)  # the one in the sign-in among them
        finally:
            con.execute("ROLLBACK")
            con.close()
        t.join(30)
        deadline = time.time() + 10
        while len(set(SITE.worker_pids()) - set(workers)) < 2:
            self.assertLess(time.time(), deadline, "the workers were not replaced")
            time.sleep(0.02)
        self.assertFalse(slot_held_by_another(SITE, PASSWORD))
        c = Client(SITE, "127.0.3.5")
        self.assertEqual(c.login(PUBLISHER[0], PUBLISHER[2])[0], 303)


class Configuration(unittest.TestCase):
    def test_the_bounds_are_checked_keys(self):
        path = os.path.join(SITE.dir, "bounds.conf")
        for text, ok in (("password_checks = 3\nsearches = 64\n", True), ("searches = 0\n", False),
                         ("password_checks = 65\n", False), ("searches = many\n", False)):
            with open(path, "w") as f:
                f.write(text)
            proc = run("config", "check", "--config", path)
            self.assertEqual(proc.returncode == 0, ok, (text, proc.stdout, proc.stderr))


def flood_until_refused(d, path, source, limit=300):
    """Requests for path from one address, one after another, until one is not 200; returns the statuses."""
    statuses = []
    while len(statuses) < limit and (not statuses or statuses[-1] == 200):
        statuses.append(d.get(path, source=source)[0])
    return statuses


class DocumentedNginx(unittest.TestCase):
    """docs/deploy.md's and docs/scaling.md's server blocks, as they are, limit searches per address and
    sign-in attempts from all addresses together."""

    def check(self, site):
        with Deployment(site=site, config={"workers": "2"}) as d:
            statuses = flood_until_refused(d, "/messages?q=korean", "127.0.3.10")
            self.assertEqual(statuses[-1], 429, statuses)
            self.assertGreaterEqual(statuses.count(200), 10, statuses)  # a burst no person at a keyboard reaches
            # Only searches count: the same address still reads pages, and other addresses still search.
            self.assertEqual(d.get("/messages", source="127.0.3.10")[0], 200)
            self.assertEqual(d.get("/", source="127.0.3.10")[0], 200)
            self.assertEqual(d.get("/messages?q=korean", source="127.0.3.11")[0], 200)
            # Sign-in attempts from many addresses meet the limit on all addresses together (5 a second, a
            # burst of 20). Sent by 32 clients at once, so that even a loaded machine sends more than 5 a
            # second: one after another, a slow run never exceeded the rate.
            statuses, lock, seen = [], threading.Lock(), threading.Event()

            def attacker(n):
                for k in range(40):
                    if seen.is_set():
                        return
                    status = d.get("/admin/login", "POST", {"Content-Type": "application/x-www-form-urlencoded"},
                                   "username=x&password=y", source=f"127.0.4.{(n * 40 + k) % 250 + 1}")[0]
                    with lock:
                        statuses.append(status)
                    if status == 429:
                        seen.set()

            clients = [threading.Thread(target=attacker, args=(n,)) for n in range(32)]
            for t in clients:
                t.start()
            for t in clients:
                t.join(120)
            self.assertIn(429, statuses, statuses)
            self.assertGreaterEqual(len(statuses), 20, statuses)  # not before the burst
            self.assertEqual(set(statuses) - {403, 429}, set(), statuses)  # refused by nginx or by the CSRF gate
            self.assertEqual(d.get("/", source="127.0.4.1")[0], 200)

    def test_deploy_md(self):
        self.check(("deploy.md", "nginx-site"))

    def test_scaling_md(self):
        self.check(("scaling.md", "nginx-cache"))


if __name__ == "__main__":
    harness.main()
