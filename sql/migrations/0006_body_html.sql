-- 0006_body_html.sql: each item keeps its body rendered to HTML beside the CommonMark source (issue 17).
-- Rendering on a read was the largest cost of a detail page. The HTML is written only by C code, from
-- markup.c, when the item is written, and by `pressroom db migrate` (also init, seed and optimize) for rows
-- that have none; body_html_version is markup_version() of the binary that rendered it, so a binary whose
-- renderer differs renders afresh rather than serve HTML another renderer made.
ALTER TABLE item ADD COLUMN body_html TEXT;
ALTER TABLE item ADD COLUMN body_html_version INTEGER;
