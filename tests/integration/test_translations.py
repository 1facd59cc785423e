"""test_translations.py: English and Russian versions of one statement over real HTTP through nginx: made
through the admin form (side by side with the original), linked both ways on the public pages (the visible
link, reciprocal hreflang with x-default, <html lang>, JSON-LD, the sitemap's xhtml:link pairs), the stale
translation's lifecycle (the original corrected -> notice and admin flag -> translation saved, or "checked,
still accurate" -> gone), one version per language, and Cyrillic through the admin."""
import html
import json
import re
import unittest
import urllib.parse
import xml.etree.ElementTree as ET

import harness
from admin_forms import item_id, post_statement, public_path, signed_in, statement
from harness import Site

PUBLISHER = ("alice", "publisher", "correct horse battery")
SITE = None
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def setUpModule():
    global SITE
    SITE = Site(users=[PUBLISHER]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def add_russian(c, original, title, body="Первый абзац.\n\n1. Пункт первый.", action="publish"):
    """The admin's way: the original's page offers "Add Russian version", whose form is posted."""
    status, _, page = c.request(f"/admin/items/{original}")
    assert status == 200
    link = re.search(r'<a class="button secondary add-version" href="([^"]+)">Add Russian version</a>', page)
    assert link, "no Add Russian version link on the original's page"
    href = html.unescape(link.group(1))
    status, _, form_page = c.request(href)
    assert status == 200, (status, form_page[:500])
    target = re.search(r'<form class="item-form" method="post" action="([^"]+)"', form_page).group(1)
    status, headers, page = c.post(target, dict(statement(title, body=body, teaser="Анонс: " + title), lang="ru",
                                                action=action))
    assert status == 303, (status, page[:3000])
    return item_id(headers["location"])


def backdate_sync(translation, seconds=60):
    """As if the translation had last caught up a minute ago. Times are whole seconds: without this, an edit
    of the original in the same second as the translation's save could not be told to come after it."""
    SITE.execute("UPDATE item SET translation_synced_at = translation_synced_at - ? WHERE id = ?",
                 (seconds, translation))


def jsonld(page):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))


