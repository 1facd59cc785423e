-- 0005_signin.sql: sign-in throttling that nobody can turn against an officer (issue 11).
-- A browser an officer has signed in from keeps a device cookie (OWASP's "device cookies"): its failures
-- are counted per cookie and lock only that cookie, so failures from elsewhere never block it. Browsers
-- without one are throttled per (name, address) and per address, never per name alone. Refused attempts
-- are audited as one row per (name, address) and lock, with a count, instead of one row each.

-- Only a SHA-256 of the cookie's token is kept, as for sessions.
CREATE TABLE login_device (
  token_hash BLOB PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES user (id),
  created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX login_device_user ON login_device (user_id);

-- The hash of the device cookie the failed attempt presented, NULL for an unknown browser.
ALTER TABLE login_failure ADD COLUMN device BLOB;
DROP INDEX login_failure_username;
CREATE INDEX login_failure_username_address ON login_failure (username, address, at);
CREATE INDEX login_failure_device ON login_failure (device, at) WHERE device IS NOT NULL;

-- How many times the event happened: more than 1 only for an aggregated login-refused row.
ALTER TABLE audit ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);

-- Which audit row counts the refusals of one lock (a name, an address and the lock's end). Rows of locks
-- that have ended are deleted when the next lock opens.
CREATE TABLE login_refusal (
  username TEXT NOT NULL,
  address  TEXT NOT NULL,
  until    INTEGER NOT NULL,
  audit_id INTEGER NOT NULL REFERENCES audit (id),
  PRIMARY KEY (username, address, until)
) STRICT, WITHOUT ROWID;
