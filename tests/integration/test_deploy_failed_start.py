"""test_deploy_failed_start.py: what readers get while a new version fails to start, as docs/deploy.md
(section 8) says. systemd holds the socket while it retries the service: connections wait in its queue
(nothing accepts them), and nginx answers the styled 504 page after fastcgi_read_timeout (shortened here from
the documented 30 s to 2 s, so the test does not wait; what is checked is the page, not the time). After
StartLimitBurst failed starts systemd gives up and closes the socket (pressroom.socket fails with the
service): every waiting request and every new one gets the styled 502 page at once. The units' limits are
read from the installed unit: the burst must fit in the interval, or systemd would retry forever."""
import os
import re
import select
import unittest

import harness
from deploy import Deployment


class HeldSocket(Deployment):
    def nginx_site(self, doc, block):
        site = super().nginx_site(doc, block)
        self.assertion = "fastcgi_read_timeout 30s;" in site
        return site.replace("fastcgi_read_timeout 30s;", "fastcgi_read_timeout 2s;")


def seconds(value):
    m = re.fullmatch(r"(\d+)(s|min)?", value)
    return int(m.group(1)) * (60 if m.group(2) == "min" else 1)


class FailedStart(unittest.TestCase):
    def test_the_units_start_limit_can_be_reached(self):
        with Deployment(start=False) as d:
            with open(d.units + "/pressroom.service") as f:
                unit = f.read()
            get = lambda key: re.search(rf"(?m)^{key}=(\S+)$", unit).group(1)
            burst, interval, restart = int(get("StartLimitBurst")), seconds(get("StartLimitIntervalSec")), \
                seconds(get("RestartSec"))
            self.assertEqual(get("Restart"), "on-failure")
            # The burst's starts, RestartSec apart, must fall inside the interval for the limit to be hit.
            self.assertLess((burst - 1) * restart, interval)
            self.assertLessEqual(burst * restart, 30)  # given up well before a minute

    def test_readers_get_504_while_the_socket_is_held_then_502_at_once_when_systemd_gives_up(self):
        with HeldSocket(start=False) as d:
            d.listen_socket()  # as pressroom.socket holds it while the service fails to start
            d.start_nginx()
            self.assertTrue(d.assertion, "docs/deploy.md's block no longer says fastcgi_read_timeout 30s")
            with open(d.share + "/www/errors/5xx.html") as f:
                styled = f.read()
            status, _, body = d.get("/")
            self.assertEqual((status, body), (504, styled))
            # A reader waiting in the queue when systemd gives up, and one after: both the 502 page.
            # Drop the connection nginx gave up on, so that the queue holds only the next one.
            d.listener.setblocking(False)
            while select.select([d.listener], [], [], 0)[0]:
                d.listener.accept()[0].close()
            waiting = d.get_in_background("/")
            # nginx's connection is in the queue once the listening socket reads as ready (nothing accepts).
            self.assertEqual(select.select([d.listener], [], [], 20)[0], [d.listener])
            d.listener.close()
            d.listener = None
            status, _, body = waiting()
            self.assertEqual((status, body), (502, styled))
            status, _, body = d.get("/")
            self.assertEqual((status, body), (502, styled))


if __name__ == "__main__":
    harness.main()
