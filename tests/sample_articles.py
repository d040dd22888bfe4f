"""The articles the ingest tests use: the first N of ../shared/corpus/baomoi-2017.jsonl.xz or, where
the corpus is absent, the UTF-8 files of examples/corpus, each made unique (a different sha256)."""
import json, lzma, os


def sample_articles(n, shared, source):
    """n articles, {"id", "title", "text"} from the corpus ({"id", "text"} from examples/corpus),
    and where they come from: "baomoi-2017" or "examples/corpus"."""
    corpus = os.path.join(shared, "corpus", "baomoi-2017.jsonl.xz")
    out = []
    if shared and os.path.exists(corpus):
        with lzma.open(corpus, "rt", encoding="utf-8") as f:
            for line in f:
                out.append(json.loads(line))
                if len(out) == n:
                    return out, "baomoi-2017"
    examples = os.path.join(source, "examples", "corpus")
    texts = [open(os.path.join(examples, f), encoding="utf-8").read() for f in sorted(os.listdir(examples))
             if f.endswith(".txt") and ".cp1258" not in f and ".tcvn3" not in f]
    while len(out) < n:
        i = len(out)
        out.append({"id": i, "text": texts[i % len(texts)] + f"\nBài số {i}.\n"})
    return out, "examples/corpus"
