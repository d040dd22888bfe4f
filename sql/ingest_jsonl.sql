-- Ingests a JSON-lines file of articles, one {"id", "title", "text"} object a
-- line, read from standard input, into the schema of sql/schema.sql. From the
-- project root (the shell reads xz only through a pipe):
--
--   xz -dc ../shared/corpus/baomoi-2017.jsonl.xz | sqlite3 analyst.db -cmd '.load build/vnsql' \
--     -cmd '.parameter set @source baomoi-2017' '.read sql/schema.sql' '.read sql/ingest_jsonl.sql'
--
-- path is @source || '#' || id, so @source must be set: a run without it
-- stops before reading anything. raw is the article's text as given (UTF-8
-- bytes, every code point kept, NUL included); title the "title" field (else
-- the first line of the text); published the "published" (else "date") field,
-- ISO (2017-05-13, 2017-05-13T10:28:00+07:00) or as vn_date() reads it
-- (13/05/2017), else the text's dateline; source and body come from the
-- normalized text as in sql/ingest.sql. As there, an unchanged article (same
-- path and sha256) is left alone, a changed one replaces its row, and the
-- whole run is one transaction. A line that is not a JSON object with an "id"
-- (string or integer) and a string "text" is skipped, and so is a line whose
-- id a later line repeats (the later one counts); both are listed by number.
-- An input with no article at all stops the run, nothing stored.
.bail on
-- Another writer holding the database (an ingest running, say): wait for it
-- up to 10 minutes, then stop with "database is locked", nothing changed
-- (docs/schema.md, "Writers at the same time").
.timeout 600000

DROP TABLE IF EXISTS temp.ingest_stop;
CREATE TEMP TABLE ingest_stop(why TEXT);
CREATE TEMP TRIGGER ingest_stop_source BEFORE INSERT ON ingest_stop WHEN new.why = 'source' BEGIN
  SELECT RAISE(ABORT, 'ingest_jsonl.sql: @source is not set; every article is stored as @source#id, e.g. .parameter set @source baomoi-2017');
END;
CREATE TEMP TRIGGER ingest_stop_empty BEFORE INSERT ON ingest_stop WHEN new.why = 'empty' BEGIN
  SELECT RAISE(ABORT, 'ingest_jsonl.sql: the input holds no article (see the line above); nothing was stored');
END;
-- Without @source every path would be NULL, which UNIQUE does not compare: each run would add every article again.
INSERT INTO temp.ingest_stop SELECT 'source' WHERE coalesce(@source, '') = '';

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

-- SQLite 3.40's JSON reader ends a string at \u0000 ("a\u0000b" gives "a").
-- So before reading, each NUL escape becomes \u0001 followed by "0", and each
-- \u0001 escape \u0001 followed by "1"; after, U+0001 "0" is NUL again and
-- U+0001 "1" is U+0001. Escaped backslashes are rewritten \u005c first, so
-- that the \u0000 left are exactly the NUL escapes ("\\u0000" is the text
-- \u0000). A raw control character is not valid JSON, so U+0001 in the values
-- comes only from these escapes. Only lines holding "\u000" need it (escaped).
DROP TABLE IF EXISTS temp.ingest_lines;
CREATE TEMP TABLE ingest_lines(line_no INTEGER PRIMARY KEY, ok INTEGER, escaped INTEGER, id TEXT);
INSERT INTO temp.ingest_lines  -- (the escapes change no JSON's validity, nor any value's type)
  SELECT line_no, ok, instr(line, '\u000') > 0, CASE WHEN ok THEN line ->> '$.id' END
  FROM (SELECT rowid AS line_no, line,
               coalesce(CASE WHEN json_valid(line) THEN json_type(line) = 'object'  -- (json_type() fails on invalid JSON)
                               AND json_type(line, '$.id') IN ('text', 'integer') AND json_type(line, '$.text') = 'text' END,
                        0) AS ok
        FROM temp.jsonl);
DROP VIEW IF EXISTS temp.ingest_json;
CREATE TEMP VIEW ingest_json(line_no, escaped, json) AS
  SELECT l.line_no, l.escaped,
         iif(l.escaped, replace(replace(replace(j.line, '\\', '\u005c'), '\u0001', '\u00011'), '\u0000', '\u00010'), j.line)
  FROM temp.ingest_lines AS l JOIN temp.jsonl AS j ON j.rowid = l.line_no;
UPDATE temp.ingest_lines
  SET id = (SELECT replace(replace(json ->> '$.id', char(1) || '0', char(0)), char(1) || '1', char(1))
            FROM temp.ingest_json AS j WHERE j.line_no = ingest_lines.line_no)
  WHERE ok AND escaped;
CREATE INDEX temp.ingest_lines_by_id ON ingest_lines(id, line_no);

-- The lines skipped, by reason, with their numbers (the first 10 of each).
DROP TABLE IF EXISTS temp.ingest_skipped;
CREATE TEMP TABLE ingest_skipped AS
  SELECT l.line_no, l.id, (SELECT max(later.line_no) FROM temp.ingest_lines AS later
                           WHERE later.ok AND later.id = l.id) AS kept
  FROM temp.ingest_lines AS l WHERE NOT l.ok OR l.line_no < kept;
