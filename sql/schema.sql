-- The analyst's database. Needs the vnsql module loaded (.load build/vnsql):
-- the 'vietnamese' tokenizer and the resolutions(), officials() and
-- delegations() extractors.
-- Idempotent: every statement is CREATE ... IF NOT EXISTS, so running it
-- again on an existing database changes nothing.

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
  length INTEGER
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
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length)
    SELECT new.id, name, title, honorific, mention, start, length FROM officials(new.body);
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
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length)
    SELECT new.id, name, title, honorific, mention, start, length FROM officials(new.body);
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
-- the article's), and how many articles name its head with a title
-- (official_titles).
CREATE VIEW IF NOT EXISTS delegation_visits(delegation, document_id, article, published, year, kind, number, sender,
                                            head, head_title, head_documents, host, province, date, documents,
                                            mandate, activity) AS
  SELECT g.rowid, g.document_id, d.title, d.published,
         CASE WHEN g.date GLOB '[0-9][0-9][0-9][0-9]-*' THEN substr(g.date, 1, 4) ELSE substr(d.published, 1, 4) END,
         g.kind, g.number, g.sender, g.head, g.head_title,
         (SELECT max(t.documents) FROM official_titles AS t WHERE t.name = g.head),
         g.host, g.province, g.date, g.documents, g.mandate, g.activity
  FROM document_delegations AS g JOIN documents AS d ON d.id = g.document_id;

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
