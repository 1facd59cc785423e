"""test_deploy_config.py: pressroom.conf is read strictly. Each broken configuration gets its exact message,
"FILE:LINE: key why", and exit code 1 from `pressroom config check`, and `pressroom serve` refuses to start
on it with the same lines; a file with several problems gets every one, in order. (The installed example
checks ok: test_deploy_install.py.)"""
import os
import re
import shutil
import subprocess
import tempfile
import unittest

import harness
from harness import BIN, run

NOT_STARTING = "pressroom: not starting with a bad configuration\n"

# (name, the file's text, the expected messages with {f} for the file's path). Each file starts with a
# comment and a blank line, so a line number that ignored them would be caught.
HEAD = "# a production configuration\n\nsite_name = Embassy of Example\n"
CASES = [
    ("unknown key", HEAD + "colour = blue\n", ['{f}:4: unknown key "colour"']),
    ("repeated key", HEAD + "workers = 2\n# again\nworkers = 3\n", ["{f}:6: workers is given twice"]),
    ("workers zero", HEAD + "workers = 0\n", ["{f}:4: workers must be a number from 1 to 64"]),
    ("workers too many", HEAD + "workers = 65\n", ["{f}:4: workers must be a number from 1 to 64"]),
    ("workers not a number", HEAD + "workers = two\n", ["{f}:4: workers must be a number from 1 to 64"]),
    ("size unit", HEAD + "body_limit = 1G\n", ["{f}:4: body_limit must be a size from 1K to 1024M (e.g. 1M)"]),
    ("size too small", HEAD + "body_limit = 512\n", ["{f}:4: body_limit must be a size from 1K to 1024M (e.g. 1M)"]),
    ("duration unit", HEAD + "session_idle = 10x\n", ["{f}:4: session_idle must be a duration from 1m to 7d"]),
    ("duration too short", HEAD + "session_idle = 30s\n", ["{f}:4: session_idle must be a duration from 1m to 7d"]),
    ("lifetime too long", HEAD + "session_lifetime = 31d\n",
     ["{f}:4: session_lifetime must be a duration from 1m to 30d"]),
    ("cache age too long", HEAD + "cache_max_age = 2d\n", ["{f}:4: cache_max_age must be a duration from 0s to 1d"]),
    ("negative stale", HEAD + "cache_stale = -5m\n", ["{f}:4: cache_stale must be a duration from 0s to 7d"]),
    ("relative path", HEAD + "database = var/pressroom.db\n", ["{f}:4: database must be an absolute path"]),
    ("relative templates", HEAD + "templates = templates\n", ["{f}:4: templates must be an absolute path"]),
    ("bad zone", HEAD + "site_zone = Europe/Atlantis\n",
     ["{f}:4: site_zone is not a time zone this system knows (see /usr/share/zoneinfo)"]),
    ("clock without zone", HEAD + "clock = Moscow\n",
     ['{f}:4: clock must be a city name and a time zone, e.g. "Moscow Europe/Moscow"']),
    ("clock bad zone", HEAD + "clock = Moscow Europe/Nowhere\n",
     ["{f}:4: clock names a time zone this system does not know"]),
    ("nine clocks", HEAD + "clock = Moscow Europe/Moscow\n" * 9, ["{f}:12: clock is given more than 8 times"]),
    ("url trailing slash", HEAD + "site_url = https://press.example.org/\n",
     ["{f}:4: site_url must be http(s)://host[:port] without a trailing slash"]),
    ("url scheme", HEAD + "site_url = ftp://press.example.org\n",
     ["{f}:4: site_url must be http(s)://host[:port] without a trailing slash"]),
    ("missing equals", HEAD + "workers 4\n", ['{f}:4: expected "key = value"']),
    ("socket and listen", HEAD + "socket = /run/pressroom/pressroom.sock\nlisten = 127.0.0.1:9000\n",
     ["{f}:5: give socket or listen, not both"]),
    # A "#" is not a comment inside a value: the value would be silently cut short.
    ("hash in a value", HEAD + "tagline = Statements # and news\n",
     ['{f}:4: a "#" may only start a comment line, not stand in a value']),
    ("health not addresses", HEAD + "health_allow = 127.0.0.1, monitoring.example.org\n",
     ["{f}:4: health_allow must be IP addresses separated by commas"]),
    ("empty text", HEAD + "tagline =\n", ["{f}:4: tagline must not be empty"]),
    ("control character", HEAD + "tagline = Press\x01releases\n", ["{f}:4: tagline must be one line of UTF-8 text"]),
    ("several problems", HEAD + "workers = 0\nbody_limit = 2T\n\n# the rest is fine\ncache_max_age = 2s\n"
     "database = pressroom.db\n",
     ["{f}:4: workers must be a number from 1 to 64", "{f}:5: body_limit must be a size from 1K to 1024M (e.g. 1M)",
      "{f}:9: database must be an absolute path"]),
]


