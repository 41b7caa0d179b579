-- Notifications, their e-mails and anchor moves are derived from the events by the notifier,
-- after the write that caused them, no longer inside it.

-- Each consumer of the event log keeps the last event it applied, moved in the same transaction
-- as what it wrote from the events. The notifier starts at the newest event: what happened before
-- the upgrade was notified by the write itself.
CREATE TABLE event_consumers (
  name      TEXT PRIMARY KEY,
  last_seq  INTEGER NOT NULL
);
INSERT INTO event_consumers (name, last_seq) SELECT 'notifier', COALESCE(MAX(seq), 0) FROM events;

-- The content version an anchor's offset was located in. The notifier moves an anchor from its
-- version to the version of each later text change; an update older than the anchor never moves
-- it. Anchors placed before the upgrade were moved by every write: they are at the current one.
ALTER TABLE comments ADD COLUMN anchor_version INTEGER;
UPDATE comments SET anchor_version = (SELECT version FROM contents WHERE contents.id = comments.content_id)
  WHERE anchor_field IS NOT NULL;
