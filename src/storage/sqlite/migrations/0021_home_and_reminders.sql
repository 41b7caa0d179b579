-- The day's dashboard and reminders (issue 16): each person's time zone, the reminders already
-- given, and the indexes the home's figures read.

-- An IANA zone name ("Europe/Paris"); NULL: the browser's.
ALTER TABLE users ADD COLUMN time_zone TEXT;

-- Each reminder given, claimed in the same transaction as its notifications: a reminder is given
-- once per kind, subject (a task or a content) and due moment, across restarts and nodes. A due
-- moment moved later is a new key, hence a new reminder.
CREATE TABLE reminders_sent (
  kind       TEXT NOT NULL,     -- 'task_due' or 'publication_near'
  subject_id TEXT NOT NULL,     -- the task or the content
  due_at     INTEGER NOT NULL,  -- the due or publication moment the reminder was for
  sent_at    INTEGER NOT NULL,
  PRIMARY KEY (kind, subject_id, due_at)
);

-- How long a content has waited in its status: its latest status change, found per content.
CREATE INDEX events_by_subject ON events (subject_id, kind, seq);
-- Tasks due soon, across workspaces (the reminder job) and per workspace (the home).
CREATE INDEX tasks_by_due ON tasks (due_at) WHERE done_at IS NULL AND due_at IS NOT NULL;
-- Contents dated in the next days, across workspaces (the reminder job).
CREATE INDEX contents_by_publish_at ON contents (publish_at) WHERE archived_at IS NULL AND publish_at IS NOT NULL;
