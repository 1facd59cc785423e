"""test_host_header.py: the request's Host never reaches an absolute URL. The documented server blocks
(docs/deploy.md and docs/scaling.md, run as they are by deploy.Deployment) answer an unknown Host with nothing
on both ports (444, and over TLS a refused handshake), redirect port 80 to the configured name, and with the
real name no absolute URL in /, an item page, /feed.atom, /sitemap.xml or /robots.txt names the forged host,
even when an X-Forwarded-Host or a second Host is sent. The harness's plain site (script/nginx-conf) too."""
import http.client
import socket
import ssl
import unittest

from deploy import HOST, Deployment, tls_context
import harness
from harness import Site, request

EVIL = "evil.example"
ITEM = "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"
PAGES = ("/", ITEM, "/feed.atom", "/sitemap.xml", "/robots.txt", "/messages?type=events")


def exchange(port, request, sni=None, tls=False):
    """Send request bytes (over TLS naming sni when tls); returns every byte the server sent back before it
    closed the connection."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        s = tls_context().wrap_socket(raw, server_hostname=sni) if tls else raw
        try:
            s.sendall(request)
            chunks = []
            while True:
                try:
                    c = s.recv(65536)
                except (ConnectionResetError, ssl.SSLEOFError):
                    break
                if not c:
                    break
                chunks.append(c)
            return b"".join(chunks)
        finally:
            if tls:
                s.close()


def get(host, path="/", extra=b""):
    return b"GET " + path.encode() + b" HTTP/1.1\r\nHost: " + host.encode() + b"\r\n" + extra + \
        b"Connection: close\r\n\r\n"


class DocumentedBlocks:
    """Checks run against each documented configuration; the subclasses say which."""
    SITE = None
    CONFIG = {}

    @classmethod
    def setUpClass(cls):
        cls.d = Deployment(config=dict(cls.CONFIG), site=cls.SITE).__enter__()

    @classmethod
    def tearDownClass(cls):
        cls.d.__exit__(None, None, None)

    def test_an_unknown_host_gets_no_answer_on_port_80(self):
        for host in (EVIL, EVIL + ":80", "127.0.0.1", "press.example.org.evil.example"):
            with self.subTest(host=host):
                self.assertEqual(exchange(self.d.http_port, get(host)), b"")

    def test_an_unknown_host_gets_no_answer_over_tls(self):
        # Named in the handshake: refused there.
        with self.assertRaises(ssl.SSLError):
            exchange(self.d.port, get(EVIL), sni=EVIL, tls=True)
        # No name in the handshake (a bare address): refused too.
        with self.assertRaises(ssl.SSLError):
            exchange(self.d.port, get(HOST), sni=None, tls=True)
        # The site's name in the handshake, another in Host: the connection closes with no answer.
        self.assertEqual(exchange(self.d.port, get(EVIL), sni=HOST, tls=True), b"")

    def test_port_80_redirects_to_the_configured_name(self):
        reply = exchange(self.d.http_port, get(HOST, "/messages?q=korea", b"X-Forwarded-Host: " + EVIL.encode() + b"\r\n"))
        head = reply.split(b"\r\n\r\n", 1)[0].decode()
        self.assertTrue(head.startswith("HTTP/1.1 301"), head)
        self.assertIn(f"\r\nLocation: https://{HOST}/messages?q=korea", head)
        # Host matching is case-insensitive in nginx; the redirect still names the configured name.
        head = exchange(self.d.http_port, get("PRESS.Example.org", "/x")).split(b"\r\n\r\n", 1)[0].decode()
        self.assertIn(f"\r\nLocation: https://{HOST}/x", head)

    def test_no_absolute_url_names_a_forged_host(self):
        for path in PAGES:
            with self.subTest(path=path):
                status, headers, body = self.d.get(path, headers={"X-Forwarded-Host": EVIL, "Forwarded": "host=" + EVIL,
                                                                  "X-Host": EVIL})
                self.assertEqual(status, 200)
                self.assertNotIn(EVIL, body)
                self.assertNotIn(EVIL, str(headers))
                if path != "/messages?type=events":
                    self.assertIn(f"https://{HOST}/", body)

    def test_a_second_host_header_is_refused_without_naming_it(self):
        reply = exchange(self.d.port, get(HOST, "/feed.atom", b"Host: " + EVIL.encode() + b"\r\n"), sni=HOST, tls=True)
        self.assertTrue(reply.startswith(b"HTTP/1.1 400"), reply[:200])
        self.assertNotIn(EVIL.encode(), reply)

    def test_the_host_with_a_port_or_in_capitals_still_gives_the_configured_name(self):
        for host in (HOST.upper(), HOST + ":443"):
            with self.subTest(host=host):
                reply = exchange(self.d.port, get(host, "/feed.atom"), sni=HOST, tls=True).decode("utf-8", "replace")
                self.assertTrue(reply.startswith("HTTP/1.1 200"), reply[:200])
                self.assertIn(f"<id>tag:{HOST},2000:feed/feed.atom</id>", reply)
                self.assertNotIn(HOST.upper(), reply.split("\r\n\r\n", 1)[1])


class DeployMd(DocumentedBlocks, unittest.TestCase):
    SITE = ("deploy.md", "nginx-site")


class ScalingMd(DocumentedBlocks, unittest.TestCase):
    SITE = ("scaling.md", "nginx-cache")
    CONFIG = {"cache_max_age": "1h", "workers": "2"}


class PlainSite(unittest.TestCase):
    """The harness's site: script/nginx-conf passes PRESSROOM_BASE_URL from its own port, a configuration value."""

    def test_a_forged_host_never_reaches_a_page(self):
        with Site() as site:
            for path in PAGES:
                with self.subTest(path=path):
                    conn = http.client.HTTPConnection("127.0.0.1", site.port, timeout=15)
                    status, headers, body = request(conn, path, headers={"X-Forwarded-Host": EVIL}, host=EVIL)
                    self.assertEqual(status, 200)
                    self.assertNotIn(EVIL, body)
                    self.assertNotIn(EVIL, str(headers))


