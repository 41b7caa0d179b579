-- Where the time goes (issue 16): the report reads a workspace's events of a few kinds over a
-- window, then the earlier history of the contents it met there. The only index on events was
-- (workspace_id, seq), which made both a scan of the workspace's whole history.

-- The window: status changes, decisions, stale approvals and publications of one workspace
-- between two times.
CREATE INDEX events_by_workspace_kind ON events (workspace_id, kind, created_at);

-- One content's history of those kinds (when it entered the status it left inside the window,
-- when its team was asked), whatever its age.
CREATE INDEX events_by_subject_kind ON events (subject_id, kind, created_at);
