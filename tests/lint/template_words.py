"""template_words.py: every visible word of the public site comes from the message catalogue (po/). A public
template (templates/*.tpl but the admin's, which may stay English) may hold markup, {{variables}}, entities,
digits and punctuation, but no letters of its own, neither between tags nor in the attributes a reader sees
or hears (aria-label, placeholder, title, alt); its words are {{W_...}} variables, each of which must be in
src/words.c's table (with its msgid) naming that template among those that show it (a page sets only its
templates' words), and every word there must be used, by each template it names.

    python3 tests/lint/template_words.py SOURCE_DIR
"""
import glob
import os
import re
import sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "../..")
SHOWN_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


def own_text(template):
    """The words a template shows that are not variables: [(line, text)]."""
    found = []
    text = re.sub(r"\{\{!.*?\}\}", lambda m: "\n" * m.group(0).count("\n"), template, flags=re.S)  # comments
    text = re.sub(r"\{\{[^}]*\}\}", " ", text)                                                      # markers
    text = re.sub(r"&[a-zA-Z]+;|&#\d+;", " ", text)                                                 # entities
    for m in re.finditer(r"<[^>]*>|[^<]+", text):
        piece = m.group(0)
        line = text.count("\n", 0, m.start()) + 1
        if piece.startswith("<"):
            for name, value in re.findall(r'([a-zA-Z-]+)="([^"]*)"', piece):
                if name in SHOWN_ATTRIBUTES and re.search(r"[^\W\d_]", value):
                    found.append((line, f'{name}="{value.strip()}"'))
        elif re.search(r"[^\W\d_]", piece):
            found.append((line, piece.strip()))
    return found


def self_test():
    """The check must be able to fail: it finds text and shown attributes, and lets variables pass."""
    sample = '<p>Hello {{NAME}}</p><a aria-label="Main" href="/x">{{W_X}}</a> &middot; 12 <b title="{{T}}">{{Y}}</b>'
    assert [t for _, t in own_text(sample)] == ["Hello", 'aria-label="Main"'], own_text(sample)


self_test()
problems = []
words_c = open(os.path.join(root, "src/words.c"), encoding="utf-8").read()
table = {key: set(templates.split()) for key, templates in
         re.findall(r'\{"(W_[A-Z0-9_]+)", "([a-z_ ]+)", I18N_NOOP\("', words_c)}
used = set()
for path in sorted(glob.glob(os.path.join(root, "templates/*.tpl"))):
    name = os.path.basename(path)
    if name.startswith("admin_"):
        continue  # the press officers' pages may stay English (issue 13)
    template = open(path, encoding="utf-8").read()
    for line, text in own_text(template):
        problems.append(f"templates/{name}:{line}: visible text outside the catalogue: {text!r} "
                        "(use a {{W_...}} word from src/words.c)")
    for w in re.findall(r"\{\{(W_[A-Z0-9_]+)", template):
        used.add((w, name[:-4]))
        if w not in table:
            problems.append(f"templates/{name}: {{{{{w}}}}} is not in src/words.c's table")
        elif name[:-4] not in table[w]:
            problems.append(f"templates/{name}: {{{{{w}}}}} is shown here but src/words.c's table does not name "
                            f"{name[:-4]!r} among its templates (the page would show it empty)")
for w, templates in sorted(table.items()):
    for t in sorted(templates):
        if (w, t) not in used:
            problems.append(f"src/words.c: {w} names {t!r}, whose template does not show it")

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
