#!/usr/bin/env python3
"""Writes the generated fuzz seeds into --out/<target>/: the string literals of
tests/*_test.cpp, the cells of tests/cases/*.tsv, lines of ../shared/seeds, and a few hundred short snippets cut
from the first articles of ../shared/corpus/baomoi-2017.jsonl.xz. Deterministic.
The corpus is read at run time and never copied into the repository."""
import argparse, hashlib, json, os, random, re, shutil, subprocess, sys

TARGETS = ["tokenizer", "normalize", "resolutions", "officials", "delegations", "decode", "dates", "query", "cost"]
# Snippets worth more than a random sentence: document identifiers, titles, dates.
INTERESTING = re.compile(r"Nghị quyết|Quyết định|Nghị định|Chỉ thị|Kết luận|Quy định|Thông tư|số \d|"
                         r"\d+[-/]\w|Bí thư|Chủ tịch|Ủy viên|Uỷ viên|Bộ trưởng|đồng chí|Đồng chí|ông |bà |"
                         r"ngày \d|tháng \d|năm \d{4}", re.I)


def test_literals(source):
    out = []
    literal = re.compile(r'(?:u8)?"((?:[^"\\\n]|\\.)*)"')
    tests = os.path.join(source, "tests")
    for name in sorted(os.listdir(tests)):
        if not name.endswith("_test.cpp"):
            continue
        with open(os.path.join(tests, name), encoding="utf-8", errors="replace") as f:
            for m in literal.finditer(f.read()):
                s = m.group(1)
                if len(s) < 4:
                    continue
                try:  # C escapes (\n, \x80, \") as Python reads them, kept as bytes
                    b = s.encode("utf-8").decode("unicode_escape").encode("latin-1")
                except (UnicodeDecodeError, UnicodeEncodeError):
                    b = s.encode("utf-8")
                out.append(b)
    return out


def tsv_unescape(cell):
    """A cell of tests/cases/*.tsv as bytes (escapes: tests/cases/README.md)."""
    out, i = bytearray(), 0
    while i < len(cell):
        c = cell[i : i + 2] if cell[i] == "\\" else cell[i]
        digits = {"\\x": 2, "\\u": 4, "\\U": 8}.get(c, 0)
        if digits:
            v = int(cell[i + 2 : i + 2 + digits], 16)
            out += bytes([v]) if c == "\\x" else chr(v).encode("utf-8", "surrogatepass")
            i += digits
        else:
            out += {"\\t": b"\t", "\\n": b"\n", "\\r": b"\r", "\\\\": b"\\"}.get(c, c[-1].encode())
        i += len(c)
    return bytes(out)


def case_cells(source):
    out = []
    cases = os.path.join(source, "tests", "cases")
    for name in sorted(os.listdir(cases)):
        if name.endswith(".tsv"):
            with open(os.path.join(cases, name), encoding="utf-8") as f:
                out += [tsv_unescape(c) for line in f if not line.startswith("#")
                        for c in line.rstrip("\n").split("\t") if len(c) >= 4]
    return out


def shared_lines(shared):
    out = []
    seeds = os.path.join(shared, "seeds")
    if os.path.isdir(seeds):
        for name in sorted(os.listdir(seeds)):
            with open(os.path.join(seeds, name), "rb") as f:
                out += [l for l in f.read().split(b"\n") if len(l) > 10]
    return out


def corpus_snippets(shared, articles, count):
    path = os.path.join(shared, "corpus", "baomoi-2017.jsonl.xz")
    if not os.path.exists(path):
        return []
    proc = subprocess.Popen(["xz", "-dc", path], stdout=subprocess.PIPE)
    sentences = []
    for i, line in enumerate(proc.stdout):
        if i >= articles:
            break
        doc = json.loads(line)
        text = (doc.get("title") or "") + "\n" + (doc.get("text") or "")
        sentences += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if 20 <= len(s.strip()) <= 400]
    proc.kill()
    proc.wait()
    rng = random.Random(8)
    interesting = [s for s in sentences if INTERESTING.search(s)]
    other = [s for s in sentences if not INTERESTING.search(s)]
    picked = rng.sample(interesting, min(len(interesting), count * 3 // 4))
    picked += rng.sample(other, min(len(other), count - len(picked)))
    return [s.encode("utf-8") for s in picked]


def search_queries(source, shared):
    out = []
    for path in (os.path.join(source, "tests", "search_cases.tsv"), os.path.join(shared, "gold", "search_cases.tsv")):
        if os.path.exists(path):
            with open(path, "rb") as f:
                out += [l.split(b"\t")[1] for l in f if l.count(b"\t") >= 1 and not l.startswith(b"#")]
    return out


def encodings_of(snippet):
    text = snippet.decode("utf-8", errors="replace")
    out = [snippet, b"\xef\xbb\xbf" + snippet, text.encode("utf-16-le"), b"\xfe\xff" + text.encode("utf-16-be")]
    try:
        out.append(text.encode("cp1258"))
    except UnicodeEncodeError:
        pass
    return out


def write(directory, items):
    os.makedirs(directory, exist_ok=True)
    for b in items:
        with open(os.path.join(directory, hashlib.sha1(b).hexdigest()), "wb") as f:
            f.write(b)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--snippets", type=int, default=300)
    a = ap.parse_args()
    shutil.rmtree(a.out, ignore_errors=True)
    texts = test_literals(a.source) + case_cells(a.source) + shared_lines(a.shared) + corpus_snippets(a.shared, a.articles, a.snippets)
    for t in TARGETS:
        if t == "decode":
            write(os.path.join(a.out, t), [e for s in texts[:: 2] for e in encodings_of(s)])
        elif t == "query":
            write(os.path.join(a.out, t), search_queries(a.source, a.shared) + [s[:120] for s in texts])
        else:
            write(os.path.join(a.out, t), texts)
    print(f"{len(texts)} seed texts in {a.out}/{{{','.join(TARGETS)}}}")


if __name__ == "__main__":
    sys.exit(main())
