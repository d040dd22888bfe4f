#!/usr/bin/python3
"""vn_normalize() agrees with Python's unicodedata NFC on every code point
alone and on every code point below U+2000 (Latin, Greek, Cyrillic and their
extended blocks among them) followed by each combining mark U+0300-U+036F, except the look-alikes of Đ/đ
(Ð ð Ɖ ɖ), which it maps to Đ/đ. Code points that this Python's Unicode
version does not know are left out (their NFC is themselves there).

  /usr/bin/python3 tests/nfc_sweep.py --ext build/vnsql.so
"""
import argparse, os, sqlite3, sys, unicodedata

p = argparse.ArgumentParser()
p.add_argument("--ext", default=os.environ.get("VNSQL_MODULE", "build/vnsql.so"))
a = p.parse_args()
con = sqlite3.connect(":memory:")
con.enable_load_extension(True)
con.load_extension(a.ext)
LOOK_ALIKES = {0xD0, 0xF0, 0x189, 0x256}

def known(cp):
    return unicodedata.category(chr(cp)) != "Cn"

singles = [cp for cp in range(1, 0x110000) if not 0xD800 <= cp <= 0xDFFF and cp not in LOOK_ALIKES and known(cp)]
firsts = [cp for cp in range(1, 0x2000) if cp not in LOOK_ALIKES and known(cp)]
pairs = [chr(f) + chr(m) for f in firsts for m in range(0x300, 0x370)]
texts = [chr(cp) for cp in singles] + pairs
con.execute("CREATE TABLE t(x)")
con.executemany("INSERT INTO t VALUES (?)", ((x,) for x in texts))
got = con.execute("SELECT vn_normalize(x) FROM t ORDER BY rowid").fetchall()
bad = [x for x, (g,) in zip(texts, got) if g != unicodedata.normalize("NFC", x)]
print(f"Unicode {unicodedata.unidata_version}: {len(singles)} code points, {len(pairs)} pairs, {len(bad)} differ")
for x in bad[:20]:
    print("  differs:", " ".join(f"U+{ord(c):04X}" for c in x))
sys.exit(1 if bad else 0)
