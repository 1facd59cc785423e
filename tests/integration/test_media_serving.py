"""test_media_serving.py: published photos and documents over real HTTP through nginx (issue 14): the
application authorises /media/<sha256>.<ext> and nginx sends the file from its internal location, with its
type, length, immutable caching, nosniff and, for documents, a Content-Disposition with a Cyrillic name;
a withdrawn item's files 410, a draft's, an original upload's and misspelt names 404. The detail page shows
the lead photo with srcset/sizes/width/height/alt/caption, further photos lazily and documents with their
size; og:image, the large Twitter card, JSON-LD image; the feed's images and enclosures; home thumbnails.
The store is filled by media_fixture.py as the upload path leaves it."""
import http.client
import json
import os
import re
import unittest
import urllib.parse

import harness
from admin_forms import post_statement, signed_in
from harness import Site
from media_fixture import Media, pdf

PUBLISHER = ("alice", "publisher", "correct horse battery")
SITE = MEDIA = CLIENT = None
PUBLIC = DRAFT = GONE = PLAIN = EVENT = SHARED = LATER = None
CYRILLIC_TITLE = "Заявление МИД: полный текст"
LONG_TITLE = "Ж" * 100  # 200 bytes of UTF-8: cut at a character boundary in the download name


def create(client, title, action, kind="release"):
    return post_statement(client, title, action, kind=kind, item_type="statement" if kind == "release" else "news",
                          body="First paragraph of " + title + ".", signature="The Press Office")


def setUpModule():
    global SITE, MEDIA, CLIENT, PUBLIC, DRAFT, GONE, PLAIN, EVENT, SHARED, LATER
    SITE = Site(users=[PUBLISHER]).__enter__()
    MEDIA = Media(SITE.db)
    CLIENT = signed_in(SITE, PUBLISHER)
    PLAIN = create(CLIENT, "A statement without photos", "publish")
    # published, but for a time to come (set in the database: the form would schedule it the same way)
    LATER = {"id": create(CLIENT, "A statement for later", "publish")}
    LATER["photo"] = MEDIA.image(LATER["id"], alt="Later", lead=True, colour=(0, 0, 200))
    SITE.execute("UPDATE item SET published_at = published_at + 86400 WHERE id = ?", (LATER["id"],))
    PUBLIC = {"id": create(CLIENT, "Ambassador meets the press", "publish")}
    PUBLIC["lead"] = MEDIA.image(PUBLIC["id"], alt="The ambassador at the lectern", lead=True,
                                 caption="At the embassy, 5 July", credit="Embassy press office")
    PUBLIC["more"] = MEDIA.image(PUBLIC["id"], alt="Journalists in the hall", colour=(160, 40, 40))
    PUBLIC["decorative"] = MEDIA.image(PUBLIC["id"], decorative=True, size=(600, 200), colour=(10, 10, 10))
    PUBLIC["pdf"] = MEDIA.document(PUBLIC["id"], CYRILLIC_TITLE, "zayavlenie.pdf")
    PUBLIC["long"] = MEDIA.document(PUBLIC["id"], "", "Ж" * 100 + ".PDF", data=b"%PDF-1.4\n% long name\n%%EOF\n")
    EVENT = {"id": create(CLIENT, "A briefing with a photo", "publish", kind="event")}
    EVENT["photo"] = MEDIA.image(EVENT["id"], alt="The briefing room", lead=True, colour=(200, 160, 0))
    DRAFT = {"id": create(CLIENT, "A draft with a photo", "save")}
    DRAFT["photo"] = MEDIA.image(DRAFT["id"], alt="Not yet public", lead=True, colour=(0, 120, 0))
    GONE = {"id": create(CLIENT, "A statement to withdraw", "publish")}
    GONE["photo"] = MEDIA.image(GONE["id"], alt="Withdrawn photo", lead=True, colour=(120, 0, 120))
    GONE["pdf"] = MEDIA.document(GONE["id"], "Withdrawn document")
    # the same document (one file in the store) carried by the item withdrawn below and by a later public one
    SHARED = {"bytes": pdf("Shared annex")}
    MEDIA.document(GONE["id"], "Annex of the withdrawn", data=SHARED["bytes"])
    status, _, body = CLIENT.post(f"/admin/items/{GONE['id']}/withdraw", {"note": "Issued in error."})
    assert status == 303, (status, body[:1000])
    SHARED["id"] = create(CLIENT, "An event sharing a document", "publish", kind="event")
    SHARED["pdf"] = MEDIA.document(SHARED["id"], "Annex", data=SHARED["bytes"])


