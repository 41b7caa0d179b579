#pragma once

#include <string>
#include <vector>

#include "content/contents.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"
#include "workspace/content_type.hpp"

namespace copydesk::content::internal {

//! Checks a content input against the workspace: every field known to the type and of its kind,
//! every id of this workspace. Refused input names the field; nothing is written.
Result<void> CheckInput(storage::Tx& tx, const std::string& workspace_id,
                        const std::vector<workspace::FieldDef>& defs, ContentInput& in);

}  // namespace copydesk::content::internal
