-- How each person wants to hear of each kind of notification, and the e-mail outbox.

-- A person's choice for one kind: 'in_app', 'email' (at once), 'digest' (in a daily e-mail) or
-- 'off' (not even in the app). A kind without a row follows the default (collab/notifications).
CREATE TABLE notification_preferences (
  user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  kind       TEXT NOT NULL,
  delivery   TEXT NOT NULL CHECK (delivery IN ('in_app', 'email', 'digest', 'off')),
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- One row per notification to be e-mailed, written in the same transaction as the notification.
-- The notification id is the idempotency key: one e-mail per notification, ever. A row is done
-- when sent_at or dropped_at is set (dropped: access lost, account gone, too old, or given up).
CREATE TABLE mail_outbox (
  notification_id TEXT PRIMARY KEY REFERENCES notifications (id) ON DELETE CASCADE,
  user_id         TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  delivery        TEXT NOT NULL CHECK (delivery IN ('email', 'digest')),
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,             -- backoff after a failed attempt
  last_error      TEXT,
  sent_at         INTEGER,
  dropped_at      INTEGER
);
-- The job's question: what is pending, oldest first.
CREATE INDEX mail_outbox_pending ON mail_outbox (delivery, next_attempt_at)
  WHERE sent_at IS NULL AND dropped_at IS NULL;
