#include "auth/access.hpp"

#include <algorithm>

#include "storage/shares_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::auth {

std::optional<Role> RoleIn(storage::Tx& tx, const std::string& workspace_id,
                           const std::string& user_id) {
  if (auto stored = storage::FindRole(tx, workspace_id, user_id)) return ParseRole(*stored);
  return std::nullopt;
}

ContentFacts BaseFacts(const storage::ContentRecord& content, const std::string& user_id) {
  ContentFacts facts;
  facts.owner = content.owner_id == user_id;
  facts.assignee = std::find(content.assignee_ids.begin(), content.assignee_ids.end(), user_id) !=
                   content.assignee_ids.end();
  return facts;
}

ContentFacts FactsFor(storage::Tx& tx, const storage::ContentRecord& content,
                      const std::string& user_id, TimeMs now) {
  ContentFacts facts = BaseFacts(content, user_id);
  for (const auto& name :
       storage::ShareLevelsFor(tx, user_id, content.id, content.project_id, now)) {
    const auto level = ParseShareLevel(name);
    if (level && (!facts.shared || *level > *facts.shared)) facts.shared = level;
  }
  return facts;
}

bool CanOnContent(storage::Tx& tx, const std::string& user_id,
                  const storage::ContentRecord& content, Action action, TimeMs now) {
  const auto role = RoleIn(tx, content.workspace_id, user_id);
  // Staff read everything in their workspace: no need to look for shares.
  if (Can(role, action)) return true;
  return Can(role, action, FactsFor(tx, content, user_id, now));
}

}  // namespace copydesk::auth
