"""test_deploy_cache.py: the caching tier of docs/scaling.md, as documented (the nginx block between its
markers, only addresses, certificate, install paths and cache folder substituted), in front of the installed
server. With cache_max_age = 2s: repeated reads are HITs, a statement published through the admin shows on
the cached home page within the lifetime, the admin and anyone signed in go past the cache, and a failing
server is hidden by stale pages. With a long lifetime: a flood on an uncached page reaches the server once,
conditional requests get 304 from nginx, and the refresh header replaces a cached page, from localhost only."""
import os
import re
import threading
import time
import unittest

from deploy import Deployment, doc_block
import harness
from admin_forms import post_statement, signed_in

PUBLISHER = ("alice", "publisher", "correct horse battery")
CACHE = ("scaling.md", "nginx-cache")


def publish(d, title):
    """Sign in and publish a statement through the admin, as a press officer would; returns the client."""
    c = signed_in(d, PUBLISHER)
    post_statement(c, title, "publish", body="First paragraph.", signature="The Press Office")
    return c


def cache_files_text(d):
    out = []
    for folder, _, files in os.walk(os.path.join(d.dir, "cache")):
        for f in files:
            with open(os.path.join(folder, f), "rb") as fh:
                out.append(fh.read().decode("utf-8", "replace"))
    return "\n".join(out)


def cache_file(d, path):
    """The file of nginx's cache that holds the copy of path."""
    for folder, _, files in os.walk(os.path.join(d.dir, "cache")):
        for f in files:
            with open(os.path.join(folder, f), "rb") as fh:
                if re.search(rb"\nKEY: [^\n]*" + re.escape(path.encode()) + rb"\n", fh.read(4096)):
                    return os.path.join(folder, f)
    raise AssertionError("no copy of " + path + " in the cache")


class Documented(unittest.TestCase):
    def test_the_block_never_caches_set_cookie_and_honours_the_apps_headers(self):
        block = doc_block(*CACHE)
        self.assertNotIn("fastcgi_ignore_headers", block)  # Set-Cookie, Cache-Control, Expires all honoured
        for directive in ("fastcgi_cache_use_stale updating error timeout", "fastcgi_cache_background_update on;",
                          "fastcgi_cache_lock on;", "fastcgi_cache_revalidate on;",
                          "add_header X-Cache-Status $upstream_cache_status always;"):
            self.assertIn(directive, block)


