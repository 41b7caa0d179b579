#include "storage/exports_store.hpp"

namespace copydesk::storage {

std::optional<ExportTemplateRecord> FindExportTemplate(Tx& tx, const std::string& workspace_id) {
  return tx.First(
      "SELECT workspace_id, name, format, sha256, size, uploaded_by, uploaded_at "
      "FROM export_templates WHERE workspace_id = ?",
      {workspace_id}, [](const Row& r) {
        ExportTemplateRecord t;
        t.workspace_id = r.Text(0);
        t.name = r.Text(1);
        t.format = r.Text(2);
        t.sha256 = r.Text(3);
        t.size = r.Int(4);
        t.uploaded_by = r.OptText(5);
        t.uploaded_at = r.Int(6);
        return t;
      });
}

void SaveExportTemplate(Tx& tx, const ExportTemplateRecord& t) {
  tx.Exec(
      "INSERT INTO export_templates (workspace_id, name, format, sha256, size, uploaded_by, "
      "uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (workspace_id) DO UPDATE SET "
      "name = excluded.name, format = excluded.format, sha256 = excluded.sha256, "
      "size = excluded.size, uploaded_by = excluded.uploaded_by, "
      "uploaded_at = excluded.uploaded_at",
      {t.workspace_id, t.name, t.format, t.sha256, t.size, Nullable(t.uploaded_by), t.uploaded_at});
}

bool DeleteExportTemplate(Tx& tx, const std::string& workspace_id) {
  return tx.Exec("DELETE FROM export_templates WHERE workspace_id = ?", {workspace_id}) > 0;
}

std::optional<std::string> WorkspaceOfView(Tx& tx, const std::string& view_id) {
  return tx.First("SELECT workspace_id FROM saved_views WHERE id = ?", {view_id},
                  [](const Row& r) { return r.Text(0); });
}

}  // namespace copydesk::storage
