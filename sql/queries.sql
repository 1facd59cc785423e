-- queries.sql: every statement Pressroom runs while serving, by name. The build embeds this file; each
-- worker prepares a statement once, on first use, and reuses it. Parameters are numbered (?1, ?2...) and
-- always bound, never spliced in. The build makes enum stmt from the names (name -> STMT_NAME, src/embed.cmake),
-- so a new query is one edit here; the binary refuses to start if one does not prepare.
-- Every statement that returns items returns the same first twelve columns, in the order of struct item;
-- those that return the body in full add its kept HTML and that HTML's renderer version (0006) after them.
-- "Public" always means: status = 'published' AND published_at <= now (a scheduled item has a future time).

-- name: settings
SELECT key, value FROM setting;

-- name: clock_cities
SELECT label, zone FROM clock_city ORDER BY position;

-- name: clock_city_labels
-- The clock cities' names in the other languages (0008), in the order of clock_cities.
SELECT (SELECT count(*) FROM clock_city o WHERE o.position < c.position), l.lang, l.label
  FROM clock_city_label l JOIN clock_city c ON c.position = l.position ORDER BY c.position;

-- name: setting_set
-- `pressroom site`: ?1 key, ?2 value
INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: setting_delete
-- ?1 key
DELETE FROM setting WHERE key = ?1;

-- name: clock_city_labels_clear
-- Before clock_cities_clear: the labels name the cities they translate.
DELETE FROM clock_city_label;

-- name: clock_cities_clear
DELETE FROM clock_city;

-- name: clock_city_insert
-- ?1 position (from 1), ?2 label, ?3 IANA zone name
INSERT INTO clock_city (position, label, zone) VALUES (?1, ?2, ?3);

-- name: item_public_by_id
-- ?1 id, ?2 now
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at, public_updated_at,
       update_note, body_html, body_html_version
  FROM item
 WHERE id = ?1 AND status = 'published' AND published_at <= ?2;

-- name: items_public_of_kind
-- A page of a list starts below a key (published_at, id), never at an OFFSET: page 4,000 is an index seek
-- like page 1 (item.c finds the key). The first page starts below (highest published_at, max id).
-- ?1 kind, ?2 lowest published_at, ?3 ?4 the key the page starts below, ?5 limit, ?6 NULL (one language: the _lang statement)
SELECT id, kind, type, slug, title, teaser, '', '', published_at, updated_at, NULL, ''
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at >= ?2 AND (published_at, id) < (?3, ?4)
   AND ?6 IS NULL
 ORDER BY published_at DESC, id DESC
 LIMIT ?5;

-- name: items_public_of_kind_lang
-- The same in language ?6: it seeks the language's own index (0022) instead of reading every row
-- for its language, which for a language with few items meant the whole list.
SELECT id, kind, type, slug, title, teaser, '', '', published_at, updated_at, NULL, ''
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at >= ?2 AND (published_at, id) < (?3, ?4)
   AND lang = ?6
 ORDER BY published_at DESC, id DESC
 LIMIT ?5;

-- name: items_public_all
-- ?1 lowest published_at, ?2 ?3 the key the page starts below, ?4 limit, ?5 NULL (one language: the _lang statement)
SELECT id, kind, type, slug, title, teaser, '', '', published_at, updated_at, NULL, ''
  FROM item
 WHERE status = 'published' AND published_at >= ?1 AND (published_at, id) < (?2, ?3)
   AND ?5 IS NULL
 ORDER BY published_at DESC, id DESC
 LIMIT ?4;

-- name: items_public_all_lang
-- The same in language ?5: it seeks the language's own index (0022) instead of reading every row
-- for its language, which for a language with few items meant the whole list.
SELECT id, kind, type, slug, title, teaser, '', '', published_at, updated_at, NULL, ''
  FROM item
 WHERE status = 'published' AND published_at >= ?1 AND (published_at, id) < (?2, ?3)
   AND lang = ?5
 ORDER BY published_at DESC, id DESC
 LIMIT ?4;

-- name: item_keys_public_of_kind
-- The keys of the lists above, read from the index alone, to find where a deep page starts.
-- ?1 kind, ?2 lowest published_at, ?3 ?4 the key to start below, ?5 how many, ?6 NULL (one language: the _lang statement)
SELECT published_at, id
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at >= ?2 AND (published_at, id) < (?3, ?4)
   AND ?6 IS NULL
 ORDER BY published_at DESC, id DESC
 LIMIT ?5;

-- name: item_keys_public_of_kind_lang
-- The same in language ?6: it seeks the language's own index (0022) instead of reading every row
-- for its language, which for a language with few items meant the whole list.
SELECT published_at, id
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at >= ?2 AND (published_at, id) < (?3, ?4)
   AND lang = ?6
 ORDER BY published_at DESC, id DESC
 LIMIT ?5;

-- name: item_keys_public_all
-- ?1 lowest published_at, ?2 ?3 the key to start below, ?4 how many, ?5 NULL (one language: the _lang statement)
SELECT published_at, id
  FROM item
 WHERE status = 'published' AND published_at >= ?1 AND (published_at, id) < (?2, ?3)
   AND ?5 IS NULL
 ORDER BY published_at DESC, id DESC
 LIMIT ?4;

-- name: item_keys_public_all_lang
-- The same in language ?5: it seeks the language's own index (0022) instead of reading every row
-- for its language, which for a language with few items meant the whole list.
SELECT published_at, id
  FROM item
 WHERE status = 'published' AND published_at >= ?1 AND (published_at, id) < (?2, ?3)
   AND lang = ?5
 ORDER BY published_at DESC, id DESC
 LIMIT ?4;

-- name: item_next_public_at
-- When the next scheduled item becomes public (NULL: none is scheduled). ?1 now
SELECT min(published_at) FROM item WHERE status = 'published' AND published_at > ?1;

-- name: item_latest_full_of_kind
-- ?1 kind, ?2 now, ?3 NULL (one language: the _lang statement)
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at, public_updated_at,
       update_note, body_html, body_html_version
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at <= ?2 AND ?3 IS NULL
 ORDER BY published_at DESC, id DESC
 LIMIT 1;

-- name: item_latest_full_of_kind_lang
-- The same in language ?3: it seeks the language's own index (0022) instead of reading every row
-- for its language, which for a language with few items meant the whole list.
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at, public_updated_at,
       update_note, body_html, body_html_version
  FROM item
 WHERE kind = ?1 AND status = 'published' AND published_at <= ?2 AND lang = ?3
 ORDER BY published_at DESC, id DESC
 LIMIT 1;

-- ---- press officers and sessions (0002_admin.sql) ----

-- name: user_by_name
SELECT id, name, role, password_hash, disabled FROM user WHERE name = ?1;

-- name: user_insert
-- ?1 name, ?2 role, ?3 password hash, ?4 now
INSERT INTO user (name, role, password_hash, created_at) VALUES (?1, ?2, ?3, ?4);

