"""test_find_follow.py: search, feeds, sitemap, page metadata and HTTP caching over real HTTP through nginx.
Feeds and sitemaps are read by real XML parsers, and the feeds by a standard feed reader (feedparser)."""
import json
import re
import time
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import harness
from harness import Site, run

ATOM = "{http://www.w3.org/2005/Atom}"
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

EXTRA = """
INSERT INTO item (id, kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at) VALUES
 (50, 'release', 'statement', 'zayavlenie', 'Заявление МИД России о ситуации на Корейском полуострове',
  'Краткое содержание заявления', 'Россия призывает к диалогу на Корейском полуострове. Кафе закрыто.',
  'published', unixepoch('2019-05-02 10:00'), unixepoch('2019-05-02 10:00'), unixepoch('2019-05-02 10:00')),
 (51, 'event', 'news', 'cafe', 'Reception at the embassy café', 'A reception', 'Guests met at the café.',
  'published', unixepoch('2019-05-03 10:00'), unixepoch('2019-05-03 10:00'), unixepoch('2019-05-03 10:00')),
 (52, 'event', 'news', 'body-only', 'Weekly digest', 'Digest', 'This digest mentions Pyongyang once.',
  'published', unixepoch('2019-06-01 10:00'), unixepoch('2019-06-01 10:00'), unixepoch('2019-06-01 10:00')),
 (53, 'release', 'statement', 'title-hit', 'Pyongyang talks resume', 'Talks', 'Talks resumed today.',
  'published', unixepoch('2019-01-01 10:00'), unixepoch('2019-01-01 10:00'), unixepoch('2019-01-01 10:00')),
 (54, 'release', 'statement', 'secret', 'Secret Pyongyang draft', 'Draft', 'Pyongyang Pyongyang', 'draft',
  unixepoch('2019-01-01 10:00'), 0, 0),
 (55, 'release', 'statement', 'gone', 'Withdrawn Pyongyang note', 'Gone', 'Pyongyang', 'withdrawn',
  unixepoch('2019-01-01 10:00'), 0, 0),
 (56, 'release', 'statement', 'later', 'Future Pyongyang statement', 'Later', 'Pyongyang', 'published',
  unixepoch('now') + 86400, 0, 0);
"""

SITE = None


def setUpModule():
    global SITE
    SITE = Site(sql=EXTRA).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def follow(path):
    """GET path, and the canonical URL the gate sends it to if it is not one (one 301 at most)."""
    status, headers, body = SITE.get(path)
    if status == 301:
        status, headers, body = SITE.get(headers["location"])
    return status, headers, body


def search(q, extra=""):
    status, _, body = follow("/messages?q=" + urllib.parse.quote(q) + extra)
    return status, re.findall(r'<h2 class="item-title"><a href="[^"]+">([^<]+)</a>', body), body


