-- Migrations that rewrite many rows (compressing history, backfilling a column on 100,000
-- contents) run in batches once the schema is current, each batch a short transaction of its own
-- that also moves the position kept here: the server serves between batches, and a process
-- stopped or killed in the middle resumes after the last batch that committed.
CREATE TABLE batched_migrations (
  name        TEXT PRIMARY KEY,
  position    TEXT NOT NULL DEFAULT '',    -- the last row done, in the migration's own order
  done_rows   INTEGER NOT NULL DEFAULT 0,  -- rows rewritten so far, for progress
  started_at  INTEGER NOT NULL,
  finished_at INTEGER                      -- NULL: still to run or resume
);
