"""test_alerts_send.py: email alerts and WebSub pings leave through the sender process (issue 16, delivery;
docs/alerts.md), to a real SMTP server (Debian's aiosmtpd, tests/integration/smtp_sink.py) and a WebSub hub
stand-in, both started here on loopback ports; each message is parsed with Python's email package.

Publishing sends exactly one alert to each matching confirmed subscriber and nothing to the others, with
From, To, an RFC 2047 subject (Cyrillic decoded back), Date, Message-ID, List-Unsubscribe and
List-Unsubscribe-Post, a multipart/alternative of text and HTML with the statement, its signature block,
its link and its signature's link; a title with CR/LF adds no header; a scheduled item is mailed at its
time with no page hit; a 5xx is not retried; a correction sends only when the publisher ticks the box; the
relay down keeps rows queued with backoff and delivers them once it is back; SIGKILL of the whole server in
the middle of 500 alerts loses none and duplicates at most the one in flight; the hubs hear of each change
and the feeds name them."""
import email
import email.header
import email.policy
import email.utils
import glob
import http.server
import os
import re
import secrets
import shutil
import signal
import socket
import sqlite3
import tempfile
import threading
import time
import unittest
import urllib.parse

import admin_forms
import harness
from harness import Site, poll, run

PY = "/usr/bin/python3"
SINK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "smtp_sink.py")
BASE = "https://embassy.example"
FROM = "press@embassy.example"
ALICE = ("alice", "publisher", "correct horse battery")


class Sink:
    """The SMTP server: a process of its own (harness.spawn) writing each message to a folder."""

    def __init__(self, port=None, login=None):
        self.dir = tempfile.mkdtemp(prefix="pressroom-smtp-")
        self.port = port or harness.free_port()
        self.proc = None
        self.env = dict(os.environ, **({"SINK_LOGIN": login} if login else {}))

    def start(self):
        self.log = open(os.path.join(self.dir, "sink.log"), "ab")
        self.proc = harness.spawn([PY, SINK, str(self.port), self.dir], stdout=self.log, stderr=self.log, env=self.env)

        def listening():
            if self.proc.poll() is not None:
                raise AssertionError("the SMTP sink exited:\n" + harness.read_text(self.log.name))
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return True
            except OSError:
                return False
        poll(listening, "the SMTP sink to listen")
        return self

    def stop(self):
        if self.proc is not None:
            harness.stop_group(self.proc)
            self.log.close()
        self.proc = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def messages(self):
        """[(arrival in seconds, envelope recipients, parsed message)] in arrival order."""
        out = []
        for path in sorted(glob.glob(os.path.join(self.dir, "*.eml")),
                           key=lambda p: tuple(int(x) for x in os.path.basename(p)[:-4].split("-"))):
            with open(path, "rb") as f:
                msg = email.message_from_bytes(f.read(), policy=email.policy.default)
            with open(path[:-4] + ".rcpt") as f:
                rcpts = f.read().split("\n")
            out.append((int(os.path.basename(path).split("-")[0]) / 1e9, rcpts, msg))
        return out

    def raw(self, msg_id):
        for path in glob.glob(os.path.join(self.dir, "*.eml")):
            with open(path, "rb") as f:
                data = f.read()
            if msg_id.encode() in data:
                return data
        return None

    def about(self, subject):
        """The messages whose decoded subject is subject."""
        return [m for m in self.messages() if str(m[2]["Subject"]) == subject]


class Hub(http.server.ThreadingHTTPServer):
    """A WebSub hub stand-in in this process: records each POST's form."""

    def __init__(self):
        self.pings = []
        hub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                hub.pings.append(urllib.parse.parse_qs(body))
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass
        super().__init__(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server_address[1]}/hub"
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.shutdown()
        self.server_close()

    def topics(self):
        return {p["hub.url"][0] for p in self.pings if p.get("hub.mode") == ["publish"]}


def write_conf(folder, smtp_port, extra=""):
    conf = os.path.join(folder, "pressroom.conf")
    with open(conf, "w") as f:
        f.write(f"smtp_url = smtp://127.0.0.1:{smtp_port}\nmail_from = {FROM}\nsite_url = {BASE}\n"
                f"site_name = Embassy of Testland\n{extra}")
    return conf


