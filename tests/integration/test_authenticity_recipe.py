"""test_authenticity_recipe.py: docs/authenticity.md's check for readers who do not trust our binary (Python's
standard library and Debian's minisign alone) is taken out of the document as written and run against a
live test site (issue 15), so the document cannot drift from what the site serves: it passes on a site
with a correction, a withdrawal and a sealed, scheduled entry, and stops with a message naming the file
once a row of the log is changed behind the (dropped) trigger."""
import os
import re
import shutil
import sqlite3
import subprocess
import tempfile
import time
import unittest

import admin_forms
import harness
from harness import Site

ALICE = ("alice", "publisher", "correct horse battery")
DOC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "authenticity.md")
SITE = KEYDIR = None


def setUpModule():
    global SITE, KEYDIR
    KEYDIR, _, conf = harness.signing_config("pressroom-recipe-")
    SITE = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)
    shutil.rmtree(KEYDIR, ignore_errors=True)


def recipe():
    """The one ```python block of the document that is the reader's program, exactly as written."""
    blocks = re.findall(r"^```python\n(.*?)^```$", open(DOC, encoding="utf-8").read(), re.S | re.M)
    mine = [b for b in blocks if b.startswith("# check_pressroom.py")]
    assert len(mine) == 1, f"expected one check_pressroom.py block in {DOC}, found {len(mine)}"
    return mine[0]


class Recipe(unittest.TestCase):
    def run_recipe(self):
        folder = tempfile.mkdtemp(prefix="pressroom-recipe-run-")
        self.addCleanup(shutil.rmtree, folder, True)
        program = os.path.join(folder, "check_pressroom.py")
        with open(program, "w") as f:
            f.write(recipe())
        # The program's own temporary folder goes where this test cleans up.
        env = dict(os.environ, TMPDIR=folder)
        proc = subprocess.run(["/usr/bin/python3", program, f"http://127.0.0.1:{SITE.port}/"], env=env,
                              capture_output=True, text=True, timeout=120)
        return proc.returncode, proc.stdout + proc.stderr

    def test_the_documented_recipe_checks_the_site_and_catches_a_rewrite(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        corrected = admin_forms.publish(alice, "Statement for the recipe", "First words.")
        admin_forms.correct(alice, corrected, "Fixed", body="Second words.")
        withdrawn = admin_forms.publish(alice, "Withdrawn for the recipe", "First words.")
        admin_forms.withdraw(alice, withdrawn, "Issued in error.")
        later = int(time.time()) // 60 * 60 + 2 * 86400
        admin_forms.publish(alice, "Sealed for the recipe", "First words.", **admin_forms.at(later))
        deadline = time.time() + 20
        while True:   # the signer has signed everything: the versions, the log and its checkpoint
            count = SITE.query("SELECT count(*) FROM history")[0][0]
            if (SITE.query("SELECT count(*) FROM item_version WHERE signature IS NULL")[0][0] == 0
                    and f"entries: {count}\n" in SITE.get("/history-head.txt")[2]
                    and len(SITE.get("/history.txt")[2].splitlines()) == count):
                break
            self.assertLess(time.time(), deadline, "the signer did not catch up:\n" + SITE.log())
            time.sleep(0.05)

        code, out = self.run_recipe()
        self.assertEqual(code, 0, out)
        self.assertIn(f"ok: {count} entries, every signature, text and link holds; checkpoint of {count} entries",
                      out)
        fingerprint = SITE.get("/signing-key.pub")[2].splitlines()[0].split()[-1]
        self.assertIn(f"the site's key: {fingerprint}", out)

        # A row of the log rewritten behind the trigger: the signed log no longer holds, and the recipe says so.
        con = sqlite3.connect(SITE.db)
        con.execute("DROP TRIGGER history_no_update")
        con.execute("UPDATE history SET url = 'https://forged.example/releases/1-forged' WHERE seq = 1")
        con.commit()
        con.close()
        code, out = self.run_recipe()
        self.assertNotEqual(code, 0, out)
        self.assertIn("/history.txt: the signature does not hold", out)


harness.main()
