-- 0019_signing_keys.sql: the office's signing keys, each with the stretch of the history it signs (issue 15,
-- key rotation; docs/authenticity.md, section 6). Kept in the database, not beside the key file: the workers
-- serve /signing-keys from it (the key's folder is closed to them), backups carry it, and the triggers make it
-- as append-only as the history. A key's row is written when it first signs (the first key) or when
-- `pressroom key rotate` makes it; a key is retired once, by its successor, and never comes back.

CREATE TABLE signing_key (
  seq          INTEGER PRIMARY KEY,                              -- 1 for the first key, +1 per rotation
  key_id       TEXT NOT NULL UNIQUE CHECK (length(key_id) = 16), -- the fingerprint minisign shows
  public_file  TEXT NOT NULL,                                    -- the two-line .pub file, exactly as served
  valid_from   INTEGER NOT NULL,                                 -- UTC seconds
  first_entry  INTEGER NOT NULL CHECK (first_entry >= 1),        -- the first history entry it signs
  endorsement  TEXT,                                             -- .minisig of public_file by the key before
  valid_until  INTEGER,                                          -- NULL while current
  last_entry   INTEGER,                                          -- the last history entry it signed
  retirement   TEXT,                                             -- .minisig of public_file by the key after
  CHECK ((valid_until IS NULL) = (last_entry IS NULL) AND (valid_until IS NULL) = (retirement IS NULL)),
  CHECK ((seq = 1) = (endorsement IS NULL))
) STRICT;

CREATE TRIGGER signing_key_no_delete BEFORE DELETE ON signing_key
BEGIN SELECT RAISE(ABORT, 'a signing key cannot be removed from the record'); END;
-- Only retiring a current key, once: everything else about a key is fixed when it is recorded.
CREATE TRIGGER signing_key_no_update BEFORE UPDATE ON signing_key
  WHEN OLD.valid_until IS NOT NULL OR NEW.seq IS NOT OLD.seq OR NEW.key_id IS NOT OLD.key_id
    OR NEW.public_file IS NOT OLD.public_file OR NEW.valid_from IS NOT OLD.valid_from
    OR NEW.first_entry IS NOT OLD.first_entry OR NEW.endorsement IS NOT OLD.endorsement
BEGIN SELECT RAISE(ABORT, 'a signing key''s record cannot be changed, only retired once'); END;
