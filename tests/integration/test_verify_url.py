"""test_verify_url.py: `pressroom verify URL` (issue 15) downloads the live test site over HTTP with libcurl
(the key, /history.txt and its signature, the checkpoint, every open entry's version and signature) and
checks it as a folder is checked: it passes on the site as published (corrections, a withdrawal and a
sealed, scheduled entry included) and with a checkpoint saved earlier; after a row of the log is changed
in the database behind the triggers' back (the trigger dropped here only), it fails and names the entry;
an address that answers nothing is a clear failure too."""
import os
import re
import shutil
import sqlite3
import tempfile
import time
import unittest

import admin_forms
import harness
from harness import Site, run, free_port

ALICE = ("alice", "publisher", "correct horse battery")
SITE = KEYDIR = None


def setUpModule():
    global SITE, KEYDIR
    KEYDIR, _, conf = harness.signing_config("pressroom-verifyurl-")
    SITE = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)
    shutil.rmtree(KEYDIR, ignore_errors=True)


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
        alice = admin_forms.signed_in(SITE, ALICE)
        corrected = admin_forms.publish(alice, "Statement verified over HTTP", "First words.")
        admin_forms.correct(alice, corrected, "Fixed", body="Second words.")
        withdrawn = admin_forms.publish(alice, "Statement withdrawn before the check", "First words.")
        admin_forms.withdraw(alice, withdrawn, "Issued in error.")
        later = int(time.time()) // 60 * 60 + 2 * 86400
        admin_forms.publish(alice, "Sealed during the check", "First words.", **admin_forms.at(later))
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
