"""test_search_lang_index.py: a search within one language is filtered inside the search index (issue 13,
migration 0017), over HTTP: a word of one language's items is found in that language and in all, never in
the other; the results, their count, their pages and the title-first ranking are those of the filtered
list; what a visitor types is a word, never the language ("ru" on /ru/ is not every Russian item); a change
of an item's language moves it; and a database from before 0017 is indexed with its items' languages by
`pressroom db migrate`. The items are written through `pressroom db sql` (the binary's tokenizer)."""
import os
import re
import unittest
import urllib.parse

import harness
from harness import Site

SITE = None

LONG_RU = "Встреча прошла в тёплой и дружественной обстановке. " * 60

ITEMS = f"""
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at, lang) VALUES
  ('release', 'statement', 'morzhi', 'Моржи в порту', '', '{LONG_RU}', 'published', unixepoch('2021-01-01'), 0, 0,
   'ru'),
  ('release', 'news', 'kody', 'Коды стран', '', 'Код en обозначает английский язык; слово walrus тоже английское.',
   'published', unixepoch('2021-01-02'), 0, 0, 'ru'),
  ('release', 'news', 'codes', 'Country codes', '', 'The code ru names Russia on the web.', 'published',
   unixepoch('2021-01-03'), 0, 0, 'en');
-- Twenty newer short Russian notes that say the word once in the body: BM25 alone would rank them above the
-- long item whose title holds it; and with it, 21 results: two pages.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at, lang)
SELECT 'event', 'news', 'zametka-' || i, 'Заметка ' || i, '', 'Моржи отдыхали у причала.', 'published',
       unixepoch('2021-02-01') + i, 0, 0, 'ru' FROM n;
-- 130 English items with a word that one Russian item holds too: more matches than search_store.c checks in
-- SQL (FEW_MATCHES), so "walrus" is filtered in the index, where "моржи" (21) and "ru" (1) are checked in SQL.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 130)
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at, lang)
SELECT 'event', 'news', 'walrus-' || i, 'Walrus watch ' || i, '', 'A walrus was seen.', 'published',
       unixepoch('2021-03-01') + i, 0, 0, 'en' FROM n;
"""


def setUpModule():
    global SITE
    SITE = Site(seed=False, sql=ITEMS).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def search(q, prefix="", lang=None, page=None, site=None):
    """The results page for q on prefix + /messages (following the gate's redirect to the canonical
    address)."""
    path = (prefix + "/messages?q=" + urllib.parse.quote(q) + (f"&lang={lang}" if lang else "")
            + (f"&page={page}" if page else ""))
    status, headers, body = (site or SITE).get(path)
    if status == 301:
        status, headers, body = (site or SITE).get(headers["location"])
    assert status == 200, (path, status, body[:500])
    return body


def titles(body):
    return re.findall(r'<h2 class="item-title"><a href="[^"]+">([^<]+)</a>', body)


def count(body):
    """The number the results page announces ("21 результат", "26 results"), or None without a note."""
    m = re.search(r'<p class="search-note">\D*?([\d,\u00a0 ]+)', body, re.S)
    return int(re.sub(r"\D", "", m.group(1))) if m else None


def all_titles(q, prefix="", lang=None):
    """Every result over every page, and the count each page announced."""
    found, counts, page = [], set(), 1
    while True:
        body = search(q, prefix, lang, page if page > 1 else None)
        found += titles(body)
        counts.add(count(body))
        if 'rel="next"' not in body:
            return found, counts
        page += 1


WALRUS = {f"Walrus watch {i}" for i in range(1, 131)}


