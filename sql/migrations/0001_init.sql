-- 0001_init.sql: the first schema: site settings, the clock cities of the page header, and the items
-- (press releases and events) that the public site lists.

-- Site-wide settings shown on every page (embassy name, consular contacts, the zone dates are shown in).
CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- The cities whose current time the page header shows, in order.
CREATE TABLE clock_city (
  position INTEGER PRIMARY KEY,
  label    TEXT NOT NULL CHECK (label <> ''),
  zone     TEXT NOT NULL CHECK (zone <> '')          -- an IANA zone name, e.g. Europe/Moscow
) STRICT;

-- One row per press release or event. Nothing is ever deleted: withdrawal is a status.
-- An item is public when status = 'published' and published_at has come; a published item with a future
-- published_at is "scheduled" and becomes public at that moment with no job having to run.
CREATE TABLE item (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('release', 'event')),
  type         TEXT NOT NULL CHECK (type IN ('press-release', 'statement', 'comment', 'interview',
                                              'news', 'speech', 'briefing', 'event')),
  slug         TEXT NOT NULL CHECK (slug <> ''),     -- derived from the title when written
  title        TEXT NOT NULL CHECK (title <> ''),
  teaser       TEXT NOT NULL DEFAULT '',             -- plain text, one paragraph
  body         TEXT NOT NULL DEFAULT '',             -- CommonMark source, rendered with raw HTML off
  signature    TEXT NOT NULL DEFAULT '',             -- signatories separated by blank lines, lines kept
  status       TEXT NOT NULL CHECK (status IN ('draft', 'submitted', 'published', 'withdrawn')),
  published_at INTEGER NOT NULL,                     -- Unix seconds, UTC
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
) STRICT;

-- The lists read newest first; these match their ORDER BY so a page is an index walk, not a sort.
CREATE INDEX item_public      ON item (published_at DESC, id DESC)       WHERE status = 'published';
CREATE INDEX item_kind_public ON item (kind, published_at DESC, id DESC) WHERE status = 'published';
