#include "collab/standing.hpp"

#include <algorithm>

#include "auth/access.hpp"

namespace copydesk::collab {

Result<Standing> StandOn(storage::Tx& tx, const std::string& user_id,
                         const std::string& content_id) {
  auto content = storage::FindContent(tx, content_id);
  if (!content) return Error::NotFound("No such content.");
  Standing s;
  s.role = auth::RoleIn(tx, content->workspace_id, user_id);
  s.facts = auth::FactsFor(tx, *content, user_id);
  s.content = std::move(*content);
  if (!s.Can(auth::Action::kReadContent)) return Error::NotFound("No such content.");
  return s;
}

}  // namespace copydesk::collab
