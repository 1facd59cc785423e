"""unsafe_paths.py: a cheap lint, in the manner of Fossil's, that fails when code takes an unsafe path
instead of the one safe module: the wire only through serve.c/resp.c, SQL only through db.c (and none at
all in the pages, which read the store modules), markup only
through markup.c, templates that always auto-escape, C++ only in the ctemplate bridge, and no import circle
among the modules of src/.

    python3 tests/lint/unsafe_paths.py SOURCE_DIR
"""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../..")
problems = []


def code_of(path):
    """The file without comments and string literals, so a word in either is not a call."""
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return re.sub(r'"(\\.|[^"\\])*"', '""', text)


# (pattern, files allowed to use it, why)
RULES = [
    (r"\bFCGX_\w+", {"src/serve.c"}, "the FastCGI wire belongs to serve.c; pages fill struct req"),
    (r"\bsqlite3_(prepare\w*|exec|mprintf|vmprintf|snprintf)\b", {"src/db.c", "src/backup.c"},
     "statements are prepared once in db.c from sql/queries.sql"),
    (r"\bsqlite3_\w+", None, "pages never touch SQLite: the store modules (item, store, share, audit, "
     "search_store) take (db, arena, now) and return plain structs"),
    # The media files write uploads and renditions to files of the media folder, and the decoder's result to
    # its broker: file and pipe writes, never the response.
    (r"\b(printf|puts|fputs|fwrite|write)\s*\(", {"src/main.c", "src/log.c", "src/user.c", "src/backup.c",
                                                  "src/media_upload.c", "src/media_broker.c", "src/media_decode.c",
                                                  "src/media_backup.c",
                                                  # the key file and `pressroom key`'s output (issue 15)
                                                  "src/signing_key.c", "src/cmd_key.c", "src/cmd_verify.c", "src/verify_download.c",
                                                  # `pressroom subscribers export|count` (issue 16)
                                                  "src/cmd_subscribers.c"},
     "output goes through resp_ and tpl_, messages through log_ (only the command line prints)"),
    (r"\btpl_set_rendered_markup\b", {"src/markup.c", "src/tpl.h", "src/tpl_ctemplate.cc"},
     "only cmark output may bypass escaping"),
    (r"\bcmark_\w+", {"src/markup.c"}, "markup is rendered in one place"),
    (r"\btpl_set_rendered_json\b", {"src/jsonld.c", "src/tpl.h", "src/tpl_ctemplate.cc"},
     "only jsonld.c's JSON, every value escaped by tpl_json_string, may bypass escaping"),
    (r"\btpl_json_string\b", {"src/jsonld.c", "src/tpl.h", "src/tpl_ctemplate.cc"}, "JSON is built in one place"),
]

sources = sorted(glob.glob(os.path.join(root, "src/**/*.[ch]"), recursive=True))
for path in sources:
    rel = os.path.relpath(path, root)
    code = code_of(path)
    for pattern, allowed, why in RULES:
        # allowed None: a rule for the pages, src/pages/ only
        if (rel in allowed) if allowed is not None else not rel.startswith("src/pages/"):
            continue
        for m in re.finditer(pattern, code):
            line = code.count("\n", 0, m.start()) + 1
            problems.append(f"{rel}:{line}: {m.group(0)}: {why}")

# No import circle among the modules of src/ (a module: name.c with name.h; an edge: one includes the
# other's header; the pages are left out). A circle means two modules cannot be understood, tested or changed one at a time.
graph = {}
for path in sources:
    if os.sep + "pages" + os.sep in path:
        continue  # the pages are leaves (route.c names them), and pages/item.c is no module item
    module = os.path.splitext(os.path.basename(path))[0]
    for inc in re.findall(r'#include "(?:\.\./)?(\w+)\.h"', open(path, encoding="utf-8").read()):
        if inc != module and os.path.exists(os.path.join(root, "src", inc + ".h")):
            graph.setdefault(module, set()).add(inc)
circles = set()


def walk(start, node, trail):
    for nxt in sorted(graph.get(node, ())):
        if nxt == start:
            i = trail.index(min(trail))
            circles.add(tuple(trail[i:] + trail[:i]))
        elif nxt not in trail:
            walk(start, nxt, trail + [nxt])


for module in sorted(graph):
    walk(module, module, [module])
for circle in sorted(circles):
    problems.append("import circle: " + " -> ".join(circle + (circle[0],)))

cxx = [os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "src/**/*.cc"), recursive=True)]
if cxx != ["src/tpl_ctemplate.cc"]:
    problems.append(f"C++ files {cxx}: only src/tpl_ctemplate.cc may be C++")

templates = sorted(glob.glob(os.path.join(root, "templates/*.tpl")))
if not templates:
    problems.append("no templates found")
for path in templates:
    rel = os.path.relpath(path, root)
    text = open(path, encoding="utf-8").read()
    first = text.split("\n", 1)[0]
    if first not in ('{{%AUTOESCAPE context="HTML"}}', '{{%AUTOESCAPE context="XML"}}',
                     '{{%AUTOESCAPE context="JSON"}}'):
        problems.append(f'{rel}:1: must start with {{{{%AUTOESCAPE context="HTML"}}}} (or XML, JSON for feeds)')
    for m in re.finditer(r"\{\{([A-Z0-9_]+)((?::[^}]*)?)\}\}", text):
        name, mods = m.group(1), m.group(2)
        line = text.count("\n", 0, m.start()) + 1
        if ":none" in mods and not name.endswith(("_HTML", "_JSON")):
            problems.append(f"{rel}:{line}: {name}:none: only *_HTML (cmark) and *_JSON (jsonld.c) may skip escaping")
        if name.endswith(("_HTML", "_JSON")) and mods != ":none":
            problems.append(f"{rel}:{line}: {name} holds HTML and must be printed with :none")
        # :pre_escape is HTML escaping that keeps line breaks (textareas, hidden fields of multi-line text).
        if mods and ":none" not in mods and mods != ":pre_escape":
            problems.append(f"{rel}:{line}: {name}{mods}: leave escaping to the auto-escaper")

# README.md's layout names every source file, so a newcomer finds each in one look (a header with a .c
# or .cc of its name goes with it).
readme = open(os.path.join(root, "README.md"), encoding="utf-8").read()
for path in sorted(glob.glob(os.path.join(root, "src/**/*"), recursive=True)):
    rel = os.path.relpath(path, os.path.join(root, "src"))
    stem, ext = os.path.splitext(path)
    if os.path.isdir(path) or (ext == ".h" and (os.path.exists(stem + ".c") or os.path.exists(stem + ".cc"))):
        continue
    if f"`{rel}`" not in readme:
        problems.append(f"src/{rel}: not listed in README.md's layout")

for p in problems:
    print(p)
print(f"lint: {len(sources)} sources and {len(templates)} templates checked, {len(problems)} problems")
sys.exit(1 if problems else 0)
