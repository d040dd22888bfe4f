-- Ingests a JSON-lines file of articles, one {"id", "title", "text"} object a
-- line, read from standard input, into the schema of sql/schema.sql. From the
-- project root (the shell reads xz only through a pipe):
--
--   xz -dc ../shared/corpus/baomoi-2017.jsonl.xz | sqlite3 analyst.db -cmd '.load build/vnsql' \
--     -cmd '.parameter set @source baomoi-2017' '.read sql/schema.sql' '.read sql/ingest_jsonl.sql'
--
-- path is @source || '#' || id; raw the article's text as given (UTF-8 bytes);
-- title the "title" field (else the first line of the text); published,
-- source and body come from the normalized text as in sql/ingest.sql. As
-- there, an unchanged article (same path and sha256) is left alone, a changed
-- one replaces its row, and the whole run is one transaction. Lines that are
-- not JSON objects with an "id" and a "text" are counted and skipped.
.bail on

-- Stage the lines: ascii mode with a unit separator (0x1F, never raw inside
-- JSON) as the column separator gives one column per line, quotes untouched.
DROP TABLE IF EXISTS temp.jsonl;
CREATE TEMP TABLE jsonl(line TEXT);
.mode ascii
.separator "\037" "\n"
.import --schema temp /dev/stdin jsonl
.mode list
.separator "|" "\n"

BEGIN IMMEDIATE;

DROP TABLE IF EXISTS temp.ingest_articles;
CREATE TEMP TABLE ingest_articles(path TEXT PRIMARY KEY, title TEXT, raw BLOB, sha256 TEXT, text TEXT);

-- A later line with the same id replaces an earlier one.
INSERT OR REPLACE INTO temp.ingest_articles(path, title, raw)
  SELECT @source || '#' || (line ->> '$.id'), line ->> '$.title', CAST(line ->> '$.text' AS BLOB)
  FROM temp.jsonl
  WHERE json_valid(line) AND json_type(line) = 'object'
    AND line ->> '$.id' IS NOT NULL AND line ->> '$.text' IS NOT NULL;

SELECT ((SELECT count(*) FROM temp.jsonl) - (SELECT count(*) FROM temp.ingest_articles))
       || ' line(s) skipped (not an object with "id" and "text", or a repeated id)';

UPDATE temp.ingest_articles SET sha256 = vn_sha256(raw);

DELETE FROM temp.ingest_articles
  WHERE EXISTS (SELECT 1 FROM main.documents AS d
                WHERE d.path = ingest_articles.path AND d.sha256 = ingest_articles.sha256);

UPDATE temp.ingest_articles SET text = vn_normalize(CAST(raw AS TEXT));

INSERT INTO main.documents(path, sha256, title, published, source, body, raw, ingested_at)
  SELECT path, sha256, coalesce(nullif(trim(vn_normalize(title)), ''), vn_article_title(text)),
         vn_article_published(text), vn_article_source(text), vn_article_body(text), raw,
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM temp.ingest_articles
  WHERE true  -- (lets the parser tell ON CONFLICT from a join constraint)
  ORDER BY path
  ON CONFLICT(path) DO UPDATE SET
    sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
    source = excluded.source, body = excluded.body, raw = excluded.raw, ingested_at = excluded.ingested_at;

SELECT count(*) || ' new or changed article(s) ingested from ' || @source FROM temp.ingest_articles;
DROP TABLE temp.ingest_articles;
DROP TABLE temp.jsonl;
COMMIT;
