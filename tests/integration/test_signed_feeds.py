"""test_signed_feeds.py: the feeds tell the whole record (issue 15, docs/authenticity.md, section 7). An entry's
content holds the signature block and, once corrected, the "Updated DATE: note" line of the detail page; a
withdrawn statement leaves its entry for an RFC 6721 at:deleted-entry (its ref the entry's id, its comment the
withdrawal note) while the withdrawal is recent, and not after; each Atom feed carries the history's head
(entries and hash, as /history.txt gives them), so an entry of the history that changes nothing else in a
feed still changes its bytes and its ETag. Read with python3-feedparser and with the standard library's XML
parser (feedparser ignores at:deleted-entry)."""
import datetime
import hashlib
import html
import re
import shutil
import time
import unittest
import xml.etree.ElementTree as ET

import feedparser

import admin_forms
import harness
from harness import Site

ALICE = ("alice", "publisher", "correct horse battery")
BASE = "https://embassy.example"
ATOM, AT, HISTORY = "http://www.w3.org/2005/Atom", "http://purl.org/atompub/tombstones/1.0", "urn:pressroom:history:1"


def text_of(fragment):
    """HTML as the words a reader sees, one space between them."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


class SignedFeeds(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir, _, conf = harness.signing_config("pressroom-feeds-")
        cls.site = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf},
                        sql=f"INSERT OR REPLACE INTO setting (key, value) VALUES ('site_url', '{BASE}');").__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.site.__exit__(None, None, None)
        shutil.rmtree(cls.dir, ignore_errors=True)

    def feed(self, path="/releases/feed.atom"):
        status, headers, body = self.site.get(path)
        self.assertEqual(status, 200, body[:500])
        parsed = feedparser.parse(body)
        self.assertFalse(parsed.bozo, parsed.get("bozo_exception"))
        return parsed, ET.fromstring(body.encode()), headers

    def head_of_history(self):
        """(entries, head hash) walked from /history.txt as docs/authenticity.md says. With a key, /history.txt
        is the log as the signer last signed it, a moment behind a new entry: wait until it has them all."""
        want = self.site.query("SELECT count(*) FROM history")[0][0]
        deadline = time.time() + 20
        while True:
            lines = self.site.get("/history.txt")[2].splitlines()
            if len(lines) >= want:
                break
            self.assertLess(time.time(), deadline, f"/history.txt has {len(lines)} of {want} entries")
            time.sleep(0.05)
        last = lines[-1].split(" ")
        return len(lines), last[2] if last[1] == "sealed" else hashlib.sha256(lines[-1].encode()).hexdigest()

    def test_content_correction_tombstone_and_history_head(self):
        alice = admin_forms.signed_in(self.site, ALICE)
        iid = admin_forms.publish(alice, "Statement on the fisheries accord", "The embassy welcomes the accord.",
                                  signature="For the Ministry\nof Foreign Affairs\n\nThe Ambassador")
        url = BASE + admin_forms.public_path(self.site, iid)

        parsed, tree, headers = self.feed()
        entry = next(e for e in parsed.entries if e.link == url)
        content = entry.content[0].value
        self.assertIn("The embassy welcomes the accord.", content)
        self.assertRegex(content, r"For the Ministry<br ?/?>of Foreign Affairs")   # the block, its lines kept
        self.assertIn("The Ambassador", content)
        self.assertNotIn("item-updated", content)
        etag = headers["etag"]

        # The head of the history, as /history.txt gives it.
        head = tree.find(f"{{{HISTORY}}}head")
        self.assertIsNotNone(head)
        entries, hash_ = self.head_of_history()
        self.assertEqual((int(head.get("entries")), head.text), (entries, hash_))
        self.assertEqual(head.get("href"), BASE + "/history-head.txt")
        self.assertEqual(head.get("log"), BASE + "/history.txt")

        # A correction: the detail page's "Updated DATE: note" line, in the entry too.
        admin_forms.correct(alice, iid, "Corrected the date of the signing",
                            body="The embassy welcomes the accord signed on 5 July.")
        parsed, tree, headers = self.feed()
        content = next(e for e in parsed.entries if e.link == url).content[0].value
        page = self.site.get(url[len(BASE):])[2]
        updated = re.search(r'<p class="item-updated">.*?</p>', page, re.S).group(0)
        self.assertIn("Corrected the date of the signing", text_of(updated))
        self.assertIn(text_of(updated), text_of(content))
        self.assertIn("signed on 5 July", content)
        self.assertNotEqual(headers["etag"], etag)
        self.assertEqual(tree.find(f"{{{HISTORY}}}head").text, self.head_of_history()[1])

        # An event changes no entry of the releases' feed, but the history's head: new bytes, new ETag.
        _, _, before = self.feed()
        self.assertEqual(self.site.get("/releases/feed.atom", headers={"If-None-Match": before["etag"]})[0], 304)
        admin_forms.publish(alice, "Reception on National Day", "A reception.", kind="event",
                            **admin_forms.london(time.time()))
        parsed, tree, after = self.feed()
        self.assertEqual([e.id for e in parsed.entries], [e.id for e in self.feed()[0].entries])
        self.assertEqual(tree.find(f"{{{HISTORY}}}head").text, self.head_of_history()[1])
        self.assertNotEqual(after["etag"], before["etag"])
        self.assertEqual(self.site.get("/releases/feed.atom", headers={"If-None-Match": before["etag"]})[0], 200)
        entry_id = next(e.id for e in parsed.entries if e.link == url)

        # A withdrawal: the entry leaves, a tombstone with the note takes its place.
        admin_forms.withdraw(alice, iid, "Issued in error: the accord is not yet signed.")
        parsed, tree, _ = self.feed()
        self.assertNotIn(url, [e.link for e in parsed.entries])
        deleted = tree.findall(f"{{{AT}}}deleted-entry")
        self.assertEqual(len(deleted), 1, ET.tostring(tree)[:3000])
        self.assertEqual(deleted[0].get("ref"), entry_id)
        withdrawn_at = self.site.query("SELECT withdrawn_at FROM item WHERE id = ?", (iid,))[0][0]
        self.assertEqual(deleted[0].get("when"), datetime.datetime.fromtimestamp(
            withdrawn_at, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.assertEqual(deleted[0].find(f"{{{AT}}}comment").text, "Issued in error: the accord is not yet signed.")
        self.assertEqual(deleted[0].find(f"{{{ATOM}}}link").get("href"), url)
        self.assertEqual(tree.find(f"{{{HISTORY}}}head").text, self.head_of_history()[1])
        # Not in the events' feed.
        self.assertEqual(self.feed("/events/feed.atom")[1].findall(f"{{{AT}}}deleted-entry"), [])

        # Bounded: a withdrawal older than the window is no longer announced.
        self.site.execute("UPDATE item SET withdrawn_at = withdrawn_at - 31 * 86400, "
                          "published_at = published_at - 40 * 86400 WHERE id = ?", (iid,))
        self.assertEqual(self.feed()[1].findall(f"{{{AT}}}deleted-entry"), [])


harness.main()
