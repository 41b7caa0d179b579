#pragma once

// Exports (issue 18): the reference document of each workspace.

#include <optional>
#include <string>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A workspace's reference document for .docx/.odt exports.
struct ExportTemplateRecord {
  std::string workspace_id;
  std::string name;    //!< the file name it was uploaded under
  std::string format;  //!< "docx" or "odt"
  std::string sha256;  //!< its blob
  std::int64_t size = 0;
  std::optional<std::string> uploaded_by;
  TimeMs uploaded_at = 0;
};

//! The workspace's reference document, if it has one.
std::optional<ExportTemplateRecord> FindExportTemplate(Tx& tx, const std::string& workspace_id);
//! Sets (or replaces) the workspace's reference document.
void SaveExportTemplate(Tx& tx, const ExportTemplateRecord& record);
//! Removes the workspace's reference document; false when it had none.
bool DeleteExportTemplate(Tx& tx, const std::string& workspace_id);

//! The workspace of saved view `view_id`, if it exists (the export command names only the view).
std::optional<std::string> WorkspaceOfView(Tx& tx, const std::string& view_id);

}  // namespace copydesk::storage
