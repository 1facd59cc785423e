"""test_subscribe.py: email alerts, the subscriber's side (issue 16), over real HTTP through nginx on a real
SQLite file. No mail is sent here (the sender is another process): the tests read the tokens and the outbox
rows from the database. Subscribing answers the same bytes for a new, a pending and a confirmed address and
queues one confirmation (a pending address at most one an hour, a confirmed one none); hostile addresses
(CRLF, controls, quoted, too long) get 422 with the form kept and escaped; confirming needs the POST, once,
and an unknown, used or expired token changes nothing; the preferences page changes what is received;
RFC 8058's one-click unsubscribe works without a cookie or CSRF token and deletes the row, audited as a
count only; the form is throttled per client address (429, Retry-After); with smtp_url unset alerts are
not offered and nothing is queued; publishers see counts, never addresses."""
import os
import re
import tempfile
import time
import unittest
import urllib.parse

import harness
from harness import Client, Site

PUBLISHER = ("pat", "publisher", "correct horse battery")
EDITOR = ("ed", "editor", "correct horse battery")
SITE = None
CONFIG = None


def setUpModule():
    global SITE, CONFIG
    fd, CONFIG = tempfile.mkstemp(suffix=".conf")
    with os.fdopen(fd, "w") as f:
        f.write("smtp_url = smtp://127.0.0.1:2525\nmail_from = press@embassy.example\n")
    SITE = Site(users=[PUBLISHER, EDITOR], env={"PRESSROOM_CONFIG": CONFIG}).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)
    os.unlink(CONFIG)


def subscribe(client, email, receive="both", languages=("en",), path="/subscribe", csrf=None):
    """GET the form (for its cookie and token), then post it; returns (status, headers, body)."""
    if csrf is None:
        client.request(path)
        csrf = client.csrf
    pairs = [("csrf", csrf), ("email", email)]
    if receive:
        pairs.append(("receive", receive))
    pairs += [("language", lang) for lang in languages]
    return client.request(path, "POST", raw=urllib.parse.urlencode(pairs))


def row(email):
    rows = SITE.query("SELECT id, releases, events, confirmed_at, confirm_token, confirm_expires, confirm_sent_at, "
                      "manage_token FROM subscriber WHERE email = ?", (email,))
    return rows[0] if rows else None


def confirmations(subscriber_id):
    return SITE.query("SELECT count(*) FROM outbox WHERE kind = 'confirm' AND subscriber_id = ?",
                      (subscriber_id,))[0][0]


def without_clock(body):
    """The page without the header's date and clocks, which change with the minute."""
    return re.sub(r"<time[^>]*>[^<]*</time>", "", body)


