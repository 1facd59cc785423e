-- 0004_search_candidates.sql: whether item N is public, when it was published and its kind, from an index
-- alone. A search checks each of its (up to 1,000) candidates this way; read from the table, each check
-- walked the item's body, which is stored before status and published_at: four pages a candidate, a
-- search answered in 11 ms instead of 1 (docs/performance.md).
CREATE INDEX item_public_id ON item (id, published_at, kind) WHERE status = 'published';
