-- 0003_search.sql: full-text search over titles, teasers and bodies (SQLite FTS5), kept in step with the
-- item table by triggers so that every write path (admin, CLI, seed, migrations) updates it; and an index
-- for the newest change, which Last-Modified is derived from.

-- unicode61 with remove_diacritics 2 folds case for Latin and Cyrillic alike ("KOREAN", "korean" and
-- "Korean" are one term; so are "ЗАЯВЛЕНИЕ" and "заявление") and drops accents ("café" is "cafe"; it
-- leaves "ё" distinct from "е"). The index holds every item; queries join back to item and keep only
-- public ones, so a withdrawn or draft item is never found.
CREATE VIRTUAL TABLE item_fts USING fts5(
  title, teaser, body,
  content = 'item', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER item_fts_insert AFTER INSERT ON item BEGIN
  INSERT INTO item_fts (rowid, title, teaser, body) VALUES (new.id, new.title, new.teaser, new.body);
END;

CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN
  INSERT INTO item_fts (item_fts, rowid, title, teaser, body) VALUES ('delete', old.id, old.title, old.teaser, old.body);
END;

CREATE TRIGGER item_fts_update AFTER UPDATE OF title, teaser, body ON item BEGIN
  INSERT INTO item_fts (item_fts, rowid, title, teaser, body) VALUES ('delete', old.id, old.title, old.teaser, old.body);
  INSERT INTO item_fts (rowid, title, teaser, body) VALUES (new.id, new.title, new.teaser, new.body);
END;

INSERT INTO item_fts (item_fts) VALUES ('rebuild');

CREATE INDEX item_updated ON item (updated_at);