class Subscribing(unittest.TestCase):
    def test_form_offers_kinds_and_the_sites_languages(self):
        c = Client(SITE)
        status, h, body = c.request("/subscribe")
        self.assertEqual(status, 200)
        self.assertIn("no-store", h["cache-control"])
        self.assertTrue(any(x.startswith("pressroom_form=") and "HttpOnly" in x for x in h["set-cookie-all"]))
        self.assertRegex(body, r'name="csrf" value="[0-9a-f]{64}"')
        self.assertRegex(body, r'value="both" checked')
        self.assertRegex(body, r'name="language" value="en" checked')
        self.assertRegex(body, r'name="language" value="ru">')
        self.assertRegex(body, r'<link rel="alternate" hreflang="ru" href="http://[^"]+/ru/subscribe">')
        # The Russian page: its interface, its language chosen by default, and the same cookie kept.
        status, h, body = c.request("/ru/subscribe")
        self.assertEqual(status, 200)
        self.assertIn('lang="ru"', body)
        self.assertIn("Подписаться", body)
        self.assertRegex(body, r'name="language" value="ru" checked')
        self.assertFalse(h["set-cookie-all"], "a browser with a good form cookie keeps it")
        # Every page leads to it, in its language.
        self.assertIn('<a class="alerts-link" href="/subscribe">Email alerts</a>', SITE.get("/")[2])
        self.assertIn('<a class="alerts-link" href="/ru/subscribe">', SITE.get("/ru/")[2])

    def test_new_pending_and_confirmed_get_the_same_answer(self):
        c = Client(SITE, source="127.0.0.2")
        status, h1, new = subscribe(c, "New.Person@Example.ORG", "releases", ("en", "ru"))
        self.assertEqual(status, 200, new)
        self.assertIn("a message is on its way", new)
        r = row("New.Person@example.org")  # the domain lower-cased, the local part as typed
        self.assertIsNotNone(r)
        sid, releases, events, confirmed, token, expires, sent, manage = r
        self.assertEqual((releases, events, confirmed), (1, 0, None))
        self.assertRegex(token, r"^[0-9a-f]{64}$")
        self.assertRegex(manage, r"^[0-9a-f]{64}$")
        self.assertNotEqual(token, manage)
        self.assertEqual(expires - sent, 48 * 3600)
        self.assertEqual(sorted(x for (x,) in SITE.query(
            "SELECT lang FROM subscriber_language WHERE subscriber_id = ?", (sid,))), ["en", "ru"])
        queued = SITE.query("SELECT kind, item_id, state, queued_at, next_at FROM outbox WHERE subscriber_id = ?",
                            (sid,))
        self.assertEqual(len(queued), 1)
        self.assertEqual(queued[0][:3], ("confirm", None, "queued"))
        self.assertEqual(queued[0][3], queued[0][4])

        # Pending, within the hour: nothing more is queued, the token stands.
        status, h2, pending = subscribe(c, "New.Person@example.org")
        self.assertEqual(status, 200)
        self.assertEqual(confirmations(sid), 1)
        self.assertEqual(row("New.Person@example.org")[4], token)

        # Confirmed: nothing is queued either.
        SITE.execute("UPDATE subscriber SET email = 'confirmed@example.org', confirmed_at = unixepoch(), "
                     "confirm_token = NULL, confirm_expires = NULL WHERE id = ?", (sid,))
        status, h3, confirmed_page = subscribe(c, "confirmed@example.org")
        self.assertEqual(status, 200)
        self.assertEqual(confirmations(sid), 1)

        # The same page, byte for byte (the header's clock aside when the minute turned between them).
        if h1["date"][:-3] == h2["date"][:-3] == h3["date"][:-3]:
            self.assertEqual(new, pending)
            self.assertEqual(new, confirmed_page)
        self.assertEqual(without_clock(new), without_clock(pending))
        self.assertEqual(without_clock(new), without_clock(confirmed_page))
        self.assertNotIn("example.org", new)

    def test_a_pending_address_gets_a_new_confirmation_after_an_hour(self):
        c = Client(SITE, source="127.0.0.3")
        self.assertEqual(subscribe(c, "slow@example.org")[0], 200)
        sid, _, _, _, token, _, _, _ = row("slow@example.org")
        SITE.execute("UPDATE subscriber SET confirm_sent_at = confirm_sent_at - 3601, "
                     "confirm_expires = confirm_expires - 3601 WHERE id = ?", (sid,))
        self.assertEqual(subscribe(c, "slow@example.org", "events", ("ru",))[0], 200)
        r = row("slow@example.org")
        self.assertEqual(confirmations(sid), 2)
        self.assertNotEqual(r[4], token, "a new token replaces the old one")
        self.assertEqual((r[1], r[2]), (0, 1))
        self.assertEqual(SITE.query("SELECT lang FROM subscriber_language WHERE subscriber_id = ?", (sid,)), [("ru",)])

    def test_addresses_never_confirmed_are_deleted_a_week_after_their_link_expired(self):
        c = Client(SITE, source="127.0.0.12")
        for email in ("forgotten@example.org", "recent@example.org"):
            self.assertEqual(subscribe(c, email)[0], 200)
        SITE.execute("UPDATE subscriber SET confirm_expires = unixepoch() - 7 * 86400 - 1 "
                     "WHERE email = 'forgotten@example.org'")
        SITE.execute("UPDATE subscriber SET confirm_expires = unixepoch() - 7 * 86400 + 60 "
                     "WHERE email = 'recent@example.org'")
        forgotten = row("forgotten@example.org")[0]
        self.assertEqual(subscribe(c, "someone-else@example.org")[0], 200)
        self.assertIsNone(row("forgotten@example.org"))
        self.assertEqual(confirmations(forgotten), 0)
        self.assertIsNotNone(row("recent@example.org"), "its expired link still says so (410) for a week")

    def test_hostile_and_malformed_addresses_get_422_with_the_form_kept(self):
        c = Client(SITE, source="127.0.0.4")
        cases = {
            "victim@example.org\r\nBcc: everyone@example.org": "victim@example.org  Bcc: everyone@example.org",
            "a@b.example\x00": None,  # a NUL: refused before the form is read (400)
            '"<script>alert(1)</script>"@example.org': "&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;@example.org",
            "x" * 65 + "@example.org": "x" * 65 + "@example.org",
            "a@" + "b" * 250 + ".org": None,
            "a@localhost": "a@localhost",
            "a..b@example.org": "a..b@example.org",
            "имя@пример.рф": "имя@пример.рф",
            "": "",
        }
        before = SITE.query("SELECT count(*) FROM subscriber")[0][0]
        for typed, shown in cases.items():
            status, _, body = subscribe(c, typed)
            if shown is None and "\x00" in typed:
                self.assertEqual(status, 400, repr(typed))
                continue
            self.assertEqual(status, 422, repr(typed))
            self.assertIn('aria-invalid="true"', body)
            self.assertIn('class="field-error"', body)
            if shown is not None:
                self.assertIn(f'value="{shown}"', body, repr(typed))
            self.assertNotIn("<script>", body)
            self.assertRegex(body, r'value="both" checked', "the other choices are kept")
        self.assertEqual(SITE.query("SELECT count(*) FROM subscriber")[0][0], before)
        self.assertIn("subscription refused", SITE.log())
        self.assertIn("Quoted names", subscribe(c, '"john"@example.org')[2])

    def test_kinds_and_languages_are_required(self):
        c = Client(SITE, source="127.0.0.5")
        status, _, body = subscribe(c, "choosy@example.org", receive=None)
        self.assertEqual(status, 422)
        self.assertIn("Choose what to receive", body)
        self.assertIn('value="choosy@example.org"', body)
        status, _, body = subscribe(c, "choosy@example.org", languages=())
        self.assertEqual(status, 422)
        self.assertIn("Choose at least one language", body)
        status, _, body = subscribe(c, "choosy@example.org", languages=("de",))  # not the site's
        self.assertEqual(status, 422)
        status, _, _ = subscribe(c, "choosy@example.org", receive="everything")
        self.assertEqual(status, 422)
        status, _, _ = subscribe(c, "choosy@example.org", languages=("<x>",))
        self.assertEqual(status, 400)
        self.assertIsNone(row("choosy@example.org"))

    def test_a_forged_post_is_refused(self):
        c = Client(SITE, source="127.0.0.6")
        status, _, _ = subscribe(c, "forged@example.org", csrf="")
        self.assertEqual(status, 403)
        other = Client(SITE, source="127.0.0.6")
        other.request("/subscribe")
        status, _, _ = subscribe(Client(SITE, source="127.0.0.6"), "forged@example.org", csrf=other.csrf)
        self.assertEqual(status, 403, "a token without its cookie")
        self.assertIsNone(row("forged@example.org"))


