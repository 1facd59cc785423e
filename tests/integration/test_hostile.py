"""test_hostile.py: a table of hostile requests sent through nginx to the application. Every one must get
a clear 4xx (nginx's styled refusal or the application's styled error page) and a log line; none may get
a 5xx, hang, or kill a worker. A login storm is throttled. The suite ends by counting worker restarts."""
import re
import socket
import unittest
import urllib.parse

import harness
from harness import Client, Site

ROUTES = ["/", "/messages", "/releases/1", "/events/2", "/feed.atom", "/sitemap.xml", "/robots.txt",
          "/admin", "/admin/login", "/admin/new", "/admin/items/1", "/admin/log", "/admin/logout",
          "/admin/items/1/withdraw", "/preview/" + "a" * 64]
ALLOWED = {"/admin/login": {"GET", "HEAD", "POST"}, "/admin/new": {"GET", "HEAD", "POST"},
           "/admin/items/1": {"GET", "HEAD", "POST"}, "/admin/logout": {"POST"},
           "/admin/items/1/withdraw": {"GET", "HEAD", "POST"}}


def hostile_requests():
    """(name, method, target, headers, body, expected statuses)."""
    cases = []

    def add(name, target, expect, method="GET", headers=None, body=None):
        cases.append((name, method, target, headers or {}, body, expect))

    # Over-long URLs and headers.
    add("long url 20k", "/" + "a" * 20000, {414})
    add("long url 100k", "/messages?q=" + "b" * 100000, {414})
    add("long query 17k", "/messages?page=" + "1" * 17000, {400, 414})
    add("long header", "/", {400, 494}, headers={"X-Junk": "c" * 20000})
    add("long cookie", "/admin", {400, 494}, headers={"Cookie": "pressroom_session=" + "d" * 20000})
    add("many headers", "/", {400, 494}, headers={f"X-H{i}": "e" * 100 for i in range(700)})
    # NUL, control characters, invalid and overlong UTF-8.
    for raw in ("%00", "a%00b", "%01", "%7f", "%0d%0aSet-Cookie:%20x=1", "%0a", "%09"):
        add(f"control in path {raw}", "/messages" + raw, {400})
        add(f"control in id {raw}", "/releases/1" + raw, {400})
        add(f"control in page {raw}", "/messages?page=1" + raw, {400})
    for raw in ("%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F8%88%80%80%80", "%FF", "%C3", "%F4%90%80%80", "%80"):
        add(f"bad utf-8 path {raw}", "/" + raw, {400})
        add(f"bad utf-8 type {raw}", "/messages?type=" + raw, {400})
    for raw in ("%", "%2", "%zz", "%%", "%g0"):
        add(f"bad escape {raw}", "/messages?page=" + raw, {400})
        add(f"bad escape path {raw}", "/x" + raw, {400})
    # Traversal and double encoding.
    for t in ("/%2e%2e/%2e%2e/etc/passwd", "/releases/..%2f..%2fetc%2fpasswd", "/releases/%252e%252e%252f",
              "/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/..%5c..%5cwindows",
              "/admin/../admin/log", "/releases/1/../../admin", "//etc/passwd", "/.git/config", "/.env",
              "/releases/1%2f..", "/messages/", "/events/", "/admin/items/"):
        add(f"path {t}", t, {400, 403, 404, 303})
    # SQL and template metacharacters where they do not belong.
    for t in ("/releases/1'%20OR%20'1'='1", "/releases/1;DROP%20TABLE%20item", "/events/1%20UNION%20SELECT",
              "/messages?page=1'--", "/messages?year=2018%20OR%201=1", "/messages?type=releases'",
              "/{{SITE_NAME}}", "/releases/{{%23X}}", "/messages?type={{SITE_NAME}}", "/%7B%7B%3EHEADER%7D%7D",
              "/releases/1%27", "/messages?month=1%20OR%201", "/admin/items/1'"):
        add(f"meta {t}", t, {400, 404, 303})
    # Huge, negative and non-numeric ids and page numbers.
    for v in ("0", "-1", "-0", "+1", "1e3", "0x10", "99999999999999999999", "9223372036854775808", "1.0", " 1",
              "abc", "", "١", "1" * 40, "00000000000000000001"):
        add(f"id {v!r}", "/releases/" + urllib.parse.quote(v), {404})
        add(f"page {v!r}", "/messages?page=" + urllib.parse.quote(v), {400})
    for v in ("0", "-2018", "99999", "20x8", "2018.5", "1899", "2201"):
        add(f"year {v}", "/messages?year=" + v, {400})
    # Duplicated parameters: the first counts, the URL is not canonical (test_canonical.py).
    for q in ("page=1&page=2", "type=events&type=events", "year=2018&year=2018", "month=1&year=2018&month=1"):
        add(f"duplicate {q}", "/messages?" + q, {301})
    # Every method a URL does not take.
    for route in ROUTES:
        allowed = ALLOWED.get(route, {"GET", "HEAD"})
        for method in ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "PROPFIND", "FOO"):
            if method in allowed:
                continue
            add(f"{method} {route}", route, {405, 400, 403, 415}, method=method,
                headers={"Content-Type": "application/x-www-form-urlencoded"}, body="")
    # Forms: no session, wrong types, malformed and over-long bodies.
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    add("post without session", "/admin/new", {403}, "POST", form, "title=x&action=save")
    add("post without csrf login", "/admin/login", {403}, "POST", form, "username=a&password=b")
    add("post text/plain", "/admin/login", {415}, "POST", {"Content-Type": "text/plain"}, "username=a")
    add("post json", "/admin/login", {415}, "POST", {"Content-Type": "application/json"}, '{"a":1}')
    add("post multipart", "/admin/login", {415}, "POST", {"Content-Type": "multipart/form-data; boundary=x"}, "--x--")
    add("post no type", "/admin/login", {415}, "POST", {}, "username=a")
    add("post bad escape", "/admin/login", {400}, "POST", form, "username=%zz&password=x")
    add("post truncated escape", "/admin/login", {400}, "POST", form, "username=a%2")
    add("post nul", "/admin/login", {400}, "POST", form, "username=a%00b")
    add("post raw nul", "/admin/login", {400}, "POST", form, "username=a\x00b")
    add("post 65 fields", "/admin/login", {400}, "POST", form, "&".join(f"f{i}=1" for i in range(65)))
    add("post duplicate csrf", "/admin/login", {403}, "POST", form, "csrf=" + "a" * 64 + "&csrf=" + "a" * 64)
    add("post over nginx limit", "/admin/login", {413}, "POST", form, "a=" + "x" * (1 << 20))
    add("post over 2 MiB", "/admin/new", {413}, "POST", form, "a=" + "x" * (2 << 20))
    add("bad content-length", "/admin/login", {400}, "POST", dict(form, **{"Content-Length": "-5"}), None)
    add("two content-lengths", "/admin/login", {400}, "POST",
        dict(form, **{"Content-Length": "3", "content-length": "5"}), "a=b")
    # CRLF aimed at headers, cookies and redirects.
    add("crlf in cookie", "/admin", {303, 400}, headers={"Cookie": "pressroom_session=x\\r\\nSet-Cookie: y"})
    add("crlf in redirect target", "/releases/1%0d%0aLocation:%20http://evil", {400})
    add("bare cr in host", "/", {400}, headers={"Host": "evil\rX: y"})
    add("bad host", "/", {400}, headers={"Host": "a b"})
    add("forged session", "/admin", {303}, headers={"Cookie": "pressroom_session=" + "0" * 64})
    add("forged session twice", "/admin", {303},
        headers={"Cookie": "pressroom_session=" + "0" * 64 + "; pressroom_session=" + "1" * 64})
    add("preview forged", "/preview/" + "0" * 64, {404})
    add("preview short", "/preview/abc", {404})
    add("sitemap part junk", "/sitemap/../../x.xml", {400, 404})
    add("sitemap part huge", "/sitemap/99999999999999.xml", {404})
    return cases


