-- Lists sorted by publication or due date show contents without a date last, in either
-- direction, so they order by COALESCE(date, sentinel) (see SortExpression in contents_store.cpp).
-- The plain date indexes cannot give that order: without these, a filtered page sorted by date
-- read and sorted every matching row (tens of milliseconds at 100,000 contents); with them it
-- walks the index in order and stops after one page.
CREATE INDEX contents_by_publish_asc
  ON contents (workspace_id, archived_at, COALESCE(publish_at, 9000000000000000), id);
CREATE INDEX contents_by_publish_desc
  ON contents (workspace_id, archived_at, COALESCE(publish_at, -1), id);
CREATE INDEX contents_by_due_asc
  ON contents (workspace_id, archived_at, COALESCE(due_at, 9000000000000000), id);
CREATE INDEX contents_by_due_desc
  ON contents (workspace_id, archived_at, COALESCE(due_at, -1), id);
