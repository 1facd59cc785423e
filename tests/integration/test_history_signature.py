"""test_history_signature.py: /history.txt.minisig, and the detail pages' signed links (issue 15). The signer process signs /history.txt as the
public reads it after each new entry and at the moment a sealed (scheduled) entry opens; /history.txt serves
exactly the text last signed, so Debian's `minisign -Vm history.txt -p signing-key.pub` passes on a fresh
download at any time, and fails once a byte changes. Without a key there is no signature (404) and
/history.txt is the live log (test_history_page's site has no key). A signed statement's page links its
text, its signature and the key, and shows the fingerprint `pressroom key show` prints, in the page's
language; a site without a key shows none of it (test_history_page)."""
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest

import admin_forms
import harness
from harness import Site, run

ALICE = ("alice", "publisher", "correct horse battery")
MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"
SITE = KEYDIR = KEY = None


def setUpModule():
    global SITE, KEYDIR, KEY
    KEYDIR, KEY, conf = harness.signing_config("pressroom-histsig-")
    SITE = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)
    shutil.rmtree(KEYDIR, ignore_errors=True)


class HistorySignature(unittest.TestCase):
    def download(self):
        """/signing-key.pub, /history.txt and its .minisig into a fresh folder, as a reader would."""
        folder = tempfile.mkdtemp(prefix="pressroom-histdl-")
        self.addCleanup(shutil.rmtree, folder, True)
        for name in ("signing-key.pub", "history.txt", "history.txt.minisig"):
            status, _, body = SITE.get("/" + name)
            self.assertEqual(status, 200, f"{name}: {body[:200]}")
            with open(os.path.join(folder, name), "wb") as f:
                f.write(body.encode())
        return folder

    def minisign(self, folder):
        proc = subprocess.run([MINISIGN, "-Vm", "history.txt", "-p", "signing-key.pub"], cwd=folder,
                              capture_output=True, text=True, timeout=60)
        return proc.returncode, proc.stdout + proc.stderr

    def wait_lines(self, want, what):
        """Poll until /history.txt holds want lines (the signer has signed the log with them)."""
        deadline = time.time() + 20
        while True:
            text = SITE.get("/history.txt")[2]
            if len(text.splitlines()) == want:
                return text
            self.assertLess(time.time(), deadline, f"{what}: /history.txt has not {want} lines:\n{text}\n{SITE.log()}")
            time.sleep(0.05)

    def test_signed_after_each_entry_and_a_changed_byte_fails(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        for n in range(2):
            admin_forms.publish(alice, f"Statement {n} for the signed history")
            count = SITE.query("SELECT count(*) FROM history")[0][0]
            text = self.wait_lines(count, f"after publication {n}")
            folder = self.download()
            code, out = self.minisign(folder)
            self.assertEqual(code, 0, out)
            self.assertIn(f"Trusted comment: pressroom history: {count} entries as of ", out)
            with open(os.path.join(folder, "history.txt"), "rb") as f:
                self.assertEqual(f.read(), text.encode())
        with open(os.path.join(folder, "history.txt"), "r+b") as f:
            data = bytearray(f.read())
            data[len(data) // 2] ^= 0x01
            f.seek(0)
            f.write(bytes(data))
        self.assertNotEqual(self.minisign(folder)[0], 0)

    def test_a_sealed_entry_opens_at_its_time_and_is_signed_again(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        # The next whole minute (the form takes minutes), at least two seconds ahead.
        at = (int(time.time()) + 62) // 60 * 60
        iid = admin_forms.publish(alice, "Scheduled for the signed history", **admin_forms.at(at))
        self.assertEqual(SITE.query("SELECT published_at FROM item WHERE id = ?", (iid,))[0][0], at)
        seq = SITE.query("SELECT h.seq FROM history h JOIN item_version v ON v.id = h.version_id "
                         "WHERE v.item_id = ?", (iid,))[0][0]
        text = self.wait_lines(SITE.query("SELECT count(*) FROM history")[0][0], "after scheduling")
        self.assertRegex(text, rf"(?m)^{seq} sealed [0-9a-f]{{64}}$")
        code, out = self.minisign(self.download())
        self.assertEqual(code, 0, out)
        # At its time, with nothing else happening, the signer wakes and signs the opened log.
        deadline = at + 30
        while not re.search(rf"(?m)^{seq} \d{{4}}-.* published 1 ", SITE.get("/history.txt")[2]):
            self.assertLess(time.time(), deadline, "the sealed entry did not open:\n" + SITE.log())
            time.sleep(0.2)
        self.assertGreaterEqual(time.time(), at)
        folder = self.download()
        code, out = self.minisign(folder)
        self.assertEqual(code, 0, out)
        self.assertIn(f"/releases/{iid}-", open(os.path.join(folder, "history.txt")).read())


class DetailPage(unittest.TestCase):
    def test_a_signed_statement_links_its_text_signature_and_fingerprint(self):
        shown = run("key", "show", "--key", KEY)
        fingerprint = re.search(r"fingerprint \(minisign's key id\) is ([0-9A-F]{16})", shown.stderr).group(1)
        self.assertIn(fingerprint, SITE.get("/signing-key.pub")[2])
        alice = admin_forms.signed_in(SITE, ALICE)
        for lang, words in (("en", "This statement is signed:"), ("ru", "Это заявление подписано:")):
            iid = admin_forms.publish(alice, f"Signed statement in {lang}", lang=lang)
            path = admin_forms.public_path(SITE, iid)
            deadline = time.time() + 20
            while SITE.get(path + ".txt.minisig")[0] != 200:
                self.assertLess(time.time(), deadline, "not signed")
                time.sleep(0.05)
            status, _, page = SITE.get(path)
            self.assertEqual(status, 200)
            block = re.search(r'<p class="item-signed">(.*?)</p>', page, re.S).group(1)
            self.assertIn(words, block)
            self.assertIn(f'href="{path}.txt"', block)
            self.assertIn(f'href="{path}.txt.minisig"', block)
            self.assertIn('href="/signing-key.pub"', block)
            self.assertIn(f'<code class="fingerprint">{fingerprint}</code>', block)
            for link in (path + ".txt", path + ".txt.minisig", "/signing-key.pub"):
                self.assertEqual(SITE.get(link)[0], 200, link)

    def test_nothing_for_an_item_without_a_signed_version(self):
        iid = SITE.query("SELECT id FROM item WHERE status = 'published' AND kind = 'release' "
                         "AND id NOT IN (SELECT item_id FROM item_version) LIMIT 1")[0][0]
        path = admin_forms.public_path(SITE, iid)
        status, _, page = SITE.get(path)
        self.assertEqual(status, 200)
        self.assertNotIn("item-signed", page)   # the demo's items predate the log: no version, no links


harness.main()
