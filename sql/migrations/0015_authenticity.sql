-- 0015_authenticity.sql: signed versions and the public, hash-chained history (issue 15,
-- docs/authenticity.md). Each published version's canonical text is frozen here when it is published, so
-- what is signed, served as <URL>.txt and hashed into the history is the same bytes forever. Nothing here
-- is ever changed or removed: triggers refuse it, so even a bug (or a worker taken over) cannot rewrite the
-- past without the database refusing; only a version's signature may be filled in, once.

CREATE TABLE item_version (
  id          INTEGER PRIMARY KEY,
  item_id     INTEGER NOT NULL REFERENCES item (id),
  version     INTEGER NOT NULL CHECK (version >= 1),            -- 1, 2, ... per item
  revision_id INTEGER NOT NULL REFERENCES revision (id),         -- the saved revision it was made from
  change      TEXT NOT NULL CHECK (change IN ('published', 'corrected', 'withdrawn')),
  visible_at  INTEGER NOT NULL,                                  -- nothing of it is public before (scheduled items)
  url         TEXT NOT NULL,                                     -- the item's canonical absolute URL then
  text        TEXT NOT NULL,                                     -- the canonical text (canonical.c)
  text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
  signature   TEXT,                                              -- the .minisig, filled in once by the signer
  UNIQUE (item_id, version)
) STRICT;

-- The append-only log: entry seq's hash is the SHA-256 of its line (docs/authenticity.md, section 3), and
-- each entry names the hash of the one before, so changing any entry breaks every later link.
CREATE TABLE history (
  seq         INTEGER PRIMARY KEY CHECK (seq >= 1),
  at          INTEGER NOT NULL,
  visible_at  INTEGER NOT NULL,
  version_id  INTEGER NOT NULL UNIQUE REFERENCES item_version (id),
  url         TEXT NOT NULL,
  version     INTEGER NOT NULL,
  change      TEXT NOT NULL CHECK (change IN ('published', 'corrected', 'withdrawn')),
  text_sha256 TEXT NOT NULL CHECK (length(text_sha256) = 64),
  prev        TEXT NOT NULL CHECK (length(prev) = 64),
  hash        TEXT NOT NULL CHECK (length(hash) = 64)
) STRICT;

CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'the history is append-only: an entry cannot be changed'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'the history is append-only: an entry cannot be removed'); END;
CREATE TRIGGER item_version_no_delete BEFORE DELETE ON item_version
BEGIN SELECT RAISE(ABORT, 'a published version cannot be removed'); END;
-- Only a missing signature may be set; everything else about a version is fixed when it is made.
CREATE TRIGGER item_version_no_update BEFORE UPDATE ON item_version
  WHEN OLD.signature IS NOT NULL OR NEW.signature IS NULL OR NEW.id IS NOT OLD.id
    OR NEW.item_id IS NOT OLD.item_id OR NEW.version IS NOT OLD.version OR NEW.revision_id IS NOT OLD.revision_id
    OR NEW.change IS NOT OLD.change OR NEW.visible_at IS NOT OLD.visible_at OR NEW.url IS NOT OLD.url
    OR NEW.text IS NOT OLD.text OR NEW.text_sha256 IS NOT OLD.text_sha256
BEGIN SELECT RAISE(ABORT, 'a published version cannot be changed, only signed once'); END;

CREATE INDEX item_version_unsigned ON item_version (id) WHERE signature IS NULL;

-- The signed checkpoints: after new entries, the signer signs "the log had N entries and this head hash"
-- (docs/authenticity.md, section 3). A reader who keeps one can later prove the log was not rewritten.
CREATE TABLE history_checkpoint (
  seq       INTEGER PRIMARY KEY REFERENCES history (seq),   -- the entry count it covers: the head's number
  text      TEXT NOT NULL,
  signature TEXT NOT NULL
) STRICT;
CREATE TRIGGER history_checkpoint_no_update BEFORE UPDATE ON history_checkpoint
BEGIN SELECT RAISE(ABORT, 'a checkpoint cannot be changed'); END;
CREATE TRIGGER history_checkpoint_no_delete BEFORE DELETE ON history_checkpoint
BEGIN SELECT RAISE(ABORT, 'a checkpoint cannot be removed'); END;
