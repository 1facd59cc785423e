"""test_newsroom.py: the newsroom's safety nets (issue 12) over real HTTP through nginx, with two officers'
sessions at once: a stale form or a stale action never overwrites a newer change (409, the officer's text
kept, who changed it and the change word by word), and the saves that follow a merge go through."""
import datetime
import re
import time
import unittest
import urllib.parse
import zoneinfo

import harness
from admin_forms import Forms, london, new_item, page_forms, signed_in
from harness import Client, Site

ALICE = ("alice", "publisher", "correct horse battery")
CAROL = ("carol", "publisher", "another publisher pw")
BOB = ("bob", "editor", "editor password 1")
SITE = None


def setUpModule():
    global SITE
    SITE = Site(users=[ALICE, CAROL, BOB]).__enter__()


def tearDownModule():
    SITE.__exit__(None, None, None)


def stored(iid, column):
    return SITE.query(f"SELECT {column} FROM item WHERE id = ?", (iid,))[0][0]


class LostUpdates(unittest.TestCase):
    def test_a_stale_save_keeps_the_text_names_the_change_and_a_merged_save_goes_through(self):
        alice, carol = signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = new_item(alice, "Statement on the summit", "The embassy condemns the decision of the council.")
        path = f"/admin/items/{iid}"
        mine = page_forms(carol, path)[path]          # carol opens the form ...
        theirs = page_forms(alice, path)[path]        # ... and so does alice
        theirs.update(body="The embassy welcomes the decision of the council.", action="save")
        self.assertEqual(alice.post(path, theirs)[0], 303)  # alice saves first

        mine.update(title="Statement on the summit in Geneva", action="save")
        status, _, body = carol.post(path, mine)
        self.assertEqual(status, 409)
        # Nothing was overwritten: alice's correction stands and carol's title did not land.
        self.assertEqual(stored(iid, "body"), "The embassy welcomes the decision of the council.")
        self.assertEqual(stored(iid, "title"), "Statement on the summit")
        # Carol's text is kept, and she is told who changed what, word by word.
        self.assertIn('value="Statement on the summit in Geneva"', body)
        self.assertIn("Changed by alice at", body)
        self.assertIn("since you opened it", body)
        self.assertIn("<del>condemns </del><ins>welcomes </ins>", body)
        self.assertIn("Nothing was saved", body)
        self.assertIn(f"POST {path}: item {iid} changed since version", SITE.log())

        # The form she got back carries the current version: after merging by hand, her save goes through.
        merged = Forms(body).forms[path]
        self.assertEqual(merged["title"], "Statement on the summit in Geneva")
        merged.update(body="The embassy welcomes the decision of the council.", action="save")
        self.assertEqual(carol.post(path, merged)[0], 303)
        self.assertEqual(stored(iid, "title"), "Statement on the summit in Geneva")
        self.assertEqual(stored(iid, "body"), "The embassy welcomes the decision of the council.")

    def test_the_form_is_checked_against_the_version_even_after_a_preview(self):
        alice, carol = signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = new_item(alice, "Previewed statement", "First text.")
        path = f"/admin/items/{iid}"
        mine = page_forms(carol, path)[path]
        status, _, preview = carol.post(path, dict(mine, action="preview"))
        self.assertEqual(status, 200)
        back = Forms(preview).forms[path]             # the preview's "back to the form" carries the version
        self.assertEqual(back["version"], mine["version"])
        theirs = page_forms(alice, path)[path]
        self.assertEqual(alice.post(path, dict(theirs, body="Second text.", action="save"))[0], 303)
        self.assertEqual(carol.post(path, dict(back, action="save"))[0], 409)
        self.assertEqual(stored(iid, "body"), "Second text.")

    def test_stale_submit_and_publish_are_refused(self):
        bob, alice, carol = signed_in(SITE, BOB), signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = new_item(bob, "Draft for review", "Draft words.")
        path = f"/admin/items/{iid}"
        stale_bob = page_forms(bob, path)[path]
        stale_alice = page_forms(alice, path)[path]
        current = page_forms(carol, path)[path]
        self.assertEqual(carol.post(path, dict(current, body="Better words.", action="save"))[0], 303)

        self.assertEqual(bob.post(path, dict(stale_bob, action="submit"))[0], 409)
        self.assertEqual(stored(iid, "status"), "draft")
        status, _, body = alice.post(path, dict(stale_alice, action="publish"))
        self.assertEqual(status, 409)
        self.assertIn("<del>Draft </del><ins>Better </ins>", body)
        self.assertEqual(stored(iid, "status"), "draft")
        self.assertEqual(SITE.get(f"/releases/{iid}")[0], 404)

    def test_stale_send_back_withdraw_and_share_are_refused(self):
        bob, alice, carol = signed_in(SITE, BOB), signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = new_item(bob, "Submitted statement", "Words to review.", action="submit")
        path = f"/admin/items/{iid}"
        stale = page_forms(alice, path)
        current = page_forms(carol, path)
        self.assertEqual(carol.post(path, dict(current[path], body="Reviewed words.", action="save"))[0], 303)
        status, _, body = alice.post(path + "/sendback", dict(stale[path + "/sendback"], comment="Shorter."))
        self.assertEqual(status, 409)
        self.assertIn("Nothing was done", body)
        self.assertIn("<del>Words to review</del><ins>Reviewed words</ins>.", body)
        self.assertEqual(stored(iid, "status"), "submitted")
        self.assertEqual(alice.post(path + "/share", stale[path + "/share"])[0], 409)
        self.assertEqual(SITE.query("SELECT count(*) FROM preview_link WHERE item_id = ?", (iid,))[0][0], 0)

        # Published; a page from before a correction cannot withdraw it.
        fresh = page_forms(carol, path)[path]
        self.assertEqual(carol.post(path, dict(fresh, action="publish"))[0], 303)
        withdraw = page_forms(alice, path + "/withdraw")[path + "/withdraw"]  # the confirmation page
        fresh = page_forms(carol, path)[path]
        self.assertEqual(carol.post(path, dict(fresh, body="Corrected words.", note="Typo", action="save"))[0], 303)
        status, _, body = alice.post(path + "/withdraw", dict(withdraw, note="Issued in error."))
        self.assertEqual(status, 409)
        self.assertIn("<del>Reviewed </del><ins>Corrected </ins>", body)
        self.assertEqual(stored(iid, "status"), "published")
        # Asked again from now, the action goes through.
        again = page_forms(alice, path + "/withdraw")[path + "/withdraw"]
        self.assertNotEqual(again["version"], withdraw["version"])
        self.assertEqual(alice.post(path + "/withdraw", dict(again, note="Issued in error."))[0], 303)
        self.assertEqual(stored(iid, "status"), "withdrawn")

    def test_an_item_without_revisions_compares_the_officers_text_with_the_saved_one(self):
        alice, carol = signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = SITE.query("SELECT min(id) FROM item WHERE id NOT IN (SELECT item_id FROM revision)")[0][0]
        path = f"/admin/items/{iid}"
        mine = page_forms(alice, path)[path]
        self.assertEqual(mine["version"], "0")            # the seed wrote no revision
        theirs = page_forms(carol, path)[path]
        self.assertEqual(carol.post(path, dict(theirs, note="Typo", action="save",
                                               title=theirs["title"] + " (corrected)"))[0], 303)
        status, _, body = alice.post(path, dict(mine, note="Mine", action="save"))
        self.assertEqual(status, 409)
        self.assertIn("Changed by carol", body)
        self.assertIn("Your text compared with the saved one", body)
        self.assertIn("<ins>(corrected)</ins>", body)

    def test_the_form_says_who_else_opened_it_in_the_last_minutes(self):
        alice, carol = signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = new_item(alice, "Statement two officers open", "Words.")
        path = f"/admin/items/{iid}"
        first = alice.request(path)[2]
        self.assertNotIn("opened this form", first)               # nobody else yet
        body = carol.request(path)[2]
        self.assertRegex(body, r"alice opened this form at <time datetime=\"[^\"]+\">\d\d:\d\d</time> and may be editing it")
        self.assertIn("carol opened this form", alice.request(path)[2])
        # Once alice saves she is no longer editing it.
        self.assertEqual(alice.post(path, dict(Forms(first).forms[path], action="save"))[0], 303)
        self.assertNotIn("alice opened this form", carol.request(path)[2])
        # An opening older than ten minutes no longer counts (times set in the database).
        carol_id = SITE.query("SELECT id FROM user WHERE name = 'carol'")[0][0]
        SITE.execute("UPDATE item_editing SET opened_at = opened_at - 660 WHERE item_id = ? AND user_id = ?", (iid, carol_id))
        self.assertNotIn("carol opened this form", alice.request(path)[2])

    def test_a_version_that_is_not_a_number_is_a_400(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Versioned", "Text.")
        path = f"/admin/items/{iid}"
        form = page_forms(alice, path)[path]
        self.assertEqual(alice.post(path, dict(form, version="x", action="save"))[0], 400)
        self.assertEqual(alice.post(path, dict(form, version="-1", action="save"))[0], 400)


class Dates(unittest.TestCase):
    def test_publish_on_an_old_draft_publishes_now(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Draft written days ago", "Old words.")
        three_days_ago = int(time.time()) - 3 * 86400
        SITE.execute("UPDATE item SET published_at = ? WHERE id = ?", (three_days_ago, iid))
        path = f"/admin/items/{iid}"
        form = page_forms(alice, path)[path]
        self.assertEqual(form["when"], "now")          # the form says which time Publish uses
        self.assertEqual(form["date"], london(three_days_ago)["date"])
        before = int(time.time())
        status, headers, _ = alice.post(path, dict(form, action="publish"))
        after = int(time.time())
        self.assertEqual(status, 303)
        self.assertIn("done=published", headers["location"])
        self.assertTrue(before <= stored(iid, "published_at") <= after)
        detail = SITE.query("SELECT detail FROM audit WHERE action = 'publish' AND item_id = ?", (iid,))[0][0]
        self.assertNotIn("backdated", detail)

    def test_a_past_time_asks_for_confirmation_and_is_audited_as_backdated(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Statement of last week", "Words.")
        path = f"/admin/items/{iid}"
        past = int(time.time()) // 60 * 60 - 3 * 86400
        form = dict(page_forms(alice, path)[path], when="set", action="publish", **london(past))
        status, _, body = alice.post(path, form)
        self.assertEqual(status, 200)
        long_date = datetime.datetime.fromtimestamp(past, zoneinfo.ZoneInfo("Europe/London"))
        self.assertIn(f"This will appear as published on {long_date.day} {long_date.strftime('%B %Y')}, 3 days ago",
                      body)
        self.assertEqual(stored(iid, "status"), "draft")     # nothing published yet
        self.assertEqual(SITE.query("SELECT count(*) FROM audit WHERE action = 'publish' AND item_id = ?", (iid,))[0][0], 0)
        # A confirmation of another instant does not count.
        self.assertEqual(alice.post(path, dict(form, confirm=str(past - 60)))[0], 200)
        self.assertEqual(stored(iid, "status"), "draft")
        # The page's own "Yes, publish as of ..." does.
        confirmed = Forms(body).forms[path]
        self.assertEqual(confirmed["confirm"], str(past))
        status, _, _ = alice.post(path, dict(confirmed, action="publish"))
        self.assertEqual(status, 303)
        self.assertEqual(stored(iid, "status"), "published")
        self.assertEqual(stored(iid, "published_at"), past)
        detail = SITE.query("SELECT detail FROM audit WHERE action = 'publish' AND item_id = ?", (iid,))[0][0]
        self.assertIn("backdated", detail)

    def test_scheduled_item_can_be_unscheduled_rescheduled_and_previewed(self):
        alice, carol = signed_in(SITE, ALICE), signed_in(SITE, CAROL)
        iid = new_item(alice, "Embargoed statement", "Under embargo.")
        path = f"/admin/items/{iid}"
        tomorrow = int(time.time()) // 60 * 60 + 86400
        form = dict(page_forms(alice, path)[path], when="set", action="publish", **london(tomorrow))
        status, headers, _ = alice.post(path, form)
        self.assertEqual((status, "done=scheduled" in headers["location"]), (303, True))
        self.assertEqual(stored(iid, "published_at"), tomorrow)

        # A secret preview link, shown as a full address, works for the embargoed item.
        forms = page_forms(alice, path)
        self.assertEqual(forms[path]["when"], "set")    # a scheduled item keeps its time by default
        status, _, body = alice.post(path + "/share", forms[path + "/share"])
        self.assertEqual(status, 200)
        link = re.search(r'<input id="share-url"[^>]* readonly value="(http://[^"]+/preview/[0-9a-f]{64})"', body)
        self.assertIsNotNone(link, body)
        status, _, preview = SITE.get(link.group(1)[link.group(1).index("/preview/"):])
        self.assertEqual(status, 200)
        self.assertIn("Embargoed", preview)
        self.assertEqual(SITE.get(f"/releases/{iid}")[0], 404)

        # Rescheduled from its page: a later time.
        later = tomorrow + 3600
        forms = page_forms(carol, path)
        status, _, _ = carol.post(path, dict(forms[path], when="set", action="publish", **london(later)))
        self.assertEqual(status, 303)
        self.assertEqual(stored(iid, "published_at"), later)
        self.assertEqual(stored(iid, "status"), "published")

        # Unscheduled: back to draft, audited, and not public when the time comes.
        forms = page_forms(alice, path)
        status, headers, _ = alice.post(path, dict(forms[path], action="unschedule"))
        self.assertEqual(status, 303)
        self.assertIn("done=unscheduled", headers["location"])
        self.assertEqual(stored(iid, "status"), "draft")
        self.assertEqual(SITE.query("SELECT count(*) FROM audit WHERE action = 'unschedule' AND item_id = ?", (iid,))[0][0], 1)
        self.assertIn("Unscheduled: it is a draft again", alice.request(path + "?done=unscheduled")[2])
        # A second unschedule (an item no longer scheduled) is refused.
        again = page_forms(alice, path)[path]
        self.assertEqual(alice.post(path, dict(again, action="unschedule"))[0], 409)

    def test_an_editor_cannot_unschedule(self):
        alice, bob = signed_in(SITE, ALICE), signed_in(SITE, BOB)
        iid = new_item(alice, "Scheduled by a publisher", "Words.")
        path = f"/admin/items/{iid}"
        form = dict(page_forms(alice, path)[path], when="set", action="publish", **london(int(time.time()) + 86400))
        self.assertEqual(alice.post(path, form)[0], 303)
        self.assertNotIn('value="unschedule"', bob.request(path)[2])
        bob_form = dict(page_forms(bob, path)[path], **{k: form[k] for k in ("title", "body", "date", "time", "zone")})
        self.assertEqual(bob.post(path, dict(bob_form, action="unschedule"))[0], 403)
        self.assertEqual(stored(iid, "status"), "published")


class NothingLost(unittest.TestCase):
    BODY = "A long statement typed while the session ran out.\n\nSecond paragraph: «Слова по-русски»."

    def test_a_post_after_the_session_ended_keeps_every_field_through_sign_in(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Statement being written", "First words.")
        path = f"/admin/items/{iid}"
        form = dict(page_forms(alice, path)[path], title="Statement being finished", body=self.BODY,
                    signature="The Ambassador", action="save")
        # The session ends while she types: past the idle limit, set in the database.
        SITE.execute("UPDATE session SET last_seen = last_seen - 400000, created_at = created_at - 400000 "
                     "WHERE user_id = (SELECT id FROM user WHERE name = 'alice')")
        status, headers, body = alice.post(path, form)
        self.assertEqual(status, 401)
        self.assertIn("Nothing you typed is lost", body)
        self.assertEqual(stored(iid, "body"), "First words.")     # not saved without a session
        sign_in = Forms(body).forms["/admin/login"]
        self.assertEqual(sign_in["return_to"], path)
        self.assertEqual(sign_in["body"], self.BODY)
        self.assertEqual(sign_in["title"], "Statement being finished")
        self.assertNotIn("action", sign_in)                        # signing in saves nothing by itself
        self.assertIn(f"POST {path}: session ended; the form's fields are carried", SITE.log())

        # A wrong password keeps them too.
        status, _, body = alice.post("/admin/login", dict(sign_in, username="alice", password="wrong"))
        self.assertEqual(status, 401)
        sign_in = Forms(body).forms["/admin/login"]
        self.assertEqual(sign_in["body"], self.BODY)

        status, headers, body = alice.post("/admin/login", dict(sign_in, username="alice", password=ALICE[2]))
        self.assertEqual(status, 200)
        self.assertIn("pressroom_session", alice.cookies)
        self.assertEqual(stored(iid, "body"), "First words.")     # still nothing saved
        filled = Forms(body).forms[path]
        self.assertEqual(filled["title"], "Statement being finished")
        self.assertEqual(filled["body"], self.BODY)
        self.assertEqual(filled["signature"], "The Ambassador")
        self.assertEqual(filled["csrf"], alice.csrf)               # the new session's token
        status, _, _ = alice.post(path, dict(filled, action="save"))
        self.assertEqual(status, 303)
        self.assertEqual(stored(iid, "body"), self.BODY)
        self.assertEqual(stored(iid, "title"), "Statement being finished")

    def test_a_new_statement_survives_the_session_ending_too(self):
        alice = signed_in(SITE, ALICE)
        form = dict(page_forms(alice, "/admin/new")["/admin/new"], title="Brand new words", body=self.BODY,
                    action="save")
        SITE.execute("UPDATE session SET ended_at = created_at WHERE user_id = (SELECT id FROM user WHERE name = 'alice')")
        status, _, body = alice.post("/admin/new", form)
        self.assertEqual(status, 401)
        sign_in = Forms(body).forms["/admin/login"]
        self.assertEqual(sign_in["return_to"], "/admin/new")
        status, _, body = alice.post("/admin/login", dict(sign_in, username="alice", password=ALICE[2]))
        self.assertEqual(status, 200)
        filled = Forms(body).forms["/admin/new"]
        self.assertEqual(filled["body"], self.BODY)
        self.assertEqual(SITE.query("SELECT count(*) FROM item WHERE title = 'Brand new words'")[0][0], 0)
        status, _, _ = alice.post("/admin/new", dict(filled, action="save"))
        self.assertEqual(status, 303)
        self.assertEqual(SITE.query("SELECT body FROM item WHERE title = 'Brand new words'")[0][0], self.BODY)

    def test_a_stale_token_from_a_live_officer_shows_the_form_again_unsaved(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Stale token", "Before.")
        path = f"/admin/items/{iid}"
        form = dict(page_forms(alice, path)[path], body="Typed in an old tab.", action="save")
        self.assertEqual(alice.login(ALICE[0], ALICE[2])[0], 303)  # signed in again elsewhere: a new token
        self.assertNotEqual(alice.csrf, form["csrf"])
        status, _, body = alice.post(path, form)                   # the old tab's form, old token
        self.assertEqual(status, 200)
        self.assertIn("Nothing was saved yet, and nothing you typed is lost", body)
        self.assertEqual(stored(iid, "body"), "Before.")
        filled = Forms(body).forms[path]
        self.assertEqual(filled["body"], "Typed in an old tab.")
        self.assertEqual(alice.post(path, dict(filled, action="save"))[0], 303)
        self.assertEqual(stored(iid, "body"), "Typed in an old tab.")

    def test_forged_posts_are_still_refused(self):
        # Only a form this browser's officer was given is carried: a made-up token gets the plain 403,
        # without a session, with an ended one, or with a live one.
        c = Client(SITE)
        forged = {"title": "Forged", "body": "x", "action": "save", "csrf": "a" * 64}
        self.assertEqual(c.post("/admin/new", forged)[0], 403)
        carol = signed_in(SITE, CAROL)
        status, _, body = carol.post("/admin/new", forged)
        self.assertEqual(status, 403)
        self.assertNotIn("Forged", body)
        SITE.execute("UPDATE session SET ended_at = created_at WHERE user_id = (SELECT id FROM user WHERE name = 'carol')")
        status, _, body = carol.post("/admin/new", forged)
        self.assertEqual(status, 403)
        self.assertNotIn("Forged", body)
        self.assertEqual(SITE.query("SELECT count(*) FROM item WHERE title = 'Forged'")[0][0], 0)
        # A return_to that is not an item form is a 400.
        c.request("/admin/login")
        self.assertEqual(c.post("/admin/login", {"username": "alice", "password": ALICE[2],
                                                  "return_to": "https://elsewhere.example/"})[0], 400)


class Withdraw(unittest.TestCase):
    def test_withdraw_asks_on_its_own_page_and_needs_a_note(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Statement to take back", "Words.", action="publish")
        path = f"/admin/items/{iid}"
        item_page = alice.request(path)[2]
        self.assertNotIn('action="' + path + '/withdraw"', item_page)   # no one-click withdrawal
        self.assertIn(f'href="{path}/withdraw"', item_page)
        status, _, body = alice.request(path + "/withdraw")
        self.assertEqual(status, 200)
        self.assertIn("Withdraw “Statement to take back”?", body)
        self.assertEqual(stored(iid, "status"), "published")            # asking changed nothing
        form = Forms(body).forms[path + "/withdraw"]
        status, _, body = alice.post(path + "/withdraw", dict(form, note=""))
        self.assertEqual(status, 422)
        self.assertIn("Say why the item is withdrawn", body)
        self.assertEqual(stored(iid, "status"), "published")
        status, headers, _ = alice.post(path + "/withdraw", dict(form, note="Issued in error."))
        self.assertEqual(status, 303)
        self.assertEqual(stored(iid, "status"), "withdrawn")
        self.assertEqual(SITE.get(f"/releases/{iid}")[0], 410)
        self.assertEqual(alice.request(path + "/withdraw")[0], 409)      # nothing left to withdraw


class Revisions(unittest.TestCase):
    def revisions(self, iid):
        return SITE.query("SELECT id, action, title, body FROM revision WHERE item_id = ? ORDER BY id", (iid,))

    def test_open_compare_and_restore_as_a_new_revision(self):
        alice = signed_in(SITE, ALICE)
        iid = new_item(alice, "Statement, first wording", "Первый вариант текста. The embassy <b>regrets</b>.")
        path = f"/admin/items/{iid}"
        form = page_forms(alice, path)[path]
        self.assertEqual(alice.post(path, dict(form, title="Statement, second wording",
                                               body="Второй вариант текста. The embassy welcomes.", action="save"))[0], 303)
        first, second = self.revisions(iid)
        self.assertIn(f'href="{path}/revisions?rev={first[0]}"', alice.request(path)[2])

        # The list offers every revision to compare.
        status, _, body = alice.request(path + "/revisions")
        self.assertEqual(status, 200)
        self.assertIn(f'name="rev" value="{first[0]}"', body)
        self.assertIn(f'name="to" value="{second[0]}"', body)

        # One revision, read-only, as it was (escaped like everything else).
        status, _, body = alice.request(f"{path}/revisions?rev={first[0]}")
        self.assertEqual(status, 200)
        self.assertIn("Statement, first wording", body)
        self.assertIn("The embassy &lt;b&gt;regrets&lt;/b&gt;.", body)
        self.assertNotIn("<b>regrets</b>", body)
        self.assertIn("Read-only", body)

        # Two compared word by word: Cyrillic words whole, markup shown as text.
        status, _, body = alice.request(f"{path}/revisions?rev={first[0]}&to={second[0]}")
        self.assertEqual(status, 200)
        self.assertIn("<del>first </del><ins>second </ins>wording", body)
        self.assertIn("<del>Первый </del><ins>Второй </ins>вариант текста.", body)
        self.assertIn("<del>&lt;b&gt;regrets&lt;/b&gt;</del><ins>welcomes</ins>", body)

        # Restore the first: a new revision; the old ones remain; audited.
        restore = Forms(alice.request(f"{path}/revisions?rev={first[0]}")[2]).forms[f"{path}/restore?rev={first[0]}"]
        status, headers, _ = alice.post(f"{path}/restore?rev={first[0]}", restore)
        self.assertEqual(status, 303)
        self.assertEqual(stored(iid, "title"), "Statement, first wording")
        self.assertEqual(stored(iid, "body"), first[3])
        revs = self.revisions(iid)
        self.assertEqual(revs[:2], [first, second])
        self.assertEqual((revs[2][1], revs[2][2]), ("restore", "Statement, first wording"))
        detail = SITE.query("SELECT detail FROM audit WHERE action = 'restore' AND item_id = ?", (iid,))[0][0]
        self.assertIn(f"revision {first[0]}", detail)

        # The same restore from the now stale page is refused: nothing more is written.
        status, _, body = alice.post(f"{path}/restore?rev={second[0]}", restore)
        self.assertEqual(status, 409)
        self.assertEqual(len(self.revisions(iid)), 3)

    def test_a_long_body_is_compared_inside_the_sandboxed_worker(self):
        # About 50 KB: the diff's working memory is then megabytes, allocated under the worker's seccomp.
        alice = signed_in(SITE, ALICE)
        paragraphs = [f"Paragraph {i} of the long statement says what the ministry stated about item {i}." for i in range(640)]
        iid = new_item(alice, "Long statement", "\n\n".join(paragraphs))
        self.assertGreater(len(stored(iid, "body")), 50000)
        path = f"/admin/items/{iid}"
        changed = list(paragraphs)
        changed[300] = changed[300].replace("stated", "announced")
        changed.append(changed.pop(0))  # the first paragraph moved to the end
        self.assertEqual(alice.post(path, dict(page_forms(alice, path)[path], body="\n\n".join(changed), action="save"))[0], 303)
        first, second = [r[0] for r in self.revisions(iid)]
        status, _, body = alice.request(f"{path}/revisions?rev={first}&to={second}")
        self.assertEqual(status, 200)
        self.assertIn("<del>stated </del><ins>announced </ins>about item 300.", body)
        diff = "".join(re.findall(r'<div class="diff">(.*?)</div>', body, re.S))
        self.assertEqual(diff.count("<del>"), 2)
        self.assertEqual(diff.count("<ins>"), 2)
        # The moved paragraph goes and comes whole, from its first word to its line break.
        self.assertIn(f"<del>{paragraphs[0]}\n\n</del>", diff)
        self.assertIn(f"<ins>{paragraphs[0]}</ins>", diff)

    def test_revisions_of_another_item_are_not_found(self):
        alice = signed_in(SITE, ALICE)
        a = new_item(alice, "One item", "One.")
        b = new_item(alice, "Other item", "Other.")
        rev_b = self.revisions(b)[0][0]
        self.assertEqual(alice.request(f"/admin/items/{a}/revisions?rev={rev_b}")[0], 404)
        self.assertEqual(alice.request(f"/admin/items/{a}/revisions?rev=x")[0], 400)
        self.assertEqual(alice.request(f"/admin/items/{a}/revisions?to=1")[0], 400)


class Account(unittest.TestCase):
    def test_changing_the_password_ends_every_other_session(self):
        dave = ("dave", "editor", "daves first password")
        Site.check(harness.run("user", "add", dave[0], "--role", dave[1], "--db", SITE.db, input=dave[2] + "\n"))
        here, elsewhere = signed_in(SITE, dave), signed_in(SITE, dave)
        self.assertEqual(SITE.query("SELECT count(*) FROM login_device WHERE user_id = (SELECT id FROM user WHERE name = 'dave')")[0][0], 2)
        form = page_forms(here, "/admin/account")["/admin/account"]

        status, _, body = here.post("/admin/account", dict(form, password="not my password", new_password="a brand new password"))
        self.assertEqual(status, 403)
        self.assertIn("The current password is wrong", body)
        self.assertEqual(elsewhere.request("/admin")[0], 200)          # nothing changed
        self.assertEqual(here.post("/admin/account", dict(form, password=dave[2], new_password="short"))[0], 422)

        status, headers, _ = here.post("/admin/account", dict(form, password=dave[2], new_password="a brand new password"))
        self.assertEqual(status, 303)
        self.assertIn("Your password is changed", here.request(headers["location"])[2])
        self.assertEqual(here.request("/admin")[0], 200)               # this session stays
        status, headers, _ = elsewhere.request("/admin")
        self.assertEqual(status, 303)                                  # the other one has ended
        self.assertTrue(headers["location"].endswith("/admin/login"))
        self.assertEqual(SITE.query("SELECT count(*) FROM login_device WHERE user_id = (SELECT id FROM user WHERE name = 'dave')")[0][0], 0)
        self.assertEqual(Client(SITE).login(dave[0], dave[2])[0], 401)
        self.assertEqual(Client(SITE).login(dave[0], "a brand new password")[0], 303)
        actions = [a for (a,) in SITE.query("SELECT action FROM audit WHERE username = 'dave' ORDER BY id")]
        self.assertIn("password-change-refused", actions)
        self.assertIn("password-change", actions)
        hashed = SITE.query("SELECT password_hash FROM user WHERE name = 'dave'")[0][0]
        self.assertTrue(hashed.startswith("$argon2id$"))


class AdminList(unittest.TestCase):
    def test_filter_by_status_and_search_titles(self):
        alice = signed_in(SITE, ALICE)
        draft = new_item(alice, "Zebra draft note", "Words.")
        public = new_item(alice, "Zebra public statement", "Words.", action="publish")
        path = f"/admin/items/{draft}"
        rows = lambda body: re.findall(r'<tr class="status-(\w+)">\s*<td><time[^>]*>[^<]*</time></td>\s*<td><a href="/admin/items/(\d+)"', body)

        status, _, body = alice.request("/admin?q=zebra")
        self.assertEqual(status, 200)
        self.assertEqual(sorted(int(i) for _, i in rows(body)), sorted([draft, public]))
        status, _, body = alice.request("/admin?status=draft&q=Zebra")
        self.assertEqual([(s, int(i)) for s, i in rows(body)], [("draft", draft)])
        self.assertIn('<option value="draft" selected>', body)
        self.assertIn('value="Zebra"', body)
        body = alice.request("/admin?status=published&q=Zebra")[2]
        self.assertEqual([(s, int(i)) for s, i in rows(body)], [("published", public)])
        # Scheduled is told apart from published, as the status column says.
        form = dict(page_forms(alice, path)[path], when="set", action="publish", **london(int(time.time()) + 86400))
        self.assertEqual(alice.post(path, form)[0], 303)
        body = alice.request("/admin?status=scheduled")[2]
        self.assertEqual([(s, int(i)) for s, i in rows(body)], [("scheduled", draft)])
        self.assertNotIn(f'/admin/items/{draft}"', alice.request("/admin?status=published")[2])
        # LIKE's wildcards are plain characters; nothing matches, and the page says so.
        body = alice.request("/admin?q=%25")[2]
        self.assertEqual(rows(body), [])
        self.assertIn("No item has that status and title.", body)
        self.assertEqual(alice.request("/admin?status=lost")[0], 400)

    def test_search_finds_cyrillic_titles_in_any_case(self):
        # SQLite's LIKE folds ASCII only: "заявление" did not find "Заявление".
        alice = signed_in(SITE, ALICE)
        ru = new_item(alice, "Заявление о Зебропарке «Ёлка»", "Слова.")
        en = new_item(alice, "Statement on the Zebropark", "Words.")
        found = lambda q: [int(i) for i in re.findall(r'<td><a href="/admin/items/(\d+)"',
                                                      alice.request("/admin?q=" + urllib.parse.quote(q))[2])]
        for q in ("зебропарке", "ЗЕБРОПАРКЕ", "Зебропарке", "зЕБРОПАРК", "о зебропарке «ёлка»", "О ЗЕБРОПАРКЕ «ЁЛКА»"):
            self.assertEqual(found(q), [ru], q)
        self.assertEqual(found("ZEBROPARK"), [en])
        self.assertEqual(found("зебропаркеx"), [])


class PublicPages(unittest.TestCase):
    def test_home_lists_the_releases_before_the_featured_one(self):
        alice = signed_in(SITE, ALICE)
        first = new_item(alice, "Earlier release of the morning", "Morning.", action="publish")
        second = new_item(alice, "Later release of the morning", "Noon.", action="publish")
        body = SITE.get("/")[2]
        featured = re.search(r'<article class="item item-full latest-release">.*?</article>', body, re.S).group(0)
        self.assertIn("Later release of the morning", featured)
        others = re.search(r'<section class="other-releases".*?</section>', body, re.S)
        self.assertIsNotNone(others)
        self.assertIn("Earlier release of the morning", others.group(0))
        self.assertIn(f'href="/releases/{first}-earlier-release-of-the-morning"', others.group(0))
        self.assertNotIn("Later release of the morning", others.group(0))
        self.assertRegex(others.group(0), r'<time datetime="[^"]+">[^<]+</time> <a')
        self.assertLessEqual(others.group(0).count("<li>"), 4)
        self.assertGreater(second, first)

    def test_the_two_search_forms_of_messages_have_distinct_names(self):
        body = SITE.get("/messages")[2]
        labels = re.findall(r'<form class="[^"]*" role="search" aria-label="([^"]+)"', body)
        self.assertEqual(len(labels), 2)
        self.assertEqual(len(set(labels)), 2)


if __name__ == "__main__":
    harness.main()
