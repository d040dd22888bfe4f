-- Analyst questions over a database built with sql/schema.sql and sql/ingest.sql.
-- Needs the module loaded first, e.g.
--   sqlite3 examples/demo.db -cmd '.load build/vnsql' '.read examples/queries.sql'
-- Every question is printed before its answer. Nothing here writes to the
-- database (one TEMP view for short file names lives only in this session).
.headers on
.mode box --wrap 70
.bail on

-- Short names for the articles: the path without its folders.
CREATE TEMP VIEW IF NOT EXISTS article AS
  SELECT id, replace(path, rtrim(path, replace(path, '/', '')), '') AS file,
         title, published, source
  FROM documents;

.print
.print '-- 1. Accent-insensitive search: which articles talk about "tinh gian bien che" (typed without marks)?'
-- Unmarked query words match every marked spelling (tinh giản biên chế).
SELECT a.file,
       snippet(documents_fts, 1, '[', ']', ' … ', 12) AS passage
FROM documents_fts JOIN article AS a ON a.id = documents_fts.rowid
WHERE documents_fts MATCH 'tinh gian bien che'
ORDER BY rank;

.print
.print '-- 2. Exact search: "hòa" with its tone mark finds hòa/hoà only, not hóa, hoa or Hoa'
-- A query word that carries marks matches only that spelling (either tone placement).
SELECT a.file,
       highlight(documents_fts, 0, '[', ']') AS title,
       snippet(documents_fts, 1, '[', ']', ' … ', 8) AS passage
FROM documents_fts JOIN article AS a ON a.id = documents_fts.rowid
WHERE documents_fts MATCH 'hòa'
ORDER BY a.published;

.print
.print '-- 3. The same word without marks: "hoa" finds every spelling (hòa, hóa, Hoa ...)'
SELECT count(*) AS articles_with_hoa,
       (SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'hòa') AS articles_with_hoa_exact
FROM documents_fts WHERE documents_fts MATCH 'hoa';

.print
.print '-- 4. A phrase as a person types it, made safe by vn_query(): Nghị quyết 18-NQ/TW "bộ máy"'
SELECT vn_query('Nghị quyết 18-NQ/TW "bộ máy"') AS fts5_query;
SELECT a.file, a.published,
       snippet(documents_fts, 1, '[', ']', ' … ', 10) AS passage
FROM documents_fts JOIN article AS a ON a.id = documents_fts.rowid
WHERE documents_fts MATCH vn_query('Nghị quyết 18-NQ/TW "bộ máy"')
ORDER BY rank;

.print
.print '-- 5. Which articles cite 18-NQ/TW, when, and how do they write it?'
-- Short references ("Nghị quyết 18", "Nghị quyết số 18, 19") count: resolved = 1.
SELECT a.published, a.file,
       count(*) AS mentions,
       group_concat(DISTINCT r.surface) AS written_as
FROM document_resolutions AS r JOIN article AS a ON a.id = r.document_id
WHERE r.id = '18-NQ/TW'
GROUP BY a.id
ORDER BY a.published IS NULL, a.published;

.print
.print '-- 6. The most cited documents (one row per document, not per identifier): in how many articles, over which period, about what'
-- catalogue: 67/NĐ-CP counted as 67/2014/NĐ-CP, "Nghị quyết Trung ương 4 khóa XII" as the plenum's
-- resolutions, one identifier for two documents told apart by their issue dates (11-NQ/TW@2007, @2017).
SELECT doc, kind, issued, articles, first_cited, last_cited, subject
FROM catalogue
ORDER BY articles DESC, doc COLLATE vietnamese
LIMIT 12;

.print
.print '-- 7. Party documents and State documents: how many of each kind are cited'
SELECT CASE WHEN id LIKE '%/%/%' OR id LIKE '%-CP' OR id LIKE '%-TTg' OR id LIKE '%/QH%'
            THEN 'State' ELSE 'Party' END AS system,
       kind, count(DISTINCT id) AS distinct_documents, count(*) AS mentions
FROM document_resolutions
WHERE id IS NOT NULL
GROUP BY system, kind
ORDER BY system, mentions DESC;

.print
.print '-- 8. Every official, with the titles the articles give them and in how many articles, in dictionary order'
SELECT o.name,
       group_concat(o.title, '; ') AS titles,
       (SELECT count(DISTINCT document_id) FROM document_officials AS x WHERE x.name = o.name) AS articles
