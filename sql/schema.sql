-- The analyst's database. Needs the vnsql module loaded (.load build/vnsql):
-- the 'vietnamese' tokenizer and the resolutions(), officials() and
-- delegations() extractors.
-- Idempotent: every statement is CREATE ... IF NOT EXISTS, so running it
-- again on an existing database changes nothing.

-- A database built by an earlier schema keeps its old tables, triggers and
-- views (IF NOT EXISTS keeps them), so what the new views read would be
-- missing: such a database is refused, with what to do. It is known by a
-- column the current schema has and it lacks; a change to an existing table,
-- trigger or view adds a line to this list (with a column of the change).
DROP TABLE IF EXISTS temp.schema_check;
CREATE TEMP TABLE schema_check(missing TEXT);
CREATE TEMP TRIGGER schema_check_older BEFORE INSERT ON schema_check BEGIN
  SELECT raise(ABORT, 'schema.sql: this database was built by an earlier vnsql schema (a column of the current one is missing); build a new database from the corpus with sql/schema.sql and sql/ingest.sql or sql/ingest_jsonl.sql (docs/schema.md)');
END;
INSERT INTO temp.schema_check
  WITH expected(tbl, col) AS (
    VALUES ('document_resolutions', 'subject'),  -- issue 16: subject, issuer_name, document_dates, catalogue
           ('document_officials', 'place')       -- issue 15: places, people, person_names, person_titles
  )
  SELECT expected.tbl || '.' || expected.col FROM expected
  WHERE EXISTS (SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = expected.tbl)
    AND NOT EXISTS (SELECT 1 FROM pragma_table_info(expected.tbl) WHERE name = expected.col);
DROP TABLE temp.schema_check;

-- One row per article. raw: the original bytes; body: decoded, normalized,
-- boilerplate trailer cut; published: ISO date or NULL (the input's date, else
-- the article's own dateline); sha256 of raw.
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  path TEXT UNIQUE,
  sha256 TEXT,
  title TEXT,
  published TEXT,
  source TEXT,
  body TEXT,
  raw BLOB,
  ingested_at TEXT
);

-- Full-text index over title and body; external content: the text lives in
-- documents only, the triggers below keep the index in step. content="documents"
-- in double quotes is the spelling by which sqlite-utils and Datasette find the
-- index of a table (`sqlite-utils search DB documents ...`, `?_search=`).
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
  title, body, content="documents", content_rowid='id', tokenize='vietnamese'
);

-- What the extractors find in each body, one row per reference / per
-- (mention, title). Rows go with their document (triggers below; the
-- REFERENCES clauses also cascade when PRAGMA foreign_keys is on).
CREATE TABLE IF NOT EXISTS document_resolutions (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  id TEXT,          -- canonical identifier (26-NQ/TW), NULL when not identified
  kind TEXT,
  date TEXT,        -- the date written after the reference: the document's, as the article gives it
  surface TEXT,
  start INTEGER,    -- 1-based character position in documents.body
  length INTEGER,
  resolved INTEGER,
  number TEXT,      -- the columns of resolutions() of the same names
  symbol TEXT,
  issuer TEXT,
  year TEXT,
  subject TEXT,
  issuer_name TEXT
);
CREATE INDEX IF NOT EXISTS document_resolutions_by_id ON document_resolutions(id);
CREATE INDEX IF NOT EXISTS document_resolutions_by_document ON document_resolutions(document_id);

-- The dates written in each body (vn_dates(body, published)): with a year, and
-- days written without one ("Sáng 7/12") with the year nearest the publication
-- date (inferred = 1; none when the article has no date). "When did X happen":
-- the dates of the articles that name X, near where they name it.
CREATE TABLE IF NOT EXISTS document_dates (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  date TEXT,        -- ISO YYYY-MM-DD, or YYYY-MM for a month
  surface TEXT,
  start INTEGER,    -- 1-based character position in documents.body
  length INTEGER,
  inferred INTEGER  -- 1: the year was not written, it comes from documents.published
);
CREATE INDEX IF NOT EXISTS document_dates_by_date ON document_dates(date);
CREATE INDEX IF NOT EXISTS document_dates_by_document ON document_dates(document_id);

