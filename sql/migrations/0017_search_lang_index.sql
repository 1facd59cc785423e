-- 0017_search_lang_index.sql: the item's language in the search index (issue 13), so that a search within
-- one language is filtered by FTS5 itself: its MATCH ANDs the language's token with the visitor's words,
-- and FTS5 skips the other language's entries in its index. Filtered in SQL after the MATCH (0010), a word
-- common in one language searched in the other walked every match: 245M instructions at 100,000 items
-- against 25M for the unfiltered search (docs/performance.md).
-- The column lang holds the tag after the mark 0x1E (SEARCH_LANG_MARK, src/search_tokenizer.h), which the
-- tokenizer keeps as one token that no visitor's query can hold: a typed "ru" is a word, never the
-- language. search_rank() weighs lang 0.0 and leaves it out of the item's length, so the scores are those
-- of the index without it (docs/search.md). The index reads its content from item through the view below,
-- which adds the mark, so that a rebuild writes what the triggers write; the triggers also follow a change
-- of language.
DROP TRIGGER item_fts_insert;
DROP TRIGGER item_fts_delete;
DROP TRIGGER item_fts_update;
DROP TABLE item_fts;

CREATE VIEW item_fts_content AS SELECT id, title, teaser, body, char(30) || lang AS lang FROM item;

CREATE VIRTUAL TABLE item_fts USING fts5(
  title, teaser, body, lang,
  content = 'item_fts_content', content_rowid = 'id',
  tokenize = 'pressroom remove_diacritics 2'
);

CREATE TRIGGER item_fts_insert AFTER INSERT ON item BEGIN
  INSERT INTO item_fts (rowid, title, teaser, body, lang)
    VALUES (new.id, new.title, new.teaser, new.body, char(30) || new.lang);
END;

CREATE TRIGGER item_fts_delete AFTER DELETE ON item BEGIN
  INSERT INTO item_fts (item_fts, rowid, title, teaser, body, lang)
    VALUES ('delete', old.id, old.title, old.teaser, old.body, char(30) || old.lang);
END;

CREATE TRIGGER item_fts_update AFTER UPDATE OF title, teaser, body, lang ON item BEGIN
  INSERT INTO item_fts (item_fts, rowid, title, teaser, body, lang)
    VALUES ('delete', old.id, old.title, old.teaser, old.body, char(30) || old.lang);
  INSERT INTO item_fts (rowid, title, teaser, body, lang)
    VALUES (new.id, new.title, new.teaser, new.body, char(30) || new.lang);
END;

INSERT INTO item_fts (item_fts) VALUES ('rebuild');
-- The rebuild leaves the index in several segments, each of which every search looks its terms up in:
-- merged into one, as `pressroom db optimize` does nightly.
INSERT INTO item_fts (item_fts) VALUES ('optimize');
