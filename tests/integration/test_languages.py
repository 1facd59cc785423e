"""test_languages.py: the public site in each of the site's languages (issue 13), over real HTTP. /ru/,
/ru/messages, its search, the Russian feeds and a Russian error page are in Russian: no English word of the
catalogue (po/ru.po) whose translation differs is left; <html lang> and the feeds' xml:lang say the
language; the /ru/ home shows only Russian items and / only English ones; /messages filters by language
(lang=), searching in one language offers all of them; an unknown language prefix is a 404. The Russian items
are the test's own; the site's name, tagline and contact label have their Russian settings in the demo seed
('site_name:ru' and the like), so every English word found on a Russian page is the interface's."""
import html.parser
import os
import re
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import harness
from harness import Site

RUSSIAN = """
-- Only this file's Russian items: the seed's demo translation would change every count here.
DELETE FROM item WHERE lang <> 'en';
INSERT INTO item (id, kind, type, slug, title, teaser, body, signature, status, published_at, created_at,
                  updated_at, lang)
VALUES (200, 'release', 'statement', 'zayavlenie', 'Заявление МИД России о ракетах',
        'Краткое содержание заявления.', 'Текст заявления о сотрудничестве и ракетах.', '',
        'published', unixepoch('2018-01-24 10:00:00'), 0, 0, 'ru'),
       (201, 'event', 'news', 'vstrecha', 'Встреча послов в Лондоне', 'Послы встретились.',
        'Послы обсудили сотрудничество.', '', 'published', unixepoch('2018-01-23 10:00:00'), 0, 0, 'ru');
"""

SITE = None
SOURCE = os.environ.get("PRESSROOM_SOURCE", os.path.join(os.path.dirname(__file__), "../.."))


