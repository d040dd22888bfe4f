-- Ingests every *.txt file under the directory @dir into the schema of
-- sql/schema.sql. In the sqlite3 shell, from the project root:
--
--   sqlite3 analyst.db -cmd '.load build/vnsql' -cmd '.parameter set @dir examples/corpus' \
--     '.read sql/schema.sql' '.read sql/ingest.sql'
--
-- @dir is made canonical first (absolute, every symbolic link resolved, no
-- '.', '..' or repeated '/'), as realpath(3) would, so that `dir`, `dir/`,
-- `./dir`, its absolute path or a link to it are one folder; path is the
-- file's canonical path. A file whose path and sha256 are already in
-- documents is left alone, so re-running changes nothing; a changed file
-- replaces its row (same id; the index and the extracted rows follow through
-- the triggers). Files that disappeared from the folder stay in the database.
-- Entries that are not read, each reported as "skipped PATH: why" and left as
-- they are in the database: symbolic links (whatever their name; a link is
-- not followed, so nothing is read twice or outside the folder), *.txt
-- entries that are not regular files (FIFOs, sockets, devices: never opened),
-- and files that cannot be read. The last line counts the files ingested,
-- unchanged and skipped. An unset @dir, a missing folder, a file in its
-- place or a folder with no .txt article to read stops the run.
-- published: a file's line in an optional published.csv at the top of the
-- folder (path relative to the folder, date: "01_a.txt,2019-12-07"; ISO or as
-- vn_date() reads it), else the text's dateline (vn_article_published). One transaction: an error or an interruption leaves
-- the database as it was.
.bail on
-- Another writer holding the database (an ingest running, say): wait for it
-- up to 10 minutes, then stop with "database is locked", nothing changed
-- (docs/schema.md, "Writers at the same time").
.timeout 600000

DROP TABLE IF EXISTS temp.ingest_stop;
CREATE TEMP TABLE ingest_stop(why TEXT);
CREATE TEMP TRIGGER ingest_stop_unset BEFORE INSERT ON ingest_stop WHEN new.why = 'unset' BEGIN
  SELECT RAISE(ABORT, 'ingest.sql: @dir is not set; name the folder to ingest, e.g. .parameter set @dir examples/corpus');
END;
CREATE TEMP TRIGGER ingest_stop_folder BEFORE INSERT ON ingest_stop WHEN new.why = 'folder' BEGIN
  SELECT RAISE(ABORT, 'ingest.sql: @dir is not a folder');
END;
CREATE TEMP TRIGGER ingest_stop_links BEFORE INSERT ON ingest_stop WHEN new.why = 'links' BEGIN
  SELECT RAISE(ABORT, 'ingest.sql: @dir has more than 40 symbolic links to follow');
END;
CREATE TEMP TRIGGER ingest_stop_empty BEFORE INSERT ON ingest_stop WHEN new.why = 'empty' BEGIN
  SELECT RAISE(ABORT, 'ingest.sql: the folder holds no .txt article to read (see the line above); nothing was stored');
END;
INSERT INTO temp.ingest_stop SELECT 'unset' WHERE coalesce(@dir, '') = '';

BEGIN IMMEDIATE;

DROP TABLE IF EXISTS temp.ingest_dir;
CREATE TEMP TABLE ingest_dir(path TEXT);
DROP TABLE IF EXISTS temp.ingest_files;
CREATE TEMP TABLE ingest_files(path TEXT PRIMARY KEY, type INTEGER, raw BLOB, sha256 TEXT, skipped TEXT,
                               unchanged INTEGER, text TEXT);

-- The file-system part, between the two lines "-- file system part: begin"
-- and "-- file system part: end": it fills temp.ingest_dir(path) and
-- temp.ingest_files(path, type, raw) from the folder, through the shell's own
-- fsdir(). The cluster's loader (cluster/client/) does this part itself, the
-- same way, and runs the rest of this script as it is.
-- file system part: begin

