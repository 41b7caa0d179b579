-- Publication per channel (issue 16): a content planned for several channels may go out on each
-- at its own time. The columns sit on content_channels, the row that already says "this content
-- goes out on this channel", so a channel taken off a content takes its publication with it and
-- nothing can name a channel the content does not have. Added as nullable columns: existing
-- rows read as "follows the content's date, not published yet", which is what they were.
ALTER TABLE content_channels ADD COLUMN planned_at INTEGER;    -- NULL: follows contents.publish_at
ALTER TABLE content_channels ADD COLUMN published_at INTEGER;  -- NULL: not published on it yet
ALTER TABLE content_channels ADD COLUMN url TEXT;              -- where it appeared
ALTER TABLE content_channels ADD COLUMN published_by TEXT REFERENCES users (id);

-- The calendar reads the channels with a date of their own by that date; most have none.
CREATE INDEX content_channels_by_planned ON content_channels (planned_at, content_id)
  WHERE planned_at IS NOT NULL;
