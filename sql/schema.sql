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
  date TEXT,
  surface TEXT,
  start INTEGER,    -- 1-based character position in documents.body
  length INTEGER,
  resolved INTEGER
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
  INSERT INTO document_resolutions(document_id, id, kind, date, surface, start, length, resolved)
    SELECT new.id, id, kind, date, surface, start, length, resolved FROM resolutions(new.body);
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
  INSERT INTO document_resolutions(document_id, id, kind, date, surface, start, length, resolved)
    SELECT new.id, id, kind, date, surface, start, length, resolved FROM resolutions(new.body);
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length)
    SELECT new.id, name, title, honorific, mention, start, length FROM officials(new.body);
END;

-- The years of days written without one come from the publication date.
CREATE TRIGGER IF NOT EXISTS documents_after_update_dates AFTER UPDATE OF body, published ON documents BEGIN
  DELETE FROM document_dates WHERE document_id = old.id;
  INSERT INTO document_dates(document_id, date, surface, start, length, inferred)
    SELECT new.id, date, surface, start, length, inferred FROM vn_dates(new.body, new.published);
END;

-- Which documents cite each identified document, and when they were published.
CREATE VIEW IF NOT EXISTS resolution_mentions(id, kind, documents, first_published, last_published) AS
  SELECT r.id, r.kind, count(DISTINCT r.document_id), min(d.published), max(d.published)
  FROM document_resolutions AS r JOIN documents AS d ON d.id = r.document_id
  WHERE r.id IS NOT NULL
  GROUP BY r.id, r.kind;

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

-- One row per (delegation, document it inspected), with the catalogue of
-- documents the articles cite (resolution_mentions): its kind and in how many
-- articles it is named.
CREATE VIEW IF NOT EXISTS delegation_documents(delegation, document_id, year, sender, head, province, date, id, kind,
                                               cited_in) AS
  SELECT v.delegation, v.document_id, v.year, v.sender, v.head, v.province, v.date, j.value, m.kind, m.documents
  FROM delegation_visits AS v JOIN json_each(v.documents) AS j
  LEFT JOIN resolution_mentions AS m ON m.id = j.value;
