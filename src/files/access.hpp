#pragma once

// The one place files/ asks who may do what: a content's files follow the content's own access
// rule (read it → read its files; edit it → change them), and the library follows the
// workspace roles. When access/ answers for every path, this file is what points at it.

#include <optional>
#include <string>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

namespace copydesk::files {

//! What a caller asks to do.
enum class Need {
  kReadContentFiles,  //!< see and download a content's files (target: the content)
  kEditContentFiles,  //!< add, replace, remove a content's files (target: the content)
  kReadLibrary,       //!< see the workspace's library (target: the workspace)
  kAddToLibrary,      //!< upload into the library (target: the workspace)
  kManageLibrary,     //!< rename, tag, replace everywhere, delete library files (target: ws)
};

//! How the caller stands, when they may.
struct Standing {
  std::optional<storage::ContentRecord> content;  //!< with the content needs
  std::string workspace_id;
  //! With kReadLibrary: false for a guest, who sees only the files of contents shared with them.
  bool whole_library = false;
};

//! May `actor` do `need` on `target`? 404 for what they may not see, 403 for what they see but
//! may not do (and the content's own 409/423 for an archived or locked content).
Result<Standing> Authorize(storage::Tx& tx, const auth::Actor& actor, Need need,
                           const std::string& target);

}  // namespace copydesk::files
