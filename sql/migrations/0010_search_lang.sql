-- 0010_search_lang.sql: a search within one language (issue 13) checks each candidate's language in the
-- index of 0004 as it checks its kind, never in the table, where each check would walk the item's body.
-- Same name, so search_public's INDEXED BY keeps naming it.
DROP INDEX item_public_id;
CREATE INDEX item_public_id ON item (id, published_at, kind, lang) WHERE status = 'published';