def setUpModule():
    global SITE
    SITE = Site(sql=RUSSIAN).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def catalogue():
    """(msgctxt, msgid, [msgstr...]) of po/ru.po, the header left out."""
    text = open(os.path.join(SOURCE, "po/ru.po"), encoding="utf-8").read()
    out = []
    for block in text.split("\n\n"):
        fields = {}
        for key, value in re.findall(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', block, re.M):
            fields[key] = value.encode("latin-1", "backslashreplace").decode("unicode_escape").encode(
                "latin-1").decode("utf-8") if "\\" in value else value
        if fields.get("msgid"):
            strs = [v for k, v in fields.items() if k.startswith("msgstr")]
            out.append((fields.get("msgctxt", ""), fields["msgid"], strs))
    return out


def english_words():
    """The English pieces of every msgid whose Russian differs: the literal text around any printf
    conversion, each holding a letter. Language names are meant to stay in their own language."""
    words = set()
    for ctx, msgid, strs in catalogue():
        if ctx == "the name of this language in itself" or msgid in strs:
            continue
        for piece in re.split(r"%(?:\d+\$)?[-+ #0]*\d*(?:ll|l)?[dsu]", msgid):
            piece = piece.strip(" ,.:;“”")
            if re.search(r"[A-Za-z]", piece):
                words.add(piece)
    return words


class VisibleText(html.parser.HTMLParser):
    """What a reader sees or hears: text outside scripts and styles, the title, and the attributes
    screen readers and browsers show."""

    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        for name, value in attrs:
            if name in ("aria-label", "placeholder", "title", "alt") and value:
                self.parts.append(value)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip and data.strip():
            self.parts.append(data.strip())


def visible(page):
    p = VisibleText()
    p.feed(page)
    return "\n".join(p.parts)


def english_left(text, words):
    return sorted(w for w in words if re.search(r"(?<![A-Za-z])" + re.escape(w) + r"(?![A-Za-z])", text))


def html_lang(page):
    return re.search(r'<html lang="([^"]+)"', page).group(1)


def item_titles(page):
    return re.findall(r'class="item-title"><a href="[^"]+">([^<]+)</a>', page)


class RussianInterface(unittest.TestCase):
    def test_the_check_knows_the_english_words(self):
        # The check below would pass on an empty catalogue: make sure it holds the words it looks for.
        words = english_words()
        for w in ("Search", "Latest events", "Skip to content", "Not Found", "There is no page at this address"):
            self.assertIn(w, words)
        self.assertEqual(english_left("Latest events and more", words), ["Latest events", "events"])
        self.assertEqual(english_left("Eventful", words), [])

    def test_russian_pages_have_no_english_interface_word(self):
        words = english_words()
        for path, want in (("/ru/", 200), ("/ru/messages", 200), ("/ru/messages?q=%D1%80%D0%B0%D0%BA%D0%B5%D1%82%D0%B0%D1%85", 200),
                           ("/ru/messages?type=events", 200), ("/ru/messages?year=2018", 200),
                           ("/ru/messages?q=nothingmatchesthis", 200), ("/ru/no-such-page", 404),
                           ("/ru/messages?page=99", 404), ("/ru/messages?lang=de", 400)):
            with self.subTest(path=path):
                status, _, page = SITE.get(path)
                self.assertEqual(status, want)
                self.assertEqual(html_lang(page), "ru")
                self.assertEqual(english_left(visible(page), words), [])

    def test_english_pages_show_the_english_words(self):
        # The same check on the English site finds them: it is not blind.
        status, _, page = SITE.get("/messages?year=2018")
        self.assertEqual(status, 200)
        self.assertEqual(html_lang(page), "en")
        left = english_left(visible(page), english_words())
        for w in ("Search", "Archive", "All messages", "Skip to content"):
            self.assertIn(w, left)

    def test_russian_error_page(self):
        status, _, page = SITE.get("/ru/no-such-page")
        self.assertEqual(status, 404)
        self.assertIn("404 Не найдено", page)
        self.assertIn("По этому адресу страницы нет.", page)
        self.assertIn('href="/ru/"', page)

    def test_the_language_does_not_stick_to_a_worker(self):
        # A worker keeps its language between requests: each request must name its own, error pages too,
        # including those answered before routing (a path that is not UTF-8).
        for _ in range(6):
            for path, lang, status in (("/ru/no-such-page", "ru", 404), ("/no-such-page", "en", 404),
                                       ("/ru/%FF", "ru", 400), ("/%FF", "en", 400),
                                       ("/ru/", "ru", 200), ("/", "en", 200)):
                got, _, page = SITE.get(path)
                self.assertEqual((got, html_lang(page)), (status, lang), path)
        _, _, page = SITE.get("/ru/%FF")
        self.assertIn("400 Неверный запрос", page)
        self.assertIn("путь не является правильным UTF-8 в процентном кодировании", page)

    def test_dates_clocks_and_plurals_are_russian(self):
        status, _, page = SITE.get("/ru/")
        self.assertEqual(status, 200)
        self.assertRegex(page, r'<span class="clock-city">Москва:</span>')
        self.assertRegex(page, r'<span class="clock-city">Лондон:</span>')
        self.assertRegex(page, r'<p class="today"><time datetime="[^"]+">\d{1,2} [а-я]+ \d{4} г\.</time>')
        _, _, page = SITE.get("/ru/messages?year=2018")
        self.assertIn("Год 2018: 2 сообщения", visible(page))  # 2018 holds the two Russian items
        self.assertIn('<a href="/ru/messages?year=2018" aria-current="page">2018</a> <span class="count">(2)</span>', page)
        self.assertIn('<a href="/ru/messages?year=2018&amp;month=1">Январь</a> <span class="count">(2)</span>', page)
        _, _, page = SITE.get("/messages?year=2018")
        self.assertIn("Year 2018: 10 messages", visible(page))
        status, _, page = SITE.get("/")
        self.assertRegex(page, r'<span class="clock-city">Moscow:</span>')


class Homes(unittest.TestCase):
    def test_russian_home_shows_only_russian_items(self):
        status, _, page = SITE.get("/ru/")
        self.assertEqual(status, 200)
        self.assertEqual(html_lang(page), "ru")
        self.assertIn("Заявление МИД России о ракетах", page)  # the latest release in full
        self.assertEqual(item_titles(page), ["Заявление МИД России о ракетах", "Встреча послов в Лондоне"])
        self.assertNotIn("Joint statement", page)

    def test_english_home_shows_only_english_items(self):
        status, _, page = SITE.get("/")
        self.assertEqual(html_lang(page), "en")
        self.assertIn("Joint statement", page)
        self.assertNotIn("Заявление МИД", page)
        self.assertNotIn("Встреча послов", page)

    def test_site_name_tagline_and_contact_label_in_each_language(self):
        _, _, ru = SITE.get("/ru/")
        self.assertIn('<p class="site-name"><a href="/ru/">Посольство Российской Федерации в Соединённом Королевстве</a></p>', ru)
        self.assertIn('<h1 class="page-title">Пресс-релизы и новости</h1>', ru)
        self.assertIn('<span class="contact-label">Консульские вопросы:</span>', ru)
        _, _, feed = SITE.get("/ru/feed.atom")
        self.assertIn("<title>Посольство Российской Федерации в Соединённом Королевстве: все сообщения</title>", feed)
        _, _, en = SITE.get("/")
        self.assertIn('<p class="site-name"><a href="/">Embassy of the Russian Federation to the United Kingdom</a></p>', en)
        self.assertIn('<h1 class="page-title">Press releases and news</h1>', en)
        self.assertIn('<span class="contact-label">Consular queries:</span>', en)

    def test_the_switch_links_the_other_home(self):
        _, _, en = SITE.get("/")
        self.assertRegex(en, r'<a href="/ru/" hreflang="ru" lang="ru">Русский</a>')
        _, _, ru = SITE.get("/ru/")
        self.assertRegex(ru, r'<a href="/" hreflang="en" lang="en">English</a>')
        self.assertIn('action="/ru/messages"', ru)
        self.assertRegex(ru, r'<link rel="canonical" href="http://[^"/]+:%d/ru/">' % SITE.port)
        self.assertRegex(ru, r'<link rel="alternate" type="application/atom\+xml" [^>]*href="http://[^"/]+/ru/feed.atom">')

    def test_unknown_or_primary_prefix_is_404(self):
        for path in ("/de/", "/en/", "/en/messages", "/xx/feed.atom", "/RU/", "/ru"):
            with self.subTest(path=path):
                status, _, page = SITE.get(path)
                self.assertEqual(status, 404)
                self.assertEqual(html_lang(page), "en")


class LanguageFilter(unittest.TestCase):
    def test_each_list_shows_its_language_by_default(self):
        _, _, ru = SITE.get("/ru/messages")
        self.assertEqual(item_titles(ru), ["Заявление МИД России о ракетах", "Встреча послов в Лондоне"])
        _, _, en = SITE.get("/messages")
        self.assertTrue(item_titles(en))
        self.assertFalse([t for t in item_titles(en) if re.search("[а-я]", t)])

    def test_lang_chooses_the_language(self):
        status, _, page = SITE.get("/messages?lang=ru")
        self.assertEqual(status, 200)
        self.assertEqual(html_lang(page), "en")  # the interface stays the page's
        self.assertEqual(item_titles(page), ["Заявление МИД России о ракетах", "Встреча послов в Лондоне"])
        _, _, everything = SITE.get("/messages?lang=all")
        titles = item_titles(everything)
        self.assertIn("Заявление МИД России о ракетах", titles)
        self.assertIn("Встреча послов в Лондоне", titles)
        self.assertTrue([t for t in titles if not re.search("[а-я]", t)])
        self.assertIn('<a href="/messages?lang=all" aria-current="page">All languages</a>', everything)
        self.assertIn('<a href="/messages?lang=ru">Русский</a>', everything)

    def test_other_languages_are_refused(self):
        for q, why in (("de", "This site has no messages in that language."),
                       ("EN", "A parameter has a value that is not allowed."),
                       ("english", "A parameter has a value that is not allowed."),
                       ("e", "A parameter has a value that is not allowed.")):
            with self.subTest(lang=q):
                status, _, page = SITE.get("/messages?lang=" + q)
                self.assertEqual(status, 400)
                self.assertIn(why, page)
        self.assertIn("This site has no messages in that language.", SITE.log())

    def test_search_stays_in_the_language_and_offers_all(self):
        status, _, page = SITE.get("/messages?q=%D1%80%D0%B0%D0%BA%D0%B5%D1%82%D0%B0%D1%85")  # ракетах
        self.assertEqual(status, 200)
        self.assertEqual(item_titles(page), [])
        self.assertIn('<a href="/messages?q=%D1%80%D0%B0%D0%BA%D0%B5%D1%82%D0%B0%D1%85&amp;lang=all">'
                      'Search all languages</a>', page)
        _, _, everywhere = SITE.get("/messages?q=%D1%80%D0%B0%D0%BA%D0%B5%D1%82%D0%B0%D1%85&lang=all")
        self.assertEqual(item_titles(everywhere), ["Заявление МИД России о ракетах"])
        self.assertNotIn("Search all languages", everywhere)
        _, _, ru = SITE.get("/ru/messages?q=%D1%80%D0%B0%D0%BA%D0%B5%D1%82%D0%B0%D1%85")
        self.assertEqual(item_titles(ru), ["Заявление МИД России о ракетах"])
        self.assertIn("Искать на всех языках", ru)


ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def alternates(page):
    """{hreflang: path} of a page's <link rel="alternate" hreflang> elements."""
    return {lang: re.sub(r"^https?://[^/]+", "", url)
            for lang, url in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page)}


