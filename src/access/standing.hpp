#pragma once

#include <optional>
#include <string>

#include "auth/policy.hpp"
#include "core/clock.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"

// "What is this person to this content, and may they do X?": the one answer every read and write
// path asks — contents, revisions, comments, tasks, workflow, sharing, notifications, live events,
// webhooks. The rules themselves are auth/policy's table (docs/permissions.md); this module
// gathers, from the database, the facts the table is asked about. Paths that are queries (lists,
// search) apply the same facts inside their query (storage's kSharedWithCondition,
// search::internal::ReadableBy) rather than filtering what they fetched.
namespace copydesk::access {

//! A person's role in a workspace, or nullopt when they are not a member of it.
std::optional<auth::Role> RoleIn(storage::Tx& tx, const std::string& workspace_id,
                                 const std::string& user_id);

//! What a person is to one content: their role in its workspace (none for someone who is not a
//! member, such as a review link's visitor), whether they own it or are assigned to it, and the
//! highest level shared with them on it (a share of the content or of its project, to them or to
//! one of their teams, or a live review link they opened).
struct Standing {
  std::optional<auth::Role> role;
  auth::ContentFacts facts;

  //! The policy's answer for `action` on this content.
  bool Can(auth::Action action) const { return auth::Can(role, action, facts); }
  //! True when they see what is internal to the company (internal comments and their threads).
  bool SeesInternal() const { return auth::SeesInternal(role); }
};

//! What `user_id` is to `content` from the content alone: owner, assignee; no share looked up.
auth::ContentFacts BaseFacts(const storage::ContentRecord& content, const std::string& user_id);

//! What `user_id` is to `content`, shares and review links included.
Standing StandingOn(storage::Tx& tx, const std::string& user_id,
                    const storage::ContentRecord& content, TimeMs now = NowMs());

//! True when `user_id` may do `action` on `content` now. Staff whose role already grants it are
//! answered without looking for shares.
bool May(storage::Tx& tx, const std::string& user_id, const storage::ContentRecord& content,
         auth::Action action, TimeMs now = NowMs());

//! True when `user_id` may read the tasks of a workspace that are on no content.
bool MayReadWorkspaceTasks(storage::Tx& tx, const std::string& user_id,
                           const std::string& workspace_id);

//! True when comment `comment_id` is internal, or a reply in an internal thread: the company's
//! own staff hear of it, guests and link visitors do not.
bool InInternalThread(storage::Tx& tx, const std::string& comment_id);

//! True when `user_id` sees what is internal to workspace `workspace_id` (one of its staff).
bool SeesInternal(storage::Tx& tx, const std::string& user_id, const std::string& workspace_id);

//! A content and what the person who opened it is to it.
struct OnContent {
  storage::ContentRecord content;
  Standing standing;

  //! The policy's answer for `action` on this content.
  bool Can(auth::Action action) const { return standing.Can(action); }
};

//! Opens a content `user_id` may read, with their whole standing (shares included): 404 when it
//! does not exist or they may not read it, so that what one may not see does not exist for them.
Result<OnContent> Open(storage::Tx& tx, const std::string& user_id, const std::string& content_id);

//! Opens a content `user_id` may do `action` on: 404 as Open, 403 when they read it but may not
//! act. Shares are looked up only when their role and ownership do not already answer, so
//! `standing.facts.shared` is set only when a share was needed.
Result<OnContent> OpenFor(storage::Tx& tx, const std::string& user_id,
                          const std::string& content_id, auth::Action action);

}  // namespace copydesk::access
