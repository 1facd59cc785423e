"""test_key_rotation.py: `pressroom key rotate` (issue 15, docs/authenticity.md, section 6). A new key replaces
the old one, each signing the other's public key file; /signing-keys lists both with their validity and those
signatures, and Debian's minisign checks the new key with the old and the old with the new from that download.
The running signer refuses the retired key (a publication waits unsigned) and the server signs with the new
key after its restart; a statement signed before the rotation still verifies with the old key, one signed after
with the new; `pressroom verify` accepts both with either key file and the list, and refuses a signature the
retired key made for an entry after its retirement (a stolen old key)."""
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
from harness import Site, run

ALICE = ("alice", "publisher", "correct horse battery")
BASE = "https://embassy.example"
MINISIGN = shutil.which("minisign") or "/usr/bin/minisign"


def sections(block):
    """The "[name bytes]" sections of one key's block of /signing-keys, as {name: text}."""
    out, i = {}, 0
    data = block.encode()
    while True:
        m = re.compile(rb"\[([a-z-]+) (\d+)\]\n").search(data, i)
        if not m:
            return out
        start = m.end()
        out[m.group(1).decode()] = data[start:start + int(m.group(2))].decode()
        i = start + int(m.group(2))


def keys_of(listing):
    """/signing-keys as a list of dicts: the header lines and the sections of each key, oldest first."""
    assert listing.startswith("pressroom-signing-keys: 1\n"), listing
    keys = []
    for block in listing.split("\nkey: ")[1:]:
        head = dict(line.split(": ", 1) for line in block.split("\n[", 1)[0].splitlines()[1:])
        keys.append(dict(head, id=block.split("\n", 1)[0], **sections(block)))
    return keys


def minisign(folder, message, pub, sig=None):
    args = [MINISIGN, "-Vm", message, "-p", pub] + (["-x", sig] if sig else [])
    proc = subprocess.run(args, cwd=folder, capture_output=True, text=True, timeout=60)
    return proc.returncode, proc.stdout + proc.stderr


