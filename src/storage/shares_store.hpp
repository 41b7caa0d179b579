#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "storage/database.hpp"

namespace copydesk::storage {

//! A share: a member or a team given a level ("read", "comment", "edit") on one content or on a
//! whole project.
struct ShareRecord {
  std::string id;
  std::string workspace_id;
  std::optional<std::string> content_id;
  std::optional<std::string> project_id;
  std::optional<std::string> user_id;
  std::optional<std::string> team_id;
  std::string level;
  std::optional<std::string> created_by;
  TimeMs created_at = 0;
  // Read only, for presenting:
  std::string user_name, user_email, user_role, team_name, creator_name;
};

//! The shares of one content (content_id) or one project (project_id).
std::vector<ShareRecord> ListShares(Tx& tx, const std::optional<std::string>& content_id,
                                    const std::optional<std::string>& project_id);
std::optional<ShareRecord> FindShare(Tx& tx, const std::string& id);
//! The share of the same target with the same person or team, if any.
std::optional<ShareRecord> FindSameShare(Tx& tx, const ShareRecord& like);
void InsertShare(Tx& tx, const ShareRecord& s);
void UpdateShareLevel(Tx& tx, const std::string& id, const std::string& level);
void DeleteShare(Tx& tx, const std::string& id);
//! Deletes every share given to `user_id` in a workspace (they leave it); how many there were.
std::int64_t DeleteSharesOfMember(Tx& tx, const std::string& workspace_id,
                                  const std::string& user_id);

//! The levels `user_id` holds on a content, through a share of it or of its project, to them or
//! to a team they are in, or through a live review link they opened: each level once.
std::vector<std::string> ShareLevelsFor(Tx& tx, const std::string& user_id,
                                        const std::string& content_id,
                                        const std::optional<std::string>& project_id, TimeMs now);

//! What is shared with `user_id` in a workspace (directly or through their teams).
struct SharedWith {
  std::vector<std::string> content_ids;
  std::vector<std::string> project_ids;
};
SharedWith SharedWithUser(Tx& tx, const std::string& workspace_id, const std::string& user_id);

//! SQL condition on a contents row aliased `c`: shared with the person bound twice after it
//! (user id, user id). For list queries, so that access is applied inside the query.
inline constexpr const char* kSharedWithCondition =
    "EXISTS (SELECT 1 FROM shares s WHERE (s.content_id = c.id OR s.project_id = c.project_id)"
    " AND (s.user_id = ? OR s.team_id IN (SELECT team_id FROM team_members WHERE user_id = ?)))";

//! The workspace a project belongs to, or nullopt when there is no such project.
std::optional<std::string> WorkspaceOfProject(Tx& tx, const std::string& project_id);

//! A review link, as stored: its secret only as a hash.
struct ShareLinkRecord {
  std::string id;
  std::string workspace_id;
  std::optional<std::string> content_id;
  std::optional<std::string> project_id;
  std::string level;  //!< read, comment, edit or validate
  std::string label;
  std::string secret_hash;
  std::optional<std::string> password_hash;
  TimeMs expires_at = 0;
  std::optional<std::string> created_by;
  TimeMs created_at = 0;
  std::optional<TimeMs> revoked_at;
  std::optional<std::string> revoked_by;
  std::optional<TimeMs> last_used_at;
  // Read only, for presenting:
  std::string creator_name, content_title, project_name;

  bool Live(TimeMs now) const { return !revoked_at && expires_at > now; }
};

void InsertShareLink(Tx& tx, const ShareLinkRecord& l);
std::optional<ShareLinkRecord> FindShareLink(Tx& tx, const std::string& id);
std::optional<ShareLinkRecord> FindShareLinkBySecretHash(Tx& tx, const std::string& secret_hash);
//! Live links (not revoked, not expired) of a workspace, or of one content or project in it.
std::vector<ShareLinkRecord> ListLiveShareLinks(Tx& tx, const std::string& workspace_id,
                                                const std::optional<std::string>& content_id,
                                                const std::optional<std::string>& project_id,
                                                TimeMs now);
void RevokeShareLink(Tx& tx, const std::string& id, const std::string& by, TimeMs now);
void TouchShareLink(Tx& tx, const std::string& id, TimeMs now);

//! Someone who opened a review link and said who they are; `user_id` records what they write.
struct LinkVisitorRecord {
  std::string id;
  std::string link_id;
  std::string user_id;
  std::string name;
  std::string email;
  TimeMs created_at = 0;
};
std::optional<LinkVisitorRecord> FindLinkVisitorById(Tx& tx, const std::string& id);
void InsertLinkVisitor(Tx& tx, const LinkVisitorRecord& v);

//! A browser's session on one review link.
struct LinkSessionRecord {
  std::string token_hash;
  std::string link_id;
  std::optional<std::string> visitor_id;
  std::string csrf_token;
  TimeMs created_at = 0;
  TimeMs expires_at = 0;
};
void InsertLinkSession(Tx& tx, const LinkSessionRecord& s);
std::optional<LinkSessionRecord> FindLinkSession(Tx& tx, const std::string& token_hash);
void DeleteExpiredLinkSessions(Tx& tx, TimeMs now);

}  // namespace copydesk::storage
