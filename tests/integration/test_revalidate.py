"""test_revalidate.py: HTML pages stay the same bytes within the minute, so revalidation gets a 304. The
header shows the date, the clocks and a <time datetime> to the minute; a page fetched again a few seconds
later, in the same minute, has the same ETag, and If-None-Match with it is answered 304 with no body."""
import email.utils
import re
import time
import unittest

import harness
from harness import Site

SITE = None
PATHS = ["/", "/messages", "/messages?type=events",
         "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"]
WAIT = 3  # seconds between the first fetch and the revalidation


def setUpModule():
    global SITE
    SITE = Site().__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def same_minute_ahead(seconds):
    """Wait, if need be, until the next minute has begun, so that the next `seconds` (and a margin for a
    loaded machine) fall within one minute of the clock the server also reads."""
    if time.time() % 60 > 60 - seconds - 6:
        time.sleep(60 - time.time() % 60 + 0.2)
    return int(time.time() // 60)


class WithinTheMinute(unittest.TestCase):
    def test_the_header_time_is_the_minute(self):
        minute = same_minute_ahead(1)
        _, _, body = SITE.get("/")
        shown = re.search(r'<time datetime="(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)">', body).group(1)
        self.assertEqual(shown, time.strftime("%Y-%m-%dT%H:%M:00Z", time.gmtime(minute * 60)))

    def test_a_page_fetched_again_seconds_later_is_the_same_and_revalidates_with_304(self):
        minute = same_minute_ahead(WAIT + 2)
        first = {path: SITE.get(path) for path in PATHS}
        time.sleep(WAIT)
        for path, (status, headers, body) in first.items():
            self.assertEqual(status, 200, path)
            again = SITE.get(path)
            self.assertEqual((again[0], again[1]["etag"]), (200, headers["etag"]), path)
            self.assertEqual(again[2], body, path)
            status, h, empty = SITE.get(path, headers={"If-None-Match": headers["etag"]})
            self.assertEqual((status, h["etag"], empty), (304, headers["etag"], ""), path)
            status, _, empty = SITE.get(path, headers={"If-Modified-Since": headers["last-modified"]})
            self.assertEqual((status, empty), (304, ""), path)
        self.assertEqual(int(time.time() // 60), minute, "the test outlived its minute: the machine is too slow")


class LastModifiedFollowsTheData(unittest.TestCase):
    def test_a_commit_moves_last_modified_on_every_worker(self):
        """Each worker keeps the newest change it found (site_last_change) until a commit or a scheduled
        publication: a change written by another connection shows on the next answer of every worker."""
        (was,) = SITE.query("SELECT updated_at FROM item WHERE id = 1")[0]
        for when in (int(time.time()) + 86400, int(time.time()) + 2 * 86400, was):
            for _ in range(8):  # several answers, so that every worker has kept the value before the change
                SITE.get("/")
            SITE.execute("UPDATE item SET updated_at = ? WHERE id = 1", (when,))
            want = email.utils.formatdate(max(when, int(time.time()) // 60 * 60), usegmt=True)
            for _ in range(8):
                status, headers, _ = SITE.get("/")
                self.assertEqual(status, 200)
                self.assertIn(headers["last-modified"], (want, email.utils.formatdate(
                    max(when, int(time.time()) // 60 * 60), usegmt=True)))  # the minute may turn meanwhile


if __name__ == "__main__":
    harness.main()
