"""test_deploy_docs.py: docs/deploy.md's blocks taken as a sysadmin would take them. The first-run block of
section 3: its folder comes before adduser names it, and its pressroom commands, run as written (only the
database path moved, the passwords typed in), under umask 000, leave a database of mode 0640 and a site with
its name, contacts and clocks, which config check passes without the fresh-site warning. The removal block:
applied to an install in a temporary DESTDIR, it leaves no file and no pressroom folder behind."""
import os
import shlex
import shutil
import stat
import subprocess
import tempfile
import unittest

import harness
from deploy import BUILD, doc_block, install
from harness import BIN, run

DB = "/var/lib/pressroom/pressroom.db"


class FirstRun(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pressroom-docs-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_the_first_run_block_makes_a_site_that_can_publish(self):
        lines = [l.split("#")[0].strip() for l in doc_block("deploy.md", "first-run").splitlines()]
        lines = [l for l in lines if l]
        first = lambda word: next(i for i, l in enumerate(lines) if l.startswith(word))
        self.assertLess(first("install -d"), first("adduser"))  # else adduser warns of a missing home
        self.assertLess(first("adduser"), first("chown pressroom:pressroom"))
        db = os.path.join(self.dir, "pressroom.db")
        ran = []
        for line in lines:
            if not line.startswith("runuser -u pressroom -- pressroom "):
                continue
            argv = shlex.split(line)[4:]
            argv = [db if a == DB else a for a in argv]
            password = "a long enough password\n" if argv[1:3] == ["user", "add"] else None
            proc = run(*argv[1:], input=password, preexec_fn=lambda: os.umask(0))
            self.assertEqual(proc.returncode, 0, f"{line}\n{proc.stderr}")
            ran.append(argv[1])
        self.assertEqual(ran[0], "db")
        self.assertIn("site", ran)
        self.assertEqual(stat.S_IMODE(os.stat(db).st_mode), 0o640)
        shown = run("site", "--db", db).stdout
        for text in ("Embassy of Example", "+44 20 7946 0000", "London=Europe/London", "Moscow=Europe/Moscow"):
            self.assertIn(text, shown)
        conf = os.path.join(self.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"database = {db}\nsite_url = https://press.example.org\n")
        proc = run("config", "check", conf)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr), (0, f"{conf}: ok\n", ""))


class Removing(unittest.TestCase):
    def test_the_removal_block_leaves_nothing_installed(self):
        block = doc_block("deploy.md", "remove")
        dest = tempfile.mkdtemp(prefix="pressroom-remove-")
        try:
            install(dest)
            with open(os.path.join(BUILD, "install_manifest.txt")) as f:
                installed = f.read().split("\n")
            for line in block.splitlines():
                argv = shlex.split(line, comments=True)
                if argv[:1] == ["xargs"]:
                    self.assertEqual(argv[-2:], ["<", "/usr/local/src/pressroom/build/install_manifest.txt"])
                    for path in filter(None, installed):  # as installed: DESTDIR goes in front
                        self.assertTrue(path.startswith("/usr/local/") or path.startswith("/etc/pressroom/"), path)
                        os.unlink(dest + path)
                elif argv[:1] == ["rm"]:
                    for path in argv[2:]:
                        self.assertTrue(path.startswith("/"), f"{path}: not absolute, in {line}")
                        target = dest + path
                        if os.path.isdir(target):
                            shutil.rmtree(target)
                        elif os.path.lexists(target):
                            os.unlink(target)
            left = []
            for folder, dirs, files in os.walk(dest):
                left += [os.path.join(folder, f) for f in files]
                left += [os.path.join(folder, d) for d in dirs if "pressroom" in d]
            self.assertEqual(left, [])
        finally:
            shutil.rmtree(dest, ignore_errors=True)


if __name__ == "__main__":
    harness.main()
