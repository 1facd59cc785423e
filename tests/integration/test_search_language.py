"""test_search_language.py: search that understands English and Russian (issue 13), over HTTP: inflected
words find each other in both languages (the Snowball stems of migration 0009's tokenizer) and are
highlighted as written; ё and е are one letter; a quoted phrase keeps its order; a title that holds every
searched word ranks first; and the results page counts its results, says "Next"/"Previous" and shows the
"newest 1,000" note only when it applies. The items are written through `pressroom db sql` (Site's sql), the
binary's own connection, with its tokenizer."""
import re
import unittest
import urllib.parse

import harness
from harness import Site

SITE = None

LONG = "The ministers discussed the situation in the region at length. " * 60

ITEMS = f"""
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at) VALUES
  ('release', 'news', 'missile', 'Test launch reported', '', 'A missile and a torpedo were launched over the sea.',
   'published', unixepoch('2020-01-01'), 0, 0),
  ('release', 'statement', 'zayavlenie', 'Заявление посольства', '', 'Посольство сделало заявление для прессы.',
   'published', unixepoch('2020-01-02'), 0, 0),
  ('event', 'event', 'yolka', 'Праздник', '', 'Дети собрались у ёлки на площади.',
   'published', unixepoch('2020-01-03'), 0, 0),
  ('event', 'event', 'elka', 'Новый год', '', 'Подарки лежали под елкой в зале.',
   'published', unixepoch('2020-01-04'), 0, 0),
  ('release', 'news', 'in-order', 'Talks on a joint declaration', '', 'The parties agreed on the text.',
   'published', unixepoch('2020-01-05'), 0, 0),
  ('release', 'news', 'reversed', 'Working paper', '', 'The declaration, joint in name only, was not signed.',
   'published', unixepoch('2020-01-06'), 0, 0),
  ('release', 'statement', 'communique', 'Joint communique on the regional situation', '', '{LONG}',
   'published', unixepoch('2020-01-07'), 0, 0);
-- Twenty short items that mention the word once in the body, all newer: BM25 alone ranks them above the long
-- item whose title is the word (its length damps its score).
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at)
SELECT 'event', 'news', 'short-' || i, 'Short note ' || i, '', 'A communique was issued.', 'published',
       unixepoch('2020-02-01') + i, 0, 0 FROM n;
-- 25 matches: two pages of results. And 1,005: more than the 1,000 candidates that are ranked.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 25)
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at)
SELECT 'event', 'news', 'pelican-' || i, 'Pelican census ' || i, '', 'Pelicans were counted.', 'published',
       unixepoch('2020-03-01') + i, 0, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1005)
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at)
SELECT 'event', 'news', 'walrus-' || i, 'Walrus watch ' || i, '', 'A walrus was seen.', 'published',
       unixepoch('2020-04-01') + i, 0, 0 FROM n;
"""


def setUpModule():
    global SITE
    SITE = Site(sql=ITEMS).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def search(q, page=None):
    """The results page for q (following the gate's redirect to the canonical address)."""
    path = "/messages?q=" + urllib.parse.quote(q) + (f"&page={page}" if page else "")
    status, headers, body = SITE.get(path)
    if status == 301:
        status, headers, body = SITE.get(headers["location"])
    assert status == 200, (q, status, body[:500])
    return body


def titles(body):
    return re.findall(r'<h2 class="item-title"><a href="[^"]+">([^<]+)</a>', body)


def marks(body):
    return re.findall(r"<mark>([^<]*)</mark>", body)


def note(body):
    """The text above the results, or None when there is none."""
    m = re.search(r'<p class="search-note">(.*?)</p>', body, re.S)
    return m.group(1) if m else None


class Stems(unittest.TestCase):
    def test_an_english_plural_finds_the_singular_and_marks_it_as_written(self):
        body = search("missiles")  # the demo's joint statement says "missile" too
        self.assertIn("Test launch reported", titles(body))
        self.assertIn("missile", marks(body))
        self.assertNotIn("missiles", marks(body))
        self.assertEqual(titles(search("torpedoes")), ["Test launch reported"])

    def test_a_russian_inflection_finds_another(self):
        body = search("заявления")
        self.assertEqual(titles(body), ["Заявление посольства"])
        # Marked as written in the item (title "Заявление", body "заявление"), not as typed.
        self.assertTrue(marks(body) and set(marks(body)) <= {"Заявление", "заявление"}, marks(body))

    def test_statements_and_statement_find_the_same_items(self):
        self.assertEqual(titles(search("statements")), titles(search("statement")))
        self.assertNotEqual(titles(search("statement")), [])


