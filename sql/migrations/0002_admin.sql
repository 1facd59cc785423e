-- 0002_admin.sql: press officers and what they do: accounts, sessions, failed sign-ins (for throttling),
-- every saved revision of an item, the audit log, and secret preview links. Nothing here is ever deleted
-- by the application except expired throttling records.

CREATE TABLE user (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (name <> ''),
  role          TEXT NOT NULL CHECK (role IN ('editor', 'publisher')),
  password_hash TEXT NOT NULL,                        -- argon2id, libsodium's crypto_pwhash_str format
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    INTEGER NOT NULL
) STRICT;

-- A signed-in browser. Only a SHA-256 of the cookie's token is kept, so a copy of the database does not
-- give anyone a session.
CREATE TABLE session (
  token_hash BLOB PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES user (id),
  csrf       TEXT NOT NULL,                           -- the token every form of this session carries
  address    TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  ended_at   INTEGER                                  -- set by sign-out; expired sessions are simply old
) STRICT;

CREATE TABLE login_failure (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  username TEXT NOT NULL,                             -- as typed, lower-cased: unknown names count too
  address  TEXT NOT NULL
) STRICT;
CREATE INDEX login_failure_username ON login_failure (username, at);
CREATE INDEX login_failure_address ON login_failure (address, at);

-- Who made an item, who last submitted it for review, the publisher's comment when sending it back, and
-- what the public sees after an edit or a withdrawal.
ALTER TABLE item ADD COLUMN created_by INTEGER REFERENCES user (id);
ALTER TABLE item ADD COLUMN submitted_by INTEGER REFERENCES user (id);
ALTER TABLE item ADD COLUMN review_comment TEXT NOT NULL DEFAULT '';
ALTER TABLE item ADD COLUMN public_updated_at INTEGER;   -- set when a published item is edited
ALTER TABLE item ADD COLUMN update_note TEXT NOT NULL DEFAULT '';
ALTER TABLE item ADD COLUMN withdrawn_at INTEGER;
ALTER TABLE item ADD COLUMN withdrawal_note TEXT NOT NULL DEFAULT '';

-- Every save of an item, whole, so any version can be read back.
CREATE TABLE revision (
  id           INTEGER PRIMARY KEY,
  item_id      INTEGER NOT NULL REFERENCES item (id),
  user_id      INTEGER REFERENCES user (id),
  at           INTEGER NOT NULL,
  action       TEXT NOT NULL,
  status       TEXT NOT NULL,
  kind         TEXT NOT NULL,
  type         TEXT NOT NULL,
  title        TEXT NOT NULL,
  teaser       TEXT NOT NULL,
  body         TEXT NOT NULL,
  signature    TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  note         TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX revision_item ON revision (item_id, id);

CREATE TABLE audit (
  id       INTEGER PRIMARY KEY,
  at       INTEGER NOT NULL,
  user_id  INTEGER REFERENCES user (id),
  username TEXT NOT NULL,
  address  TEXT NOT NULL,
  action   TEXT NOT NULL,                             -- login, login-failed, logout, create, save, ...
  item_id  INTEGER REFERENCES item (id),
  detail   TEXT NOT NULL DEFAULT ''
) STRICT;

-- A secret link that shows a draft to a reviewer without an account.
CREATE TABLE preview_link (
  token_hash BLOB PRIMARY KEY,
  item_id    INTEGER NOT NULL REFERENCES item (id),
  created_by INTEGER NOT NULL REFERENCES user (id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER
) STRICT;
CREATE INDEX preview_link_item ON preview_link (item_id);

CREATE INDEX item_all ON item (published_at DESC, id DESC);