def send_raw(site, method, target, headers, body):
    """Send one request exactly as given (http.client would refuse some of these); returns status."""
    lines = [f"{method} {target} HTTP/1.1", f"Host: 127.0.0.1:{site.port}", "Connection: close"]
    has_cl = any(k.lower() == "content-length" for k in headers)
    for k, v in headers.items():
        if k.lower() == "host":
            lines[1] = f"Host: {v}"
        else:
            lines.append(f"{k}: {v}")
    data = body.encode("utf-8", "surrogateescape") if isinstance(body, str) else (body or b"")
    if body is not None and not has_cl:
        lines.append(f"Content-Length: {len(data)}")
    request = ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1", "replace") + data
    status, _ = site.raw(request, timeout=20)
    return status


class Hostile(unittest.TestCase):
    def test_every_hostile_request_gets_a_clear_4xx_and_no_worker_dies(self):
        cases = hostile_requests()
        self.assertGreaterEqual(len(cases), 200)
        with Site(workers=2) as site:
            workers = site.worker_pids()
            failures = []
            for name, method, target, headers, body, expect in cases:
                try:
                    status = send_raw(site, method, target, headers, body)
                except OSError as e:
                    status = f"error {e}"
                if status not in expect:
                    failures.append(f"{name}: got {status}, want {sorted(expect)}")
            self.assertEqual(failures, [], f"{len(failures)} of {len(cases)} failed")
            # Still serving, with the same workers: nothing crashed or hung.
            self.assertEqual(site.get("/")[0], 200)
            self.assertEqual(site.worker_pids(), workers)
            log = site.log()
            self.assertNotIn("killed by signal", log)
            self.assertNotIn("exited with status", log)
            self.assertNotRegex(log, r"error: 5\d\d ")
            # The application logged its refusals (nginx logs its own in its error/access log).
            app_refusals = len(re.findall(r" warn: 4\d\d ", log))
            self.assertGreater(app_refusals, 100)
            print(f"{len(cases)} hostile requests, {app_refusals} refusals logged by the application, 0 restarts")

    def test_login_storm_is_throttled_and_survived(self):
        with Site(workers=2, users=[("alice", "publisher", "correct horse battery")]) as site:
            workers = site.worker_pids()
            client = Client(site, "127.0.0.77")
            client.request("/admin/login")
            statuses = [client.post("/admin/login", {"username": "alice", "password": f"guess {i}"})[0]
                        for i in range(40)]
            self.assertEqual(statuses[:5], [401] * 5)
            self.assertEqual(set(statuses[5:]), {429})
            self.assertEqual(site.worker_pids(), workers)
            # The storm locks its own address out, not alice (test_signin.py), and is audited as one row.
            self.assertEqual(Client(site, "127.0.0.78").login("alice", "correct horse battery")[0], 303)
            self.assertEqual(site.query("SELECT count FROM audit WHERE action = 'login-refused'"), [(35,)])


if __name__ == "__main__":
    harness.main()
