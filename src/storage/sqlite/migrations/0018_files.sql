-- Files beside the text (issue 17): stored blobs, a workspace's media library with versions, the
-- attachments of contents, and what each revision went out with.

-- A stored file, by the SHA-256 of its bytes (data/blobs/ab/cd/<sha256>): identical uploads are
-- stored once. `unreferenced_at` is set by the sweep when nothing refers to it any more; the
-- file is deleted once that is older than the retention period.
CREATE TABLE blobs (
  sha256          TEXT PRIMARY KEY,
  size            INTEGER NOT NULL,
  created_at      INTEGER NOT NULL,
  unreferenced_at INTEGER
);

-- A file of a workspace's library: a name, tags, and versions 1..n.
CREATE TABLE media_files (
  id              TEXT PRIMARY KEY,
  workspace_id    TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name            TEXT NOT NULL,
  search_name     TEXT NOT NULL,  -- the name folded (case, accents) for search
  kind            TEXT NOT NULL,
  current_version INTEGER NOT NULL,
  created_by      TEXT NOT NULL REFERENCES users (id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL
);
CREATE INDEX media_files_by_workspace ON media_files (workspace_id, created_at DESC, id DESC);

CREATE TABLE media_tags (
  media_id TEXT NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
  tag      TEXT NOT NULL,
  PRIMARY KEY (media_id, tag)
);

CREATE TABLE media_versions (
  media_id    TEXT NOT NULL REFERENCES media_files (id) ON DELETE CASCADE,
  number      INTEGER NOT NULL,
  sha256      TEXT NOT NULL REFERENCES blobs (sha256),
  name        TEXT NOT NULL,  -- the file's name as uploaded: its download name
  mime        TEXT NOT NULL,  -- detected from the bytes
  size        INTEGER NOT NULL,
  width       INTEGER,
  height      INTEGER,
  uploaded_by TEXT NOT NULL REFERENCES users (id),
  uploaded_at INTEGER NOT NULL,
  PRIMARY KEY (media_id, number)
);
CREATE INDEX media_versions_by_blob ON media_versions (sha256);

-- A content's file: always the media file's current version.
CREATE TABLE attachments (
  id         TEXT PRIMARY KEY,
  content_id TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  media_id   TEXT NOT NULL REFERENCES media_files (id),
  alt        TEXT NOT NULL DEFAULT '',
  position   INTEGER NOT NULL,
  created_by TEXT NOT NULL REFERENCES users (id),
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_by_content ON attachments (content_id, position);
CREATE INDEX attachments_by_media ON attachments (media_id);

-- What each revision went out with, as the content hash covers it (a JSON array; '[]': none).
ALTER TABLE revisions ADD COLUMN attachments TEXT NOT NULL DEFAULT '[]';

-- The revisions that record files: the sweep looks through these for a blob no media version
-- holds any more (an approved revision's files are kept).
CREATE INDEX revisions_with_files ON revisions (content_id) WHERE attachments != '[]';
