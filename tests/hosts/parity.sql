-- The parity test's 10 queries over the quickstart's database (tests/hosts/test_parity.py):
-- each host runs them and must return the same rows. One statement per query, each ending
-- with ';' at the end of a line; no float results (hosts print them differently).
SELECT vnsql_version(), vn_normalize('Uỷ ban tỉnh Hoà Bình, qúy I'), vn_unaccent('Đồng chí Trương Thị Mai'),
       vn_query('Nghị quyết 26-NQ/TW Sơn La'), resolution_id('Chỉ thị số 35- CT / TW của Bộ Chính trị');
SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'tinh gian bien che' ORDER BY rowid;
SELECT (SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'hoa'),
       (SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'hòa');
SELECT rowid, highlight(documents_fts, 0, '[', ']'), snippet(documents_fts, 1, '[', ']', '…', 8)
FROM documents_fts WHERE documents_fts MATCH vn_query('Nghị quyết 18-NQ/TW "bộ máy"') ORDER BY rank, rowid;
SELECT id, kind, documents, first_published, last_published FROM resolution_mentions
ORDER BY documents DESC, id COLLATE vietnamese LIMIT 10;
SELECT name, title, documents FROM official_titles ORDER BY name COLLATE vietnamese, title LIMIT 25;
SELECT d.id AS document, r.id, r.kind, r.surface, r.start, r.length, r.resolved
FROM documents AS d, resolutions(d.body) AS r WHERE d.id <= 4 ORDER BY d.id, r.start, r.id;
SELECT d.id, o.name, o.title, o.honorific, o.start FROM documents AS d, officials(d.body) AS o
WHERE d.id IN (3, 11, 14) ORDER BY d.id, o.start, o.title;
SELECT d.id, v.date, v.surface, v.start, d.published, vn_article_source(vn_decode(d.raw))
FROM documents AS d, vn_dates(d.body) AS v WHERE d.id <= 5 ORDER BY d.id, v.start;
SELECT (SELECT group_concat(term || ':' || start || ':' || colocated, ' ') FROM vn_tokens('Uỷ ban Đắk Lắk, HĐND')),
       (SELECT group_concat(w, ' ') FROM (SELECT column1 AS w FROM (VALUES ('Đức'), ('an'), ('Ánh'), ('anh'), ('ăn'),
          ('Bình'), ('dũng'), ('đào')) ORDER BY w COLLATE vietnamese)),
       extract_officials('Bí thư Tỉnh ủy Quảng Ninh Nguyễn Xuân Ký phát biểu.');