FROM (SELECT name, title FROM official_titles ORDER BY name, documents DESC, title) AS o
GROUP BY o.name
ORDER BY o.name COLLATE vietnamese;

.print
.print '-- 9. Who appears alongside whom (officials named in the same article)'
SELECT a.name AS official, group_concat(b.name, ', ') AS appears_with
FROM (SELECT DISTINCT document_id, name FROM document_officials) AS a
JOIN (SELECT DISTINCT document_id, name FROM document_officials ORDER BY name COLLATE vietnamese) AS b
  ON b.document_id = a.document_id AND b.name <> a.name
GROUP BY a.name
ORDER BY a.name COLLATE vietnamese
LIMIT 20;

.print
.print '-- 10. Which officials appear in articles that cite which documents'
SELECT r.id AS document,
       count(DISTINCT o.name) AS officials,
       group_concat(DISTINCT o.name) AS names
FROM (SELECT DISTINCT document_id, id FROM document_resolutions WHERE id IS NOT NULL) AS r
JOIN (SELECT DISTINCT document_id, name FROM document_officials ORDER BY name COLLATE vietnamese) AS o
  ON o.document_id = r.document_id
GROUP BY r.id
ORDER BY officials DESC, r.id COLLATE vietnamese
LIMIT 12;

.print
.print '-- 11. Mentions of documents per month (by publication date of the citing article)'
SELECT substr(a.published, 1, 7) AS month,
       count(DISTINCT a.id) AS articles,
       count(r.id) AS mentions,
       group_concat(DISTINCT r.id) AS documents
FROM article AS a LEFT JOIN document_resolutions AS r ON r.document_id = a.id AND r.id IS NOT NULL
WHERE a.published IS NOT NULL
GROUP BY month
ORDER BY month;

.print
.print '-- 12. Articles per source'
SELECT coalesce(source, '(not named)') AS source, count(*) AS articles,
       min(published) AS first, max(published) AS last
FROM article
GROUP BY source
ORDER BY articles DESC, source COLLATE vietnamese;

.print
.print '-- 13. Provincial and district Party documents (issuer TU or HU) and where they were cited'
SELECT r.id, r.kind, a.file, a.published
FROM document_resolutions AS r JOIN article AS a ON a.id = r.document_id
WHERE r.id LIKE '%/TU' OR r.id LIKE '%/HU'
GROUP BY r.id, a.id
ORDER BY a.published;

.print
.print '-- 14. Who was Bí thư of each province (Tỉnh ủy, or Thành ủy of a centrally-run city), with the province as it is since 1 July 2025'
-- person_titles: one row per person and canonical title; the province of "Bí thư Tỉnh ủy" alone comes from the article.
SELECT t.province_2025 AS province_now, t.province AS province_then, p.name, t.title,
       t.documents, t.first_published, t.last_published
FROM person_titles AS t JOIN people AS p ON p.id = t.person_id
WHERE t.role = 'Bí thư' AND t.deputy = 0 AND t.body IN ('Tỉnh ủy', 'Thành ủy') AND t.province IS NOT NULL
ORDER BY t.province_2025 COLLATE vietnamese, t.province COLLATE vietnamese, t.first_published;

.print
.print '-- 15. Every office of one person, in order of first appearance'
SELECT t.title, iif(t.former, 'former', '') AS former, t.documents, t.first_published, t.last_published
FROM person_titles AS t JOIN people AS p ON p.id = t.person_id
WHERE p.key = vn_name_key('Ngô Văn Hiền')
ORDER BY t.first_published IS NULL, t.first_published, t.title COLLATE vietnamese;

.print
.print '-- 16. Which provinces did Politburo delegations inspect, in which year (2017 in the baomoi corpus), led by whom, on which resolutions?'
-- document_delegations is filled by ingest (delegations(body, published)); the year is the session's,
-- else the article's. One year only: add AND v.year = '2017'.
SELECT v.year, v.province, v.head, v.date, v.number,
       (SELECT group_concat(j.value, ', ') FROM json_each(v.documents) AS j) AS resolutions,
       a.file
FROM delegation_visits AS v JOIN article AS a ON a.id = v.document_id
WHERE v.sender LIKE 'Bộ Chính trị%'
ORDER BY v.year, v.province COLLATE vietnamese, v.date;
