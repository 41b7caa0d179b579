-- The screen a view opens on (the contents list, the board or search results): a view saved on
-- the board opens the board for everyone it is shared with. NULL: where its filters say.
ALTER TABLE saved_views ADD COLUMN screen TEXT CHECK (screen IN ('contents', 'board', 'search'));
