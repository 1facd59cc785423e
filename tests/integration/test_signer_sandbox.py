"""test_signer_sandbox.py: the signer's own confinement (issue 15, src/sandbox.c sandbox_enter_signer). The
intruder of tests/probe/sandbox_probe.c, preloaded into the server, acts from inside the signer once it has
its key and its database: it can open neither the key file (read before the sandbox, and outside every rule)
nor any other file, create nothing, make no socket, no io_uring, and dies trying to run a program; the
supervisor starts another signer, which still signs what was published meanwhile."""
import os
import re
import shutil
import signal
import socket
import tempfile
import time
import unittest

import admin_forms
import harness
from harness import Site, run

ALICE = ("alice", "publisher", "correct horse battery")
EACCES, ENOSYS = "-1 errno 13", "-1 errno 38"


class SignerSandbox(unittest.TestCase):
    def test_the_signer_reaches_nothing_but_its_database(self):
        folder = tempfile.mkdtemp(prefix="pressroom-signer-")
        self.addCleanup(shutil.rmtree, folder, True)
        key = os.path.join(folder, "signing.key")
        self.assertEqual(run("key", "generate", "--key", key).returncode, 0)
        conf = os.path.join(folder, "pressroom.conf")
        with open(conf, "w") as f:
            f.write(f"signing_key = {key}\n")
        outside = os.path.join(folder, "outside")
        os.makedirs(outside)
        with open(os.path.join(outside, "victim"), "w") as f:
            f.write("untouched\n")
        listener = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(listener.close)
        probe = os.environ.get("PRESSROOM_PROBE") or os.path.join(os.path.dirname(harness.BIN),
                                                                  "tests/sandbox_probe.so")
        env = {"PRESSROOM_CONFIG": conf, "LD_PRELOAD": probe, "PRESSROOM_PROBE_KEY": key,
               "PRESSROOM_PROBE_DIR": outside, "PRESSROOM_PROBE_PORT": str(listener.getsockname()[1])}
        if "ASAN_OPTIONS" in os.environ:
            env["ASAN_OPTIONS"] = os.environ["ASAN_OPTIONS"] + ":verify_asan_link_order=0"
        with Site(workers=1, users=[ALICE], env=env) as site:
            def signer():
                for pid in site.worker_pids():
                    try:
                        with open(f"/proc/{pid}/comm") as f:
                            if f.read().strip() == "pressroom-sign":
                                return pid
                    except FileNotFoundError:
                        pass
                return None

            def wait_for(what, check):
                deadline = time.time() + 20
                while time.time() < deadline:
                    value = check()
                    if value:
                        return value
                    time.sleep(0.05)
                self.fail(f"{what}:\n" + site.log())

            pid = wait_for("no signer", signer)
            # It signs under its sandbox: the first key is recorded and a publication is signed.
            alice = admin_forms.signed_in(site, ALICE)
            first = admin_forms.publish(alice, "Signed by a confined signer", "Text.")
            path = admin_forms.public_path(site, first)
            wait_for("not signed", lambda: site.get(path + ".txt.minisig")[0] == 200)
            with open(f"/proc/{pid}/status") as f:
                status = f.read()
            self.assertRegex(status, r"Seccomp:\s+2")
            self.assertRegex(status, r"NoNewPrivs:\s+1")

            os.kill(pid, signal.SIGUSR2)
            wait_for("the probe did not finish", lambda: f"probe {pid} exec" in site.log())
            results = dict(re.findall(rf"^probe {pid} ([\w ]+) = (-?\d+ errno \d+)$", site.log(), re.M))
            self.assertEqual(results.get("read key"), EACCES, site.log())   # Landlock: no rule names it
            self.assertEqual(results.get("read"), EACCES)                   # nor any other file
            self.assertEqual(results.get("create"), EACCES)
            self.assertEqual(results.get("truncate"), ENOSYS)               # not on its call list
            self.assertEqual(results.get("chmod"), ENOSYS)
            self.assertEqual(results.get("io_uring_setup"), ENOSYS)
            self.assertEqual(results.get("socket"), ENOSYS)
            self.assertNotIn(f"probe {pid} exec returned", site.log())     # killed by seccomp on exec
            self.assertFalse(os.path.exists(os.path.join(outside, "created")))
            with open(os.path.join(outside, "victim")) as f:
                self.assertEqual(f.read(), "untouched\n")

            # The supervisor replaces it, and the new signer signs what was published meanwhile.
            second = admin_forms.publish(alice, "Published while the signer was replaced", "Text.")
            path = admin_forms.public_path(site, second)
            wait_for("no new signer", lambda: signer() not in (None, pid))
            wait_for("not signed after the restart", lambda: site.get(path + ".txt.minisig")[0] == 200)


harness.main()
