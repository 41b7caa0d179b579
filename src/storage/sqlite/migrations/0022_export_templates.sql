-- Exports (issue 18): a workspace's reference document, whose styles (fonts, headings, logo)
-- every .docx or .odt export takes. Its bytes are a blob of the store; this row keeps that blob
-- referenced, so the sweep leaves it alone.
CREATE TABLE export_templates (
  workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id) ON DELETE CASCADE,
  name         TEXT NOT NULL,
  format       TEXT NOT NULL,  -- docx or odt, from the bytes
  sha256       TEXT NOT NULL,
  size         INTEGER NOT NULL,
  uploaded_by  TEXT REFERENCES users (id) ON DELETE SET NULL,
  uploaded_at  INTEGER NOT NULL
);
