-- Collaboration around contents: comment threads (optionally anchored to a quoted passage of a
-- field), tasks with assignees, reusable task lists, and each person's in-app notifications.

CREATE TABLE comments (
  id              TEXT PRIMARY KEY,
  workspace_id    TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  content_id      TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  parent_id       TEXT REFERENCES comments (id) ON DELETE CASCADE,  -- NULL: a thread's first comment
  author_id       TEXT NOT NULL REFERENCES users (id),
  body            TEXT NOT NULL,                -- Markdown, stored as typed; never rendered as HTML here
  internal        INTEGER NOT NULL DEFAULT 0,   -- hidden from guests once sharing exists
  anchor_field    TEXT,                         -- "title" or a field key; NULL: a general comment
  anchor_quote    TEXT,
  anchor_revision INTEGER,                      -- the revision the offset was last located in
  anchor_offset   INTEGER,                      -- in characters (code points) of the field's text
  anchor_state    TEXT CHECK (anchor_state IN ('active', 'removed')),
  resolved_at     INTEGER,
  resolved_by     TEXT REFERENCES users (id),
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  edited_at       INTEGER
);
CREATE INDEX comments_by_content ON comments (content_id, created_at, id);
CREATE INDEX comments_by_parent ON comments (parent_id, created_at);

CREATE TABLE task_lists (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  tasks        TEXT NOT NULL,                   -- JSON array of {title, due_offset_days}
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX task_lists_by_workspace ON task_lists (workspace_id, name);

CREATE TABLE tasks (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  content_id   TEXT REFERENCES contents (id) ON DELETE CASCADE,
  project_id   TEXT REFERENCES projects (id) ON DELETE CASCADE,
  title        TEXT NOT NULL,
  description  TEXT NOT NULL DEFAULT '',
  due_at       INTEGER,
  done_at      INTEGER,
  done_by      TEXT REFERENCES users (id),
  position     INTEGER NOT NULL DEFAULT 0,
  created_by   TEXT NOT NULL REFERENCES users (id),
  created_at   INTEGER NOT NULL,
  updated_at   INTEGER NOT NULL
);
CREATE INDEX tasks_by_workspace ON tasks (workspace_id, due_at, id);
CREATE INDEX tasks_by_content ON tasks (content_id, position);
CREATE INDEX tasks_by_project ON tasks (project_id, position);

CREATE TABLE task_assignees (
  task_id TEXT NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, user_id)
);
CREATE INDEX task_assignees_by_user ON task_assignees (user_id, task_id);

-- What each person is told. Derived from the commands that cause them (same transaction);
-- reminders of due tasks are added when the person reads, once per task and due date
-- (dedupe_key).
CREATE TABLE notifications (
  id           TEXT PRIMARY KEY,
  user_id      TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  actor_id     TEXT REFERENCES users (id) ON DELETE SET NULL,
  content_id   TEXT REFERENCES contents (id) ON DELETE CASCADE,
  subject_id   TEXT,                            -- the comment, task or approval it is about
  data         TEXT NOT NULL DEFAULT '{}',
  dedupe_key   TEXT UNIQUE,
  created_at   INTEGER NOT NULL,
  read_at      INTEGER
);
CREATE INDEX notifications_by_user ON notifications (user_id, read_at, created_at, id);
