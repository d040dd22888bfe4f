-- Ingests every *.txt file under the directory @dir into the schema of
-- sql/schema.sql. In the sqlite3 shell, from the project root:
--
--   sqlite3 analyst.db -cmd '.load build/vnsql' -cmd '.parameter set @dir examples/corpus' \
--     '.read sql/schema.sql' '.read sql/ingest.sql'
--
-- path is the file's name as fsdir(@dir) gives it (so spell @dir the same way
-- each time). A file whose path and sha256 are already in documents is left
-- alone, so re-running changes nothing; a changed file replaces its row (same
-- id; the index and the extracted rows follow through the triggers). Files
-- that disappeared from the directory stay in the database.
-- One transaction: an error or an interruption leaves the database as it was.
.bail on
BEGIN IMMEDIATE;

DROP TABLE IF EXISTS temp.ingest_files;
CREATE TEMP TABLE ingest_files(path TEXT PRIMARY KEY, raw BLOB, sha256 TEXT, text TEXT);

-- Regular files ((mode & S_IFMT) = S_IFREG) named *.txt. fsdir(NULL) is an
-- error, so an unset @dir stops here.
INSERT INTO temp.ingest_files(path, raw, sha256)
  SELECT name, data, vn_sha256(data)
  FROM fsdir(@dir)
  WHERE name LIKE '%.txt' AND (mode & 61440) = 32768;

-- Unchanged files: nothing to do.
DELETE FROM temp.ingest_files
  WHERE EXISTS (SELECT 1 FROM main.documents AS d
                WHERE d.path = ingest_files.path AND d.sha256 = ingest_files.sha256);

-- Decode (encoding detected); vn_decode's text is already normalized (vn_normalize).
-- The article fields come from this text.
UPDATE temp.ingest_files SET text = vn_decode(raw);

INSERT INTO main.documents(path, sha256, title, published, source, body, raw, ingested_at)
  SELECT path, sha256, vn_article_title(text), vn_article_published(text), vn_article_source(text),
         vn_article_body(text), raw, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM temp.ingest_files
  WHERE true  -- (lets the parser tell ON CONFLICT from a join constraint)
  ORDER BY path
  ON CONFLICT(path) DO UPDATE SET
    sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
    source = excluded.source, body = excluded.body, raw = excluded.raw, ingested_at = excluded.ingested_at;

SELECT count(*) || ' new or changed file(s) ingested from ' || @dir FROM temp.ingest_files;
DROP TABLE temp.ingest_files;
COMMIT;
