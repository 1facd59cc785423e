-- 0008_languages.sql: every item has a language, and a translation is its own item linked to its original
-- (issue 13). The site's languages are the setting 'languages' (space-separated BCP 47 tags, the primary
-- first); a site without it is English only.

ALTER TABLE item ADD COLUMN lang TEXT NOT NULL DEFAULT 'en' CHECK (lang <> '');
-- NULL for an original; a translation names its original, which is never itself a translation.
ALTER TABLE item ADD COLUMN translation_of INTEGER REFERENCES item (id);
-- When the translation last caught up with its original: set when the translation is saved, or when an
-- officer marks it "checked, still accurate" (with translation_note). A translation is stale when its
-- original's newest published version is later than this.
ALTER TABLE item ADD COLUMN translation_synced_at INTEGER;
ALTER TABLE item ADD COLUMN translation_note TEXT NOT NULL DEFAULT '';
ALTER TABLE revision ADD COLUMN lang TEXT NOT NULL DEFAULT 'en';

-- At most one version per language in a translation group.
CREATE UNIQUE INDEX item_translation ON item (translation_of, lang) WHERE translation_of IS NOT NULL;

-- The home page and the lists of each language read newest first within it.
CREATE INDEX item_lang_public ON item (lang, published_at DESC, id DESC) WHERE status = 'published';

-- The clock cities' names in each language other than the one in clock_city.label.
CREATE TABLE clock_city_label (
  position INTEGER NOT NULL REFERENCES clock_city (position),
  lang     TEXT NOT NULL CHECK (lang <> ''),
  label    TEXT NOT NULL CHECK (label <> ''),
  PRIMARY KEY (position, lang)
) STRICT;

-- An existing site is given the default pair; an officer may change it with `pressroom site set`.
INSERT OR IGNORE INTO setting (key, value) VALUES ('languages', 'en ru');
