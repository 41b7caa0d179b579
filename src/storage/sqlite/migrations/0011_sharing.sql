-- Sharing with people outside the company's staff (issue 8): shares give a member (typically a
-- guest) or a team a level on one content or on a whole project; review links give people
-- without an account a level through a secret URL.

CREATE TABLE shares (
  id           TEXT PRIMARY KEY,
  workspace_id TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  content_id   TEXT REFERENCES contents (id) ON DELETE CASCADE,
  project_id   TEXT REFERENCES projects (id) ON DELETE CASCADE,
  user_id      TEXT REFERENCES users (id) ON DELETE CASCADE,
  team_id      TEXT REFERENCES teams (id) ON DELETE CASCADE,
  level        TEXT NOT NULL CHECK (level IN ('read', 'comment', 'edit')),
  created_by   TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at   INTEGER NOT NULL,
  CHECK ((content_id IS NULL) <> (project_id IS NULL)),
  CHECK ((user_id IS NULL) <> (team_id IS NULL))
);
CREATE UNIQUE INDEX shares_unique ON shares (
  coalesce(content_id, ''), coalesce(project_id, ''), coalesce(user_id, ''), coalesce(team_id, ''));
CREATE INDEX shares_by_user ON shares (user_id);
CREATE INDEX shares_by_team ON shares (team_id);
CREATE INDEX shares_by_content ON shares (content_id);
CREATE INDEX shares_by_project ON shares (project_id);

CREATE TABLE share_links (
  id            TEXT PRIMARY KEY,
  workspace_id  TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  content_id    TEXT REFERENCES contents (id) ON DELETE CASCADE,
  project_id    TEXT REFERENCES projects (id) ON DELETE CASCADE,
  level         TEXT NOT NULL CHECK (level IN ('read', 'comment', 'edit', 'validate')),
  label         TEXT NOT NULL DEFAULT '',
  secret_hash   TEXT NOT NULL UNIQUE,           -- SHA-256 of the secret in the URL; the secret is never stored
  password_hash TEXT,                           -- argon2id; NULL: no password
  expires_at    INTEGER NOT NULL,
  created_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
  created_at    INTEGER NOT NULL,
  revoked_at    INTEGER,
  revoked_by    TEXT REFERENCES users (id) ON DELETE SET NULL,
  last_used_at  INTEGER,
  CHECK ((content_id IS NULL) <> (project_id IS NULL))
);
CREATE INDEX share_links_by_workspace ON share_links (workspace_id, revoked_at, expires_at);
CREATE INDEX share_links_by_content ON share_links (content_id);
CREATE INDEX share_links_by_project ON share_links (project_id);

-- A person who opened a review link and said who they are. What they write (comments, edits) is
-- recorded under a users row of their own that can never sign in (no password, an address in the
-- reserved .invalid domain), so history, comments and notifications need no second kind of author.
CREATE TABLE link_visitors (
  id         TEXT PRIMARY KEY,
  link_id    TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (link_id, email)
);
CREATE INDEX link_visitors_by_user ON link_visitors (user_id);

CREATE TABLE link_sessions (
  token_hash TEXT PRIMARY KEY,                  -- SHA-256 of the cookie secret
  link_id    TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  visitor_id TEXT REFERENCES link_visitors (id) ON DELETE CASCADE,  -- NULL: read-only, anonymous
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX link_sessions_by_link ON link_sessions (link_id);

ALTER TABLE approvals ADD COLUMN link_id TEXT REFERENCES share_links (id) ON DELETE SET NULL;
