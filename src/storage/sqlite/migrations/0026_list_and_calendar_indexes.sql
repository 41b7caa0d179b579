-- Lists under load (issue 15) and the calendar's month view (issue 16).

-- A workflow stage's list, newest first ("status = review, newest
-- first, 50 rows") walked contents_by_created and read each row to test its status, passing
-- every content of the other statuses on the way. These indexes hold the status beside the
-- order, so the walk visits only that stage's contents, already in order, and stops after a page.
CREATE INDEX contents_by_status_created
  ON contents (workspace_id, archived_at, status_id, created_at, id);

-- The same for the default order (last changed first). It replaces contents_by_status
-- (workspace_id, status_id, updated_at), which no list could use for its order (archived_at came
-- between) and which a write changing updated_at rewrote just as it rewrites this one.
CREATE INDEX contents_by_status_updated
  ON contents (workspace_id, archived_at, status_id, updated_at, id);
DROP INDEX contents_by_status;

-- The calendar (issue 16): the contents dated in a month, filtered as every screen filters
-- (language, type, status, owner, project) and ordered by title within a time, are found, tested
-- and sorted from this one index without reading their rows: a month's 11,000 contents are the
-- candidates of a two-filter view. It replaces contents_by_publish (workspace_id, archived_at,
-- publish_at, id), a prefix of it. A PATCH of the text alone rewrites neither.
CREATE INDEX contents_by_publish_filters
  ON contents (workspace_id, archived_at, publish_at, language, type_id, status_id, owner_id,
               project_id, title, id);
DROP INDEX contents_by_publish;