class Application(unittest.TestCase):
    """The application itself, spoken to over FastCGI with no PRESSROOM_BASE_URL and no site_url: the fallback
    is nginx's SERVER_NAME and SERVER_PORT, never HTTP_HOST."""

    def fetch(self, site, path, **params):
        import fcgi
        base = {"REQUEST_METHOD": "GET", "REQUEST_URI": path, "REMOTE_ADDR": "127.0.0.9", "HTTP_HOST": EVIL,
                "HTTP_X_FORWARDED_HOST": EVIL}
        status, headers, body = fcgi.request(site.socket, dict(base, **params))
        self.assertEqual(status, 200)
        return body.decode()

    def test_the_fallback_is_the_server_block_never_the_host_header(self):
        with Site() as site:
            for path in ("/feed.atom", "/sitemap.xml", "/robots.txt", ITEM):
                with self.subTest(path=path):
                    body = self.fetch(site, path, HTTPS="on", SERVER_NAME=HOST, SERVER_PORT="443")
                    self.assertNotIn(EVIL, body)
                    self.assertIn(f"https://{HOST}/", body)
            body = self.fetch(site, "/robots.txt", SERVER_NAME=HOST, SERVER_PORT="8080")
            self.assertIn(f"http://{HOST}:8080/sitemap.xml", body)
            # A server_name that is not a plain name (nginx's catch-all "_", a wildcard): localhost.
            for name in ("_", "*.example.org", "~^(?<x>.+)$", ""):
                body = self.fetch(site, "/robots.txt", SERVER_NAME=name, SERVER_PORT="80")
                self.assertIn("Sitemap: http://localhost/sitemap.xml", body, name)
            # Nothing at all from nginx: still not the Host header.
            body = self.fetch(site, "/robots.txt")
            self.assertIn("Sitemap: http://localhost/sitemap.xml", body)


if __name__ == "__main__":
    harness.main()