def connect(site):
    con = sqlite3.connect(site.db, timeout=30)
    con.execute("PRAGMA foreign_keys=ON")
    return con


def add_subscriber(site, address, releases=1, events=1, langs=("en",), confirmed=True):
    """A subscriber written straight into the database (the subscribe pages are the other half of issue 16);
    returns its manage token."""
    token = secrets.token_hex(32)
    now = int(time.time())
    with connect(site) as con:
        cur = con.execute("INSERT INTO subscriber (email, releases, events, created_at, confirmed_at, manage_token) "
                          "VALUES (?, ?, ?, ?, ?, ?)", (address, releases, events, now, now if confirmed else None, token))
        con.executemany("INSERT INTO subscriber_language (subscriber_id, lang) VALUES (?, ?)",
                        [(cur.lastrowid, lang) for lang in langs])
    con.close()
    return token


def add_readers(site, n):
    """n confirmed English subscribers, reader0@example.org to reader{n-1}@example.org, in one transaction."""
    now = int(time.time())
    with connect(site) as con:
        for i in range(n):
            cur = con.execute("INSERT INTO subscriber (email, releases, events, created_at, confirmed_at, "
                              "manage_token) VALUES (?, 1, 1, ?, ?, ?)",
                              (f"reader{i}@example.org", now, now, secrets.token_hex(32)))
            con.execute("INSERT INTO subscriber_language VALUES (?, 'en')", (cur.lastrowid,))
    con.close()


def since(site):
    """When the sender began (it records it on its first start): items public before are never mailed."""
    return poll(lambda: (site.query("SELECT value FROM alerts_state WHERE key = 'since'") or [[None]])[0][0],
                "the sender to start")


def insert_item(site, title, kind="release", lang="en", at=None, body="Body text."):
    """An item published at `at` (default now), written by SQL; returns its id."""
    at = at if at is not None else max(int(time.time()), since(site))
    site.execute("INSERT INTO item (kind, type, slug, title, teaser, body, signature, status, published_at, "
                 "created_at, updated_at, lang) VALUES (?, ?, 'alert-test', ?, 'A teaser.', ?, '', 'published', ?, ?, ?, ?)",
                 (kind, "statement" if kind == "release" else "event", title, body, at, at, at, lang))
    return site.query("SELECT max(id) FROM item")[0][0]


def settled(site, item_id):
    """No row of the item is queued any more."""
    return site.query("SELECT count(*) FROM outbox WHERE item_id = ?", (item_id,))[0][0] > 0 and \
        site.query("SELECT count(*) FROM outbox WHERE item_id = ? AND state = 'queued'", (item_id,))[0][0] == 0


# ---- one site with the relay up, a hub, a signing key and a handful of subscribers ----

SITE = SINK_UP = HUB = FOLDER = None
TOKENS = {}


def setUpModule():
    global SITE, SINK_UP, HUB, FOLDER
    FOLDER = tempfile.mkdtemp(prefix="pressroom-alerts-")
    key = os.path.join(FOLDER, "signing.key")
    assert run("key", "generate", "--key", key).returncode == 0
    SINK_UP = Sink().start()
    HUB = Hub()
    conf = write_conf(FOLDER, SINK_UP.port, f"mail_rate = 6000\nwebsub_hub = {HUB.url}\nsigning_key = {key}\n")
    SITE = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}).__enter__()
    since(SITE)
    TOKENS["all"] = add_subscriber(SITE, "all@example.org")
    TOKENS["events"] = add_subscriber(SITE, "events@example.org", releases=0)
    TOKENS["ru"] = add_subscriber(SITE, "ru@example.org", events=0, langs=("ru",))
    TOKENS["pending"] = add_subscriber(SITE, "pending@example.org", confirmed=False)
    TOKENS["reject"] = add_subscriber(SITE, "reject-me@example.org", events=0)


def tearDownModule():
    SITE.__exit__(None, None, None)
    SINK_UP.cleanup()
    HUB.close()
    shutil.rmtree(FOLDER, ignore_errors=True)


