-- 0018_history_signature.sql: the signature of /history.txt itself, and the index /verify looks a pasted
-- text up by (issue 15, docs/authenticity.md).
--
-- /history.txt changes in two ways: an entry is appended, or a scheduled item's sealed line opens at its
-- time. The signer signs the text as the public sees it after each change; a row here says which text that
-- was (the entries 1..seq, sealed as they were at as_of), so the server can serve exactly those bytes and
-- their signature without keeping a copy of the whole log per signature. Rows are never changed or removed.
CREATE TABLE history_text_signature (
  id        INTEGER PRIMARY KEY,
  seq       INTEGER NOT NULL REFERENCES history (seq),   -- the text holds entries 1..seq
  as_of     INTEGER NOT NULL,                             -- an entry is sealed in it if visible_at > as_of
  signature TEXT NOT NULL                                 -- the .minisig of that text
) STRICT;
CREATE TRIGGER history_text_signature_no_update BEFORE UPDATE ON history_text_signature
BEGIN SELECT RAISE(ABORT, 'a signature of the history cannot be changed'); END;
CREATE TRIGGER history_text_signature_no_delete BEFORE DELETE ON history_text_signature
BEGIN SELECT RAISE(ABORT, 'a signature of the history cannot be removed'); END;

-- The signer asks after each wake whether a sealed entry opened, and when the next one opens: by time.
CREATE INDEX history_visible_at ON history (visible_at);

-- /verify hashes a pasted text and looks the hash up: one index probe, never a scan of the texts.
CREATE INDEX item_version_text_sha256 ON item_version (text_sha256);
