"""test_canonical.py: every public page has one URL. A public GET whose query string is not canonical (unknown
keys, a key given twice, another order, a default spelled out, another percent-encoding) gets a 301 to the
canonical form, so a cache keyed on the URI holds one copy; invalid values stay a 400; a canonical URL and
every link the pages print answer 200 without a redirect; signed-in pages are left alone."""
import re
import unittest

import harness
from harness import Site

SITE = None
STATEMENT_PATH = "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"


def setUpModule():
    global SITE
    SITE = Site().__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


class Redirects(unittest.TestCase):
    CASES = [
        # unknown keys
        ("/messages?q=cooperation&z=1", "/messages?q=cooperation"),
        ("/messages?q=cooperation&z=2", "/messages?q=cooperation"),
        ("/messages?q=cooperation&utm_source=x", "/messages?q=cooperation"),
        ("/messages?z=2&q=cooperation", "/messages?q=cooperation"),
        ("/messages?utm_source=x", "/messages"),
        ("/?utm_source=x&fbclid=1", "/"),
        ("/feed.atom?x=1", "/feed.atom"),
        ("/releases/feed.atom?page=2", "/releases/feed.atom"),  # a key only /messages takes
        ("/sitemap.xml?v=2", "/sitemap.xml"),
        ("/robots.txt?a", "/robots.txt"),
        (STATEMENT_PATH + "?ref=twitter", STATEMENT_PATH),
        # an empty query string
        ("/messages?", "/messages"),
        ("/?", "/"),
        ("/messages?&&", "/messages"),
        # a key given twice: the first counts, later ones are dropped unchecked
        ("/messages?page=2&page=3", "/messages?page=2"),
        ("/messages?type=events&type=releases", "/messages?type=events"),
        ("/messages?q=a&q=b", "/messages?q=a"),
        ("/messages?page=2&page=abc", "/messages?page=2"),
        # another order: type, year, month, q, page
        ("/messages?page=2&type=events", "/messages?type=events&page=2"),
        ("/messages?year=2019&type=events", "/messages?type=events&year=2019"),
        ("/messages?month=5&year=2019", "/messages?year=2019&month=5"),
        ("/messages?page=2&q=korea&type=releases&year=2017",
         "/messages?type=releases&year=2017&q=korea&page=2"),
        # defaults spelled out
        ("/messages?page=1", "/messages"),
        ("/messages?q=", "/messages"),
        ("/messages?q=+++", "/messages"),
        ("/messages?type=events&page=1", "/messages?type=events"),
        ("/messages?q=korea&page=1", "/messages?q=korea"),
        # numbers in one spelling
        ("/messages?year=2019&month=05", "/messages?year=2019&month=5"),
        ("/messages?page=02", "/messages?page=2"),
        # percent-encoding in one spelling: as a browser sends a form
        ("/messages?q=%6Borea", "/messages?q=korea"),
        ("/messages?%71=korea", "/messages?q=korea"),
        ("/messages?q=north%20korea", "/messages?q=north+korea"),
        ("/messages?q=caf%c3%a9", "/messages?q=caf%C3%A9"),
        ("/messages?q=caf\u00e9".encode().decode("latin-1"), "/messages?q=caf%C3%A9"),
        ("/messages?q=a~b", "/messages?q=a%7Eb"),
        ("/messages?q=%2A", "/messages?q=*"),
        ("/messages?type=%65vents", "/messages?type=events"),
        # a search as typed: spaces trimmed and run together, controls become spaces
        ("/messages?q=+north++korea+", "/messages?q=north+korea"),
        ("/messages?q=north%09korea", "/messages?q=north+korea"),
        ("/messages?q=korea%EF%BF%BF", "/messages?q=korea"),
    ]

    def test_each_kind_of_junk_is_a_301_to_the_canonical_url(self):
        for sent, canonical in self.CASES:
            with self.subTest(sent=sent):
                target = sent.encode("latin-1")
                status, reply = SITE.raw(b"GET " + target + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                self.assertEqual(status, 301, reply[:300])
                location = re.search(r"(?im)^location: (.*?)\r?$", reply).group(1)
                self.assertEqual(location, canonical)
                # The canonical URL answers at once: no loop, no second hop.
                status, headers, _ = SITE.get(canonical)
                self.assertNotIn(status, (301, 302, 303, 307, 308), canonical)
                self.assertNotIn("location", headers, canonical)

    def test_head_redirects_too(self):
        status, headers, _ = SITE.get("/messages?page=1", method="HEAD")
        self.assertEqual((status, headers["location"]), (301, "/messages"))

    def test_the_redirect_is_cacheable_like_the_page(self):
        # A cache may keep the 301 as it keeps the page, so junk costs the application one answer.
        status, headers, _ = SITE.get("/messages?z=1")
        self.assertEqual(status, 301)
        self.assertNotIn("no-store", headers.get("cache-control", ""))


class Canonical(unittest.TestCase):
    def test_canonical_urls_answer_200(self):
        for path in ("/", "/messages", "/messages?q=korea", "/messages?q=north+korea", "/messages?type=events",
                     "/messages?type=events&year=2018",
                     "/messages?year=2019&month=5", "/messages?q=caf%C3%A9", "/feed.atom", "/sitemap.xml",
                     "/robots.txt", STATEMENT_PATH):
            with self.subTest(path=path):
                self.assertEqual(SITE.get(path)[0], 200)

    def test_every_link_the_public_pages_print_is_canonical(self):
        seen, todo = set(), ["/", "/messages", "/messages?type=events", "/messages?type=events&year=2018",
                             "/messages?q=korea", "/messages?q=the"]
        while todo and len(seen) < 60:
            path = todo.pop(0)
            if path in seen:
                continue
            seen.add(path)
            status, headers, body = SITE.get(path)
            self.assertEqual(status, 200, path)
            for href in re.findall(r'href="(/(?:messages|releases|events)[^"]*)"', body):
                todo.append(href.replace("&amp;", "&"))
        self.assertGreater(len(seen), 15)

    def test_month_without_year_is_still_a_400_once_canonical(self):
        status, headers, _ = SITE.get("/messages?month=5&z=1")
        self.assertEqual((status, headers["location"]), (301, "/messages?month=5"))
        self.assertEqual(SITE.get("/messages?month=5")[0], 400)


class Invalid(unittest.TestCase):
    def test_invalid_values_are_400_before_any_redirect(self):
        for query in ("page=0", "page=abc", "page=abc&z=1", "z=1&page=abc", "type=news&page=1", "year=18",
                      "month=13&year=2019", "page=1&type=EVENTS", "q=%00", "q=%zz"):
            with self.subTest(query=query):
                status, _, body = SITE.get("/messages?" + query)
                self.assertEqual(status, 400)
                self.assertIn("400 Bad Request", body)


class SignedInPagesUntouched(unittest.TestCase):
    def test_admin_urls_are_not_canonicalised(self):
        # The gate's login check answers, not a 301: admin pages are never cached.
        status, headers, _ = SITE.get("/admin?page=1&z=1")
        self.assertEqual((status, headers["location"]), (303, "/admin/login"))
        status, _, _ = SITE.get("/admin/login?z=1")
        self.assertEqual(status, 200)
        status, _, _ = SITE.get("/admin?page=1&page=2")
        self.assertEqual(status, 400)  # a key given twice is still refused where nothing redirects


if __name__ == "__main__":
    harness.main()