class ShortLifetime(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = Deployment(config={"cache_max_age": "2s", "cache_stale": "1m", "workers": "2"}, site=CACHE,
                           users=[PUBLISHER]).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.d.__exit__(None, None, None)

    def test_repeated_reads_hit_the_cache(self):
        first = self.d.get("/messages?type=events")
        second = self.d.get("/messages?type=events")
        self.assertEqual((first[0], second[0]), (200, 200))
        self.assertIn(first[1]["x-cache-status"], ("MISS", "EXPIRED"))
        self.assertEqual(second[1]["x-cache-status"], "HIT")
        self.assertEqual(second[2], first[2])
        self.assertEqual(second[1]["cache-control"], "public, max-age=2, stale-while-revalidate=60")
        self.assertEqual(second[1]["etag"], first[1]["etag"])
        self.assertIn("strict-transport-security", second[1])

    def test_a_publication_is_visible_through_the_cache_within_its_lifetime(self):
        title = "Statement on the opening of the consular section " + str(int(time.time()))
        deadline = time.time() + 5  # the home page is cached (an expired copy is being renewed: wait for it)
        while time.time() < deadline:
            status, headers, body = self.d.get("/")
            if headers["x-cache-status"] == "HIT":
                break
            time.sleep(0.05)
        self.assertEqual(headers["x-cache-status"], "HIT")
        self.assertNotIn(title, body)
        publish(self.d, title)
        published = time.time()
        seen = None
        while time.time() - published < 10:
            status, headers, body = self.d.get("/")
            self.assertEqual(status, 200)
            if title in body:
                seen = time.time() - published
                break
            time.sleep(0.2)
        self.assertIsNotNone(seen, "the statement never showed through the cache")
        # The lifetime, one stale answer while nginx updates, the polling step: 2 to 3 s on an idle machine;
        # the bound leaves room for a loaded one.
        self.assertLess(seen, 8)
        # ... and the fresh page is cached in turn.
        status, headers, body = self.d.get("/")
        self.assertIn(title, body)
        self.assertIn(headers["x-cache-status"], ("HIT", "STALE", "UPDATING", "REVALIDATED", "EXPIRED"))

    def test_an_expired_page_is_revalidated_with_a_304_not_fetched_again(self):
        # fastcgi_cache_revalidate asks the application with the copy's ETag; a page that has not changed
        # within the minute answers 304, and nginx renews the copy's header in place (the same file), where
        # a 200 would have been written to a new file and renamed over it. The page changes when the minute
        # turns, so a try that straddles a minute is not a verdict: it is tried again.
        path = "/messages?year=2019"
        for _ in range(3):
            if time.time() % 60 > 40:
                time.sleep(60.2 - time.time() % 60)
            minute = int(time.time() // 60)
            deadline = time.time() + 10
            while self.d.get(path)[1]["x-cache-status"] != "HIT" and time.time() < deadline:
                time.sleep(0.05)
            stored = cache_file(self.d, path)
            before = os.stat(stored)
            # cache_max_age = 2s: HIT until the copy expires (a background refresh may have stored it late),
            # then the refresh, then HIT again from the renewed copy.
            statuses = []
            while time.time() < deadline + 15:
                status, headers, _ = self.d.get(path)
                statuses.append(headers["x-cache-status"])
                if statuses[-1] == "HIT" and os.stat(stored).st_mtime_ns != before.st_mtime_ns:
                    break
                time.sleep(0.1)
            if int(time.time() // 60) == minute:
                break
        else:
            self.fail("each try straddled a minute")
        self.assertTrue(set(statuses) & {"STALE", "UPDATING", "EXPIRED", "REVALIDATED"}, statuses)
        self.assertEqual(statuses[-1], "HIT", statuses)
        self.assertNotEqual(os.stat(stored).st_mtime_ns, before.st_mtime_ns, statuses)
        self.assertEqual(os.stat(stored).st_ino, before.st_ino)

    def test_the_admin_and_signed_in_readers_go_past_the_cache(self):
        status, headers, _ = self.d.get("/admin")  # not signed in: to the sign-in page, never cached
        self.assertEqual((status, headers["x-cache-status"], headers["cache-control"]), (303, "BYPASS", "no-store"))
        status, headers, _ = self.d.get("/admin/login")  # outside the cached location
        self.assertEqual((status, headers["cache-control"]), (200, "no-store"))
        self.assertNotIn("x-cache-status", headers)
        c = signed_in(self.d, PUBLISHER)
        for path in ("/admin", "/admin/new", "/admin", "/"):
            status, headers, body = c.request(path)
            self.assertEqual((status, headers["x-cache-status"]), (200, "BYPASS"), path)
            if path.startswith("/admin"):
                self.assertEqual(headers["cache-control"], "no-store")
                self.assertIn("alice (publisher)", body)
        # Nothing of the signed-in pages is in the cache's files.
        cached = cache_files_text(self.d)
        self.assertNotIn("alice (publisher)", cached)
        self.assertNotIn(c.cookies["__Host-pressroom_session"], cached)
        self.assertNotIn("Set-Cookie", cached)

    def test_stale_pages_hide_a_server_that_is_down(self):
        path = "/messages?type=releases"
        self.d.get(path)
        self.assertEqual(self.d.get(path)[1]["x-cache-status"], "HIT")
        self.d.stop_app()
        try:
            # The copy expires 2 s after nginx stored it (a background refresh may have stored it late, on a
            # loaded machine): until then it is a HIT, and after it the stale copy hides the dead server.
            deadline = time.time() + 30
            while True:
                status, headers, body = self.d.get(path)
                if headers.get("x-cache-status") != "HIT" or time.time() > deadline:
                    break
                time.sleep(0.2)
            self.assertEqual((status, headers["x-cache-status"]), (200, "STALE"))
            self.assertIn("Embassy of the Russian Federation", body)
            status, _, _ = self.d.get("/messages?year=2017")  # never cached: nothing to hide behind
            self.assertEqual(status, 502)
        finally:
            self.d.start_app()
            self.d.wait_ready()


class LongLifetime(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.d = Deployment(config={"cache_max_age": "1h", "workers": "2"}, site=CACHE, users=[PUBLISHER]).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.d.__exit__(None, None, None)

    def test_junk_parameters_converge_on_one_cache_key(self):
        # Each spelling is redirected to the canonical URL, whose one cached copy then serves them all. Each
        # reader comes from its own address: the block limits searches to a burst of 20 per address.
        readers = (f"127.0.4.{n}" for n in range(1, 250))
        path = "/messages?q=korean"
        self.assertEqual(self.d.get(path, source=next(readers))[0], 200)
        for _ in range(50):  # nginx files the copy as the answer ends: wait until it is there
            if self.d.get(path, source=next(readers))[1]["x-cache-status"] == "HIT":
                break
            time.sleep(0.1)
        for sent in ("/messages?q=korean&z=1", "/messages?z=2&q=korean", "/messages?q=korean&utm_source=x",
                     "/messages?q=korean&page=1", "/messages?q=%6Borean"):
            status, headers, _ = self.d.get(sent, source=next(readers))
            self.assertEqual((status, headers["location"]), (301, path), sent)
            status, headers, _ = self.d.get(headers["location"], source=next(readers))
            self.assertEqual((status, headers["x-cache-status"]), (200, "HIT"), sent)
        # The redirects are cached too: a junk URL asked again does not reach the application.
        statuses = [self.d.get("/messages?q=korean&z=1", source=next(readers))[1]["x-cache-status"]
                    for _ in range(20)]
        self.assertIn("HIT", statuses)

    def test_a_flood_on_an_uncached_page_reaches_the_server_once(self):
        path = "/events/feed.atom"
        results = []
        lock = threading.Lock()
        barrier = threading.Barrier(30)

        def reader():
            barrier.wait()
            r = self.d.get(path)
            with lock:
                results.append((r[0], r[1].get("x-cache-status")))

        threads = [threading.Thread(target=reader) for _ in range(30)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(len(results), 30)
        self.assertTrue(all(status == 200 for status, _ in results), results)
        misses = [s for _, s in results if s in ("MISS", "EXPIRED", "BYPASS")]
        self.assertEqual(len(misses), 1, results)  # the others waited on the cache lock, then read the cache

    def test_conditional_requests_get_304_from_the_cache(self):
        path = "/messages"
        _, first, _ = self.d.get(path)
        status, headers, body = self.d.get(path, headers={"If-None-Match": first["etag"]})
        self.assertEqual((status, headers["x-cache-status"], body), (304, "HIT", ""))
        status, headers, _ = self.d.get(path, headers={"If-Modified-Since": first["last-modified"]})
        self.assertEqual((status, headers["x-cache-status"]), (304, "HIT"))

    def test_a_refresh_from_localhost_replaces_the_cached_page_and_from_elsewhere_is_ignored(self):
        path = "/releases/feed.atom"
        self.d.get(path)
        status, headers, old = self.d.get(path)
        self.assertEqual(headers["x-cache-status"], "HIT")
        title = "Comment on the refreshed feed " + str(int(time.time()))
        publish(self.d, title)
        status, headers, body = self.d.get(path)  # an hour to live: the cache still has the old feed
        self.assertEqual((headers["x-cache-status"], title in body), ("HIT", False))
        status, headers, body = self.d.get(path, headers={"X-Pressroom-Refresh": "1"}, source="127.0.0.2")
        self.assertEqual((headers["x-cache-status"], title in body), ("HIT", False))
        status, headers, body = self.d.get(path, headers={"X-Pressroom-Refresh": "1"})
        self.assertEqual((status, headers["x-cache-status"], title in body), (200, "BYPASS", True))
        status, headers, body = self.d.get(path, source="127.0.0.3")  # every reader now gets the new one
        self.assertEqual((headers["x-cache-status"], title in body), ("HIT", True))


if __name__ == "__main__":
    harness.main()
