#!/usr/bin/env python3
"""Every text healthact writes for people has both languages (issue 16).

Extracts the texts of Tr(), Noop() and Format() from the sources with xgettext (the
gettext tools), and checks that each has a translation in the catalog of the
other language: po/zh.po for the texts first written in English, po/en.po for
those first written in Chinese.  A translation must keep every placeholder
($0, $1, …) of its text.  Also checks that neither catalog keeps a text the
sources no longer have, except the words the code passes through Tr() from
its vocabulary (the entries under a "Words" heading).

usage: catalogs_test.py SOURCE_DIR
"""
import glob
import os
import re
import subprocess
import sys
import tempfile

# A text with an English word was first written in English (it may quote a
# Chinese word: "the header needs the column unit (单位)"); the others in Chinese.
ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")
PLACEHOLDER = re.compile(r"\$\d")


def unquote(lines):
    return "".join(bytes(l[1:-1], "utf-8").decode("unicode_escape").encode("latin-1").decode("utf-8")
                   for l in lines)


def entries(path):
    """(msgid, msgstr, in the vocabulary section) of a .po or .pot file."""
    out = []
    section_words = False
    current = None
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.strip()
            if line.startswith("# ----"):
                section_words = "Words" in line
            if line.startswith("msgid "):
                current = {"id": [line[6:]], "str": [], "words": section_words}
                part = "id"
                out.append(current)
            elif line.startswith("msgstr "):
                current["str"] = [line[7:]]
                part = "str"
            elif line.startswith('"') and current is not None:
                current[part].append(line)
    return [(unquote(e["id"]), unquote(e["str"]), e["words"]) for e in out if unquote(e["id"])]


def main():
    source = sys.argv[1]
    files = []
    for folder in ("src", "tools", "capi"):
        for extension in ("cc", "hpp"):
            files += glob.glob(os.path.join(source, folder, "**", "*." + extension), recursive=True)
    with tempfile.TemporaryDirectory() as work:
        pot = os.path.join(work, "healthact.pot")
        # A UTF-8 locale, or xgettext cannot read the Chinese texts; its warning that
        # a text is not ASCII is the point here, and not shown.
        environment = dict(os.environ, LC_ALL="C.UTF-8")
        subprocess.run(["xgettext", "--language=C++", "--from-code=UTF-8", "--keyword=", "--keyword=Tr",
                        "--keyword=Noop", "--keyword=Format:1", "-o", pot] + sorted(files),
                       check=True, env=environment, stderr=subprocess.DEVNULL)
        texts = {msgid for msgid, _, _ in entries(pot)} if os.path.exists(pot) else set()
    catalogs = {lang: entries(os.path.join(source, "po", lang + ".po")) for lang in ("zh", "en")}
    problems = []
    for text in sorted(texts):
        lang = "zh" if ENGLISH_WORD.search(text) else "en"
        translated = {msgid: msgstr for msgid, msgstr, _ in catalogs[lang]}
        if not translated.get(text):
            problems.append(f"po/{lang}.po has no translation of {text!r}")
    for lang, catalog in catalogs.items():
        for msgid, msgstr, words in catalog:
            if sorted(PLACEHOLDER.findall(msgid)) != sorted(PLACEHOLDER.findall(msgstr)):
                problems.append(f"po/{lang}.po: {msgstr!r} does not keep the placeholders of {msgid!r}")
            if not words and msgid not in texts:
                problems.append(f"po/{lang}.po translates {msgid!r}, which no source has")
    for problem in problems:
        print(problem)
    print(f"{len(texts)} texts, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
