-- Saved views: a search or list people come back to (its words, filters and order). A shared view
-- is visible to the whole workspace, a private one to its author only.

CREATE TABLE saved_views (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  author_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  q            TEXT NOT NULL DEFAULT '',
  filters      TEXT NOT NULL DEFAULT '{}',     -- JSON object: filter name → array of values
  sort         TEXT NOT NULL DEFAULT 'relevance',
  shared       INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX saved_views_by_workspace ON saved_views (workspace_id, shared, author_id);
