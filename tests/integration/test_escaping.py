"""test_escaping.py: hostile titles, teasers, bodies, signatures and settings stored in the database reach
every public page as inert text: ctemplate escapes them, and cmark drops raw HTML and script links."""
import html.parser
import json
import re
import unittest

import harness
from harness import Site


class ActiveContent(html.parser.HTMLParser):
    """Collects what a browser would run or load from a page: script and frame elements, event-handler
    attributes, and script or data URLs."""

    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        if tag == "script" and dict(attrs).get("type") == "application/ld+json":
            return  # a data block, never run; its JSON is checked by test_jsonld_survives_hostile_titles
        if tag in ("script", "iframe", "object", "embed"):
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            v = (value or "").strip().lower()
            if name.startswith("on"):
                self.found.append(f"{tag} {name}=")
            if name in ("href", "src", "action") and (v.startswith("javascript:") or v.startswith("data:")):
                self.found.append(f"{tag} {name}={v}")

HOSTILE = """
UPDATE setting SET value = '<script>alert("name")</script>' WHERE key = 'site_name';
INSERT INTO item (id, kind, type, slug, title, teaser, body, signature, status, published_at, created_at, updated_at)
VALUES (100, 'release', 'statement', 'hostile', '<script>alert(1)</script> & "quotes"',
        '<img src=x onerror=alert(2)>',
        'Text <script>alert(3)</script> and <b onmouseover="alert(4)">bold</b>

[click](javascript:alert(5)) and <a href="javascript:alert(6)">raw link</a> and ![i](data:text/html,x)',
        '<iframe src="//evil.example"></iframe>
second line',
        'published', unixepoch('2030-01-01') - 100000000, 0, 0),
       (101, 'event', 'news', 'hostile-event', '" onfocus="alert(7)', '{{SITE_NAME}} {{#X}}', 'ok', '',
        'published', unixepoch('2030-01-01') - 100000000, 0, 0);
"""

SITE = None


def setUpModule():
    global SITE
    SITE = Site(sql=HOSTILE).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


class Escaping(unittest.TestCase):
    def pages(self):
        for path in ("/", "/messages", "/releases/100-hostile", "/events/101-hostile-event", "/no-such-page"):
            status, _, body = SITE.get(path)
            self.assertIn(status, (200, 404), path)
            yield path, body

    def test_no_script_handler_or_script_link_reaches_the_browser(self):
        for path, body in self.pages():
            parser = ActiveContent()
            parser.feed(body)
            self.assertEqual(parser.found, [], path)

    def test_text_is_shown_escaped(self):
        _, _, body = SITE.get("/releases/100-hostile")
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", body)
        self.assertIn("&lt;iframe src=&quot;//evil.example&quot;&gt;&lt;/iframe&gt;", body)
        self.assertIn("&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;", body)

    def test_template_markers_in_data_are_not_expanded(self):
        _, _, body = SITE.get("/")
        self.assertIn("{{SITE_NAME}} {{#X}}", body)

    def test_jsonld_survives_hostile_titles(self):
        _, _, body = SITE.get("/releases/100-hostile")
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
        self.assertEqual(len(blocks), 1)
        data = json.loads(blocks[0])
        self.assertEqual(data["headline"], '<script>alert(1)</script> & "quotes"')
        self.assertEqual(data["@type"], "NewsArticle")

    def test_body_markup_still_renders_safe_parts(self):
        _, _, body = SITE.get("/releases/100-hostile")
        self.assertIn(">click</a>", body)
        self.assertIn('<a href="">click</a>', body)


if __name__ == "__main__":
    harness.main()