-- name: user_set_password
UPDATE user SET password_hash = ?2 WHERE name = ?1;

-- name: user_disable
UPDATE user SET disabled = 1 WHERE name = ?1;

-- name: user_list
SELECT name, role, disabled, created_at FROM user ORDER BY name;

-- name: session_insert
-- ?1 token hash, ?2 user id, ?3 csrf token, ?4 client address, ?5 now
INSERT INTO session (token_hash, user_id, csrf, address, created_at, last_seen) VALUES (?1, ?2, ?3, ?4, ?5, ?5);

-- name: session_lookup
-- ?1 token hash, ?2 oldest last_seen still alive (idle expiry), ?3 oldest created_at still alive (absolute)
SELECT u.id, u.name, u.role, s.csrf, s.last_seen
  FROM session s JOIN user u ON u.id = s.user_id
 WHERE s.token_hash = ?1 AND s.ended_at IS NULL AND u.disabled = 0 AND s.last_seen > ?2 AND s.created_at > ?3;

-- name: session_touch
UPDATE session SET last_seen = ?2 WHERE token_hash = ?1;

-- name: session_end
UPDATE session SET ended_at = ?2 WHERE token_hash = ?1 AND ended_at IS NULL;

-- name: session_end_user_others
-- An officer changed their password: every other session of theirs ends. ?1 user, ?2 this session's hash, ?3 now
UPDATE session SET ended_at = ?3 WHERE user_id = ?1 AND token_hash <> ?2 AND ended_at IS NULL;

-- name: login_device_forget_user
-- ... and the browsers they signed in from are no longer known (their device cookies stop counting).
DELETE FROM login_device WHERE user_id = ?1;

-- name: session_csrf_any
-- The form token of the session a cookie names, live, expired or ended: was a refused form this browser's?
SELECT csrf FROM session WHERE token_hash = ?1;

-- name: session_csrf_of_user
-- Did one of officer ?1's sessions, any age, give out form token ?2?
SELECT 1 FROM session WHERE user_id = ?1 AND csrf = ?2;

-- name: session_end_user
-- When a password changes or an account is disabled, every session of it ends.
UPDATE session SET ended_at = ?2 WHERE user_id = (SELECT id FROM user WHERE name = ?1) AND ended_at IS NULL;

-- name: login_failure_insert
-- ?1 now, ?2 username (lower case), ?3 address, ?4 the device cookie's hash, or NULL for an unknown browser
INSERT INTO login_failure (at, username, address, device) VALUES (?1, ?2, ?3, ?4);

-- name: login_failures_by_username_address
-- An unknown browser's recent failures for one name from one address. ?1 since, ?2 username, ?3 address
SELECT at FROM login_failure
 WHERE username = ?2 AND address = ?3 AND device IS NULL AND at > ?1 ORDER BY at DESC LIMIT 64;

-- name: login_failures_by_address
-- Unknown browsers' recent failures from one address, whatever the name. ?1 since, ?2 address
SELECT at FROM login_failure WHERE address = ?2 AND device IS NULL AND at > ?1 ORDER BY at DESC LIMIT 64;

-- name: login_failures_by_device
-- The recent failures of one device cookie. ?1 since, ?2 its hash
SELECT at FROM login_failure WHERE device = ?2 AND at > ?1 ORDER BY at DESC LIMIT 64;

-- name: login_device_insert
-- ?1 token hash, ?2 user id, ?3 now
INSERT INTO login_device (token_hash, user_id, created_at) VALUES (?1, ?2, ?3);

-- name: login_device_lookup
-- The officer a live device cookie belongs to. ?1 token hash, ?2 oldest created_at still alive
SELECT u.id, u.name FROM login_device d JOIN user u ON u.id = d.user_id
 WHERE d.token_hash = ?1 AND d.created_at > ?2;

-- name: login_refusal_count
-- One more refusal in a lock that already has its audit row: the row's id, or nothing.
-- ?1 username, ?2 address, ?3 the lock's end
UPDATE audit SET count = count + 1
 WHERE id = (SELECT audit_id FROM login_refusal WHERE username = ?1 AND address = ?2 AND until = ?3)
RETURNING id;

-- name: login_refusal_insert
-- Right after the lock's audit row was inserted on this connection. ?1 username, ?2 address, ?3 lock's end
INSERT INTO login_refusal (username, address, until, audit_id) VALUES (?1, ?2, ?3, last_insert_rowid());

-- name: login_refusal_prune
-- ?1 now
DELETE FROM login_refusal WHERE until <= ?1;

-- name: housekeeping_sessions
-- Nightly (db optimize): sessions unused or ended for ?1's age are gone for good (idle is at most 7 days).
DELETE FROM session WHERE last_seen < ?1 OR ended_at < ?1;

-- name: housekeeping_login_failures
-- Failures older than ?1 no longer count for any throttle (their window is minutes).
DELETE FROM login_failure WHERE at < ?1;

-- name: housekeeping_login_devices
-- Device cookies made before ?1 are past their lifetime and no longer trusted.
DELETE FROM login_device WHERE created_at < ?1;

-- name: sync_normal
-- A refusal's count is written to the WAL without an fsync; the next synchronous commit (any sign-in,
-- save or checkpoint) makes it durable. See auth.c record_refusal.
PRAGMA synchronous = NORMAL;

-- name: sync_full
-- What db.c opens every connection with.
PRAGMA synchronous = FULL;

-- name: audit_insert
-- ?1 at, ?2 user id or NULL, ?3 username, ?4 address, ?5 action, ?6 item id or NULL, ?7 detail
INSERT INTO audit (at, user_id, username, address, action, item_id, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7);

-- name: audit_page
-- ?1 limit, ?2 offset
SELECT a.at, a.username, a.address, a.action, a.item_id, a.detail, i.title, a.count
  FROM audit a LEFT JOIN item i ON i.id = a.item_id
 ORDER BY a.id DESC LIMIT ?1 OFFSET ?2;

-- ---- items as press officers see them ----

-- name: item_admin_by_id
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at, public_updated_at,
       update_note, body_html, body_html_version, status, created_by, submitted_by, review_comment, withdrawn_at,
       withdrawal_note
  FROM item WHERE id = ?1;

-- name: items_admin_page
-- Every item whatever its status, newest first. ?1 limit, ?2 offset
SELECT i.id, i.kind, i.type, i.title, i.status, i.published_at, i.updated_at, coalesce(u.name, '')
  FROM item i LEFT JOIN user u ON u.id = i.created_by
 ORDER BY i.published_at DESC, i.id DESC LIMIT ?1 OFFSET ?2;

