"""test_signed_versions.py: every published version is frozen as a canonical text and chained into the
public history in the same transaction as its publication, correction or withdrawal (issue 15, migration
0015), and signed by the signer process (test_signing_key proves a worker cannot open the key). Over HTTP:
<URL>.txt, .txt.minisig, .v<N>.txt and .v<N>.txt.minisig, checked with Debian's own `minisign -V` against
the key the site publishes, before and after one changed byte; a correction adds version 2 and version 1
still verifies; a withdrawal adds its notice; the log's hashes and links are recomputed here from
docs/authenticity.md alone, from the database and from /history.txt; the database refuses to change or
remove an entry or a version; a scheduled item's texts are 404 before its time and its /history.txt entry is
sealed (its hash alone, so the chain stays checkable) and the signed checkpoint /history-head.txt names the
chain's head; `db check` names an entry altered by hand."""
import datetime
import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import tempfile
import time
import unittest

import admin_forms
import harness
from harness import Site, run

ALICE = ("alice", "publisher", "correct horse battery")
BASE = "https://embassy.example"
MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
SITE = KEYDIR = ENV = None


def setUpModule():
    global SITE, KEYDIR, ENV
    KEYDIR, key, conf = harness.signing_config("pressroom-signed-")
    ENV = {"PRESSROOM_CONFIG": conf}
    SITE = Site(users=[ALICE], env=ENV,
                sql=f"INSERT OR REPLACE INTO setting (key, value) VALUES ('site_url', '{BASE}');").__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)
    shutil.rmtree(KEYDIR, ignore_errors=True)


def sign_versions():
    """`pressroom key sign-versions`: what is still unsigned, signed by hand; "signed 0 versions" once the
    signer process has done its work."""
    proc = run("key", "sign-versions", "--db", SITE.db, env=dict(os.environ, **ENV))
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def wait_signed(path):
    """Poll until the signer process has signed path's text (it is woken after the publishing commit)."""
    deadline = time.time() + 20
    while time.time() < deadline:
        if SITE.get(path + ".minisig")[0] == 200:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} was not signed:\n" + SITE.log())


def item_url(iid):
    return admin_forms.public_path(SITE, iid)


class Download:
    """The key, path.txt and path.txt.minisig fetched over HTTP into a folder, checked with Debian's minisign."""

    def __init__(self, test, path):
        self.test, self.dir = test, tempfile.mkdtemp(prefix="pressroom-dl-")
        test.addCleanup(shutil.rmtree, self.dir, True)
        for url, name in (("/signing-key.pub", "signing-key.pub"), (path + ".txt", "statement.txt"),
                          (path + ".txt.minisig", "statement.txt.minisig")):
            status, _, body = SITE.get(url)
            test.assertEqual(status, 200, f"{url}: {body[:300]}")
            with open(os.path.join(self.dir, name), "wb") as f:
                f.write(body.encode())
        with open(os.path.join(self.dir, "statement.txt"), "rb") as f:
            self.text = f.read()

    def minisign(self):
        proc = subprocess.run([MINISIGN, "-Vm", "statement.txt", "-p", "signing-key.pub"], cwd=self.dir,
                              capture_output=True, text=True, timeout=60)
        return proc.returncode, proc.stdout + proc.stderr

    def change_one_byte(self, where):
        changed = bytearray(self.text)
        changed[where] ^= 0x20
        with open(os.path.join(self.dir, "statement.txt"), "wb") as f:
            f.write(bytes(changed))


