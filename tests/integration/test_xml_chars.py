"""test_xml_chars.py: characters XML 1.0 cannot carry. The gate refuses Unicode noncharacters and the controls in
every text field of the statement form (422, the form kept, the message beside the field, a log line); and text
already stored with them (older rows, or rows written by SQL) still gives feeds and a sitemap that real XML
parsers and a feed reader accept, the characters shown as U+FFFD."""
import re
import unittest
import xml.etree.ElementTree as ET

import harness
from admin_forms import signed_in, statement
from harness import Site

EDITOR = ("bob", "editor", "editor password 1")
ATOM = "{http://www.w3.org/2005/Atom}"
# Noncharacters at the edges of their ranges and in other planes, and the C0 controls XML forbids.
NONCHARACTERS = ["\uffff", "\ufffe", "\ufdd0", "\ufdef", "\U0001fffe", "\U0010ffff"]
FORBIDDEN = NONCHARACTERS + ["\x0b", "\x0c", "\x1b"]
SITE = None


def setUpModule():
    global SITE
    SITE = Site(users=[EDITOR]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


class Gate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.bob = signed_in(SITE, EDITOR)

    def test_a_noncharacter_in_any_text_field_is_a_422_with_the_form_kept(self):
        before = SITE.query("SELECT count(*) FROM item")[0][0]
        for field in ("title", "teaser", "body", "signature"):
            for ch in NONCHARACTERS:
                with self.subTest(field=field, ch=hex(ord(ch))):
                    form = dict(statement("Statement on trade"), action="save")
                    form[field] = "Before " + ch + " after"
                    status, _, body = self.bob.post("/admin/new", form)
                    self.assertEqual(status, 422)
                    self.assertRegex(body, f'<a href="#{field}">[^<]* contains a character that cannot be published')
                    self.assertIn("Before", body)  # what was typed is shown again
                    self.assertIn("Statement on trade" if field != "title" else "after", body)
        self.assertEqual(SITE.query("SELECT count(*) FROM item")[0][0], before)
        self.assertRegex(SITE.log(), r"POST /admin/new: form field title contains a character that cannot")

    def test_controls_xml_forbids_are_refused_in_one_line_and_multiline_fields(self):
        for field in ("title", "teaser", "body", "note"):
            for ch in ("\x0b", "\x0c", "\x1b", "\x7f", "\u0085"):
                with self.subTest(field=field, ch=hex(ord(ch))):
                    form = dict(statement("Statement on trade"), action="save")
                    form[field] = "Before " + ch + " after"
                    status, _, body = self.bob.post("/admin/new", form)
                    self.assertEqual(status, 422)
                    self.assertRegex(body, f'<a href="#{field}">[^<]* (contains|without) control characters')

    def test_characters_xml_can_carry_are_accepted(self):
        title = "Tab-free title with \ufffd, \U0001f600 and \ufdcf \ufdf0 \U0001fffd"
        status, _, body = self.bob.post("/admin/new", dict(statement(title), action="save"))
        self.assertEqual(status, 303, body[:2000])


class StoredBeforeTheGate(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        # Every text column of a published release, as SQL or an older version could have left it.
        cls.marked = "".join(FORBIDDEN)
        SITE.execute("UPDATE item SET title = ?, teaser = ?, body = ?, signature = ?, body_html = NULL,"
                     " body_html_version = NULL WHERE id = 1",
                     ("Title " + cls.marked, "Teaser " + cls.marked, "Body " + cls.marked + "\n\nMore.",
                      "Signed " + cls.marked))

    def check_xml(self, path):
        status, headers, body = SITE.get(path)
        self.assertEqual(status, 200, path)
        for ch in FORBIDDEN:
            self.assertNotIn(ch, body, (path, hex(ord(ch))))
        ET.fromstring(body.encode("utf-8"))  # raises if not well-formed
        return body

    def test_feeds_stay_well_formed_and_readable(self):
        import feedparser
        for path in ("/feed.atom", "/releases/feed.atom"):
            body = self.check_xml(path)
            root = ET.fromstring(body.encode("utf-8"))
            titles = [e.find(ATOM + "title").text for e in root.findall(ATOM + "entry")]
            self.assertIn("Title " + "\ufffd" * len(FORBIDDEN), titles)
            parsed = feedparser.parse(body)
            self.assertFalse(parsed.bozo, (path, parsed.get("bozo_exception")))
            self.assertIn("Title " + "\ufffd" * len(FORBIDDEN), [e.title for e in parsed.entries])

    def test_sitemap_stays_well_formed(self):
        self.check_xml("/sitemap.xml")

    def test_html_pages_do_not_carry_them_either(self):
        status, _, body = SITE.get("/")
        self.assertEqual(status, 200)
        self.assertIn("Title " + "\ufffd" * len(FORBIDDEN), body)
        for ch in FORBIDDEN:
            self.assertNotIn(ch, body)

    def test_the_body_is_mended_where_it_is_rendered(self):
        # Rendered from the source now (no kept HTML), and kept mended once a migration renders it: pages
        # set the body's HTML as it is, so the mending must happen where the HTML is made.
        kind, slug = SITE.query("SELECT kind, slug FROM item WHERE id = 1")[0]
        path = f"/{'events' if kind == 'event' else 'releases'}/1-{slug}"
        for rendered_when in ("on request", "by the migration"):
            if rendered_when == "by the migration":
                harness.Site.check(harness.run("db", "migrate", "--db", SITE.db))
                self.assertIsNotNone(SITE.query("SELECT body_html FROM item WHERE id = 1")[0][0])
            status, _, body = SITE.get(path)
            self.assertEqual(status, 200, rendered_when)
            self.assertIn("<p>Body " + "\ufffd" * len(FORBIDDEN) + "</p>", body, rendered_when)
            for ch in FORBIDDEN:
                self.assertNotIn(ch, body, (rendered_when, hex(ord(ch))))


if __name__ == "__main__":
    harness.main()
