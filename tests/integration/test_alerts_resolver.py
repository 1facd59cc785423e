"""test_alerts_resolver.py: the alerts' sender resolves a host name under its seccomp allow list (issue 16;
docs/security.md). A WebSub hub stand-in listens on a loopback address and the configuration names it by a
host name that /etc/hosts gives that address (127.0.0.1, or Debian's 127.0.1.1 for the machine's name) (libcurl answers "localhost" itself, and a relay named by host name
would need TLS): libcurl resolves it in a thread of its own through glibc's getaddrinfo (nsswitch.conf,
/etc/hosts, nscd's Unix socket refused), all inside the sender's sandbox, and the ping arrives. A call the
list lacks would fail with ENOSYS and leave the ping unsent, or crash the thread.

Its own file rather than a class of test_alerts_send, whose run under the sanitizers is near ctest's limit."""
import http.server
import os
import shutil
import tempfile
import threading
import time
import unittest
import urllib.parse

import harness
from harness import Site, poll

BASE = "https://embassy.example"


def loopback_name():
    """(address, name): a name /etc/hosts gives a loopback IPv4 address that libcurl does not answer itself,
    or None."""
    with open("/etc/hosts") as f:
        for line in f:
            fields = line.split("#")[0].split()
            for name in fields[1:] if fields and fields[0].startswith("127.") else []:
                if name != "localhost" and not name.endswith(".localhost"):
                    return fields[0], name
    return None


class Hub(http.server.ThreadingHTTPServer):
    """A WebSub hub stand-in in this process: records the topic of each publish ping."""

    def __init__(self, address):
        self.topics = []
        hub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                form = urllib.parse.parse_qs(self.rfile.read(int(self.headers.get("Content-Length", 0))).decode())
                if form.get("hub.mode") == ["publish"]:
                    hub.topics += form.get("hub.url", [])
                self.send_response(202)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass
        super().__init__((address, 0), Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.shutdown()
        self.server_close()


class HubByName(unittest.TestCase):
    def test_a_hub_named_by_host_name_is_resolved_inside_the_sandbox(self):
        found = loopback_name()
        if found is None:
            self.skipTest("/etc/hosts names no host at a loopback address but localhost")
        address, name = found
        folder = tempfile.mkdtemp(prefix="pressroom-alerts-")
        hub = Hub(address)
        conf = os.path.join(folder, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"websub_hub = http://{name}:{hub.server_address[1]}/hub\nsite_url = {BASE}\n")
        try:
            with Site(env={"PRESSROOM_CONFIG": conf}) as site:
                since = poll(lambda: site.query("SELECT value FROM alerts_state WHERE key = 'since'"),
                             "the sender to start", detail=site.log)
                now = max(int(time.time()), int(since[0][0]))   # what was public before it began is not announced
                site.execute("INSERT INTO item (kind, type, slug, title, teaser, body, signature, status, "
                             "published_at, created_at, updated_at, lang) VALUES ('release', 'statement', "
                             "'named-hub', 'Announced to a named hub', 'A teaser.', 'Body.', '', 'published', "
                             "?, ?, ?, 'en')", (now, now, now))
                poll(lambda: f"{BASE}/feed.atom" in hub.topics, "a ping to reach the hub", detail=site.log)
                poll(lambda: site.query("SELECT count(*) FROM websub_ping WHERE state = 'sent'")[0][0]
                     == site.query("SELECT count(*) FROM websub_ping")[0][0], "every ping marked sent", detail=site.log)
                self.assertEqual(site.query("SELECT DISTINCT error IS NULL FROM websub_ping"), [(1,)], site.log())
        finally:
            hub.close()
            shutil.rmtree(folder, ignore_errors=True)


harness.main()
