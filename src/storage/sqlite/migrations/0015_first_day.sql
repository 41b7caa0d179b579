-- A first day that makes sense (issue 14): password resets, their e-mails, shares waiting for an
-- invitation to be accepted, and each admin's progress through the first steps.

-- A single-use link to choose a new password: asked for by the person (forgot password, sent by
-- e-mail) or made by an admin of one of their workspaces (shown once to that admin). Only the
-- hash of its secret is kept.
CREATE TABLE password_resets (
  id         TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_by TEXT REFERENCES users (id) ON DELETE SET NULL,  -- NULL: the person asked for it
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at    INTEGER
);
CREATE INDEX password_resets_by_user ON password_resets (user_id);

-- The e-mail of a reset the person asked for, written in the same transaction as the reset. The
-- link's secret has to reach the mailer: it is kept here only until the e-mail is sent or dropped
-- (then cleared), and a row older than the link's life is dropped, never sent.
CREATE TABLE password_reset_mail (
  reset_id        TEXT PRIMARY KEY REFERENCES password_resets (id) ON DELETE CASCADE,
  secret          TEXT,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error      TEXT,
  sent_at         INTEGER,
  dropped_at      INTEGER
);
CREATE INDEX password_reset_mail_pending ON password_reset_mail (next_attempt_at)
  WHERE sent_at IS NULL AND dropped_at IS NULL;

-- A content shared with an e-mail that has no account yet: the share is made when the
-- invitation is accepted (and goes with the invitation when it is revoked).
CREATE TABLE invitation_shares (
  invitation_id TEXT NOT NULL REFERENCES invitations (id) ON DELETE CASCADE,
  content_id    TEXT NOT NULL REFERENCES contents (id) ON DELETE CASCADE,
  level         TEXT NOT NULL CHECK (level IN ('read', 'comment', 'edit')),
  created_by    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at    INTEGER NOT NULL,
  PRIMARY KEY (invitation_id, content_id)
);

-- Where an admin stands in the first steps of a workspace: the steps themselves tick from the
-- workspace's data; this keeps what data cannot tell (the workflow was looked at, the guide was
-- dismissed).
CREATE TABLE first_steps (
  workspace_id     TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  user_id          TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workflow_seen_at INTEGER,
  dismissed_at     INTEGER,
  PRIMARY KEY (workspace_id, user_id)
);
