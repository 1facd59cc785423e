-- queries.sql: every statement Pressroom runs while serving, by name. The build embeds this file; each
-- worker prepares a statement once, on first use, and reuses it. Parameters are numbered (?1, ?2...) and
-- always bound, never spliced in. db.c maps each name to an enum stmt and refuses to start if one is missing.
-- "Public" always means: status = 'published' AND published_at <= now (a scheduled item has a future time).

-- name: settings
SELECT key, value FROM setting;

-- name: clock_cities
SELECT label, zone FROM clock_city ORDER BY position;

-- name: item_public_by_id
-- ?1 id, ?2 now
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at
  FROM item
 WHERE id = ?1 AND status = 'published' AND published_at <= ?2;

-- name: items_public_of_kind
-- ?1 kind, ?2 lowest published_at, ?3 highest published_at (now or the end of a year), ?4 limit, ?5 offset
SELECT id, kind, type, slug, title, teaser, '', '', published_at, updated_at
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at BETWEEN ?2 AND ?3
 ORDER BY published_at DESC, id DESC
 LIMIT ?4 OFFSET ?5;

-- name: items_public_all
-- ?1 lowest published_at, ?2 highest published_at, ?3 limit, ?4 offset
SELECT id, kind, type, slug, title, teaser, '', '', published_at, updated_at
  FROM item
 WHERE status = 'published' AND published_at BETWEEN ?1 AND ?2
 ORDER BY published_at DESC, id DESC
 LIMIT ?3 OFFSET ?4;

-- name: item_latest_full_of_kind
-- ?1 kind, ?2 now
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at <= ?2
 ORDER BY published_at DESC, id DESC
 LIMIT 1;