def hreflangs(page):
    return dict((lang, href) for lang, href in
                re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', page))


class Linked(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        c = signed_in(SITE, PUBLISHER)
        cls.en = post_statement(c, "Joint statement on Arctic cooperation", action="publish")
        cls.ru = add_russian(c, cls.en, "Совместное заявление о сотрудничестве в Арктике")
        cls.en_path, cls.ru_path = public_path(SITE, cls.en), public_path(SITE, cls.ru)

    def test_the_translation_is_its_own_item_linked_to_its_original(self):
        row = SITE.query("SELECT lang, translation_of, translation_synced_at IS NOT NULL, slug, status FROM item "
                         "WHERE id = ?", (self.ru,))[0]
        self.assertEqual(row[:3], ("ru", self.en, 1))
        self.assertEqual(row[3], "sovmestnoe-zayavlenie-o-sotrudnichestve-v-arktike")
        self.assertEqual(row[4], "published")
        self.assertEqual(SITE.query("SELECT lang, translation_of FROM item WHERE id = ?", (self.en,))[0], ("en", None))
        self.assertEqual(SITE.query("SELECT lang FROM revision WHERE item_id = ?", (self.ru,)), [("ru",)])

    def test_the_translate_form_is_prefilled_beside_the_original(self):
        c = signed_in(SITE, PUBLISHER)
        status, _, page = c.request(f"/admin/items/{self.en}/translate?lang=en")
        self.assertEqual(status, 409)  # the original is the English version
        fresh = post_statement(c, "Statement to be translated", action="publish")
        status, _, page = c.request(f"/admin/items/{fresh}/translate?lang=ru")
        self.assertEqual(status, 200)
        self.assertIn('class="translation-source"', page)
        self.assertRegex(page, r'id="source-body" rows="18" readonly>First paragraph\.')
        self.assertIn('value="Statement to be translated"', page)  # the title field, prefilled to translate
        self.assertRegex(page, r'<option value="ru" selected>Russian</option>')

    def test_each_page_links_the_other_in_its_language(self):
        status, _, en = SITE.get(self.en_path)
        self.assertEqual(status, 200)
        status, _, ru = SITE.get(self.ru_path)
        self.assertEqual(status, 200)
        self.assertIn('<html lang="en">', en)
        self.assertIn('<html lang="ru">', ru)
        self.assertRegex(en, r'<p class="item-other-language"><a href="%s" hreflang="ru" lang="ru" rel="alternate">'
                         r'Русская версия</a>' % re.escape(self.ru_path))
        self.assertRegex(ru, r'<p class="item-other-language"><a href="%s" hreflang="en" lang="en" rel="alternate">'
                         r'English version</a>' % re.escape(self.en_path))
        # an item without versions in other languages has neither link nor hreflang
        lone = SITE.query("SELECT min(id) FROM item WHERE translation_of IS NULL AND id NOT IN "
                          "(SELECT translation_of FROM item WHERE translation_of IS NOT NULL)")[0][0]
        _, _, lone = SITE.get(public_path(SITE, lone))
        self.assertNotIn("item-other-language", lone)
        self.assertNotIn('<link rel="alternate" hreflang', lone)

    def test_hreflang_is_reciprocal_with_x_default(self):
        _, _, en = SITE.get(self.en_path)
        _, _, ru = SITE.get(self.ru_path)
        for page in (en, ru):
            links = hreflangs(page)
            self.assertEqual(set(links), {"en", "ru", "x-default"})
            self.assertTrue(links["en"].endswith(self.en_path))
            self.assertTrue(links["ru"].endswith(self.ru_path))
            self.assertEqual(links["x-default"], links["en"])
            self.assertRegex(links["ru"], r"^https?://")

    def test_json_ld_carries_language_and_translation_links(self):
        _, _, en = SITE.get(self.en_path)
        _, _, ru = SITE.get(self.ru_path)
        en_ld, ru_ld = jsonld(en), jsonld(ru)
        self.assertEqual(en_ld["inLanguage"], "en")
        self.assertEqual(ru_ld["inLanguage"], "ru")
        self.assertEqual(len(en_ld["workTranslation"]), 1)
        self.assertTrue(en_ld["workTranslation"][0]["url"].endswith(self.ru_path))
        self.assertEqual(en_ld["workTranslation"][0]["inLanguage"], "ru")
        self.assertTrue(ru_ld["translationOfWork"]["url"].endswith(self.en_path))
        self.assertEqual(ru_ld["translationOfWork"]["inLanguage"], "en")
        self.assertNotIn("translationOfWork", en_ld)
        self.assertNotIn("workTranslation", ru_ld)

    def test_the_sitemap_carries_the_same_pairs(self):
        status, _, body = SITE.get("/sitemap.xml")
        self.assertEqual(status, 200)
        self.assertIn('xmlns:xhtml="http://www.w3.org/1999/xhtml"', body)
        root = ET.fromstring(body.encode())
        alternates = {}
        for url in root.findall(SM + "url"):
            loc = url.find(SM + "loc").text
            alternates[urllib.parse.urlparse(loc).path] = {l.get("hreflang"): urllib.parse.urlparse(l.get("href")).path
                                                          for l in url.findall(XHTML + "link")}
        expected = {"en": self.en_path, "ru": self.ru_path, "x-default": self.en_path}
        self.assertEqual(alternates[self.en_path], expected)
        self.assertEqual(alternates[self.ru_path], expected)
        self.assertEqual(alternates["/messages"], {})

    def test_the_admin_list_shows_each_items_language(self):
        _, _, page = signed_in(SITE, PUBLISHER).request("/admin")
        row = re.search(r'<tr class="status-published">(?:(?!</tr>).)*?/admin/items/%d"(?:(?!</tr>).)*</tr>' % self.ru,
                        page, re.S).group(0)
        self.assertIn('<span class="lang">ru</span>', row)
        self.assertNotIn("stale-flag", row)


class DraftTranslation(unittest.TestCase):
    def test_a_draft_translation_is_linked_nowhere_in_public(self):
        c = signed_in(SITE, PUBLISHER)
        en = post_statement(c, "Statement whose translation is a draft", action="publish")
        ru = add_russian(c, en, "Черновик перевода", action="save")
        self.assertEqual(SITE.query("SELECT status, translation_of FROM item WHERE id = ?", (ru,)), [("draft", en)])
        en_path = public_path(SITE, en)
        _, _, page = SITE.get(en_path)
        self.assertNotIn("item-other-language", page)
        self.assertNotIn('<link rel="alternate" hreflang', page)
        self.assertNotIn("workTranslation", page)
        _, _, sitemap = SITE.get("/sitemap.xml")
        entry = re.search(r"<url><loc>[^<]*%s</loc>.*?</url>" % re.escape(en_path), sitemap).group(0)
        self.assertNotIn("xhtml:link", entry)
        _, _, admin = c.request(f"/admin/items/{en}")
        self.assertIn("Russian: Черновик перевода", admin)  # the officers see the draft version
        self.assertNotIn("Add Russian version", admin)


class OneVersionPerLanguage(unittest.TestCase):
    def test_a_second_russian_version_is_refused(self):
        c = signed_in(SITE, PUBLISHER)
        en = post_statement(c, "Statement with one Russian version", action="publish")
        ru = add_russian(c, en, "Заявление с одной русской версией")
        _, _, page = c.request(f"/admin/items/{en}")
        self.assertNotIn("Add Russian version", page)
        status, _, _ = c.request(f"/admin/items/{en}/translate?lang=ru")
        self.assertEqual(status, 409)
        status, _, page = c.post(f"/admin/items/{en}/translate",
                                 dict(statement("Второе заявление"), lang="ru", action="publish"))
        self.assertEqual(status, 422)
        self.assertIn("is taken: this statement already has a version in that language", page)
        self.assertEqual(SITE.query("SELECT count(*) FROM item WHERE translation_of = ?", (en,)), [(1,)])
        # never a translation of a translation
        status, _, _ = c.request(f"/admin/items/{ru}/translate?lang=en")
        self.assertEqual(status, 409)
        _, _, page = c.request(f"/admin/items/{ru}")
        self.assertNotIn("add-version", page)  # the group has every site language

    def test_the_form_refuses_all_and_languages_the_site_lacks(self):
        c = signed_in(SITE, PUBLISHER)
        for lang in ("all", "de", "pt-BR"):
            status, _, page = c.post("/admin/new", dict(statement("Statement in " + lang), lang=lang, action="save"))
            self.assertEqual(status, 422, lang)
            self.assertIn("Language choose one of the site&#39;s languages", page)
        status, _, _ = c.post("/admin/new", dict(statement("Bad tag"), lang="ru!", action="save"))
        self.assertEqual(status, 400)
        self.assertIn("POST /admin/new", SITE.log())
        self.assertEqual(SITE.query("SELECT count(*) FROM item WHERE title LIKE 'Statement in %' OR title = 'Bad tag'"),
                         [(0,)])

    def test_a_new_item_takes_the_primary_language_unless_told(self):
        c = signed_in(SITE, PUBLISHER)
        _, _, page = c.request("/admin/new")
        self.assertRegex(page, r'<option value="en" selected>English</option><option value="ru">Russian</option>')
        status, headers, _ = c.post("/admin/new", dict(statement("Заявление на русском"), lang="ru", action="publish"))
        self.assertEqual(status, 303)
        iid = item_id(headers["location"])
        self.assertEqual(SITE.query("SELECT lang, translation_of FROM item WHERE id = ?", (iid,)), [("ru", None)])
        _, _, public = SITE.get(public_path(SITE, iid))
        self.assertIn('<html lang="ru">', public)
        status, _, preview = c.post(f"/admin/items/{iid}", dict(statement("Заявление на русском"), lang="ru",
                                                                  note="Правка", action="preview"))
        self.assertEqual(status, 200)
        self.assertIn('<html lang="ru">', preview)
        _, _, home = SITE.get("/")
        self.assertIn('<html lang="en">', home)  # the worker's language does not leak into the next page


class Stale(unittest.TestCase):
    NOTICE = 'class="item-stale-translation"'

    def setUp(self):
        self.c = signed_in(SITE, PUBLISHER)
        self.en = post_statement(self.c, "Statement that will be corrected " + self.id().rsplit(".", 1)[1],
                                 action="publish")
        self.ru = add_russian(self.c, self.en, "Заявление, которое поправят")
        self.ru_path = public_path(SITE, self.ru)

    def correct_original(self):
        backdate_sync(self.ru)
        status, _, page = self.c.post(f"/admin/items/{self.en}",
                                      dict(statement(SITE.query("SELECT title FROM item WHERE id = ?", (self.en,))[0][0],
                                                     body="Corrected text."), note="Corrected a figure", action="save"))
        self.assertEqual(status, 303, page[:2000])

    def admin_row(self):
        _, _, page = self.c.request("/admin")
        return re.search(r'<tr class="status-published">(?:(?!</tr>).)*?/admin/items/%d"(?:(?!</tr>).)*</tr>' % self.ru,
                         page, re.S).group(0)

    def assert_stale(self):
        _, _, page = SITE.get(self.ru_path)
        self.assertIn(self.NOTICE, page)
        notice = re.search(r'<p class="item-stale-translation" role="note">(.*?)</p>', page, re.S).group(1)
        # in the translation's own language (Russian), with a Russian date
        self.assertRegex(notice, r'Оригинал этого текста был обновлён <time datetime="[^"]+">\d+ \w+ \d{4} г\.</time>, '
                                 r'и эта версия может не отражать изменений\.')
        self.assertIn('<a href="%s">' % public_path(SITE, self.en), notice)
        self.assertIn("stale-flag", self.admin_row())
        _, _, admin = self.c.request(f"/admin/items/{self.ru}")
        self.assertIn('class="notice stale-translation"', admin)
        _, _, original = SITE.get(public_path(SITE, self.en))
        self.assertNotIn(self.NOTICE, original)

    def assert_current(self):
        _, _, page = SITE.get(self.ru_path)
        self.assertNotIn(self.NOTICE, page)
        self.assertNotIn("stale-flag", self.admin_row())

    def test_correcting_the_original_flags_the_translation_until_it_is_saved(self):
        self.assert_current()
        self.correct_original()
        self.assert_stale()
        status, _, page = self.c.post(f"/admin/items/{self.ru}",
                                      dict(statement("Заявление, которое поправили", body="Исправленный текст."),
                                           lang="ru", note="Исправлена цифра", action="save"))
        self.assertEqual(status, 303, page[:2000])
        self.assert_current()
        self.assertEqual(SITE.query("SELECT lang, translation_of FROM item WHERE id = ?", (self.ru,)), [("ru", self.en)])

    def test_the_admin_list_flags_each_row_on_its_own(self):
        # One page of the list reads every row's language and staleness at once: a stale translation beside a
        # current one (and their originals) must each keep their own state.
        other_en = post_statement(self.c, "Statement that stays as it is " + self.id().rsplit(".", 1)[1],
                                  action="publish")
        other_ru = add_russian(self.c, other_en, "Заявление, которое не поправят")
        self.correct_original()
        _, _, page = self.c.request("/admin")
        rows = {}
        for iid in (self.en, self.ru, other_en, other_ru):
            rows[iid] = re.search(r'<tr class="status-published">(?:(?!</tr>).)*?/admin/items/%d"(?:(?!</tr>).)*</tr>'
                                  % iid, page, re.S).group(0)
        self.assertIn('<span class="lang">ru</span> <span class="stale-flag"', rows[self.ru])
        self.assertIn('<span class="lang">ru</span></td>', rows[other_ru])
        for original in (self.en, other_en):
            self.assertIn('<span class="lang">en</span></td>', rows[original])

    def test_checked_still_accurate_clears_the_flag_with_a_note_and_an_audit_line(self):
        self.correct_original()
        self.assert_stale()
        status, _, _ = self.c.post(f"/admin/items/{self.ru}/checked", {"note": "Only the English figure changed"},
                                   csrf=False)
        self.assertEqual(status, 403)
        self.assert_stale()
        status, _, _ = self.c.post(f"/admin/items/{self.ru}/checked", {"note": ""})
        self.assertEqual(status, 400)
        status, headers, _ = self.c.post(f"/admin/items/{self.ru}/checked", {"note": "Only the English figure changed"})
        self.assertEqual(status, 303)
        self.assertTrue(headers["location"].endswith(f"/admin/items/{self.ru}?done=checked"))
        self.assert_current()
        self.assertEqual(SITE.query("SELECT translation_note FROM item WHERE id = ?", (self.ru,)),
                         [("Only the English figure changed",)])
        audit = SITE.query("SELECT action, detail FROM audit WHERE item_id = ? ORDER BY id DESC LIMIT 1", (self.ru,))
        self.assertEqual(audit[0][0], "translation-checked")
        self.assertIn("Only the English figure changed", audit[0][1])
        _, _, admin = self.c.request(f"/admin/items/{self.ru}?done=checked")
        self.assertIn("Last checked against the original: Only the English figure changed", admin)
        # an original cannot be "checked"
        status, _, _ = self.c.post(f"/admin/items/{self.en}/checked", {"note": "x"})
        self.assertEqual(status, 409)


class Demo(unittest.TestCase):
    def test_the_seed_shows_a_linked_pair_with_a_stale_translation(self):
        en, ru = public_path(SITE, 7), public_path(SITE, 12)
        self.assertEqual(ru, "/events/12-spetsialnyy-pokaz-rossiyskogo-filma-prityazhenie-v-edinburge")
        _, _, en_page = SITE.get(en)
        status, _, ru_page = SITE.get(ru)
        self.assertEqual(status, 200)
        self.assertIn('<html lang="ru">', ru_page)
        self.assertIn(f'<a href="{ru}" hreflang="ru" lang="ru" rel="alternate">Русская версия</a>', en_page)
        self.assertIn(f'<a href="{en}" hreflang="en" lang="en" rel="alternate">English version</a>', ru_page)
        self.assertRegex(ru_page, r'class="item-stale-translation" role="note">[^<]*<time datetime="2018-01-20T10:00:00Z">'
                                  r'20 января 2018 г\.</time>, [^<]*<a href="%s">Читать оригинал' % re.escape(en))
        self.assertNotIn("item-stale-translation", en_page)
        _, _, admin = signed_in(SITE, PUBLISHER).request("/admin")
        row = re.search(r'<tr class="status-published">(?:(?!</tr>).)*?/admin/items/12"(?:(?!</tr>).)*</tr>', admin,
                        re.S).group(0)
        self.assertIn("stale-flag", row)


class Cyrillic(unittest.TestCase):
    def test_cyrillic_round_trips_through_the_admin(self):
        c = signed_in(SITE, PUBLISHER)
        title = "Заявление МИД России о ёлке «Щедрость» — №5"
        body = "Ёлка стоит в посольстве.\n\n1. Пункт «первый»."
        status, headers, page = c.post("/admin/new", dict(statement(title, body=body, teaser="Анонс ёлки",
                                                                   signature="Посольство России"),
                                                         lang="ru", action="save"))
        self.assertEqual(status, 303, page[:2000])
        iid = item_id(headers["location"])
        _, _, form = c.request(f"/admin/items/{iid}")
        self.assertIn(f'value="{html.escape(title, quote=True)}"', form.replace("&#39;", "'"))
        self.assertIn("Ёлка стоит в посольстве.", form)
        self.assertIn("Анонс ёлки", form)
        self.assertIn("Посольство России", form)
        _, _, listing = c.request("/admin")
        self.assertIn(html.escape(title, quote=False), listing)
        self.assertEqual(SITE.query("SELECT title, body FROM item WHERE id = ?", (iid,)), [(title, body)])
        # a form error shows every Cyrillic value again as typed
        status, _, page = c.post(f"/admin/items/{iid}", dict(statement("", body=body), lang="ru", action="save"))
        self.assertEqual(status, 422)
        self.assertIn("Ёлка стоит в посольстве.", page)


if __name__ == "__main__":
    harness.main()
