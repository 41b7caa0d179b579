-- One message, every channel (issue 20): channels say which network they go out on, a content
-- keeps a variant per such channel beside its main text (in every revision too, since variants
-- are validated with the text), an approval records which variants it covered, and a workspace
-- names the page its previews show.

-- The network whose rules (limits, counting, truncation, crop) a channel follows; NULL for a
-- channel without network rules (website, print, intranet…).
ALTER TABLE channels ADD COLUMN network TEXT
  CHECK (network IS NULL OR network IN ('x', 'linkedin', 'facebook', 'instagram', 'newsletter'));

-- Existing channels are recognised by their names, as the default trees and people name them.
UPDATE channels SET network = CASE lower(trim(name))
    WHEN 'x' THEN 'x'
    WHEN 'twitter' THEN 'x'
    WHEN 'linkedin' THEN 'linkedin'
    WHEN 'facebook' THEN 'facebook'
    WHEN 'instagram' THEN 'instagram'
    WHEN 'newsletter' THEN 'newsletter'
    WHEN 'e-mail' THEN 'newsletter'
    WHEN 'email' THEN 'newsletter'
    WHEN 'e-mailing' THEN 'newsletter'
  END;

-- {"<channel id>": {"fields": {"text": "…"}, "visual": "<attachment id>" | null}}, keys sorted;
-- '{}' for a content whose channels all take the main text.
ALTER TABLE contents ADD COLUMN variants TEXT NOT NULL DEFAULT '{}';
ALTER TABLE revisions ADD COLUMN variants TEXT NOT NULL DEFAULT '{}';

-- The channel ids whose variants were in the revision approved, as a JSON array.
ALTER TABLE approvals ADD COLUMN covered_variants TEXT NOT NULL DEFAULT '[]';

-- The page the previews show as the author of a post: NULL name → the workspace's name, NULL
-- avatar (a media file of the workspace's library) → its initials.
ALTER TABLE workspaces ADD COLUMN page_name TEXT;
ALTER TABLE workspaces ADD COLUMN page_avatar TEXT;