class ConfigCheck(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pressroom-config-")
        os.chmod(self.dir, 0o755)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, name, text, mode=0o644):
        path = os.path.join(self.dir, name.replace(" ", "-") + ".conf")
        with open(path, "w") as f:
            f.write(text)
        os.chmod(path, mode)
        return path

    def test_at_least_ten_kinds_of_mistake_are_covered(self):
        self.assertGreaterEqual(len(CASES), 20)

    def test_each_broken_file_gets_its_exact_messages_from_config_check(self):
        for name, text, expected in CASES:
            with self.subTest(name):
                path = self.write(name, text)
                proc = run("config", "check", "--config", path)
                self.assertEqual(proc.returncode, 1)
                self.assertEqual(proc.stderr, "".join(e.format(f=path) + "\n" for e in expected))
                self.assertEqual(proc.stdout, "")

    def test_serve_refuses_each_with_the_same_messages(self):
        for name, text, expected in CASES:
            with self.subTest(name):
                path = self.write(name, text)
                proc = run("serve", "--config", path, "--socket", os.path.join(self.dir, "s.sock"),
                           "--db", os.path.join(self.dir, "none.db"))
                self.assertEqual(proc.returncode, 1)
                self.assertEqual(proc.stderr, "".join(e.format(f=path) + "\n" for e in expected) + NOT_STARTING)
                self.assertFalse(os.path.exists(os.path.join(self.dir, "s.sock")))

    def test_serve_reads_pressroom_config_from_the_environment(self):
        path = self.write("env", HEAD + "workers = 0\n")
        proc = run("serve", "--socket", os.path.join(self.dir, "s.sock"), env=dict(os.environ, PRESSROOM_CONFIG=path))
        self.assertEqual((proc.returncode, proc.stderr),
                         (1, f"{path}:4: workers must be a number from 1 to 64\n" + NOT_STARTING))

    def test_the_file_may_be_named_as_an_argument(self):
        # As `nginx -t -c FILE` and `visudo -cf FILE` are used: the same checks, the same answers.
        good = self.write("plain", HEAD + "site_url = https://press.example.org\n")  # else a warning says so
        proc = run("config", "check", good)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr), (0, f"{good}: ok\n", ""))
        name, text, expected = CASES[0]
        bad = self.write(name, text)
        proc = run("config", "check", bad)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr),
                         (1, "", "".join(e.format(f=bad) + "\n" for e in expected)))
        # The argument wins over $PRESSROOM_CONFIG, as --config does.
        proc = run("config", "check", good, env=dict(os.environ, PRESSROOM_CONFIG=bad))
        self.assertEqual((proc.returncode, proc.stdout), (0, f"{good}: ok\n"))

    def test_a_file_named_twice_is_refused_clearly(self):
        good = self.write("plain", HEAD)
        for args in ([good, "--config", good], ["--config", good, good], [good, good]):
            with self.subTest(args):
                proc = run("config", "check", *args)
                self.assertEqual((proc.returncode, proc.stdout), (2, ""))
                first = proc.stderr.splitlines()[0]
                if args.count("--config"):
                    self.assertEqual(first, "pressroom: config check takes one file: FILE or --config FILE, "
                                            "not both")
                else:
                    self.assertEqual(first, f"pressroom: unexpected argument {good}")

    def test_a_missing_file(self):
        path = os.path.join(self.dir, "missing.conf")
        proc = run("config", "check", "--config", path)
        self.assertEqual((proc.returncode, proc.stderr), (1, f"{path}: cannot read: No such file or directory\n"))
        proc = run("serve", "--config", path, "--socket", os.path.join(self.dir, "s.sock"))
        self.assertEqual((proc.returncode, proc.stderr),
                         (1, f"{path}: cannot read: No such file or directory\n" + NOT_STARTING))

    def test_an_unreadable_file(self):
        # pressroom.conf is root:pressroom 0640 (docs/deploy.md); a user outside the group cannot read it.
        path = self.write("secret", HEAD, mode=0o600)
        binary = os.path.join(self.dir, "pressroom")
        shutil.copy(BIN, binary)
        os.chmod(binary, 0o755)
        cmd = [binary, "config", "check", "--config", path]
        if os.getuid() == 0:
            cmd = ["setpriv", "--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "--", *cmd]
        else:
            os.chmod(path, 0)
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=30)
        self.assertEqual((proc.returncode, proc.stderr), (1, f"{path}: cannot read: Permission denied\n"))

    def test_a_folder_is_not_a_configuration(self):
        proc = run("config", "check", "--config", self.dir)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr), (1, "", f"{self.dir}: is not a file\n"))

    def test_db_and_user_commands_use_the_configurations_database(self):
        db = os.path.join(self.dir, "configured.db")
        path = self.write("db", HEAD + f"database = {db}\n")
        proc = run("db", "init", "--config", path, cwd=self.dir)
        self.assertEqual((proc.returncode, proc.stdout.split(":")[0]), (0, db))
        self.assertFalse(os.path.exists(os.path.join(self.dir, "pressroom.db")))
        proc = run("user", "add", "alice", "--role", "editor", input="a long enough password\n",
                   env=dict(os.environ, PRESSROOM_CONFIG=path), cwd=self.dir)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertIn("alice", run("user", "list", "--config", path).stdout)
        # --db still wins over the configuration.
        other = os.path.join(self.dir, "other.db")
        proc = run("db", "init", "--config", path, "--db", other)
        self.assertEqual((proc.returncode, proc.stdout.split(":")[0]), (0, other))
        self.assertNotIn("alice", run("user", "list", "--db", other).stdout)
        # A broken configuration stops the command before it touches anything.
        broken = self.write("broken", HEAD + "database = relative.db\n")
        proc = run("db", "check", "--config", broken)
        self.assertEqual((proc.returncode, proc.stderr), (1, f"{broken}:4: database must be an absolute path\n"
                                                             "pressroom: fix the configuration first "
                                                             "(pressroom config check)\n"))

    def test_a_good_file_with_every_kind_of_value(self):
        db = os.path.join(self.dir, "pressroom.db")
        self.assertEqual(run("db", "init", "--db", db).returncode, 0)
        path = self.write("good", HEAD + "site_url = https://press.example.org:8443\nsite_zone = Europe/London\n"
                          "clock = New York America/New_York\nclock = Moscow Europe/Moscow\n"
                          f"database = {db}\nlisten = 127.0.0.1:9000\nworkers = 64\n"
                          "body_limit = 512K\nsession_idle = 90m\nsession_lifetime = 1d\ncache_max_age = 0\n"
                          "cache_stale = 7d\nhealth_allow = 127.0.0.1, ::1, 192.0.2.10\n  # indented comment\n"
                          "tagline = Statements\n")
        proc = run("config", "check", "--config", path)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr), (0, f"{path}: ok\n", ""))


