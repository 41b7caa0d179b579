#pragma once

#include <optional>
#include <string>

#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

namespace copydesk::auth {

//! A member's role in a workspace, or nullopt when they are not a member.
std::optional<Role> RoleIn(storage::Tx& tx, const std::string& workspace_id,
                           const std::string& user_id);

//! What `user_id` is to `content` without looking for shares: its owner, an assignee.
ContentFacts BaseFacts(const storage::ContentRecord& content, const std::string& user_id);

//! What `user_id` is to `content`: its owner, an assignee, and the highest level shared with
//! them on it (a share of the content or of its project, to them or to one of their teams, or a
//! live review link they opened). The one place those facts are gathered, so that every read
//! path — contents, comments, tasks, search, notifications, live events — agrees.
ContentFacts FactsFor(storage::Tx& tx, const storage::ContentRecord& content,
                      const std::string& user_id, TimeMs now = NowMs());

//! The policy's answer for `action` on `content`, for `user_id`, from their role and facts.
bool CanOnContent(storage::Tx& tx, const std::string& user_id,
                  const storage::ContentRecord& content, Action action, TimeMs now = NowMs());

}  // namespace copydesk::auth
