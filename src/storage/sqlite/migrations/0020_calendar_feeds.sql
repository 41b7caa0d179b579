-- Calendar feeds (iCal): a person's subscription to their work, a saved view or a project, read by
-- calendar apps through a URL that carries a secret. Only the secret's hash is kept, as for review
-- links; revoking deletes the row, so a revoked secret and an unknown one answer alike.
CREATE TABLE calendar_feeds (
  id            TEXT PRIMARY KEY,
  user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  workspace_id  TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  kind          TEXT NOT NULL CHECK (kind IN ('my_work', 'view', 'project')),
  view_id       TEXT REFERENCES saved_views (id) ON DELETE CASCADE,
  project_id    TEXT REFERENCES projects (id) ON DELETE CASCADE,
  secret_hash   TEXT NOT NULL UNIQUE,           -- SHA-256 of the secret in the URL
  created_at    INTEGER NOT NULL,
  last_used_at  INTEGER,
  CHECK ((kind = 'view') = (view_id IS NOT NULL)),
  CHECK ((kind = 'project') = (project_id IS NOT NULL))
);
CREATE INDEX calendar_feeds_by_user ON calendar_feeds (user_id, created_at);

-- What each feed last gave a calendar app for one event (UID): its date, so that a moved date
-- raises the SEQUENCE apps compare, and when it left the feed, so that it is sent CANCELLED for a
-- while (apps that missed the moment still learn it) and then dropped.
CREATE TABLE calendar_feed_items (
  feed_id       TEXT NOT NULL REFERENCES calendar_feeds (id) ON DELETE CASCADE,
  uid           TEXT NOT NULL,
  starts_at     INTEGER NOT NULL,
  all_day       INTEGER NOT NULL,
  sequence      INTEGER NOT NULL,
  changed_at    INTEGER NOT NULL,               -- the last change an app must see (DTSTAMP)
  cancelled_at  INTEGER,                        -- set while it is out of the feed
  PRIMARY KEY (feed_id, uid)
) WITHOUT ROWID;
