#include "access/standing.hpp"

#include <algorithm>

#include "storage/collab_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/workspaces_store.hpp"

namespace copydesk::access {

using auth::Action;
using storage::Tx;

std::optional<auth::Role> RoleIn(Tx& tx, const std::string& workspace_id,
                                 const std::string& user_id) {
  if (auto stored = storage::FindRole(tx, workspace_id, user_id)) return auth::ParseRole(*stored);
  return std::nullopt;
}

auth::ContentFacts BaseFacts(const storage::ContentRecord& content, const std::string& user_id) {
  auth::ContentFacts facts;
  facts.owner = content.owner_id == user_id;
  facts.assignee = std::find(content.assignee_ids.begin(), content.assignee_ids.end(), user_id) !=
                   content.assignee_ids.end();
  return facts;
}

namespace {

// The highest level shared with `user_id` on `content`, added to `facts`.
void AddShares(Tx& tx, const storage::ContentRecord& content, const std::string& user_id,
               TimeMs now, auth::ContentFacts& facts) {
  for (const auto& name :
       storage::ShareLevelsFor(tx, user_id, content.id, content.project_id, now)) {
    const auto level = auth::ParseShareLevel(name);
    if (level && (!facts.shared || *level > *facts.shared)) facts.shared = level;
  }
}

}  // namespace

Standing StandingOn(Tx& tx, const std::string& user_id, const storage::ContentRecord& content,
                    TimeMs now) {
  Standing s{RoleIn(tx, content.workspace_id, user_id), BaseFacts(content, user_id)};
  AddShares(tx, content, user_id, now, s.facts);
  return s;
}

bool May(Tx& tx, const std::string& user_id, const storage::ContentRecord& content, Action action,
         TimeMs now) {
  const auto role = RoleIn(tx, content.workspace_id, user_id);
  // Staff read everything in their workspace: no need to look for shares.
  if (auth::Can(role, action)) return true;
  auto facts = BaseFacts(content, user_id);
  AddShares(tx, content, user_id, now, facts);
  return auth::Can(role, action, facts);
}

bool MayReadWorkspaceTasks(Tx& tx, const std::string& user_id, const std::string& workspace_id) {
  return auth::Can(RoleIn(tx, workspace_id, user_id), Action::kReadContent);
}

bool InInternalThread(Tx& tx, const std::string& comment_id) {
  const auto comment = storage::FindComment(tx, comment_id);
  const auto root =
      comment && comment->parent_id ? storage::FindComment(tx, *comment->parent_id) : comment;
  return (comment && comment->internal) || (root && root->internal);
}

bool SeesInternal(Tx& tx, const std::string& user_id, const std::string& workspace_id) {
  return auth::SeesInternal(RoleIn(tx, workspace_id, user_id));
}

Result<OnContent> Open(Tx& tx, const std::string& user_id, const std::string& content_id) {
  auto content = storage::FindContent(tx, content_id);
  if (!content) return Error::NotFound("No such content.");
  OnContent on{std::move(*content), {}};
  on.standing = StandingOn(tx, user_id, on.content);
  if (!on.Can(Action::kReadContent)) return Error::NotFound("No such content.");
  return on;
}

Result<OnContent> OpenFor(Tx& tx, const std::string& user_id, const std::string& content_id,
                          Action action) {
  auto content = storage::FindContent(tx, content_id);
  if (!content) return Error::NotFound("No such content.");
  OnContent on{std::move(*content), {}};
  on.standing.role = RoleIn(tx, on.content.workspace_id, user_id);
  on.standing.facts = BaseFacts(on.content, user_id);
  // Shares are looked up only when the role and ownership do not already allow the action.
  if (!(on.Can(Action::kReadContent) && on.Can(action)))
    AddShares(tx, on.content, user_id, NowMs(), on.standing.facts);
  if (!on.Can(Action::kReadContent)) return Error::NotFound("No such content.");
  if (!on.Can(action)) return Error::Forbidden();
  return on;
}

}  // namespace copydesk::access
