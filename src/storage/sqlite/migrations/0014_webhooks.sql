-- Outgoing webhooks (issue 23): a workspace's subscriptions, the deliveries made from the event
-- log, and the log's cursor of the webhook deliverer.

CREATE TABLE webhooks (
  id                TEXT PRIMARY KEY,
  workspace_id      TEXT NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
  url               TEXT NOT NULL,
  description       TEXT NOT NULL DEFAULT '',
  events            TEXT NOT NULL,  -- JSON array of event kinds
  project_id        TEXT REFERENCES projects (id) ON DELETE SET NULL,
  channel_id        TEXT REFERENCES channels (id) ON DELETE SET NULL,
  type_id           TEXT REFERENCES content_types (id) ON DELETE SET NULL,
  -- Kept as given: signatures are computed with it at each delivery (it is shown only once).
  secret            TEXT NOT NULL,
  created_by        TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at        INTEGER NOT NULL,
  updated_at        INTEGER NOT NULL,
  failing_since     INTEGER,  -- first failed attempt since the last success
  paused_at         INTEGER,
  paused_reason     TEXT
);
CREATE INDEX webhooks_by_workspace ON webhooks (workspace_id);

CREATE TABLE webhook_deliveries (
  id               TEXT PRIMARY KEY,
  webhook_id       TEXT NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event_seq        INTEGER NOT NULL,
  event            TEXT NOT NULL,
  content_id       TEXT,     -- what the event is about, to ask access again before each attempt
  idempotency_key  TEXT NOT NULL,  -- the same for every attempt and every redelivery
  payload          TEXT NOT NULL,
  redelivery_of    TEXT,
  state            TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER,
  created_at       INTEGER NOT NULL,
  last_attempt_at  INTEGER,
  last_status      INTEGER,
  last_latency_ms  INTEGER,
  last_response    TEXT,
  last_error       TEXT,
  delivered_at     INTEGER
);
-- One delivery per webhook, event and kind (a status change can also be a publication),
-- whatever happens to the deliverer in between.
CREATE UNIQUE INDEX webhook_deliveries_once
  ON webhook_deliveries (webhook_id, event_seq, event) WHERE redelivery_of IS NULL;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_log ON webhook_deliveries (webhook_id, created_at);

-- The last event the deliverer looked at; starts at the newest event, so that installing the
-- feature never replays history.
CREATE TABLE webhook_cursor (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  last_seq  INTEGER NOT NULL
);
INSERT INTO webhook_cursor (id, last_seq) SELECT 1, COALESCE(MAX(seq), 0) FROM events;
