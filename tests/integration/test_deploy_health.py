"""test_deploy_health.py: GET /health, for monitoring: "ok" (200) to the allowed addresses, 404 (as if there
were no such page) to anyone else, 503 when the database fails; never cached. Through script/nginx-conf's
nginx, which filters nothing, so it is the application's own check that is tested (docs/deploy.md's nginx
block adds its own allow/deny in front: test_deploy_install.py)."""
import os
import subprocess
import unittest

import harness
from harness import BIN, SOURCE, Site, spawn, wait_for_socket


class ConfiguredSite(Site):
    """A harness Site whose server also reads a configuration file."""

    def __init__(self, config_text, **kw):
        super().__init__(**kw)
        self.config_text = config_text

    def start_app(self):
        conf = os.path.join(self.dir, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(self.config_text)
        log = open(self.app_log, "ab")
        self.app = spawn([BIN, "serve", "--config", conf, "--socket", self.socket, "--db", self.db,
                          "--workers", str(self.workers), "--templates", os.path.join(SOURCE, "templates")],
                         stdout=log, stderr=log)
        log.close()
        wait_for_socket(self.app, self.socket, self.log)


class Health(unittest.TestCase):
    def test_ok_to_localhost_404_to_others_503_without_a_database(self):
        with Site(workers=1) as site:
            status, headers, body = site.get("/health")
            self.assertEqual((status, body), (200, "ok\n"))
            self.assertEqual(headers["cache-control"], "no-store")
            self.assertTrue(headers["content-type"].startswith("text/plain"))
            status, headers, body = site.get("/health", source="127.0.0.2")
            self.assertEqual(status, 404)
            self.assertEqual(headers["cache-control"], "no-store")
            self.assertIn("There is no page at this address.", body)  # the ordinary styled 404
            self.assertEqual(site.get("/health", method="HEAD")[0], 200)
            self.assertEqual(site.get("/health", method="POST", body="")[0], 405)
            # The database fails under the running server: the table the check reads is gone.
            site.execute("ALTER TABLE item RENAME TO item_moved")
            try:
                status, headers, body = site.get("/health")
                self.assertEqual((status, body), (503, "database unavailable\n"))
                self.assertEqual(headers["cache-control"], "no-store")
                self.assertEqual(site.get("/health", source="127.0.0.2")[0], 404)  # still nothing to see
            finally:
                site.execute("ALTER TABLE item_moved RENAME TO item")
            self.assertEqual(site.get("/health")[::2], (200, "ok\n"))

    def test_health_allow_from_the_configuration(self):
        with ConfiguredSite("health_allow = 127.0.0.2, 127.0.0.3\n", workers=1) as site:
            self.assertEqual(site.get("/health", source="127.0.0.2")[::2], (200, "ok\n"))
            self.assertEqual(site.get("/health", source="127.0.0.3")[0], 200)
            self.assertEqual(site.get("/health", source="127.0.0.1")[0], 404)  # the default list is replaced


if __name__ == "__main__":
    harness.main()
