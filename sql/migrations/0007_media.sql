-- 0007_media.sql: photos and documents attached to items (issue 14).
-- Files are stored by content under the data folder (media/<first two hex digits>/<sha256>), written to a
-- temporary file, fsynced and renamed, so a crash never leaves half a file under a real name. The database
-- names them by hash. Nothing here is deleted while any revision refers to it.

-- A stored file: an original upload (kept privately, never served), an image rendition, or a document.
CREATE TABLE media_file (
  sha256     TEXT PRIMARY KEY CHECK (length(sha256) = 64),   -- lower-case hex, also the file's name
  mime       TEXT NOT NULL,                                  -- as detected from the bytes, never as sent
  bytes      INTEGER NOT NULL CHECK (bytes > 0),
  width      INTEGER,                                        -- images: pixels, upright
  height     INTEGER,
  created_at INTEGER NOT NULL
) STRICT;

-- One upload as the office sees it.
CREATE TABLE media (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('image', 'document')),
  original      TEXT NOT NULL REFERENCES media_file (sha256),
  original_name TEXT NOT NULL,                               -- the upload's file name, for the office
  created_by    INTEGER REFERENCES user (id),
  created_at    INTEGER NOT NULL
) STRICT;

-- What the public is sent: each width of an image in WebP and JPEG; a document's one row names the
-- original itself (format 'pdf', width 0), since documents are kept as uploaded.
CREATE TABLE media_rendition (
  media_id INTEGER NOT NULL REFERENCES media (id),
  format   TEXT NOT NULL CHECK (format IN ('webp', 'jpeg', 'pdf')),
  width    INTEGER NOT NULL CHECK (width >= 0),
  file     TEXT NOT NULL REFERENCES media_file (sha256),
  PRIMARY KEY (media_id, format, width)
) STRICT;
CREATE INDEX media_rendition_file ON media_rendition (file);

-- The files an item carries now, in order (what the public pages read), as item holds the current text.
CREATE TABLE item_media (
  item_id    INTEGER NOT NULL REFERENCES item (id),
  position   INTEGER NOT NULL CHECK (position >= 1),
  media_id   INTEGER NOT NULL REFERENCES media (id),
  is_lead    INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),   -- at most one per item: the lead image
  alt        TEXT NOT NULL DEFAULT '',
  decorative INTEGER NOT NULL DEFAULT 0 CHECK (decorative IN (0, 1)),
  caption    TEXT NOT NULL DEFAULT '',
  credit     TEXT NOT NULL DEFAULT '',
  title      TEXT NOT NULL DEFAULT '',                                -- documents
  PRIMARY KEY (item_id, position)
) STRICT;
CREATE INDEX item_media_media ON item_media (media_id);

-- The same for every saved revision, so an old revision still shows the files it had.
CREATE TABLE revision_media (
  revision_id INTEGER NOT NULL REFERENCES revision (id),
  position    INTEGER NOT NULL CHECK (position >= 1),
  media_id    INTEGER NOT NULL REFERENCES media (id),
  is_lead     INTEGER NOT NULL DEFAULT 0 CHECK (is_lead IN (0, 1)),
  alt         TEXT NOT NULL DEFAULT '',
  decorative  INTEGER NOT NULL DEFAULT 0 CHECK (decorative IN (0, 1)),
  caption     TEXT NOT NULL DEFAULT '',
  credit      TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (revision_id, position)
) STRICT;
CREATE INDEX revision_media_media ON revision_media (media_id);
