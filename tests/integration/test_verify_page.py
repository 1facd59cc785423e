"""test_verify_page.py: /verify and /ru/verify (issue 15). The page explains how to check a statement (the
files, the minisign command, the key's fingerprint as `pressroom key show` prints it, `pressroom verify`),
and checks a pasted text server-side: exactly a published version (named and linked) or none; CR LF made LF
as the canonical text's rule 1 says, a final line break that copying lost forgiven; a scheduled version
does not count before its time; no login and no CSRF token needed (it changes nothing); bad input is a
clear 400 (empty, not UTF-8, too long) or 413 past body_limit; the hash is looked up through the index on
item_version.text_sha256 (the query plan says so), never a scan. A site without a key says its statements
are not signed, and the check still works."""
import os
import re
import shutil
import sqlite3
import time
import unittest
import urllib.parse

import admin_forms
import harness
from harness import Site, run

ALICE = ("alice", "publisher", "correct horse battery")
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SIGNED = UNSIGNED = KEYDIR = KEY = None


def setUpModule():
    global SIGNED, UNSIGNED, KEYDIR, KEY
    KEYDIR, KEY, conf = harness.signing_config("pressroom-verifypage-")
    SIGNED = Site(users=[ALICE], env={"PRESSROOM_CONFIG": conf}).__enter__()
    UNSIGNED = Site(users=[ALICE]).__enter__()


def tearDownModule():
    SIGNED.__exit__(None, None, None)
    UNSIGNED.__exit__(None, None, None)
    shutil.rmtree(KEYDIR, ignore_errors=True)


def publish(site, title, body="Words.", **extra):
    """Published by a newly signed-in officer: (her client, the item's id, its public path)."""
    client = admin_forms.signed_in(site, ALICE)
    iid = admin_forms.publish(client, title, body, **extra)
    return client, iid, admin_forms.public_path(site, iid)


def paste(site, text, path="/verify"):
    """POST the text as a browser sends a form: no cookie, no CSRF token."""
    body = urllib.parse.urlencode({"text": text}) if isinstance(text, str) else text
    return site.get(path, method="POST", headers={"Content-Type": "application/x-www-form-urlencoded"}, body=body)


def result(page):
    m = re.search(r'<p class="verify-result ([^"]+)" role="status">(.*?)</p>', page, re.S)
    return (m.group(1), m.group(2)) if m else (None, None)