class InOneLanguage(unittest.TestCase):
    def test_a_russian_word_is_found_in_russian_and_in_all_never_in_english(self):
        body = search("моржи")  # the English interface searches English items
        self.assertEqual(titles(body), [])
        self.assertIn("Search all languages", body)
        for prefix, lang in (("/ru", None), ("", "all")):
            with self.subTest(prefix=prefix, lang=lang):
                found, counts = all_titles("моржи", prefix, lang)
                self.assertEqual(len(found), 21)
                self.assertEqual(set(found), {"Моржи в порту"} | {f"Заметка {i}" for i in range(1, 21)})
                self.assertEqual(counts, {21})  # every page announces what the pages list
        # The title that holds the word first, though twenty shorter items are newer (search_in_title past the
        # language's phrase).
        self.assertEqual(titles(search("моржи", "/ru"))[0], "Моржи в порту")
        self.assertEqual(len(titles(search("моржи", "/ru"))), 20)
        self.assertEqual(titles(search("моржи", "/ru", page=2)), ["Заметка 1"])

    def test_an_english_item_is_never_listed_in_russian(self):
        found, counts = all_titles("walrus", "/ru")
        self.assertEqual(found, ["Коды стран"])
        self.assertEqual(counts, {1})
        found, counts = all_titles("walrus")
        self.assertEqual(set(found), WALRUS)
        self.assertEqual((len(found), counts), (130, {130}))
        found, counts = all_titles("walrus", lang="all")
        self.assertEqual(set(found), WALRUS | {"Коды стран"})
        self.assertEqual((len(found), counts), (131, {131}))
        found, counts = all_titles("walrus", lang="ru")
        self.assertEqual((found, counts), (["Коды стран"], {1}))

    def test_a_typed_language_is_a_word_not_the_language(self):
        # Every Russian item carries the language ru in the index; none has the word "ru" in its text.
        for typed in ("ru", "lang:ru", "{lang} : ru", "lang ru", '"ru"'):
            with self.subTest(typed=typed):
                self.assertEqual(titles(search(typed, "/ru")), [])
        self.assertEqual(titles(search("ru", lang="all")), ["Country codes"])  # the word, not 22 Russian items
        self.assertEqual(titles(search("ru")), ["Country codes"])
        self.assertEqual(titles(search("en", "/ru")), ["Коды стран"])  # the word, in one Russian item
        self.assertEqual(titles(search("en")), [])  # no English item's text says "en"
        self.assertEqual(titles(search("lang:en", "/ru")), [])
        self.assertEqual(titles(search("en", lang="all")), ["Коды стран"])

    def test_a_change_of_language_moves_the_item(self):
        SITE.execute("UPDATE item SET lang = 'en' WHERE slug = 'kody'")
        try:
            self.assertEqual(titles(search("walrus", "/ru")), [])
            self.assertIn("Коды стран", all_titles("walrus")[0])
        finally:
            SITE.execute("UPDATE item SET lang = 'ru' WHERE slug = 'kody'")
        self.assertEqual(titles(search("walrus", "/ru")), ["Коды стран"])
        self.assertNotIn("Коды стран", all_titles("walrus")[0])


OLD_ITEMS = """
INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at, updated_at, lang) VALUES
  ('release', 'news', 'pingviny', 'Пингвины', '', 'Пингвины и penguin.', 'published', 1000, 0, 0, 'ru'),
  ('release', 'news', 'penguins', 'Penguins', '', 'A penguin was seen.', 'published', 1001, 0, 0, 'en');
"""


class Migrated(unittest.TestCase):
    def test_items_from_before_0017_are_indexed_with_their_language(self):
        with Site(seed=False) as site:
            self.assertEqual(site.stop_app(), 0)
            # Back to the index as 0009 made it (no language), with items written then; then 0017 as the
            # migration runner applies it. (Not by setting the schema version back and running db migrate:
            # the later migrations would run again on tables they made.)
            migrations = os.path.join(harness.SOURCE, "sql", "migrations")
            before = harness.read_text(os.path.join(migrations, "0009_search_stemming.sql"))
            site.execute("DROP VIEW item_fts_content;" + before + OLD_ITEMS)
            self.assertEqual(site.query("SELECT count(*) FROM item_fts_docsize")[0][0], 2)
            self.assertEqual(len(site.query("SELECT sz FROM item_fts_docsize")[0][0]), 3)  # three columns
            site.execute(harness.read_text(os.path.join(migrations, "0017_search_lang_index.sql")))
            self.assertEqual(len(site.query("SELECT sz FROM item_fts_docsize")[0][0]), 4)  # and the language
            site.start_app()
            site.wait_ready()  # the old socket file may still be there: wait for the new server's answer
            self.assertEqual(titles(search("penguin", "/ru", site=site)), ["Пингвины"])
            self.assertEqual(titles(search("penguin", site=site)), ["Penguins"])
            self.assertEqual(set(titles(search("penguin", lang="all", site=site))), {"Пингвины", "Penguins"})
            # The triggers keep the index in step from then on.
            site.execute("INSERT INTO item (kind, type, slug, title, teaser, body, status, published_at, created_at,"
                         " updated_at, lang) VALUES ('event', 'news', 'novyj', 'Новый пингвин', '', 'penguin',"
                         " 'published', 1002, 0, 0, 'ru')")
            self.assertEqual(titles(search("penguin", "/ru", site=site)), ["Новый пингвин", "Пингвины"])


if __name__ == "__main__":
    harness.main()
