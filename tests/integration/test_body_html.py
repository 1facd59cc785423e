"""test_body_html.py: bodies kept rendered (migration 0006). A statement published or edited through the
admin form has markup.c's HTML stored beside its source and the public page and the feed serve that HTML;
HTML kept by another renderer version is not served (the source is rendered afresh); and a database from
before 0006 has every body's HTML filled by `pressroom db migrate`."""
import glob
import os
import re
import sqlite3
import tempfile
import shutil
import unittest

import harness
from admin_forms import post_statement, signed_in, statement
from harness import Site

PUBLISHER = ("alice", "publisher", "correct horse battery")
SITE = None

# What cmark (safe mode) makes of test_admin.statement's body.
BODY_HTML = "<p>First paragraph.</p>\n<ol>\n<li>Point one.</li>\n<li>Point two.</li>\n</ol>\n"


def setUpModule():
    global SITE
    SITE = Site(users=[PUBLISHER]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def publish(title, **extra):
    alice = signed_in(SITE, PUBLISHER)
    alice.request("/admin/new")
    return alice, post_statement(alice, title, action="publish", **extra)


def kept(iid):
    return SITE.query("SELECT body_html, body_html_version FROM item WHERE id = ?", (iid,))[0]


def page(iid):
    slug = SITE.query("SELECT slug FROM item WHERE id = ?", (iid,))[0][0]
    status, _, body = SITE.get(f"/releases/{iid}-{slug}")
    assert status == 200, status
    return body


class KeptHtml(unittest.TestCase):
    def test_a_published_statement_keeps_its_html_and_the_page_serves_it(self):
        _, iid = publish("Statement kept rendered")
        html, version = kept(iid)
        self.assertEqual(html, BODY_HTML)
        self.assertIsNotNone(version)
        self.assertIn(BODY_HTML.strip(), page(iid))
        # The page serves what is kept, not a rendering of the source: change the kept HTML (same version)
        # and the page follows.
        SITE.execute("UPDATE item SET body_html = '<p>Served from the column.</p>' WHERE id = ?", (iid,))
        body = page(iid)
        self.assertIn("<p>Served from the column.</p>", body)
        self.assertNotIn("<li>Point one.</li>", body)
        status, _, feed = SITE.get("/feed.atom")
        self.assertEqual(status, 200)
        self.assertIn("&lt;p&gt;Served from the column.&lt;/p&gt;", feed)

    def test_an_edit_renders_the_new_body_again(self):
        alice, iid = publish("Statement edited after publication")
        alice.request(f"/admin/items/{iid}")
        form = dict(statement("Statement edited after publication", body="Corrected **text**, [link](https://example.org/)."),
                    action="save", note="Corrected the text")
        status, _, _ = alice.post(f"/admin/items/{iid}", form)
        self.assertEqual(status, 303)
        html, _ = kept(iid)
        self.assertEqual(html, '<p>Corrected <strong>text</strong>, <a href="https://example.org/">link</a>.</p>\n')
        self.assertIn("<p>Corrected <strong>text</strong>", page(iid))

    def test_html_kept_by_another_renderer_version_is_rendered_afresh(self):
        _, iid = publish("Statement kept by an older renderer")
        _, version = kept(iid)
        SITE.execute("UPDATE item SET body_html = '<p>Stale HTML.</p>', body_html_version = ? WHERE id = ?",
                     (version - 1, iid))
        body = page(iid)
        self.assertNotIn("Stale HTML.", body)
        self.assertIn(BODY_HTML.strip(), body)
        status, _, feed = SITE.get("/feed.atom")
        self.assertNotIn("Stale HTML.", feed)
        self.assertIn("&lt;li&gt;Point one.&lt;/li&gt;", feed)
        # A kept NULL (a row written by SQL) is rendered too.
        SITE.execute("UPDATE item SET body_html = NULL, body_html_version = NULL WHERE id = ?", (iid,))
        self.assertIn(BODY_HTML.strip(), page(iid))


class Migrated(unittest.TestCase):
    def test_db_migrate_fills_every_body_of_a_database_from_before(self):
        folder = tempfile.mkdtemp(prefix="pressroom-test-")
        try:
            db = os.path.join(folder, "old.db")
            con = sqlite3.connect(db)
            for path in sorted(glob.glob(os.path.join(harness.SOURCE, "sql", "migrations", "*.sql"))):
                if int(os.path.basename(path)[:4]) <= 5:
                    con.executescript(harness.read_text(path))
            con.execute("PRAGMA user_version = 5")
            # More rows than one batch, written by SQL as an old binary or an import would.
            con.executemany("INSERT INTO item (kind, type, slug, title, teaser, body, signature, status, published_at,"
                            " created_at, updated_at) VALUES ('release', 'statement', ?, ?, '', ?, '', 'published',"
                            " 1000, 1000, 1000)",
                            [(f"s{i}", f"S{i}", f"Body *{i}*.") for i in range(1, 451)])
            con.commit()
            con.close()
            harness.Site.check(harness.run("db", "migrate", "--db", db))
            con = sqlite3.connect(db)
            rows = con.execute("SELECT id, body_html, body_html_version FROM item ORDER BY id").fetchall()
            con.close()
            self.assertEqual(len(rows), 450)
            self.assertEqual(len({r[2] for r in rows}), 1)
            self.assertIsNotNone(rows[0][2])
            for iid, html, _ in rows:
                self.assertEqual(html, f"<p>Body <em>{iid}</em>.</p>\n")
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def test_the_seeded_demo_content_has_its_html(self):
        seeded = "FROM item WHERE created_by IS NULL"  # items made through the form have their officer
        self.assertGreater(SITE.query("SELECT count(*) " + seeded)[0][0], 0)
        self.assertEqual(SITE.query("SELECT count(*) " + seeded + " AND (body_html IS NULL OR body_html_version IS NULL)")[0][0], 0)


if __name__ == "__main__":
    harness.main()
