-- Workflow: each workspace's ordered statuses (optionally gated by team approvals), approvals
-- bound to an exact revision and its hash, and edit locks.

CREATE TABLE statuses (
  id                 TEXT PRIMARY KEY,
  workspace_id       TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  name               TEXT NOT NULL,
  color              TEXT NOT NULL,
  category           TEXT NOT NULL CHECK (category IN ('idea', 'in_progress', 'review', 'ready', 'published')),
  position           INTEGER NOT NULL,
  gate_teams         TEXT,                     -- JSON array of team ids; NULL: no gate
  gate_no_violations INTEGER NOT NULL DEFAULT 0,
  gate_blocking      INTEGER NOT NULL DEFAULT 0,
  created_at         INTEGER NOT NULL
);
CREATE INDEX statuses_by_workspace ON statuses (workspace_id, position);

ALTER TABLE contents ADD COLUMN status_id TEXT REFERENCES statuses (id);
ALTER TABLE contents ADD COLUMN locked_by TEXT REFERENCES users (id);
ALTER TABLE contents ADD COLUMN locked_reason TEXT;
ALTER TABLE contents ADD COLUMN locked_at INTEGER;
CREATE INDEX contents_by_status ON contents (workspace_id, status_id, updated_at);

CREATE TABLE approvals (
  id            TEXT PRIMARY KEY,
  content_id    TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  revision      INTEGER NOT NULL,
  content_hash  TEXT NOT NULL,                -- the text approved; stale once the content's differs
  team_id       TEXT REFERENCES teams (id) ON DELETE SET NULL,
  status_id     TEXT,                         -- the gate it answered
  decision      TEXT NOT NULL CHECK (decision IN ('approved', 'changes_requested')),
  comment       TEXT NOT NULL DEFAULT '',
  user_id       TEXT REFERENCES users (id),
  visitor_name  TEXT,                         -- decisions through review links (no account)
  visitor_email TEXT,
  created_at    INTEGER NOT NULL
);
CREATE INDEX approvals_by_content ON approvals (content_id, created_at);

-- Workspaces that exist already get the default workflow, in their language; their contents
-- start in its first status.
INSERT INTO statuses (id, workspace_id, name, color, category, position, created_at)
SELECT lower(hex(randomblob(8))), w.id, s.name_en, s.color, s.category, s.position,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM workspaces w
CROSS JOIN (SELECT 0 AS position, 'Idea' AS name_en, 'Idée' AS name_fr, '#a855f7' AS color, 'idea' AS category
      UNION ALL SELECT 1, 'Writing', 'Rédaction', '#3b82f6', 'in_progress'
      UNION ALL SELECT 2, 'Internal review', 'Relecture interne', '#f59e0b', 'review'
      UNION ALL SELECT 3, 'Legal validation', 'Validation juridique', '#ef4444', 'review'
      UNION ALL SELECT 4, 'Ready', 'Prêt', '#10b981', 'ready'
      UNION ALL SELECT 5, 'Published', 'Publié', '#6b7280', 'published') s
WHERE w.language = 'en'
UNION ALL
SELECT lower(hex(randomblob(8))), w.id, s.name_fr, s.color, s.category, s.position,
       CAST(strftime('%s', 'now') AS INTEGER) * 1000
FROM workspaces w
CROSS JOIN (SELECT 0 AS position, 'Idea' AS name_en, 'Idée' AS name_fr, '#a855f7' AS color, 'idea' AS category
      UNION ALL SELECT 1, 'Writing', 'Rédaction', '#3b82f6', 'in_progress'
      UNION ALL SELECT 2, 'Internal review', 'Relecture interne', '#f59e0b', 'review'
      UNION ALL SELECT 3, 'Legal validation', 'Validation juridique', '#ef4444', 'review'
      UNION ALL SELECT 4, 'Ready', 'Prêt', '#10b981', 'ready'
      UNION ALL SELECT 5, 'Published', 'Publié', '#6b7280', 'published') s
WHERE w.language = 'fr';

UPDATE contents SET status_id = (
  SELECT s.id FROM statuses s WHERE s.workspace_id = contents.workspace_id ORDER BY s.position LIMIT 1);