def parts(msg):
    """The text and HTML parts of a multipart/alternative message, checking its shape."""
    assert msg.get_content_type() == "multipart/alternative", msg.get_content_type()
    kinds = [p.get_content_type() for p in msg.iter_parts()]
    assert kinds == ["text/plain", "text/html"], kinds
    plain, rich = msg.iter_parts()
    return plain.get_content().replace("\r\n", "\n"), rich.get_content().replace("\r\n", "\n")


class Alerts(unittest.TestCase):
    def test_publishing_mails_each_matching_confirmed_subscriber_once(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        title = "Statement on the alerts " + secrets.token_hex(3)
        iid = admin_forms.publish(alice, title,
                                  "First paragraph with <b>raw</b> HTML & more.\n\nSecond **strong** one.",
                                  teaser="What it says <b>now</b> & then.", signature="The Ambassador\nLondon")
        poll(lambda: settled(SITE, iid), "the alerts to be sent or failed")
        got = SINK_UP.about(title)
        self.assertEqual([rcpts for _, rcpts, _ in got], [["all@example.org"]],
                         "exactly one alert, to the one matching confirmed subscriber")
        _, _, msg = got[0]
        self.assertEqual(msg["To"], "all@example.org")
        self.assertEqual(email.utils.parseaddr(msg["From"]), ("Embassy of Testland", FROM))
        self.assertEqual(msg["MIME-Version"], "1.0")
        self.assertLess(abs(email.utils.parsedate_to_datetime(msg["Date"]).timestamp() - time.time()), 300)
        self.assertRegex(msg["Message-ID"], r"^<alert\.\d+@embassy\.example>$")
        self.assertEqual(msg["List-Unsubscribe"], f"<{BASE}/unsubscribe?token={TOKENS['all']}>")
        self.assertEqual(msg["List-Unsubscribe-Post"], "List-Unsubscribe=One-Click")
        slug = SITE.query("SELECT slug FROM item WHERE id = ?", (iid,))[0][0]
        url = f"{BASE}/releases/{iid}-{slug}"
        text, page = parts(msg)
        for expected in (title, "What it says <b>now</b> & then.", "First paragraph with <b>raw</b> HTML & more.",
                         "Second **strong** one.", "The Ambassador\nLondon", url, url + ".txt.minisig",
                         f"{BASE}/subscription?token={TOKENS['all']}"):
            self.assertIn(expected, text)
        # The HTML part: the site's own rendering of the body (cmark, raw HTML dropped), text data escaped,
        # the same links.
        self.assertIn("<strong>strong</strong>", page)
        self.assertIn("HTML &amp; more.", page)
        self.assertIn("What it says &lt;b&gt;now&lt;/b&gt; &amp; then.", page)
        self.assertNotIn("<b>", page)
        self.assertIn(f'href="{url}"', page)
        self.assertIn(f'href="{url}.txt.minisig"', page)
        self.assertIn(f"{BASE}/subscription?token={TOKENS['all']}", page)
        self.assertIn("The Ambassador<br>London", page)
        # The signature the link names is served (the signer signed the version).
        poll(lambda: SITE.get(f"/releases/{iid}-{slug}.txt.minisig")[0] == 200, "the signature to be served")
        # Not the events-only, Russian-only or unconfirmed subscriber; the rejected one failed at once.
        rows = dict(SITE.query("SELECT s.email, o.state || ' ' || o.attempts FROM outbox o JOIN subscriber s "
                               "ON s.id = o.subscriber_id WHERE o.item_id = ?", (iid,)))
        self.assertEqual(rows, {"all@example.org": "sent 1", "reject-me@example.org": "failed 1"})
        error = SITE.query("SELECT error FROM outbox WHERE item_id = ? AND state = 'failed'", (iid,))[0][0]
        self.assertIn("550", error)

    def test_a_confirmation_row_sends_the_confirmation_link_and_an_expired_one_nothing(self):
        """The subscribe pages queue kind='confirm' rows; the message is built from the subscriber row."""
        now = int(time.time())
        rows = {}
        with connect(SITE) as con:
            for address, expires, langs in (("new@example.org", now + 48 * 3600, ("en",)),
                                            ("novyi@example.org", now + 48 * 3600, ("ru",)),
                                            ("late@example.org", now - 1, ("en",))):
                token = secrets.token_hex(32)
                cur = con.execute("INSERT INTO subscriber (email, releases, events, created_at, confirm_token, "
                                  "confirm_expires, confirm_sent_at, manage_token) VALUES (?, 1, 1, ?, ?, ?, ?, ?)",
                                  (address, now, token, expires, now, secrets.token_hex(32)))
                con.executemany("INSERT INTO subscriber_language VALUES (?, ?)", [(cur.lastrowid, l) for l in langs])
                out = con.execute("INSERT INTO outbox (kind, subscriber_id, queued_at, next_at) VALUES ('confirm', ?, ?, ?)",
                                  (cur.lastrowid, now, now))
                rows[address] = (token, out.lastrowid)
        con.close()
        ids = [r[1] for r in rows.values()]
        poll(lambda: SITE.query(f"SELECT count(*) FROM outbox WHERE id IN ({','.join('?' * 3)}) AND state <> 'queued'",
                                ids)[0][0] == 3, "the confirmations")
        got = [m for m in SINK_UP.messages() if m[1] in (["new@example.org"], ["novyi@example.org"], ["late@example.org"])]
        self.assertEqual(sorted(r[0] for _, r, _ in got), ["new@example.org", "novyi@example.org"])
        for _, (address,), msg in got:
            self.assertEqual(msg["To"], address)
            self.assertIsNone(msg["List-Unsubscribe"], "nothing to unsubscribe from yet")
            self.assertRegex(msg["Message-ID"], r"^<confirm\.\d+@embassy\.example>$")
            text, page = parts(msg)
            link = f"{BASE}/subscribe/confirm?token={rows[address][0]}"
            self.assertIn(link, text)
            self.assertIn(f'href="{link}"', page)
            self.assertIn("48", text)
        subjects = {r[0]: str(m["Subject"]) for _, r, m in got}
        self.assertEqual(subjects["new@example.org"], "Confirm your subscription to Embassy of Testland")
        self.assertIn("Подтвердите подписку", subjects["novyi@example.org"])
        self.assertEqual(SITE.query("SELECT state, attempts FROM outbox WHERE id = ?", (rows["late@example.org"][1],)),
                         [("failed", 1)])

    def test_a_5xx_rejection_is_not_retried(self):
        iid = insert_item(SITE, "Rejected somewhere " + secrets.token_hex(3))
        poll(lambda: settled(SITE, iid), "the alerts to be sent or failed")
        first = SITE.query("SELECT state, attempts, next_at, error FROM outbox o JOIN subscriber s ON "
                           "s.id = o.subscriber_id WHERE item_id = ? AND s.email LIKE 'reject%'", (iid,))[0]
        self.assertEqual(first[:2], ("failed", 1))
        # Later mail goes out, and the failed row is still as it was: never taken again.
        later = insert_item(SITE, "After the rejection " + secrets.token_hex(3))
        poll(lambda: settled(SITE, later), "the next alerts")
        self.assertEqual(SITE.query("SELECT state, attempts, next_at, error FROM outbox o JOIN subscriber s ON "
                                    "s.id = o.subscriber_id WHERE item_id = ? AND s.email LIKE 'reject%'", (iid,))[0],
                         first)

    def test_a_cyrillic_title_is_encoded_per_rfc_2047_and_reaches_russian_subscribers(self):
        title = "Заявление посольства о визах " + secrets.token_hex(3)
        iid = insert_item(SITE, title, lang="ru", body="Текст заявления.")
        poll(lambda: settled(SITE, iid), "the Russian alert")
        got = SINK_UP.about(title)
        self.assertEqual([rcpts for _, rcpts, _ in got], [["ru@example.org"]])
        raw = SINK_UP.raw(got[0][2]["Message-ID"]).decode("ascii")   # the whole message is 7-bit ASCII
        subject = re.search(r"^Subject: ([^\r\n]*(?:\r\n[ \t][^\r\n]*)*)", raw, re.M).group(1)
        self.assertRegex(subject, r"=\?(?i:utf-8)\?[BQbq]\?")
        self.assertEqual(str(email.header.make_header(email.header.decode_header(subject))), title)
        text, page = parts(got[0][2])
        self.assertIn("Текст заявления.", text)
        self.assertIn('lang="ru"', page)

    def test_cr_lf_in_a_title_adds_no_header(self):
        title = "Hostile\r\nBcc: victim@evil.example\r\nX-Injected: yes " + secrets.token_hex(3)
        iid = insert_item(SITE, title)
        poll(lambda: settled(SITE, iid), "the alert")
        got = [m for m in SINK_UP.messages() if "Hostile" in str(m[2]["Subject"]) and title[-6:] in str(m[2]["Subject"])]
        self.assertEqual([rcpts for _, rcpts, _ in got], [["all@example.org"]])
        msg = got[0][2]
        self.assertIsNone(msg["Bcc"])
        self.assertIsNone(msg["X-Injected"])
        self.assertEqual(str(msg["Subject"]), "Hostile  Bcc: victim@evil.example  X-Injected: yes " + title[-6:])

    def test_a_scheduled_item_is_mailed_at_its_time_without_a_page_hit(self):
        at = int(time.time()) + 4
        title = "Scheduled statement " + secrets.token_hex(3)
        iid = insert_item(SITE, title, at=at)
        self.assertEqual(SITE.query("SELECT count(*) FROM announced WHERE item_id = ?", (iid,))[0][0], 0)
        got = poll(lambda: SINK_UP.about(title), "the scheduled alert", timeout=60)
        self.assertGreaterEqual(got[0][0], at, "mailed before its time")
        self.assertEqual(SITE.query("SELECT min(queued_at) >= ? FROM outbox WHERE item_id = ?", (at, iid))[0][0], 1)

    def test_a_correction_sends_only_when_the_publisher_ticks_the_box(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        title = "Statement to correct " + secrets.token_hex(3)
        iid = admin_forms.publish(alice, title, "The first words.")
        poll(lambda: SINK_UP.about(title), "the first alert")
        path = f"/admin/items/{iid}"
        form, page = admin_forms.form_and_page(alice, path)
        self.assertIn('name="notify"', page)
        self.assertNotIn("notify", form, "unticked by default")
        admin_forms.correct(alice, iid, "Fixed a word", body="The second words.")
        admin_forms.correct(alice, iid, "Fixed a date", body="The third words.", notify="1")
        got = poll(lambda: SINK_UP.about("Correction: " + title), "the correction's alert")
        self.assertEqual([rcpts for _, rcpts, _ in got], [["all@example.org"]])
        text, _ = parts(got[0][2])
        self.assertIn("Fixed a date", text)
        self.assertIn("The third words.", text)
        # Requests are handled in order: the unticked correction (version 2) would have come first.
        self.assertEqual(SITE.query("SELECT DISTINCT version FROM outbox WHERE item_id = ? AND kind = 'correction'",
                                    (iid,)), [(3,)])
        self.assertEqual(len(SINK_UP.about(title)), 1)
        # A forged checkbox value is refused at the gate.
        form = admin_forms.form(alice, path)
        self.assertEqual(alice.post(path, dict(form, note="x", action="save", notify="yes"))[0], 400)

    def test_hubs_are_named_by_the_feeds_and_pinged_on_changes(self):
        status, _, feed = SITE.get("/feed.atom")
        self.assertEqual(status, 200)
        self.assertIn(f'<link rel="hub" href="{HUB.url}"/>', feed)
        self.assertIn(f'<link rel="hub" href="{HUB.url}"/>', SITE.get("/ru/events/feed.atom")[2])
        HUB.pings.clear()
        insert_item(SITE, "Pinged event " + secrets.token_hex(3), kind="event", lang="ru")
        poll(lambda: {f"{BASE}/ru/feed.atom", f"{BASE}/ru/events/feed.atom"} <= HUB.topics(), "the hub's pings")
        poll(lambda: SITE.query("SELECT count(*) FROM websub_ping WHERE state <> 'sent'")[0][0] == 0,
             "every ping to be answered")
        self.assertEqual(SITE.query("SELECT DISTINCT error IS NULL FROM websub_ping"), [(1,)])


class RelayDown(unittest.TestCase):
    def test_rows_wait_with_backoff_while_the_relay_is_down_and_go_once_it_is_back(self):
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        sink = Sink()   # its port chosen, nothing listening yet
        try:
            with Site(env={"PRESSROOM_CONFIG": write_conf(folder, sink.port)}) as site:
                since(site)
                add_subscriber(site, "reader@example.org")
                iid = insert_item(site, "While the relay was down")
                row = poll(lambda: site.query("SELECT state, attempts, next_at - queued_at, error FROM outbox "
                                              "WHERE item_id = ? AND attempts >= 1", (iid,)), "a failed attempt")[0]
                self.assertEqual(row[0], "queued")
                self.assertGreaterEqual(row[2], 55, "the first retry waits a minute")
                self.assertTrue(row[3], "the transport error is kept")
                sink.start()
                # The minute of backoff passes (moved here rather than waited for).
                with connect(site) as con:
                    con.execute("UPDATE outbox SET next_at = ? WHERE item_id = ?", (int(time.time()), iid))
                con.close()
                poll(lambda: settled(site, iid), "delivery after the relay came back")
                self.assertEqual([r for _, r, _ in sink.about("While the relay was down")], [["reader@example.org"]])
                self.assertEqual(site.query("SELECT state FROM outbox WHERE item_id = ?", (iid,)), [("sent",)])
        finally:
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)


class Login(unittest.TestCase):
    def test_the_relay_login_comes_from_the_password_file_and_a_wrong_one_is_retried(self):
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        sink = Sink(login="pressroom:s3cret pass").start()
        secret = os.path.join(folder, "smtp-password")
        with open(secret, "w") as f:
            f.write("wrong\n")
        os.chmod(secret, 0o600)
        try:
            conf = write_conf(folder, sink.port, f"smtp_user = pressroom\nsmtp_password_file = {secret}\n")
            with Site(env={"PRESSROOM_CONFIG": conf}) as site:
                since(site)
                add_subscriber(site, "reader@example.org")
                iid = insert_item(site, "Behind a login")
                row = poll(lambda: site.query("SELECT state, error FROM outbox WHERE item_id = ? AND attempts >= 1",
                                              (iid,)), "the refused login")[0]
                self.assertEqual(row[0], "queued", "a refused login is our configuration: retried, not failed")
                self.assertIn("535", row[1])
                self.assertEqual(sink.messages(), [])
                # The sysadmin fixes the file and restarts the server; the row goes at its next attempt.
                with open(secret, "w") as f:
                    f.write("s3cret pass\n")
                site.stop_app()
                site.start_app()
                with connect(site) as con:
                    con.execute("UPDATE outbox SET next_at = ? WHERE item_id = ?", (int(time.time()), iid))
                con.close()
                poll(lambda: settled(site, iid), "delivery with the right password")
                self.assertEqual([r for _, r, _ in sink.about("Behind a login")], [["reader@example.org"]])
        finally:
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)


