-- Linked translations (issue 20): contents in other languages linked to one source content. A
-- group is a source and the rows naming it; a translation belongs to one group, a source is
-- never itself a translation (the links form stars, never chains).
--
-- A translation remembers the source's revision it was last brought up to date with, and that
-- revision's content hash: it is out of date as soon as the source's hash is another one, as an
-- approval goes stale (and up to date again if the source's text comes back).
CREATE TABLE translation_links (
  content_id      TEXT PRIMARY KEY REFERENCES contents (id) ON DELETE CASCADE,
  source_id       TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  synced_revision INTEGER NOT NULL,
  synced_hash     TEXT NOT NULL,
  synced_at       INTEGER NOT NULL,
  synced_by       TEXT REFERENCES users (id) ON DELETE SET NULL,
  linked_at       INTEGER NOT NULL,
  CHECK (content_id <> source_id)
);
-- A source's translations: the group of a page of contents in one query, and the list filters.
CREATE INDEX translation_links_by_source ON translation_links (source_id);