# What serve refuses at start though the file itself is well formed: config check must refuse it too, with
# the line at fault. {d} is the test's folder, where db init made good.db.
MACHINE = [
    ("no templates", "templates = /nonexistent\n",
     "{f}:4: templates cannot open template folder /nonexistent: No such file or directory"),
    ("no such user", "user = nosuchuser\n", "{f}:4: user nosuchuser does not exist on this system"),
    ("root", "user = root\n", "{f}:4: user root is root: workers must run unprivileged"),
    ("no database", "database = {d}/missing.db\n",
     "{f}:4: database cannot open database {d}/missing.db: unable to open database file (create it with: "
     "pressroom db init --db {d}/missing.db)"),
    ("old schema", "database = {d}/empty.db\n",
     "{f}:4: database {d}/empty.db is at schema version 0, this binary needs {v}: run pressroom db migrate"),
]


class MachineCheck(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="pressroom-machine-")
        self.good = os.path.join(self.dir, "good.db")
        self.assertEqual(run("db", "init", "--db", self.good).returncode, 0)
        open(os.path.join(self.dir, "empty.db"), "w").close()
        self.version = re.search(r"schema version (\d+)", run("db", "migrate", "--db", self.good).stdout).group(1)

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write(self, text):
        path = os.path.join(self.dir, "p.conf")
        with open(path, "w") as f:
            f.write(HEAD + text.format(d=self.dir))
        return path

    def test_config_check_refuses_what_serve_refuses_with_the_line(self):
        for name, text, expected in MACHINE:
            with self.subTest(name):
                if "database" not in text:
                    text += f"database = {self.good}\n"
                path = self.write(text)
                proc = run("config", "check", path)
                self.assertEqual((proc.returncode, proc.stdout), (1, ""), proc.stderr)
                self.assertEqual(proc.stderr.splitlines()[0], expected.format(f=path, d=self.dir, v=self.version))
                # ... and serve does refuse it (the test runs as root, so the user matters as it would there).
                serve = run("serve", "--config", path, "--listen", "127.0.0.1:1")
                self.assertEqual(serve.returncode, 1, serve.stderr)

    def test_a_fresh_site_is_ok_with_a_warning_until_it_has_clocks_or_contacts(self):
        path = self.write(f"database = {self.good}\nsite_url = https://press.example.org\n")
        proc = run("config", "check", path)
        self.assertEqual((proc.returncode, proc.stdout), (0, f"{path}: ok\n"))
        self.assertIn(f"{path}: warning: the site has no clock cities and no contacts", proc.stderr)
        self.assertEqual(run("site", "clocks", "London=Europe/London", "--db", self.good).returncode, 0)
        proc = run("config", "check", path)
        self.assertEqual((proc.returncode, proc.stdout, proc.stderr), (0, f"{path}: ok\n", ""))

    def test_a_socket_whose_folder_is_missing_is_a_warning(self):
        # Not an error: pressroom.socket makes the folder, and systemd passes the socket to serve.
        path = self.write(f"database = {self.good}\nsite_url = https://press.example.org\n"
                          "socket = /nonexistent/pressroom.sock\nclock = London Europe/London\n")
        proc = run("config", "check", path)
        self.assertEqual((proc.returncode, proc.stdout), (0, f"{path}: ok\n"))
        self.assertEqual(proc.stderr, f"{path}:6: warning: socket's folder /nonexistent does not exist: serve "
                                      "cannot make the socket unless systemd passes it (pressroom.socket makes "
                                      "the folder)\n")


if __name__ == "__main__":
    harness.main()
