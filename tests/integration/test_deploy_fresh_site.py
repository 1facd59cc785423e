"""test_deploy_fresh_site.py: a site made by `db init` alone (no `db seed`, as docs/deploy.md says for
production), installed and served behind the documented nginx block, publishes at once: with no clock
cities the form offers the site's own zone (UTC, or site_zone) and a statement published through it over
HTTPS is on the home page; `pressroom site` then sets the name, contacts and clock cities without SQL, and
the form follows with one and with two cities. serve warns while the site has no clocks and no contacts."""
import datetime
import re
import unittest
import zoneinfo

import harness
from admin_forms import signed_in
from deploy import Deployment

PUBLISHER = ("alice", "publisher", "correct horse battery")


def form(title, zone, zone_name):
    t = datetime.datetime.now(zoneinfo.ZoneInfo(zone_name)) - datetime.timedelta(minutes=2)
    return {"kind": "release", "item_type": "statement", "title": title, "date": t.strftime("%Y-%m-%d"),
            "time": t.strftime("%H:%M"), "zone": zone, "teaser": "Teaser of " + title, "body": "One paragraph.",
            "signature": "The Press Office", "action": "publish"}


def zone_options(body):
    select = re.search(r'<select id="zone" name="zone">(.*?)</select>', body, re.S).group(1)
    return re.findall(r'<option value="([^"]*)"( selected)?>', select)


class FreshSite(unittest.TestCase):
    def publish(self, d, title, zone, zone_name):
        c = signed_in(d, PUBLISHER)
        status, _, body = c.request("/admin/new")
        self.assertEqual(status, 200)
        options = zone_options(body)
        status, headers, body = c.post("/admin/new", form(title, zone, zone_name))
        self.assertEqual(status, 303, body[:3000])
        return options

    def test_db_init_alone_publishes_through_the_form_and_the_home_page_shows_it(self):
        with Deployment(seed=False, users=[PUBLISHER]) as d:
            self.assertIn("warn: the site has no clock cities and no contacts", d.log())
            # No clock cities: the site's own zone, UTC, is the one choice, and it works.
            options = self.publish(d, "Statement on the first day", "UTC", "UTC")
            self.assertEqual(options, [("UTC", " selected")])
            status, _, home = d.get("/")
            self.assertEqual(status, 200)
            self.assertIn("Statement on the first day", home)

            # The sysadmin names the site and its clocks without SQL; the running site follows.
            for args in (("set", "name", "Embassy of Example"), ("set", "contact-phone", "+44 20 7946 0000"),
                         ("clocks", "London=Europe/London")):
                self.assertEqual(d.pressroom("site", *args, "--db", d.db).returncode, 0)
            options = self.publish(d, "Statement with one city", "London", "Europe/London")
            self.assertEqual(options, [("London", " selected")])
            self.assertEqual(d.pressroom("site", "clocks", "Moscow=Europe/Moscow", "London=Europe/London",
                                         "--db", d.db).returncode, 0)
            options = self.publish(d, "Statement with two cities", "Moscow", "Europe/Moscow")
            self.assertEqual([o[0] for o in options], ["Moscow", "London"])
            status, _, home = d.get("/")
            for text in ("Embassy of Example", "+44 20 7946 0000", "Statement with two cities"):
                self.assertIn(text, home)
            listing = d.get("/messages")[2]
            for title in ("Statement on the first day", "Statement with one city", "Statement with two cities"):
                self.assertIn(title, listing)

    def test_with_no_clocks_the_configured_zone_is_the_choice(self):
        with Deployment(seed=False, users=[PUBLISHER], config={"site_zone": "Asia/Tokyo"}) as d:
            options = self.publish(d, "Statement from Tokyo", "Asia/Tokyo", "Asia/Tokyo")
            self.assertEqual(options, [("Asia/Tokyo", " selected")])
            self.assertIn("Statement from Tokyo", d.get("/")[2])

    def test_site_refuses_bad_values_and_changes_nothing(self):
        with Deployment(seed=False, start=False) as d:
            for args, why in ((("set", "zone", "Europe/Atlantis"), "is not a time zone"),
                              (("clocks", "Atlantis=Atlantis/Capital"), "a time zone this system knows"),
                              (("clocks", "London"), "a clock is CITY=ZONE"),
                              (("set", "name", "two\nlines"), "one line of UTF-8"),
                              (("set", "name", "x" * 201), "at most 200 bytes"),
                              (("set", "colour", "blue"), "unknown site key")):
                proc = d.pressroom("site", *args, "--db", d.db, check=False)
                self.assertEqual(proc.returncode, 2, args)
                self.assertIn(why, proc.stderr)
            self.assertEqual(d.pressroom("site", "--db", d.db).stdout, "")
            d.pressroom("site", "set", "zone", "Europe/London", "--db", d.db)
            self.assertEqual(d.pressroom("site", "--db", d.db).stdout, "zone           Europe/London\n")
            d.pressroom("site", "set", "zone", "", "--db", d.db)  # unset: UTC again
            self.assertEqual(d.pressroom("site", "--db", d.db).stdout, "")


if __name__ == "__main__":
    harness.main()
