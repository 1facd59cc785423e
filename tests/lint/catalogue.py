"""catalogue.py: the message catalogues keep up with the code. The msgids xgettext finds in src/ now
(po/make-pot) are those of po/pressroom.pot, and every one has a Russian translation in po/ru.po that is
neither missing nor fuzzy, and msgfmt --check accepts ru.po (formats, plural forms, header). So a new
interface string cannot reach the Russian site in English. See docs/languages.md.

    python3 tests/lint/catalogue.py SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../.."))
problems = []


def run(*args):
    return subprocess.run(args, cwd=root, capture_output=True, text=True)


def msgids(po_text):
    """The (msgctxt, msgid) pairs of a .po or .pot text, the header left out (single-line strings, as
    po/make-pot and msgmerge --no-wrap write them)."""
    out = set()
    for block in po_text.split("\n\n"):
        if re.search(r"^#~", block, re.M):
            continue  # obsolete entries
        ctx = re.search(r'^msgctxt "(.*)"$', block, re.M)
        mid = re.search(r'^msgid "(.*)"$', block, re.M)
        if mid and mid.group(1):
            out.add((ctx.group(1) if ctx else "", mid.group(1)))
    return out


with tempfile.TemporaryDirectory() as tmp:
    fresh = os.path.join(tmp, "fresh.pot")
    r = run(os.path.join(root, "po/make-pot"), fresh)
    if r.returncode != 0:
        problems.append("po/make-pot failed: " + r.stderr)
    else:
        now = msgids(open(fresh, encoding="utf-8").read())
        kept = msgids(open(os.path.join(root, "po/pressroom.pot"), encoding="utf-8").read())
        if len(now) < 50:
            problems.append(f"xgettext found only {len(now)} msgids: are the keywords right?")
        for ctx, mid in sorted(now - kept):
            problems.append(f"po/pressroom.pot lacks {mid!r} (context {ctx!r}): run po/make-pot")
        for ctx, mid in sorted(kept - now):
            problems.append(f"po/pressroom.pot still has {mid!r} (context {ctx!r}), no longer in src/: run po/make-pot")
        for po in sorted(f for f in os.listdir(os.path.join(root, "po")) if f.endswith(".po")):
            path = os.path.join(root, "po", po)
            r = run("msgfmt", "--check", "--output-file=/dev/null", path)
            if r.returncode != 0:
                problems.append(f"po/{po}: msgfmt --check: {r.stderr.strip()}")
            merged = os.path.join(tmp, po)
            r = run("msgmerge", "--quiet", "--no-fuzzy-matching", "--no-wrap", "--output-file=" + merged, path, fresh)
            if r.returncode != 0:
                problems.append(f"po/{po}: msgmerge: {r.stderr.strip()}")
                continue
            for flag, why in (("--untranslated", "has no translation"), ("--only-fuzzy", "is fuzzy")):
                r = run("msgattrib", flag, "--no-obsolete", "--no-wrap", merged)
                for ctx, mid in sorted(msgids(r.stdout)):
                    problems.append(f"po/{po}: {mid!r} (context {ctx!r}) {why}")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
