#pragma once

// Exports: a content at a revision as a file, a project or a saved view as a .zip of files with
// an index, and the workspace's reference document their Word and OpenDocument files are styled
// by. Access is asked of content/ (Contents::Get and Revision) for every content exported, and
// lists come from the access-aware queries (a guest's list holds only what is shared with them).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "auth/accounts.hpp"
#include "convert/export_document.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "files/blob_store.hpp"
#include "files/files.hpp"
#include "search/search.hpp"
#include "storage/database.hpp"

namespace copydesk::convert {

//! Which revision to export.
struct RevisionChoice {
  enum class Kind { kCurrent, kNumber, kValidated };
  Kind kind = Kind::kCurrent;
  std::int64_t number = 0;  //!< with kNumber
};

//! Reads `revision=` ("current", "validated" or a number ≥ 1; absent: current); 422 naming
//! `revision` otherwise.
Result<RevisionChoice> ParseRevisionChoice(const std::optional<std::string>& text);

//! A file to send.
struct ExportedFile {
  std::string name;        //!< "<title-slug>-r<n>.<ext>"
  std::string media_type;  //!< its Content-Type
  std::string bytes;
};

//! What a .zip gathers: a project's contents or a saved view's (exactly one set).
struct CollectionChoice {
  std::optional<std::string> project;
  std::optional<std::string> view;
};

//! Most contents one .zip holds.
inline constexpr std::size_t kMaxCollectionContents = 500;

//! Called after each content of a .zip: how many are done, of how many, and the last one's title.
using ExportProgress =
    std::function<void(std::size_t done, std::size_t total, const std::string& title)>;

//! A workspace's reference document as the API shows it.
struct ReferenceDocument {
  std::string name;
  std::string format;  //!< "docx" or "odt"
  std::int64_t size = 0;
  TimeMs uploaded_at = 0;
};

//! Exports and the reference document.
class Exports {
 public:
  Exports(storage::Database& db, files::BlobStore& blobs) : db_(db), blobs_(blobs) {}

  //! Content `id` at the chosen revision as `format`, for whoever may read it; 404 naming
  //! `revision` when that revision does not exist (or, for "validated", when no revision holds
  //! every approval asked).
  Result<ExportedFile> Content(const auth::Actor& actor, const std::string& id, ExportFormat format,
                               const RevisionChoice& revision);

  //! The contents of a project or a saved view that the caller may read, each at its current
  //! revision as `format`, in a .zip with index.csv and index.html. 422 naming `project` or
  //! `view` beyond kMaxCollectionContents. `search` runs a view that has words to search.
  Result<ExportedFile> Collection(const auth::Actor& actor, const std::string& ws,
                                  const CollectionChoice& choice, ExportFormat format,
                                  search::Search& search, const ExportProgress& progress = {});

  //! Sets the workspace's reference document (owners and admins): a .docx or .odt, told from
  //! its bytes (422 naming `file` otherwise).
  Result<ReferenceDocument> SetReference(const auth::Actor& actor, const std::string& ws,
                                         files::Upload upload);
  //! The workspace's reference document (any member); 404 when it has none.
  Result<ReferenceDocument> Reference(const auth::Actor& actor, const std::string& ws);
  //! Removes the workspace's reference document (owners and admins).
  Result<void> RemoveReference(const auth::Actor& actor, const std::string& ws);

 private:
  storage::Database& db_;
  files::BlobStore& blobs_;
};

}  // namespace copydesk::convert
