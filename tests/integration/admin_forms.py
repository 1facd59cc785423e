"""admin_forms.py: the officers' forms as a browser would send them, for tests that publish, correct and
withdraw through the real admin pages (test_key_rotation, test_signed_feeds)."""
import datetime
import html.parser
import re
import zoneinfo


class Forms(html.parser.HTMLParser):
    """Every form of a page as a browser would send it: {action: {name: value}}."""

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


def form(client, path, action=None):
    """The form posting to action (default: path) on the page at path, as the browser would send it."""
    status, _, body = client.request(path)
    assert status == 200, (status, body[:500])
    return dict(Forms(body).forms[action or path])


def publish(client, title, body, signature="The Embassy", kind="release"):
    """A statement published now through /admin/new; returns its id."""
    f = form(client, "/admin/new")
    now = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/London"))
    f.update(kind=kind, item_type="statement", title=title, teaser="Teaser.", body=body, signature=signature,
             date=now.strftime("%Y-%m-%d"), time=now.strftime("%H:%M"), zone="London", action="publish")
    status, headers, text = client.post("/admin/new", f)
    assert status == 303, (status, text[:2000])
    return int(re.search(r"/admin/items/(\d+)", headers["location"]).group(1))


def correct(client, iid, note, **fields):
    path = f"/admin/items/{iid}"
    status, _, text = client.post(path, dict(form(client, path), note=note, action="save", **fields))
    assert status == 303, (status, text[:2000])


def withdraw(client, iid, note):
    path = f"/admin/items/{iid}/withdraw"
    status, _, text = client.post(path, dict(form(client, path), note=note))
    assert status == 303, (status, text[:2000])
