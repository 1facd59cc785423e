"""test_signin.py: sign-in hardening against an attacker (issue 11): nobody can lock an officer out by
name (device cookies; unknown browsers throttled per name and address, and per address), a flood of
refused sign-ins leaves one audit row with a count instead of one row each, and the sign-in form's
anti-forgery pair must have the real token's format.

The floods go straight to the FastCGI socket (tests/integration/fcgi.py) with nginx's REMOTE_ADDR, so that
they test the application's throttle, not nginx's limit_req in front of it; the officer's own sign-ins go
through nginx as a browser's would."""
import hashlib
import secrets
import threading
import time
import unittest
import urllib.parse

import fcgi
import harness
from harness import Client, Site

PUBLISHER = ("alice", "publisher", "correct horse battery")
ED = ("ed", "editor", "ed's long password")
SITE = None


def setUpModule():
    global SITE
    SITE = Site(users=[PUBLISHER, ED]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def direct_signin(source, name, password, cookies=None, csrf=None):
    """POST /admin/login to the FastCGI socket as nginx would pass it from source. A fresh valid anti-forgery
    pair unless csrf=(cookie value or None, field value or None) is given. Returns (status, headers, body)."""
    token = secrets.token_hex(32)
    cookie, field = csrf if csrf else (token, token)
    jar = dict(cookies or {})
    if cookie is not None:
        jar["pressroom_login"] = cookie
    form = {"username": name, "password": password}
    if field is not None:
        form["csrf"] = field
    body = urllib.parse.urlencode(form).encode()
    params = {"REQUEST_METHOD": "POST", "REQUEST_URI": "/admin/login", "REMOTE_ADDR": source,
              "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body))}
    if jar:
        params["HTTP_COOKIE"] = "; ".join(f"{k}={v}" for k, v in jar.items())
    status, headers, payload = fcgi.request(SITE.socket, params, body)
    return status, headers, payload.decode()


def new_officer(name):
    SITE.execute("INSERT INTO user (name, role, password_hash, created_at) "
                 "SELECT ?, role, password_hash, 0 FROM user WHERE name = 'ed'", (name,))


class DeviceCookies(unittest.TestCase):
    def test_success_gives_a_long_lived_strict_device_cookie_whose_hash_alone_is_stored(self):
        c = Client(SITE, "127.0.0.60")
        status, headers, _ = c.login(*ED[::2])
        self.assertEqual(status, 303)
        cookie = [x for x in headers["set-cookie-all"] if x.startswith("pressroom_device=")][0]
        self.assertRegex(cookie, r"^pressroom_device=[0-9a-f]{64}; Path=/admin/login; HttpOnly; SameSite=Strict; "
                                 r"Max-Age=31536000$")
        token = c.cookies["pressroom_device"]
        self.assertEqual(SITE.query("SELECT count(*) FROM login_device WHERE token_hash = ?", (token,))[0][0], 0)
        digest = hashlib.sha256(token.encode()).digest()
        self.assertEqual(SITE.query("SELECT count(*) FROM login_device WHERE token_hash = ?", (digest,))[0][0], 1)
        rows = SITE.query("SELECT length(d.token_hash), u.name FROM login_device d JOIN user u ON u.id = d.user_id")
        self.assertIn((32, "ed"), rows)
        # Signing in again from the same browser keeps the cookie it has.
        c.post("/admin/logout", {})
        status, headers, _ = c.login(*ED[::2])
        self.assertEqual(status, 303)
        self.assertFalse([x for x in headers["set-cookie-all"] if x.startswith("pressroom_device=")])
        self.assertEqual(c.cookies["pressroom_device"], token)

    def test_failures_elsewhere_do_not_lock_an_officer_out(self):
        # ed has signed in from his browser before, and signed out: it keeps its device cookie.
        ed = Client(SITE, "127.0.0.3")
        self.assertEqual(ed.login(*ED[::2])[0], 303)
        ed.post("/admin/logout", {})
        self.assertNotIn("pressroom_session", ed.cookies)
        self.assertIn("pressroom_device", ed.cookies)

        # Five wrong passwords for ed from another address (an unknown browser): that address is throttled.
        attacker = Client(SITE, "127.0.0.2")
        attacker.request("/admin/login")
        for _ in range(5):
            self.assertEqual(attacker.post("/admin/login", {"username": "ed", "password": "guess"})[0], 401)
        status, headers, body = attacker.post("/admin/login", {"username": "ed", "password": ED[2]})
        self.assertEqual(status, 429)
        self.assertTrue(850 <= int(headers["retry-after"]) <= 900)
        self.assertIn("Too many failed sign-ins", body)
        self.assertNotIn("pressroom_session", attacker.cookies)

        # The real ed, with his device cookie, gets in; so does an unknown browser from another address.
        self.assertEqual(ed.login(*ED[::2])[0], 303)
        self.assertEqual(ed.request("/admin")[0], 200)
        self.assertEqual(Client(SITE, "127.0.0.3").login(*ED[::2])[0], 303)
        # Even from the attacker's address, ed's browser is not locked: its cookie is throttled on its own.
        travelling = Client(SITE, "127.0.0.2")
        travelling.cookies["pressroom_device"] = ed.cookies["pressroom_device"]
        self.assertEqual(travelling.login(*ED[::2])[0], 303)

    def test_a_device_cookies_own_failures_lock_only_that_cookie(self):
        new_officer("fay")
        fay = Client(SITE, "127.0.0.61")
        self.assertEqual(fay.login("fay", ED[2])[0], 303)
        device = {"pressroom_device": fay.cookies["pressroom_device"]}
        for _ in range(5):
            self.assertEqual(direct_signin("127.0.0.61", "fay", "typo", device)[0], 401)
        status, headers, _ = direct_signin("127.0.0.61", "fay", ED[2], device)
        self.assertEqual(status, 429)
        self.assertIn("retry-after", headers)
        # The same address without that cookie (an unknown browser) has no failures of its own.
        self.assertEqual(direct_signin("127.0.0.61", "fay", ED[2])[0], 303)

    def test_a_device_cookie_trusts_a_browser_for_its_officer_only(self):
        new_officer("gus")
        gus = Client(SITE, "127.0.0.62")
        self.assertEqual(gus.login("gus", ED[2])[0], 303)
        device = {"pressroom_device": gus.cookies["pressroom_device"]}
        for _ in range(5):
            self.assertEqual(direct_signin("127.0.0.63", "alice", "guess", device)[0], 401)
        # For alice this browser is unknown: the failures from 127.0.0.63 for alice lock it.
        self.assertEqual(direct_signin("127.0.0.63", "alice", PUBLISHER[2], device)[0], 429)
        self.assertEqual(direct_signin("127.0.0.63", "gus", ED[2], device)[0], 303)

    def test_forged_or_unknown_device_cookies_are_unknown_browsers(self):
        for _ in range(5):
            self.assertEqual(direct_signin("127.0.0.64", "ed", "guess")[0], 401)
        for forged in ("0" * 64, "", "x", "A" * 64):
            self.assertEqual(direct_signin("127.0.0.64", "ed", ED[2], {"pressroom_device": forged})[0], 429, forged)

    def test_an_address_guessing_many_names_is_throttled_for_unknown_browsers(self):
        for i in range(4):
            for _ in range(5):
                self.assertEqual(direct_signin("127.0.0.65", f"nobody{i}", "guess")[0], 401)
        self.assertEqual(direct_signin("127.0.0.65", "alice", PUBLISHER[2])[0], 429)
        self.assertEqual(direct_signin("127.0.0.66", "alice", PUBLISHER[2])[0], 303)
        # An officer's own browser is not an unknown browser.
        ed = Client(SITE, "127.0.0.67")
        self.assertEqual(ed.login(*ED[::2])[0], 303)
        device = {"pressroom_device": ed.cookies["pressroom_device"]}
        self.assertEqual(direct_signin("127.0.0.65", "ed", ED[2], device)[0], 303)


class RefusedSignInsAreAggregated(unittest.TestCase):
    def test_a_flood_of_refusals_leaves_one_audit_row_with_its_count(self):
        source, n_threads, per_thread = "127.0.0.70", 4, 100
        for _ in range(5):
            self.assertEqual(direct_signin(source, "ed", "guess")[0], 401)
        statuses = []

        def flood():
            for _ in range(per_thread):
                statuses.append(direct_signin(source, "ed", "guess")[0])

        threads = [threading.Thread(target=flood) for _ in range(n_threads)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(statuses, [429] * n_threads * per_thread)
        rows = SITE.query("SELECT action, username, detail, count FROM audit WHERE address = ? ORDER BY id", (source,))
        self.assertEqual(rows[:5], [("login-failed", "", "name: ed", 1)] * 5)
        self.assertEqual(rows[5:], [("login-refused", "", "throttled: ed", n_threads * per_thread)])

        # A publisher reads how many times in the audit log.
        alice = Client(SITE, "127.0.0.71")
        self.assertEqual(alice.login(*PUBLISHER[::2])[0], 303)
        status, _, body = alice.request("/admin/log")
        self.assertEqual(status, 200)
        self.assertRegex(body, r"throttled: ed <span class=\"repeated\">\(400 times\)</span>")

    def test_each_name_and_address_and_lock_has_its_own_row(self):
        for source in ("127.0.0.72", "127.0.0.73"):
            for _ in range(5):
                direct_signin(source, "hal", "guess")
            for _ in range(3):
                self.assertEqual(direct_signin(source, "hal", "guess")[0], 429)
        counts = SITE.query("SELECT address, count FROM audit WHERE action = 'login-refused' AND detail = 'throttled: hal' "
                            "ORDER BY address")
        self.assertEqual(counts, [("127.0.0.72", 3), ("127.0.0.73", 3)])
        # When that lock has ended and a new one begins, the new lock has a row of its own.
        # (The lock's end moves back with its failures: within one second the new lock would end when it did.)
        SITE.execute("UPDATE login_failure SET at = at - 3600 WHERE address = '127.0.0.72';"
                     "UPDATE login_refusal SET until = until - 3600 WHERE address = '127.0.0.72'")
        for _ in range(5):
            self.assertEqual(direct_signin("127.0.0.72", "hal", "guess")[0], 401)
        self.assertEqual(direct_signin("127.0.0.72", "hal", "guess")[0], 429)
        counts = SITE.query("SELECT count FROM audit WHERE action = 'login-refused' AND address = '127.0.0.72' ORDER BY id")
        self.assertEqual(counts, [(3,), (1,)])


class NightlyHousekeeping(unittest.TestCase):
    def test_db_optimize_removes_only_expired_sessions_failures_and_device_cookies(self):
        now = int(time.time())
        uid = SITE.query("SELECT id FROM user WHERE name = 'ed'")[0][0]
        day = 86400
        rows = {"fresh": now - 3600, "stale": now - 31 * day}
        for tag, at in rows.items():
            SITE.execute("INSERT INTO session (token_hash, user_id, csrf, address, created_at, last_seen) "
                         "VALUES (?, ?, 'x', '127.0.0.1', ?, ?)", (f"hk-session-{tag}".encode(), uid, at, at))
        SITE.execute("INSERT INTO login_failure (at, username, address) VALUES (?, 'hk-fresh', '127.0.0.9')",
                     (now - 600,))
        SITE.execute("INSERT INTO login_failure (at, username, address) VALUES (?, 'hk-stale', '127.0.0.9')",
                     (now - 2 * day,))
        SITE.execute("INSERT INTO login_device (token_hash, user_id, created_at) VALUES (?, ?, ?)",
                     (b"hk-device-fresh", uid, now - 300 * day))
        SITE.execute("INSERT INTO login_device (token_hash, user_id, created_at) VALUES (?, ?, ?)",
                     (b"hk-device-stale", uid, now - 366 * day))
        proc = SITE.check(harness.run("db", "optimize", "--db", SITE.db))
        self.assertRegex(proc.stdout, r"removed [1-9]\d* old sessions, [1-9]\d* old sign-in failures, "
                                      r"[1-9]\d* expired device cookies")
        sessions = {r[0] for r in SITE.query("SELECT token_hash FROM session WHERE token_hash IN (?, ?)",
                                                         (b"hk-session-fresh", b"hk-session-stale"))}
        self.assertEqual(sessions, {b"hk-session-fresh"})
        failures = {r[0] for r in SITE.query("SELECT username FROM login_failure WHERE username LIKE 'hk-%'")}
        self.assertEqual(failures, {"hk-fresh"})
        devices = {r[0] for r in SITE.query("SELECT token_hash FROM login_device WHERE token_hash IN (?, ?)",
                                                        (b"hk-device-fresh", b"hk-device-stale"))}
        self.assertEqual(devices, {b"hk-device-fresh"})


class SignInForgery(unittest.TestCase):
    def test_the_sign_in_pair_must_be_a_real_token(self):
        token = secrets.token_hex(32)
        for cookie, field in (("", ""), ("x", "x"), ("0", "0"), (token.upper(), token.upper()), (token[:63], token[:63]),
                              (token + "0", token + "0"), (token, None), (None, token), (token, secrets.token_hex(32))):
            status, headers, _ = direct_signin("127.0.0.80", "alice", PUBLISHER[2], csrf=(cookie, field))
            self.assertEqual(status, 403, (cookie, field))
            self.assertFalse([c for c in headers.get("set-cookie", []) if c.startswith("pressroom_session=")])
        # Through nginx too, as the attacker sent it: an empty cookie and an empty field.
        c = Client(SITE, "127.0.0.80")
        c.cookies["pressroom_login"] = ""
        status, _, body = c.post("/admin/login", {"username": "alice", "password": PUBLISHER[2], "csrf": ""})
        self.assertEqual(status, 403)
        self.assertIn("did not come from this site", body)
        c.cookies["pressroom_login"] = "x"
        self.assertEqual(c.post("/admin/login", {"username": "alice", "password": PUBLISHER[2], "csrf": "x"})[0], 403)
        self.assertNotIn("pressroom_session", c.cookies)
        # The real pair works.
        self.assertEqual(direct_signin("127.0.0.80", "alice", PUBLISHER[2], csrf=(token, token))[0], 303)


if __name__ == "__main__":
    harness.main()