class Confirming(unittest.TestCase):
    def pending(self, email):
        c = Client(SITE, source="127.0.0.7")
        self.assertEqual(subscribe(c, email)[0], 200)
        return c, row(email)

    def test_get_shows_a_button_and_the_post_confirms_once(self):
        c, r = self.pending("confirm-me@example.org")
        token = r[4]
        status, _, body = c.request(f"/subscribe/confirm?token={token}")
        self.assertEqual(status, 200)
        self.assertIn(f'action="/subscribe/confirm?token={token}"', body)
        self.assertIsNone(row("confirm-me@example.org")[3], "a GET (a mail scanner) confirms nothing")
        status, _, body = c.request(f"/subscribe/confirm?token={token}", "POST",
                                    raw=urllib.parse.urlencode({"csrf": c.csrf}))
        self.assertEqual(status, 200, body)
        r = row("confirm-me@example.org")
        self.assertIsNotNone(r[3])
        self.assertIsNone(r[4])
        self.assertIsNone(r[5])
        self.assertIn(f"/subscription?token={r[7]}", body)
        # Single use: the token is gone.
        status, _, body = c.request(f"/subscribe/confirm?token={token}", "POST",
                                    raw=urllib.parse.urlencode({"csrf": c.csrf}))
        self.assertEqual(status, 404)
        self.assertIn("used already", body)

    def test_unknown_expired_and_malformed_tokens_change_nothing(self):
        c, r = self.pending("late@example.org")
        SITE.execute("UPDATE subscriber SET confirm_expires = unixepoch() - 1 WHERE id = ?", (r[0],))
        for method in ("GET", "POST"):
            status, _, body = c.request(f"/subscribe/confirm?token={r[4]}", method,
                                        raw=urllib.parse.urlencode({"csrf": c.csrf}) if method == "POST" else None)
            self.assertEqual(status, 410, method)
            self.assertIn("expired", body)
        status, _, body = c.request(f"/ru/subscribe/confirm?token={r[4]}")
        self.assertEqual(status, 410)
        self.assertIn("Срок действия ссылки", body)
        self.assertIsNone(row("late@example.org")[3])
        status, _, body = c.request("/ru/subscribe/confirm?token=" + "0" * 64)
        self.assertEqual(status, 404)
        self.assertIn("недействительна", body)
        self.assertEqual(c.request("/subscribe/confirm?token=short")[0], 400)
        self.assertEqual(c.request("/subscribe/confirm")[0], 404)