CREATE TABLE IF NOT EXISTS document_officials (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  name TEXT,
  title TEXT,       -- NULL for a mention without a title
  honorific TEXT,
  mention INTEGER,  -- ordinal of the mention in the body
  start INTEGER,    -- 1-based character position in documents.body
  length INTEGER,
  place TEXT        -- the province the article gives a title that names none ("Bí thư Tỉnh ủy")
);
CREATE INDEX IF NOT EXISTS document_officials_by_name ON document_officials(name);
CREATE INDEX IF NOT EXISTS document_officials_by_document ON document_officials(document_id);

-- Keeping the index and the extracted rows in step with documents.
CREATE TRIGGER IF NOT EXISTS documents_after_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
  INSERT INTO document_resolutions(document_id, id, kind, date, surface, start, length, resolved,
                                   number, symbol, issuer, year, subject, issuer_name)
    SELECT new.id, id, kind, date, surface, start, length, resolved, number, symbol, issuer, year, subject, issuer_name
    FROM resolutions(new.body);
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length, place)
    SELECT new.id, name, title, honorific, mention, start, length, place FROM officials(new.body);
  INSERT INTO document_dates(document_id, date, surface, start, length, inferred)
    SELECT new.id, date, surface, start, length, inferred FROM vn_dates(new.body, new.published);
END;

CREATE TRIGGER IF NOT EXISTS documents_after_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  DELETE FROM document_resolutions WHERE document_id = old.id;
  DELETE FROM document_officials WHERE document_id = old.id;
  DELETE FROM document_dates WHERE document_id = old.id;
END;

CREATE TRIGGER IF NOT EXISTS documents_after_update_text AFTER UPDATE OF title, body ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO documents_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TRIGGER IF NOT EXISTS documents_after_update_body AFTER UPDATE OF body ON documents BEGIN
  DELETE FROM document_resolutions WHERE document_id = old.id;
  DELETE FROM document_officials WHERE document_id = old.id;
  INSERT INTO document_resolutions(document_id, id, kind, date, surface, start, length, resolved,
                                   number, symbol, issuer, year, subject, issuer_name)
    SELECT new.id, id, kind, date, surface, start, length, resolved, number, symbol, issuer, year, subject, issuer_name
    FROM resolutions(new.body);
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length, place)
    SELECT new.id, name, title, honorific, mention, start, length, place FROM officials(new.body);
END;

-- The years of days written without one come from the publication date.
CREATE TRIGGER IF NOT EXISTS documents_after_update_dates AFTER UPDATE OF body, published ON documents BEGIN
  DELETE FROM document_dates WHERE document_id = old.id;
  INSERT INTO document_dates(document_id, date, surface, start, length, inferred)
    SELECT new.id, date, surface, start, length, inferred FROM vn_dates(new.body, new.published);
END;