-- name: items_admin_filtered
-- The admin list narrowed: ?3 a status as officers see it ('' for any; 'scheduled' is published with a
-- time to come at ?5 now), ?4 words the title contains in any case, in any script ('' for any; casefold.c).
-- ?1 limit, ?2 offset
SELECT i.id, i.kind, i.type, i.title, i.status, i.published_at, i.updated_at, coalesce(u.name, '')
  FROM item i LEFT JOIN user u ON u.id = i.created_by
 WHERE (?3 = '' OR CASE WHEN i.status = 'published' AND i.published_at > ?5 THEN 'scheduled' ELSE i.status END = ?3)
   AND (?4 = '' OR instr(casefold(i.title), casefold(?4)) > 0)
 ORDER BY i.published_at DESC, i.id DESC LIMIT ?1 OFFSET ?2;

-- name: item_insert
-- ?1 kind, ?2 type, ?3 title, ?4 teaser, ?5 body, ?6 signature, ?7 status, ?8 published_at, ?9 now, ?10 user,
-- ?11 the body's HTML (markup.c), ?12 markup_version()
INSERT INTO item (kind, type, slug, title, teaser, body, signature, status, published_at, created_at, updated_at,
                  created_by, body_html, body_html_version)
VALUES (?1, ?2, slugify(?3), ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, ?12);

-- name: item_update
-- ?1 id, ?2 kind, ?3 type, ?4 title, ?5 teaser, ?6 body, ?7 signature, ?8 published_at, ?9 now,
-- ?10 public_updated_at (kept when NULL), ?11 update note (kept when NULL), ?12 the body's HTML (markup.c),
-- ?13 markup_version()
UPDATE item SET kind = ?2, type = ?3, slug = slugify(?4), title = ?4, teaser = ?5, body = ?6, signature = ?7,
                published_at = ?8, updated_at = ?9, body_html = ?12, body_html_version = ?13,
                public_updated_at = coalesce(?10, public_updated_at), update_note = coalesce(?11, update_note)
 WHERE id = ?1 AND status <> 'withdrawn';

-- name: item_set_status
-- ?1 id, ?2 new status, ?3 now, ?4 submitted_by (kept when NULL), ?5 review comment (kept when NULL)
UPDATE item SET status = ?2, updated_at = ?3, submitted_by = coalesce(?4, submitted_by),
                review_comment = coalesce(?5, review_comment)
 WHERE id = ?1 AND status <> 'withdrawn';

-- name: item_withdraw
UPDATE item SET status = 'withdrawn', withdrawn_at = ?2, withdrawal_note = ?3, updated_at = ?2
 WHERE id = ?1 AND status = 'published';

-- name: revision_insert
-- A snapshot of the item as it now stands. ?1 item, ?2 user, ?3 now, ?4 action, ?5 note
INSERT INTO revision (item_id, user_id, at, action, status, kind, type, title, teaser, body, signature,
                      published_at, note, lang)
SELECT id, ?2, ?3, ?4, status, kind, type, title, teaser, body, signature, published_at, ?5, lang
  FROM item WHERE id = ?1;

-- name: revisions_of_item
SELECT r.at, coalesce(u.name, ''), r.action, r.status, r.note, r.id
  FROM revision r LEFT JOIN user u ON u.id = r.user_id
 WHERE r.item_id = ?1 ORDER BY r.id DESC LIMIT 50;

-- name: item_version
-- The version an officer's form was loaded from: the item's newest revision (0 before its first).
SELECT coalesce(max(id), 0) FROM revision WHERE item_id = ?1;

-- name: item_editing_open
-- Officer ?2 opened item ?1's form at ?3.
INSERT INTO item_editing (item_id, user_id, opened_at) VALUES (?1, ?2, ?3)
  ON CONFLICT (item_id, user_id) DO UPDATE SET opened_at = excluded.opened_at;

-- name: item_editing_done
-- Officer ?2 saved item ?1: no longer editing it.
DELETE FROM item_editing WHERE item_id = ?1 AND user_id = ?2;

-- name: item_editing_others
-- The other officers who opened item ?1's form since ?3, newest first. ?2 the officer asking
SELECT u.name, e.opened_at FROM item_editing e JOIN user u ON u.id = e.user_id
 WHERE e.item_id = ?1 AND e.user_id <> ?2 AND e.opened_at > ?3 ORDER BY e.opened_at DESC LIMIT 5;

-- name: revision_by_id
-- One revision of item ?1, whole. ?2 the revision
SELECT r.id, r.at, coalesce(u.name, ''), r.action, r.status, r.title, r.teaser, r.body, r.signature,
       r.published_at, r.note, r.kind, r.type
  FROM revision r LEFT JOIN user u ON u.id = r.user_id
 WHERE r.item_id = ?1 AND r.id = ?2;

-- name: item_status_by_id
-- What the public URL of any item should answer: 200, 404 or 410.
SELECT id, kind, slug, title, status, published_at, withdrawn_at, withdrawal_note FROM item WHERE id = ?1;

-- name: preview_insert
-- ?1 token hash, ?2 item, ?3 user, ?4 now, ?5 expires
INSERT INTO preview_link (token_hash, item_id, created_by, created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5);

-- name: preview_lookup
-- ?1 token hash, ?2 now
SELECT item_id FROM preview_link WHERE token_hash = ?1 AND revoked_at IS NULL AND expires_at > ?2;

-- name: preview_revoke_item
UPDATE preview_link SET revoked_at = ?2 WHERE item_id = ?1 AND revoked_at IS NULL;

-- name: preview_active_of_item
SELECT created_at, expires_at FROM preview_link
 WHERE item_id = ?1 AND revoked_at IS NULL AND expires_at > ?2 ORDER BY created_at DESC;

-- ---- search, feeds, sitemaps, navigation (0003_search.sql) ----