class Managing(unittest.TestCase):
    def confirmed(self, email):
        c = Client(SITE, source="127.0.0.8")
        self.assertEqual(subscribe(c, email, "both", ("en",))[0], 200)
        r = row(email)
        SITE.execute("UPDATE subscriber SET confirmed_at = unixepoch(), confirm_token = NULL WHERE id = ?", (r[0],))
        return c, r[0], r[7]

    def test_preferences_are_shown_and_changed(self):
        c, sid, manage = self.confirmed("prefs@example.org")
        status, _, body = c.request(f"/subscription?token={manage}")
        self.assertEqual(status, 200)
        self.assertIn("prefs@example.org", body)
        self.assertRegex(body, r'value="both" checked')
        self.assertIn(f'action="/unsubscribe?token={manage}"', body)
        pairs = [("csrf", c.csrf), ("receive", "events"), ("language", "ru"), ("language", "en")]
        status, _, body = c.request(f"/subscription?token={manage}", "POST", raw=urllib.parse.urlencode(pairs))
        self.assertEqual(status, 200, body)
        self.assertRegex(body, r'value="events" checked')
        self.assertEqual(SITE.query("SELECT releases, events FROM subscriber WHERE id = ?", (sid,)), [(0, 1)])
        self.assertEqual(sorted(SITE.query("SELECT lang FROM subscriber_language WHERE subscriber_id = ?", (sid,))),
                         [("en",), ("ru",)])
        status, _, body = c.request(f"/subscription?token={manage}", "POST",
                                    raw=urllib.parse.urlencode([("csrf", c.csrf), ("receive", "events")]))
        self.assertEqual(status, 422)
        self.assertEqual(len(SITE.query("SELECT lang FROM subscriber_language WHERE subscriber_id = ?", (sid,))), 2)
        self.assertEqual(c.request("/subscription?token=" + "a" * 64)[0], 404)
        status, _, body = c.request(f"/ru/subscription?token={manage}")
        self.assertIn("Отписаться", body)

    def test_one_click_unsubscribe_deletes_the_row_without_cookie_or_token(self):
        c, sid, manage = self.confirmed("leaving@example.org")
        SITE.execute("INSERT INTO outbox (kind, subscriber_id, queued_at, next_at) VALUES ('confirm', ?, 0, 0)", (sid,))
        audits = SITE.query("SELECT count(*) FROM audit")[0][0]
        # As a mail provider posts it (RFC 8058): no cookie, no CSRF field.
        status, h, body = SITE.get(f"/unsubscribe?token={manage}", "POST",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"},
                                   body="List-Unsubscribe=One-Click")
        self.assertEqual(status, 200, body)
        self.assertIn("unsubscribed", body)
        self.assertIsNone(row("leaving@example.org"))
        self.assertEqual(SITE.query("SELECT count(*) FROM subscriber_language WHERE subscriber_id = ?", (sid,)), [(0,)])
        self.assertEqual(SITE.query("SELECT count(*) FROM outbox WHERE subscriber_id = ?", (sid,)), [(0,)])
        audit = SITE.query("SELECT action, detail FROM audit ORDER BY id DESC LIMIT 1")
        self.assertEqual(audit, [("unsubscribe", "1 subscriber unsubscribed")])
        self.assertEqual(SITE.query("SELECT count(*) FROM audit")[0][0], audits + 1)
        self.assertEqual(SITE.query("SELECT count(*) FROM audit WHERE detail LIKE '%leaving%'"), [(0,)])
        self.assertNotIn("leaving@example.org", SITE.log())
        # Again: nothing there any more, and nothing else said.
        status, _, body = SITE.get(f"/unsubscribe?token={manage}", "POST",
                                   headers={"Content-Type": "application/x-www-form-urlencoded"},
                                   body="List-Unsubscribe=One-Click")
        self.assertEqual(status, 404)

    def test_one_click_as_multipart_form_data(self):
        # RFC 8058 says the POST SHOULD be multipart/form-data, as large mail providers send it.
        c, sid, manage = self.confirmed("multipart@example.org")
        boundary = "----b0undary"
        body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
                f"One-Click\r\n--{boundary}--\r\n")
        status, _, page = SITE.get(f"/unsubscribe?token={manage}", "POST", body=body,
                                   headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        self.assertEqual(status, 200, page)
        self.assertIsNone(row("multipart@example.org"))
        # Only the one-click routes take it: the subscribe form still wants a urlencoded body.
        status, _, _ = SITE.get("/subscribe", "POST", body=body,
                                headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        self.assertEqual(status, 415)

    def test_unsubscribe_needs_the_one_click_body_and_a_post(self):
        c, sid, manage = self.confirmed("staying@example.org")
        status, _, _ = SITE.get(f"/unsubscribe?token={manage}", "POST",
                                headers={"Content-Type": "application/x-www-form-urlencoded"}, body="")
        self.assertEqual(status, 400)
        status, _, _ = SITE.get(f"/unsubscribe?token={manage}", "POST",
                                headers={"Content-Type": "application/x-www-form-urlencoded"},
                                body="List-Unsubscribe=Yes")
        self.assertEqual(status, 400)
        status, h, _ = SITE.get(f"/unsubscribe?token={manage}")
        self.assertEqual(status, 405)
        self.assertIsNotNone(row("staying@example.org"))
        # The preferences page's button posts the same (in Russian under /ru/).
        status, _, body = c.request(f"/ru/unsubscribe?token={manage}", "POST",
                                    raw="List-Unsubscribe=One-Click")
        self.assertEqual(status, 200)
        self.assertIn("Вы отписались", body)
        self.assertIsNone(row("staying@example.org"))


class Throttling(unittest.TestCase):
    def test_one_client_address_is_limited(self):
        c = Client(SITE, source="127.0.0.20")
        c.request("/subscribe")
        for i in range(10):
            status, _, _ = subscribe(c, f"bulk{i}@example.org", csrf=c.csrf)
            self.assertEqual(status, 200, i)
        status, h, body = subscribe(c, "bulk10@example.org", csrf=c.csrf)
        self.assertEqual(status, 429)
        retry = int(h["retry-after"])
        self.assertTrue(0 < retry <= 3600, retry)
        self.assertIsNone(row("bulk10@example.org"))
        self.assertRegex(SITE.log(), r"429 POST /subscribe: subscriptions from 127\.0\.0\.20 throttled")
        # Another client is not held back; refusals did not count (the window still ends as it did).
        self.assertEqual(subscribe(Client(SITE, source="127.0.0.21"), "other@example.org")[0], 200)
        status, h, _ = subscribe(c, "bulk11@example.org", csrf=c.csrf)
        self.assertEqual(status, 429)
        # The attempts are the throttle's own rows: the sign-in's table is not touched.
        self.assertEqual(SITE.query("SELECT count(*) FROM subscribe_attempt WHERE address = '127.0.0.20'"), [(10,)])
        self.assertEqual(SITE.query("SELECT count(*) FROM login_failure WHERE address = '127.0.0.20'"), [(0,)])


class NightlyHousekeeping(unittest.TestCase):
    def test_db_optimize_removes_addresses_never_confirmed_and_old_attempts(self):
        # Without a subscribe post for weeks, nothing else would delete them.
        now, day = int(time.time()), 86400
        for tag, expired in (("stale", now - 8 * day), ("fresh", now - 6 * day)):
            SITE.execute("INSERT INTO subscriber (email, releases, events, created_at, confirm_token, confirm_expires,"
                         " manage_token) VALUES (?, 1, 0, ?, ?, ?, ?)",
                         (f"hk-{tag}@example.org", expired - 2 * day, f"hk-c-{tag}", expired, f"hk-m-{tag}"))
        SITE.execute("INSERT INTO subscriber (email, releases, events, created_at, confirmed_at, confirm_expires,"
                     " manage_token) VALUES ('hk-confirmed@example.org', 1, 0, ?, ?, ?, 'hk-m-confirmed')",
                     (now - 30 * day, now - 29 * day, now - 28 * day))
        for tag, at in (("stale", now - 2 * 3600), ("fresh", now - 60)):
            SITE.execute("INSERT INTO subscribe_attempt (address, at) VALUES (?, ?)", (f"hk-{tag}", at))
        proc = SITE.check(harness.run("db", "optimize", "--db", SITE.db))
        self.assertRegex(proc.stdout, r"[1-9]\d* addresses never confirmed, [1-9]\d* old subscribe attempts")
        left = {r[0] for r in SITE.query("SELECT email FROM subscriber WHERE email LIKE 'hk-%'")}
        self.assertEqual(left, {"hk-fresh@example.org", "hk-confirmed@example.org"})
        attempts = {r[0] for r in SITE.query("SELECT address FROM subscribe_attempt WHERE address LIKE 'hk-%'")}
        self.assertEqual(attempts, {"hk-fresh"})


class Admin(unittest.TestCase):
    def test_publisher_sees_counts_never_addresses(self):
        c = Client(SITE, source="127.0.0.30")
        subscribe(c, "counted@example.org", "releases", ("ru",))
        pub = Client(SITE)
        pub.login(*PUBLISHER[::2])
        status, _, body = pub.request("/admin/subscribers")
        self.assertEqual(status, 200)
        pending = SITE.query("SELECT count(*) FROM subscriber WHERE confirmed_at IS NULL")[0][0]
        self.assertIn(f'<span id="pending">{pending}</span>', body)
        ru_pending = SITE.query("SELECT count(*) FROM subscriber s JOIN subscriber_language l ON l.subscriber_id = s.id "
                                "WHERE l.lang = 'ru' AND s.releases AND s.confirmed_at IS NULL")[0][0]
        self.assertRegex(body, rf'<tr class="list-ru">.*<td class="releases-pending">{ru_pending}</td>')
        self.assertNotIn("@example.org", body)
        ed = Client(SITE)
        ed.login(*EDITOR[::2])
        self.assertEqual(ed.request("/admin/subscribers")[0], 403)
        self.assertIn(Client(SITE).request("/admin/subscribers")[0], (303,))


    def test_an_items_page_counts_its_alerts(self):
        item = SITE.query("SELECT id FROM item WHERE status = 'published' ORDER BY id LIMIT 1")[0][0]
        pub = Client(SITE)
        pub.login(*PUBLISHER[::2])
        status, _, body = pub.request(f"/admin/items/{item}")
        self.assertEqual(status, 200)
        self.assertNotIn('class="alerts"', body, "no alerts queued: nothing said")
        SITE.execute("INSERT INTO subscriber (email, releases, events, created_at, manage_token) "
                     "VALUES ('alerted@example.org', 1, 1, 0, ?)", ("c" * 64,))
        sid = row("alerted@example.org")[0]
        for version, state in ((1, "sent"), (2, "sent"), (3, "failed"), (4, "queued"), (5, "sent")):
            SITE.execute("INSERT INTO outbox (kind, subscriber_id, item_id, version, state, queued_at, next_at) "
                         "VALUES ('correction', ?, ?, ?, ?, 0, 0)", (sid, item, version, state))
        status, _, body = pub.request(f"/admin/items/{item}")
        self.assertIn('<span class="alerts-queued">1</span> queued, <span class="alerts-sent">3</span> sent, '
                      '<span class="alerts-failed">1</span> failed', body)
        self.assertNotIn("alerted@example.org", body)

    def test_the_command_line_exports_confirmed_subscribers_as_csv(self):
        c = Client(SITE, source="127.0.0.31")
        subscribe(c, "Exported@Example.org", "events", ("ru", "en"))
        subscribe(c, "unconfirmed@example.org")
        SITE.execute("UPDATE subscriber SET confirmed_at = 1500000000 WHERE email = 'Exported@example.org'")
        proc = harness.run("subscribers", "export", "--db", SITE.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        lines = proc.stdout.splitlines()  # RFC 4180 CRLF, read in text mode
        self.assertEqual(lines[0], "email,releases,events,languages,confirmed_at")
        self.assertIn("Exported@example.org,no,yes,en ru,2017-07-14T02:40:00Z", lines)
        self.assertNotIn("unconfirmed@example.org", proc.stdout)
        confirmed = SITE.query("SELECT count(*) FROM subscriber WHERE confirmed_at IS NOT NULL")[0][0]
        self.assertEqual(len([x for x in lines[1:] if x]), confirmed)
        proc = harness.run("subscribers", "count", "--db", SITE.db)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        pending = SITE.query("SELECT count(*) FROM subscriber WHERE confirmed_at IS NULL")[0][0]
        self.assertIn(f"{confirmed} confirmed, {pending} pending", proc.stdout)
        self.assertNotIn("@", proc.stdout)
        self.assertEqual(harness.run("subscribers", "list", "--db", SITE.db).returncode, 2)


class AlertsOff(unittest.TestCase):
    def test_without_smtp_url_nothing_is_offered_or_queued(self):
        with Site(env={"PRESSROOM_CONFIG": ""}) as site:
            c = Client(site)
            status, _, body = c.request("/subscribe")
            self.assertEqual(status, 200)
            self.assertIn("not offered", body)
            self.assertNotIn('name="email"', body)
            self.assertNotIn("alerts-link", site.get("/")[2])
            pairs = [("csrf", "0" * 64), ("email", "x@example.org"), ("receive", "both"), ("language", "en")]
            c.cookies["pressroom_form"] = "0" * 64
            status, _, body = c.request("/subscribe", "POST", raw=urllib.parse.urlencode(pairs))
            self.assertEqual(status, 404)
            self.assertIn("not offered", body)
            self.assertEqual(site.query("SELECT count(*) FROM subscriber"), [(0,)])
            self.assertEqual(site.query("SELECT count(*) FROM outbox"), [(0,)])


harness.main()
