-- 0017_search_lang_index.sql: the item's language in the search index (issue 13), so that a search within
-- one language is filtered by FTS5 itself: its MATCH ANDs the column lang with the visitor's words, and
-- FTS5 skips the other language's entries in its index. Filtered in SQL after the MATCH (0010), a word
-- common in one language searched in the other walked every match: 245M instructions at 100,000 items
-- against 25M for the unfiltered search (docs/performance.md).
-- The visitor's words are matched in title, teaser and body only (search_match, src/search.c), so a typed
-- "ru" is a word, never the language; search_rank() weighs lang 0 and leaves it out of the item's length,
-- so the scores are those of the index without it (docs/search.md). The triggers also follow a change of
-- language.
DROP TRIGGER item_fts_insert;
DROP TRIGGER item_fts_delete;
DROP TRIGGER item_fts_update;
DROP TABLE item_fts;

CREATE VIRTUAL TABLE item_fts USING fts5(
  title, teaser, body, lang,
  content = 'item', content_rowid = 'id',
  tokenize = 'pressroom remove_diacritics 2'
);

CREATE TRIGGER item_fts_insert AFTER INSERT ON item BEGIN
  INSERT INTO item_fts (rowid, title, teaser, body, lang) VALUES (new.id, new.title, new.teaser, new.body, new.lang);
END;

CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN
  INSERT INTO item_fts (item_fts, rowid, title, teaser, body, lang)
    VALUES ('delete', old.id, old.title, old.teaser, old.body, old.lang);
END;

CREATE TRIGGER item_fts_update AFTER UPDATE OF title, teaser, body, lang ON item BEGIN
  INSERT INTO item_fts (item_fts, rowid, title, teaser, body, lang)
    VALUES ('delete', old.id, old.title, old.teaser, old.body, old.lang);
  INSERT INTO item_fts (rowid, title, teaser, body, lang) VALUES (new.id, new.title, new.teaser, new.body, new.lang);
END;

INSERT INTO item_fts (item_fts) VALUES ('rebuild');
-- The rebuild leaves the index in several segments, each of which every search looks its terms up in:
-- merged into one, as `pressroom db optimize` does nightly.
INSERT INTO item_fts (item_fts) VALUES ('optimize');