class Versions(unittest.TestCase):
    """The homes, the lists and the feeds name their versions in each language, each version all of them."""

    def test_homes_and_lists_link_each_other_with_x_default(self):
        for en, ru in (("/", "/ru/"), ("/messages?type=events", "/ru/messages?type=events")):
            for path in (en, ru):
                with self.subTest(path=path):
                    _, _, page = SITE.get(path)
                    self.assertEqual(alternates(page), {"en": en, "ru": ru, "x-default": en})

    def test_a_search_names_no_versions(self):
        _, _, page = SITE.get("/ru/messages?q=" + urllib.parse.quote("ракета"))
        self.assertEqual(alternates(page), {})

    def test_feeds_link_their_other_language(self):
        for en, ru in (("/feed.atom", "/ru/feed.atom"), ("/events/feed.atom", "/ru/events/feed.atom")):
            for path in (en, ru):
                with self.subTest(path=path):
                    _, _, body = SITE.get(path)
                    root = ET.fromstring(body.encode())
                    links = {l.get("hreflang"): re.sub(r"^https?://[^/]+", "", l.get("href"))
                             for l in root.findall(ATOM + "link[@rel='alternate'][@type='application/atom+xml']")}
                    self.assertEqual(links, {"en": en, "ru": ru})


class Feeds(unittest.TestCase):
    def feed(self, path):
        status, headers, body = SITE.get(path)
        self.assertEqual(status, 200, path)
        self.assertTrue(headers["content-type"].startswith("application/atom+xml"))
        return ET.fromstring(body.encode())

    def test_each_feed_holds_its_language(self):
        for path, lang, titles in (
                ("/ru/feed.atom", "ru", ["Заявление МИД России о ракетах", "Встреча послов в Лондоне"]),
                ("/ru/releases/feed.atom", "ru", ["Заявление МИД России о ракетах"]),
                ("/ru/events/feed.atom", "ru", ["Встреча послов в Лондоне"])):
            with self.subTest(path=path):
                root = self.feed(path)
                self.assertEqual(root.get(XML_LANG), lang)
                self.assertEqual([e.findtext(ATOM + "title") for e in root.iter(ATOM + "entry")], titles)
                self.assertIn(path, root.find(ATOM + "link[@rel='self']").get("href"))
                self.assertIn("/ru/messages", root.find(ATOM + "link[@rel='alternate']").get("href"))
        root = self.feed("/ru/feed.atom")
        self.assertTrue(root.findtext(ATOM + "title").endswith("все сообщения"))

    def test_english_feed_is_english(self):
        root = self.feed("/feed.atom")
        self.assertEqual(root.get(XML_LANG), "en")
        titles = [e.findtext(ATOM + "title") for e in root.iter(ATOM + "entry")]
        self.assertTrue(titles)
        self.assertFalse([t for t in titles if re.search("[а-я]", t)])


