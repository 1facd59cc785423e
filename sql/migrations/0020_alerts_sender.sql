-- 0020_alerts_sender.sql: what the alerts' sender remembers between runs (issue 16, docs/alerts.md).

-- A few numbers the sender keeps: 'since', when it first ran (nothing public before is ever mailed), and
-- 'websub_version', the last item_version whose feeds it has pinged the hubs for.
CREATE TABLE alerts_state (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
) STRICT;

-- A publisher's "notify subscribers of this correction", written with the correction itself; the sender
-- turns it into kind='correction' outbox rows, marks the version in announced and deletes the request.
CREATE TABLE correction_notice (
  item_id INTEGER NOT NULL REFERENCES item (id),
  version INTEGER NOT NULL,
  at      INTEGER NOT NULL,
  PRIMARY KEY (item_id, version)
) STRICT, WITHOUT ROWID;
