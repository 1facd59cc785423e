-- 0009_search_stemming.sql: the search index rebuilt with the tokenizer "pressroom" (src/search_tokenizer.c):
-- unicode61 as before (remove_diacritics 2: case and accents folded in every script), then ё as е and the
-- Snowball stem of each word, English for Latin words and Russian for Cyrillic ones, so "missiles" finds
-- "missile", "заявления" finds "заявление" and "елке" finds "ёлке" (docs/search.md).
-- The tokenizer lives in the binary: from now on a connection without it (the sqlite3 shell, Python's
-- sqlite3) can read item but not write it, since the triggers below write item_fts. `pressroom db sql` can.
DROP TRIGGER item_fts_insert;
DROP TRIGGER item_fts_delete;
DROP TRIGGER item_fts_update;
DROP TABLE item_fts;

CREATE VIRTUAL TABLE item_fts USING fts5(
  title, teaser, body,
  content = 'item', content_rowid = 'id',
  tokenize = 'pressroom remove_diacritics 2'
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
