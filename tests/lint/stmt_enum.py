"""stmt_enum.py: adding a query is one edit in sql/queries.sql. Runs src/embed.cmake, as the build does, on
a copy of queries.sql with one statement added, and checks that enum stmt and the name table gain it; and
that a name given twice or not spelt as an identifier stops the build.

    python3 tests/lint/stmt_enum.py SOURCE_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../..")
embed = os.path.join(root, "src/embed.cmake")
queries = open(os.path.join(root, "sql/queries.sql"), encoding="utf-8").read()
problems = []


def generate(tmp, text):
    """Run embed.cmake on text as queries.sql; return (exit code, header, C source, messages)."""
    q, out, hdr = (os.path.join(tmp, n) for n in ("queries.sql", "sql_files.c", "sql_stmts.h"))
    for path in (out, hdr):
        if os.path.exists(path):
            os.remove(path)
    with open(q, "w", encoding="utf-8") as f:
        f.write(text)
    seed = os.path.join(root, "sql/seed.sql")
    run = subprocess.run(["cmake", f"-DOUT={out}", f"-DSTMTS={hdr}", "-DMIGRATIONS=", f"-DQUERIES={q}",
                          f"-DSEED={seed}", "-P", embed], capture_output=True, text=True)
    read = lambda p: open(p, encoding="utf-8").read() if os.path.exists(p) else ""
    return run.returncode, read(hdr), read(out), run.stdout + run.stderr


with tempfile.TemporaryDirectory() as tmp:
    names = re.findall(r"^-- name: (\w+)", queries, flags=re.M)
    rc, hdr, src, msg = generate(tmp, queries)
    enum = re.findall(r"^\tSTMT_(\w+),$", hdr, flags=re.M)
    if rc != 0 or enum != [n.upper() for n in names] or "\tSTMT__MAX\n" not in hdr:
        problems.append(f"queries.sql's {len(names)} names did not become enum stmt in order: {msg}")

    rc, hdr, src, msg = generate(tmp, queries + "\n-- name: zz_added_by_test\nSELECT 1;\n")
    if rc != 0 or not re.search(r"\tSTMT_ZZ_ADDED_BY_TEST,\n\tSTMT__MAX\n", hdr) or \
            '"zz_added_by_test",' not in src:
        problems.append(f"a statement added to queries.sql is not in the enum and the names: {msg}")

    for bad, why in ((f"\n-- name: {names[0]}\nSELECT 1;\n", "named twice"),
                     ("\n-- name: Bad-Name\nSELECT 1;\n", "a statement name is")):
        rc, hdr, src, msg = generate(tmp, queries + bad)
        if rc == 0 or why not in msg:
            problems.append(f"embed.cmake accepted {bad.strip()!r} (rc {rc}): {msg}")

for p in problems:
    print(p)
print(f"stmt_enum: {len(problems)} problems")
sys.exit(1 if problems else 0)
