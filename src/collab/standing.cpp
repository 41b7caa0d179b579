#include "collab/standing.hpp"

#include <algorithm>

#include "storage/workspaces_store.hpp"

namespace copydesk::collab {

Result<Standing> StandOn(storage::Tx& tx, const std::string& user_id,
                         const std::string& content_id) {
  auto content = storage::FindContent(tx, content_id);
  if (!content) return Error::NotFound("No such content.");
  Standing s;
  if (auto stored = storage::FindRole(tx, content->workspace_id, user_id))
    s.role = auth::ParseRole(*stored);
  s.facts = {content->owner_id == user_id,
             std::find(content->assignee_ids.begin(), content->assignee_ids.end(), user_id) !=
                 content->assignee_ids.end()};
  s.content = std::move(*content);
  if (!s.Can(auth::Action::kReadContent)) return Error::NotFound("No such content.");
  return s;
}

}  // namespace copydesk::collab
