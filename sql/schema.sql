-- The analyst's database. Needs the vnsql module loaded (.load build/vnsql):
-- the 'vietnamese' tokenizer and the resolutions() and officials() extractors.
-- Idempotent: every statement is CREATE ... IF NOT EXISTS, so running it
-- again on an existing database changes nothing.

-- One row per article. raw: the original bytes; body: decoded, normalized,
-- boilerplate trailer cut; published: ISO date or NULL; sha256 of raw.
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
  INSERT INTO document_resolutions(document_id, id, kind, date, surface, start, length, resolved)
    SELECT new.id, id, kind, date, surface, start, length, resolved FROM resolutions(new.body);
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length, place)
    SELECT new.id, name, title, honorific, mention, start, length, place FROM officials(new.body);
END;

CREATE TRIGGER IF NOT EXISTS documents_after_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts(documents_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
  DELETE FROM document_resolutions WHERE document_id = old.id;
  DELETE FROM document_officials WHERE document_id = old.id;
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
  INSERT INTO document_officials(document_id, name, title, honorific, mention, start, length, place)
    SELECT new.id, name, title, honorific, mention, start, length, place FROM officials(new.body);
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

-- Pairs of people whose names differ by one letter's marks (same letters
-- without diacritics, one letter different: "Nguyễn Phú Trọng" and "Nguyễn
-- Phú Trong") and who hold an office of the same canonical title: maybe one
-- person misspelled, for the analyst to confirm. Never merged.
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
                WHERE tx.person_id = x.id AND ty.person_id = y.id);
