-- 0016_alerts.sql: email alerts (issue 16, docs/alerts.md). A subscriber is a confirmed or pending
-- address; the outbox is the only way a message leaves, one row per message, so a crash can lose nothing
-- queued and the UNIQUE keys make queueing the same alert twice impossible.

CREATE TABLE subscriber (
  id              INTEGER PRIMARY KEY,
  email           TEXT NOT NULL UNIQUE,          -- as validated; the domain lower-cased (alerts_address.c)
  releases        INTEGER NOT NULL CHECK (releases IN (0, 1)),
  events          INTEGER NOT NULL CHECK (events IN (0, 1)),
  created_at      INTEGER NOT NULL,
  confirmed_at    INTEGER,                       -- NULL: pending; nothing but the confirmation is sent
  -- The single-use confirmation token, valid until confirm_expires (48 hours); cleared when used.
  confirm_token   TEXT UNIQUE,
  confirm_expires INTEGER,
  confirm_sent_at INTEGER,                       -- the last confirmation queued: at most one an hour
  -- The token of the unsubscribe and preferences links every message carries.
  manage_token    TEXT NOT NULL UNIQUE,
  CHECK (releases + events >= 1)
) STRICT;

-- The languages a subscriber receives (site languages' tags); unsubscribing deletes the subscriber and these.
CREATE TABLE subscriber_language (
  subscriber_id INTEGER NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
  lang          TEXT NOT NULL,
  PRIMARY KEY (subscriber_id, lang)
) STRICT, WITHOUT ROWID;
CREATE INDEX subscriber_language_lang ON subscriber_language (lang, subscriber_id);

-- One row per message to send. kind 'confirm' has no item; 'alert' is an item's first publication
-- (version 1); 'correction' a published correction the publisher chose to announce (its version number).
-- state: queued -> sent | failed; attempts and next_at drive the backoff (the sender, alerts_send.c).
CREATE TABLE outbox (
  id            INTEGER PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('confirm', 'alert', 'correction')),
  subscriber_id INTEGER NOT NULL REFERENCES subscriber (id) ON DELETE CASCADE,
  item_id       INTEGER REFERENCES item (id),
  version       INTEGER NOT NULL DEFAULT 0,      -- 0 for confirm rows
  state         TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
  attempts      INTEGER NOT NULL DEFAULT 0,
  queued_at     INTEGER NOT NULL,
  next_at       INTEGER NOT NULL,                -- not before this (scheduled items: their publication time)
  sent_at       INTEGER,
  error         TEXT,                            -- the last SMTP answer, for the admin and the log
  CHECK ((kind = 'confirm') = (item_id IS NULL))
) STRICT;
-- The same alert cannot be queued twice for one subscriber (confirm rows have no item and are throttled
-- by subscriber.confirm_sent_at instead).
CREATE UNIQUE INDEX outbox_once ON outbox (item_id, subscriber_id, kind, version) WHERE item_id IS NOT NULL;
CREATE INDEX outbox_due ON outbox (next_at, id) WHERE state = 'queued';
CREATE INDEX outbox_item ON outbox (item_id, state) WHERE item_id IS NOT NULL;

-- WebSub pings (issue 16): one row per hub and feed change, sent by the same sender with the same retries.
CREATE TABLE websub_ping (
  id        INTEGER PRIMARY KEY,
  hub       TEXT NOT NULL,
  topic     TEXT NOT NULL,                       -- the feed URL that changed
  state     TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
  attempts  INTEGER NOT NULL DEFAULT 0,
  queued_at INTEGER NOT NULL,
  next_at   INTEGER NOT NULL,
  sent_at   INTEGER,
  error     TEXT
) STRICT;
CREATE INDEX websub_ping_due ON websub_ping (next_at, id) WHERE state = 'queued';

-- Which publications have been turned into outbox rows. The sender announces an item once it is public
-- (so a scheduled item is announced at its time with no page hit); items already public when this
-- migration runs are marked here, so that turning alerts on does not mail the archive.
CREATE TABLE announced (
  item_id INTEGER NOT NULL REFERENCES item (id),
  version INTEGER NOT NULL,                      -- 1: the publication; N: a correction announced
  at      INTEGER NOT NULL,
  PRIMARY KEY (item_id, version)
) STRICT, WITHOUT ROWID;
INSERT INTO announced (item_id, version, at) SELECT id, 1, unixepoch() FROM item WHERE status = 'published';