-- The catalogue of the documents cited: one row per document, not per identifier.
--
-- document_citations: each identified reference with the document it cites (doc).
-- 1. A State id written without its year (67/NĐ-CP) is the one id with a year
--    the corpus gives the same number, type and issuer (67/2014/NĐ-CP), when
--    there is only one; else it stays as written.
-- 2. An id without a year in it (Party ids, 11-NQ/TW) can stand for several
--    documents: the articles tell them apart by the issue date they write after
--    it ("11-NQ/TW ngày 10/2/2007" vs "ngày 3/6/2017"; a date after the
--    article's publication is no issue date). When the corpus gives an id dates
--    of several years, each article's reference goes to the year that article
--    writes (doc '11-NQ/TW@2007'), and one that writes none to the id alone
--    (doc '11-NQ/TW': which of them it is cannot be told). An id dated in one
--    year only, or never, is one document (doc = id).
--    Ids with their year in them (62/2020/NĐ-CP) are one document each.
CREATE VIEW IF NOT EXISTS document_citations(document_id, doc, id, kind, issuer, issuer_name, date, subject,
                                             published, surface, start, length, resolved) AS
  WITH r AS MATERIALIZED (
    SELECT r.*, d.published,
           CASE WHEN substr(r.id, length(r.number) + 1, 1) = '/' THEN  -- State: NUMBER/[YEAR/]TYPE-ISSUER
             CASE WHEN r.year IS NULL THEN ltrim(r.number, '0') || '|' || r.symbol
                  WHEN length(r.symbol) > length(r.year) + 1
                  THEN ltrim(r.number, '0') || '|' || substr(r.symbol, length(r.year) + 2) END
           END AS state_key
    FROM document_resolutions AS r JOIN documents AS d ON d.id = r.document_id
    WHERE r.id IS NOT NULL
  ),
  with_year AS (
    SELECT state_key, min(id) AS id FROM r
    WHERE year IS NOT NULL AND state_key IS NOT NULL
    GROUP BY state_key HAVING count(DISTINCT id) = 1
  ),
  canon AS MATERIALIZED (
    SELECT r.*, coalesce(w.id, r.id) AS cid, (r.year IS NOT NULL OR w.id IS NOT NULL) AS has_year
    FROM r LEFT JOIN with_year AS w ON r.year IS NULL AND w.state_key = r.state_key
  ),
  article_dates AS (
    SELECT document_id, cid, date, count(*) AS n FROM canon
    WHERE date IS NOT NULL AND (published IS NULL OR date <= published)
    GROUP BY document_id, cid, date
  ),
  article_issued AS MATERIALIZED (  -- the issue date an article gives a document (the one it writes most)
    SELECT document_id, cid, date AS issued
    FROM (SELECT *, row_number() OVER (PARTITION BY document_id, cid ORDER BY n DESC, date) AS k FROM article_dates)
    WHERE k = 1
  ),
  id_years AS (
    SELECT cid, count(DISTINCT substr(issued, 1, 4)) AS years FROM article_issued GROUP BY cid
  )
  SELECT c.document_id,
         c.cid || CASE WHEN NOT c.has_year AND y.years > 1 AND a.issued IS NOT NULL
                       THEN '@' || substr(a.issued, 1, 4) ELSE '' END,
         c.cid, c.kind, c.issuer, c.issuer_name, c.date, c.subject, c.published, c.surface, c.start, c.length,
         c.resolved OR c.cid <> c.id
  FROM canon AS c
  LEFT JOIN article_issued AS a ON a.document_id = c.document_id AND a.cid = c.cid
  LEFT JOIN id_years AS y ON y.cid = c.cid;

-- catalogue: one row per document cited. doc: its key ('11-NQ/TW@2007' when
-- its id stands for documents of several years, else the id; mentions that
-- cannot be told apart keep the id alone); kind, issuer_name,
-- issued (the issue date) and subject: the ones the articles write most often
-- (issued: only dates not after the citing article's publication); articles:
-- how many cite it; first_cited, last_cited: their first and last publication dates.
CREATE VIEW IF NOT EXISTS catalogue(doc, id, kind, issuer, issuer_name, issued, subject, articles, mentions,
                                    first_cited, last_cited) AS
  WITH c AS MATERIALIZED (SELECT * FROM document_citations),
  kinds AS (
    SELECT doc, kind AS v, row_number() OVER (PARTITION BY doc ORDER BY count(*) DESC, kind) AS k
    FROM c GROUP BY doc, kind
  ),
  names AS (
    SELECT doc, issuer_name AS v, row_number() OVER (PARTITION BY doc ORDER BY count(*) DESC, issuer_name) AS k
    FROM c WHERE issuer_name IS NOT NULL GROUP BY doc, issuer_name
  ),
  dates AS (
    SELECT doc, date AS v, row_number() OVER (PARTITION BY doc ORDER BY count(*) DESC, date) AS k
    FROM c WHERE date IS NOT NULL AND (published IS NULL OR date <= published) GROUP BY doc, date
  ),
  subjects AS (
    SELECT doc, subject AS v, row_number() OVER (PARTITION BY doc ORDER BY count(*) DESC, subject) AS k
    FROM c WHERE subject IS NOT NULL GROUP BY doc, subject
  ),
  docs AS (
    SELECT doc, min(id) AS id, min(issuer) AS issuer, count(DISTINCT document_id) AS articles, count(*) AS mentions,
           min(published) AS first_cited, max(published) AS last_cited
    FROM c GROUP BY doc
  )
  SELECT d.doc, d.id, kinds.v, d.issuer, names.v, dates.v, subjects.v, d.articles, d.mentions, d.first_cited, d.last_cited
  FROM docs AS d
  LEFT JOIN kinds ON kinds.doc = d.doc AND kinds.k = 1
  LEFT JOIN names ON names.doc = d.doc AND names.k = 1
  LEFT JOIN dates ON dates.doc = d.doc AND dates.k = 1
  LEFT JOIN subjects ON subjects.doc = d.doc AND subjects.k = 1;

-- Which documents cite each identified document, and when they were published:
-- by identifier, after the catalogue's joining of ids written without their
-- year (so 67/NĐ-CP counts as 67/2014/NĐ-CP); plenum references ("Nghị quyết
-- Trung ương 4 khóa XII") count for each resolution they stand for.
CREATE VIEW IF NOT EXISTS resolution_mentions(id, kind, documents, first_published, last_published) AS
  SELECT id, kind, count(DISTINCT document_id), min(published), max(published)
  FROM document_citations
  GROUP BY id, kind;

-- Each official with each title the articles give them, and in how many documents.
CREATE VIEW IF NOT EXISTS official_titles(name, title, documents) AS
  SELECT name, title, count(DISTINCT document_id)
  FROM document_officials
  WHERE title IS NOT NULL
  GROUP BY name, title;

-- People and their offices (issue 15) -------------------------------------
-- One row per person, every spelling of their name, and their offices in
-- canonical form, kept from document_officials. person_mentions holds each
-- row of document_officials (same rowid) with the name's key (vn_name_key),
-- its folded form and the parts of the title (vn_title(title, place));
-- triggers keep it in step and mark the folded names they touch in
-- people_dirty. `INSERT INTO people_refresh VALUES (0)` (the last statement
-- of sql/ingest.sql and sql/ingest_jsonl.sql) recomputes the people of the
-- marked names only; `INSERT INTO people_refresh VALUES (1)` rebuilds all.
-- A person: the mentions whose name has one key, with diacritics; a name
-- written without diacritics joins the one person with diacritics whose
-- key folds to it, when there is exactly one, else is a person of its own.
-- One-mark variants are never merged: person_name_variants offers them.
CREATE TABLE IF NOT EXISTS person_mentions (
  id INTEGER PRIMARY KEY,  -- the rowid of its document_officials row
  document_id INTEGER NOT NULL,
  name TEXT, key TEXT, fold TEXT, accented INTEGER,
  person_key TEXT,         -- the key of its person (set by people_refresh)
  title TEXT,              -- vn_title(): canonical title, its parts (NULL without a title)
  role TEXT, deputy INTEGER, former INTEGER, body TEXT, province TEXT, country TEXT, level TEXT
);
CREATE INDEX IF NOT EXISTS person_mentions_by_fold ON person_mentions(fold, accented, key);
CREATE INDEX IF NOT EXISTS person_mentions_by_person ON person_mentions(person_key);

CREATE TABLE IF NOT EXISTS people (
  id INTEGER PRIMARY KEY,
  name TEXT,               -- the most frequent spelling with diacritics
  key TEXT UNIQUE,         -- vn_name_key() of the person's spellings
  fold TEXT,               -- the key without diacritics
  documents INTEGER, first_published TEXT, last_published TEXT
);
CREATE INDEX IF NOT EXISTS people_by_fold ON people(fold);
CREATE TABLE IF NOT EXISTS person_names (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  name TEXT, mentions INTEGER, documents INTEGER,
  PRIMARY KEY (person_id, name)
);
CREATE TABLE IF NOT EXISTS person_titles (
  person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  title TEXT, role TEXT, deputy INTEGER, former INTEGER, body TEXT,
  province TEXT, province_2025 TEXT, country TEXT, level TEXT,
  documents INTEGER, first_published TEXT, last_published TEXT,
  PRIMARY KEY (person_id, title, former)
);
CREATE INDEX IF NOT EXISTS person_titles_by_role ON person_titles(role, body, province);
CREATE TABLE IF NOT EXISTS people_dirty (fold TEXT PRIMARY KEY) WITHOUT ROWID;
-- Each canonical title of a person and the office it counts as: itself, or
-- the longest of its extensions ("Thủ tướng" → "Thủ tướng Chính phủ") when
-- that person's titles that extend it are all prefixes of that longest one;
-- for a bare role ("Bí thư": no body, no place) whose extensions are not one
-- chain, the office that holds at least three quarters of the documents of
-- its extensions ("Bí thư" of Đinh La Thăng: Bí thư Thành ủy Thành phố Hồ Chí
-- Minh, 88 documents, beside Bí thư Đảng ủy, 3), if one does.
CREATE TABLE IF NOT EXISTS person_offices (
  person_key TEXT, title TEXT, fold TEXT, office TEXT,
  documents INTEGER, bare INTEGER,
  PRIMARY KEY (person_key, title)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS person_offices_by_fold ON person_offices(fold);

CREATE TRIGGER IF NOT EXISTS document_officials_after_insert AFTER INSERT ON document_officials BEGIN
  INSERT INTO person_mentions(id, document_id, name, key, fold, accented,
                              title, role, deputy, former, body, province, country, level)
    SELECT new.rowid, new.document_id, new.name, k.key, vn_unaccent(k.key), vn_unaccent(new.name) <> new.name,
           max(CASE t.key WHEN 'title' THEN t.value END), max(CASE t.key WHEN 'role' THEN t.value END),
           max(CASE t.key WHEN 'deputy' THEN t.value END), max(CASE t.key WHEN 'former' THEN t.value END),
           max(CASE t.key WHEN 'body' THEN t.value END), max(CASE t.key WHEN 'province' THEN t.value END),
           max(CASE t.key WHEN 'country' THEN t.value END), max(CASE t.key WHEN 'level' THEN t.value END)
    FROM (SELECT vn_name_key(new.name) AS key) AS k
    LEFT JOIN json_each(vn_title(new.title, new.place)) AS t;
  -- Not INSERT OR IGNORE: a statement's own conflict policy (the upsert of ingest) would override it.
  INSERT INTO people_dirty(fold) SELECT m.fold FROM person_mentions AS m
    WHERE m.id = new.rowid AND m.fold IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people_dirty WHERE fold = m.fold);
END;

CREATE TRIGGER IF NOT EXISTS document_officials_after_delete AFTER DELETE ON document_officials BEGIN
  DELETE FROM person_mentions WHERE id = old.rowid;
  INSERT INTO people_dirty(fold) SELECT f FROM (SELECT vn_unaccent(vn_name_key(old.name)) AS f)
    WHERE f IS NOT NULL AND NOT EXISTS (SELECT 1 FROM people_dirty WHERE fold = f);
END;

-- Refreshes the people of the names marked in people_dirty (of all names with 1).
CREATE VIEW IF NOT EXISTS people_refresh(everything) AS SELECT 0;
CREATE TRIGGER IF NOT EXISTS people_refresh_insert INSTEAD OF INSERT ON people_refresh BEGIN
  INSERT INTO people_dirty(fold) SELECT DISTINCT fold FROM person_mentions
    WHERE new.everything AND fold IS NOT NULL AND fold NOT IN (SELECT fold FROM people_dirty);
  UPDATE person_mentions SET person_key = CASE WHEN accented OR key IS NULL THEN key ELSE coalesce(
      (SELECT min(a.key) FROM person_mentions AS a WHERE a.fold = person_mentions.fold AND a.accented
       HAVING count(DISTINCT a.key) = 1), key) END
    WHERE fold IN (SELECT fold FROM people_dirty);
  DELETE FROM person_offices WHERE fold IN (SELECT fold FROM people_dirty);
  INSERT INTO person_offices(person_key, title, fold, office, documents, bare)
    SELECT person_key, title, fold, title, count(DISTINCT document_id),
           max(role IS NOT NULL AND body IS NULL AND province IS NULL AND country IS NULL)
    FROM person_mentions
    WHERE fold IN (SELECT fold FROM people_dirty) AND title IS NOT NULL AND person_key IS NOT NULL
    GROUP BY person_key, title;
  UPDATE person_offices SET office = (
      SELECT e.title FROM person_offices AS e WHERE e.person_key = person_offices.person_key
        AND e.title >= person_offices.title || ' ' AND e.title < person_offices.title || '!'
      ORDER BY length(e.title) DESC, e.title LIMIT 1)
    WHERE fold IN (SELECT fold FROM people_dirty) AND EXISTS (
      SELECT 1 FROM person_offices AS e WHERE e.person_key = person_offices.person_key
        AND e.title >= person_offices.title || ' ' AND e.title < person_offices.title || '!');
  UPDATE person_offices SET office = title
    WHERE fold IN (SELECT fold FROM people_dirty) AND office <> title AND EXISTS (
      SELECT 1 FROM person_offices AS e WHERE e.person_key = person_offices.person_key
        AND e.title >= person_offices.title || ' ' AND e.title < person_offices.title || '!'
        AND NOT (person_offices.office = e.title OR substr(person_offices.office, 1, length(e.title) + 1) = e.title || ' '));
  UPDATE person_offices SET office = (
      SELECT e.office FROM person_offices AS e WHERE e.person_key = person_offices.person_key
        AND e.title >= person_offices.title || ' ' AND e.title < person_offices.title || '!'
      GROUP BY e.office ORDER BY sum(e.documents) DESC, e.office LIMIT 1)
    WHERE fold IN (SELECT fold FROM people_dirty) AND bare AND office = title AND 4 * (
      SELECT max(n) FROM (SELECT sum(e.documents) AS n FROM person_offices AS e
                          WHERE e.person_key = person_offices.person_key
                            AND e.title >= person_offices.title || ' ' AND e.title < person_offices.title || '!'
                          GROUP BY e.office)) >= 3 * (
      SELECT sum(e.documents) FROM person_offices AS e WHERE e.person_key = person_offices.person_key
        AND e.title >= person_offices.title || ' ' AND e.title < person_offices.title || '!');
  DELETE FROM person_titles WHERE person_id IN (SELECT id FROM people WHERE fold IN (SELECT fold FROM people_dirty));
  DELETE FROM person_names WHERE person_id IN (SELECT id FROM people WHERE fold IN (SELECT fold FROM people_dirty));
  DELETE FROM people WHERE fold IN (SELECT fold FROM people_dirty)
    AND key NOT IN (SELECT person_key FROM person_mentions WHERE fold IN (SELECT fold FROM people_dirty)
                    AND person_key IS NOT NULL);
  INSERT INTO people(key, fold, name, documents, first_published, last_published)
    SELECT m.person_key, vn_unaccent(m.person_key),
           (SELECT n.name FROM person_mentions AS n WHERE n.person_key = m.person_key
            GROUP BY n.name ORDER BY max(n.accented) DESC, count(*) DESC, n.name LIMIT 1),
           count(DISTINCT m.document_id), min(d.published), max(d.published)
    FROM person_mentions AS m JOIN documents AS d ON d.id = m.document_id
    WHERE m.fold IN (SELECT fold FROM people_dirty) AND m.person_key IS NOT NULL
    GROUP BY m.person_key
    ON CONFLICT(key) DO UPDATE SET name = excluded.name, fold = excluded.fold, documents = excluded.documents,
      first_published = excluded.first_published, last_published = excluded.last_published;
  INSERT INTO person_names(person_id, name, mentions, documents)
    SELECT p.id, m.name, count(*), count(DISTINCT m.document_id)
    FROM person_mentions AS m JOIN people AS p ON p.key = m.person_key
    WHERE m.fold IN (SELECT fold FROM people_dirty)
    GROUP BY p.id, m.name;
  INSERT INTO person_titles(person_id, title, role, deputy, former, body, province, province_2025, country, level,
                            documents, first_published, last_published)
    SELECT p.id, o.office, min(m.role), min(m.deputy), m.former, min(m.body), min(m.province),
           vn_province_2025(min(m.province)), min(m.country), min(m.level),
           count(DISTINCT m.document_id), min(d.published), max(d.published)
    FROM person_mentions AS m JOIN person_offices AS o ON o.person_key = m.person_key AND o.title = m.title
      JOIN people AS p ON p.key = m.person_key JOIN documents AS d ON d.id = m.document_id
    WHERE m.fold IN (SELECT fold FROM people_dirty)
    GROUP BY p.id, o.office, m.former;
  DELETE FROM people_dirty;
END;

-- Pairs of people who may be one person, for the analyst to confirm (never
-- merged): names that differ by one letter's marks (same letters without
-- diacritics, one letter different: "Nguyễn Phú Trọng" and "Nguyễn Phú Trong")
-- and hold an office of the same canonical title; or a name of one word that
-- ends the other's ("Obama", "Barack Obama": the press names a foreign
-- leader by the family name alone) and an office of the same role (the
-- titles of the first person are given: "Tổng thống" beside "Tổng thống Hoa
-- Kỳ"; "Trump" and "Ivanka Trump" share none).
CREATE VIEW IF NOT EXISTS person_name_variants(person_id, name, documents, other_id, other_name, other_documents,
                                               shared_titles) AS
  WITH RECURSIVE pairs(a, b) AS (
    SELECT x.id, y.id FROM people AS x JOIN people AS y ON y.fold = x.fold AND y.id > x.id
    WHERE length(x.key) = length(y.key)
  ), positions(a, b, i, differ) AS (
    SELECT a, b, 0, 0 FROM pairs
    UNION ALL
    SELECT p.a, p.b, p.i + 1, p.differ + (substr(x.key, p.i + 1, 1) <> substr(y.key, p.i + 1, 1))
    FROM positions AS p JOIN people AS x ON x.id = p.a JOIN people AS y ON y.id = p.b
    WHERE p.i < length(x.key) AND p.differ <= 1
  )
  SELECT x.id, x.name, x.documents, y.id, y.name, y.documents,
         (SELECT group_concat(DISTINCT tx.title) FROM person_titles AS tx JOIN person_titles AS ty
            ON ty.title = tx.title AND ty.person_id = y.id WHERE tx.person_id = x.id)
  FROM positions AS p JOIN people AS x ON x.id = p.a JOIN people AS y ON y.id = p.b
  WHERE p.i = length(x.key) AND p.differ = 1
    AND EXISTS (SELECT 1 FROM person_titles AS tx JOIN person_titles AS ty ON ty.title = tx.title
                WHERE tx.person_id = x.id AND ty.person_id = y.id)
  UNION ALL
  SELECT x.id, x.name, x.documents, y.id, y.name, y.documents,
         (SELECT group_concat(DISTINCT tx.title) FROM person_titles AS tx JOIN person_titles AS ty
            ON ty.role = tx.role AND ty.person_id = y.id WHERE tx.person_id = x.id)
  FROM people AS x JOIN people AS y
    ON length(y.key) > length(x.key) + 1 AND substr(y.key, -length(x.key) - 1) = ' ' || x.key
  WHERE instr(x.key, ' ') = 0
    AND EXISTS (SELECT 1 FROM person_titles AS tx JOIN person_titles AS ty ON ty.role = tx.role
                WHERE tx.person_id = x.id AND ty.person_id = y.id);

-- ---------------------------------------------------------------------------
-- Delegations (issue 17): who inspected whom, when, on which documents.
-- One row per delegation visit an article reports (delegations(body,
-- published): a day written without its year takes the year nearest the
-- publication date). Kept in step with documents by their own triggers.
CREATE TABLE IF NOT EXISTS document_delegations (
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  kind TEXT,        -- kiểm tra, công tác, giám sát, khảo sát
  number TEXT,      -- the delegation's own number ("1150")
  sender TEXT,      -- the body that sent it, as written
  head TEXT,        -- the leader, as officials() names people
  head_title TEXT,
  host TEXT,        -- whom it worked with, as written
  province TEXT,    -- canonical (vn_province)
  date TEXT,        -- ISO; --MM-DD when neither the text nor published gives the year
  documents TEXT,   -- JSON array of the canonical ids it inspected
  mandate TEXT,     -- the decision that set it up
  activity TEXT,
  start INTEGER,    -- 1-based character position in documents.body of the sentence that introduces it
  length INTEGER
);
CREATE INDEX IF NOT EXISTS document_delegations_by_document ON document_delegations(document_id);
CREATE INDEX IF NOT EXISTS document_delegations_by_head ON document_delegations(head);
CREATE INDEX IF NOT EXISTS document_delegations_by_province ON document_delegations(province);

CREATE TRIGGER IF NOT EXISTS documents_delegations_after_insert AFTER INSERT ON documents BEGIN
  INSERT INTO document_delegations(document_id, kind, number, sender, head, head_title, host, province, date,
                                   documents, mandate, activity, start, length)
    SELECT new.id, kind, number, sender, head, head_title, host, province, date, documents, mandate, activity, start, length
    FROM delegations(new.body, new.published);
END;

CREATE TRIGGER IF NOT EXISTS documents_delegations_after_delete AFTER DELETE ON documents BEGIN
  DELETE FROM document_delegations WHERE document_id = old.id;
END;

CREATE TRIGGER IF NOT EXISTS documents_delegations_after_update AFTER UPDATE OF body, published ON documents BEGIN
  DELETE FROM document_delegations WHERE document_id = old.id;
  INSERT INTO document_delegations(document_id, kind, number, sender, head, head_title, host, province, date,
                                   documents, mandate, activity, start, length)
    SELECT new.id, kind, number, sender, head, head_title, host, province, date, documents, mandate, activity, start, length
    FROM delegations(new.body, new.published);
END;

-- Each delegation with its article, the year it worked in (its date's, else
-- the article's), its head as a person of `people` (head_person: the person
-- whose key is the head's, vn_name_key) and in how many articles that person
-- appears.
CREATE VIEW IF NOT EXISTS delegation_visits(delegation, document_id, article, published, year, kind, number, sender,
                                            head, head_title, head_person, head_documents, host, province, date,
                                            documents, mandate, activity) AS
  SELECT g.rowid, g.document_id, d.title, d.published,
         CASE WHEN g.date GLOB '[0-9][0-9][0-9][0-9]-*' THEN substr(g.date, 1, 4) ELSE substr(d.published, 1, 4) END,
         g.kind, g.number, g.sender, g.head, g.head_title, p.id, p.documents,
         g.host, g.province, g.date, g.documents, g.mandate, g.activity
  FROM document_delegations AS g JOIN documents AS d ON d.id = g.document_id
  LEFT JOIN people AS p ON p.key = vn_name_key(g.head);

-- One row per (delegation, document it inspected), with the catalogue of the
-- documents cited (catalogue): the document the identifier is taken to be
-- (doc; of several, the one most articles cite), its kind, when it was
-- issued, in how many articles it is cited.
CREATE VIEW IF NOT EXISTS delegation_documents(delegation, document_id, year, sender, head, province, date, id, doc, kind,
                                               issued, cited_in) AS
  SELECT v.delegation, v.document_id, v.year, v.sender, v.head, v.province, v.date, j.value, c.doc, c.kind, c.issued,
         c.articles
  FROM delegation_visits AS v JOIN json_each(v.documents) AS j
  LEFT JOIN catalogue AS c ON c.doc = (SELECT c2.doc FROM catalogue AS c2 WHERE c2.id = j.value
                                       ORDER BY c2.articles DESC, c2.doc LIMIT 1);