class OneLanguageSeeksItsIndex(unittest.TestCase):
    """A list in one language (the /ru/ home, /ru/messages, the /ru/ feeds) must not read every public item
    to find that language's: with few items in it, that was the whole table for one page (migration 0022)."""

    def plan(self, name, params):
        sql = harness.read_text(os.path.join(harness.SOURCE, "sql", "queries.sql"))
        query = sql.split(f"-- name: {name}\n")[1].split("\n-- name:")[0]
        query = "\n".join(line for line in query.splitlines() if not line.startswith("--"))
        return " ".join(row[-1] for row in SITE.query("EXPLAIN QUERY PLAN " + query, params))

    def test_every_one_language_list_uses_a_language_index(self):
        big, now = 1 << 62, 1 << 40
        cases = {
            "items_public_of_kind_lang": ("release", 0, big, big, 20, "ru"),
            "items_public_all_lang": (0, big, big, 20, "ru"),
            "item_keys_public_of_kind_lang": ("release", 0, big, big, 20, "ru"),
            "item_keys_public_all_lang": (0, big, big, 20, "ru"),
            "item_latest_full_of_kind_lang": ("release", now, "ru"),
            "items_feed_lang": (None, now, 20, "ru"),
        }
        for name, params in cases.items():
            with self.subTest(name):
                plan = self.plan(name, params)
                self.assertRegex(plan, r"USING (COVERING )?INDEX item_(kind_)?lang_public \((kind=\? AND )?lang=\?", plan)
                self.assertNotIn("TEMP B-TREE", plan)  # in index order: no sort of the language's items


if __name__ == "__main__":
    harness.main()
