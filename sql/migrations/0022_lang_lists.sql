-- 0022_lang_lists.sql: a list of one kind in one language (/ru/ home's latest release, /ru/messages?kind=...)
-- seeks its own index. With only item_kind_public, such a list read every public item of the kind and kept
-- those in the language: on a site with 100,000 items and few in that language, the whole list, body
-- pages included, for one page. item_lang_public (0008) serves one language of every kind.
CREATE INDEX item_kind_lang_public ON item (kind, lang, published_at DESC, id DESC) WHERE status = 'published';