class Rate(unittest.TestCase):
    def test_mail_rate_spaces_the_messages(self):
        """mail_rate = 60: one message a second at most, however many are due."""
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        sink = Sink().start()
        try:
            with Site(env={"PRESSROOM_CONFIG": write_conf(folder, sink.port, "mail_rate = 60\n")}) as site:
                since(site)
                for i in range(4):
                    add_subscriber(site, f"reader{i}@example.org")
                iid = insert_item(site, "Four readers at sixty a minute")
                poll(lambda: settled(site, iid), "the four alerts")
                arrivals = [at for at, _, _ in sink.about("Four readers at sixty a minute")]
                self.assertEqual(len(arrivals), 4)
                gaps = [b - a for a, b in zip(arrivals, arrivals[1:])]
                self.assertGreaterEqual(min(gaps), 0.9, gaps)
        finally:
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)


class MinimalConfig(unittest.TestCase):
    def test_just_smtp_url_and_mail_from_work_end_to_end(self):
        """No site_url, site_name or rate: the links are the site's own address as nginx gave it to the worker
        that published, and From names the site as the database does."""
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        sink = Sink().start()
        conf = os.path.join(folder, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"smtp_url = smtp://127.0.0.1:{sink.port}\nmail_from = {FROM}\n")
        try:
            with Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}) as site:
                since(site)
                token = add_subscriber(site, "reader@example.org")
                alice = admin_forms.signed_in(site, ALICE)
                iid = admin_forms.publish(alice, "Minimal configuration", "Words.", teaser=None)
                got = poll(lambda: sink.about("Minimal configuration"), "the alert")
                url = site.query("SELECT url FROM item_version WHERE item_id = ?", (iid,))[0][0]
                self.assertTrue(url.startswith(f"http://127.0.0.1:{site.port}/releases/{iid}-"), url)
                text, _ = parts(got[0][2])
                self.assertIn(url, text)
                self.assertIn(f"http://127.0.0.1:{site.port}/subscription?token={token}", text)
                name = site.query("SELECT value FROM setting WHERE key = 'site_name'")[0][0]
                self.assertEqual(email.utils.parseaddr(got[0][2]["From"]), (name, FROM))
        finally:
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)


