#!/usr/bin/env bash
# The main job: build the module, load it into sqlite3, index a few Vietnamese
# sentences with the `vietnamese` tokenizer and search them.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh build
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc)" >/dev/null

sqlite3 -header -column :memory: <<'SQL'
.load ./build/vnsql
CREATE VIRTUAL TABLE news USING fts5(body, tokenize='vietnamese');
INSERT INTO news(body) VALUES
  ('Đồng chí Trương Thị Mai, Ủy viên Bộ Chính trị, làm việc tại tỉnh Sơn La'),
  ('Thực hiện Nghị quyết số 26-NQ/TW ngày 19/5/2018 của Ban Chấp hành Trung ương'),
  ('Bao cao chinh tri dai hoi dang bo tinh Son La'),
  ('Công trình thuỷ lợi được hoà thành');
.print '-- accent-insensitive: son la'
SELECT highlight(news, 0, '[', ']') AS hit FROM news WHERE news MATCH 'son la';
.print '-- exact: "Sơn La" (also finds the accent-stripped title)'
SELECT highlight(news, 0, '[', ']') AS hit FROM news WHERE news MATCH '"Sơn La"';
.print '-- identifier as a phrase: "26 - NQ / TW"'
SELECT highlight(news, 0, '[', ']') AS hit FROM news WHERE news MATCH '"26 - NQ / TW"';
.print '-- tone placement does not matter: thủy hòa'
SELECT highlight(news, 0, '[', ']') AS hit FROM news WHERE news MATCH 'thủy hòa';
SQL