SELECT count(*) || ' line(s) skipped: '
       || (SELECT count(*) FROM temp.ingest_skipped WHERE kept IS NULL)
       || ' not a JSON object with "id" and a string "text" (lines '
       || coalesce((SELECT group_concat(line_no, ', ') FROM (SELECT line_no FROM temp.ingest_skipped
                    WHERE kept IS NULL ORDER BY line_no LIMIT 10)), '-')
       || iif((SELECT count(*) FROM temp.ingest_skipped WHERE kept IS NULL) > 10, ', …', '') || '), '
       || (SELECT count(*) FROM temp.ingest_skipped WHERE kept IS NOT NULL)
       || ' replaced by a later line with the same id ('
       || coalesce((SELECT group_concat('line ' || line_no || ' by line ' || kept || ': id ' || id, '; ')
                    FROM (SELECT * FROM temp.ingest_skipped WHERE kept IS NOT NULL ORDER BY line_no LIMIT 10)), '-')
       || iif((SELECT count(*) FROM temp.ingest_skipped WHERE kept IS NOT NULL) > 10, '; …', '') || ')'
  FROM temp.ingest_skipped HAVING count(*) > 0;

DROP TABLE IF EXISTS temp.ingest_articles;
CREATE TEMP TABLE ingest_articles(path TEXT PRIMARY KEY, title TEXT, raw BLOB, escaped INTEGER, sha256 TEXT,
                             unchanged INTEGER, text TEXT, given TEXT, published TEXT);
INSERT INTO temp.ingest_articles(path, title, raw, escaped, given)
  SELECT @source || '#' || l.id, j.json ->> '$.title', CAST(j.json ->> '$.text' AS BLOB), l.escaped,
         CAST(coalesce(j.json ->> '$.published', j.json ->> '$.date') AS TEXT)
  FROM temp.ingest_lines AS l JOIN temp.ingest_json AS j USING (line_no)
  WHERE l.ok AND l.line_no NOT IN (SELECT line_no FROM temp.ingest_skipped);
SELECT 'ingest_jsonl.sql: no article in the input of ' || @source || ' (' || (SELECT count(*) FROM temp.jsonl)
       || ' line(s) read)' WHERE NOT EXISTS (SELECT 1 FROM temp.ingest_articles);
INSERT INTO temp.ingest_stop SELECT 'empty' WHERE NOT EXISTS (SELECT 1 FROM temp.ingest_articles);

-- The input's publication date wins over the text's; one that is no date is said and left.
UPDATE temp.ingest_articles SET published = CASE WHEN date(substr(given, 1, 10)) IS substr(given, 1, 10) THEN substr(given, 1, 10)
                                                 WHEN length(vn_date(given)) = 10 THEN vn_date(given) END;
SELECT count(*) || ' published date(s) not read, the text''s dateline used instead: '
       || group_concat(path || ' "' || given || '"', ', ')
  FROM (SELECT path, given FROM temp.ingest_articles WHERE given IS NOT NULL AND published IS NULL ORDER BY path LIMIT 10)
  HAVING count(*) > 0;
UPDATE temp.ingest_articles SET
  title = replace(replace(title, char(1) || '0', char(0)), char(1) || '1', char(1)),
  raw = CAST(replace(replace(CAST(raw AS TEXT), char(1) || '0', char(0)), char(1) || '1', char(1)) AS BLOB)
  WHERE escaped;

UPDATE temp.ingest_articles SET sha256 = vn_sha256(raw);
UPDATE temp.ingest_articles SET unchanged = EXISTS (SELECT 1 FROM main.documents AS d
                                                    WHERE d.path = ingest_articles.path AND d.sha256 = ingest_articles.sha256);

UPDATE temp.ingest_articles SET text = vn_normalize(CAST(raw AS TEXT)) WHERE NOT unchanged;

INSERT INTO main.documents(path, sha256, title, published, source, body, raw, ingested_at)
  SELECT path, sha256, coalesce(nullif(trim(vn_normalize(title)), ''), vn_article_title(text)),
         coalesce(published, vn_article_published(text)), vn_article_source(text), vn_article_body(text), raw,
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM temp.ingest_articles
  WHERE NOT unchanged
  ORDER BY path
  ON CONFLICT(path) DO UPDATE SET
    sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
    source = excluded.source, body = excluded.body, raw = excluded.raw, ingested_at = excluded.ingested_at;

-- An unchanged article whose input now gives another date takes it.
UPDATE main.documents SET published = a.published
  FROM temp.ingest_articles AS a
  WHERE a.unchanged AND a.published IS NOT NULL AND documents.path = a.path AND documents.published IS NOT a.published;
SELECT changes() || ' unchanged article(s) with a new published date' WHERE changes() > 0;

SELECT count(*) FILTER (WHERE NOT unchanged) || ' new or changed article(s) ingested from ' || @source || ', '
       || count(*) FILTER (WHERE unchanged) || ' unchanged'
  FROM temp.ingest_articles;
DROP TABLE temp.ingest_articles;
DROP TABLE temp.ingest_skipped;
DROP VIEW temp.ingest_json;
DROP TABLE temp.ingest_lines;
DROP TABLE temp.jsonl;
DROP TABLE temp.ingest_stop;
COMMIT;