class SenderSandbox(unittest.TestCase):
    def test_the_sender_reaches_only_its_relay_and_cannot_read_the_key_or_run_a_program(self):
        """tests/probe/sandbox_probe.c, preloaded, plays an intruder inside the sender on SIGUSR2 (as
        test_durability does inside a worker): the sender has the network the workers lack, but only to
        its relay's and hubs' ports, no file outside its folders (the signing key, owned by the service's
        user as deploy.md has it, included), and no program."""
        probe = os.environ.get("PRESSROOM_PROBE") or os.path.join(os.path.dirname(harness.BIN), "tests/sandbox_probe.so")
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        outside = tempfile.mkdtemp(prefix="pressroom-probe-")
        sink = Sink().start()
        listener = socket.create_server(("127.0.0.1", 0))
        try:
            key = os.path.join(folder, "signing.key")
            self.assertEqual(run("key", "generate", "--key", key).returncode, 0)
            victim = os.path.join(outside, "victim")
            with open(victim, "w") as f:
                f.write("untouched\n")
            os.chmod(outside, 0o777)
            os.chmod(victim, 0o666)
            if os.geteuid() == 0:   # the service user's own files: only the sandbox stands in the way
                os.chown(victim, 65534, 65534)
                os.chown(key, 65534, 65534)
            env = {"PRESSROOM_CONFIG": write_conf(folder, sink.port, f"signing_key = {key}\n"), "LD_PRELOAD": probe,
                   "PRESSROOM_PROBE_DIR": outside, "PRESSROOM_PROBE_PORT": str(listener.getsockname()[1]),
                   "PRESSROOM_PROBE_KEY": key}
            if "ASAN_OPTIONS" in os.environ:
                env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"] + ":verify_asan_link_order=0"
            with Site(env=env) as site:
                since(site)
                add_subscriber(site, "reader@example.org")
                iid = insert_item(site, "Before the intrusion")
                poll(lambda: settled(site, iid), "the first alert")   # the sandbox lets it do its job
                pid = int(re.search(r"sender (\d+): started", site.log()).group(1))
                with open(f"/proc/{pid}/status") as f:
                    self.assertRegex(f.read(), r"Seccomp:\s+2")
                os.kill(pid, signal.SIGUSR2)
                poll(lambda: f"the sender {pid} stopped (signal 31)" in site.log(), "the sender killed on exec")
                results = dict(re.findall(rf"^probe {pid} ([\w ]+) = (-?\d+ errno \d+)$", site.log(), re.M))
                for attempt in ("read", "read key", "create", "truncate", "chmod", "io_uring_setup", "connect"):
                    self.assertIn(attempt, results, site.log())
                    self.assertRegex(results[attempt], r"^-1 errno [1-9]", f"{attempt} succeeded in the sender")
                # Its filter is an allow list: a call it never makes fails with ENOSYS, as on a kernel without
                # it, even where a deny list would have let it through (a local socket) or Landlock refused it
                # first (truncate: EACCES).
                for attempt in ("truncate", "chmod", "io_uring_setup", "unix socket"):
                    self.assertEqual(results.get(attempt), "-1 errno 38", f"{attempt}:\n" + site.log())
                self.assertIn("exec", results)
                self.assertNotIn("exec returned", results)
                self.assertFalse(os.path.exists(os.path.join(outside, "created")))
                with open(victim) as f:
                    self.assertEqual(f.read(), "untouched\n")
                self.assertEqual(os.stat(victim).st_mode & 0o777, 0o666)
                listener.setblocking(False)
                self.assertRaises(BlockingIOError, listener.accept)
                # Another sender took its place and mails on.
                poll(lambda: len(re.findall(r"sender \d+: started", site.log())) == 2, "a new sender")
                later = insert_item(site, "After the intrusion")
                poll(lambda: settled(site, later), "the next alert")
                self.assertEqual(len(sink.about("After the intrusion")), 1)
        finally:
            listener.close()
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(outside, ignore_errors=True)


