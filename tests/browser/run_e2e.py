#!/usr/bin/env python3
"""run_e2e.py: the browser end-to-end test, as ctest runs it (test browser_e2e).

Starts a private site with tests/integration/harness.py (fresh seeded database, the real binary behind a
real nginx on a free loopback port, one publisher), runs tests/browser/e2e.mjs against it with Node and
Debian's headless Chromium, and exits with its status; the site is torn down either way.

    python3 tests/browser/run_e2e.py [SCREENSHOT_DIR]

SCREENSHOT_DIR (default: the folder of the pressroom binary, i.e. the build folder) receives
browser-e2e-home.png, and browser-e2e-failure.png when a step fails. PRESSROOM_BIN and PRESSROOM_SOURCE come
from ctest, as for the integration tests. `script/bootstrap` installs node, npm and tests/browser/node_modules.
"""
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "integration"))
import harness  # noqa: E402

USER = ("olga", "publisher", "browser test password")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
TIMEOUT = 120  # seconds for node and the browser together; e2e.mjs bounds its own steps far tighter


def main():
    shot_dir = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(harness.BIN)))
    node = shutil.which("node")
    missing = []
    if node is None:
        missing.append("node")
    if not os.path.isdir(os.path.join(HERE, "node_modules", "playwright-core")):
        missing.append("tests/browser/node_modules (npm ci)")
    if not os.access(CHROMIUM, os.X_OK):
        missing.append(CHROMIUM)
    if missing:
        print("browser_e2e: missing " + ", ".join(missing) + ": run script/bootstrap", file=sys.stderr)
        return 1

    for old in ("browser-e2e-home.png", "browser-e2e-failure.png"):  # no stale pictures from an earlier run
        try:
            os.remove(os.path.join(shot_dir, old))
        except FileNotFoundError:
            pass

    with harness.Site(users=[USER]) as site:
        base = f"http://127.0.0.1:{site.port}"
        # node and the chromium it starts form a process group of their own, stopped as one.
        browser = harness.spawn([node, os.path.join(HERE, "e2e.mjs"), base, USER[0], USER[2], shot_dir], cwd=HERE)
        try:
            status = browser.wait(TIMEOUT)
        except subprocess.TimeoutExpired:
            print(f"browser_e2e: node did not finish within {TIMEOUT} s", file=sys.stderr)
            status = 1
        finally:
            harness.stop_group(browser, grace=5)
        if status != 0:
            log = site.log().strip()
            if log:
                print("---- pressroom log ----\n" + log[-4000:])
    left = harness.kill_leftovers()  # harness: this process reaps what its children leave behind
    if left:
        print("browser_e2e: processes left running (killed now): " + ", ".join(left), file=sys.stderr)
        status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
