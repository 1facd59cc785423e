"""admin_forms.py: the officers' side of a test as a browser does it: sign in, read a page's forms (hidden
fields, CSRF token and version included), and create, publish, correct and withdraw items through the real
admin forms; or send a statement's fields filled in by hand (statement, post_statement) where a test wants
the server to get exactly those. Every helper asserts what the server must answer (the 200, the 303, the new
item's address), so a test that uses it fails at the step that went wrong, with the page that came back."""
import datetime
import html.parser
import re
import time
import zoneinfo

from harness import Client


class Forms(html.parser.HTMLParser):
    """Every form of a page as a browser would send it: {action: {name: value}}. Checkboxes and radio buttons
    only if checked; the buttons' values are not included (tests add the action they press)."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.forms, self.form, self.textarea, self.select = {}, None, None, None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.form = self.forms.setdefault(a.get("action"), {})
        elif self.form is None:
            return
        elif tag == "input" and a.get("name") and a.get("type") != "submit":
            if a.get("type") not in ("radio", "checkbox") or "checked" in a:
                self.form[a["name"]] = a.get("value") or ""
        elif tag == "textarea":
            self.textarea = a["name"]
            self.form[self.textarea] = ""
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and ("selected" in a or self.select not in self.form):
            self.form[self.select] = a.get("value")

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data):
        if self.textarea and self.form is not None:
            self.form[self.textarea] += data.lstrip("\n") if not self.form[self.textarea] else data


def page(client, path):
    """The page at path, which must answer 200."""
    status, _, body = client.request(path)
    assert status == 200, (path, status, body[:500])
    return body


def page_forms(client, path):
    """Every form of the page at path, as Forms has them."""
    return Forms(page(client, path)).forms


def form_and_page(client, path, action=None):
    """The form posting to action (default: path) on the page at path, as the browser would send it, and the
    page itself."""
    body = page(client, path)
    forms = Forms(body).forms
    assert (action or path) in forms, f"no form posting to {action or path} on {path}: {body[:2000]}"
    return dict(forms[action or path]), body


def form(client, path, action=None):
    """The form posting to action (default: path) on the page at path, as the browser would send it."""
    return form_and_page(client, path, action)[0]


def signed_in(site, who):
    """A client of site signed in through the sign-in form as who, a (name, role, password) user of the
    Site; it holds the session's cookie and CSRF token."""
    client = Client(site)
    status, headers, body = client.login(who[0], who[2])
    assert status == 303, f"signing in as {who[0]}: {status} {body[:500]}"
    return client


def london(t):
    """The form's date and time fields for instant t (Unix seconds) in London, the form's default city."""
    d = datetime.datetime.fromtimestamp(t, zoneinfo.ZoneInfo("Europe/London"))
    return {"date": d.strftime("%Y-%m-%d"), "time": d.strftime("%H:%M"), "zone": "London"}


def at(t):
    """The form's fields that set the publication time to instant t (a future one schedules the item)."""
    return dict(london(t), when="set")


def new_item(client, title, body, action="save", teaser="Teaser.", **fields):
    """An item sent through /admin/new with action pressed ("save": a draft, "publish": published or
    scheduled) and the given fields over the form's own; asserts the 303 to the new item's page and returns
    its id. teaser=None keeps the form's (empty) teaser."""
    f = form(client, "/admin/new")
    f.update(title=title, body=body, action=action, **fields)
    if teaser is not None:
        f["teaser"] = teaser
    status, headers, text = client.post("/admin/new", f)
    assert status == 303, (status, text[:2000])
    return item_id(headers.get("location"))


def item_id(location):
    """The id of the item whose admin page location (a 303's Location) names."""
    m = re.search(r"/admin/items/(\d+)", location or "")
    assert m, f"{location!r} does not lead to an item's page"
    return int(m.group(1))


def statement(title, **fields):
    """A statement's fields filled in by hand, published now in London, without reading the form: for tests
    that send the server exactly these fields (fields override them)."""
    f = {"kind": "release", "item_type": "statement", "title": title, "teaser": "Teaser of " + title,
         "body": "First paragraph.\n\n1. Point one.\n2. Point two.", "signature": "For the Ministry\nof Foreign Affairs"}
    f.update(london(time.time()))
    f.update(fields)
    return f


def post_statement(client, title, action="save", **fields):
    """A statement sent to /admin/new with statement()'s fields and action pressed, the form not read;
    asserts the 303 to the new item's page and returns its id."""
    status, headers, text = client.post("/admin/new", dict(statement(title, **fields), action=action))
    assert status == 303, (status, text[:2000])
    return item_id(headers.get("location"))


def publish(client, title, body="Words.", **fields):
    """An item published (or scheduled, with **at(t)) through /admin/new; returns its id."""
    return new_item(client, title, body, action="publish", **fields)


def correct(client, iid, note, **fields):
    """Saves the item's form with a correction note and the given fields changed; asserts the 303."""
    path = f"/admin/items/{iid}"
    status, _, text = client.post(path, dict(form(client, path), note=note, action="save", **fields))
    assert status == 303, (status, text[:2000])


def withdraw(client, iid, note):
    """Withdraws the item through its confirmation page with note; asserts the 303."""
    path = f"/admin/items/{iid}/withdraw"
    status, _, text = client.post(path, dict(form(client, path), note=note))
    assert status == 303, (status, text[:2000])


def public_path(site, iid):
    """The public page of item iid: /releases/<id>-<slug> or /events/<id>-<slug>."""
    kind, slug = site.query("SELECT kind, slug FROM item WHERE id = ?", (iid,))[0]
    return f"/{'releases' if kind == 'release' else 'events'}/{iid}-{slug}"
