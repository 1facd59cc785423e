-- 0021_subscribe_attempts.sql: the subscribe form's per-address throttle gets a table of its own (issue 16).
-- Its attempts were kept in login_failure under a marker, which tied a public form's flood control to the
-- sign-in's tables and queries.
CREATE TABLE subscribe_attempt (
  address TEXT NOT NULL,                         -- the client's address (an IPv6 client by its /64)
  at      INTEGER NOT NULL
) STRICT;
CREATE INDEX subscribe_attempt_address ON subscribe_attempt (address, at);
CREATE INDEX subscribe_attempt_at ON subscribe_attempt (at);
INSERT INTO subscribe_attempt (address, at)
  SELECT address, at FROM login_failure WHERE device = CAST('subscribe' AS BLOB);
DELETE FROM login_failure WHERE device = CAST('subscribe' AS BLOB);