def iso(t):
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class SignedVersions(unittest.TestCase):
    def test_publish_correct_withdraw_each_signed_and_chained(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        iid = admin_forms.publish(alice, "Statement on the treaty", "The embassy welcomes the treaty.")
        url = item_url(iid)

        status, headers, text = SITE.get(url + ".txt")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/plain"))
        self.assertTrue(text.startswith(f"pressroom-version: 1\nsite: {BASE}\nurl: {BASE}{url}\n"), text)
        self.assertIn("\nversion: 1\nchange: published\n", text)
        self.assertIn("\n[body 32]\nThe embassy welcomes the treaty.\n", text)
        wait_signed(url + ".txt")
        self.assertEqual(sign_versions(), "signed 0 versions\n")   # the signer process did it
        self.assertIn("signer: signed 1 version", SITE.log())

        first = Download(self, url)
        code, out = first.minisign()
        self.assertEqual(code, 0, out)
        self.assertIn(f"Trusted comment: {BASE}{url} v1", out)
        for where in (0, len(first.text) // 2, len(first.text) - 2):
            first.change_one_byte(where)
            code, out = first.minisign()
            self.assertNotEqual(code, 0, f"byte {where} changed, yet: {out}")

        # A correction: version 2 with its note; version 1 stays as it was and still verifies.
        admin_forms.correct(alice, iid, "Added a word", body="The embassy warmly welcomes the treaty.")
        wait_signed(url + ".v2.txt")
        _, _, current = SITE.get(url + ".txt")
        self.assertIn("\nversion: 2\nchange: corrected\n", current)
        self.assertIn("\nnote: Added a word\n", current)
        self.assertIn("\nThe embassy warmly welcomes the treaty.\n", current)   # the corrected words
        self.assertEqual(SITE.get(url + ".v2.txt")[2], current)
        v1 = Download(self, url + ".v1")
        self.assertEqual(v1.minisign()[0], 0)
        self.assertIn(b"The embassy welcomes the treaty.", v1.text)
        v2 = Download(self, url)
        code, out = v2.minisign()
        self.assertEqual(code, 0, out)
        self.assertIn(f"{url} v2", out)

        # Saved again with nothing changed for the reader: no new version.
        admin_forms.correct(alice, iid, "Looked again")
        self.assertEqual(SITE.query("SELECT count(*) FROM item_version WHERE item_id = ?", (iid,))[0][0], 2)

        # A withdrawal: version 3, its notice signed and verifiable.
        admin_forms.withdraw(alice, iid, "Issued in error.")
        wait_signed(url + ".v3.txt")
        notice = Download(self, url)
        self.assertEqual(notice.minisign()[0], 0)
        self.assertIn(b"\nversion: 3\nchange: withdrawn\n", notice.text)
        self.assertIn(b"\nnote: Issued in error.\n", notice.text)

        # The history: rebuilt here from the document's rules alone.
        rows = SITE.query("SELECT seq, at, change, version, text_sha256, prev, url, hash, version_id "
                          "FROM history ORDER BY seq")
        prev = "0" * 64
        for seq, at, change, version, text_sha256, link, entry_url, digest, vid in rows:
            self.assertEqual(link, prev, f"entry {seq}")
            line = f"{seq} {iso(at)} {change} {version} {text_sha256} {link} {entry_url}"
            self.assertEqual(hashlib.sha256(line.encode()).hexdigest(), digest, f"entry {seq}")
            text = SITE.query("SELECT text FROM item_version WHERE id = ?", (vid,))[0][0]
            self.assertEqual(hashlib.sha256(text.encode()).hexdigest(), text_sha256)
            prev = digest
        mine = [(r[2], r[3]) for r in rows if r[6] == BASE + url]
        self.assertEqual(mine, [("published", 1), ("corrected", 2), ("withdrawn", 3)])
        self.assertEqual(hashlib.sha256(notice.text).hexdigest(),
                         [r[4] for r in rows if r[6] == BASE + url][-1])

    def test_the_log_and_the_versions_cannot_be_changed_or_removed(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        iid = admin_forms.publish(alice, "Statement for the log", "Words kept forever.")
        wait_signed(item_url(iid) + ".txt")
        con = sqlite3.connect(SITE.db)
        self.addCleanup(con.close)
        for sql, why in (("UPDATE history SET url = 'https://forged.example/'", "append-only"),
                         ("DELETE FROM history", "append-only"),
                         ("UPDATE item_version SET text = 'forged'", "cannot be changed"),
                         ("UPDATE item_version SET signature = 'forged'", "cannot be changed"),
                         ("UPDATE history_checkpoint SET text = 'forged'", "cannot be changed"),
                         ("DELETE FROM history_checkpoint", "cannot be removed"),
                         ("DELETE FROM item_version", "cannot be removed")):
            with self.assertRaises(sqlite3.DatabaseError, msg=sql) as caught:
                con.execute(sql)
            self.assertIn(why, str(caught.exception))
            con.rollback()

    def test_db_check_walks_the_chain_and_names_an_altered_entry(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        for title in ("First for the chain", "Second for the chain"):
            admin_forms.publish(alice, title, "Words.")
        copy = os.path.join(KEYDIR, "copy.db")
        self.addCleanup(lambda: os.path.exists(copy) and os.remove(copy))
        src, dst = sqlite3.connect(SITE.db), sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        proc = run("db", "check", "--db", copy)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        self.assertIn("the history is intact", proc.stdout)
        # Altered by hand, past the trigger: the check names the entry.
        seq = dst.execute("SELECT max(seq) FROM history").fetchone()[0] - 1
        dst.execute("DROP TRIGGER history_no_update")
        dst.execute("UPDATE history SET url = 'https://forged.example/' WHERE seq = ?", (seq,))
        dst.commit()
        dst.close()
        proc = run("db", "check", "--db", copy)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn(f"history entry {seq}: its hash is not that of its line (the entry was altered)", proc.stdout)
        self.assertIn("the history is NOT INTACT", proc.stdout)

    def test_a_scheduled_item_shows_nothing_before_its_time(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        tomorrow = int(time.time()) // 60 * 60 + 86400
        iid = admin_forms.publish(alice, "Embargoed statement", "Under embargo.", **admin_forms.at(tomorrow))
        self.assertEqual(SITE.query("SELECT count(*) FROM item_version WHERE item_id = ? AND visible_at = ?",
                                    (iid, tomorrow))[0][0], 1)   # signed when scheduled...
        deadline = time.time() + 20
        while SITE.query("SELECT signature IS NULL FROM item_version WHERE item_id = ?", (iid,))[0][0]:
            self.assertLess(time.time(), deadline, "the scheduled version was not signed")
            time.sleep(0.05)
        url = item_url(iid)
        for suffix in (".txt", ".txt.minisig", ".v1.txt", ".v1.txt.minisig"):
            self.assertEqual(SITE.get(url + suffix)[0], 404, suffix)   # ...but not shown before its time

    def test_history_txt_chains_every_entry_and_seals_a_scheduled_one(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        later = int(time.time()) // 60 * 60 + 2 * 86400
        hidden = admin_forms.publish(alice, "Sealed embargo statement", "Later.", **admin_forms.at(later))
        shown = admin_forms.publish(alice, "Statement shown in the history", "Now.")
        # /history.txt is the text last signed: the signer's, moments after the publication.
        wait_signed(item_url(shown) + ".txt")
        count = SITE.query("SELECT count(*) FROM history")[0][0]
        deadline = time.time() + 20
        while f"entries: {count}\n" not in SITE.get("/history-head.txt")[2]:
            self.assertLess(time.time(), deadline, "no checkpoint of the whole log")
            time.sleep(0.05)
        status, headers, text = SITE.get("/history.txt")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/plain"))
        self.assertTrue(text.endswith("\n"))
        lines = text.splitlines()
        self.assertEqual(len(lines), SITE.query("SELECT count(*) FROM history")[0][0])
        prev, sealed = "0" * 64, []
        for n, line in enumerate(lines, 1):
            fields = line.split(" ")
            self.assertEqual(fields[0], str(n))
            if fields[1] == "sealed":       # "<seq> sealed <hash>": the chain goes on through its hash
                sealed.append(n)
                prev = fields[2]
                continue
            self.assertEqual(fields[5], prev, f"entry {n} does not link to the one before")
            prev = hashlib.sha256(line.encode()).hexdigest()
        self.assertEqual(prev, SITE.query("SELECT hash FROM history ORDER BY seq DESC LIMIT 1")[0][0])
        hidden_seq = SITE.query("SELECT h.seq FROM history h JOIN item_version v ON v.id = h.version_id "
                                "WHERE v.item_id = ?", (hidden,))[0][0]
        self.assertIn(hidden_seq, sealed)
        self.assertNotIn("sealed-embargo", text)
        self.assertIn(item_url(shown) + "\n", text)

        # The signed checkpoint names the same head, and Debian's minisign checks it with the site's key.
        wait_signed(item_url(shown) + ".txt")
        deadline = time.time() + 20
        while True:
            status, _, head = SITE.get("/history-head.txt")
            if status == 200 and f"entries: {len(lines)}\n" in head:
                break
            self.assertLess(time.time(), deadline, f"no checkpoint of {len(lines)} entries: {status} {head}")
            time.sleep(0.05)
        self.assertEqual(head, f"pressroom-history: 1\nentries: {len(lines)}\nhead: {prev}\n")
        folder = tempfile.mkdtemp(prefix="pressroom-head-")
        self.addCleanup(shutil.rmtree, folder, True)
        for url, name in (("/signing-key.pub", "key.pub"), ("/history-head.txt", "head.txt"),
                          ("/history-head.txt.minisig", "head.txt.minisig")):
            status, _, body = SITE.get(url)
            self.assertEqual(status, 200, url)
            with open(os.path.join(folder, name), "w") as f:
                f.write(body)
        proc = subprocess.run([MINISIGN, "-Vm", "head.txt", "-p", "key.pub"], cwd=folder, capture_output=True,
                              text=True, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
        with open(os.path.join(folder, "head.txt"), "a") as f:
            f.write("x")
        self.assertNotEqual(subprocess.run([MINISIGN, "-Vm", "head.txt", "-p", "key.pub"], cwd=folder,
                                           capture_output=True, timeout=60).returncode, 0)

    def test_a_signer_that_dies_is_replaced_and_signs_what_waited(self):
        def signers():   # the signer names itself once forked (signer.c)
            return [pid for pid, name in SITE.children_named().items() if name == "pressroom-sign"]
        deadline = time.time() + 20
        while len(signers()) != 1:
            self.assertLess(time.time(), deadline, "no signer:\n" + SITE.log())
            time.sleep(0.05)
        (signer,) = signers()
        os.kill(signer, signal.SIGKILL)
        deadline = time.time() + 20
        while signers() in ([], [signer]):
            self.assertLess(time.time(), deadline, "no new signer:\n" + SITE.log())
            time.sleep(0.05)
        self.assertIn(f"the signer {signer} stopped (signal 9); starting another", SITE.log())
        alice = admin_forms.signed_in(SITE, ALICE)
        iid = admin_forms.publish(alice, "Published after the signer died", "Still signed.")
        wait_signed(item_url(iid) + ".txt")

    def test_bad_addresses_are_404(self):
        for path in ("/releases/x.txt", "/releases/1-a.v0.txt", "/releases/1-a.vx.txt.minisig", "/releases/.txt",
                     "/events/99999.txt", "/releases/1.minisig"):
            self.assertEqual(SITE.get(path)[0], 404, path)


class Verify(unittest.TestCase):
    """`pressroom verify DIR`, run on a copy downloaded over HTTP, as a reader would. Last in the module: it
    rewrites the live site's log by hand at the end."""

    def download(self):
        folder = tempfile.mkdtemp(prefix="pressroom-verify-")
        self.addCleanup(shutil.rmtree, folder, True)
        count = SITE.query("SELECT count(*) FROM history")[0][0]
        deadline = time.time() + 20
        while f"entries: {count}\n" not in SITE.get("/history-head.txt")[2]:
            self.assertLess(time.time(), deadline, "no checkpoint of the whole log")
            time.sleep(0.05)
        names = ["signing-key.pub", "history.txt", "history-head.txt", "history-head.txt.minisig"]
        for path in names:
            status, _, body = SITE.get("/" + path)
            self.assertEqual(status, 200, path)
            with open(os.path.join(folder, path), "w") as f:
                f.write(body)
        for path in (self.url + ".v1.txt", self.url + ".txt"):
            for suffix in ("", ".minisig"):
                status, _, body = SITE.get(path + suffix)
                self.assertEqual(status, 200, path + suffix)
                with open(os.path.join(folder, os.path.basename(path) + suffix), "w") as f:
                    f.write(body)
        return folder

    def verify(self, folder, *args):
        proc = run("verify", folder, *args)
        return proc.returncode, proc.stdout + proc.stderr

    def test_verify_passes_on_the_live_site_and_names_what_was_rewritten(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        iid = admin_forms.publish(alice, "Statement to verify", "First words.")
        self.url = item_url(iid)
        admin_forms.correct(alice, iid, "Fixed", body="Second words.")
        wait_signed(self.url + ".v2.txt")
        folder = self.download()
        code, out = self.verify(folder)
        self.assertEqual(code, 0, out)
        self.assertIn("ok:", out)
        self.assertIn("2 signed texts in the history", out)
        saved = os.path.join(KEYDIR, "saved-head.txt")
        shutil.copy(os.path.join(folder, "history-head.txt"), saved)

        # One changed byte of a text: its signature fails, named.
        with open(os.path.join(folder, os.path.basename(self.url) + ".v1.txt"), "a") as f:
            f.write(" ")
        code, out = self.verify(folder)
        self.assertEqual(code, 1)
        self.assertIn(os.path.basename(self.url) + ".v1.txt: its signature does not hold", out)

        # A row of the log altered in the database by hand: the next download names the entry after it.
        seq = SITE.query("SELECT h.seq FROM history h JOIN item_version v ON v.id = h.version_id "
                         "WHERE v.item_id = ? AND v.version = 1", (iid,))[0][0]   # version 2's entry follows
        con = sqlite3.connect(SITE.db)
        con.execute("DROP TRIGGER history_no_update")
        con.execute("UPDATE history SET url = 'https://forged.example/' WHERE seq = ?", (seq,))
        con.commit()
        con.close()
        folder = self.download()
        code, out = self.verify(folder)
        self.assertEqual(code, 1, out)
        self.assertIn(f"history.txt: entry {seq + 1}: its link is not the hash of entry {seq} (the log was altered)",
                      out)

        # A forger with the key rewrites the whole chain consistently and signs a new head: today's copy
        # holds together, but the checkpoint a reader saved earlier no longer is a prefix.
        lines, prev = [], "0" * 64
        with open(os.path.join(folder, "history.txt")) as f:
            for line in f.read().splitlines():
                fields = line.split(" ")
                if fields[1] != "sealed":
                    fields[5] = prev
                    line = " ".join(fields)
                    prev = hashlib.sha256(line.encode()).hexdigest()
                else:
                    prev = fields[2]
                lines.append(line)
        with open(os.path.join(folder, "history.txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
        with open(os.path.join(folder, "history-head.txt"), "w") as f:
            f.write(f"pressroom-history: 1\nentries: {len(lines)}\nhead: {prev}\n")
        signed = run("key", "sign", os.path.join(folder, "history-head.txt"), env=dict(os.environ, **ENV))
        self.assertEqual(signed.returncode, 0, signed.stderr)
        code, out = self.verify(folder)
        self.assertEqual(code, 0, out)   # with the key, a forger makes a copy that holds together...
        code, out = self.verify(folder, "--checkpoint", saved)
        self.assertEqual(code, 1, out)   # ...but not one that keeps a reader's saved checkpoint
        n = open(saved).read().split("entries: ")[1].split("\n")[0]
        self.assertIn(f"{saved}: entry {n}'s hash is not the one it recorded: the history before it was rewritten", out)


harness.main()
