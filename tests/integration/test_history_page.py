"""test_history_page.py: /history and /ru/history, the public log as a page (issue 15): newest first, each
entry with its number, change, the item's title linked to its page and to the version's text, the SHA-256
of that text (shortened, the whole in a title), a correction's word diff in <ins> and <del>, a withdrawal's
note; a scheduled item's entry sealed (its hash alone) until its time; 50 entries to a page, found by
entry number; the interface in Russian under /ru/; every value escaped; the footer links the page."""
import hashlib
import re
import sys
import time
import unittest

import admin_forms
import harness
from harness import Site

ALICE = ("alice", "publisher", "correct horse battery")
SITE = None


def setUpModule():
    global SITE
    SITE = Site(users=[ALICE]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def item_url(iid):
    return admin_forms.public_path(SITE, iid)


def entries(page):
    """Each <article class="history-entry"> of a page: {seq: its HTML}, in the page's order."""
    found = re.findall(r'<article class="history-entry" id="entry-(\d+)">(.*?)</article>', page, re.S)
    return [(int(seq), text) for seq, text in found]


def seq_of(iid, version):
    return SITE.query("SELECT h.seq FROM history h JOIN item_version v ON v.id = h.version_id "
                      "WHERE v.item_id = ? AND v.version = ?", (iid, version))[0][0]


class HistoryPage(unittest.TestCase):
    def test_entries_newest_first_with_diff_note_hash_and_links(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        iid = admin_forms.publish(alice, "Statement on <the> treaty", "The embassy welcomes the treaty of 2024.")
        admin_forms.correct(alice, iid, "Added a word", body="The embassy warmly welcomes the <b>treaty</b> of 2025.")
        admin_forms.withdraw(alice, iid, "Issued in error & withdrawn.")
        url = item_url(iid)

        status, headers, page = SITE.get("/history")
        self.assertEqual(status, 200, page[:500])
        self.assertTrue(headers["content-type"].startswith("text/html"))
        got = entries(page)
        seqs = [s for s, _ in got]
        self.assertEqual(seqs, sorted(seqs, reverse=True))   # newest first
        self.assertEqual(seqs[0], SITE.query("SELECT max(seq) FROM history")[0][0])
        by_seq = dict(got)

        published, corrected, withdrawn = (by_seq[seq_of(iid, v)] for v in (1, 2, 3))
        for n, text in ((1, published), (2, corrected), (3, withdrawn)):
            self.assertIn(f'href="{url}"', text)
            self.assertIn(f'href="{url}.v{n}.txt"', text)
            self.assertIn("Statement on &lt;the&gt; treaty", text)   # escaped, as every value
            sha = SITE.query("SELECT text_sha256 FROM item_version WHERE item_id = ? AND version = ?", (iid, n))[0][0]
            _, _, body = SITE.get(f"{url}.v{n}.txt")
            self.assertEqual(hashlib.sha256(body.encode()).hexdigest(), sha)
            self.assertIn(f'<code title="{sha}">{sha[:16]}&hellip;</code>', text)
        self.assertIn(">Published<", published)
        self.assertIn(">Corrected<", corrected)
        self.assertIn(">Withdrawn<", withdrawn)

        # The correction: what was added and removed, word by word, escaped; its note.
        self.assertIn("<ins>warmly </ins>", corrected)
        self.assertRegex(corrected, r"<del>2024</del>\s*<ins>2025</ins>|<del>2024\s*</del><ins>2025\s*</ins>")
        self.assertIn("&lt;", re.search(r"<ins>[^<]*&lt;[^<]*</ins>", corrected).group(0))
        self.assertNotIn("<b>", corrected)
        self.assertIn("Added a word", corrected)
        self.assertNotIn("<del>", published + withdrawn)
        # The withdrawal: its note.
        self.assertIn("Issued in error &amp; withdrawn.", withdrawn)

    def test_a_correction_of_no_words_says_so(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        # Published on a whole minute, as the form keeps it: the type is all that changes (a time the form
        # rounded would be a change too, and hid that a type alone once made no new version).
        minute = int(time.time()) // 60 * 60 - 120
        iid = admin_forms.publish(alice, "Statement whose type changes", "Same words.", **admin_forms.at(minute))
        admin_forms.correct(alice, iid, "A comment, not a statement", item_type="comment")
        self.assertEqual(SITE.query("SELECT max(version) FROM item_version WHERE item_id = ?", (iid,))[0][0], 2)
        _, _, page = SITE.get("/history")
        text = dict(entries(page))[seq_of(iid, 2)]
        self.assertIn(">Corrected<", text)
        self.assertIn("The words did not change", text)
        self.assertNotIn("history-diff", text)
        self.assertNotIn("The words did not change", dict(entries(page))[seq_of(iid, 1)])

    def test_a_scheduled_entry_is_sealed_until_its_time(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        later = int(time.time()) // 60 * 60 + 2 * 86400
        iid = admin_forms.publish(alice, "Embargoed history statement", "Later.", **admin_forms.at(later))
        seq = seq_of(iid, 1)
        digest = SITE.query("SELECT hash FROM history WHERE seq = ?", (seq,))[0][0]
        status, _, page = SITE.get("/history")
        self.assertEqual(status, 200)
        sealed = dict(entries(page))[seq]
        self.assertIn("Sealed", sealed)
        self.assertIn(digest, sealed)
        self.assertNotIn("Embargoed", page)
        self.assertNotIn(item_url(iid), page)
        # At its time (moved forward in the database, as the clock would): the entry opens.
        SITE.execute(f"UPDATE item SET published_at = {int(time.time()) - 60} WHERE id = {iid}; "
                     "DROP TRIGGER item_version_no_update; DROP TRIGGER history_no_update; "
                     f"UPDATE item_version SET visible_at = {int(time.time()) - 60} WHERE item_id = {iid}; "
                     f"UPDATE history SET visible_at = {int(time.time()) - 60} WHERE seq = {seq};")
        _, _, page = SITE.get("/history")
        shown = dict(entries(page))[seq]
        self.assertIn("Embargoed history statement", shown)
        self.assertIn(f'href="{item_url(iid)}.v1.txt"', shown)

    def test_fifty_to_a_page_by_entry_number_and_past_the_end_is_404(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        while SITE.query("SELECT count(*) FROM history")[0][0] < 53:
            admin_forms.publish(alice, "Filler statement", "Words.")
        total = SITE.query("SELECT count(*) FROM history")[0][0]
        _, _, first = SITE.get("/history")
        self.assertEqual([s for s, _ in entries(first)], list(range(total, total - 50, -1)))
        self.assertIn('href="/history?page=2"', first)
        status, _, second = SITE.get("/history?page=2")
        self.assertEqual(status, 200)
        self.assertEqual([s for s, _ in entries(second)], list(range(total - 50, max(total - 100, 0), -1)))
        self.assertIn('href="/history"', second)   # newer: page 1's canonical address
        last = (total + 49) // 50
        self.assertEqual(SITE.get(f"/history?page={last + 1}")[0], 404)
        self.assertEqual(SITE.get("/history?page=0")[0], 400)
        self.assertEqual(SITE.get("/history?page=x")[0], 400)
        status, headers, _ = SITE.get("/history?page=1")
        self.assertEqual((status, headers["location"].endswith("/history")), (301, True))

    def test_the_diffs_of_a_page_have_a_budget(self):
        """Corrections that rewrite a long body throughout each cost diff.c about 500,000 steps; past the
        page's budget (DIFF_BUDGET in history.c) the older ones link their texts instead of a diff."""
        def body(word):
            return "".join(f"{word} {s} of paragraph {p} says what the ministry stated about item {p * 7 + s}. "
                           + ("\n\n" if s == 5 else "") for p in range(220) for s in range(6))[:99000]
        alice = admin_forms.signed_in(SITE, ALICE)
        iid = admin_forms.publish(alice, "Statement rewritten again and again", body("Sentence"))
        for n in range(8):
            admin_forms.correct(alice, iid, f"Rewritten {n}", body=body("Line" if n % 2 == 0 else "Sentence"))
        url = item_url(iid)
        started = time.perf_counter()
        status, _, page = SITE.get("/history")
        took = time.perf_counter() - started
        self.assertEqual(status, 200)
        mine = [(seq, text) for seq, text in entries(page) if f'href="{url}"' in text]
        self.assertEqual(len(mine), 9)
        diffed = [seq for seq, text in mine if '<div class="history-diff">' in text]
        skipped = [seq for seq, text in mine if "history-diff-skipped" in text]
        self.assertTrue(diffed and skipped, (diffed, skipped))
        self.assertEqual(len(diffed) + len(skipped), 8)
        self.assertLess(max(skipped), min(diffed))   # newest first: the budget goes to the newest
        version = {seq: v for v in range(1, 10) for seq in [seq_of(iid, v)]}
        for seq, text in mine:
            if seq in skipped:
                self.assertIn(f'href="{url}.v{version[seq] - 1}.txt"', text)   # compare with the one before
        print(f"/history with {len(diffed)} long diffs shown and {len(skipped)} skipped: {took * 1000:.0f} ms",
              file=sys.stderr)

    def test_russian_interface_and_footer_links(self):
        alice = admin_forms.signed_in(SITE, ALICE)
        admin_forms.publish(alice, "Statement for the Russian history", "Words.")
        status, _, page = SITE.get("/ru/history")
        self.assertEqual(status, 200)
        self.assertIn('<html lang="ru"', page)
        self.assertIn("История изменений", page)
        self.assertIn("Опубликовано", page)
        self.assertIn("Statement for the Russian history", page)
        self.assertIn('href="/ru/history"', SITE.get("/ru/")[2])
        self.assertIn('href="/history"', SITE.get("/")[2])
        self.assertIn('hreflang="ru"', SITE.get("/history")[2])

    def test_without_a_key_history_txt_is_the_live_log_and_has_no_signature(self):
        admin_forms.publish(admin_forms.signed_in(SITE, ALICE), "Statement on a site without a key", "Words.")
        text = SITE.get("/history.txt")[2]
        self.assertEqual(len(text.splitlines()), SITE.query("SELECT count(*) FROM history")[0][0])
        status, _, body = SITE.get("/history.txt.minisig")
        self.assertEqual(status, 404)
        self.assertIn("does not sign", body)
        # Nor does a statement's page offer a signature or a fingerprint.
        iid = SITE.query("SELECT item_id FROM item_version ORDER BY id DESC LIMIT 1")[0][0]
        status, _, page = SITE.get(item_url(iid))
        self.assertEqual(status, 200)
        self.assertNotIn("item-signed", page)
        self.assertNotIn(".minisig", page)


harness.main()
