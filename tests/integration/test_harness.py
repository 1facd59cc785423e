"""test_harness.py: the harness's own promise that no test leaves a process behind. Small test files are
run as the suite runs them; one leaks a process (a child it forgets, an orphan of a child that exited, a
server never stopped), and must fail, naming it, with the process gone afterwards."""
import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

import harness

HERE = os.path.dirname(os.path.abspath(__file__))
T = f"3600.{os.getpid()}"  # each run's sleeps have their own length, so no other run's can be mistaken for them


PROLOGUE = """import subprocess, unittest
import harness


def exec_done(proc):
    # Popen returns inside the child's execve, before its arguments are readable in /proc: wait for them.
    while b"sleep" not in open(f"/proc/{proc.pid}/cmdline", "rb").read():
        pass

"""


def run_test_file(body):
    """Run a test file made of body after the imports, the way ctest runs one; returns (exit code, output)."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "test_selftest.py")
        with open(path, "w") as f:
            f.write(PROLOGUE + textwrap.dedent(body))
        proc = subprocess.run([sys.executable, path], capture_output=True, text=True, timeout=60,
                              env=dict(os.environ, PYTHONPATH=HERE))
        return proc.returncode, proc.stdout + proc.stderr


def sleepers(tag):
    """Processes running `sleep <tag>`, wherever they were reparented."""
    out = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if f.read().split(b"\0")[:2] == [b"sleep", tag.encode()]:
                    out.append(int(pid))
        except OSError:
            pass
    return out


class LeftoverCheck(unittest.TestCase):
    def test_a_test_that_leaves_its_child_running_fails(self):
        code, out = run_test_file(f"""
            class T(unittest.TestCase):
                def test_leak(self):
                    exec_done(subprocess.Popen(["sleep", "{T}1"]))
            harness.main()
        """)
        self.assertEqual(code, 1, out)
        self.assertRegex(out, rf"FAIL: test_leak .*\n.*\n.*processes left running after the test.*sleep {T}1")
        self.assertEqual(sleepers(f"{T}1"), [])

    def test_an_orphan_is_found_too(self):
        # The shell exits at once; its background sleep is reparented to the test process, not to init.
        code, out = run_test_file(f"""
            class T(unittest.TestCase):
                def test_orphan(self):
                    subprocess.run(["sh", "-c", "sleep {T}2 >/dev/null 2>&1 &"], check=True)
            harness.main()
        """)
        self.assertEqual(code, 1, out)
        # the shell's copy, the sleep it became, or (caught inside execve) the new name alone
        self.assertRegex(out, rf"sleep {T}2|\(sleep\)")
        self.assertEqual(sleepers(f"{T}2"), [])

    def test_a_server_never_stopped_fails_the_file_even_with_plain_unittest_main(self):
        code, out = run_test_file(f"""
            class T(unittest.TestCase):
                def test_forgotten(self):
                    exec_done(harness.spawn(["sleep", "{T}3"]))
            unittest.main()
        """)
        self.assertEqual(code, 1, out)
        self.assertIn("processes left running at exit", out)
        self.assertIn(f"sleep {T}3", out)
        self.assertEqual(sleepers(f"{T}3"), [])

    def test_a_clean_test_passes_and_a_stopped_group_leaves_nothing(self):
        code, out = run_test_file(f"""
            class T(unittest.TestCase):
                def test_clean(self):
                    p = harness.spawn(["sh", "-c", "sleep {T}4 & sleep {T}4 & wait"])
                    harness.stop_group(p, grace=5)
            harness.main()
        """)
        self.assertEqual(code, 0, out)
        self.assertEqual(sleepers(f"{T}4"), [])


if __name__ == "__main__":
    harness.main()