-- name: search_public
-- Rank only the newest ?7 matching public items (by id), so a word found in most of the archive costs the
-- same as a rare one; items whose title holds every term first (search_in_title), then BM25, which weights
-- the title over the teaser over the body. Newest first among equals.
-- search_rank is bm25 with the documents per term given (?8, search_rank.c), not counted on every query.
-- Candidates are checked in the index of 0004 (by rowid, each check would read the item's whole body).
-- ?1 the FTS5 expression of search_match (search.c): a language with many matches is filtered there, in the
-- index (0017), so that FTS5 skips the other languages' items instead of SQLite checking each match; its
-- column weighs 0.0 and its phrase, the last, is not a term of the title (?9: 1 with it, else 0). A language
-- with few matches is checked here (?10, in the index of 0010), which costs less for them (search_store.c).
-- ?2 lowest published_at, ?3 highest, ?4 kind or NULL, ?5 limit, ?6 offset, ?7 candidates,
-- ?8 documents per phrase (search_rank_bind), ?9 the phrases after the visitor's (SEARCH_FILTER_PHRASES),
-- ?10 language or NULL
SELECT i.id, i.kind, i.type, i.slug, i.title, i.teaser, '', '', i.published_at, i.updated_at, NULL, ''
  FROM (SELECT f.rowid AS id, search_rank(item_fts, ?8, 10.0, 4.0, 1.0, 0.0) AS score,
               search_in_title(item_fts, ?9) AS in_title
          FROM item_fts f JOIN item c INDEXED BY item_public_id ON c.id = f.rowid
         WHERE item_fts MATCH ?1 AND c.status = 'published' AND c.published_at BETWEEN ?2 AND ?3
           AND (?4 IS NULL OR c.kind = ?4) AND (?10 IS NULL OR c.lang = ?10)
         ORDER BY f.rowid DESC LIMIT ?7) hits
  JOIN item i ON i.id = hits.id
 ORDER BY hits.in_title DESC, hits.score, i.published_at DESC, i.id DESC
 LIMIT ?5 OFFSET ?6;

-- name: search_count
-- How many public items match, counted up to ?5 (the candidates search_public ranks): the conditions of
-- search_public's inner query, which a change there must keep in step. Run only when the results fill more
-- than a page (search_store.c); 3M instructions for 1,000 matches where the window count(*) OVER () in
-- search_public cost 15M (docs/performance.md).
-- ?1 the FTS5 expression of search_match (the language in it, or:), ?2 lowest published_at, ?3 highest, ?4
-- kind or NULL, ?5 at most, ?6 language or NULL (checked here)
SELECT count(*)
  FROM (SELECT 1 FROM item_fts f JOIN item c INDEXED BY item_public_id ON c.id = f.rowid
         WHERE item_fts MATCH ?1 AND c.status = 'published' AND c.published_at BETWEEN ?2 AND ?3
           AND (?4 IS NULL OR c.kind = ?4) AND (?6 IS NULL OR c.lang = ?6)
         LIMIT ?5);

-- name: search_snippet
-- ?1 FTS5 query (the visitor's terms, no language), ?2 id: the best passage of one result, matches between
-- \x01 and \x02. search_snippet is snippet(item_fts, -1, ...) that reads no further into the text than the
-- passage needs (search_snippet.c).
SELECT search_snippet(item_fts, char(1), char(2), '…', 24) FROM item_fts WHERE item_fts MATCH ?1 AND rowid = ?2;

-- name: search_phrase_docs
-- ?1 one quoted term: the documents of the index (public or not, as bm25 counts them) that hold it.
SELECT count(*) FROM item_fts WHERE item_fts MATCH ?1;

-- name: items_feed
-- The newest public items in full, for Atom. ?1 kind or NULL, ?2 now, ?3 limit, ?4 NULL (one language: the _lang statement)
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at, public_updated_at,
       update_note, body_html, body_html_version, created_at
  FROM item
 WHERE status = 'published' AND published_at <= ?2 AND (?1 IS NULL OR kind = ?1) AND ?4 IS NULL
 ORDER BY published_at DESC, id DESC
 LIMIT ?3;

-- name: items_feed_lang
-- The same in language ?4: it seeks the language's own index (0022) instead of reading every row
-- for its language, which for a language with few items meant the whole list.
SELECT id, kind, type, slug, title, teaser, body, signature, published_at, updated_at, public_updated_at,
       update_note, body_html, body_html_version, created_at
  FROM item
 WHERE status = 'published' AND published_at <= ?2 AND (?1 IS NULL OR kind = ?1) AND lang = ?4
 ORDER BY published_at DESC, id DESC
 LIMIT ?3;

-- name: items_feed_withdrawn
-- Statements withdrawn at ?2 or later (and by ?3, now) that the public had seen, newest first, for the feeds'
-- RFC 6721 deleted-entry: id, kind, slug, created_at, withdrawn_at, withdrawal_note. A withdrawal sets
-- updated_at to its time, so item_updated bounds the scan to the window. ?1 kind or NULL, ?4 language or
-- NULL, ?5 limit
SELECT id, kind, slug, created_at, withdrawn_at, withdrawal_note
  FROM item
 WHERE updated_at >= ?2 AND status = 'withdrawn' AND withdrawn_at >= ?2 AND withdrawn_at <= ?3
   AND published_at <= withdrawn_at AND (?1 IS NULL OR kind = ?1) AND (?4 IS NULL OR lang = ?4)
 ORDER BY withdrawn_at DESC, id DESC
 LIMIT ?5;

-- name: items_sitemap
-- One sitemap file: public items in id order. ?1 now, ?2 limit, ?3 offset
SELECT id, kind, slug, max(updated_at, published_at)
  FROM item
 WHERE status = 'published' AND published_at <= ?1
 ORDER BY id LIMIT ?2 OFFSET ?3;

-- name: items_public_count
SELECT count(*) FROM item WHERE status = 'published' AND published_at BETWEEN ?1 AND ?2;

-- name: items_public_count_lang
-- The same in one language (?3), a range of 0008's item_lang_public index.
SELECT count(*) FROM item WHERE status = 'published' AND lang = ?3 AND published_at BETWEEN ?1 AND ?2;

-- name: items_public_oldest
SELECT min(published_at) FROM item WHERE status = 'published';

-- name: last_change
-- When what the public sees last changed: an edit, or a scheduled item whose time came. ?1 now
SELECT max((SELECT max(updated_at) FROM item),
           (SELECT max(published_at) FROM item WHERE status = 'published' AND published_at <= ?1));

-- name: item_public_newer
-- The next public item after (?1 published_at, ?2 id) in time. ?3 now. Only what its link needs: updated_at
-- is left out (0), since a column stored after the body is read through the body's overflow pages, and
-- published_at comes from the index.
SELECT id, kind, type, slug, title, teaser, '', '', published_at, 0, NULL, ''
  FROM item
 WHERE status = 'published' AND published_at <= ?3 AND (published_at, id) > (?1, ?2)
 ORDER BY published_at, id LIMIT 1;

-- name: item_public_older
-- The one before, as item_public_newer.
SELECT id, kind, type, slug, title, teaser, '', '', published_at, 0, NULL, ''
  FROM item
 WHERE status = 'published' AND (published_at, id) < (?1, ?2)
 ORDER BY published_at DESC, id DESC LIMIT 1;

-- name: search_index_optimize
-- Maintenance (pressroom db optimize, nightly with the backup): merge the full-text index's segments into
-- one. Each search looks its terms up in every segment, and writes add segments: at 100,000 items, 11 of
-- them made a five-result search cost 1.89M instructions against 1.34M merged (docs/performance.md).
INSERT INTO item_fts (item_fts) VALUES ('optimize');

-- ---- bodies rendered when written (0006_body_html.sql) ----

-- name: item_html_set
-- ?1 id, ?2 the body as markup.c renders it, ?3 markup_version()
UPDATE item SET body_html = ?2, body_html_version = ?3 WHERE id = ?1;

-- name: item_html_missing
-- Items whose stored HTML is missing or from another renderer version, a batch at a time.
-- ?1 markup_version(), ?2 the id to start after, ?3 how many
SELECT id, body FROM item WHERE body_html_version IS NOT ?1 AND id > ?2 ORDER BY id LIMIT ?3;

-- ---- media as the public reads it (0007_media.sql; src/media_public.c) ----

-- name: media_public_file
-- May /media/<?1 sha256>.<?2 format> be sent? One row per item that carries the file as a public rendition
-- (an original upload is no rendition, except a document's, which is published as uploaded): the public
-- one first, then a withdrawn one (410); none, or only drafts, is a 404. ?3 now
SELECT im.title, m.original_name,
       i.status = 'published' AND i.published_at <= ?3 AS public, i.status = 'withdrawn' AS withdrawn
  FROM media_rendition r
  JOIN media m ON m.id = r.media_id
  JOIN item_media im ON im.media_id = r.media_id
  JOIN item i ON i.id = im.item_id
 WHERE r.file = ?1 AND r.format = ?2
 ORDER BY public DESC, withdrawn DESC, i.id
 LIMIT 1;

-- name: media_of_items
-- The files the items ?1 (a JSON array of ids: one query for a whole list) carry now, each with its public
-- renditions. Unordered: media_public.c sorts the few rows (item, position, format, width) itself, which
-- costs less than SQLite's sorter (a fifth of a detail page's instructions with it).
SELECT im.item_id, im.position, m.kind, im.is_lead, im.alt, im.decorative, im.caption, im.credit, im.title,
       m.original_name, r.format, r.width, r.file, f.bytes, f.width, f.height
  FROM json_each(?1) j
  JOIN item_media im ON im.item_id = j.value
  JOIN media m ON m.id = im.media_id
  JOIN media_rendition r ON r.media_id = im.media_id
  JOIN media_file f ON f.sha256 = r.file;
-- ---- media uploads (0007_media.sql, issue 14; media_store.c) ----

-- name: media_file_insert
-- A stored file; the same bytes uploaded twice are one file. ?1 sha256, ?2 mime, ?3 bytes, ?4 width, ?5 height, ?6 now
INSERT INTO media_file (sha256, mime, bytes, width, height, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
    ON CONFLICT (sha256) DO NOTHING;

-- name: media_insert
-- ?1 kind, ?2 the original's sha256, ?3 its file name as uploaded, ?4 user, ?5 now
INSERT INTO media (kind, original, original_name, created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5);

-- name: media_rendition_insert
-- ?1 media id, ?2 format, ?3 width, ?4 file
INSERT INTO media_rendition (media_id, format, width, file) VALUES (?1, ?2, ?3, ?4);

-- name: media_by_id
-- An upload as the form shows it. ?1 id
SELECT m.id, m.kind, m.original_name, f.mime, f.bytes, coalesce(f.width, 0), coalesce(f.height, 0)
  FROM media m JOIN media_file f ON f.sha256 = m.original WHERE m.id = ?1;

-- name: item_media_of_item
-- The files an item carries now, in order. ?1 item id
SELECT im.media_id, im.is_lead, im.alt, im.decorative, im.caption, im.credit, im.title
  FROM item_media im WHERE im.item_id = ?1 ORDER BY im.position;

-- name: item_media_clear
DELETE FROM item_media WHERE item_id = ?1;

-- name: item_media_insert
-- ?1 item, ?2 position, ?3 media, ?4 is_lead, ?5 alt, ?6 decorative, ?7 caption, ?8 credit, ?9 title
INSERT INTO item_media (item_id, position, media_id, is_lead, alt, decorative, caption, credit, title)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9);

-- name: revision_media_copy
-- A saved revision keeps the files its item carries at that moment. ?1 revision, ?2 item
INSERT INTO revision_media (revision_id, position, media_id, is_lead, alt, decorative, caption, credit, title)
SELECT ?1, position, media_id, is_lead, alt, decorative, caption, credit, title FROM item_media WHERE item_id = ?2;

-- name: media_files_all
-- Every stored file, for pressroom db check and backup.
SELECT sha256, bytes FROM media_file ORDER BY sha256;

-- ---- languages and translations (0008_languages.sql, translation.c) ----

-- name: item_translation_state
-- An item's language, its original (its own id for an original), when a translation last caught up and the
-- note of its last check, and when its original last changed in public: the later of its publication and its
-- last public edit, NULL while the original is not public. translation.c decides staleness from these.
-- Last, whether the item has other versions at all (most have none: their pages skip the group's query).
-- ?1 id, ?2 now
SELECT t.lang, coalesce(t.translation_of, t.id), t.translation_of IS NOT NULL, t.translation_synced_at,
       t.translation_note,
       CASE WHEN o.status = 'published' AND o.published_at <= ?2
            THEN max(o.published_at, coalesce(o.public_updated_at, 0)) END,
       t.translation_of IS NOT NULL OR EXISTS (SELECT 1 FROM item x WHERE x.translation_of = t.id)
  FROM item t LEFT JOIN item o ON o.id = t.translation_of
 WHERE t.id = ?1;

-- name: item_translation_states
-- item_translation_state for many items at once (the admin list's page: one query, not one a row), the same
-- columns and then the item's id; no row for an id that does not exist. ?1 the ids as a JSON array, ?2 now
SELECT t.lang, coalesce(t.translation_of, t.id), t.translation_of IS NOT NULL, t.translation_synced_at,
       t.translation_note,
       CASE WHEN o.status = 'published' AND o.published_at <= ?2
            THEN max(o.published_at, coalesce(o.public_updated_at, 0)) END,
       t.translation_of IS NOT NULL OR EXISTS (SELECT 1 FROM item x WHERE x.translation_of = t.id),
       t.id
  FROM json_each(?1) j JOIN item t ON t.id = j.value LEFT JOIN item o ON o.id = t.translation_of;

-- name: item_translation_group
-- Every version of the statement whose original is ?1, the original first, whatever their status, with
-- whether each is public. ?1 original id, ?2 now
SELECT id, kind, slug, title, lang, status = 'published' AND published_at <= ?2
  FROM item WHERE id = ?1
UNION ALL
SELECT id, kind, slug, title, lang, status = 'published' AND published_at <= ?2
  FROM (SELECT * FROM item WHERE translation_of = ?1 ORDER BY lang);

-- name: item_language_set
-- After an item is saved: its language and, for a translation, its original and that it caught up now. The
-- original must be an original (never a translation) in another language; the unique index of 0008 keeps
-- one version per language. ?1 id, ?2 lang, ?3 original id or NULL, ?4 now
UPDATE item SET lang = ?2, translation_of = ?3,
                translation_synced_at = CASE WHEN ?3 IS NULL THEN NULL ELSE ?4 END
 WHERE id = ?1 AND (?3 IS NULL OR EXISTS (SELECT 1 FROM item o
                                            WHERE o.id = ?3 AND o.translation_of IS NULL AND o.lang <> ?2));

-- name: item_translation_checked
-- "Checked, still accurate": the translation counts as caught up at ?2, with the officer's note ?3. ?1 id
UPDATE item SET translation_synced_at = ?2, translation_note = ?3, updated_at = ?2
 WHERE id = ?1 AND translation_of IS NOT NULL;

-- name: items_sitemap_translated
-- Of the items with ids in [?1, ?2] (one sitemap file's range), those in a translation group, with the group's
-- original, in id order, whatever their status: the sitemap only looks up the public items it lists. Read
-- from 0008's index alone (the id is the rowid), so the cost follows the number of translations, not of items:
-- an EXISTS per item made a 10,000-item sitemap cost 9.5% more with no translation at all.
SELECT id, translation_of FROM item INDEXED BY item_translation
 WHERE translation_of IS NOT NULL AND id BETWEEN ?1 AND ?2
UNION
SELECT translation_of, translation_of FROM item INDEXED BY item_translation
 WHERE translation_of BETWEEN ?1 AND ?2
 ORDER BY 1;

-- ---- signed versions and the history (0015_authenticity.sql, version_store.c) ----

-- name: version_latest_revision
-- The item's newest saved revision, whole, with the item's current slug. ?1 item
SELECT r.id, r.status, r.kind, r.type, r.title, r.teaser, r.body, r.signature, r.published_at, r.note, r.lang,
       i.slug
  FROM revision r JOIN item i ON i.id = r.item_id
 WHERE r.item_id = ?1 ORDER BY r.id DESC LIMIT 1;

-- name: version_files
-- The files the public can download with a revision, in the canonical text's order. ?1 revision
SELECT f.file, f.format, f.width
  FROM revision_media m JOIN media_rendition f ON f.media_id = m.media_id
 WHERE m.revision_id = ?1 ORDER BY m.position, f.format, f.width;

-- name: version_last_of_item
-- The item's newest version: number, change, note line's source (its revision's note) and text. ?1 item
SELECT v.version, v.change, v.text FROM item_version v WHERE v.item_id = ?1 ORDER BY v.version DESC LIMIT 1;

-- name: version_insert
-- ?1 item, ?2 version, ?3 revision, ?4 change, ?5 visible_at, ?6 url, ?7 text, ?8 text_sha256
INSERT INTO item_version (item_id, version, revision_id, change, visible_at, url, text, text_sha256)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);

-- name: history_head
-- The newest entry: its number and hash (none for an empty log).
SELECT seq, hash FROM history ORDER BY seq DESC LIMIT 1;

-- name: history_insert
-- ?1 seq, ?2 at, ?3 visible_at, ?4 version id, ?5 url, ?6 version, ?7 change, ?8 text_sha256, ?9 prev, ?10 hash
INSERT INTO history (seq, at, visible_at, version_id, url, version, change, text_sha256, prev, hash)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10);

-- name: version_public
-- A version the public may see: of item ?1 and kind ?2, number ?3 (0: the newest visible), visible at ?4.
SELECT v.text, v.signature, v.version
  FROM item_version v JOIN item i ON i.id = v.item_id
 WHERE v.item_id = ?1 AND i.kind = ?2 AND v.visible_at <= ?4 AND (?3 = 0 OR v.version = ?3)
 ORDER BY v.version DESC LIMIT 1;

-- name: version_unversioned_items
-- Published items that have no version yet (the demo's seeded statements; a site's from before 0015), oldest
-- first, at most ?1.
SELECT id FROM item
 WHERE status = 'published' AND NOT EXISTS (SELECT 1 FROM item_version v WHERE v.item_id = item.id)
 ORDER BY published_at, id LIMIT ?1;

-- name: version_unsigned
-- The versions still waiting for their signature, oldest first.
SELECT id, url, version, text FROM item_version WHERE signature IS NULL ORDER BY id;

-- name: version_sign
-- ?1 version id, ?2 the .minisig
UPDATE item_version SET signature = ?2 WHERE id = ?1 AND signature IS NULL;

-- name: history_all
-- Every entry with the version it names, for pressroom db check's walk of the chain.
SELECT h.seq, h.at, h.change, h.version, h.text_sha256, h.prev, h.url, h.hash,
       v.text, v.url, v.version, v.change
  FROM history h LEFT JOIN item_version v ON v.id = h.version_id ORDER BY h.seq;

-- name: history_public
-- The whole log, oldest first, for /history.txt: an entry not yet visible at ?1 (a scheduled item's) is
-- shown sealed, by its hash alone.
-- ?2: the last entry it holds (/history.txt as signed holds the entries up to its signature's).
SELECT seq, at, change, version, text_sha256, prev, url, hash, visible_at <= ?1 FROM history WHERE seq <= ?2
 ORDER BY seq;

-- name: checkpoint_due
-- The head entry when no checkpoint covers it yet: its number and hash (no row when up to date).
SELECT h.seq, h.hash FROM history h
 WHERE h.seq = (SELECT max(seq) FROM history) AND NOT EXISTS (SELECT 1 FROM history_checkpoint c WHERE c.seq = h.seq);

-- name: checkpoint_insert
-- ?1 seq, ?2 text, ?3 signature
INSERT INTO history_checkpoint (seq, text, signature) VALUES (?1, ?2, ?3);

-- name: checkpoint_latest
-- The newest checkpoint: its text and signature.
SELECT text, signature FROM history_checkpoint ORDER BY seq DESC LIMIT 1;

-- ---- subscribers (issue 16, the subscriber's side: subscriber_store.c) ----

-- name: subscriber_by_email
-- Is ?1 (as alerts_address.c stores it) already here? Its id, when it was confirmed (NULL: pending) and when
-- its last confirmation was queued.
SELECT id, confirmed_at, confirm_sent_at FROM subscriber WHERE email = ?1;

-- name: subscriber_prune_pending
-- Addresses never confirmed whose link expired before ?1 (a week after its expiry): no reason to keep them.
-- Their queued confirmations go with them (ON DELETE CASCADE).
DELETE FROM subscriber WHERE confirmed_at IS NULL AND confirm_expires < ?1;

-- name: subscriber_insert
-- A pending subscriber with its first confirmation. ?1 email, ?2 releases, ?3 events, ?4 now,
-- ?5 confirmation token, ?6 its expiry, ?7 manage token
INSERT INTO subscriber (email, releases, events, created_at, confirm_token, confirm_expires, confirm_sent_at,
                        manage_token)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?4, ?7);

-- name: subscriber_renew_confirmation
-- A pending subscriber asked again, over an hour after the last confirmation: a new token, what was asked
-- for this time. ?1 id, ?2 releases, ?3 events, ?4 token, ?5 its expiry, ?6 now
UPDATE subscriber SET releases = ?2, events = ?3, confirm_token = ?4, confirm_expires = ?5, confirm_sent_at = ?6
 WHERE id = ?1 AND confirmed_at IS NULL;

-- name: subscriber_languages_clear
-- ?1 subscriber id
DELETE FROM subscriber_language WHERE subscriber_id = ?1;

-- name: subscriber_language_add
-- ?1 subscriber id, ?2 language tag
INSERT INTO subscriber_language (subscriber_id, lang) VALUES (?1, ?2) ON CONFLICT DO NOTHING;

-- name: outbox_queue_confirm
-- The sender builds the confirmation from the subscriber's row (its confirm_token). ?1 subscriber id, ?2 now
INSERT INTO outbox (kind, subscriber_id, queued_at, next_at) VALUES ('confirm', ?1, ?2, ?2);

-- name: subscriber_confirm_expires
-- The expiry of confirmation token ?1, or no row for a token never given or already used.
SELECT confirm_expires FROM subscriber WHERE confirm_token = ?1;

-- name: subscriber_confirm
-- Confirm by a live token, once: the token is cleared. ?1 token, ?2 now. Returns the manage token.
UPDATE subscriber SET confirmed_at = ?2, confirm_token = NULL, confirm_expires = NULL
 WHERE confirm_token = ?1 AND confirm_expires > ?2 AND confirmed_at IS NULL
RETURNING manage_token;

-- name: subscriber_by_manage_token
-- ?1 manage token
SELECT id, email, releases, events, confirmed_at FROM subscriber WHERE manage_token = ?1;

-- name: subscriber_languages
-- ?1 subscriber id
SELECT lang FROM subscriber_language WHERE subscriber_id = ?1 ORDER BY lang;

-- name: subscriber_set_kinds
-- ?1 subscriber id, ?2 releases, ?3 events
UPDATE subscriber SET releases = ?2, events = ?3 WHERE id = ?1;

-- name: subscriber_delete
-- Unsubscribing removes the row; its languages and unsent outbox rows go with it (ON DELETE CASCADE).
-- ?1 manage token
DELETE FROM subscriber WHERE manage_token = ?1 RETURNING id;

-- name: subscriber_counts
-- Per language: releases confirmed, releases pending, events confirmed, events pending.
SELECT l.lang,
       count(*) FILTER (WHERE s.releases AND s.confirmed_at IS NOT NULL),
       count(*) FILTER (WHERE s.releases AND s.confirmed_at IS NULL),
       count(*) FILTER (WHERE s.events AND s.confirmed_at IS NOT NULL),
       count(*) FILTER (WHERE s.events AND s.confirmed_at IS NULL)
  FROM subscriber_language l JOIN subscriber s ON s.id = l.subscriber_id
 GROUP BY l.lang ORDER BY l.lang;

-- name: subscriber_totals
-- Subscribers confirmed and pending, whatever they receive.
SELECT count(confirmed_at), count(*) - count(confirmed_at) FROM subscriber;

-- name: subscriber_export
-- The confirmed subscribers, for the data controller (pressroom subscribers export): email, releases,
-- events, confirmed_at, languages (space-separated).
SELECT s.email, s.releases, s.events, s.confirmed_at,
       (SELECT group_concat(lang, ' ') FROM (SELECT lang FROM subscriber_language
                                            WHERE subscriber_id = s.id ORDER BY lang))
  FROM subscriber s WHERE s.confirmed_at IS NOT NULL ORDER BY s.email;

-- name: outbox_item_counts
-- An item's alerts: queued, sent, failed. ?1 item id
SELECT count(*) FILTER (WHERE state = 'queued'), count(*) FILTER (WHERE state = 'sent'),
       count(*) FILTER (WHERE state = 'failed')
  FROM outbox WHERE item_id = ?1;

-- name: subscribe_attempts
-- The subscribe form's accepted posts from address ?2 since ?1: how many and the oldest (subscriber_store.c).
SELECT count(*), min(at) FROM subscribe_attempt WHERE address = ?2 AND at > ?1;

-- name: subscribe_attempt_insert
-- ?1 now, ?2 address
INSERT INTO subscribe_attempt (address, at) VALUES (?2, ?1);

-- name: subscribe_attempts_prune
-- Attempts older than the window are of no more use. ?1 the window's start
DELETE FROM subscribe_attempt WHERE at <= ?1;

-- name: history_page
-- One page of /history, newest first: the entries numbered ?1 and below, at most ?2, each with the item and
-- the revision its version was made from and, for a correction, the revision of the version before it (for
-- the word diff). visible_at <= ?3 says whether the entry may be shown or only its hash (sealed).
SELECT h.seq, h.at, h.visible_at <= ?3, h.change, h.version, h.text_sha256, h.hash,
       i.id, i.kind, i.slug, r.title, r.teaser, r.body, r.signature, r.note,
       p.id IS NOT NULL, p.title, p.teaser, p.body, p.signature
  FROM history h JOIN item_version v ON v.id = h.version_id JOIN item i ON i.id = v.item_id
  JOIN revision r ON r.id = v.revision_id
  LEFT JOIN item_version pv ON h.change = 'corrected' AND pv.item_id = v.item_id AND pv.version = v.version - 1
  LEFT JOIN revision p ON p.id = pv.revision_id
 WHERE h.seq <= ?1 ORDER BY h.seq DESC LIMIT ?2;

-- name: history_text_signature_latest
-- The newest signature of /history.txt: the entries it covers, the moment their seals were judged at, the
-- .minisig (no row before the first).
SELECT seq, as_of, signature FROM history_text_signature ORDER BY id DESC LIMIT 1;

-- name: history_text_signature_insert
-- ?1 seq, ?2 as_of, ?3 signature
INSERT INTO history_text_signature (seq, as_of, signature) VALUES (?1, ?2, ?3);

-- name: history_openings
-- How many of the entries 1..?1 were sealed at ?2 and are open at ?3: the signed /history.txt is out of date.
SELECT count(*) FROM history WHERE seq <= ?1 AND visible_at > ?2 AND visible_at <= ?3;

-- name: history_next_opening
-- The next moment after ?1 a sealed entry opens (NULL if none waits): when the signer signs again.
SELECT min(visible_at) FROM history WHERE visible_at > ?1;

-- name: version_by_sha256
-- The first published version whose canonical text has SHA-256 ?1 and is visible at ?2, with its item's
-- kind, slug and the version's title: what /verify tells a visitor (one probe of item_version_text_sha256).
SELECT v.item_id, v.version, v.change, v.visible_at, i.kind, i.slug, r.title
  FROM item_version v JOIN item i ON i.id = v.item_id JOIN revision r ON r.id = v.revision_id
 WHERE v.text_sha256 = ?1 AND v.visible_at <= ?2 ORDER BY v.id LIMIT 1;
-- ---- the signing keys on record (0019_signing_keys.sql, key_store.c) ----

-- name: signing_key_state
-- How many keys are on record, and whether the key ?1 (its fingerprint) is the current one (NULL: not on record).
SELECT (SELECT count(*) FROM signing_key), (SELECT valid_until IS NULL FROM signing_key WHERE key_id = ?1);

-- name: signing_key_insert
-- ?1 key id, ?2 public file, ?3 valid from, ?4 first entry, ?5 endorsement (NULL for the first key)
INSERT INTO signing_key (key_id, public_file, valid_from, first_entry, endorsement) VALUES (?1, ?2, ?3, ?4, ?5);

-- name: signing_key_retire
-- ?1 key id, ?2 valid until, ?3 last entry, ?4 retirement
UPDATE signing_key SET valid_until = ?2, last_entry = ?3, retirement = ?4 WHERE key_id = ?1 AND valid_until IS NULL;

-- name: signing_key_all
-- Every key on record, oldest first, for /signing-keys.
SELECT key_id, public_file, valid_from, first_entry, endorsement, valid_until, last_entry, retirement
  FROM signing_key ORDER BY seq;

-- name: history_extent
-- The number of the log's head (0 when empty) and the time of its first entry (NULL when empty).
SELECT coalesce(max(seq), 0), min(at) FROM history;
-- ---- email alerts and WebSub: the sender (issue 16, docs/alerts.md; alerts_queue.c, alerts_outbox.c) ----

-- name: alerts_state_get
-- ?1 key: one of the sender's numbers (0020)
SELECT value FROM alerts_state WHERE key = ?1;

-- name: alerts_state_init
-- ?1 key, ?2 value, kept when the key is set already
INSERT OR IGNORE INTO alerts_state (key, value) VALUES (?1, ?2);

-- name: alerts_state_set
-- ?1 key, ?2 value
INSERT INTO alerts_state (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value;

-- name: alerts_unannounced
-- Items public at ?1 that became public at or after ?2 and are not announced yet: a range of the
-- item_public index, at most a day long, each probed in announced's key.
SELECT id, kind, lang FROM item
 WHERE status = 'published' AND published_at <= ?1 AND published_at >= ?2
   AND NOT EXISTS (SELECT 1 FROM announced a WHERE a.item_id = item.id AND a.version = 1)
 ORDER BY published_at, id
 LIMIT 50;

-- name: alerts_queue_item
-- One outbox row per confirmed subscriber of the item's kind and language, never twice (outbox_once).
-- ?1 'alert' or 'correction', ?2 item id, ?3 version, ?4 now
INSERT OR IGNORE INTO outbox (kind, subscriber_id, item_id, version, queued_at, next_at)
SELECT ?1, s.id, i.id, ?3, ?4, ?4
  FROM item i
  JOIN subscriber_language l ON l.lang = i.lang
  JOIN subscriber s ON s.id = l.subscriber_id
 WHERE i.id = ?2 AND s.confirmed_at IS NOT NULL
   AND ((i.kind = 'release' AND s.releases = 1) OR (i.kind = 'event' AND s.events = 1))
 ORDER BY s.id;

-- name: alerts_mark_announced
-- ?1 item id, ?2 version (1: the publication), ?3 now
INSERT OR IGNORE INTO announced (item_id, version, at) VALUES (?1, ?2, ?3);

-- name: alerts_correction_request
-- The edit form's "notify subscribers of this correction", in the correction's transaction: the item's
-- newest version, when it is a correction. ?1 item id, ?2 now
INSERT OR IGNORE INTO correction_notice (item_id, version, at)
SELECT item_id, version, ?2 FROM item_version
 WHERE item_id = ?1 AND change = 'corrected'
   AND version = (SELECT max(version) FROM item_version WHERE item_id = ?1);

-- name: alerts_correction_requests
-- The requests waiting, with their item's kind and language.
SELECT n.item_id, n.version, i.kind, i.lang FROM correction_notice n JOIN item i ON i.id = n.item_id
 ORDER BY n.at LIMIT 50;

-- name: alerts_correction_request_done
-- ?1 item id, ?2 version
DELETE FROM correction_notice WHERE item_id = ?1 AND version = ?2;

-- name: alerts_versions_after
-- WebSub: corrections and withdrawals recorded after version id ?1, with their item's kind and language.
SELECT v.id, i.kind, i.lang FROM item_version v JOIN item i ON i.id = v.item_id
 WHERE v.id > ?1 AND v.change <> 'published' ORDER BY v.id LIMIT 50;

-- name: alerts_version_max
SELECT coalesce(max(id), 0) FROM item_version;

-- name: websub_queue
-- ?1 hub, ?2 topic (a feed's URL), ?3 now; not again while the same ping waits untried
INSERT INTO websub_ping (hub, topic, queued_at, next_at)
SELECT ?1, ?2, ?3, ?3
 WHERE NOT EXISTS (SELECT 1 FROM websub_ping WHERE hub = ?1 AND topic = ?2 AND state = 'queued' AND attempts = 0);

-- name: outbox_due
-- The next message to send at ?1, oldest first, with its subscriber, its item's language, and the
-- subscriber's one language if there is exactly one (a confirmation's language).
SELECT o.id, o.kind, coalesce(o.item_id, 0), o.version, o.attempts, o.queued_at, s.email, s.manage_token,
       s.confirm_token, coalesce(s.confirm_expires, 0), s.confirmed_at IS NOT NULL,
       coalesce((SELECT lang FROM item WHERE id = o.item_id),
                (SELECT min(lang) FROM subscriber_language WHERE subscriber_id = s.id
                  HAVING count(*) = 1), '')
  FROM outbox o JOIN subscriber s ON s.id = o.subscriber_id
 WHERE o.state = 'queued' AND o.next_at <= ?1
 ORDER BY o.id
 LIMIT 1;

-- name: outbox_sent
-- ?1 id, ?2 now
UPDATE outbox SET state = 'sent', sent_at = ?2, attempts = attempts + 1, error = NULL WHERE id = ?1;

-- name: outbox_retry
-- ?1 id, ?2 next attempt's time, ?3 the answer
UPDATE outbox SET attempts = attempts + 1, next_at = ?2, error = ?3 WHERE id = ?1;

-- name: outbox_failed
-- ?1 id, ?2 the answer
UPDATE outbox SET state = 'failed', attempts = attempts + 1, error = ?2 WHERE id = ?1;

-- name: outbox_next_at
-- When the next queued row (outbox or ping) is due: the sender sleeps until then (or a second).
SELECT min(coalesce((SELECT min(next_at) FROM outbox WHERE state = 'queued'), 1 << 62),
           coalesce((SELECT min(next_at) FROM websub_ping WHERE state = 'queued'), 1 << 62));

-- name: websub_due
-- ?1 now: the next ping to send
SELECT id, hub, topic, attempts, queued_at FROM websub_ping
 WHERE state = 'queued' AND next_at <= ?1 ORDER BY id LIMIT 1;

-- name: websub_sent
-- ?1 id, ?2 now
UPDATE websub_ping SET state = 'sent', sent_at = ?2, attempts = attempts + 1, error = NULL WHERE id = ?1;

-- name: websub_retry
-- ?1 id, ?2 next attempt's time, ?3 the answer
UPDATE websub_ping SET attempts = attempts + 1, next_at = ?2, error = ?3 WHERE id = ?1;

-- name: websub_failed
-- ?1 id, ?2 the answer
UPDATE websub_ping SET state = 'failed', attempts = attempts + 1, error = ?2 WHERE id = ?1;

-- name: alerts_known_url
-- With no site_url set, the sender has no request to learn the site's address from: the newest version's
-- absolute URL, which a worker wrote from its own request's base URL (version_store.c).
SELECT url FROM item_version ORDER BY id DESC LIMIT 1;