class Search(unittest.TestCase):
    def test_case_is_folded_in_latin(self):
        results = [search(q)[1] for q in ("korean", "Korean", "KOREAN")]
        self.assertEqual(results[0], results[1])
        self.assertEqual(results[0], results[2])
        self.assertIn("Joint statement by the Russian and Chinese foreign ministries on the Korean Peninsula’s problems",
                      results[0])

    def test_cyrillic_query_finds_cyrillic_text_in_any_case(self):
        for q in ("корейском", "КОРЕЙСКОМ", "Заявление"):
            status, titles, _ = search(q)
            self.assertEqual(status, 200)
            self.assertEqual(titles, ["Заявление МИД России о ситуации на Корейском полуострове"], q)

    def test_diacritics_are_folded(self):
        self.assertEqual(search("cafe")[1], ["Reception at the embassy café"])
        self.assertEqual(search("café")[1], ["Reception at the embassy café"])

    def test_title_match_ranks_above_body_match_and_hidden_items_are_never_found(self):
        titles = search("pyongyang")[1]
        self.assertEqual(titles, ["Pyongyang talks resume", "Weekly digest"])

    def test_every_word_must_match(self):
        self.assertEqual(search("pyongyang talks")[1], ["Pyongyang talks resume"])
        self.assertEqual(search("pyongyang zebra")[1], [])

    def test_filters_combine_with_search(self):
        self.assertEqual(search("pyongyang", "&type=events")[1], ["Weekly digest"])
        self.assertEqual(search("pyongyang", "&type=releases")[1], ["Pyongyang talks resume"])
        self.assertEqual(search("корейском", "&year=2019")[1], ["Заявление МИД России о ситуации на Корейском полуострове"])
        self.assertEqual(search("корейском", "&year=2018")[1], [])
        self.assertEqual(search("korean", "&year=2017&type=releases")[1],
                         ["Joint statement by the Russian and Chinese foreign ministries on the Korean Peninsula’s problems"])

    def test_snippet_highlights_the_match_as_markup_around_escaped_text(self):
        _, _, body = search("digest")
        self.assertIn("<mark>digest</mark>", body)

    def test_hostile_queries_get_results_or_no_results_never_an_error(self):
        hostile = ['"', '""', "'", "(", ")", "((a", "a)", "*", "**", "-", "NOT", "AND OR NOT", "a OR", "NEAR(a b",
                   "^", "title:korean", "{title}: x", "korean*", "\\", "%", "%%", "&", "<script>alert(1)</script>",
                   "' OR 1=1 --", "\"korean", "korean\"", "x" * 10000, "korean " * 1400, "\ufeff",
                   "🙂", "a\u0301", "{{SITE_NAME}}", "\x01", "ё" * 300]
        for q in hostile:
            status, titles, body = search(q)
            self.assertEqual(status, 200, repr(q[:40]))
            self.assertTrue(titles or "No results." in body, repr(q[:40]))
            self.assertNotIn("<script>alert", body)
        self.assertTrue(search('korean"')[1])  # a stray quote is a separator, not an error
        # Invalid UTF-8 and other raw bytes in the query string.
        for raw in ("%FF", "%C3%28", "%ED%A0%80", "%F4%90%80%80", "korean%FF"):
            status, _, body = follow("/messages?q=" + raw)
            self.assertEqual(status, 200, raw)
        status, _, _ = SITE.get("/messages?q=%00")
        self.assertEqual(status, 400)  # a NUL is refused before any page sees it

    def test_search_pages_paginate(self):
        status, titles, body = search("the", "&page=1")
        self.assertEqual(status, 200)
        self.assertEqual(len(titles), 11 if len(titles) < 20 else 20)
        self.assertEqual(search("the", "&page=9")[0], 404)

    def test_the_index_follows_inserts_edits_and_withdrawals(self):
        SITE.execute("INSERT INTO item (id, kind, type, slug, title, body, status, published_at, created_at, updated_at) "
                     "VALUES (57, 'event', 'news', 'm', 'Mombasa visit', 'x', 'published', unixepoch('2019-02-01'), 0, 0)")
        self.assertEqual(search("mombasa")[1], ["Mombasa visit"])
        SITE.execute("UPDATE item SET title = 'Renamed zanzibar visit', updated_at = updated_at + 1 WHERE id = 57")
        self.assertEqual(search("zanzibar")[1], ["Renamed zanzibar visit"])
        self.assertEqual(search("mombasa")[1], [])
        SITE.execute("UPDATE item SET status = 'withdrawn' WHERE id = 57")
        self.assertEqual(search("zanzibar")[1], [])


def fts_segments(site):
    """How many segments the full-text index has: its structure record (id 10 of item_fts_data) is a 4-byte
    cookie, then varints: the number of levels, then of segments."""
    block = site.query("SELECT block FROM item_fts_data WHERE id = 10")[0][0]
    i, values = 4, []
    for _ in range(2):
        v = 0
        while True:
            c = block[i]
            i += 1
            v = (v << 7) | (c & 0x7F)
            if not c & 0x80:
                break
        values.append(v)
    return values[1]


class SearchIndexMaintenance(unittest.TestCase):
    def test_db_optimize_merges_the_index_while_serving_and_every_answer_stays(self):
        queries = ("pyongyang", "korean", "корейском", "cafe", "statement", "talks resumed", "nothing-like-this")
        # Items written one at a time, as press officers do, each add a segment to the index.
        for n in range(12):
            SITE.execute("INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at,"
                         " updated_at) VALUES ('event', 'news', ?, ?, 'Teaser', ?, 'published', ?, 0, 0)",
                         (f"maint-{n}", f"Maintenance note {n}", f"Pyongyang statement number {n}",
                          1500000000 + n))
        self.assertGreater(fts_segments(SITE), 1)
        before = [search(q)[1] for q in queries]
        proc = SITE.check(run("db", "optimize", "--db", SITE.db))
        self.assertTrue(proc.stdout.startswith(f"{SITE.db}: search index merged; removed "), proc.stdout)
        self.assertEqual(fts_segments(SITE), 1)
        SITE.execute("INSERT INTO item_fts (item_fts) VALUES ('integrity-check')")
        self.assertEqual([search(q)[1] for q in queries], before)
        self.assertIn("Maintenance note 11", before[0])