class Crash(unittest.TestCase):
    def test_sigkill_of_the_whole_server_in_a_batch_of_500_loses_none_and_duplicates_at_most_one(self):
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        sink = Sink().start()
        try:
            with Site(env={"PRESSROOM_CONFIG": write_conf(folder, sink.port, "mail_rate = 6000\n")}) as site:
                since(site)
                add_readers(site, 500)
                iid = insert_item(site, "To five hundred readers")
                poll(lambda: len(sink.messages()) >= 50, "the batch to be under way")
                harness.kill_group(site.app)   # supervisor, workers, signer and sender at once
                at_kill = len(sink.messages())
                sent_at_kill = site.query("SELECT count(*) FROM outbox WHERE item_id = ? AND state = 'sent'", (iid,))[0][0]
                self.assertLess(at_kill, 500, "the kill came after the batch: it proves nothing")
                site.start_app()
                poll(lambda: settled(site, iid), "the batch to finish after the restart", timeout=120)
                counts = {}
                for _, rcpts, _ in sink.messages():
                    for r in rcpts:
                        counts[r] = counts.get(r, 0) + 1
                lost = [f"reader{i}@example.org" for i in range(500) if f"reader{i}@example.org" not in counts]
                duplicates = sum(n - 1 for n in counts.values())
                self.assertEqual(lost, [])
                self.assertLessEqual(duplicates, 1)
                self.assertEqual(site.query("SELECT state, count(*) FROM outbox WHERE item_id = ? GROUP BY state",
                                            (iid,)), [("sent", 500)])
                print(f"killed with {at_kill} received, {sent_at_kill} marked sent; duplicates after restart: {duplicates}")
        finally:
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)


    def test_sigterm_in_a_batch_finishes_the_message_in_flight_and_duplicates_none(self):
        """A graceful stop: the sender finishes and records the message it is handing over, so what the
        relay received and what is marked sent agree exactly, and the restart sends each of the rest once."""
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        sink = Sink().start()
        try:
            with Site(env={"PRESSROOM_CONFIG": write_conf(folder, sink.port, "mail_rate = 6000\n")}) as site:
                since(site)
                add_readers(site, 300)
                iid = insert_item(site, "To three hundred readers")
                poll(lambda: len(sink.messages()) >= 30, "the batch to be under way")
                self.assertEqual(site.stop_app(), 0)
                received = len(sink.messages())
                self.assertLess(received, 300, "the stop came after the batch: it proves nothing")
                self.assertIn("sender: stopping", site.log())
                self.assertEqual(site.query("SELECT count(*) FROM outbox WHERE item_id = ? AND state = 'sent'",
                                            (iid,))[0][0], received)
                site.start_app()
                poll(lambda: settled(site, iid), "the batch to finish after the restart", timeout=120)
                rcpts = [r for _, rs, _ in sink.messages() for r in rs]
                self.assertEqual(len(rcpts), 300)
                self.assertEqual(len(set(rcpts)), 300)
        finally:
            sink.cleanup()
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    harness.main()
