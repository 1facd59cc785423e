-- 0014_item_editing.sql: who has an item's form open (issue 12), so another officer opening it sees "NAME
-- opened this form at 10:42" before two edits collide (WordPress's post lock, Whitehall's notice). One row
-- per item and officer: when they last opened the form. A save clears the officer's row; an abandoned one
-- simply grows old (the page shows the last ten minutes) and is overwritten at the next opening.
CREATE TABLE item_editing (
  item_id   INTEGER NOT NULL REFERENCES item (id),
  user_id   INTEGER NOT NULL REFERENCES user (id),
  opened_at INTEGER NOT NULL,
  PRIMARY KEY (item_id, user_id)
) STRICT, WITHOUT ROWID;
