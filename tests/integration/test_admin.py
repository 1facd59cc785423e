"""test_admin.py: the press officers' admin over real HTTP through nginx: sign-in and sign-out, wrong
passwords, throttling, CSRF, editor and publisher rights, the statement form (validation, preview,
drafts, review, publish, schedule, edit with "Updated", withdraw with 410), preview links, the audit log,
and what bad requests get."""
import datetime
import re
import time
import unittest
import urllib.parse
import zoneinfo

import harness
from admin_forms import post_statement, signed_in, statement
from harness import Client, Site
from test_escaping import ActiveContent

PUBLISHER = ("alice", "publisher", "correct horse battery")
EDITOR = ("bob", "editor", "editor password 1")
SITE = None


def setUpModule():
    global SITE
    SITE = Site(users=[PUBLISHER, EDITOR]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


class SignIn(unittest.TestCase):
    def test_form_sets_a_login_token_and_is_not_stored(self):
        c = Client(SITE)
        status, headers, body = c.request("/admin/login")
        self.assertEqual(status, 200)
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertIn("pressroom_login", c.cookies)
        self.assertEqual(c.csrf, c.cookies["pressroom_login"])

    def test_admin_without_a_session_goes_to_sign_in(self):
        for path in ("/admin", "/admin/new", "/admin/log", "/admin/items/1"):
            status, headers, _ = SITE.get(path)
            self.assertEqual(status, 303, path)
            self.assertTrue(headers["location"].endswith("/admin/login"))

    def test_success_sets_a_strict_httponly_session_cookie(self):
        c = Client(SITE)
        status, headers, _ = c.login(*PUBLISHER[::2])
        self.assertEqual(status, 303)
        self.assertTrue(headers["location"].endswith("/admin"))
        cookie = [x for x in headers["set-cookie-all"] if x.startswith("pressroom_session=")][0]
        token = cookie.split("=", 1)[1].split(";")[0]
        self.assertRegex(token, r"^[0-9a-f]{64}$")
        for attr in ("Path=/admin", "HttpOnly", "SameSite=Strict"):
            self.assertIn(attr, cookie)
        self.assertNotIn("Secure", cookie)  # plain http here
        # Only a hash of the token is stored.
        self.assertEqual(SITE.query("SELECT count(*) FROM session WHERE token_hash = ?", (token,))[0][0], 0)
        self.assertEqual(SITE.query("SELECT count(*) FROM session WHERE length(token_hash) = 32")[0][0] >= 1, True)
        status, _, body = c.request("/admin")
        self.assertEqual(status, 200)
        self.assertIn("alice (publisher)", body)

    def test_wrong_password_and_unknown_name_look_the_same(self):
        timings = {}
        for name, password in (("alice", "wrong password!"), ("nobody-here", "wrong password!")):
            c = Client(SITE, "127.0.0.20")
            c.request("/admin/login")
            start = time.monotonic()
            status, _, body = c.post("/admin/login", {"username": name, "password": password})
            timings[name] = time.monotonic() - start
            self.assertEqual(status, 401)
            self.assertIn("The name or the password is wrong.", body)
            self.assertNotIn("pressroom_session", c.cookies)
        # Both pay one argon2id verification: neither answers in a fraction of the other's time.
        ratio = timings["alice"] / timings["nobody-here"]
        self.assertTrue(0.33 < ratio < 3, timings)

    def test_login_without_or_with_a_wrong_token_is_403(self):
        c = Client(SITE)
        c.request("/admin/login")
        status, _, _ = c.post("/admin/login", {"username": "alice", "password": PUBLISHER[2]}, csrf=False)
        self.assertEqual(status, 403)
        status, _, _ = c.post("/admin/login", {"username": "alice", "password": PUBLISHER[2], "csrf": "0" * 64})
        self.assertEqual(status, 403)

    def test_logout_ends_the_session_on_the_server(self):
        c = signed_in(SITE, EDITOR)
        old = dict(c.cookies)
        status, headers, _ = c.post("/admin/logout", {})
        self.assertEqual(status, 303)
        self.assertNotIn("pressroom_session", c.cookies)
        replay = Client(SITE)
        replay.cookies = old
        status, _, _ = replay.request("/admin")
        self.assertEqual(status, 303)

    def test_logout_is_post_only(self):
        c = signed_in(SITE, EDITOR)
        status, headers, _ = c.request("/admin/logout")
        self.assertEqual(status, 405)
        self.assertEqual(headers["allow"], "POST")


class OverTls(unittest.TestCase):
    def test_cookies_are_secure_and_host_prefixed_when_nginx_says_https(self):
        import fcgi
        base = {"REQUEST_METHOD": "GET", "REQUEST_URI": "/admin/login", "REMOTE_ADDR": "127.0.0.9", "HTTPS": "on"}
        status, headers, body = fcgi.request(SITE.socket, base)
        self.assertEqual(status, 200)
        login_cookie = [c for c in headers["set-cookie"] if c.startswith("__Host-pressroom_login=")][0]
        self.assertRegex(login_cookie, r"^__Host-pressroom_login=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Secure$")
        token = login_cookie.split("=", 1)[1].split(";")[0]
        form = urllib.parse.urlencode({"csrf": token, "username": PUBLISHER[0], "password": PUBLISHER[2]}).encode()
        post = dict(base, REQUEST_METHOD="POST", CONTENT_LENGTH=str(len(form)),
                    CONTENT_TYPE="application/x-www-form-urlencoded")
        # Over HTTPS only the prefixed name counts: the plain one could have been planted by another site.
        status, _, _ = fcgi.request(SITE.socket, dict(post, HTTP_COOKIE="pressroom_login=" + token), form)
        self.assertEqual(status, 403)
        status, headers, _ = fcgi.request(SITE.socket, dict(post, HTTP_COOKIE="__Host-pressroom_login=" + token), form)
        self.assertEqual(status, 303)
        session = [c for c in headers["set-cookie"] if c.startswith("__Host-pressroom_session=")][0]
        self.assertRegex(session, r"^__Host-pressroom_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Secure$")
        device = [c for c in headers["set-cookie"] if c.startswith("__Host-pressroom_device=")][0]
        self.assertRegex(device, r"^__Host-pressroom_device=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Strict; Secure; Max-Age=31536000$")
        value = session.split("=", 1)[1].split(";")[0]
        admin = dict(base, REQUEST_URI="/admin")
        self.assertEqual(fcgi.request(SITE.socket, dict(admin, HTTP_COOKIE="__Host-pressroom_session=" + value))[0], 200)
        self.assertEqual(fcgi.request(SITE.socket, dict(admin, HTTP_COOKIE="pressroom_session=" + value))[0], 303)


class Throttling(unittest.TestCase):
    def fail(self, source, name, times):
        c = Client(SITE, source)
        c.request("/admin/login")
        statuses = []
        for _ in range(times):
            statuses.append(c.post("/admin/login", {"username": name, "password": "not the password"})[0])
        return statuses

    def test_five_failures_for_one_name_lock_that_name_from_that_address_only(self):
        SITE.execute("INSERT INTO user (name, role, password_hash, created_at) SELECT 'carol', role, password_hash, 0 FROM user WHERE name = 'bob'")
        self.assertEqual(self.fail("127.0.0.31", "carol", 5), [401] * 5)
        c = Client(SITE, "127.0.0.31")
        status, headers, body = c.login("carol", EDITOR[2])  # the right password, from the same address
        self.assertEqual(status, 429)
        self.assertIn("Too many failed sign-ins", body)
        self.assertIn("15 minutes", body)
        self.assertTrue(850 <= int(headers["retry-after"]) <= 900)
        self.assertNotIn("pressroom_session", c.cookies)
        # Failures elsewhere do not lock the name out (test_signin.py: nobody locks an officer out by name).
        self.assertEqual(Client(SITE, "127.0.0.32").login("carol", EDITOR[2])[0], 303)

    def test_failures_are_audited(self):
        self.fail("127.0.0.51", "mallory", 1)
        rows = SITE.query("SELECT action, address, detail FROM audit WHERE address = '127.0.0.51'")
        self.assertIn(("login-failed", "127.0.0.51", "name: mallory"), rows)


class Csrf(unittest.TestCase):
    def test_state_changes_need_the_sessions_token(self):
        c = signed_in(SITE, PUBLISHER)
        other = signed_in(SITE, EDITOR)
        before = SITE.query("SELECT count(*) FROM item")[0][0]
        form = dict(statement("Forged"), action="publish")
        self.assertEqual(c.post("/admin/new", form, csrf=False)[0], 403)
        self.assertEqual(c.post("/admin/new", dict(form, csrf=other.csrf))[0], 403)
        self.assertEqual(c.post("/admin/new", dict(form, csrf="x"))[0], 403)
        self.assertEqual(SITE.query("SELECT count(*) FROM item")[0][0], before)

    def test_a_get_never_changes_state(self):
        c = signed_in(SITE, PUBLISHER)
        before = SITE.query("SELECT count(*) FROM item")[0][0]
        status, _, _ = c.request("/admin/new?" + urllib.parse.urlencode(dict(statement("Via GET", body="One line.", signature="One line"), action="publish")))
        self.assertEqual(status, 200)
        self.assertEqual(SITE.query("SELECT count(*) FROM item")[0][0], before)


class Workflow(unittest.TestCase):
    def test_editor_drafts_and_submits_publisher_publishes(self):
        bob = signed_in(SITE, EDITOR)
        iid = post_statement(bob, "Statement on maritime cooperation")
        status, _, body = bob.request(f"/admin/items/{iid}")
        self.assertIn("status-draft", body)
        self.assertEqual(SITE.get(f"/releases/{iid}")[0], 404)  # a draft does not exist for the public

        status, headers, _ = bob.post(f"/admin/items/{iid}", dict(statement("Statement on maritime cooperation"), action="submit"))
        self.assertEqual(status, 303)
        self.assertEqual(SITE.query("SELECT status FROM item WHERE id = ?", (iid,))[0][0], "submitted")
        # An editor may neither publish nor change a submitted item.
        self.assertEqual(bob.post(f"/admin/items/{iid}", dict(statement("X"), action="publish"))[0], 403)
        self.assertEqual(bob.post(f"/admin/items/{iid}", dict(statement("X"), action="save"))[0], 403)
        self.assertEqual(bob.request("/admin/log")[0], 403)
        self.assertEqual(bob.post(f"/admin/items/{iid}/withdraw", {"note": "x"})[0], 403)

        alice = signed_in(SITE, PUBLISHER)
        alice.request(f"/admin/items/{iid}")
        status, headers, _ = alice.post(f"/admin/items/{iid}", dict(statement("Statement on maritime cooperation"), action="publish"))
        self.assertEqual(status, 303)
        self.assertIn("done=published", headers["location"])
        path = f"/releases/{iid}-statement-on-maritime-cooperation"
        self.assertEqual(SITE.get(path)[0], 200)
        self.assertIn(path, SITE.get("/")[2])
        self.assertIn(path, SITE.get("/messages")[2])
        detail = SITE.query("SELECT detail FROM audit WHERE action = 'publish' AND item_id = ?", (iid,))[0][0]
        self.assertIn("reviewed by a second reader", detail)

    def test_publisher_publishing_alone_is_recorded_as_such(self):
        alice = signed_in(SITE, PUBLISHER)
        alice.request("/admin/new")
        iid = post_statement(alice, "Comment on the summit", action="publish")
        detail = SITE.query("SELECT detail FROM audit WHERE action = 'publish' AND item_id = ?", (iid,))[0][0]
        self.assertIn("published without a second reader", detail)
        status, _, body = SITE.get(f"/releases/{iid}-comment-on-the-summit")
        self.assertEqual(status, 200)
        self.assertIn("<li>Point one.</li>", body)
        self.assertIn("<span>of Foreign Affairs</span>", body)

    def test_send_back_with_a_comment(self):
        bob = signed_in(SITE, EDITOR)
        iid = post_statement(bob, "Draft to improve", action="submit")
        alice = signed_in(SITE, PUBLISHER)
        alice.request(f"/admin/items/{iid}")
        self.assertEqual(alice.post(f"/admin/items/{iid}/sendback", {"comment": "Shorter, please."})[0], 303)
        status, _, body = bob.request(f"/admin/items/{iid}")
        self.assertIn("Shorter, please.", body)
        self.assertIn("status-draft", body)

    def test_scheduled_item_is_invisible_until_its_time_then_public_by_itself(self):
        alice = signed_in(SITE, PUBLISHER)
        alice.request("/admin/new")
        # The next whole minute at least 5 seconds away.
        now = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Moscow"))
        at = (now + datetime.timedelta(seconds=65)).replace(second=0, microsecond=0)
        iid = post_statement(alice, "Scheduled statement", action="publish", date=at.strftime("%Y-%m-%d"),
                     time=at.strftime("%H:%M"), zone="Moscow")
        path = f"/releases/{iid}-scheduled-statement"
        self.assertEqual(SITE.query("SELECT published_at FROM item WHERE id = ?", (iid,))[0][0], int(at.timestamp()))
        self.assertEqual(SITE.get(path)[0], 404)
        self.assertNotIn("Scheduled statement", SITE.get("/")[2])
        self.assertNotIn("Scheduled statement", SITE.get("/messages")[2])
        self.assertIn("status-scheduled", alice.request(f"/admin/items/{iid}")[2])
        time.sleep(max(0, at.timestamp() - time.time()) + 1)
        self.assertEqual(SITE.get(path)[0], 200)
        self.assertIn("Scheduled statement", SITE.get("/")[2])
        self.assertIn("Scheduled statement", SITE.get("/messages")[2])

    def test_edit_after_publication_keeps_a_revision_and_shows_updated(self):
        alice = signed_in(SITE, PUBLISHER)
        alice.request("/admin/new")
        iid = post_statement(alice, "Statement to correct", action="publish")
        alice.request(f"/admin/items/{iid}")
        form = dict(statement("Statement to correct", body="Corrected text."), action="save")
        status, _, body = alice.post(f"/admin/items/{iid}", form)
        self.assertEqual(status, 422)  # a public item's change needs a note
        self.assertIn("Corrected text.", body)
        status, _, _ = alice.post(f"/admin/items/{iid}", dict(form, note="Corrected a date"))
        self.assertEqual(status, 303)
        status, _, body = SITE.get(f"/releases/{iid}-statement-to-correct")
        self.assertIn("Corrected text.", body)
        self.assertRegex(body, r'class="item-updated">Updated <time datetime="[^"]+">\d+ \w+ \d{4}</time>: Corrected a date<')
        revisions = SITE.query("SELECT action, note, user_id FROM revision WHERE item_id = ? ORDER BY id", (iid,))
        self.assertEqual([r[0] for r in revisions], ["publish", "edit-published"])
        self.assertEqual(revisions[1][1], "Corrected a date")
        self.assertIn("Corrected a date", alice.request(f"/admin/items/{iid}")[2])

    def test_withdraw_answers_410_and_leaves_every_list_but_keeps_the_row(self):
        alice = signed_in(SITE, PUBLISHER)
        alice.request("/admin/new")
        iid = post_statement(alice, "Statement to withdraw", action="publish")
        path = f"/releases/{iid}-statement-to-withdraw"
        self.assertEqual(SITE.get(path)[0], 200)
        alice.request(f"/admin/items/{iid}")
        self.assertEqual(alice.post(f"/admin/items/{iid}/withdraw", {"note": "Issued in error."})[0], 303)
        status, _, body = SITE.get(path)
        self.assertEqual(status, 410)
        self.assertIn("was withdrawn on", body)
        self.assertIn("Issued in error.", body)
        self.assertEqual(SITE.get(f"/releases/{iid}")[0], 410)
        self.assertNotIn("Statement to withdraw", SITE.get("/")[2])
        self.assertNotIn("Statement to withdraw", SITE.get("/messages")[2])
        self.assertEqual(SITE.query("SELECT status FROM item WHERE id = ?", (iid,))[0][0], "withdrawn")
        self.assertEqual(alice.post(f"/admin/items/{iid}", dict(statement("Back"), action="save"))[0], 403)

    def test_admin_list_shows_every_status(self):
        alice = signed_in(SITE, PUBLISHER)
        post_statement(alice, "Listed draft")
        status, headers, body = alice.request("/admin")
        self.assertEqual(status, 200)
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertIn("Listed draft", body)
        self.assertIn('<span class="status">draft</span>', body)
        self.assertIn('<span class="status">published</span>', body)
        self.assertIn("<td>press release</td>", body)  # item_kind_label, lower case in a row
        self.assertIn("<td>event</td>", body)
        _, _, form = alice.request("/admin/new")
        self.assertIn('<option value="release" selected>Press release</option><option value="event">Event</option>', form)
        self.assertIn('<option value="press-release">Press release</option>', form)
        self.assertIn('<option value="briefing">Briefing</option>', form)

    def test_audit_log_for_publishers(self):
        alice = signed_in(SITE, PUBLISHER)
        status, _, body = alice.request("/admin/log")
        self.assertEqual(status, 200)
        for action in ("login", "create"):
            self.assertIn(f'<td class="action">{action}</td>', body)


class Form(unittest.TestCase):
    def test_errors_keep_every_value_and_say_what_is_wrong(self):
        bob = signed_in(SITE, EDITOR)
        before = SITE.query("SELECT count(*) FROM item")[0][0]
        form = dict(statement("", body="My long text that must not be lost.", teaser="Kept teaser",
                              date="2024-02-30", time="25:00"), action="submit")
        status, _, body = bob.post("/admin/new", form)
        self.assertEqual(status, 422)
        self.assertIn("My long text that must not be lost.</textarea>", body)
        self.assertIn("Kept teaser</textarea>", body)
        self.assertIn('value="2024-02-30"', body)
        self.assertIn('id="title-error">is required<', body)
        self.assertIn('id="date-error">must be a real date, as YYYY-MM-DD<', body)
        self.assertIn('id="time-error">must be a time of day, as HH:MM<', body)
        self.assertEqual(SITE.query("SELECT count(*) FROM item")[0][0], before)

    def test_control_characters_and_overlong_title_are_refused_with_messages(self):
        bob = signed_in(SITE, EDITOR)
        status, _, body = bob.post("/admin/new", dict(statement("Bell\x07title"), action="save"))
        self.assertEqual(status, 422)
        self.assertIn("must be one line without control characters", body)
        status, _, body = bob.post("/admin/new", dict(statement("x" * 301), action="save"))
        self.assertEqual(status, 422)
        self.assertIn("is too long", body)

    def test_a_time_that_does_not_exist_is_refused(self):
        bob = signed_in(SITE, EDITOR)
        status, _, body = bob.post("/admin/new", dict(statement("Gap", date="2024-03-31", time="01:30"), action="save"))
        self.assertEqual(status, 422)
        self.assertIn("does not exist on that day", body)

    def test_times_are_stored_in_utc_from_the_chosen_zone(self):
        bob = signed_in(SITE, EDITOR)
        iid = post_statement(bob, "Zone check", date="2024-07-01", time="12:00", zone="Moscow")
        self.assertEqual(SITE.query("SELECT published_at FROM item WHERE id = ?", (iid,))[0][0],
                         int(datetime.datetime(2024, 7, 1, 9, 0, tzinfo=datetime.timezone.utc).timestamp()))
        iid = post_statement(bob, "Zone check 2", date="2024-07-01", time="12:00", zone="London")
        self.assertEqual(SITE.query("SELECT published_at FROM item WHERE id = ?", (iid,))[0][0],
                         int(datetime.datetime(2024, 7, 1, 11, 0, tzinfo=datetime.timezone.utc).timestamp()))

    def test_preview_shows_the_public_page_and_saves_nothing(self):
        bob = signed_in(SITE, EDITOR)
        before = SITE.query("SELECT count(*) FROM item")[0][0]
        status, _, body = bob.post("/admin/new", dict(statement("Previewed statement"), action="preview"))
        self.assertEqual(status, 200)
        self.assertIn('<h1 class="item-title">Previewed statement</h1>', body)
        self.assertIn("<li>Point one.</li>", body)
        self.assertIn("Consular queries", body)  # the public frame
        self.assertIn('name="body" value="First paragraph.\n\n1. Point one.\n2. Point two."', body)
        self.assertEqual(SITE.query("SELECT count(*) FROM item")[0][0], before)
        status, _, body = bob.post("/admin/new", {**statement("Previewed statement"), "action": "edit"})
        self.assertIn('value="Previewed statement"', body)

    def test_the_form_keeps_line_breaks_of_a_saved_item(self):
        bob = signed_in(SITE, EDITOR)
        iid = post_statement(bob, "Line breaks")
        _, _, body = bob.request(f"/admin/items/{iid}")
        self.assertIn(">First paragraph.\n\n1. Point one.\n2. Point two.</textarea>", body)
        self.assertIn(">For the Ministry\nof Foreign Affairs</textarea>", body)

    def test_secret_preview_link_works_without_login_until_revoked(self):
        bob = signed_in(SITE, EDITOR)
        iid = post_statement(bob, "Shared draft")
        bob.request(f"/admin/items/{iid}")
        status, _, body = bob.post(f"/admin/items/{iid}/share", {})
        self.assertEqual(status, 200)
        link = re.search(r'href="http://[^/"]+(/preview/[0-9a-f]{64})"', body).group(1)
        status, headers, body = SITE.get(link)
        self.assertEqual(status, 200)
        self.assertIn("Shared draft", body)
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertEqual(SITE.get("/preview/" + "0" * 64)[0], 404)
        expires = SITE.query("SELECT expires_at - created_at FROM preview_link WHERE item_id = ?", (iid,))[0][0]
        self.assertEqual(expires, 7 * 24 * 3600)
        self.assertEqual(bob.post(f"/admin/items/{iid}/revoke", {})[0], 303)
        self.assertEqual(SITE.get(link)[0], 404)

    def test_hostile_fields_are_inert_on_public_and_admin_pages(self):
        alice = signed_in(SITE, PUBLISHER)
        alice.request("/admin/new")
        iid = post_statement(alice, '<script>alert(1)</script>"><img src=x onerror=alert(2)>', action="publish",
                     teaser='" onmouseover="alert(3)', signature="<iframe src=//x>",
                     body="<script>alert(4)</script>\n\n[click](javascript:alert(5)) <a href=\"javascript:alert(6)\">x</a>")
        pages = ["/", "/messages", f"/releases/{iid}"]
        status, headers, _ = SITE.get(pages[2])
        pages[2] = headers["location"]
        for path in pages:
            parser = ActiveContent()
            parser.feed(SITE.get(path)[2])
            self.assertEqual(parser.found, [], path)
        for path in ("/admin", f"/admin/items/{iid}", "/admin/log"):
            parser = ActiveContent()
            parser.feed(alice.request(path)[2])
            self.assertEqual(parser.found, [], path)


class BadRequests(unittest.TestCase):
    def test_wrong_or_missing_content_type_is_415(self):
        c = signed_in(SITE, EDITOR)
        status, _, _ = c.post("/admin/new", dict(statement("x"), action="save"), content_type="text/plain")
        self.assertEqual(status, 415)
        status, _, _ = c.post("/admin/new", dict(statement("x"), action="save"), content_type=None)
        self.assertEqual(status, 415)

    def test_body_over_nginx_limit_is_413(self):
        c = signed_in(SITE, EDITOR)
        status, _, _ = c.post("/admin/new", dict(statement("x", body="y" * (1 << 20)), action="save"))
        self.assertEqual(status, 413)

    def test_unknown_action_and_missing_item_are_4xx(self):
        c = signed_in(SITE, PUBLISHER)
        self.assertEqual(c.post("/admin/new", dict(statement("x"), action="explode"))[0], 400)
        self.assertEqual(c.request("/admin/items/999999")[0], 404)
        self.assertEqual(c.request("/admin/items/abc")[0], 404)
        self.assertEqual(c.post("/admin/items/999999/withdraw", {"note": "x"})[0], 404)

    def test_disabled_account_loses_its_sessions(self):
        SITE.execute("INSERT INTO user (name, role, password_hash, created_at) SELECT 'dora', role, password_hash, 0 FROM user WHERE name = 'bob'")
        c = signed_in(SITE, ("dora", "editor", EDITOR[2]))
        self.assertEqual(c.request("/admin")[0], 200)
        from harness import run
        self.assertEqual(run("user", "disable", "dora", "--db", SITE.db).returncode, 0)
        self.assertEqual(c.request("/admin")[0], 303)
        self.assertEqual(Client(SITE).login("dora", EDITOR[2])[0], 401)


class AppBodyLimit(unittest.TestCase):
    def test_the_application_refuses_a_body_over_its_own_limit(self):
        with Site(users=[EDITOR], body_limit=2000) as small:
            c = Client(small)
            self.assertEqual(c.login(EDITOR[0], EDITOR[2])[0], 303)
            status, _, body = c.post("/admin/new", dict(statement("x", body="y" * 5000), action="save"))
            self.assertEqual(status, 413)
            self.assertIn("larger than this site accepts", body)


if __name__ == "__main__":
    harness.main()