class Feeds(unittest.TestCase):
    def parse(self, path):
        status, headers, body = SITE.get(path)
        self.assertEqual(status, 200, path)
        self.assertEqual(headers["content-type"], "application/atom+xml; charset=utf-8")
        return ET.fromstring(body.encode()), body

    def test_feeds_are_atom_with_required_elements(self):
        for path, kinds in (("/feed.atom", {"releases", "events"}), ("/releases/feed.atom", {"releases"}),
                            ("/events/feed.atom", {"events"})):
            root, _ = self.parse(path)
            self.assertEqual(root.tag, ATOM + "feed")
            for tag in ("id", "title", "updated", "author"):
                self.assertIsNotNone(root.find(ATOM + tag), (path, tag))
            self.assertTrue(root.find(ATOM + "link[@rel='self']").get("href").endswith(path))
            entries = root.findall(ATOM + "entry")
            self.assertGreater(len(entries), 0)
            self.assertLessEqual(len(entries), 50)
            ids = [e.find(ATOM + "id").text for e in entries]
            self.assertEqual(len(ids), len(set(ids)))
            for e in entries:
                self.assertRegex(e.find(ATOM + "id").text, r"^tag:127\.0\.0\.1,\d{4}-\d\d-\d\d:item-\d+$")
                self.assertRegex(e.find(ATOM + "updated").text, r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
                link = e.find(ATOM + "link[@rel='alternate']").get("href")
                self.assertIn(urllib.parse.urlparse(link).path.split("/")[1], kinds)
                self.assertEqual(e.find(ATOM + "content").get("type"), "html")

    def test_feed_titles_and_html_links_name_the_kind(self):
        for path, title, html in (("/feed.atom", "all messages", "/messages"),
                                  ("/releases/feed.atom", "press releases", "/messages?type=releases"),
                                  ("/events/feed.atom", "events", "/messages?type=events")):
            root, _ = self.parse(path)
            self.assertTrue(root.find(ATOM + "title").text.endswith(": " + title), path)
            link = root.find(ATOM + "link[@rel='alternate']").get("href")
            self.assertEqual(urllib.parse.urlsplit(link)._replace(scheme="", netloc="").geturl(), html)

    def test_feed_holds_full_content_and_no_hidden_items(self):
        root, text = self.parse("/feed.atom")
        statement = [e for e in root.findall(ATOM + "entry") if e.find(ATOM + "title").text.startswith("Joint statement")][0]
        self.assertIn("<li>\n<p>The Parties express serious concern", statement.find(ATOM + "content").text)
        for hidden in ("Secret Pyongyang draft", "Withdrawn Pyongyang note", "Future Pyongyang statement"):
            self.assertNotIn(hidden, text)

    def test_a_standard_feed_reader_parses_them(self):
        import feedparser
        for path in ("/feed.atom", "/releases/feed.atom", "/events/feed.atom"):
            _, _, body = SITE.get(path)
            parsed = feedparser.parse(body)
            self.assertFalse(parsed.bozo, (path, parsed.get("bozo_exception")))
            self.assertEqual(parsed.version, "atom10")
            self.assertTrue(parsed.entries[0].title)
            self.assertTrue(parsed.entries[0].content[0].value)

    def test_entry_id_is_stable_and_updated_changes_on_edit(self):
        def entry(root):
            return [e for e in root.findall(ATOM + "entry") if e.find(ATOM + "link").get("href").endswith("/events/51-cafe")][0]
        before = entry(self.parse("/feed.atom")[0])
        SITE.execute("UPDATE item SET body = body || ' Updated.', updated_at = unixepoch('2020-01-01') WHERE id = 51")
        after = entry(self.parse("/feed.atom")[0])
        self.assertEqual(before.find(ATOM + "id").text, after.find(ATOM + "id").text)
        self.assertNotEqual(before.find(ATOM + "updated").text, after.find(ATOM + "updated").text)
        self.assertEqual(after.find(ATOM + "updated").text, "2020-01-01T00:00:00Z")


class Sitemap(unittest.TestCase):
    def test_sitemap_lists_every_public_item_with_lastmod(self):
        status, headers, body = SITE.get("/sitemap.xml")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("application/xml"))
        root = ET.fromstring(body.encode())
        self.assertEqual(root.tag, SM + "urlset")
        locs = {u.find(SM + "loc").text: u.find(SM + "lastmod") for u in root.findall(SM + "url")}
        public = SITE.query("SELECT id FROM item WHERE status = 'published' AND published_at <= unixepoch('now')")
        item_urls = [l for l in locs if "/releases/" in l or "/events/" in l]
        self.assertEqual(len(item_urls), len(public))
        for url in item_urls:
            self.assertIsNotNone(locs[url])
            self.assertEqual(SITE.get(urllib.parse.urlparse(url).path)[0], 200, url)
        paths = {urllib.parse.urlparse(l).path for l in locs}
        for hidden in ("/releases/54-secret", "/releases/55-gone", "/releases/56-later"):
            self.assertNotIn(hidden, paths)

    def test_robots_points_to_the_sitemap_and_excludes_admin(self):
        status, headers, body = SITE.get("/robots.txt")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/plain"))
        self.assertIn("Disallow: /admin\n", body)
        self.assertRegex(body, r"Sitemap: http://127\.0\.0\.1:\d+/sitemap\.xml")

    def test_missing_sitemap_part_is_404(self):
        self.assertEqual(SITE.get("/sitemap/99.xml")[0], 404)
        self.assertEqual(SITE.get("/sitemap/x.xml")[0], 404)