class KeyRotation(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pressroom-rotate-")
        self.addCleanup(shutil.rmtree, self.dir, True)
        self.key = os.path.join(self.dir, "signing.key")
        self.assertEqual(run("key", "generate", "--key", self.key).returncode, 0)
        conf = os.path.join(self.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"signing_key = {self.key}\n")
        self.env = dict(os.environ, PRESSROOM_CONFIG=conf)
        self.site = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf},
                         sql=f"INSERT OR REPLACE INTO setting (key, value) VALUES ('site_url', '{BASE}');")
        self.site.__enter__()
        self.addCleanup(self.site.__exit__, None, None, None)

    def publish(self, title):
        alice = admin_forms.signed_in(self.site, ALICE)
        return admin_forms.public_path(self.site, admin_forms.publish(alice, title, f"{title}: the text."))

    def wait_for(self, what, check):
        deadline = time.time() + 20
        while time.time() < deadline:
            if check():
                return
            time.sleep(0.05)
        self.fail(f"{what} did not happen:\n" + self.site.log())

    def wait_signed(self, path):
        self.wait_for(f"{path} signed", lambda: self.site.get(path + ".minisig")[0] == 200)

    def save(self, folder, name, path):
        status, _, body = self.site.get(path)
        self.assertEqual(status, 200, f"{path}: {body[:300]}")
        with open(os.path.join(folder, name), "w") as f:
            f.write(body)
        return body

    def test_rotation_keeps_old_statements_verifiable_and_signs_new_ones_with_the_new_key(self):
        before = self.publish("Before the rotation")
        self.wait_signed(before + ".txt")
        old_pub = self.site.get("/signing-key.pub")[2]
        keys = keys_of(self.save(self.dir, "signing-keys", "/signing-keys"))
        self.assertEqual(len(keys), 1)   # the signer recorded the first key when it started
        self.assertEqual(keys[0]["public-key"], old_pub)
        self.assertEqual(keys[0]["valid-until"], "current")
        self.assertRegex(keys[0]["valid-from"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(history entry 1\)$")
        self.assertNotIn("endorsement", keys[0])

        rotated = run("key", "rotate", "--db", self.site.db, env=self.env)
        self.assertEqual(rotated.returncode, 0, rotated.stderr)
        self.assertIn("Restart the server", rotated.stderr)
        new_pub = rotated.stdout
        self.assertNotEqual(new_pub, old_pub)
        self.assertEqual(run("key", "show", "--key", self.key, env=self.env).stdout, new_pub)
        old_id, new_id = old_pub.split()[5], new_pub.split()[5]
        retired = f"{self.key}.retired-{old_id}"
        self.assertEqual(os.stat(retired).st_mode & 0o777, 0o600)
        self.assertFalse(os.path.exists(self.key + ".new"))

        # Until the restart the signer holds the retired key: it signs nothing, and says why.
        waiting = self.publish("Between the rotation and the restart")
        self.wait_for("the signer's refusal", lambda: f"signing key {old_id} was retired" in self.site.log())
        self.assertEqual(self.site.get(waiting + ".txt.minisig")[0], 404)
        refused = run("key", "sign-versions", "--key", retired, "--db", self.site.db)
        self.assertNotEqual(refused.returncode, 0)
        self.assertEqual(self.site.get(waiting + ".txt.minisig")[0], 404)

        self.site.stop_app()
        self.site.start_app()
        self.wait_signed(waiting + ".txt")
        after = self.publish("After the restart")
        self.wait_signed(after + ".txt")
        self.assertEqual(self.site.get("/signing-key.pub")[2], new_pub)

        # /signing-keys: both keys with their stretches and the two signatures of the rotation.
        dl = tempfile.mkdtemp(prefix="pressroom-rotate-dl-")
        self.addCleanup(shutil.rmtree, dl, True)
        keys = keys_of(self.save(dl, "signing-keys", "/signing-keys"))
        self.assertEqual([k["id"] for k in keys], [old_id, new_id])
        self.assertEqual(keys[0]["public-key"], old_pub)
        self.assertEqual(keys[1]["public-key"], new_pub)
        self.assertRegex(keys[0]["valid-until"], r"^\S+Z \(history entry 1\)$")
        self.assertRegex(keys[1]["valid-from"], r"^\S+Z \(history entry 2\)$")
        self.assertEqual(keys[1]["valid-until"], "current")
        for name, text in (("old.pub", old_pub), ("new.pub", new_pub), ("new.pub.minisig", keys[1]["endorsement"]),
                           ("old.pub.minisig", keys[0]["retirement"])):
            with open(os.path.join(dl, name), "w") as f:
                f.write(text)
        code, out = minisign(dl, "new.pub", "old.pub")          # the old key vouches for the new
        self.assertEqual(code, 0, out)
        self.assertIn(f"Trusted comment: pressroom signing key {new_id} valid from", out)
        self.assertIn(f"(history entry 2), endorsed by {old_id}", out)
        code, out = minisign(dl, "old.pub", "new.pub")          # and the new key for the old
        self.assertEqual(code, 0, out)
        self.assertIn(f"(history entry 1), retired by {new_id}", out)
        code, out = minisign(dl, "new.pub", "new.pub", "old.pub.minisig")
        self.assertNotEqual(code, 0, out)                       # a signature is for its own file only

        # A v1 signed before the rotation verifies with the old key from /signing-keys, not the new; one
        # signed after, with the new key.
        self.save(dl, "before.txt", before + ".v1.txt")
        self.save(dl, "before.txt.minisig", before + ".v1.txt.minisig")
        self.save(dl, "after.txt", after + ".v1.txt")
        self.save(dl, "after.txt.minisig", after + ".v1.txt.minisig")
        self.save(dl, "waiting.txt", waiting + ".txt")
        self.save(dl, "waiting.txt.minisig", waiting + ".txt.minisig")
        self.assertEqual(minisign(dl, "before.txt", "old.pub")[0], 0)
        self.assertNotEqual(minisign(dl, "before.txt", "new.pub")[0], 0)
        self.assertEqual(minisign(dl, "after.txt", "new.pub")[0], 0)
        self.assertEqual(minisign(dl, "waiting.txt", "new.pub")[0], 0)
        self.assertNotEqual(minisign(dl, "after.txt", "old.pub")[0], 0)

        # pressroom verify: the list links the keys, whichever one the reader holds.
        for name in ("history.txt", "history-head.txt", "history-head.txt.minisig"):
            self.save(dl, name, "/" + name)
        for f in ("old.pub", "new.pub", "new.pub.minisig", "old.pub.minisig"):
            os.unlink(os.path.join(dl, f))
        for held in (old_pub, new_pub):   # the new key last: held below
            with open(os.path.join(dl, "signing-key.pub"), "w") as f:
                f.write(held)
            proc = run("verify", dl)
            self.assertEqual(proc.returncode, 0, proc.stdout + proc.stderr)
            self.assertIn("3 signed texts in the history", proc.stdout)
        # Without the list, the new key alone cannot vouch for what the old one signed.
        os.rename(os.path.join(dl, "signing-keys"), os.path.join(dl, "keys.saved"))
        proc = run("verify", dl)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertIn("before.txt: its signature does not hold", proc.stdout)
        os.rename(os.path.join(dl, "keys.saved"), os.path.join(dl, "signing-keys"))
        # A thief of the retired key signs a later statement: the signature holds, but not for that entry.
        stolen = run("key", "sign", os.path.join(dl, "after.txt"), "--key", retired,
                     "--comment", f"{BASE}{after} v1")
        self.assertEqual(stolen.returncode, 0, stolen.stderr)
        with open(os.path.join(self.dir, "retired.pub"), "w") as f:
            f.write(old_pub)
        self.assertEqual(minisign(dl, "after.txt", os.path.join(self.dir, "retired.pub"))[0], 0)   # minisign cannot tell
        proc = run("verify", dl)
        self.assertEqual(proc.returncode, 1, proc.stdout)
        self.assertRegex(proc.stdout, rf"after.txt: signed by key {old_id}, which was not the office's key at "
                                      r"history entry \d+")
        # db check checks the record as a reader would from today's key; a retirement moved later by hand (in
        # a copy, past the trigger) is named.
        check = run("db", "check", "--db", self.site.db)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        copy = os.path.join(self.dir, "copy.db")
        src, dst = sqlite3.connect(self.site.db), sqlite3.connect(copy)
        src.backup(dst)
        src.close()
        dst.execute("DROP TRIGGER signing_key_no_update")
        dst.execute("UPDATE signing_key SET last_entry = 5, retirement = replace(retirement, "
                    "'(history entry 1)', '(history entry 5)') WHERE key_id = ?", (old_id,))
        dst.commit()
        dst.close()
        check = run("db", "check", "--db", copy)
        self.assertEqual(check.returncode, 1, check.stdout)
        self.assertIn(f"signing-keys: key {old_id}: no key you trust vouches for it", check.stdout)
        # A forged list: a key of the forger's own, "endorsed" by itself, is not taken.
        forger = os.path.join(self.dir, "forger.key")
        self.assertEqual(run("key", "generate", "--key", forger).returncode, 0)
        with open(os.path.join(dl, "signing-keys"), "a") as f:
            f.write(f"\nkey: X\n[public-key {len(run('key', 'show', '--key', forger).stdout)}]\n"
                    + run("key", "show", "--key", forger).stdout)
        proc = run("verify", dl)
        self.assertIn("no key you trust vouches for it", proc.stdout)

    def test_the_record_refuses_changes_and_a_key_swapped_by_hand(self):
        path = self.publish("A statement")
        self.wait_signed(path + ".txt")
        for sql in ("UPDATE signing_key SET public_file = 'x'", "DELETE FROM signing_key"):
            proc = run("db", "sql", "--db", self.site.db, input=sql + ";\n")
            self.assertNotEqual(proc.returncode, 0, sql)
        self.assertEqual(self.site.query("SELECT count(*) FROM signing_key")[0][0], 1)
        # A key file replaced without `key rotate` signs nothing: the record names the old key.
        other = os.path.join(self.dir, "other.key")
        self.assertEqual(run("key", "generate", "--key", other).returncode, 0)
        proc = run("key", "sign-versions", "--key", other, "--db", self.site.db)
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("is not the key on record", proc.stdout + proc.stderr)


harness.main()
