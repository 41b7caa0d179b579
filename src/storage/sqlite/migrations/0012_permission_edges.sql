-- Permission edges (issue 13).
--
-- A review visitor is one person per session: an e-mail typed into a form proves nothing, so a
-- second session with the same e-mail gets an identity of its own instead of taking over the
-- first one's. link_visitors loses UNIQUE (link_id, email); SQLite cannot drop a constraint, so
-- the table is rebuilt. link_sessions refers to it and is set aside around the rebuild (with
-- foreign keys on, dropping link_visitors would otherwise delete the open sessions).
CREATE TABLE link_visitors_0012 (
  id         TEXT PRIMARY KEY,
  link_id    TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  email      TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO link_visitors_0012 (id, link_id, user_id, name, email, created_at)
SELECT id, link_id, user_id, name, email, created_at FROM link_visitors;

CREATE TEMP TABLE link_sessions_0012 AS SELECT * FROM link_sessions;
DROP TABLE link_sessions;
DROP TABLE link_visitors;
ALTER TABLE link_visitors_0012 RENAME TO link_visitors;
CREATE INDEX link_visitors_by_user ON link_visitors (user_id);
CREATE INDEX link_visitors_by_link ON link_visitors (link_id);

CREATE TABLE link_sessions (
  token_hash TEXT PRIMARY KEY,                  -- SHA-256 of the cookie secret
  link_id    TEXT NOT NULL REFERENCES share_links (id) ON DELETE CASCADE,
  visitor_id TEXT REFERENCES link_visitors (id) ON DELETE CASCADE,  -- NULL: read-only, anonymous
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
INSERT INTO link_sessions (token_hash, link_id, visitor_id, csrf_token, created_at, expires_at)
SELECT token_hash, link_id, visitor_id, csrf_token, created_at, expires_at
FROM temp.link_sessions_0012;
DROP TABLE temp.link_sessions_0012;
CREATE INDEX link_sessions_by_link ON link_sessions (link_id);

-- A visitor's decision now names the visitor's own users row, so that only they see it as
-- theirs; decisions made before name it too (the e-mail was unique per link until now).
UPDATE approvals
SET user_id = (SELECT v.user_id FROM link_visitors v
               WHERE v.link_id = approvals.link_id AND v.email = approvals.visitor_email)
WHERE user_id IS NULL AND link_id IS NOT NULL AND visitor_email IS NOT NULL;

-- Leaving a workspace ends its shares: those of people who already left go now.
DELETE FROM shares
WHERE user_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM memberships m
                  WHERE m.workspace_id = shares.workspace_id AND m.user_id = shares.user_id);