class YoAndYe(unittest.TestCase):
    def test_ye_finds_yo_and_yo_finds_ye(self):
        # ёлки and елкой are two forms of one word, one written with ё, the other with е.
        for q in ("елке", "ёлке", "ЁЛКА"):
            self.assertEqual(sorted(titles(search(q))), ["Новый год", "Праздник"], q)
        self.assertIn("ёлки", marks(search("елке")))
        self.assertIn("елкой", marks(search("ёлке")))


class Phrases(unittest.TestCase):
    def test_a_quoted_phrase_keeps_its_order_and_plain_words_do_not(self):
        self.assertEqual(titles(search('"joint declaration"')), ["Talks on a joint declaration"])
        self.assertEqual(titles(search('"declaration joint"')), ["Working paper"])
        self.assertEqual(sorted(titles(search("declaration joint"))), ["Talks on a joint declaration", "Working paper"])

    def test_russian_quotes_make_a_phrase_too(self):
        self.assertEqual(titles(search("«сделало заявление»")), ["Заявление посольства"])
        self.assertEqual(titles(search("«заявление сделало»")), [])

    def test_a_lone_quote_is_ignored(self):
        self.assertEqual(sorted(titles(search('declaration "joint'))), ["Talks on a joint declaration", "Working paper"])

    def test_query_syntax_inside_quotes_is_only_words(self):
        body = search('"joint OR declaration*" NOT (x')
        self.assertEqual(titles(body), [])
        self.assertIn("No results", body)


class Ranking(unittest.TestCase):
    def test_a_title_that_holds_the_word_ranks_above_shorter_items(self):
        t = titles(search("communique"))
        self.assertEqual(len(t), 20)  # the first page of 21
        self.assertEqual(t[0], "Joint communique on the regional situation")


class ResultsPage(unittest.TestCase):
    def test_the_count_and_the_pager_of_a_ranked_list(self):
        body = search("pelican")
        self.assertEqual(note(body), "25 results")
        self.assertEqual(len(titles(body)), 20)
        self.assertRegex(body, r'rel="next" href="[^"]+">Next &rarr;</a>')
        self.assertNotIn("Older", body)
        body = search("pelican", page=2)
        self.assertEqual(len(titles(body)), 5)
        self.assertRegex(body, r'rel="prev" href="[^"]+">&larr; Previous</a>')
        self.assertNotIn("Newer", body)

    def test_several_words_are_counted(self):
        # More than a page of results for two words: counted (exactly, under the 1,000 candidates).
        self.assertEqual(note(search("pelican census")), "25 results")
        self.assertEqual(note(search("pelican census", page=2)), "25 results")
        # Past the candidates, "About" the rarer word's documents.
        self.assertEqual(note(search("walrus watch")), "About 1,005 results; the newest 1,000 matches are ranked")

    def test_one_result(self):
        self.assertEqual(note(search("torpedo")), "1 result")

    def test_the_newest_matches_note_only_when_the_candidates_ran_out(self):
        body = search("walrus")
        self.assertEqual(note(body), "About 1,005 results; the newest 1,000 matches are ranked")
        self.assertNotIn("newest", note(search("pelican")))

    def test_no_note_above_no_results(self):
        body = search("xylophone")
        self.assertIn("No results", body)
        self.assertIsNone(note(body))
        self.assertNotIn("are ranked", body)

    def test_the_list_of_all_messages_still_says_older_and_newer(self):
        _, _, body = SITE.get("/messages?page=2")
        self.assertIn("Older &rarr;", body)
        self.assertIn("&larr; Newer", body)


class WritingByHand(unittest.TestCase):
    """docs/search.md: a connection without the binary's tokenizer cannot write item; `db sql` can."""

    def test_python_sqlite3_cannot_write_an_item_and_db_sql_can(self):
        import sqlite3
        con = sqlite3.connect(SITE.db)
        try:
            with self.assertRaisesRegex(sqlite3.OperationalError, "no such tokenizer: pressroom"):
                con.execute("UPDATE item SET title = 'Flamingo day' WHERE slug = 'missile'")
            self.assertEqual(con.execute("SELECT title FROM item WHERE slug = 'missile'").fetchall(),
                             [("Test launch reported",)])  # reading is fine
        finally:
            con.close()
        SITE.execute("UPDATE item SET title = 'Flamingo days' WHERE slug = 'missile'")
        try:
            self.assertEqual(titles(search("flamingo")), ["Flamingo days"])
        finally:
            SITE.execute("UPDATE item SET title = 'Test launch reported' WHERE slug = 'missile'")


if __name__ == "__main__":
    harness.main()
