#!/usr/bin/python3
"""An experiment for issue 18, not what the module does: would FTS5's prefix
path make an accentless word as cheap as in fold mode?

  bench/prefix_path_experiment.py [--corpus FILE.jsonl.xz] [--mb 30] [--runs 15]

The first --mb MB of the corpus is written twice, as plain unicode61 text,
no module needed: once with every word folded (what fold mode indexes), once
with every word as its folded form + "0" + a code of its spelling, so that
all spellings of a folded word sort together ("đảng" -> "dang0<crc32>",
"dang" -> "dang0"). An accentless word is then the FTS5 prefix query
"dang0*" (which FTS5 merges into one doclist) instead of the synonyms the
tokenizer's smart mode hands FTS5. Prints count(*) latency (median) for
words, OR, phrases (each token a prefix: "bo0" * + "chinh0" * + ...), AND
and NEAR, in fold mode, in the prefix encoding and in smart mode (the
module's tokenizer on the same articles), with the ratios to fold. Query
runs are interleaved. README "Search at corpus scale" quotes it.
"""
import argparse, os
import sqlite3, json, lzma, re, unicodedata, zlib, time, statistics
ap = argparse.ArgumentParser()
ap.add_argument("--corpus", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/corpus/baomoi-2017.jsonl.xz"))
ap.add_argument("--mb", type=float, default=30)
ap.add_argument("--runs", type=int, default=15)
ap.add_argument("--ext", default="build/vnsql.so", help="the module, for smart mode on the same text in the same run")
a = ap.parse_args()
W=re.compile(r"\w+")
def fold(w):
    return ''.join(c for c in unicodedata.normalize('NFD', w.replace('đ','d').replace('Đ','D')) if not unicodedata.combining(c)).lower()
cache={}
def enc(w):
    r=cache.get(w)
    if r is None:
        lw=unicodedata.normalize('NFC',w.lower()); f=fold(lw)
        r=(f+"0" if lw==f else f+"0"+format(zlib.crc32(lw.encode()),'x'), f)
        cache[w]=r
    return r
docs_e, docs_f, docs_s, size = [], [], [], 0
with lzma.open(a.corpus,'rt',encoding='utf-8') as fh:
    for line in fh:
        d=json.loads(line); text=(d.get('title') or '')+"\n"+(d.get('text') or '')
        ws=W.findall(text); e=[enc(w) for w in ws]
        docs_e.append((' '.join(x[0] for x in e),)); docs_f.append((' '.join(x[1] for x in e),)); docs_s.append((text,))
        size+=len(text.encode())
        if size>a.mb*1e6: break
print(len(docs_e),"docs")
cons={}
for name, docs, tokenize in (("encoded",docs_e,"unicode61"),("fold",docs_f,"unicode61"),("smart",docs_s,"vietnamese")):
    c=sqlite3.connect(':memory:'); c.enable_load_extension(True); c.load_extension(os.path.abspath(a.ext))
    c.execute(f"CREATE VIRTUAL TABLE t USING fts5(b, tokenize='{tokenize}')")
    s=time.process_time()
    with c: c.executemany("INSERT INTO t VALUES (?)", docs)
    print(name, "build", round(time.process_time()-s,2), "s; index", c.execute("select sum(length(block)) from t_data").fetchone()[0]/1e6, "MB")
    cons[name]=c
Q=[("dang","dang0*"),("duoc","duoc0*"),("nguoi","nguoi0*"),("chinh","chinh0*"),("dang OR chinh","dang0* OR chinh0*"),
   ('"bo chinh tri"','"bo0" * + "chinh0" * + "tri0" *'),('"uy ban nhan dan"','"uy0" * + "ban0" * + "nhan0" * + "dan0" *'),
   ("chong tham nhung","chong0* tham0* nhung0*"),("NEAR(bi thu, 3)",'NEAR("bi0" * "thu0" *, 3)'),("dao*","dao*")]
times={(name,qf):[] for qf,_ in Q for name in ("fold","encoded","smart")}
hits={}
for _ in range(a.runs):
    for qf, qe in Q:
        for name,q in (("fold",qf),("encoded",qe),("smart",qf)):
            s=time.perf_counter(); n=cons[name].execute("select count(*) from t where t match ?",(q,)).fetchone()[0]
            times[(name,qf)].append((time.perf_counter()-s)*1000); hits[(name,qf)]=n
for qf, qe in Q:
    r={name:(hits[(name,qf)], statistics.median(times[(name,qf)])) for name in ("fold","encoded","smart")}
    print(f"{qf:22s} fold {r['fold'][0]:6d} {r['fold'][1]:6.2f} ms   prefix-encoded {r['encoded'][0]:6d} {r['encoded'][1]:6.2f} ms"
          f" ({r['encoded'][1]/r['fold'][1]:5.2f})   smart synonyms {r['smart'][0]:6d} {r['smart'][1]:6.2f} ms ({r['smart'][1]/r['fold'][1]:5.2f})")
