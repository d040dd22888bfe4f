#!/usr/bin/python3
"""Runs ../shared/eval/score.py and fails when a measure is below its threshold.

  score_gate.py --shared DIR --ext MODULE --search-cases FILE
      every search case must pass
  score_gate.py --shared DIR --ext MODULE --min resolutions.precision=0.98 ...
      the extraction measures (against DIR/seeds and DIR/gold) must reach each minimum
  score_gate.py --shared DIR --ext MODULE --gold gold-real --min names.f1=0.92 ...
      the same against DIR/gold-real, whose texts DIR/eval/corpus_docs.py writes
      out of DIR/corpus into a temporary folder
  score_gate.py --shared DIR --ext MODULE --delegations --min delegations.f1=0.90 --min head.share=0.90 ...
      DIR/eval/score_delegations.py against DIR/gold-delegations (texts: DIR/seeds and
      the corpus articles it names); NAME.share is the share right of matched delegations

Exits 77 (a skip for ctest) when DIR/eval/score.py is absent.
"""
import argparse, atexit, os, re, shutil, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("--shared", required=True)
ap.add_argument("--ext", required=True)
ap.add_argument("--search-cases")
ap.add_argument("--min", action="append", default=[], help="measure.stat=value, e.g. names.f1=0.95")
ap.add_argument("--delegations", action="store_true", help="score delegations() (score_delegations.py)")
ap.add_argument("--gold", default="gold", help="answers under DIR: gold (texts in DIR/seeds) or a set of corpus articles")
a = ap.parse_args()

score = os.path.join(a.shared, "eval", "score_delegations.py" if a.delegations else "score.py")
if a.delegations:
    a.gold = "gold-delegations"
if not os.path.exists(score):
    print(f"skipped: {score} is not here")
    sys.exit(77)

cmd = ["/usr/bin/python3", score, "--ext", a.ext]
if a.search_cases:
    cmd += ["--search", a.search_cases]
gold = os.path.join(a.shared, a.gold)
docs = os.path.join(a.shared, "seeds")
if a.gold != "gold":  # answers to corpus articles: write their texts out first
    corpus_docs = os.path.join(a.shared, "eval", "corpus_docs.py")
    if not os.path.isdir(gold) or not os.path.exists(corpus_docs):
        print(f"skipped: {gold} or {corpus_docs} is not here")
        sys.exit(77)
    docs = tempfile.mkdtemp(prefix="vnsql-" + a.gold + "-")
    atexit.register(shutil.rmtree, docs, ignore_errors=True)
    subprocess.run(["/usr/bin/python3", corpus_docs, gold, docs], check=True)
if a.delegations:
    cmd += ["--gold", gold, "--docs", os.path.join(a.shared, "seeds"), "--docs", docs]
elif a.min:
    cmd += ["--docs", docs, "--gold", gold]
run = subprocess.run(cmd, capture_output=True, text=True)
sys.stdout.write(run.stdout)
sys.stderr.write(run.stderr)
if run.returncode != 0:
    sys.exit(f"score.py exited with {run.returncode}")

failed = []
if a.search_cases:
    m = re.search(r"search cases (\d+)/(\d+) passed", run.stdout)
    if not m or m.group(1) != m.group(2) or m.group(2) == "0":
        failed.append("not every search case passed")
for spec in a.min:
    measure, value = spec.split("=")
    name, stat = measure.split(".")
    if stat == "share":  # "head         10/10 right"
        m = re.search(rf"^{name}\s+(\d+)/(\d+) right", run.stdout, re.M)
        if not m or int(m.group(2)) == 0:
            failed.append(f"no score for {name}")
        elif int(m.group(1)) / int(m.group(2)) < float(value):
            failed.append(f"{name} {m.group(1)}/{m.group(2)} < {value}")
        continue
    if name == "documents":  # "documents    F1 1.000"
        m = re.search(r"^documents\s+F1 ([\d.]+)", run.stdout, re.M)
        if not m:
            failed.append("no score for documents")
        elif float(m.group(1)) < float(value):
            failed.append(f"documents F1 {m.group(1)} < {value}")
        continue
    m = re.search(rf"^{name}\s+precision ([\d.]+) recall ([\d.]+) F1 ([\d.]+)", run.stdout, re.M)
    if not m:
        failed.append(f"no score for {name}")
        continue
    got = float(m.group({"precision": 1, "recall": 2, "f1": 3}[stat]))
    if got < float(value):
        failed.append(f"{name} {stat} {got:.3f} < {value}")
if failed:
    sys.exit("FAILED: " + "; ".join(failed))
print("score gate passed")