class VerifyPage(unittest.TestCase):
    def test_explains_with_the_fingerprint_and_the_commands(self):
        fingerprint = re.search(r"is ([0-9A-F]{16})", run("key", "show", "--key", KEY).stderr).group(1)
        status, _, page = SIGNED.get("/verify")
        self.assertEqual(status, 200)
        self.assertIn(f'<code class="fingerprint">{fingerprint}</code>', page)
        self.assertIn("minisign -Vm statement.txt -p signing-key.pub", page)
        self.assertIn('href="/signing-key.pub"', page)
        self.assertIn(f"pressroom verify http://127.0.0.1:{SIGNED.port}/", page)
        self.assertNotIn("does not sign", page)
        status, _, ru = SIGNED.get("/ru/verify")
        self.assertEqual(status, 200)
        self.assertIn('<html lang="ru"', ru)
        self.assertIn("Проверить заявление", ru)
        self.assertIn(fingerprint, ru)
        self.assertIn('action="/ru/verify"', ru)
        self.assertIn('href="/verify"', SIGNED.get("/")[2])          # the footer links it
        self.assertIn('href="/ru/verify"', SIGNED.get("/ru/")[2])

    def test_a_pasted_text_is_named_or_matches_none(self):
        client, iid, url = publish(SIGNED, "Statement <to> paste", "The embassy welcomes the treaty.",
                                   signature="Press office")
        admin_forms.correct(client, iid, "Added a word", body="The embassy warmly welcomes the treaty.")
        v1, v2 = SIGNED.get(url + ".v1.txt")[2], SIGNED.get(url + ".v2.txt")[2]
        self.assertTrue(v1.endswith("\nPress office\n"), v1)

        for text, version in ((v1, 1), (v2, 2), (v2.replace("\n", "\r\n"), 2), (v1[:-1], 1)):
            status, _, page = paste(SIGNED, text)
            self.assertEqual(status, 200, page[:300])
            kind, said = result(page)
            self.assertEqual(kind, "verify-match", f"version {version}, {len(text)} bytes: {said}")
            self.assertIn(f'href="{url}.v{version}.txt"', said)
            self.assertIn(f'href="{url}"', said)
            self.assertIn("Statement &lt;to&gt; paste", said)
            self.assertIn("Corrected" if version == 2 else "Published", said)
        # A query string on the form's address (a campaign tag) is ignored, not answered with a redirect
        # that would lose the text.
        status, _, page = paste(SIGNED, v1, "/verify?utm_source=mail")
        self.assertEqual((status, result(page)[0]), (200, "verify-match"))
        status, _, ru = paste(SIGNED, v2, "/ru/verify")
        self.assertEqual(result(ru)[0], "verify-match")
        self.assertIn("Этот текст в точности совпадает", ru)

        # One changed character, an extra line, a text from elsewhere: none.
        for text in (v2.replace("warmly", "warmlY"), v2 + "\n", "pressroom-version: 1\n", "Забудьте это."):
            status, _, page = paste(SIGNED, text)
            self.assertEqual(status, 200)
            self.assertEqual(result(page)[0], "verify-none", text[:60])
        # What was pasted comes back escaped in the form, never as markup.
        status, _, page = paste(SIGNED, "</textarea><script>alert(1)</script>")
        self.assertEqual(status, 200)
        self.assertNotIn("<script>alert", page)
        self.assertIn("&lt;/textarea&gt;&lt;script&gt;", page)
        # and with its line breaks, so it can be checked again as it is
        status, _, page = paste(SIGNED, "line one\nline two")
        self.assertIn(">line one\nline two</textarea>", page)

    def test_a_scheduled_version_does_not_count_before_its_time(self):
        later = int(time.time()) // 60 * 60 + 2 * 86400
        _, iid, _ = publish(SIGNED, "Embargoed text to paste", **admin_forms.at(later))
        text = SIGNED.query("SELECT text FROM item_version WHERE item_id = ?", (iid,))[0][0]
        status, _, page = paste(SIGNED, text)
        self.assertEqual(status, 200)
        self.assertEqual(result(page)[0], "verify-none")
        self.assertNotIn("Embargoed", page.split("<textarea")[0])

    def test_bad_input_is_a_clear_4xx(self):
        for body, status, words in (
                ("text=", 400, "Paste the text"),
                ("", 400, "Paste the text"),
                ("text=%FF%FEpressroom", 400, "not UTF-8"),
                ("text=" + "a" * (512 * 1024 + 1), 400, "longer than any statement"),
                ("text=a&text=b", 400, "more than once")):
            got, _, page = paste(SIGNED, body.encode())
            self.assertEqual(got, status, body[:40])
            self.assertIn(words, page, body[:40])
        got, _, _ = paste(SIGNED, ("text=" + "a" * (2 << 20)).encode())
        self.assertEqual(got, 413)
        got, _, _ = SIGNED.get("/verify", method="POST", headers={"Content-Type": "text/plain"}, body="x")
        self.assertEqual(got, 415)
        self.assertEqual(SIGNED.get("/verify", method="PUT")[0], 405)
        self.assertIn("/verify: form field text contains bytes that are not UTF-8 text", SIGNED.log())

    def test_the_lookup_uses_the_index(self):
        sql = open(os.path.join(ROOT, "sql", "queries.sql"), encoding="utf-8").read()
        query = sql.split("-- name: version_by_sha256\n")[1].split("\n-- name:")[0]
        query = "\n".join(line for line in query.splitlines() if not line.startswith("--"))
        con = sqlite3.connect(SIGNED.db)
        self.addCleanup(con.close)
        plan = " ".join(row[-1] for row in con.execute("EXPLAIN QUERY PLAN " + query, ("0" * 64, 0)))
        self.assertIn("USING INDEX item_version_text_sha256", plan)
        self.assertNotIn("SCAN v", plan)


class UnsignedSite(unittest.TestCase):
    def test_says_statements_are_not_signed_and_still_checks(self):
        status, _, page = UNSIGNED.get("/verify")
        self.assertEqual(status, 200)
        self.assertIn("This site does not sign its statements", page)
        self.assertNotIn("fingerprint", page)
        _, _, url = publish(UNSIGNED, "Unsigned statement to paste")
        text = UNSIGNED.get(url + ".txt")[2]
        status, _, page = paste(UNSIGNED, text)
        self.assertEqual(status, 200)
        self.assertEqual(result(page)[0], "verify-match")


harness.main()
