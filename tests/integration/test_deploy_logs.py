"""test_deploy_logs.py: the server's log lines as a sysadmin reads them. Under systemd (INVOCATION_ID, or
JOURNAL_STREAM, in the environment, as systemd sets them for a service) each line is an sd-daemon priority
prefix and the message, with no timestamp or pid of its own (journald records both); elsewhere, today's
"TIME pressroom[PID] LEVEL: message". Failed and throttled sign-ins are warnings with the name, the address
and the reason, so `journalctl -u pressroom -p warning` shows an attack."""
import os
import re
import unittest

import harness
from deploy import Deployment
from harness import Client

PUBLISHER = ("alice", "publisher", "correct horse battery")
STAMP = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ pressroom\[\d+\] ")


def attack(d):
    """Six wrong passwords for one name from one address: five refused, then throttled by the application
    (auth.h). One GET of the form, then only POSTs: seven requests stay inside nginx's own burst."""
    c = Client(d)
    c.request("/admin/login")
    return [c.post("/admin/login", {"username": "mallory", "password": "not the password"})[0] for _ in range(6)]


class Logs(unittest.TestCase):
    def start(self, d, env):
        d.start_app(env=env)
        d.start_nginx()
        d.wait_ready()

    def test_under_systemd_lines_carry_priorities_and_no_second_timestamp(self):
        for variable in ("INVOCATION_ID", "JOURNAL_STREAM"):
            with self.subTest(variable), Deployment(seed=False, users=[PUBLISHER], start=False) as d:
                env = {k: v for k, v in os.environ.items() if k not in ("INVOCATION_ID", "JOURNAL_STREAM")}
                env[variable] = "8:42" if variable == "JOURNAL_STREAM" else "5d1f0b4e8c2a4f7e9b3c6d0a1e2f3a4b"
                self.start(d, env)
                self.assertEqual(attack(d), [401] * 5 + [429])
                lines = d.log().splitlines()
                self.assertTrue(lines)
                for line in lines:
                    self.assertRegex(line, r"^<[346]>\S")
                    self.assertNotRegex(line, STAMP)
                self.assertIn("<6>serving on ", d.log())
                self.assertIn("<4>the site has no clock cities and no contacts", d.log())
                refused = [l for l in lines if l.startswith('<4>401 POST /admin/login: sign-in as "mallory" from '
                                                            '127.0.0.1 refused: wrong name or password')]
                self.assertEqual(len(refused), 5, d.log())
                self.assertRegex(d.log(), r'(?m)^<4>429 POST /admin/login: sign-in as "mallory" from 127\.0\.0\.1 '
                                          r'throttled for \d+ s: too many failures$')

    def test_elsewhere_lines_keep_their_time_pid_and_level(self):
        with Deployment(seed=False, users=[PUBLISHER], start=False) as d:
            env = {k: v for k, v in os.environ.items() if k not in ("INVOCATION_ID", "JOURNAL_STREAM")}
            self.start(d, env)
            self.assertEqual(attack(d), [401] * 5 + [429])
            for line in d.log().splitlines():
                self.assertRegex(line, STAMP.pattern + r"(info|warn|error): ")
            self.assertRegex(d.log(), STAMP.pattern + r'warn: 401 POST /admin/login: sign-in as "mallory" from '
                                      r"127\.0\.0\.1 refused: wrong name or password")
            self.assertRegex(d.log(), STAMP.pattern + r'warn: 429 POST /admin/login: sign-in as "mallory"')


if __name__ == "__main__":
    harness.main()
