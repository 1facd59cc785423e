"""test_deploy_socket.py: socket activation, as pressroom.socket and pressroom.service use it. The test holds
the listening socket, as systemd does, and starts the installed server with it as fd 3, LISTEN_FDS=1 and
LISTEN_PID set to the server's own pid (launch.py); nginx runs docs/deploy.md's server block. A request made
before the server runs waits in the socket's queue and is answered once it starts, and again across a
restart; the server neither replaces nor removes the socket it was given."""
import os
import subprocess
import time
import unittest

import harness
from deploy import Deployment

STATEMENT = "/releases/1-joint-statement-by-the-russian-and-chinese-foreign-ministries-on-the-korean"


class SocketActivation(unittest.TestCase):
    def setUp(self):
        self.d = Deployment(config={"workers": "2"}, start=False).__enter__()
        self.addCleanup(self.d.__exit__, None, None, None)
        self.d.listen_socket()
        self.inode = os.stat(self.d.socket).st_ino
        self.d.start_nginx()

    def test_a_request_made_before_the_server_starts_is_answered_once_it_has(self):
        waiting = self.d.get_in_background(STATEMENT)
        time.sleep(1)  # nginx has connected: the connection sits in the queue of a socket nobody accepts on
        self.assertIsNone(waiting(timeout=0))
        started = time.time()
        self.d.start_app(inherit=True)
        status, _, body = waiting(timeout=30)
        self.assertEqual(status, 200)
        self.assertIn("Joint statement", body)
        self.assertLess(time.time() - started, 10)
        self.assertIn("serving on the socket systemd passed with 2 workers", self.d.log())
        self.assertEqual(len(self.d.worker_pids()), 2)
        self.assertEqual(self.d.get("/")[0], 200)
        self.assertEqual(self.d.get("/health")[::2], (200, "ok\n"))

    def test_a_restart_keeps_the_socket_and_loses_no_request(self):
        self.d.start_app(inherit=True)
        self.d.wait_ready()
        self.assertEqual(self.d.stop_app().count("stopped"), 1)
        self.assertEqual(self.d.app.returncode, 0)
        # The server leaves the socket it was given to its owner: still there, the same one, still listening.
        self.assertEqual(os.stat(self.d.socket).st_ino, self.inode)
        waiting = self.d.get_in_background("/")
        time.sleep(0.5)
        self.d.start_app(inherit=True)  # systemctl restart pressroom
        self.assertEqual(waiting(timeout=30)[0], 200)
        self.assertEqual(os.stat(self.d.socket).st_ino, self.inode)

    def test_another_processs_listen_pid_is_ignored(self):
        # LISTEN_PID names someone else: the socket is not this process's to take, so the server opens the
        # configured path itself, and finds the live socket there.
        env = dict(os.environ, LISTEN_PID="1", LISTEN_FDS="1")
        proc = subprocess.run([self.d.bin, "serve", "--config", self.d.conf], env=env, capture_output=True, text=True,
                              timeout=30)
        self.assertEqual(proc.returncode, 1)
        self.assertIn("another server is answering on " + self.d.socket, proc.stderr)
        self.assertEqual(os.stat(self.d.socket).st_ino, self.inode)


if __name__ == "__main__":
    harness.main()
