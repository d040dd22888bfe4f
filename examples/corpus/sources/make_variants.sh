#!/usr/bin/env bash
# Regenerates the four corpus files that are NOT plain NFC UTF-8 from their
# NFC UTF-8 sources in this folder (run from anywhere; needs python3 and glibc iconv).
#   06 -> NFD (decomposed) UTF-8         07 -> accent-stripped ASCII letters
#   08 -> Windows-1258 (iconv CP1258)    09 -> TCVN3/ABC (iconv TCVN5712-1; source uses
#         no capital letter with a tone mark, which TCVN3 lacks, so the bytes are TCVN3)
set -euo pipefail
cd "$(dirname "$0")"
out=$(realpath "${1:-..}")
python3 - "$out" <<'PY'
import sys, unicodedata
out = sys.argv[1]
def read(n): return open(n, encoding="utf-8").read()
src = read("06_hoa-binh-chi-thi-05.nfc.utf8")
open(f"{out}/06_hoa-binh-chi-thi-05.nfd.txt", "w", encoding="utf-8").write(unicodedata.normalize("NFD", src))
src = read("07_yen-bai-ban-bi-thu-nghi-quyet-19.nfc.utf8")
d = unicodedata.normalize("NFD", src).replace("đ", "d").replace("Đ", "D")
stripped = "".join(c for c in d if not unicodedata.combining(c))
assert all(ord(c) < 128 for c in stripped), "non-ASCII left in the accent-stripped file"
open(f"{out}/07_yen-bai-ban-bi-thu-nghi-quyet-19.no-accents.txt", "w", encoding="ascii").write(stripped)
PY
iconv -f UTF-8 -t CP1258 08_thanh-hoa-tong-ket-xay-dung-dang-2019.nfc.utf8 > "$out/08_thanh-hoa-tong-ket-xay-dung-dang-2019.cp1258.txt"
iconv -f UTF-8 -t TCVN5712-1 09_cao-bang-hdnd-dan-toc.nfc.utf8 > "$out/09_cao-bang-hdnd-dan-toc.tcvn3.txt"
