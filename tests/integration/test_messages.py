"""test_messages.py: /messages, "all messages": newest first, 20 to a page, previous and next links,
the type and year filters, and what bad parameters get."""
import datetime
import re
import time
import unittest
import zoneinfo

import harness
from harness import Site

SITE = None

# 30 events in 2019 on top of the 11 seed items: 41 messages, three pages.
EXTRA = """
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30)
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at)
SELECT 'event', 'news', 'extra-' || i, 'Extra event ' || i, 'Teaser ' || i, 'Body ' || i, 'published',
       unixepoch('2019-03-01') + i * 86400, unixepoch('2019-03-01'), unixepoch('2019-03-01') FROM n;
-- Neither a draft nor a future (scheduled) item may show.
INSERT INTO item (kind, type, slug, title, body, status, published_at, created_at, updated_at)
VALUES ('release', 'statement', 'draft', 'Draft statement', '', 'draft', unixepoch('2019-01-01'), 0, 0),
       ('release', 'statement', 'future', 'Future statement', '', 'published', unixepoch('now') + 86400, 0, 0),
       ('release', 'statement', 'gone', 'Withdrawn statement', '', 'withdrawn', unixepoch('2019-01-02'), 0, 0);
-- The counts below are of the English seed: the demo's Russian version of an event is left out.
DELETE FROM item WHERE lang <> 'en';
"""


def setUpModule():
    global SITE
    SITE = Site(sql=EXTRA).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def titles(body):
    return re.findall(r'<h2 class="item-title"><a href="[^"]+">([^<]+)</a>', body)


class Pagination(unittest.TestCase):
    def test_first_page_has_twenty_newest_and_a_next_link_only(self):
        status, _, body = SITE.get("/messages")
        self.assertEqual(status, 200)
        t = titles(body)
        self.assertEqual(len(t), 20)
        self.assertEqual(t[0], "Extra event 30")
        self.assertEqual(t[19], "Extra event 11")
        self.assertIn('rel="next" href="/messages?page=2"', body)
        self.assertNotIn('rel="prev"', body)

    def test_middle_page_has_both_links(self):
        status, _, body = SITE.get("/messages?page=2")
        self.assertEqual(status, 200)
        t = titles(body)
        self.assertEqual(len(t), 20)
        self.assertEqual(t[0], "Extra event 10")
        self.assertEqual(t[10], "Embassy Press Officer on the Congress of the Syrian National Dialogue in Sochi, Russia")
        self.assertIn('rel="prev" href="/messages"', body)
        self.assertIn('rel="next" href="/messages?page=3"', body)

    def test_last_page_has_the_rest_and_no_next(self):
        status, _, body = SITE.get("/messages?page=3")
        self.assertEqual(status, 200)
        self.assertEqual(titles(body), ["Joint statement by the Russian and Chinese foreign ministries on the Korean Peninsula’s problems"])
        self.assertIn('rel="prev" href="/messages?page=2"', body)
        self.assertNotIn('rel="next"', body)

    def test_page_past_the_end_is_404(self):
        status, _, body = SITE.get("/messages?page=4")
        self.assertEqual(status, 404)
        self.assertIn("past the end", body)

    def test_drafts_withdrawn_and_scheduled_items_never_show(self):
        for page in (1, 2, 3):
            _, _, body = SITE.get(f"/messages?page={page}")
            for hidden in ("Draft statement", "Future statement", "Withdrawn statement"):
                self.assertNotIn(hidden, body)
        for slug, expected in (("draft", 404), ("future", 404), ("gone", 410)):
            item_id = SITE.query("SELECT id FROM item WHERE slug = ?", (slug,))[0][0]
            status, _, _ = SITE.get(f"/releases/{item_id}")
            self.assertEqual(status, expected, slug)


class ScheduledItemBecomingPublic(unittest.TestCase):
    """A worker keeps the archive counts and the keys where deep pages start until a commit or until the next
    scheduled item becomes public (item_stamp_check). With one worker, a copy kept too long would show."""

    def test_archive_counts_and_deep_pages_follow_a_scheduled_item(self):
        with Site(sql=EXTRA, workers=1) as site:
            at = int(time.time()) + 4
            site.execute("INSERT INTO item (kind, type, slug, title, body, status, published_at, created_at, "
                         "updated_at) VALUES ('event', 'news', 'due', 'Due event', '', 'published', ?, 0, 0)", (at,))
            year = datetime.datetime.fromtimestamp(at, zoneinfo.ZoneInfo("Europe/London")).year
            year_link = f'href="/messages?year={year}"'
            _, _, body = site.get("/messages?page=2")
            self.assertEqual(titles(body)[0], "Extra event 10")
            self.assertNotIn(year_link, body)
            time.sleep(max(0, at - time.time()) + 1)
            _, _, body = site.get("/messages?page=2")
            self.assertEqual(titles(body)[0], "Extra event 11")  # the due event pushed one over
            self.assertIn(year_link, body)
            self.assertIn("Due event", titles(site.get("/messages")[2]))


class Filters(unittest.TestCase):
    def test_type_releases(self):
        status, _, body = SITE.get("/messages?type=releases")
        self.assertEqual(status, 200)
        self.assertEqual(len(titles(body)), 1)
        self.assertIn('aria-current="page">Press releases<', body)

    def test_type_events_paginates_with_filter_kept(self):
        status, _, body = SITE.get("/messages?type=events")
        self.assertEqual(len(titles(body)), 20)
        self.assertIn('href="/messages?type=events&amp;page=2"', body)
        _, _, body = SITE.get("/messages?type=events&page=2")
        self.assertEqual(len(titles(body)), 20)
        self.assertNotIn('rel="next"', body)

    def test_year_filter(self):
        _, _, body = SITE.get("/messages?year=2017")
        self.assertEqual(len(titles(body)), 1)
        _, _, body = SITE.get("/messages?year=2018")
        self.assertEqual(len(titles(body)), 10)
        _, _, body = SITE.get("/messages?type=events&year=2019")
        self.assertEqual(len(titles(body)), 20)
        self.assertIn('href="/messages?type=events&amp;year=2019&amp;page=2"', body)

    def test_year_without_messages_is_an_empty_list_not_an_error(self):
        status, _, body = SITE.get("/messages?year=2030")
        self.assertEqual(status, 200)
        self.assertIn("No messages match.", body)

    def test_unknown_parameters_are_ignored(self):
        # Ignored, and left out of the canonical URL the gate sends the visitor to (test_canonical.py).
        status, headers, _ = SITE.get("/messages?utm_source=newsletter&fbclid=x")
        self.assertEqual((status, headers["location"]), (301, "/messages"))
        self.assertEqual(SITE.get(headers["location"])[0], 200)


class BadParameters(unittest.TestCase):
    def test_malformed_values_are_styled_400s(self):
        for query in ("page=0", "page=-1", "page=abc", "page=1.5", "page=", "page=99999999999999999999",
                      "page=100001", "type=news", "type=", "type=RELEASES", "year=1800", "year=18",
                      "year=20180", "year=abcd", "page=abc&page=2", "type=news&type=releases",
                      "page=%31%00", "year=2018%0d%0aX:1"):
            status, headers, body = SITE.get("/messages?" + query)
            self.assertEqual(status, 400, query)
            self.assertIn("400 Bad Request", body, query)
            self.assertEqual(headers["content-type"], "text/html; charset=utf-8")


if __name__ == "__main__":
    harness.main()