def tearDownModule():
    SITE.__exit__(None, None, None)


def fetch(path, method="GET", headers=None):
    """(status, headers with lower-case names, body as bytes)."""
    conn = http.client.HTTPConnection("127.0.0.1", SITE.port, timeout=15)
    try:
        conn.request(method, path, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def stored(sha):
    with open(os.path.join(SITE.dir, "media", sha[:2], sha), "rb") as f:
        return f.read()


def page(item_id):
    status, headers, body = SITE.get(f"/releases/{item_id}")
    if status == 301:
        status, headers, body = SITE.get(headers["location"].split(str(SITE.port), 1)[-1])
    assert status == 200, status
    return body


class Serving(unittest.TestCase):
    def test_a_public_photo_is_sent_by_nginx_with_type_length_and_immutable_caching(self):
        for fmt, ext, mime in (("jpeg", "jpg", "image/jpeg"), ("webp", "webp", "image/webp")):
            sha = PUBLIC["lead"][fmt][960]
            status, h, body = fetch(f"/media/{sha}.{ext}")
            self.assertEqual(status, 200, ext)
            self.assertEqual(body, stored(sha))
            self.assertEqual(h["content-type"], mime)
            self.assertEqual(int(h["content-length"]), len(stored(sha)))
            self.assertEqual(h["cache-control"], "public, max-age=31536000, immutable")
            self.assertEqual(h["x-content-type-options"], "nosniff")
            self.assertNotIn("x-accel-redirect", h)
            self.assertNotIn("content-disposition", h)
            # nginx's own validators: a revalidation is answered by nginx without the body
            status, _, body = fetch(f"/media/{sha}.{ext}", headers={"If-None-Match": h["etag"]})
            self.assertEqual((status, body), (304, b""))

    def test_a_range_of_a_document_is_sent_by_nginx(self):
        status, h, body = fetch(f"/media/{PUBLIC['pdf']}.pdf", headers={"Range": "bytes=0-7"})
        self.assertEqual((status, body), (206, stored(PUBLIC["pdf"])[:8]))
        self.assertEqual(h["content-range"], f"bytes 0-7/{len(stored(PUBLIC['pdf']))}")

    def test_head_gives_the_headers_only(self):
        sha = PUBLIC["lead"]["jpeg"][480]
        status, h, body = fetch(f"/media/{sha}.jpg", "HEAD")
        self.assertEqual((status, body), (200, b""))
        self.assertEqual(int(h["content-length"]), len(stored(sha)))

    def test_a_document_is_sent_as_pdf_with_a_cyrillic_download_name(self):
        sha = PUBLIC["pdf"]
        status, h, body = fetch(f"/media/{sha}.pdf")
        self.assertEqual(status, 200)
        self.assertEqual(body, stored(sha))
        self.assertTrue(body.startswith(b"%PDF-"))
        self.assertEqual(h["content-type"], "application/pdf")
        self.assertEqual(int(h["content-length"]), len(body))
        self.assertEqual(h["cache-control"], "public, max-age=31536000, immutable")
        self.assertEqual(h["x-content-type-options"], "nosniff")
        cd = h["content-disposition"]
        # RFC 6266: an ASCII fallback, then the exact name in RFC 5987 encoding
        m = re.fullmatch(r'attachment; filename="([ -~]*)"; filename\*=UTF-8\'\'([A-Za-z0-9!#$&+\-.^_`|~%]+)', cd)
        self.assertIsNotNone(m, cd)
        self.assertEqual(m.group(1), "_ _: _ _.pdf")
        self.assertEqual(urllib.parse.unquote(m.group(2), encoding="utf-8"), CYRILLIC_TITLE + ".pdf")

    def test_a_long_name_is_cut_between_characters_and_keeps_its_pdf_ending(self):
        status, h, _ = fetch(f"/media/{PUBLIC['long']}.pdf")
        self.assertEqual(status, 200)
        m = re.fullmatch(r'attachment; filename="_\.pdf"; filename\*=UTF-8\'\'([A-Za-z0-9%.]+)', h["content-disposition"])
        self.assertIsNotNone(m, h["content-disposition"])
        name = urllib.parse.unquote_to_bytes(m.group(1)).decode("utf-8")  # strict: no half character
        self.assertEqual(name, "Ж" * 60 + ".pdf")

    def test_a_withdrawn_items_files_are_gone(self):
        for path in (f"/media/{GONE['photo']['jpeg'][960]}.jpg", f"/media/{GONE['photo']['webp'][480]}.webp",
                     f"/media/{GONE['pdf']}.pdf"):
            status, h, body = fetch(path)
            self.assertEqual(status, 410, path)
            self.assertNotIn(b"%PDF", body)
            self.assertTrue(h["content-type"].startswith("text/html"))
        self.assertIn("410 GET /media/", SITE.log())

    def test_a_file_a_public_item_still_carries_is_served_after_another_is_withdrawn(self):
        status, h, body = fetch(f"/media/{SHARED['pdf']}.pdf")
        self.assertEqual((status, body), (200, SHARED["bytes"]))
        self.assertIn("filename*=UTF-8''Annex.pdf", h["content-disposition"])  # the public item's title

    def test_a_scheduled_items_files_are_not_found_until_it_is_public(self):
        self.assertEqual(fetch(f"/media/{LATER['photo']['jpeg'][960]}.jpg")[0], 404)

    def test_a_drafts_files_and_original_uploads_are_not_found(self):
        paths = [f"/media/{DRAFT['photo']['jpeg'][960]}.jpg", f"/media/{DRAFT['photo']['webp'][480]}.webp",
                 # the private originals, under every extension
                 f"/media/{PUBLIC['lead']['original']}.jpg", f"/media/{PUBLIC['lead']['original']}.webp",
                 f"/media/{PUBLIC['lead']['original']}.pdf", f"/media/{PUBLIC['lead']['original']}.png",
                 # a public file under another format's extension: one URL per file
                 f"/media/{PUBLIC['lead']['webp'][960]}.jpg", f"/media/{PUBLIC['pdf']}.jpg",
                 "/media/" + "0" * 64 + ".jpg"]
        for path in paths:
            status, _, body = fetch(path)
            self.assertEqual(status, 404, path)
            self.assertNotIn(stored(PUBLIC["lead"]["original"])[:64], body)

    def test_the_internal_location_cannot_be_asked_for(self):
        sha = PUBLIC["lead"]["original"]
        for path in (f"/_media/{sha[:2]}/{sha}", f"/_media/{PUBLIC['lead']['jpeg'][960][:2]}/"
                     f"{PUBLIC['lead']['jpeg'][960]}"):
            status, _, body = fetch(path)
            self.assertEqual(status, 404, path)
            self.assertFalse(body.startswith(b"\x89PNG") or body.startswith(b"\xff\xd8"))

    def test_misspelt_names_are_refused_at_the_gate(self):
        """Before any lookup: the gate's 404 (its own message in the log), never the handler's."""
        sha = PUBLIC["lead"]["jpeg"][960]
        fetch("/media/" + "0" * 64 + ".jpg")  # a well-formed unknown name reaches the handler
        handler = SITE.log().count("No published statement carries this file.")
        self.assertGreater(handler, 0)
        gate = SITE.log().count("There is no file at this address.")
        names = (sha.upper() + ".jpg", sha[:63] + ".jpg", sha + "0.jpg", sha, sha + ".", sha + ".JPG",
                 sha + ".jpeg", sha + ".jpg.html", "g" * 64 + ".jpg", "..%2f..%2fpressroom.db", "%00.jpg",
                 sha + "%00.jpg", sha + ".jpg/x", sha + "%2e.jpg")
        for name in names:
            status, _, _ = fetch("/media/" + name)
            self.assertIn(status, (400, 404), name)
        status, _, _ = fetch("/media/")
        self.assertEqual(status, 404)
        self.assertEqual(SITE.log().count("No published statement carries this file."), handler)
        self.assertGreaterEqual(SITE.log().count("There is no file at this address."), gate + 10)


class DetailPage(unittest.TestCase):
    def test_the_lead_photo_has_srcset_sizes_dimensions_alt_and_caption(self):
        body = page(PUBLIC["id"])
        lead = PUBLIC["lead"]
        webp_set = ", ".join(f"/media/{lead['webp'][w]}.webp {w}w" for w in (480, 960))
        jpeg_set = ", ".join(f"/media/{lead['jpeg'][w]}.jpg {w}w" for w in (480, 960))
        self.assertIn(f'<source type="image/webp" srcset="{webp_set}" sizes="(max-width: 50rem) 100vw, 50rem">', body)
        self.assertIn(f'<img src="/media/{lead["jpeg"][960]}.jpg" srcset="{jpeg_set}" '
                      f'sizes="(max-width: 50rem) 100vw, 50rem" width="960" height="640" '
                      f'alt="The ambassador at the lectern" loading="eager">', body)
        self.assertIn('<span class="caption">At the embassy, 5 July</span> '
                      '<span class="credit">Photo: Embassy press office</span>', body)
        # the lead photo comes before the body, the others after it, lazily
        self.assertLess(body.index(lead["jpeg"][960]), body.index("First paragraph of"))
        more = body.index(f'<img src="/media/{PUBLIC["more"]["jpeg"][960]}.jpg"')
        self.assertGreater(more, body.index("First paragraph of"))
        self.assertIn('alt="Journalists in the hall" loading="lazy">', body[more:more + 600])

    def test_a_decorative_photo_has_an_empty_alt(self):
        body = page(PUBLIC["id"])
        tag = re.search(r'<img src="/media/' + PUBLIC["decorative"]["jpeg"][480] + r'\.jpg"[^>]*>', body).group(0)
        self.assertIn('width="480" height="160" alt="" loading="lazy"', tag)

    def test_documents_are_listed_with_type_and_size(self):
        body = page(PUBLIC["id"])
        size = len(stored(PUBLIC["pdf"]))
        self.assertIn(f'<a href="/media/{PUBLIC["pdf"]}.pdf" type="application/pdf">{CYRILLIC_TITLE}</a> '
                      f'<span class="document-meta">(PDF, {(size + 1023) // 1024} KB)</span>', body)

    def test_social_cards_and_json_ld_show_the_lead_photo(self):
        body = page(PUBLIC["id"])
        base = f"http://127.0.0.1:{SITE.port}"
        url = f"{base}/media/{PUBLIC['lead']['jpeg'][960]}.jpg"
        self.assertIn(f'<meta property="og:image" content="{url}">', body)
        self.assertIn('<meta property="og:image:width" content="960">', body)
        self.assertIn('<meta property="og:image:height" content="640">', body)
        self.assertIn('<meta property="og:image:alt" content="The ambassador at the lectern">', body)
        self.assertIn('<meta name="twitter:card" content="summary_large_image">', body)
        ld = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', body, re.S).group(1))
        self.assertEqual(ld["image"], {"@type": "ImageObject", "url": url, "width": 960, "height": 640})
        # the CSP still allows images from this site only
        self.assertIn("img-src 'self' data:;", SITE.get(f"/releases/{PUBLIC['id']}")[1]["content-security-policy"])

    def test_without_a_photo_the_card_is_a_summary(self):
        body = page(PLAIN)
        self.assertIn('<meta name="twitter:card" content="summary">', body)
        self.assertNotIn("og:image", body)
        self.assertNotIn('"image"', body)
        self.assertNotIn("<figure", body)


class ListsAndFeed(unittest.TestCase):
    def test_the_home_pages_release_has_a_thumbnail(self):
        status, _, body = SITE.get("/")
        self.assertEqual(status, 200)
        # the featured release is the newest public one: PUBLIC (the one withdrawn after it is not public)
        self.assertIn('<a href="/releases/%d-ambassador-meets-the-press">' % PUBLIC["id"], body)
        self.assertIn(f'<source type="image/webp" srcset="/media/{PUBLIC["lead"]["webp"][480]}.webp">'
                      f'<img src="/media/{PUBLIC["lead"]["jpeg"][480]}.jpg" width="160" height="107" '
                      f'alt="The ambassador at the lectern" loading="lazy">', body)
        # the events list: the one event with a photo has its thumbnail, the seed's events none
        self.assertIn(f'<img src="/media/{EVENT["photo"]["jpeg"][480]}.jpg" width="160" height="107" '
                      f'alt="The briefing room" loading="lazy">', body)
        self.assertEqual(body.count('class="item-thumb"'), 2)

    def test_the_feed_carries_images_and_document_enclosures(self):
        status, h, body = SITE.get("/feed.atom")
        self.assertEqual(status, 200)
        base = f"http://127.0.0.1:{SITE.port}"
        size = len(stored(PUBLIC["pdf"]))
        self.assertIn(f'<link rel="enclosure" type="application/pdf" length="{size}" '
                      f'href="{base}/media/{PUBLIC["pdf"]}.pdf" title="{CYRILLIC_TITLE}"/>', body)
        # the photo is in the entry's HTML content, escaped once as XML text
        self.assertIn(f'&lt;img src=&quot;{base}/media/{PUBLIC["lead"]["jpeg"][960]}.jpg&quot;', body)
        self.assertNotIn(DRAFT["photo"]["jpeg"][960], body)
        self.assertNotIn(GONE["pdf"], body)
        import feedparser
        feed = feedparser.parse(body)
        self.assertFalse(feed.bozo, feed.get("bozo_exception"))
        entry = next(e for e in feed.entries if e.title == "Ambassador meets the press")
        self.assertEqual([(x.href, x.type, int(x.length)) for x in entry.enclosures],
                         [(f"{base}/media/{PUBLIC['pdf']}.pdf", "application/pdf", size),
                          (f"{base}/media/{PUBLIC['long']}.pdf", "application/pdf", len(stored(PUBLIC["long"])))])
        self.assertIn(f'{base}/media/{PUBLIC["lead"]["jpeg"][960]}.jpg', entry.content[0].value)


class BehindThePageCache(unittest.TestCase):
    """docs/scaling.md's cached tier with a long page lifetime: a photo is served through it, and after the
    item is withdrawn it answers 410 at once, not after the cache's lifetime."""

    def test_a_withdrawal_is_not_hidden_by_the_page_cache(self):
        from deploy import Deployment
        with Deployment(config={"cache_max_age": "1h", "workers": "2"}, site=("scaling.md", "nginx-cache"),
                        users=[PUBLISHER]) as d:
            client = signed_in(d, PUBLISHER)
            item = create(client, "A photo behind the cache", "publish")
            sha = Media(d.db).image(item, alt="Behind the cache", lead=True)["jpeg"][480]
            with open(os.path.join(os.path.dirname(d.db), "media", sha[:2], sha), "rb") as f:
                size = len(f.read())
            for _ in range(2):
                status, h, _ = d.get(f"/media/{sha}.jpg")
                self.assertEqual(status, 200, d.nginx_log())
                self.assertEqual(int(h["content-length"]), size)
                self.assertEqual(h["cache-control"], "public, max-age=31536000, immutable")
                self.assertEqual(h["x-content-type-options"], "nosniff")
                self.assertIn("max-age=63072000", h["strict-transport-security"])
            status, _, body = client.post(f"/admin/items/{item}/withdraw", {"note": "Withdrawn."})
            self.assertEqual(status, 303, body[:500])
            self.assertEqual(d.get(f"/media/{sha}.jpg")[0], 410)


if __name__ == "__main__":
    harness.main()
