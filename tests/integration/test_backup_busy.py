"""test_backup_busy.py: `pressroom db backup` finishes on a large database that is being written. A writer
in its own process commits an item 20 times a second (a real commit each, search index and all, as the
server makes them) while a 100,000-item database is backed up; the backup must finish, pass
`pressroom db check`, and hold every item committed before it began. (A backup copied in steps restarted
at every write and never finished.)"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest

import harness
from harness import run

ITEMS = 100_000
# Bodies of about 700 bytes: a database of some 15,000 pages, many steps of the old 1,024-page copy.
FILL = f"""
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {ITEMS})
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at)
SELECT 'release', 'news', 'item-' || i, 'Item number ' || i, 'Teaser of item ' || i,
       'Body of item ' || i || '. ' || replace(printf('%.60c', '*'), '*', 'word' || (i % 977) || ' '),
       'published', 1600000000 + i, 1600000000 + i, 1600000000 + i
FROM n;
"""

# The writer: commits forever, 20 a second, exits 1 at the first error (say SQLITE_BUSY: a blocked writer).
# Each commit is a `pressroom db sql`: item's triggers write the search index, whose tokenizer is the
# binary's (Python's sqlite3 lacks it).
WRITER = r"""
import subprocess, sys, time
n = 0
while True:
    t = int(time.time())
    sql = ("INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, "
           "updated_at) VALUES ('release', 'news', 'written', 'Written during the backup %d', 't', "
           "'written while backing up', 'published', %d, %d, %d);" % (n, t, t, t))
    if subprocess.run([sys.argv[2], "db", "sql", "--db", sys.argv[1]], input=sql, text=True).returncode != 0:
        sys.exit(1)
    n += 1
    time.sleep(0.05)
"""


def ids(db, upto=None):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        if upto is None:
            return {r[0] for r in con.execute("SELECT id FROM item")}
        return {r[0] for r in con.execute("SELECT id FROM item WHERE id <= ?", (upto,))}
    finally:
        con.close()


def written(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return con.execute("SELECT count(*) FROM item WHERE slug = 'written'").fetchone()[0]
    finally:
        con.close()


class BusyBackup(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pressroom-backup-")
        self.addCleanup(shutil.rmtree, self.dir, ignore_errors=True)
        self.db = os.path.join(self.dir, "pressroom.db")
        self.assertEqual(run("db", "init", "--db", self.db).returncode, 0)
        # The FTS trigger indexes each item as the app's writes do (with the binary's tokenizer): stemming
        # 100,000 items takes longer than harness.run's minute under the sanitizers on a busy machine.
        fill = subprocess.run([harness.BIN, "db", "sql", "--db", self.db], input=f"BEGIN; {FILL} COMMIT;",
                              capture_output=True, text=True, timeout=900)
        self.assertEqual(fill.returncode, 0, fill.stderr)

    def test_a_backup_of_a_large_database_finishes_while_a_writer_commits_20_times_a_second(self):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, self.db, os.path.abspath(harness.BIN)], stderr=subprocess.PIPE, text=True)
        self.addCleanup(lambda: (writer.poll() is None and writer.kill(), writer.wait(), writer.stderr.close()))
        # The writer is under way before the backup begins.
        while written(self.db) < 5:
            self.assertIsNone(writer.poll(), writer.stderr.read() if writer.poll() is not None else "")
            time.sleep(0.05)
        before, started = ids(self.db), written(self.db)
        self.assertGreaterEqual(len(before), ITEMS + 5)
        backup = os.path.join(self.dir, "backup.db")
        made = run("db", "backup", backup, "--db", self.db)  # harness.run: gives up after 60 s
        during = written(self.db)
        self.assertEqual(made.returncode, 0, made.stderr)
        # The writer never failed (a blocked writer would have hit SQLITE_BUSY and exited) and is still going.
        self.assertIsNone(writer.poll(), writer.stderr.read() if writer.poll() is not None else "")
        writer.kill()
        writer.wait()
        self.assertFalse(os.path.exists(backup + ".partial"))
        check = run("db", "check", "--db", backup)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        self.assertIn("ok", check.stdout)
        self.assertEqual(ids(backup, max(before)), before)
        print(f"backup of {len(before)} items; the writer committed {during - started} items meanwhile",
              file=sys.stderr)


if __name__ == "__main__":
    harness.main()
