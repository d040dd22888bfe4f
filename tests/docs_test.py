#!/usr/bin/python3
"""Runs every SQL example of docs/functions/*.md in the sqlite3 shell with the
module loaded, and compares what the shell prints with the result the page shows.

The pages' one format: an example is a ```sql block, and the block right after
it (only blank lines between) is a plain ``` block with exactly what the shell
prints for it: list mode (`a|b`, NULL empty) unless the example sets another
mode with a dot-command such as `.mode column`; an error as `Error: message`.
Each example runs alone in a fresh in-memory database, from the source folder.
An example that reads ../shared is skipped when ../shared is not there.

  tests/docs_test.py --ext build/vnsql.so [PAGE.md ...]"""
import argparse, glob, os, re, subprocess, sys

root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FENCE = re.compile(r"^```(\w*)\s*$")
# The shell's ways of reporting an error, across SQLite versions.
ERROR = re.compile(r"^(?:Parse error|Runtime error|Error)(?: near line \d+)?:(?: near line \d+:)? (?:stepping, )?")


def blocks(lines):
    """(language, first line number, text, index of the opening fence, of the closing one) per fenced block."""
    out, i = [], 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        j = next((k for k in range(i + 1, len(lines)) if lines[k].startswith("```")), len(lines))
        out.append((m.group(1), i + 1, "\n".join(lines[i + 1 : j]), i, j))
        i = j + 1
    return out


def examples(path):
    """(line, sql, shown result or None when the sql block has no result block after it)."""
    lines = open(path, encoding="utf-8").read().split("\n")
    found = blocks(lines)
    for n, (language, line, text, _, close) in enumerate(found):
        if language != "sql":
            continue
        after = found[n + 1] if n + 1 < len(found) else None
        adjacent = after and after[0] in ("", "text") and not any(l.strip() for l in lines[close + 1 : after[3]])
        yield line, text, after[2] if adjacent else None


def clean(output):
    lines = [ERROR.sub("Error: ", l).rstrip() for l in output.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ext", required=True, help="the module to load")
    ap.add_argument("pages", nargs="*")
    a = ap.parse_args()
    pages = a.pages or sorted(glob.glob(os.path.join(root, "docs", "functions", "*.md")))
    shared = os.path.isdir(os.path.join(root, "..", "shared"))
    checked = skipped = 0
    failures = []
    for page in pages:
        where = os.path.relpath(page, root)
        for line, sql, shown in examples(page):
            if shown is None:
                failures.append(f"{where}:{line}: an example without a result block right after it")
                continue
            if "../shared" in sql and not shared:
                skipped += 1
                continue
            run = subprocess.run(["sqlite3", "-batch", ":memory:", "-cmd", f".load {os.path.abspath(a.ext)}"],
                                 input=sql, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=root)
            checked += 1
            got = clean(run.stdout)
            if got != clean(shown):
                failures.append(f"{where}:{line}: the page shows\n{clean(shown)}\nbut the shell prints\n{got}")
    print("\n\n".join(failures))
    print(f"{checked} examples checked, {skipped} skipped (no ../shared), {len(failures)} failed, "
          f"in {len(pages)} pages")
    return 1 if failures or not checked else 0


if __name__ == "__main__":
    sys.exit(main())