-- The canonical folder, one component of @dir at a time, in three steps a
-- component (phase 0: split `rest`; 1: is that component a symbolic link;
-- 2: move it to `done`, or put the link's target in front of `rest`). `done`
-- is resolved, without '/' at its end ('' is the root). A relative @dir
-- starts from the current folder, which SQL reads as the link /proc/self/cwd
-- (Linux). A component that does not exist stops the run (fsdir: "cannot
-- stat file").
INSERT INTO temp.ingest_dir
  WITH RECURSIVE walk(phase, done, rest, part, link, hops) AS (
    SELECT 0, iif(@dir LIKE '/%', '', (SELECT data FROM fsdir('/proc/self/cwd') LIMIT 1)), @dir, NULL, NULL, 0
    UNION ALL
    SELECT 1, done, substr(rest, instr(rest || '/', '/') + 1), substr(rest, 1, instr(rest || '/', '/') - 1), NULL, hops
      FROM walk WHERE phase = 0 AND rest <> '' AND hops <= 40
    UNION ALL
    SELECT 2, done, rest, part,
           iif(part IN ('', '.', '..'), NULL,
               (SELECT iif((mode & 61440) = 40960, data, NULL) FROM fsdir(done || '/' || part) LIMIT 1)), hops
      FROM walk WHERE phase = 1
    UNION ALL
    SELECT 0, CASE WHEN part IN ('', '.') THEN done
                   WHEN part = '..' THEN rtrim(rtrim(done, replace(done, '/', '')), '/')
                   WHEN link IS NULL THEN done || '/' || part
                   WHEN link LIKE '/%' THEN ''
                   ELSE done END,
           iif(link IS NULL, rest, link || '/' || rest), NULL, NULL, hops + (link IS NOT NULL)
      FROM walk WHERE phase = 2)
  SELECT iif(done = '', '/', done) FROM walk WHERE phase = 0 AND rest = '';
INSERT INTO temp.ingest_stop SELECT 'links' WHERE NOT EXISTS (SELECT 1 FROM temp.ingest_dir);
SELECT 'ingest.sql: ' || path || ' is not a folder' FROM temp.ingest_dir
  WHERE (SELECT mode & 61440 FROM fsdir(ingest_dir.path) LIMIT 1) <> 16384;
INSERT INTO temp.ingest_stop SELECT 'folder' FROM temp.ingest_dir
  WHERE (SELECT mode & 61440 FROM fsdir(ingest_dir.path) LIMIT 1) <> 16384;

-- Every entry named *.txt and every symbolic link under the folder. Only
-- regular files are read (fsdir's data; a FIFO would wait for a writer);
-- for a link, data is its target. mode & 61440 is the file type (S_IFMT).
INSERT INTO temp.ingest_files(path, type, raw)
  SELECT name, mode & 61440, iif((mode & 61440) IN (32768, 40960), data, NULL)
  FROM fsdir((SELECT path FROM temp.ingest_dir))
  WHERE (name LIKE '%.txt' AND (mode & 61440) <> 16384) OR (mode & 61440) = 40960
     OR name = (SELECT path FROM temp.ingest_dir) || '/published.csv';
-- file system part: end

-- published.csv (read with the listing above, then taken out of it; the cluster's
-- loader gives it to every batch): one
-- "path,date" a line, the path relative to the folder; the date after the
-- last comma; quotes around either and a header line are allowed.
DROP TABLE IF EXISTS temp.ingest_published;
CREATE TEMP TABLE ingest_published(path TEXT PRIMARY KEY ON CONFLICT REPLACE, given TEXT, published TEXT);
WITH RECURSIVE csv(line, rest) AS (
    SELECT NULL, replace(CAST(raw AS TEXT), char(13), '') || char(10) FROM temp.ingest_files
      WHERE path = (SELECT path FROM temp.ingest_dir) || '/published.csv' AND type = 32768
    UNION ALL
    SELECT substr(rest, 1, instr(rest, char(10)) - 1), substr(rest, instr(rest, char(10)) + 1) FROM csv WHERE rest <> ''),
  cells(name, given) AS (
    SELECT trim(substr(line, 1, length(rtrim(line, replace(line, ',', ''))) - 1), ' "'),
           trim(substr(line, length(rtrim(line, replace(line, ',', ''))) + 1), ' "')
    FROM csv WHERE instr(line, ','))
INSERT INTO temp.ingest_published(path, given)
  SELECT (SELECT path FROM temp.ingest_dir) || '/' || iif(name LIKE './%', substr(name, 3), name), given
  FROM cells WHERE NOT (name = 'path' AND given = 'date');
DELETE FROM temp.ingest_files WHERE path = (SELECT path FROM temp.ingest_dir) || '/published.csv';
UPDATE temp.ingest_published SET published = CASE WHEN date(substr(given, 1, 10)) IS substr(given, 1, 10) THEN substr(given, 1, 10)
                                                   WHEN length(vn_date(given)) = 10 THEN vn_date(given) END;

UPDATE temp.ingest_files SET skipped = CASE
    WHEN type = 40960 THEN 'a symbolic link (to ' || CAST(raw AS TEXT) || '), not followed'
    WHEN type <> 32768 THEN 'not a regular file ('
      || CASE type WHEN 4096 THEN 'FIFO' WHEN 49152 THEN 'socket' WHEN 8192 THEN 'character device'
                   WHEN 24576 THEN 'block device' ELSE 'type ' || type END || ')'
    WHEN raw IS NULL THEN 'cannot be read' END;
SELECT 'skipped ' || path || ': ' || skipped FROM temp.ingest_files WHERE skipped IS NOT NULL ORDER BY path;
-- @batches: set by a loader that runs this script once per batch of a larger
-- input (cluster/); it then checks the whole input for an article itself.
SELECT 'ingest.sql: no .txt article to read in ' || (SELECT path FROM temp.ingest_dir)
  WHERE coalesce(@batches, 1) = 1 AND NOT EXISTS (SELECT 1 FROM temp.ingest_files WHERE skipped IS NULL);
INSERT INTO temp.ingest_stop SELECT 'empty'
  WHERE coalesce(@batches, 1) = 1 AND NOT EXISTS (SELECT 1 FROM temp.ingest_files WHERE skipped IS NULL);
SELECT 'published.csv: ' || count(*) || ' line(s) not used: ' || group_concat(why, '; ')
  FROM (SELECT substr(p.path, length((SELECT path FROM temp.ingest_dir)) + 2)
               || iif(p.published IS NULL, ' "' || p.given || '" is no date', ' is no article here') AS why
        FROM temp.ingest_published AS p
        WHERE CASE WHEN EXISTS (SELECT 1 FROM temp.ingest_files AS f WHERE f.path = p.path AND f.skipped IS NULL)
                   THEN p.published IS NULL
                   ELSE coalesce(@batches, 1) = 1 END  -- a batch does not know the other batches' files
        ORDER BY p.path LIMIT 10)
  HAVING count(*) > 0;

UPDATE temp.ingest_files SET sha256 = vn_sha256(raw) WHERE skipped IS NULL;

-- Rows stored before paths were canonical, under the path as @dir was spelled
-- (relative, ending in the same name inside the folder): a file with the same
-- content takes its row over rather than being added a second time.
UPDATE main.documents SET path = f.path
  FROM temp.ingest_files AS f
  WHERE f.skipped IS NULL AND documents.path NOT LIKE '/%' AND documents.sha256 = f.sha256
    AND documents.path LIKE '%/' || substr(f.path, length((SELECT path FROM temp.ingest_dir)) + 2)
    AND documents.id = (SELECT min(d.id) FROM main.documents AS d WHERE d.sha256 = f.sha256 AND d.path NOT LIKE '/%')
    AND NOT EXISTS (SELECT 1 FROM main.documents AS d WHERE d.path = f.path);
SELECT changes() || ' row(s) stored under a relative path now have their canonical path' WHERE changes() > 0;

UPDATE temp.ingest_files SET unchanged = EXISTS (SELECT 1 FROM main.documents AS d
                                                 WHERE d.path = ingest_files.path AND d.sha256 = ingest_files.sha256)
  WHERE skipped IS NULL;

-- Decode (encoding detected); vn_decode's text is already normalized (vn_normalize).
-- The article fields come from this text.
UPDATE temp.ingest_files SET text = vn_decode(raw) WHERE NOT unchanged;

INSERT INTO main.documents(path, sha256, title, published, source, body, raw, ingested_at)
  SELECT f.path, sha256, vn_article_title(text), coalesce(p.published, vn_article_published(text)), vn_article_source(text),
         vn_article_body(text), raw, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
  FROM temp.ingest_files AS f LEFT JOIN temp.ingest_published AS p USING (path)
  WHERE NOT unchanged
  ORDER BY path
  ON CONFLICT(path) DO UPDATE SET
    sha256 = excluded.sha256, title = excluded.title, published = excluded.published,
    source = excluded.source, body = excluded.body, raw = excluded.raw, ingested_at = excluded.ingested_at;

-- An unchanged file that published.csv now dates otherwise takes that date.
UPDATE main.documents SET published = p.published
  FROM temp.ingest_published AS p JOIN temp.ingest_files AS f USING (path)
  WHERE f.unchanged AND p.published IS NOT NULL AND documents.path = p.path AND documents.published IS NOT p.published;
SELECT changes() || ' unchanged file(s) with a new published date' WHERE changes() > 0;

SELECT count(*) FILTER (WHERE NOT unchanged) || ' new or changed file(s) ingested from '
       || (SELECT path FROM temp.ingest_dir) || ', ' || count(*) FILTER (WHERE unchanged) || ' unchanged, '
       || count(*) FILTER (WHERE skipped IS NOT NULL) || ' skipped'
  FROM temp.ingest_files;
DROP TABLE temp.ingest_files;
DROP TABLE temp.ingest_published;
DROP TABLE temp.ingest_dir;
DROP TABLE temp.ingest_stop;
-- People and their offices (issue 15): the people of the names this run touched.
INSERT INTO people_refresh VALUES (0);
COMMIT;
