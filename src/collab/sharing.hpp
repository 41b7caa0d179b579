#pragma once

#include <optional>
#include <string>
#include <vector>

#include "auth/accounts.hpp"
#include "core/result.hpp"
#include "storage/contents_store.hpp"
#include "storage/database.hpp"
#include "storage/settings_store.hpp"
#include "storage/shares_store.hpp"
#include "storage/workflow_store.hpp"

namespace copydesk::collab {

//! A share asked for: one person or one team, and a level.
struct ShareInput {
  std::optional<std::string> user_id;
  std::optional<std::string> team_id;
  std::optional<std::string> level;
};

//! A review link asked for. Unset expiry: in 30 days.
struct LinkInput {
  std::optional<std::string> level;
  std::optional<TimeMs> expires_at;
  std::optional<std::string> password;
  std::optional<std::string> label;
};

//! A link just made: its secret is shown this once, never stored.
struct CreatedLink {
  storage::ShareLinkRecord link;
  std::string secret;
};

//! Who is reviewing through a link, after they opened a session on it.
struct ReviewSession {
  storage::ShareLinkRecord link;
  std::optional<storage::LinkVisitorRecord> visitor;  //!< none: read-only, anonymous
  std::string csrf_token;

  //! The identity under which the visitor's comments and edits are recorded.
  std::optional<auth::Actor> Actor(storage::Tx& tx) const;
};

//! A review session just opened: the token goes into a cookie, once.
struct OpenedReview {
  std::string token;
  TimeMs expires_at = 0;
  ReviewSession session;
};

//! What a visitor asks to record on a content they review.
struct DecisionInput {
  std::optional<std::string> content_id;  //!< required for a project's link
  std::optional<std::int64_t> revision;
  std::optional<std::string> decision;  //!< "validated" or "not_validated"
  std::optional<std::string> comment;
};

//! The frame of a review page's previews (issue 20): the page its posts are signed with, and
//! the channels its contents go out on.
struct ReviewFrame {
  std::string page_name;
  std::vector<storage::ChannelRecord> channels;
};

//! Shares with members and teams, review links for people without an account, and the review
//! sessions of those people.
class Sharing {
 public:
  explicit Sharing(storage::Database& db) : db_(db) {}

  // ---- shares (members who may share what they read) ----
  Result<std::vector<storage::ShareRecord>> ContentShares(const auth::Actor& actor,
                                                          const std::string& content_id);
  Result<std::vector<storage::ShareRecord>> ProjectShares(const auth::Actor& actor,
                                                          const std::string& project_id);
  //! Shares, or changes the level of the existing share with the same person or team; the bool
  //! tells whether it was created.
  Result<std::pair<storage::ShareRecord, bool>> ShareContent(const auth::Actor& actor,
                                                             const std::string& content_id,
                                                             ShareInput in);
  Result<std::pair<storage::ShareRecord, bool>> ShareProject(const auth::Actor& actor,
                                                             const std::string& project_id,
                                                             ShareInput in);
  Result<void> Unshare(const auth::Actor& actor, const std::string& share_id);

  // ---- review links ----
  Result<CreatedLink> LinkContent(const auth::Actor& actor, const std::string& content_id,
                                  LinkInput in, TimeMs now);
  Result<CreatedLink> LinkProject(const auth::Actor& actor, const std::string& project_id,
                                  LinkInput in, TimeMs now);
  Result<std::vector<storage::ShareLinkRecord>> ContentLinks(const auth::Actor& actor,
                                                             const std::string& content_id,
                                                             TimeMs now);
  Result<std::vector<storage::ShareLinkRecord>> ProjectLinks(const auth::Actor& actor,
                                                             const std::string& project_id,
                                                             TimeMs now);
  //! Every live link of a workspace: admins only.
  Result<std::vector<storage::ShareLinkRecord>> WorkspaceLinks(const auth::Actor& actor,
                                                               const std::string& ws, TimeMs now);
  //! Closes a link at once, with its visitors' sessions.
  Result<void> Revoke(const auth::Actor& actor, const std::string& link_id, TimeMs now);

  // ---- visitors ----
  //! Opens a session on the link `secret`. Unknown, closed or expired link and wrong password
  //! answer the same 404 in the same time.
  Result<OpenedReview> Open(const std::string& secret, const std::optional<std::string>& password,
                            const std::optional<std::string>& name,
                            const std::optional<std::string>& email, TimeMs now);
  //! The session `token` on the link `secret`, while both live; `csrf` is checked when set.
  Result<ReviewSession> Resume(const std::string& secret, const std::optional<std::string>& token,
                               TimeMs now);
  //! The contents the link shows, newest first (one for a content's link).
  std::vector<storage::ContentRecord> Shown(const ReviewSession& session);
  //! What previews on the review page are signed and cut with: the workspace's page name, and
  //! the workspace's channels (those of the shown contents are among them).
  ReviewFrame Frame(const ReviewSession& session);
  //! One content the link shows, or 404.
  Result<storage::ContentRecord> ShownContent(const ReviewSession& session,
                                              const std::string& content_id);
  //! The visitor's decisions on `shown` (what Shown gave, or the one content just changed).
  std::vector<storage::ApprovalRecord> Decisions(const ReviewSession& session,
                                                 const std::vector<storage::ContentRecord>& shown);
  //! Records a validate link visitor's decision on the exact revision they saw (409 when the
  //! text changed since), and tells the link's maker and the content's owner and assignees.
  Result<storage::ApprovalRecord> Decide(const ReviewSession& session, DecisionInput in,
                                         TimeMs now);

 private:
  storage::Database& db_;
};

}  // namespace copydesk::collab
