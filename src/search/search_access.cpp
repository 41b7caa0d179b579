#include "search/search_access.hpp"

#include <vector>

#include "access/standing.hpp"
#include "search/search_index.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::search::internal {

using Xapian::Query;

Result<Access> AccessTo(storage::Tx& tx, const auth::Actor& actor, const std::string& ws) {
  const auto workspace = storage::FindWorkspace(tx, ws);
  if (!workspace) return Error::NotFound("No such workspace.");
  Access a{workspace->id, std::nullopt, actor.user.id, {}};
  a.role = access::RoleIn(tx, a.workspace_id, actor.user.id);
  if (!a.role) return Error::NotFound("No such workspace.");
  if (!auth::Can(a.role, auth::Action::kReadContent))
    a.shared = storage::SharedWithUser(tx, a.workspace_id, actor.user.id);
  return a;
}

Query ReadableBy(const Access& a) {
  std::vector<Query> readers;
  if (auth::Can(a.role, auth::Action::kReadContent))
    readers.emplace_back(prefix::kStaff + a.workspace_id);
  for (const auto& id : a.shared.content_ids) readers.emplace_back(prefix::kId + id);
  for (const auto& id : a.shared.project_ids) readers.emplace_back(prefix::kProject + id);
  if (readers.empty()) return Query::MatchNothing;
  return Query(Query::OP_AND, Query(prefix::kWorkspace + a.workspace_id),
               Query(Query::OP_OR, readers.begin(), readers.end()));
}

}  // namespace copydesk::search::internal
