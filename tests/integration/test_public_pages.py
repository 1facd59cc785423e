"""test_public_pages.py: the public site over real HTTP through nginx: the home page with the seed content,
detail pages and their canonical redirects, the error pages, methods, HEAD and static files."""
import datetime
import re
import unittest
import zoneinfo

import harness
from harness import Site

SITE = None
STATEMENT = "Joint statement by the Russian and Chinese foreign ministries on the Korean Peninsula’s problems"
STATEMENT_PATH = "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"


def setUpModule():
    global SITE
    # The home page's lists of the English seed: the demo's Russian version of an event is left out.
    SITE = Site(sql="DELETE FROM item WHERE lang <> 'en'").__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def event_titles(body):
    section = body.split('id="latest-events"', 1)[1]
    return re.findall(r'<h3 class="item-title"><a href="[^"]+">([^<]+)</a>', section)


class HomePage(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.status, cls.headers, cls.body = SITE.get("/")

    def test_answers_200_html(self):
        self.assertEqual(self.status, 200)
        self.assertEqual(self.headers["content-type"], "text/html; charset=utf-8")
        self.assertTrue(self.body.startswith("<!DOCTYPE html>"))

    def test_header_has_site_name_and_consular_contacts(self):
        self.assertIn("Embassy of the Russian Federation to the United Kingdom", self.body)
        self.assertIn("Consular queries:", self.body)
        self.assertIn("+44 (0) 203 668 7474", self.body)
        self.assertIn('href="tel:+442036687474"', self.body)
        self.assertIn('href="mailto:info@rusemb.org.uk"', self.body)

    def test_header_clocks_show_moscow_and_london_now(self):
        now = datetime.datetime.now(datetime.timezone.utc)
        for city, zone in (("Moscow", "Europe/Moscow"), ("London", "Europe/London")):
            shown = re.search(rf'clock-city">{city}:</span> <span class="clock-time">(\d\d:\d\d)<', self.body)
            self.assertIsNotNone(shown, city)
            # The page was rendered a moment ago: allow the minute to have turned.
            accepted = {(now + datetime.timedelta(minutes=d)).astimezone(zoneinfo.ZoneInfo(zone)).strftime("%H:%M")
                        for d in (-1, 0)}
            self.assertIn(shown.group(1), accepted)

    def test_header_shows_todays_long_date_in_site_zone(self):
        today = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London"))
        self.assertIn(f"{today.day} {today.strftime('%B')} {today.year}", self.body)

    def test_latest_release_in_full_with_points_and_signature(self):
        self.assertIn(STATEMENT, self.body)
        self.assertIn("05.07.2017", self.body)
        self.assertIn("The Parties confirm that the deployment of THAAD antimissile systems", self.body)
        self.assertIn("This statement was signed on July 4, 2017, in Moscow.", self.body)
        self.assertIn('<ol start="4">', self.body)
        self.assertIn("<span>of the Russian Federation</span>", self.body)
        self.assertIn("<span>of the People’s Republic of China</span>", self.body)

    def test_latest_events_are_the_ten_newest_in_order(self):
        titles = event_titles(self.body)
        self.assertEqual(len(titles), 10)
        self.assertEqual(titles[0], "Embassy Press Officer on the Congress of the Syrian National Dialogue in Sochi, Russia")
        self.assertEqual(titles[-1], "Russian Embassy’s press secretary responds to Reuters question")
        self.assertIn('<time datetime="2018-01-23T12:00:00Z">23.01.2018</time>', self.body)

    def test_events_have_teasers_and_links_to_their_pages(self):
        self.assertIn("Click here for the Russian Railways guide to free rail travel", self.body)
        self.assertIn('href="/events/10-travelling-on-russian-railways-during-2018-world-cup"', self.body)

    def test_all_messages_link(self):
        self.assertIn('<a href="/messages">all messages</a>', self.body)


class DetailPages(unittest.TestCase):
    def test_release_page_shows_title_type_date_body_signature(self):
        status, _, body = SITE.get(STATEMENT_PATH)
        self.assertEqual(status, 200)
        self.assertIn(f'<h1 class="item-title">{STATEMENT}</h1>', body)
        self.assertIn("5 July 2017", body)
        self.assertIn('<span class="item-type">Statement</span>', body)
        self.assertIn("The Parties propose the following:", body)
        self.assertIn('class="signatory"', body)

    def test_event_page(self):
        status, _, body = SITE.get("/events/7-special-screening-of-the-russian-film-attraction-in-edinburgh")
        self.assertEqual(status, 200)
        self.assertIn("Special screening of the Russian film &quot;Attraction&quot; in Edinburgh", body)
        self.assertIn("19 January 2018", body)

    def test_id_alone_redirects_to_canonical(self):
        status, headers, _ = SITE.get("/releases/1")
        self.assertEqual(status, 301)
        self.assertTrue(headers["location"].endswith(STATEMENT_PATH), headers["location"])

    def test_wrong_slug_redirects_to_canonical(self):
        status, headers, _ = SITE.get("/releases/1-old-title")
        self.assertEqual(status, 301)
        self.assertTrue(headers["location"].endswith(STATEMENT_PATH))

    def test_wrong_kind_redirects_to_canonical(self):
        status, headers, _ = SITE.get("/events/1")
        self.assertEqual(status, 301)
        self.assertTrue(headers["location"].endswith(STATEMENT_PATH))

    def test_query_string_is_not_part_of_the_canonical_check(self):
        # The slug check ignores it; the gate drops it (an item page takes no parameters).
        status, headers, _ = SITE.get(STATEMENT_PATH + "?utm_source=feed")
        self.assertEqual((status, headers["location"]), (301, STATEMENT_PATH))
        self.assertEqual(SITE.get(headers["location"])[0], 200)

    def test_missing_and_malformed_ids_are_styled_404s(self):
        for path in ("/releases/999", "/releases/999-x", "/events/0", "/releases/abc", "/releases/-1",
                     "/releases/99999999999999999999", "/releases/1x", "/releases/", "/releases/1/extra"):
            status, headers, body = SITE.get(path)
            self.assertEqual(status, 404, path)
            self.assertIn("404 Not Found", body, path)
            self.assertIn("Embassy of the Russian Federation", body, path)
            self.assertEqual(headers["content-type"], "text/html; charset=utf-8")


class ErrorsAndMethods(unittest.TestCase):
    def test_unknown_path_is_styled_404(self):
        status, _, body = SITE.get("/no/such/page")
        self.assertEqual(status, 404)
        self.assertIn('<link rel="stylesheet" href="/static/style.css">', body)
        self.assertIn("There is no page at this address.", body)

    def test_post_to_a_page_is_405_with_allow(self):
        status, headers, body = SITE.get("/", method="POST", body="x=1",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"})
        self.assertEqual(status, 405)
        self.assertEqual(headers["allow"], "GET, HEAD")
        self.assertIn("405 Method Not Allowed", body)

    def test_other_methods_are_405(self):
        for method in ("PUT", "DELETE", "PATCH", "OPTIONS"):
            status, headers, _ = SITE.get("/messages", method=method)
            self.assertEqual(status, 405, method)
            self.assertEqual(headers["allow"], "GET, HEAD")

    def test_head_answers_like_get_without_body(self):
        _, get_headers, get_body = SITE.get(STATEMENT_PATH)
        status, headers, body = SITE.get(STATEMENT_PATH, method="HEAD")
        self.assertEqual(status, 200)
        self.assertEqual(body, "")
        self.assertEqual(headers["content-length"], get_headers["content-length"])
        self.assertEqual(int(headers["content-length"]), len(get_body.encode()))

    def test_bad_percent_encoding_is_400(self):
        for path in ("/%zz", "/messages%00", "/%C0%80", "/messages?page=%ff"):
            status, _, body = SITE.get(path)
            self.assertEqual(status, 400, path)
            # The application's page, or nginx's own styled refusal for what it rejects itself (%00).
            self.assertTrue("400 Bad Request" in body or "This request cannot be answered" in body, path)

    def test_error_is_logged(self):
        SITE.get("/logged-404-probe")
        self.assertRegex(SITE.log(), r"warn: 404 GET /logged-404-probe")


class StaticFiles(unittest.TestCase):
    def test_stylesheet_favicon_served_by_nginx(self):
        status, headers, body = SITE.get("/static/style.css")
        self.assertEqual(status, 200)
        self.assertTrue(headers["content-type"].startswith("text/css"))
        status, headers, _ = SITE.get("/favicon.ico")
        self.assertEqual(status, 200)
        self.assertEqual(headers["content-type"], "image/svg+xml")
        status, _, _ = SITE.get("/static/print.css")
        self.assertEqual(status, 200)

    def test_static_files_do_not_reach_the_application(self):
        SITE.get("/static/no-such-file.css")
        self.assertNotIn("/static/no-such-file.css", SITE.log())


if __name__ == "__main__":
    harness.main()