class Metadata(unittest.TestCase):
    def test_detail_page_head(self):
        _, _, body = SITE.get("/events/51-cafe")
        self.assertIn("<title>Reception at the embassy café | Embassy of the Russian Federation", body)
        self.assertIn('<meta name="description" content="A reception">', body)
        self.assertRegex(body, r'<link rel="canonical" href="http://127\.0\.0\.1:\d+/events/51-cafe">')
        self.assertRegex(body, r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="http://127\.0\.0\.1:\d+/feed\.atom">')
        self.assertIn('<meta property="og:title" content="Reception at the embassy café">', body)
        self.assertIn('<meta name="twitter:card" content="summary">', body)
        data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))
        self.assertEqual(data["@type"], "NewsArticle")
        self.assertEqual(data["headline"], "Reception at the embassy café")
        self.assertEqual(data["datePublished"], "2019-05-03T10:00:00Z")
        url = data.pop("url")
        self.assertRegex(url, r"^http://127\.0\.0\.1:\d+/events/51-cafe$")
        org = {"@type": "Organization", "name": data["publisher"]["name"]}
        self.assertIn("Embassy", org["name"])
        self.assertEqual(data, {
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": "Reception at the embassy café",
            "description": "A reception", "mainEntityOfPage": url, "datePublished": "2019-05-03T10:00:00Z",
            "dateModified": data["dateModified"], "articleSection": data["articleSection"],
            "inLanguage": "en", "publisher": org, "author": org})
        self.assertRegex(data["dateModified"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertTrue(data["articleSection"])

    def test_list_pages_have_canonical_and_no_article_tags(self):
        _, _, body = follow("/messages?type=events&page=1&utm_source=x")
        self.assertRegex(body, r'<link rel="canonical" href="http://127\.0\.0\.1:\d+/messages\?type=events">')
        self.assertNotIn("og:title", body)

    def test_previous_and_next_links_on_detail_pages(self):
        _, _, body = SITE.get("/events/51-cafe")
        self.assertIn('rel="prev" href="/releases/50-zayavlenie"', body)
        self.assertIn('rel="next" href="/events/52-body-only"', body)

    def test_archive_by_year_and_month(self):
        _, _, body = SITE.get("/messages")
        self.assertRegex(body, r'<a href="/messages\?year=2019">2019</a> <span class="count">\(\d+\)</span>')
        _, titles, body = search("", "")
        status, _, body = SITE.get("/messages?year=2019&month=5")
        self.assertEqual(status, 200)
        self.assertEqual(re.findall(r'<h2 class="item-title"><a href="[^"]+">([^<]+)</a>', body),
                         ["Reception at the embassy café", "Заявление МИД России о ситуации на Корейском полуострове"])
        self.assertIn('aria-current="page">May</a>', body)
        self.assertEqual(SITE.get("/messages?month=5")[0], 400)
        self.assertEqual(SITE.get("/messages?year=2019&month=13")[0], 400)


class Http(unittest.TestCase):
    PATHS = ["/", "/messages", "/events/51-cafe", "/feed.atom", "/sitemap.xml"]

    def test_validators_and_cache_control_on_public_pages(self):
        for path in self.PATHS:
            status, headers, _ = SITE.get(path)
            self.assertEqual(status, 200)
            self.assertRegex(headers["etag"], r'^"[0-9a-f]{16}"$')
            self.assertRegex(headers["last-modified"], r"^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$")
            self.assertEqual(headers["cache-control"], "public, max-age=60, stale-while-revalidate=300")

    def test_if_none_match_strong_and_weak_give_304_without_body(self):
        for path in self.PATHS:
            _, headers, _ = SITE.get(path)
            for tag in (headers["etag"], "W/" + headers["etag"], '"other", ' + headers["etag"]):
                status, h, body = SITE.get(path, headers={"If-None-Match": tag})
                if status == 200 and h["etag"] != headers["etag"]:
                    continue  # the minute turned between the two requests
                self.assertEqual(status, 304, (path, tag))
                self.assertEqual(body, "")
                self.assertEqual(h["etag"], headers["etag"])
            status, _, body = SITE.get(path, headers={"If-None-Match": '"0000000000000000"'})
            self.assertEqual(status, 200)
            self.assertTrue(body)

    def test_if_modified_since_gives_304(self):
        _, headers, _ = SITE.get("/events/51-cafe")
        status, _, body = SITE.get("/events/51-cafe", headers={"If-Modified-Since": headers["last-modified"]})
        self.assertEqual(status, 304)
        self.assertEqual(body, "")
        status, _, _ = SITE.get("/events/51-cafe", headers={"If-Modified-Since": "Mon, 01 Jan 2001 00:00:00 GMT"})
        self.assertEqual(status, 200)
        status, _, _ = SITE.get("/events/51-cafe", headers={"If-Modified-Since": "garbage"})
        self.assertEqual(status, 200)

    def test_an_edit_changes_the_validators(self):
        _, before, _ = SITE.get("/events/51-cafe")
        SITE.execute("UPDATE item SET title = 'Reception at the embassy café (corrected)', updated_at = unixepoch('now') WHERE id = 51")
        status, after, _ = SITE.get("/events/51-cafe", headers={"If-None-Match": before["etag"]})
        self.assertEqual(status, 200)
        self.assertNotEqual(after["etag"], before["etag"])
        SITE.execute("UPDATE item SET title = 'Reception at the embassy café' WHERE id = 51")

    def test_head_answers_like_get(self):
        for path in self.PATHS:
            _, g, body = SITE.get(path)
            status, h, hbody = SITE.get(path, method="HEAD")
            self.assertEqual(status, 200)
            self.assertEqual(hbody, "")
            if g["etag"] == h["etag"]:
                self.assertEqual(h["content-length"], g["content-length"])

    def test_security_headers_everywhere(self):
        for path in self.PATHS + ["/no-such-page", "/admin/login", "/messages?page=0"]:
            _, headers, _ = SITE.get(path)
            csp = headers["content-security-policy"]
            self.assertIn("frame-ancestors 'none'", csp)
            self.assertNotIn("unsafe-inline", csp)
            self.assertNotIn("script-src", csp.replace("default-src 'none'", ""))
            self.assertEqual(headers["x-content-type-options"], "nosniff")
            self.assertEqual(headers["referrer-policy"], "strict-origin-when-cross-origin")

    def test_admin_is_no_store(self):
        _, headers, _ = SITE.get("/admin/login")
        self.assertEqual(headers["cache-control"], "no-store")
        self.assertNotIn("etag", headers)


if __name__ == "__main__":
    harness.main()
