"""test_verify_url.py: `pressroom verify URL` (issue 15) downloads the live test site over HTTP with libcurl
(the key, /history.txt and its signature, the checkpoint, every open entry's version and signature) and
checks it as a folder is checked: it passes on the site as published (corrections, a withdrawal and a
sealed, scheduled entry included) and with a checkpoint saved earlier; after a row of the log is changed
in the database behind the triggers' back (the trigger dropped here only), it fails and names the entry;
an address that answers nothing is a clear failure too."""
import datetime
import html
import os
import re
import shutil
import sqlite3
import tempfile
import time
import unittest
import zoneinfo

import harness
from harness import Client, Site, run, free_port

ALICE = ("alice", "publisher", "correct horse battery")
SITE = KEYDIR = None


def setUpModule():
    global SITE, KEYDIR
    KEYDIR = tempfile.mkdtemp(prefix="pressroom-verifyurl-")
    key = os.path.join(KEYDIR, "signing.key")
    assert run("key", "generate", "--key", key).returncode == 0
    conf = os.path.join(KEYDIR, "pressroom.conf")
    with open(conf, "w") as f:
        f.write(f"signing_key = {key}\n")
    SITE = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)
    shutil.rmtree(KEYDIR, ignore_errors=True)


def form_of(client, path):
    status, _, body = client.request(path)
    assert status == 200, (status, body[:300])
    fields = {}
    form = re.search(r'<form[^>]*action="' + re.escape(path) + r'"[^>]*>(.*?)</form>', body, re.S).group(1)
    for tag in re.findall(r"<input[^>]*>", form):
        name, value, kind = (re.search(a + r'="([^"]*)"', tag) for a in ("name", "value", "type"))
        if name and (kind is None or kind.group(1) not in ("submit", "radio", "checkbox", "file") or "checked" in tag):
            fields[name.group(1)] = html.unescape(value.group(1)) if value else ""
    for name, text in re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>(.*?)</textarea>', form, re.S):
        fields[name] = html.unescape(text).lstrip("\n")
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>', form, re.S):
        chosen = re.search(r'<option[^>]*value="([^"]*)"[^>]*selected', options) or \
            re.search(r'<option[^>]*value="([^"]*)"', options)
        fields[name] = html.unescape(chosen.group(1))
    return fields


def publish(client, title, **extra):
    form = form_of(client, "/admin/new")
    form.update(title=title, body="First words.", teaser="Teaser.", action="publish", **extra)
    status, headers, text = client.post("/admin/new", form)
    assert status == 303, (status, text[:2000])
    return int(re.search(r"/admin/items/(\d+)", headers["location"]).group(1))


def all_signed(test):
    """Poll until the signer has signed every version, /history.txt and a checkpoint of the whole log."""
    deadline = time.time() + 20
    while True:
        count = SITE.query("SELECT count(*) FROM history")[0][0]
        unsigned = SITE.query("SELECT count(*) FROM item_version WHERE signature IS NULL")[0][0]
        if (unsigned == 0 and f"entries: {count}\n" in SITE.get("/history-head.txt")[2]
                and len(SITE.get("/history.txt")[2].splitlines()) == count):
            return count
        test.assertLess(time.time(), deadline, "the signer did not catch up:\n" + SITE.log())
        time.sleep(0.05)


def verify(*args):
    proc = run("verify", *args)
    return proc.returncode, proc.stdout + proc.stderr


class VerifyURL(unittest.TestCase):
    def test_passes_on_the_live_site_then_names_the_entry_altered(self):
        alice = Client(SITE)
        self.assertEqual(alice.login(ALICE[0], ALICE[2])[0], 303)
        corrected = publish(alice, "Statement verified over HTTP")
        path = f"/admin/items/{corrected}"
        self.assertEqual(alice.post(path, dict(form_of(alice, path), body="Second words.", note="Fixed",
                                               action="save"))[0], 303)
        withdrawn = publish(alice, "Statement withdrawn before the check")
        path = f"/admin/items/{withdrawn}/withdraw"
        self.assertEqual(alice.post(path, dict(form_of(alice, path), note="Issued in error."))[0], 303)
        later = int(time.time()) // 60 * 60 + 2 * 86400
        d = datetime.datetime.fromtimestamp(later, zoneinfo.ZoneInfo("Europe/London"))
        publish(alice, "Sealed during the check", when="set", date=d.strftime("%Y-%m-%d"),
                time=d.strftime("%H:%M"), zone="London")
        count = all_signed(self)
        opened = SITE.query("SELECT count(*) FROM history WHERE visible_at <= ?", (int(time.time()),))[0][0]
        self.assertEqual(opened, count - 1)   # the scheduled one is sealed

        url = f"http://127.0.0.1:{SITE.port}/"
        leftovers = [n for n in os.listdir(tempfile.gettempdir()) if n.startswith("pressroom-verify-")]
        code, out = verify(url)
        self.assertEqual(code, 0, out)
        self.assertIn(f"{url}: ok: {count} history entries, chain and checkpoint hold, {opened} signed texts in "
                      "the history", out)
        fingerprint = re.search(r"[0-9A-F]{16}", SITE.get("/signing-key.pub")[2].splitlines()[0]).group(0)
        self.assertIn(f"the site's key has the fingerprint {fingerprint}", out)
        saved = os.path.join(KEYDIR, "saved-head.txt")
        with open(saved, "w") as f:
            f.write(SITE.get("/history-head.txt")[2])
        self.assertEqual(verify(url, "--checkpoint", saved)[0], 0)

        # A row of the log changed by hand, past the trigger: the next check names the entry.
        seq = SITE.query("SELECT h.seq FROM history h JOIN item_version v ON v.id = h.version_id "
                         "WHERE v.item_id = ? AND v.version = 1", (corrected,))[0][0]
        con = sqlite3.connect(SITE.db)
        con.execute("DROP TRIGGER history_no_update")
        con.execute("UPDATE history SET url = 'https://forged.example/releases/1-forged' WHERE seq = ?", (seq,))
        con.commit()
        con.close()
        code, out = verify(url)
        self.assertEqual(code, 1, out)
        self.assertIn(f"history.txt: entry {seq + 1}: its link is not the hash of entry {seq} (the log was altered)", out)
        self.assertIn("history.txt: its signature (history.txt.minisig) does not hold", out)
        self.assertIn(f"history.txt: entry {seq}: its version https://forged.example/releases/1-forged v1 could not "
                      "be downloaded (404)", out)
        self.assertIn(f"{url}: NOT VERIFIED", out)
        # Each run cleans up its temporary folder.
        self.assertEqual([n for n in os.listdir(tempfile.gettempdir()) if n.startswith("pressroom-verify-")],
                         leftovers)

    def test_an_address_that_answers_nothing_fails_clearly(self):
        code, out = verify(f"http://127.0.0.1:{free_port()}/")
        self.assertEqual(code, 1, out)
        self.assertIn("NOT VERIFIED", out)
        self.assertRegex(out, r"Could(n't| not) connect")


harness.main()
