-- Workspace settings for content (channels, content types, projects) and contents with their
-- immutable revisions.

CREATE TABLE channels (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  parent_id    TEXT REFERENCES channels (id),
  name         TEXT NOT NULL,
  color        TEXT NOT NULL,
  char_limit   INTEGER,                        -- characters a post may have on this channel
  position     INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL
);
CREATE INDEX channels_by_workspace ON channels (workspace_id, parent_id, position);

CREATE TABLE content_types (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  key          TEXT NOT NULL,                  -- stable across languages: article, social_post …
  name         TEXT NOT NULL,
  fields       TEXT NOT NULL,                  -- JSON array of field definitions, in order
  position     INTEGER NOT NULL DEFAULT 0,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  UNIQUE (workspace_id, key)
);

CREATE TABLE projects (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  archived_at  INTEGER,
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX projects_by_workspace ON projects (workspace_id, archived_at);

CREATE TABLE contents (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  type_id      TEXT NOT NULL REFERENCES content_types (id),
  title        TEXT NOT NULL,
  language     TEXT NOT NULL CHECK (language IN ('en', 'fr')),
  fields       TEXT NOT NULL DEFAULT '{}',     -- JSON object: the working values
  version      INTEGER NOT NULL,               -- +1 on every change; writes name their base
  revision     INTEGER NOT NULL,               -- number of the newest revision
  content_hash TEXT NOT NULL,                  -- of title + fields
  project_id   TEXT REFERENCES projects (id),
  owner_id     TEXT REFERENCES users (id),
  due_at       INTEGER,
  publish_at   INTEGER,
  created_by   TEXT NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL,
  archived_at  INTEGER
);
CREATE INDEX contents_by_updated ON contents (workspace_id, archived_at, updated_at, id);
CREATE INDEX contents_by_created ON contents (workspace_id, archived_at, created_at, id);
CREATE INDEX contents_by_publish ON contents (workspace_id, archived_at, publish_at, id);
CREATE INDEX contents_by_due ON contents (workspace_id, archived_at, due_at, id);
CREATE INDEX contents_by_title ON contents (workspace_id, archived_at, title, id);
CREATE INDEX contents_by_type ON contents (workspace_id, type_id, updated_at);
CREATE INDEX contents_by_owner ON contents (workspace_id, owner_id, updated_at);
CREATE INDEX contents_by_project ON contents (project_id, updated_at);

CREATE TABLE content_channels (
  content_id TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  channel_id TEXT NOT NULL REFERENCES channels (id),
  PRIMARY KEY (content_id, channel_id)
);
CREATE INDEX content_channels_by_channel ON content_channels (channel_id, content_id);

CREATE TABLE content_tags (
  content_id   TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL,
  tag_key      TEXT NOT NULL,                  -- folded: case and accents ignored
  tag          TEXT NOT NULL,                  -- as first typed
  PRIMARY KEY (content_id, tag_key)
);
CREATE INDEX content_tags_by_key ON content_tags (workspace_id, tag_key, content_id);

CREATE TABLE content_assignees (
  content_id TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id),
  PRIMARY KEY (content_id, user_id)
);
CREATE INDEX content_assignees_by_user ON content_assignees (user_id, content_id);

-- Immutable snapshots of title and fields. A working revision is refined by its author's saves
-- for 15 minutes, then sealed; sealed rows never change again.
CREATE TABLE revisions (
  content_id   TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  number       INTEGER NOT NULL,
  title        TEXT NOT NULL,
  fields       TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  author_id    TEXT NOT NULL REFERENCES users (id),
  reason       TEXT NOT NULL CHECK (reason IN ('created', 'edit', 'merge', 'restore', 'import')),
  restored_from INTEGER,
  label        TEXT,
  started_at   INTEGER NOT NULL,
  saved_at     INTEGER NOT NULL,
  saves        INTEGER NOT NULL DEFAULT 1,
  sealed       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (content_id, number)
);

-- The state after each recent version, so a write based on an older version can be merged
-- three-way against exactly what its author saw. Derived from revisions and events; pruned.
CREATE TABLE content_versions (
  content_id TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  version    INTEGER NOT NULL,
  snapshot   TEXT NOT NULL,                    -- JSON: title, fields and metadata
  PRIMARY KEY (content_id, version)
);
